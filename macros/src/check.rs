//! Rules that span several fields or variants, checked on the model before expansion.

use std::collections::HashMap;

use syn::Type;

use crate::ctxt::Ctxt;
use crate::model::{self, Item, Literal, TypedDict};

/// Records every rule the model breaks.
pub fn check(cx: &mut Ctxt, item: &Item) {
    match item {
        Item::TypedDict(typed_dict) => {
            check_duplicate_keys(cx, typed_dict);
            check_closed_with_extra(cx, typed_dict);
            check_field_types(cx, typed_dict);
        }
        Item::Literal(literal) => check_duplicate_values(cx, literal),
    }
}

fn check_duplicate_keys(cx: &mut Ctxt, typed_dict: &TypedDict) {
    let mut first_use = HashMap::new();
    for field in &typed_dict.fields {
        if let Some(first) = first_use.insert(field.key.as_str(), field) {
            let message = |ident: &syn::Ident, other: &syn::Ident| {
                format!(
                    "duplicate key `{}`: fields `{ident}` and `{other}` both use it",
                    field.key
                )
            };
            cx.push(syn::Error::new(
                first.key_span,
                message(&first.ident, &field.ident),
            ));
            cx.push(syn::Error::new(
                field.key_span,
                message(&field.ident, &first.ident),
            ));
        }
    }
}

fn check_closed_with_extra(cx: &mut Ctxt, typed_dict: &TypedDict) {
    if let (true, Some(extra)) = (typed_dict.closed, &typed_dict.extra) {
        cx.push(syn::Error::new(
            extra.span,
            format!(
                "`{}` cannot be both `closed` and have an `extra` field: closed rejects the keys extra would keep",
                typed_dict.ident
            ),
        ));
    }
    if let Some(extra) = &typed_dict.extra {
        if model::option_inner(&extra.ty).is_some() {
            cx.error_spanned_by(
                &extra.ty,
                format!(
                    "extra-items field `{}` must be `Dict<String, JsonValue>`, not an Option",
                    extra.ident
                ),
            );
        }
    }
}

fn check_field_types(cx: &mut Ctxt, typed_dict: &TypedDict) {
    for field in &typed_dict.fields {
        if model::option_inner(&field.value_ty).is_some() {
            cx.error_spanned_by(
                &field.ty,
                format!(
                    "field `{}` (key `{}`) is `Option<Option<T>>`: a NotRequired key is `Option<T>`, and `null` is never a value",
                    field.ident, field.key
                ),
            );
        } else if let Some(problem) = unsupported(&field.value_ty) {
            cx.error_spanned_by(
                &field.value_ty,
                format!(
                    "unsupported type for field `{}` (key `{}`): {problem}; supported: String (str), i64 (int), f64 (float), bool, Timestamp, Blob, Sequence<T>, List<T>, Dict<K, V>, Option<T> for NotRequired keys, and #[typed_dict] structs and enums",
                    field.ident, field.key
                ),
            );
        }
    }
}

/// Why a type cannot be a value, for the types that can be told apart by their spelling.
/// Other types are left to the `Value` trait bound, whose message lists the same kinds.
fn unsupported(ty: &Type) -> Option<String> {
    let spelled = model::spelled(ty);
    match ty {
        Type::Path(path) if path.qself.is_none() => {
            let last = path.path.segments.last()?;
            let name = last.ident.to_string();
            let advice = match name.as_str() {
                "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i128"
                | "isize" => "integers are `i64`",
                "f32" => "floats are `f64`",
                "char" | "str" | "Box" | "Rc" | "Arc" | "Cow" => "strings are `String`",
                "HashMap" | "BTreeMap" | "IndexMap" => "maps are `Dict<K, V>`",
                "HashSet" | "BTreeSet" | "VecDeque" => "lists are `Sequence<T>` or `List<T>`",
                _ => return None,
            };
            Some(format!("`{spelled}` is not a typed dict value ({advice})"))
        }
        // `<T as Output>::Output`, as output variants spell nested types: left to the trait.
        Type::Path(_) => None,
        Type::Paren(inner) => unsupported(&inner.elem),
        Type::Group(inner) => unsupported(&inner.elem),
        _ => Some(format!("`{spelled}` is not a typed dict value")),
    }
}

fn check_duplicate_values(cx: &mut Ctxt, literal: &Literal) {
    let mut first_use = HashMap::new();
    for variant in &literal.variants {
        if let Some(first) = first_use.insert(variant.value.as_str(), variant) {
            let message = |ident: &syn::Ident, other: &syn::Ident| {
                format!(
                    "duplicate literal value \"{}\": variants `{ident}` and `{other}` both use it",
                    variant.value
                )
            };
            cx.push(syn::Error::new(
                first.value_span,
                message(&first.ident, &variant.ident),
            ));
            cx.push(syn::Error::new(
                variant.value_span,
                message(&variant.ident, &first.ident),
            ));
        }
    }
}
