//! The rules of a literal enum: unit variants with distinct wire strings, and at most
//! one `other` variant holding `UnknownValue`.

use std::collections::HashMap;

use crate::ctxt::Ctxt;
use crate::model::Literal;
use crate::symbol::{OTHER, TYPED_DICT, VALUE};
use crate::ty;

/// Records every rule `literal` breaks.
pub fn check(cx: &mut Ctxt, literal: &Literal) {
    check_variants(cx, literal);
    if literal.variants.is_empty() {
        cx.error_spanned_by(
            &literal.ident,
            format!("literal `{}` needs at least one value (unit variants; one-field tuple variants declare a union's members instead)", literal.ident),
        );
    }
    check_duplicate_values(cx, literal);
    check_other(cx, literal);
}

/// Each variant as written, in order.
fn check_variants(cx: &mut Ctxt, literal: &Literal) {
    let mut other_seen = false;
    for variant in &literal.written {
        let (original, settings) = (&variant.original, &variant.settings);
        let ident = &original.ident;
        super::settings::repeats(cx, settings.repeats());
        if let Some((_, discriminant)) = &original.discriminant {
            cx.error_spanned_by(
                discriminant,
                format!("literal value `{ident}` cannot have a discriminant; its wire string comes from `{VALUE} = \"...\"`"),
            );
        }
        if let Some(span) = settings.other.span() {
            if let Some(value) = settings.value.get() {
                cx.error_spanned_by(
                    value,
                    format!("the `{OTHER}` variant `{ident}` holds the values not listed; it has no `{VALUE}` of its own"),
                );
            }
            match variant.single_field() {
                Some(_) if other_seen => cx.push(syn::Error::new(
                    span,
                    format!("a literal has at most one `{OTHER}` variant"),
                )),
                Some(_) => other_seen = true,
                None => cx.error_spanned_by(
                    original,
                    format!(
                        "the `{OTHER}` variant must hold the value as sent: write `{ident}(UnknownValue)`"
                    ),
                ),
            }
            continue;
        }
        if !matches!(original.fields, syn::Fields::Unit) {
            cx.error_spanned_by(
                original,
                format!("literal value `{ident}` cannot carry data: a literal enum has only unit variants (and at most one `#[{TYPED_DICT}({OTHER})]` variant holding `UnknownValue`); in a union every variant holds one type, and none is a unit variant"),
            );
        }
    }
}

fn check_duplicate_values(cx: &mut Ctxt, literal: &Literal) {
    let mut first_use = HashMap::new();
    for variant in &literal.variants {
        if let Some(first) = first_use.insert(variant.value.as_str(), variant) {
            super::used_twice(
                cx,
                &format!("literal value \"{}\"", variant.value),
                "variants",
                (&first.ident, first.value_span),
                (&variant.ident, variant.value_span),
            );
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
                "the `{OTHER}` variant `{}` holds `typed_dict::UnknownValue`, not `{}`",
                other.ident,
                ty::spelled(&other.ty)
            ),
        );
    }
}
