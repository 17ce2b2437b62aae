//! What `#[typed_dict]` can go on: type parameters on typed dicts only, and a struct with named fields, a
//! one-field tuple struct or an enum.

use syn::{DeriveInput, GenericParam};

use crate::ctxt::Ctxt;
use crate::model::{Item, Unsupported};
use crate::symbol::{PYTHON, TYPED_DICT};

/// A typed dict may have type parameters (one schema per instantiation); a literal, union
/// or alias names one schema, so it has none. Lifetimes and const parameters have no
/// Python counterpart, so no typed dict has them either.
pub fn generics(cx: &mut Ctxt, input: &DeriveInput, item: Option<&Item>) {
    let generics = &input.generics;
    if generics.params.is_empty() && generics.where_clause.is_none() {
        return;
    }
    if !matches!(item, Some(Item::TypedDict(_))) {
        let what = match item {
            Some(Item::Literal(_)) => "literals",
            Some(Item::Union(_)) => "unions",
            Some(Item::Alias(_)) => "named aliases",
            Some(Item::PythonOnly(_)) => "Python-only types",
            _ => "these types",
        };
        cx.error_spanned_by(
            generics,
            format!("#[{TYPED_DICT}] {what} cannot be generic: only a typed dict (a struct with named fields) may have type parameters"),
        );
        return;
    }
    for param in &generics.params {
        match param {
            GenericParam::Lifetime(lifetime) => cx.error_spanned_by(
                lifetime,
                format!("#[{TYPED_DICT}] types cannot have lifetime parameters: a typed dict owns its values"),
            ),
            GenericParam::Const(constant) => cx.error_spanned_by(
                constant,
                format!("#[{TYPED_DICT}] types cannot have const parameters: only type parameters, which Python's `Generic[T]` can spell"),
            ),
            GenericParam::Type(_) => {}
        }
    }
}

/// Why a declaration the model cannot hold is not one.
pub fn unsupported(cx: &mut Ctxt, input: &DeriveInput, unsupported: &Unsupported) {
    let ident = &input.ident;
    match unsupported {
        Unsupported::TupleStruct { fields } => cx.error_spanned_by(
            ident,
            format!(
                "#[{TYPED_DICT}] needs named fields (a typed dict) or one field (a named alias): tuple struct `{ident}` has {fields} fields"
            ),
        ),
        Unsupported::UnitStruct => cx.error_spanned_by(
            ident,
            format!("#[{TYPED_DICT}] needs named fields: unit struct `{ident}` has no keys (a Python-only type, one with no JSON form, says its annotation: `#[{TYPED_DICT}({PYTHON} = \"Callable[..., Any]\")]`)"),
        ),
        Unsupported::Union(token) => cx.error_spanned_by(
            token,
            format!(
                "#[{TYPED_DICT}] cannot be used on union `{ident}`; use a struct with named fields"
            ),
        ),
    }
}
