//! The value type of a union member or an alias target, as an expression for the item's
//! static schema, when the type holds the item itself (`List<Self>`, `Dict<String, Self>`).
//!
//! `<List<Expr> as Value>::TYPE` would not do there: the static schema would evaluate
//! `Expr::TYPE`, a const whose value points at that same static, and rustc reports the
//! cycle. Where a type holds the item, its value type is built here instead, pointing at a
//! second static (`SELF_TYPE`, the item's own `ValueType`): statics may refer to each other
//! in a cycle, consts may not. Typed dicts need none of this (their schema is reached
//! through a function), so a type that holds the item only through a typed dict keeps its
//! `<T as Value>::TYPE`.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Ident, Type};

use crate::model::is_itself;
use crate::ty::{self, Kind, Ty};

/// The name of the static holding the item's own `ValueType`.
pub fn static_name() -> Ident {
    Ident::new("SELF_TYPE", proc_macro2::Span::call_site())
}

/// The static holding the item's own `ValueType` (`ValueType::Union(&SCHEMA)`, written as
/// `own`), declared only when one of `types` holds the item: unused, it would be dead code.
pub fn declare<'a>(
    types: impl IntoIterator<Item = &'a Ty>,
    item: &Ident,
    own: TokenStream,
) -> TokenStream {
    let self_type = static_name();
    if types.into_iter().any(|ty| mentions(&ty.ty, item)) {
        quote!(static #self_type: __td::ValueType = #own;)
    } else {
        TokenStream::new()
    }
}

/// `ty`'s value type, a `ValueType` expression for the static schema of the item `item`.
pub fn value_type(ty: &Ty, item: &Ident) -> TokenStream {
    if !mentions(&ty.ty, item) {
        let ty = &ty.ty;
        return quote!(<#ty as __td::Value>::TYPE);
    }
    let self_type = static_name();
    match &ty.kind {
        Kind::Named if is_itself(&ty.ty, item) => quote!(#self_type),
        // `Box` is invisible in the schema, as its `TypedValue` impl says.
        Kind::Box(inner) => value_type(inner, item),
        Kind::Seq(element) => {
            let element = reference(element, item);
            // `Sequence` is the input list; `List` and `Vec` are the output one, as their
            // `TypedValue` impls say.
            if last_segment(&ty.ty).is_some_and(|name| name == "Sequence") {
                quote!(__td::ValueType::Sequence(#element))
            } else {
                quote!(__td::ValueType::List(#element))
            }
        }
        Kind::Nullable(inner) => {
            let inner = reference(inner, item);
            quote!(__td::ValueType::Nullable(#inner))
        }
        Kind::Dict(key, value) => {
            let mapping = ty.is_mapping();
            let (key, value) = (reference(key, item), reference(value, item));
            if mapping {
                quote!(__td::ValueType::Mapping(#key, #value))
            } else {
                quote!(__td::ValueType::Dict(#key, #value))
            }
        }
        // Anything else check reports, or the type checker judges.
        _ => {
            let ty = &ty.ty;
            quote!(<#ty as __td::Value>::TYPE)
        }
    }
}

/// A `&'static ValueType` for `ty`: the item's own static where `ty` is the item.
fn reference(ty: &Ty, item: &Ident) -> TokenStream {
    if is_itself(&ty.ty, item) {
        let self_type = static_name();
        return quote!(&#self_type);
    }
    let value = value_type(ty, item);
    quote!(&#value)
}

/// Whether the item's name appears anywhere in `ty`.
fn mentions(ty: &Type, item: &Ident) -> bool {
    fn walk(tokens: TokenStream, item: &Ident) -> bool {
        tokens.into_iter().any(|token| match token {
            proc_macro2::TokenTree::Ident(ident) => ident == *item,
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), item),
            _ => false,
        })
    }
    walk(quote!(#ty), item)
}

fn last_segment(ty: &Type) -> Option<String> {
    match ty::strip(ty) {
        Type::Path(path) => path.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}
