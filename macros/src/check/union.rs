//! The rules of a union: two or more members, each holding one distinct value type.

use std::collections::HashMap;

use crate::ctxt::Ctxt;
use crate::model::Union;
use crate::symbol::{OTHER, OUTPUT, TYPED_DICT, VALUE};
use crate::ty;

/// Records every rule `union` breaks.
pub fn check(cx: &mut Ctxt, union: &Union) {
    check_variants(cx, union);
    check_one_member(cx, union);
    check_members(cx, union);
    check_output(cx, union);
}

/// `output = X` names one of the members: the union's output counterpart is a value of
/// that member (`XUnionTypeDef`'s is `XOutputTypeDef`), and converts back through it.
fn check_output(cx: &mut Ctxt, union: &Union) {
    let Some(output) = &union.output else {
        return;
    };
    let is_member = union.members.iter().any(|member| {
        matches!(ty::strip(&member.value.ty), syn::Type::Path(path)
            if path.qself.is_none() && path.path.is_ident(output))
    });
    if !is_member {
        let members: Vec<String> = union
            .members
            .iter()
            .map(|member| format!("`{}`", ty::spelled(&member.value.ty)))
            .collect();
        cx.error_spanned_by(
            output,
            format!(
                "`{OUTPUT} = {output}` names the member that is the union's output counterpart, and `{}` has no member `{output}`: its members are {}",
                union.ident,
                members.join(", ")
            ),
        );
    }
}

/// Each variant as written, in order.
fn check_variants(cx: &mut Ctxt, union: &Union) {
    let union_ident = &union.ident;
    for variant in &union.written {
        let (original, settings) = (&variant.original, &variant.settings);
        let ident = &original.ident;
        super::settings::repeats(cx, settings.repeats());
        if let Some(value) = settings.value.get() {
            cx.error_spanned_by(
                value,
                format!("`{VALUE}` names a literal's wire string; union member `{ident}` holds a type, and has none"),
            );
        }
        if let Some(span) = settings.other.span() {
            cx.push(syn::Error::new(
                span,
                format!("a union has no `{OTHER}` member: `#[{TYPED_DICT}({OTHER})]` opens a literal, and `{union_ident}` is a union (its variants hold types); a value no member accepts is an error"),
            ));
            continue;
        }
        if let Some((_, discriminant)) = &original.discriminant {
            cx.error_spanned_by(
                discriminant,
                format!("union member `{ident}` cannot have a discriminant"),
            );
        }
        match variant.single_field() {
            Some(field) => {
                if let Some(attr) = field.attrs.iter().find(|attr| crate::attr::is_helper(attr)) {
                    cx.error_spanned_by(
                        attr,
                        format!(
                            "the type of union member `{ident}` takes no {TYPED_DICT} attribute"
                        ),
                    );
                }
            }
            None => cx.error_spanned_by(
                original,
                format!("union member `{ident}` must hold exactly one type: write `{ident}(T)`"),
            ),
        }
    }
}

/// A union of one member is an alias: say so, unless the one variant is no member (its
/// own error says it all).
fn check_one_member(cx: &mut Ctxt, union: &Union) {
    let ident = &union.ident;
    if let ([member], 1) = (union.members.as_slice(), union.written.len()) {
        cx.error_spanned_by(
            ident,
            format!(
                "union `{ident}` has one member: a union needs two or more; to name one type, declare a named alias, `pub struct {ident}(pub {});`",
                ty::spelled(&member.value.ty)
            ),
        );
    }
}

/// Each member's type is a value type, and no two members hold the same one.
fn check_members(cx: &mut Ctxt, union: &Union) {
    let mut first_use: HashMap<String, &syn::Ident> = HashMap::new();
    let union_ident = &union.ident;
    for member in &union.members {
        if crate::model::is_itself_boxed(&member.value, union_ident) {
            cx.error_spanned_by(
                &member.value.ty,
                format!(
                    "union member `{}` holds `{union_ident}` itself: decoding would offer a value to `{union_ident}` again without end (Python type checkers reject `X = Union[str, X]` too); to nest the union, hold it in a list, a dict or a typed dict: `List<{union_ident}>`, `Dict<String, {union_ident}>`",
                    member.ident
                ),
            );
            continue;
        }
        super::check_value_type(
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
