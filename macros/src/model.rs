//! The declaration's model: what the struct or enum means as a typed dict or literal,
//! built from the syntax tree and the parsed attributes.

use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{
    Attribute, Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Token, Type,
    Visibility,
};

use crate::attr;
use crate::case::camel_case;
use crate::ctxt::Ctxt;

/// What `#[typed_dict]` was put on.
pub enum Item {
    /// A struct with named fields.
    TypedDict(Box<TypedDict>),
    /// A fieldless enum.
    Literal(Literal),
}

/// A typed dict declaration.
pub struct TypedDict {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub closed: bool,
    /// The output variant to declare too, if any.
    pub output: Option<Ident>,
    pub fields: Vec<Field>,
    /// The field that captures unknown keys, if any (PEP 728 `extra_items`).
    pub extra: Option<Extra>,
}

/// How a key may be absent.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Plain type: the key must be present.
    Required,
    /// `Option<T>`: the key may be absent.
    NotRequired,
    /// `Option<T>` marked `wire_optional`: Required in the schema and in strict mode,
    /// but the service may leave it out, so wire mode accepts its absence.
    WireOptional,
}

/// One key of a typed dict.
pub struct Field {
    /// The field's attributes minus ours (docs, cfg, ...).
    pub attrs: Vec<Attribute>,
    pub cfgs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The wire key.
    pub key: String,
    /// Where the key is spelled: the `key = "..."` literal, or the field name.
    pub key_span: Span,
    /// The field's declared type (`Option<T>` for optional keys).
    pub ty: Type,
    /// The value type: `T` for `Option<T>`, the declared type otherwise.
    pub value_ty: Type,
    pub presence: Presence,
}

impl Field {
    /// Whether the Rust field is an `Option` (NotRequired or wire-optional).
    pub fn is_option(&self) -> bool {
        self.presence != Presence::Required
    }

    /// Whether the key is Required in the schema (and so in the constructor).
    pub fn is_required(&self) -> bool {
        self.presence != Presence::NotRequired
    }
}

/// The extra-items capture field.
pub struct Extra {
    pub attrs: Vec<Attribute>,
    pub cfgs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub ty: Type,
    pub span: Span,
}

/// A literal type declaration.
pub struct Literal {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub variants: Vec<Variant>,
}

/// One value of a literal type.
pub struct Variant {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    /// The wire string.
    pub value: String,
    /// Where the wire string is spelled: the `value = "..."` literal, or the variant name.
    pub value_span: Span,
}

/// Builds the model, recording every problem; `None` when the item cannot be a typed dict
/// or literal at all.
pub fn build(cx: &mut Ctxt, container: &attr::Container, input: &DeriveInput) -> Option<Item> {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(&input.generics, "#[typed_dict] types cannot be generic");
    }
    match &input.data {
        Data::Struct(data) => {
            if let Some(span) = container.rename_all.span() {
                cx.push(syn::Error::new(
                    span,
                    "`rename_all` applies to literal enums; use `key = \"...\"` on a field",
                ));
            }
            match &data.fields {
                Fields::Named(named) => Some(Item::TypedDict(Box::new(build_typed_dict(
                    cx,
                    container,
                    input,
                    named.named.iter(),
                )))),
                Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        &input.ident,
                        format!(
                            "#[typed_dict] needs named fields: tuple struct `{}` has no keys",
                            input.ident
                        ),
                    );
                    None
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        format!(
                            "#[typed_dict] needs named fields: unit struct `{}` has no keys",
                            input.ident
                        ),
                    );
                    None
                }
            }
        }
        Data::Enum(data) => {
            let struct_only = [
                ("closed", container.closed.span()),
                ("output", container.output.span()),
            ];
            for (name, span) in struct_only {
                if let Some(span) = span {
                    cx.push(syn::Error::new(
                        span,
                        format!("`{name}` applies to typed dict structs, not literal enums"),
                    ));
                }
            }
            let rule = container.rename_all.get().copied();
            let mut variants = Vec::new();
            for variant in &data.variants {
                let parsed = attr::Variant::parse(cx, &variant.attrs);
                if !matches!(variant.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        variant,
                        format!("literal value `{}` cannot carry data: a literal enum has only unit variants", variant.ident),
                    );
                }
                if let Some((_, discriminant)) = &variant.discriminant {
                    cx.error_spanned_by(
                        discriminant,
                        format!("literal value `{}` cannot have a discriminant; its wire string comes from `value = \"...\"`", variant.ident),
                    );
                }
                let name = variant.ident.to_string();
                let (value, value_span) = match parsed.value.get() {
                    Some(lit) => (lit.value(), lit.span()),
                    None => (
                        rule.map_or_else(|| name.clone(), |rule| rule.apply(&name)),
                        variant.ident.span(),
                    ),
                };
                variants.push(Variant {
                    attrs: attr::kept(&variant.attrs),
                    ident: variant.ident.clone(),
                    value,
                    value_span,
                });
            }
            if variants.is_empty() {
                cx.error_spanned_by(
                    &input.ident,
                    format!("literal `{}` needs at least one value", input.ident),
                );
            }
            Some(Item::Literal(Literal {
                attrs: attr::kept(&input.attrs),
                vis: input.vis.clone(),
                ident: input.ident.clone(),
                variants,
            }))
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                format!(
                    "#[typed_dict] cannot be used on union `{}`; use a struct with named fields",
                    input.ident
                ),
            );
            None
        }
    }
}

