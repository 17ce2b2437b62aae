//! Rules that span several fields or variants, or read the classified types, checked on
//! the model before expansion.

use std::collections::HashMap;

use crate::ctxt::Ctxt;
use crate::model::{Alias, Item, Literal, TypedDict, Union};
use crate::ty::{self, Kind, Scalar, Ty};

/// Records every rule the model breaks.
pub fn check(cx: &mut Ctxt, item: &Item) {
    match item {
        Item::TypedDict(typed_dict) => {
            check_duplicate_keys(cx, typed_dict);
            check_extra(cx, typed_dict);
            check_field_types(cx, typed_dict);
        }
        Item::Literal(literal) => {
            check_duplicate_values(cx, literal);
            check_other(cx, literal);
        }
        Item::Union(union) => check_union(cx, union),
        Item::Alias(alias) => check_alias(cx, alias),
    }
}

/// Every problem of a value type that is not a field's (a union member, an alias target).
fn check_value_type(cx: &mut Ctxt, value: &Ty, what: &str) {
    for (ty, problem) in value.problems() {
        cx.error_spanned_by(ty, format!("unsupported type for {what}: {problem}"));
    }
}

fn check_union(cx: &mut Ctxt, union: &Union) {
    let mut first_use: HashMap<String, &syn::Ident> = HashMap::new();
    for member in &union.members {
        check_value_type(
            cx,
            &member.value,
            &format!("union member `{}`", member.ident),
        );
        let spelled = ty::spelled(&member.value.ty);
        if let Some(first) = first_use.get(&spelled) {
            cx.error_spanned_by(
                &member.value.ty,
                format!(
                    "union members `{first}` and `{}` both hold `{spelled}`: decoding takes the first member that accepts a value, so `{}` would never be chosen",
                    member.ident, member.ident
                ),
            );
        } else {
            first_use.insert(spelled, &member.ident);
        }
    }
}

fn check_alias(cx: &mut Ctxt, alias: &Alias) {
    check_value_type(cx, &alias.target, &format!("named alias `{}`", alias.ident));
}

fn check_duplicate_keys(cx: &mut Ctxt, typed_dict: &TypedDict) {
    let mut first_use = HashMap::new();
    for field in &typed_dict.fields {
        if field.key.is_empty() {
            cx.push(syn::Error::new(
                field.key_span,
                format!(
                    "field `{}` has an empty key; name it with `key = \"...\"`",
                    field.ident
                ),
            ));
        }
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

fn check_extra(cx: &mut Ctxt, typed_dict: &TypedDict) {
    let Some(extra) = &typed_dict.extra else {
        return;
    };
    if typed_dict.closed {
        cx.push(syn::Error::new(
            extra.span,
            format!(
                "`{}` cannot be both `closed` and have an `extra` field: closed rejects the keys extra would keep",
                typed_dict.ident
            ),
        ));
    }
    // A type the macro cannot see into (an alias, `Value` imported from serde_json) is
    // left to the type checker, which insists on the exact type where the field is built.
    let classified = Ty::classify(&extra.ty);
    let right = match &classified.kind {
        Kind::Dict(key, value) => {
            matches!(key.kind, Kind::Scalar(Scalar::Str) | Kind::Named)
                && matches!(value.kind, Kind::JsonValue | Kind::Named)
        }
        Kind::Named => true,
        _ => false,
    };
    if !right {
        cx.error_spanned_by(
            &extra.ty,
            format!(
                "extra-items field `{}` must be `Dict<String, JsonValue>` (`typed_dict::Dict` of `String` to `typed_dict::JsonValue`), not `{}`",
                extra.ident,
                ty::spelled(&extra.ty)
            ),
        );
    }
}

fn check_field_types(cx: &mut Ctxt, typed_dict: &TypedDict) {
    for field in &typed_dict.fields {
        if let Some(inner) = field.value.option_inner() {
            cx.error_spanned_by(
                &field.ty,
                format!(
                    "field `{}` (key `{}`) is `Option<Option<{}>>`: a NotRequired key is `Option<T>`, and `null` is never a value",
                    field.ident,
                    field.key,
                    ty::spelled(&inner.ty)
                ),
            );
            continue;
        }
        for (ty, problem) in field.value.problems() {
            cx.error_spanned_by(
                ty,
                format!(
                    "unsupported type for field `{}` (key `{}`): {problem}",
                    field.ident, field.key
                ),
            );
        }
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

fn check_other(cx: &mut Ctxt, literal: &Literal) {
    let Some(other) = &literal.other else {
        return;
    };
    let is_unknown_value =
        match ty::strip(&other.ty) {
            syn::Type::Path(path) => path.path.segments.last().is_some_and(|segment| {
                segment.ident == "UnknownValue" && segment.arguments.is_empty()
            }),
            _ => false,
        };
    if literal.derives.has("Copy") {
        cx.error_spanned_by(
            &other.ident,
            format!(
                "open literal `{}` cannot derive `Copy`: its `{}` variant holds the string as sent",
                literal.ident, other.ident
            ),
        );
    }
    if !is_unknown_value {
        cx.error_spanned_by(
            &other.ty,
            format!(
                "the `other` variant `{}` holds `typed_dict::UnknownValue`, not `{}`",
                other.ident,
                ty::spelled(&other.ty)
            ),
        );
    }
}
