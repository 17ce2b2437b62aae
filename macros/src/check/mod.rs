//! Every rule, judged on the model and on the settings as written, as serde_derive's
//! `internals/check.rs`: `attr` and `model` record what was written with its spans, and
//! only the modules here decide that something is wrong. (The parser still raises parse
//! errors of an attribute's own syntax; see `attr`.)
//!
//! One module per kind of declaration, and one for each rule that spans them all.

mod alias;
mod constraint;
mod literal;
mod python_only;
mod serde;
mod settings;
mod shape;
mod typed_dict;
mod union;
mod value;

use syn::DeriveInput;

use crate::attr;
use crate::ctxt::Ctxt;
use crate::derives::Derives;
use crate::model::{Item, Unsupported};
use crate::ty::Ty;

/// Records every rule the declaration breaks: `built` is the model, or the shape that has
/// none.
pub fn check(
    cx: &mut Ctxt,
    input: &DeriveInput,
    container: &attr::Container,
    built: Result<&Item, &Unsupported>,
) {
    shape::generics(cx, input, built.ok());
    serde::attributes(cx, input);
    settings::repeats(cx, container.repeats());
    let item = match built {
        Ok(item) => item,
        Err(unsupported) => return shape::unsupported(cx, input, unsupported),
    };
    serde::derives(cx, derives(item));
    settings::applicability(cx, container, item);
    match item {
        Item::TypedDict(typed_dict) => {
            typed_dict::check(cx, typed_dict);
            constraint::check(cx, typed_dict);
        }
        Item::Literal(literal) => literal::check(cx, literal),
        Item::Union(union) => union::check(cx, union),
        Item::Alias(alias) => alias::check(cx, alias),
        Item::PythonOnly(python_only) => python_only::check(cx, python_only),
    }
}

fn derives(item: &Item) -> &Derives {
    match item {
        Item::TypedDict(typed_dict) => &typed_dict.derives,
        Item::Literal(literal) => &literal.derives,
        Item::Union(union) => &union.derives,
        Item::Alias(alias) => &alias.derives,
        Item::PythonOnly(python_only) => &python_only.derives,
    }
}

/// Every problem of a value type that is not a field's (a union member, an alias target).
/// A wire name (`what`) two members (`whose`: fields, variants) both use: one error at
/// each use, each naming the other, so the user sees both places.
fn used_twice(
    cx: &mut Ctxt,
    what: &str,
    whose: &str,
    (first, first_span): (&syn::Ident, proc_macro2::Span),
    (second, second_span): (&syn::Ident, proc_macro2::Span),
) {
    let message = |ident: &syn::Ident, other: &syn::Ident| {
        format!("duplicate {what}: {whose} `{ident}` and `{other}` both use it")
    };
    cx.push(syn::Error::new(first_span, message(first, second)));
    cx.push(syn::Error::new(second_span, message(second, first)));
}

fn check_value_type(cx: &mut Ctxt, value: &Ty, what: &str) {
    for (ty, problem) in value::problems(value) {
        cx.error_spanned_by(ty, format!("unsupported type for {what}: {problem}"));
    }
}
