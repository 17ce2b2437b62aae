//! What `#[typed_dict]` can go on: no generics, and a struct with named fields, a
//! one-field tuple struct or an enum.

use syn::DeriveInput;

use crate::ctxt::Ctxt;
use crate::model::Unsupported;
use crate::symbol::TYPED_DICT;

/// A typed dict, literal, union or alias names one schema, so it has no parameters.
pub fn generics(cx: &mut Ctxt, input: &DeriveInput) {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            format!("#[{TYPED_DICT}] types cannot be generic"),
        );
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
            format!("#[{TYPED_DICT}] needs named fields: unit struct `{ident}` has no keys"),
        ),
        Unsupported::Union(token) => cx.error_spanned_by(
            token,
            format!(
                "#[{TYPED_DICT}] cannot be used on union `{ident}`; use a struct with named fields"
            ),
        ),
    }
}
