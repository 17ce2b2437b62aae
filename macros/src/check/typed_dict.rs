//! The rules of a typed dict: its keys, its `extra` field and its field types.

use std::collections::HashMap;

use syn::ext::IdentExt;

use crate::ctxt::Ctxt;
use crate::model::{ClashRole, Extra, Presence, TypedDict};
use crate::symbol::{
    AS, CLOSED, EXTRA, FLATTEN, KEY, OUTPUT, PYTHON, REQUIRED, TYPED_DICT, WIRE_OPTIONAL,
};
use crate::ty::{self, Kind, Scalar};

/// Records every rule `typed_dict` breaks.
pub fn check(cx: &mut Ctxt, typed_dict: &TypedDict) {
    check_settings(cx, typed_dict);
    check_bases(cx, typed_dict);
    check_duplicate_keys(cx, typed_dict);
    check_extra(cx, typed_dict);
    check_field_types(cx, typed_dict);
    check_clashes(cx, typed_dict);
}

/// Each field's settings on their own: given once, and meaningful on that field.
fn check_settings(cx: &mut Ctxt, typed_dict: &TypedDict) {
    for field in &typed_dict.fields {
        super::settings::repeats(cx, field.settings.repeats());
        if let (Presence::Required, Some(span)) =
            (field.presence, field.settings.wire_optional.span())
        {
            cx.push(syn::Error::new(
                span,
                format!(
                    "`{WIRE_OPTIONAL}` key `{}` must have type `Option<T>`: wire mode may leave it out",
                    field.key
                ),
            ));
        }
    }
    for extra in typed_dict.extra.iter().chain(&typed_dict.surplus_extras) {
        let ident = &extra.ident;
        super::settings::repeats(cx, extra.settings.repeats());
        if let Some(key) = extra.settings.key.get() {
            cx.error_spanned_by(
                key,
                format!("extra-items field `{ident}` has no key of its own"),
            );
        }
        if let Some(span) = extra.settings.flatten.span() {
            cx.push(syn::Error::new(
                span,
                format!("`{FLATTEN}` does not go with `{EXTRA}`: `{FLATTEN}` takes a base typed dict, `{EXTRA}` keeps the keys no one declares"),
            ));
        }
        if let Some(span) = extra.settings.wire_optional.span() {
            cx.push(syn::Error::new(
                span,
                format!("extra-items field `{ident}` cannot be `{WIRE_OPTIONAL}`: it holds the undeclared keys, and is never absent"),
            ));
        }
    }
    for surplus in &typed_dict.surplus_extras {
        cx.push(syn::Error::new(
            surplus.span,
            format!("a typed dict has at most one `{EXTRA}` field"),
        ));
    }
}

/// A flattened base: a plain typed dict field, with no settings of a key's. That its keys
/// differ from the others' is checked when its type is known, at compile time
/// (`__private::concat_fields`), and so is that it is a typed dict (`Keys`).
fn check_bases(cx: &mut Ctxt, typed_dict: &TypedDict) {
    for base in typed_dict.bases() {
        let ident = &base.ident;
        let settings = &base.settings;
        let key_settings = [
            (KEY, settings.key.get().map(|lit| lit.span())),
            (WIRE_OPTIONAL, settings.wire_optional.span()),
            (AS, settings.as_.get().map(|lit| lit.span())),
            (PYTHON, settings.python.get().map(|lit| lit.span())),
        ];
        for (name, span) in key_settings.into_iter().chain(settings.bounds.spans()) {
            if let Some(span) = span {
                cx.push(syn::Error::new(
                    span,
                    format!("`{name}` does not go with `{FLATTEN}`: `{ident}` is a base, whose keys are its own fields'"),
                ));
            }
        }
        if let Some(written) = &base.unboxed_self {
            cx.error_spanned_by(
                written,
                format!(
                    "`{}` cannot extend itself: a flattened base is another typed dict",
                    typed_dict.ident
                ),
            );
        } else if let Kind::Option(_) = base.value.kind {
            cx.error_spanned_by(
                &base.ty,
                format!("flattened base `{ident}` cannot be an `Option`: its keys are Required or NotRequired as the base declares them; write the base type itself"),
            );
        } else if !matches!(base.value.kind, Kind::Named) {
            cx.error_spanned_by(
                &base.ty,
                format!("flattened base `{ident}` must be a typed dict (a `#[typed_dict]` struct), not `{}`", ty::spelled(&base.ty)),
            );
        }
        if let Some(params) =
            (!typed_dict.generics.params.is_empty()).then_some(&typed_dict.generics.params)
        {
            cx.error_spanned_by(
                params,
                format!("a generic typed dict cannot have a flattened base (`{ident}`): its keys are joined at compile time, which type parameters prevent; declare the keys, or make `{}` non-generic (a base may be a generic typed dict instantiated: `Page<Image>`)", typed_dict.ident),
            );
        }
    }
}

