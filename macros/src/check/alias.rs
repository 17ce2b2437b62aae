//! The rules of a named alias: a value type, and no key of its own.

use crate::ctxt::Ctxt;
use crate::model::Alias;
use crate::symbol::TYPED_DICT;

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
}