fn build_typed_dict<'a>(
    cx: &mut Ctxt,
    container: &attr::Container,
    input: &DeriveInput,
    fields: impl Iterator<Item = &'a syn::Field>,
) -> TypedDict {
    let mut model = TypedDict {
        attrs: attr::kept(&input.attrs),
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        closed: container.closed.get().is_some(),
        output: container.output.get().cloned(),
        fields: Vec::new(),
        extra: None,
    };
    for field in fields {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let parsed = attr::Field::parse(cx, &field.attrs);
        if let Some(span) = parsed.extra.span() {
            if let Some(key) = parsed.key.get() {
                cx.error_spanned_by(
                    key,
                    format!("extra-items field `{ident}` has no key of its own"),
                );
            }
            if model.extra.is_some() {
                cx.push(syn::Error::new(
                    span,
                    "a typed dict has at most one `extra` field",
                ));
            }
            model.extra = Some(Extra {
                attrs: attr::kept(&field.attrs),
                cfgs: attr::cfgs(&field.attrs),
                vis: field.vis.clone(),
                ident,
                ty: field.ty.clone(),
                span,
            });
            continue;
        }
        let (key, key_span) = match parsed.key.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (camel_case(&ident.to_string()), ident.span()),
        };
        let (presence, value_ty) = match option_inner(&field.ty) {
            Some(inner) if parsed.wire_optional.get().is_some() => {
                (Presence::WireOptional, inner.clone())
            }
            Some(inner) => (Presence::NotRequired, inner.clone()),
            None => {
                if let Some(span) = parsed.wire_optional.span() {
                    cx.push(syn::Error::new(
                        span,
                        format!("`wire_optional` key `{key}` must have type `Option<T>`: wire mode may leave it out"),
                    ));
                }
                (Presence::Required, field.ty.clone())
            }
        };
        model.fields.push(Field {
            attrs: attr::kept(&field.attrs),
            cfgs: attr::cfgs(&field.attrs),
            vis: field.vis.clone(),
            ident,
            key,
            key_span,
            ty: field.ty.clone(),
            value_ty,
            presence,
        });
    }
    model
}

/// `T` if `ty` is spelled `Option<T>` (or `std::option::Option<T>`).
pub fn option_inner(ty: &Type) -> Option<&Type> {
    let args = generic_args(ty, "Option")?;
    match (args.len(), args.first()) {
        (1, Some(GenericArgument::Type(inner))) => Some(inner),
        _ => None,
    }
}

/// The generic arguments of a path type whose last segment is `name`.
pub fn generic_args<'a>(
    ty: &'a Type,
    name: &str,
) -> Option<&'a Punctuated<GenericArgument, Token![,]>> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    match &last.arguments {
        PathArguments::AngleBracketed(args) if path.qself.is_none() && last.ident == name => {
            Some(&args.args)
        }
        _ => None,
    }
}

/// A type as written, without the spaces token printing puts between tokens.
pub fn spelled(ty: &Type) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut spelled = String::new();
    let mut pending_space = false;
    for c in quote::ToTokens::to_token_stream(ty).to_string().chars() {
        if c == ' ' {
            pending_space = true;
            continue;
        }
        // Keep a space after a comma and between two words (`'static str`), nowhere else.
        let last = spelled.chars().last();
        if pending_space && (last == Some(',') || (last.is_some_and(is_word) && is_word(c))) {
            spelled.push(' ');
        }
        pending_space = false;
        spelled.push(c);
    }
    spelled
}

/// Whether a value of this type could hold a float, and so must be serialized through the
/// runtime's float check. `false` only for types built from `String`, `i64`, `bool`,
/// `Timestamp` and `Blob` by `Sequence`, `List`, `Vec` and `Dict` (whose keys are never
/// floats); anything else, aliases included, is checked.
pub fn may_hold_float(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return true };
    let Some(last) = path.path.segments.last() else {
        return true;
    };
    let args: Vec<&Type> = match &last.arguments {
        PathArguments::AngleBracketed(args) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        PathArguments::None => Vec::new(),
        PathArguments::Parenthesized(_) => return true,
    };
    match (last.ident.to_string().as_str(), args.as_slice()) {
        ("String" | "i64" | "bool" | "Timestamp" | "Blob", []) => path.qself.is_some(),
        ("Sequence" | "List" | "Vec", [item]) => may_hold_float(item),
        ("Dict", [_, value]) => may_hold_float(value),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_checks_go_only_where_a_float_may_be() {
        let may = |ty: &str| may_hold_float(&syn::parse_str::<Type>(ty).unwrap());
        for safe in [
            "String",
            "i64",
            "bool",
            "Timestamp",
            "List<String>",
            "Sequence<Blob>",
            "Dict<FindingSeverityType, i64>",
            "Vec<Dict<String, String>>",
        ] {
            assert!(!may(safe), "{safe}");
        }
        for checked in [
            "f64",
            "List<f64>",
            "Dict<String, f64>",
            "CvssScoreTypeDef",
            "Sequence<CvssScoreTypeDef>",
            "Score",
            "<T as Output>::Output",
        ] {
            assert!(may(checked), "{checked}");
        }
    }
}
