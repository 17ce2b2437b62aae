//! The declaration's model: what the struct or enum means as a typed dict or literal,
//! built from the syntax tree and the parsed attributes. Field types are classified here,
//! once (see `ty`).

use proc_macro2::Span;
use quote::quote;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Visibility};

use crate::attr;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::derives::Derives;
use crate::symbol::KEY;
use crate::ty::{self, Ty};

/// What `#[typed_dict]` was put on.
pub enum Item {
    /// A struct with named fields.
    TypedDict(Box<TypedDict>),
    /// An enum of unit variants (and at most one `other` variant).
    Literal(Box<Literal>),
    /// An enum whose variants each hold one value type.
    Union(Box<Union>),
    /// A tuple struct with one field.
    Alias(Box<Alias>),
}

/// A typed dict declaration.
pub struct TypedDict {
    /// The struct's attributes minus ours and serde's (docs, derives, lints, ...).
    pub attrs: Vec<Attribute>,
    /// The lint attributes among them, repeated on generated items.
    pub lints: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The path of the runtime crate (`::typed_dict` unless `crate = "..."`).
    pub krate: syn::Path,
    /// Whether `crate = "..."` was given, so the output variant repeats it.
    pub krate_given: bool,
    pub closed: bool,
    /// The output variant to declare too, if any.
    pub output: Option<Ident>,
    /// The Required-keys companion's name.
    pub companion: Ident,
    pub fields: Vec<Field>,
    /// The field that captures unknown keys, if any (PEP 728 `extra_items`).
    pub extra: Option<Extra>,
    /// The traits the user derives below the attribute, which the macro leaves alone.
    pub derives: Derives,
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
    /// The field's attributes minus ours and serde's (docs, cfg, lints, ...).
    pub attrs: Vec<Attribute>,
    pub cfgs: Vec<Attribute>,
    pub lints: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The wire key.
    pub key: String,
    /// Where the key is spelled: the `key = "..."` literal, or the field name.
    pub key_span: Span,
    /// The field's declared type, `Self` replaced (`Option<T>` for optional keys).
    pub ty: syn::Type,
    /// The value type: `T` for `Option<T>`, the declared type otherwise.
    pub value: Ty,
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

    /// The value type, for emitting.
    pub fn value_ty(&self) -> &syn::Type {
        &self.value.ty
    }

    /// The consuming setter's name: `with_` and the field name (`r#gen` → `with_gen`).
    pub fn setter(&self) -> Ident {
        let name = self.ident.to_string();
        Ident::new(
            &format!("with_{}", crate::case::unraw(&name)),
            self.ident.span(),
        )
    }
}

/// The extra-items capture field.
pub struct Extra {
    pub attrs: Vec<Attribute>,
    pub cfgs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub ty: syn::Type,
    pub span: Span,
}