/// A name the macro would declare that the struct's module or block already declares: one
/// error, naming what declares it and how to name the generated item otherwise, where
/// rustc would report the clash and then every generated impl of the wrong type.
fn check_clashes(cx: &mut Ctxt, typed_dict: &TypedDict) {
    let ident = typed_dict.ident.unraw();
    for clash in &typed_dict.clashes {
        let name = clash.name.unraw();
        let what = clash.taken.what.described();
        let scope = if clash.taken.in_block {
            "block"
        } else {
            "module"
        };
        let taken = format!("`{name}` is already declared in this {scope} ({what})");
        let message = match clash.role {
            ClashRole::Companion => format!(
                "{taken}, and #[{TYPED_DICT}] declares the Required keys of `{ident}` under that name: name them yourself, `#[{TYPED_DICT}({REQUIRED} = {ident}RequiredKeys)]`, or rename the other one"
            ),
            ClashRole::NamedCompanion => format!(
                "{taken}: name the Required keys of `{ident}` something else with `{REQUIRED} = ..`"
            ),
            ClashRole::Output => format!(
                "{taken}: name the output variant of `{ident}` something else with `{OUTPUT} = ..`"
            ),
            ClashRole::OutputCompanion => format!(
                "{taken}, and #[{TYPED_DICT}] declares the Required keys of the output variant of `{ident}` under that name: name the output variant something else with `{OUTPUT} = ..`, or rename the other one"
            ),
        };
        cx.error_spanned_by(&clash.name, message);
    }
}

fn check_duplicate_keys(cx: &mut Ctxt, typed_dict: &TypedDict) {
    let mut first_use = HashMap::new();
    for field in typed_dict.keys() {
        if field.key.is_empty() {
            cx.push(syn::Error::new(
                field.key_span,
                format!(
                    "field `{}` has an empty key; name it with `{KEY} = \"...\"`",
                    field.ident
                ),
            ));
        }
        if let Some(first) = first_use.insert(field.key.as_str(), field) {
            super::used_twice(
                cx,
                &format!("key `{}`", field.key),
                "fields",
                (&first.ident, first.key_span),
                (&field.ident, field.key_span),
            );
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
                "`{}` cannot be both `{CLOSED}` and have an `{EXTRA}` field: {CLOSED} rejects the keys {EXTRA} would keep",
                typed_dict.ident
            ),
        ));
    }
    // A surplus `extra` field is reported, and its type judged too: it is a mistake of its
    // own, which removing the other field would not fix.
    for extra in std::iter::once(extra).chain(&typed_dict.surplus_extras) {
        check_extra_type(cx, extra);
    }
}

fn check_extra_type(cx: &mut Ctxt, extra: &Extra) {
    // A type the macro cannot see into (an alias, `Value` imported from serde_json) is
    // left to the type checker, which insists on the exact type where the field is built.
    let right = match &extra.kind {
        Kind::Dict(key, value) if !ty::spelled_as_std_map(&extra.ty) => {
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
    // A base's type is judged by `check_bases` and by the compiler (`Keys`).
    for field in typed_dict.keys() {
        if let Some(written) = &field.unboxed_self {
            let ident = &typed_dict.ident;
            let boxed = if field.presence == Presence::Required {
                format!("Box<{ident}>")
            } else {
                format!("Option<Box<{ident}>>")
            };
            cx.error_spanned_by(
                written,
                format!(
                    "field `{}` (key `{}`) holds `{ident}` itself: a struct cannot contain itself; box it: `{boxed}`",
                    field.ident, field.key
                ),
            );
            continue;
        }
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
        for (ty, problem) in super::value::problems(&field.value) {
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
