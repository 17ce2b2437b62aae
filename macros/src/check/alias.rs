//! The rules of a named alias: a value type, and no key of its own.

use crate::ctxt::Ctxt;
use crate::model::Alias;
use crate::symbol::{PYTHON, TYPED_DICT};

/// Records every rule `alias` breaks.
pub fn check(cx: &mut Ctxt, alias: &Alias) {
    if let Some(attr) = &alias.field_helper {
        cx.error_spanned_by(
            attr,
            format!(
                "the field of named alias `{}` takes no {TYPED_DICT} attribute: the alias has no key of its own",
                alias.ident
            ),
        );
    }
    super::check_value_type(cx, &alias.target, &format!("named alias `{}`", alias.ident));
    if let Some(python) = &alias.python {
        if python.value().trim().is_empty() {
            cx.error_spanned_by(
                python,
                format!(
                    "`{PYTHON}` of named alias `{}` is empty: write what the stub's `{} = ...` line says, or leave it out to render the target",
                    alias.ident, alias.ident
                ),
            );
        }
    }
}