/// A literal type declaration.
pub struct Literal {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub krate: syn::Path,
    pub variants: Vec<Variant>,
    /// The variant holding values the declaration does not list: an open literal.
    pub other: Option<Other>,
    pub derives: Derives,
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

/// The `#[typed_dict(other)] Other(UnknownValue)` variant of an open literal.
pub struct Other {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub ty: syn::Type,
}

/// A named union: `Union[A, B]`, each variant holding one member type.
pub struct Union {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub krate: syn::Path,
    pub members: Vec<Member>,
    pub derives: Derives,
}

/// One member of a union: a variant and the type it holds.
pub struct Member {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    /// The member type, `Self` replaced.
    pub value: Ty,
}

/// A named alias: `pub struct BlobTypeDef(pub Blob);`.
pub struct Alias {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub krate: syn::Path,
    /// The field's own attributes (docs) and visibility.
    pub field_attrs: Vec<Attribute>,
    pub field_vis: Visibility,
    /// The type the alias names.
    pub target: Ty,
    pub derives: Derives,
}

/// The runtime crate's path: `crate = "..."`, or `::typed_dict`.
pub fn krate(container: &attr::Container) -> syn::Path {
    container
        .krate
        .get()
        .cloned()
        .unwrap_or_else(|| syn::parse2(quote!(::typed_dict)).expect("a path"))
}

/// Builds the model, recording every problem; `None` when the item cannot be a typed dict
/// or literal at all.
pub fn build(cx: &mut Ctxt, container: &attr::Container, input: &DeriveInput) -> Option<Item> {
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(&input.generics, "#[typed_dict] types cannot be generic");
    }
    attr::serde_hints(cx, &input.attrs, KEY);
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(Item::TypedDict(Box::new(build_typed_dict(
                cx,
                container,
                input,
                named.named.iter(),
            )))),
            Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => Some(Item::Alias(Box::new(
                build_alias(cx, container, input, &unnamed.unnamed[0]),
            ))),
            Fields::Unnamed(unnamed) => {
                cx.error_spanned_by(
                    &input.ident,
                    format!(
                        "#[typed_dict] needs named fields (a typed dict) or one field (a named alias): tuple struct `{}` has {} fields",
                        input.ident,
                        unnamed.unnamed.len()
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
        },
        Data::Enum(data) if declares_union(data) => Some(Item::Union(Box::new(build_union(
            cx, container, input, data,
        )))),
        Data::Enum(data) => Some(Item::Literal(Box::new(build_literal(
            cx, container, input, data,
        )))),
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

/// Whether an enum declares a union rather than a literal: it has variants, none of them
/// a unit variant, and some holding data that are not a literal's `other` variant.
fn declares_union(data: &syn::DataEnum) -> bool {
    let is_other = |variant: &syn::Variant| {
        let mut scratch = Ctxt::new();
        let other = attr::Variant::parse(&mut scratch, &variant.attrs)
            .other
            .get()
            .is_some();
        // Only whether `other` is set matters here: `build_literal` or `build_union`
        // parses these attributes again with the real context, which reports their
        // errors once.
        scratch.discard();
        other
    };
    let unit = data
        .variants
        .iter()
        .any(|variant| matches!(variant.fields, Fields::Unit));
    let members = data.variants.iter().any(|variant| !is_other(variant));
    !unit && members
}

/// Reports each container setting that does not apply to `what` (`unions`, ...).
fn refuse_settings(cx: &mut Ctxt, container: &attr::Container, what: &str) {
    let settings = [
        ("closed", container.closed.span()),
        ("output", container.output.span()),
        ("required", container.required.span()),
        ("rename_all", container.rename_all.span()),
    ];
    for (name, span) in settings {
        if let Some(span) = span {
            let applies = if name == "rename_all" {
                "typed dict structs and literal enums"
            } else {
                "typed dict structs"
            };
            cx.push(syn::Error::new(
                span,
                format!("`{name}` applies to {applies}, not {what}"),
            ));
        }
    }
}

fn build_union(
    cx: &mut Ctxt,
    container: &attr::Container,
    input: &DeriveInput,
    data: &syn::DataEnum,
) -> Union {
    refuse_settings(cx, container, "unions");
    let ident = &input.ident;
    let mut members = Vec::new();
    for variant in &data.variants {
        let parsed = attr::Variant::parse(cx, &variant.attrs);
        if let Some(value) = parsed.value.get() {
            cx.error_spanned_by(
                value,
                format!("`value` names a literal's wire string; union member `{}` holds a type, and has none", variant.ident),
            );
        }
        if let Some(span) = parsed.other.span() {
            cx.push(syn::Error::new(
                span,
                format!("a union has no `other` member: `#[typed_dict(other)]` opens a literal, and `{ident}` is a union (its variants hold types); a value no member accepts is an error"),
            ));
            continue;
        }
        if let Some((_, discriminant)) = &variant.discriminant {
            cx.error_spanned_by(
                discriminant,
                format!(
                    "union member `{}` cannot have a discriminant",
                    variant.ident
                ),
            );
        }
        match &variant.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                let field = &fields.unnamed[0];
                if let Some(attr) = field.attrs.iter().find(|attr| attr::is_helper(attr)) {
                    cx.error_spanned_by(
                        attr,
                        format!(
                            "the type of union member `{}` takes no typed_dict attribute",
                            variant.ident
                        ),
                    );
                }
                members.push(Member {
                    attrs: attr::kept(&variant.attrs),
                    ident: variant.ident.clone(),
                    value: Ty::classify(&ty::replace_self(&field.ty, ident)),
                });
            }
            _ => cx.error_spanned_by(
                variant,
                format!(
                    "union member `{}` must hold exactly one type: write `{}(T)`",
                    variant.ident, variant.ident
                ),
            ),
        }
    }
    // Only when the one variant is a member: otherwise its own error says it all.
    if let [member] = members.as_slice() {
        if data.variants.len() == 1 {
            cx.error_spanned_by(
                ident,
                format!(
                    "union `{ident}` has one member: a union needs two or more; to name one type, declare a named alias, `pub struct {ident}(pub {});`",
                    ty::spelled(&member.value.ty)
                ),
            );
        }
    }
    let (attrs, derives) = Derives::take(cx, &attr::kept(&input.attrs));
    Union {
        attrs,
        vis: input.vis.clone(),
        ident: ident.clone(),
        krate: krate(container),
        members,
        derives,
    }
}

fn build_alias(
    cx: &mut Ctxt,
    container: &attr::Container,
    input: &DeriveInput,
    field: &syn::Field,
) -> Alias {
    refuse_settings(cx, container, "named aliases");
    attr::serde_hints(cx, &field.attrs, KEY);
    if let Some(attr) = field.attrs.iter().find(|attr| attr::is_helper(attr)) {
        cx.error_spanned_by(
            attr,
            format!(
                "the field of named alias `{}` takes no typed_dict attribute: the alias has no key of its own",
                input.ident
            ),
        );
    }
    let (attrs, derives) = Derives::take(cx, &attr::kept(&input.attrs));
    Alias {
        attrs,
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        krate: krate(container),
        field_attrs: attr::kept(&field.attrs),
        field_vis: field.vis.clone(),
        target: Ty::classify(&ty::replace_self(&field.ty, &input.ident)),
        derives,
    }
}

fn build_literal(
    cx: &mut Ctxt,
    container: &attr::Container,
    input: &DeriveInput,
    data: &syn::DataEnum,
) -> Literal {
    let struct_only = [
        ("closed", container.closed.span()),
        ("output", container.output.span()),
        ("required", container.required.span()),
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
    let mut other: Option<Other> = None;
    for variant in &data.variants {
        let parsed = attr::Variant::parse(cx, &variant.attrs);
        if let Some((_, discriminant)) = &variant.discriminant {
            cx.error_spanned_by(
                discriminant,
                format!("literal value `{}` cannot have a discriminant; its wire string comes from `value = \"...\"`", variant.ident),
            );
        }
        if let Some(span) = parsed.other.span() {
            if let Some(value) = parsed.value.get() {
                cx.error_spanned_by(
                    value,
                    format!("the `other` variant `{}` holds the values not listed; it has no `value` of its own", variant.ident),
                );
            }
            let ty = match &variant.fields {
                Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                    Some(fields.unnamed[0].ty.clone())
                }
                _ => None,
            };
            match ty {
                Some(ty) if other.is_none() => {
                    other = Some(Other {
                        attrs: attr::kept(&variant.attrs),
                        ident: variant.ident.clone(),
                        ty,
                    })
                }
                Some(_) => cx.push(syn::Error::new(
                    span,
                    "a literal has at most one `other` variant",
                )),
                None => cx.error_spanned_by(
                    variant,
                    format!(
                        "the `other` variant must hold the value as sent: write `{}(UnknownValue)`",
                        variant.ident
                    ),
                ),
            }
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned_by(
                variant,
                format!("literal value `{}` cannot carry data: a literal enum has only unit variants (and at most one `#[typed_dict(other)]` variant holding `UnknownValue`); in a union every variant holds one type, and none is a unit variant", variant.ident),
            );
        }
        let name = variant.ident.to_string();
        let (value, value_span) = match parsed.value.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (
                rule.map_or_else(
                    || crate::case::unraw(&name).to_owned(),
                    |rule| rule.apply_to_variant(&name),
                ),
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
            format!("literal `{}` needs at least one value (unit variants; one-field tuple variants declare a union's members instead)", input.ident),
        );
    }
    let (attrs, derives) = Derives::take(cx, &attr::kept(&input.attrs));
    Literal {
        attrs,
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        krate: krate(container),
        variants,
        other,
        derives,
    }
}

fn build_typed_dict<'a>(
    cx: &mut Ctxt,
    container: &attr::Container,
    input: &DeriveInput,
    fields: impl Iterator<Item = &'a syn::Field>,
) -> TypedDict {
    let ident = &input.ident;
    let rule = container
        .rename_all
        .get()
        .copied()
        .unwrap_or(RenameRule::Camel);
    let (attrs, derives) = Derives::take(cx, &attr::kept(&input.attrs));
    let mut model = TypedDict {
        lints: attr::lints(&attrs),
        attrs,
        vis: input.vis.clone(),
        ident: ident.clone(),
        krate: krate(container),
        krate_given: container.krate.get().is_some(),
        closed: container.closed.get().is_some(),
        output: container.output.get().cloned(),
        companion: container
            .required
            .get()
            .cloned()
            .unwrap_or_else(|| quote::format_ident!("{}Required", ident)),
        fields: Vec::new(),
        extra: None,
        derives,
    };
    for field in fields {
        let Some(field_ident) = field.ident.clone() else {
            continue;
        };
        let parsed = attr::Field::parse(cx, &field.attrs);
        let ty = ty::replace_self(&field.ty, ident);
        if let Some(span) = parsed.extra.span() {
            if let Some(key) = parsed.key.get() {
                cx.error_spanned_by(
                    key,
                    format!("extra-items field `{field_ident}` has no key of its own"),
                );
            }
            if let Some(wire_optional) = parsed.wire_optional.span() {
                cx.push(syn::Error::new(
                    wire_optional,
                    format!("extra-items field `{field_ident}` cannot be `wire_optional`: it holds the undeclared keys, and is never absent"),
                ));
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
                ident: field_ident,
                ty,
                span,
            });
            continue;
        }
        let (key, key_span) = match parsed.key.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (
                rule.apply_to_field(&field_ident.to_string()),
                field_ident.span(),
            ),
        };
        let classified = Ty::classify(&ty);
        let (presence, value) = match classified.kind {
            ty::Kind::Option(inner) if parsed.wire_optional.get().is_some() => {
                (Presence::WireOptional, *inner)
            }
            ty::Kind::Option(inner) => (Presence::NotRequired, *inner),
            kind => {
                if let Some(span) = parsed.wire_optional.span() {
                    cx.push(syn::Error::new(
                        span,
                        format!("`wire_optional` key `{key}` must have type `Option<T>`: wire mode may leave it out"),
                    ));
                }
                (
                    Presence::Required,
                    Ty {
                        ty: classified.ty,
                        kind,
                    },
                )
            }
        };
        let attrs = attr::kept(&field.attrs);
        model.fields.push(Field {
            cfgs: attr::cfgs(&attrs),
            lints: attr::lints(&attrs),
            attrs,
            vis: field.vis.clone(),
            ident: field_ident,
            key,
            key_span,
            ty,
            value,
            presence,
        });
    }
    model
}
