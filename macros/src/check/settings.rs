//! Rules on the settings as a whole: each is given once, and each container setting only
//! where it means something.

use proc_macro2::Span;

use crate::attr;
use crate::ctxt::Ctxt;
use crate::model::Item;
use crate::symbol::{Symbol, INLINE, OUTPUT, PYTHON, RENAME_ALL, TYPED_DICT};

/// A setting is given at most once, in one attribute or across several.
pub fn repeats(cx: &mut Ctxt, repeats: Vec<(Symbol, Span)>) {
    for (name, span) in repeats {
        cx.push(syn::Error::new(
            span,
            format!("duplicate {TYPED_DICT} attribute `{name}`"),
        ));
    }
}

const TYPED_DICTS: &str = "typed dict structs";
const LITERALS: &str = "literal enums";
const UNIONS: &str = "unions";
const ALIASES: &str = "named aliases";
const PYTHON_ONLY: &str = "Python-only types";

/// The kinds of item a container setting applies to, as the messages name them. The one
/// statement of the rule: `crate` applies to all (and is never refused), `rename_all`
/// to typed dicts and literals (their keys and values come from names), `output` to typed
/// dicts, unions and aliases (the types with an output counterpart of their own), `inline`
/// to unions and literals (the types a stub may write in place), `python` to aliases and
/// Python-only types (the ones whose Python text is the declaration's), every other
/// setting to typed dicts only.
fn applies_to(setting: Symbol) -> &'static [&'static str] {
    if setting == RENAME_ALL {
        &[TYPED_DICTS, LITERALS]
    } else if setting == OUTPUT {
        &[TYPED_DICTS, UNIONS, ALIASES]
    } else if setting == INLINE {
        &[UNIONS, LITERALS]
    } else if setting == PYTHON {
        &[ALIASES, PYTHON_ONLY]
    } else {
        &[TYPED_DICTS]
    }
}

/// Each container setting given on an item it does not apply to.
pub fn applicability(cx: &mut Ctxt, container: &attr::Container, item: &Item) {
    let kind = match item {
        Item::TypedDict(_) => TYPED_DICTS,
        Item::Literal(_) => LITERALS,
        Item::Union(_) => UNIONS,
        Item::Alias(_) => ALIASES,
        Item::PythonOnly(_) => PYTHON_ONLY,
    };
    let settings = [
        (container.closed.name(), container.closed.span()),
        (container.output.name(), container.output.span()),
        (container.required.name(), container.required.span()),
        (container.rename_all.name(), container.rename_all.span()),
        (container.inline.name(), container.inline.span()),
        (container.python.name(), container.python.span()),
    ];
    for (name, span) in settings {
        let applies = applies_to(name);
        if let (Some(span), false) = (span, applies.contains(&kind)) {
            cx.push(syn::Error::new(
                span,
                format!("`{name}` applies to {}, not {kind}", listed(applies)),
            ));
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn listed(kinds: &[&str]) -> String {
    match kinds {
        [] => String::new(),
        [only] => (*only).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
