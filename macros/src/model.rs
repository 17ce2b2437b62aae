//! The declaration's model: what the struct or enum means as a typed dict, literal, union
//! or alias, built from the syntax tree and the parsed attributes. Field types are
//! classified here, once (see `ty`).
//!
//! Building the model judges nothing: it records what was written, with the spans and
//! the settings as parsed, and takes the meaning it can (a `wire_optional` key that is no
//! `Option` is Required, the first `extra` field is the one). `check` judges every rule
//! on these facts, so a rule has one home.

use proc_macro2::Span;
use syn::{parse_quote, Attribute, Data, DeriveInput, Fields, Ident, Visibility};

use crate::attr;
use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::derives::Derives;
use crate::siblings;
use crate::symbol::NON_EXHAUSTIVE;
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
    /// A unit struct with `python = "..."`: a Python-only type.
    PythonOnly(Box<PythonOnly>),
}

/// A typed dict declaration.
pub struct TypedDict {
    /// The struct's attributes minus ours and serde's (docs, derives, lints, ...).
    pub attrs: Vec<Attribute>,
    /// The lint attributes among them, repeated on generated items.
    pub lints: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    /// The type parameters and `where` clause as written (check refuses lifetimes and
    /// const parameters).
    pub generics: syn::Generics,
    /// The path of the runtime crate (see `krate`).
    pub krate: syn::Path,
    pub closed: bool,
    /// The output variant to declare too, if any (`output = X`): a typed dict of its own,
    /// modelled here from this one, so its field types are computed once.
    pub output: Option<Box<TypedDict>>,
    /// Whether this is an output variant: a generic one's instantiation is named by its
    /// arguments' outputs (`PageOutput<Tag>` holds `TagOutput`s: `PageOutput[TagOutput]`).
    pub is_output: bool,
    /// The Required-keys companion's name: a hidden one when the name it would have is
    /// taken (see `clashes`), so the rest of the expansion still compiles.
    pub companion: Ident,
    /// The names the macro would declare beside the struct (its companion, the output
    /// variant and the output's companion) that its module or block already declares.
    pub clashes: Vec<Clash>,
    pub fields: Vec<Field>,
    /// The field that captures unknown keys, if any (PEP 728 `extra_items`).
    pub extra: Option<Extra>,
    /// Further fields marked `extra`, which check reports (a typed dict has one).
    pub surplus_extras: Vec<Extra>,
    /// The traits the user derives below the attribute, which the macro leaves alone.
    pub derives: Derives,
}

/// A name the macro would declare beside the struct that the same module or block of its
/// file already declares (found by `siblings`).
pub struct Clash {
    /// The name, spanned where the name to change is written: `required = ..`,
    /// `output = ..`, or the struct's own name.
    pub name: Ident,
    /// Which of the generated items would bear it.
    pub role: ClashRole,
    /// What already declares it.
    pub taken: siblings::Taken,
}

/// The generated item whose name is taken.
#[derive(Clone, Copy, PartialEq)]
pub enum ClashRole {
    /// The companion, named by the macro (`XRequired`).
    Companion,
    /// The companion, named by `required = ..`.
    NamedCompanion,
    /// The output variant, named by `output = ..`.
    Output,
    /// The output variant's companion (`XOutputRequired`).
    OutputCompanion,
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
    /// The value type as written when it was the struct itself, unboxed (`next: Node`):
    /// the model boxes it (`ty` and `value` say `Box<Node>`) so that the fallback's item
    /// has a size and the one error is check's, which reports this.
    pub unboxed_self: Option<syn::Type>,
    /// Its `#[typed_dict(...)]` settings as written, for check.
    pub settings: attr::Field,
    /// `as = "str"`: the foreign type inside `value` and what it is on the wire.
    pub how: Option<crate::custom::As>,
    /// Where `flatten` is written: the field holds a base typed dict, whose keys join
    /// this one's (it has no key of its own).
    pub flatten: Option<Span>,
    /// `min_length`, `pattern`, `ge`, ...: what the value is bound by, if anything.
    pub constraints: crate::constraint::Constraints,
}

impl Field {
    /// Whether the field is a key (not a flattened base).
    pub fn is_key(&self) -> bool {
        self.flatten.is_none()
    }

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

impl TypedDict {
    /// Whether the companion `XRequired` is declared: only for Required keys.
    pub fn has_companion(&self) -> bool {
        self.fields.iter().any(Field::is_required)
    }

    /// The fields that are keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|field| field.is_key())
    }

    /// The flattened bases, in order.
    pub fn bases(&self) -> impl Iterator<Item = &Field> {
        self.fields.iter().filter(|field| !field.is_key())
    }
}

/// The extra-items capture field.
pub struct Extra {
    pub attrs: Vec<Attribute>,
    pub cfgs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub ty: syn::Type,
    /// What `ty` is, classified once like every field type.
    pub kind: ty::Kind,
    /// Where `extra` is written.
    pub span: Span,
    /// Its `#[typed_dict(...)]` settings as written, for check.
    pub settings: attr::Field,
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
    /// Every variant as written, in order, for check.
    pub written: Vec<WrittenVariant>,
    /// `inline`: rendered as `Literal['A', 'B']` at each use, not by its name.
    pub inline: bool,
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
    /// Every variant as written, in order, for check.
    pub written: Vec<WrittenVariant>,
    /// `inline`: rendered as its members (`str | bytes`) at each use, not by its name.
    pub inline: bool,
    /// `output = X`: the member type that is the union's output counterpart.
    pub output: Option<Ident>,
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
    /// A `#[typed_dict(...)]` on the field, which check reports (the field has no key).
    pub field_helper: Option<Attribute>,
    pub field_vis: Visibility,
    /// The type the alias names.
    pub target: Ty,
    pub derives: Derives,
    /// `python = "..."`: what the stub's `X = ...` line writes, if not the target's text.
    pub python: Option<syn::LitStr>,
    /// `output = X`: the alias's output counterpart, a type the target converts from.
    pub output: Option<Ident>,
}

/// A Python-only type: `#[typed_dict(python = "Callable[..., Any]")] pub struct Callback;`.
pub struct PythonOnly {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub krate: syn::Path,
    /// The annotation, verbatim.
    pub python: syn::LitStr,
    pub derives: Derives,
}

/// Whether `ty` is the declared item itself, `ident` (`Self` was replaced by its name).
pub fn is_itself(ty: &syn::Type, ident: &Ident) -> bool {
    match ty::strip(ty) {
        syn::Type::Path(path) => {
            path.qself.is_none()
                && path.path.leading_colon.is_none()
                && path.path.segments.len() == 1
                && path.path.segments[0].ident == *ident
        }
        _ => false,
    }
}

/// Whether `value` is the declared item itself, under any number of `Box`es: a union
/// member that is the union.
pub fn is_itself_boxed(value: &Ty, ident: &Ident) -> bool {
    match &value.kind {
        ty::Kind::Box(inner) => is_itself_boxed(inner, ident),
        _ => is_itself(&value.ty, ident),
    }
}

/// A declaration the model cannot hold, recorded for `check` to explain.
pub enum Unsupported {
    /// A struct with no fields.
    UnitStruct,
    /// A tuple struct of other than one field.
    TupleStruct {
        /// How many fields it has.
        fields: usize,
    },
    /// A Rust `union`.
    Union(syn::token::Union),
}

/// An enum variant as written, with its parsed helper attributes: `check` judges these,
/// the model keeps what they mean (a literal value, the `other` variant, a member).
pub struct WrittenVariant {
    /// The variant as declared.
    pub original: syn::Variant,
    /// Its `#[typed_dict(...)]` settings.
    pub settings: attr::Variant,
}

impl WrittenVariant {
    /// The variant's one unnamed field, if it has exactly one: what an `other` variant or
    /// a union member holds.
    pub fn single_field(&self) -> Option<&syn::Field> {
        match &self.original.fields {
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => fields.unnamed.first(),
            _ => None,
        }
    }
}

/// Builds the model of what was written, recording its facts with their spans for
/// `check`; the error is the shape of a declaration that has no model.
pub fn build(
    cx: &mut Ctxt,
    container: &attr::Container,
    krate: &syn::Path,
    input: &DeriveInput,
) -> Result<Item, Unsupported> {
    match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Ok(Item::TypedDict(Box::new(build_typed_dict(
                cx,
                container,
                krate,
                input,
                named.named.iter(),
            )))),
            Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => Ok(Item::Alias(Box::new(
                build_alias(container, krate, input, &unnamed.unnamed[0]),
            ))),
            Fields::Unnamed(unnamed) => Err(Unsupported::TupleStruct {
                fields: unnamed.unnamed.len(),
            }),
            Fields::Unit => match container.python.get() {
                Some(python) => Ok(Item::PythonOnly(Box::new(build_python_only(
                    krate, input, python,
                )))),
                None => Err(Unsupported::UnitStruct),
            },
        },
        Data::Enum(data) => {
            let written: Vec<WrittenVariant> = data
                .variants
                .iter()
                .map(|variant| WrittenVariant {
                    original: variant.clone(),
                    settings: attr::Variant::parse(cx, &variant.attrs),
                })
                .collect();
            if declares_union(&written) {
                Ok(Item::Union(Box::new(build_union(
                    container, krate, input, written,
                ))))
            } else {
                Ok(Item::Literal(Box::new(build_literal(
                    container, krate, input, written,
                ))))
            }
        }
        Data::Union(data) => Err(Unsupported::Union(data.union_token)),
    }
}

/// Whether an enum declares a union rather than a literal: it has variants, none of them
/// a unit variant, and some holding data that are not a literal's `other` variant.
fn declares_union(written: &[WrittenVariant]) -> bool {
    let unit = written
        .iter()
        .any(|variant| matches!(variant.original.fields, Fields::Unit));
    let members = written
        .iter()
        .any(|variant| variant.settings.other.get().is_none());
    !unit && members
}

fn build_union(
    container: &attr::Container,
    krate: &syn::Path,
    input: &DeriveInput,
    written: Vec<WrittenVariant>,
) -> Union {
    let ident = &input.ident;
    let members = written
        .iter()
        // An `other` variant or a variant of another shape is no member: check says why.
        .filter(|variant| variant.settings.other.get().is_none())
        .filter_map(|variant| {
            let field = variant.single_field()?;
            Some(Member {
                attrs: attr::kept(&variant.original.attrs),
                ident: variant.original.ident.clone(),
                value: Ty::classify(&ty::replace_self(&field.ty, ident)),
            })
        })
        .collect();
    let (attrs, derives) = Derives::take(&attr::kept(&input.attrs));
    Union {
        attrs,
        vis: input.vis.clone(),
        ident: ident.clone(),
        krate: krate.clone(),
        members,
        derives,
        written,
        inline: container.inline.get().is_some(),
        output: container.output.get().cloned(),
    }
}

fn build_python_only(krate: &syn::Path, input: &DeriveInput, python: &syn::LitStr) -> PythonOnly {
    let (attrs, derives) = Derives::take(&attr::kept(&input.attrs));
    PythonOnly {
        attrs,
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        krate: krate.clone(),
        python: python.clone(),
        derives,
    }
}

fn build_alias(
    container: &attr::Container,
    krate: &syn::Path,
    input: &DeriveInput,
    field: &syn::Field,
) -> Alias {
    let (attrs, derives) = Derives::take(&attr::kept(&input.attrs));
    Alias {
        attrs,
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        krate: krate.clone(),
        field_attrs: attr::kept(&field.attrs),
        field_helper: field
            .attrs
            .iter()
            .find(|attr| attr::is_helper(attr))
            .cloned(),
        field_vis: field.vis.clone(),
        target: Ty::classify(&ty::replace_self(&field.ty, &input.ident)),
        derives,
        python: container.python.get().cloned(),
        output: container.output.get().cloned(),
    }
}

fn build_literal(
    container: &attr::Container,
    krate: &syn::Path,
    input: &DeriveInput,
    written: Vec<WrittenVariant>,
) -> Literal {
    let rule = container.rename_all.get().copied();
    let mut variants = Vec::new();
    let mut other: Option<Other> = None;
    for variant in &written {
        let original = &variant.original;
        if variant.settings.other.get().is_some() {
            // The first `other` variant of the right shape is the one; check reports
            // the rest.
            if let (None, Some(field)) = (&other, variant.single_field()) {
                other = Some(Other {
                    attrs: attr::kept(&original.attrs),
                    ident: original.ident.clone(),
                    ty: field.ty.clone(),
                });
            }
            continue;
        }
        let name = original.ident.to_string();
        let (value, value_span) = match variant.settings.value.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (
                rule.map_or_else(
                    || crate::case::unraw(&name).to_owned(),
                    |rule| rule.apply_to_variant(&name),
                ),
                original.ident.span(),
            ),
        };
        variants.push(Variant {
            attrs: attr::kept(&original.attrs),
            ident: original.ident.clone(),
            value,
            value_span,
        });
    }
    let (attrs, derives) = Derives::take(&attr::kept(&input.attrs));
    Literal {
        attrs,
        vis: input.vis.clone(),
        ident: input.ident.clone(),
        krate: krate.clone(),
        variants,
        other,
        derives,
        written,
        inline: container.inline.get().is_some(),
    }
}

fn build_typed_dict<'a>(
    cx: &mut Ctxt,
    container: &attr::Container,
    krate: &syn::Path,
    input: &DeriveInput,
    fields: impl Iterator<Item = &'a syn::Field>,
) -> TypedDict {
    let ident = &input.ident;
    let rule = container.rename_all.get().copied();
    let (attrs, derives) = Derives::take(&attr::kept(&input.attrs));
    let mut model = TypedDict {
        lints: attr::lints(&attrs),
        attrs,
        vis: input.vis.clone(),
        ident: ident.clone(),
        generics: input.generics.clone(),
        krate: krate.clone(),
        closed: container.closed.get().is_some(),
        output: None,
        is_output: false,
        companion: container
            .required
            .get()
            .cloned()
            .unwrap_or_else(|| quote::format_ident!("{}Required", ident)),
        clashes: Vec::new(),
        fields: Vec::new(),
        extra: None,
        surplus_extras: Vec::new(),
        derives,
    };
    for field in fields {
        let Some(field_ident) = field.ident.clone() else {
            continue;
        };
        let settings = attr::Field::parse(cx, &field.attrs);
        let ty = ty::replace_self_with(&field.ty, ident, &input.generics);
        if let Some(span) = settings.extra.span() {
            if let Some(lit) = settings.as_.get() {
                cx.error_spanned_by(
                    lit,
                    "`as` does not go with `extra`: the extra-items field holds any JSON (`Dict<String, JsonValue>`)",
                );
            }
            let Ty { ty, kind } = Ty::classify(&ty);
            let extra = Extra {
                attrs: attr::kept(&field.attrs),
                cfgs: attr::cfgs(&field.attrs),
                vis: field.vis.clone(),
                ident: field_ident,
                ty,
                kind,
                span,
                settings,
            };
            if model.extra.is_none() {
                model.extra = Some(extra);
            } else {
                model.surplus_extras.push(extra);
            }
            continue;
        }
        let (key, key_span) = match settings.key.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (default_key(rule, &field_ident), field_ident.span()),
        };
        let classified = Ty::classify(&ty);
        // A `wire_optional` key of another type is Required: check reports it. A base is
        // Required whatever its type (check reports an `Option`).
        let (presence, value) = match classified.kind {
            kind if settings.flatten.get().is_some() => (
                Presence::Required,
                Ty {
                    ty: classified.ty,
                    kind,
                },
            ),
            ty::Kind::Option(inner) if settings.wire_optional.get().is_some() => {
                (Presence::WireOptional, *inner)
            }
            ty::Kind::Option(inner) => (Presence::NotRequired, *inner),
            kind => (
                Presence::Required,
                Ty {
                    ty: classified.ty,
                    kind,
                },
            ),
        };
        // A struct cannot contain itself: box the value, and let check report it.
        let (ty, value, unboxed_self) = if is_itself(&value.ty, ident) {
            let written = value.ty;
            let boxed: syn::Type = parse_quote!(::std::boxed::Box<#written>);
            let ty = if presence == Presence::Required {
                boxed.clone()
            } else {
                parse_quote!(::core::option::Option<#boxed>)
            };
            (ty, Ty::classify(&boxed), Some(written))
        } else {
            (ty, value, None)
        };
        let mut value = value;
        let how = crate::custom::resolve(cx, &settings, &mut value, &field_ident);
        let attrs = attr::kept(&field.attrs);
        let constraints = crate::constraint::Constraints::from_settings(&settings);
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
            unboxed_self,
            flatten: settings.flatten.span(),
            settings,
            how,
            constraints,
        });
    }
    model.output = container
        .output
        .get()
        .map(|output| Box::new(output_variant(&model, output)));
    let role = match container.required.get() {
        Some(_) => ClashRole::NamedCompanion,
        None => ClashRole::Companion,
    };
    // Each clash is reported where the name to change is written: `required = ..`,
    // `output = ..`, or the struct's own name, which its companion's is made from.
    let at = container.required.get().unwrap_or(ident).span();
    // The crate the user's code names typed-dict by, as its manifest says: the attribute is
    // `krate::typed_dict`, or `typed_dict` imported from it. Behind a facade
    // (`crate = ".."`), the attribute may be the facade's own, which may move the struct:
    // not judged.
    let krate = match container.krate.get() {
        Some(_) => None,
        None => krate.segments.first().map(|root| root.ident.to_string()),
    };
    let beside = siblings::Beside::of(ident, krate.as_deref());
    let (companion, found) = clash(&beside, &model, role, &model.companion, at);
    model.companion = companion;
    model.clashes.extend(found);
    if let Some(mut output) = model.output.take() {
        let at = output.ident.span();
        let (name, found) = clash(&beside, &output, ClashRole::Output, &output.ident, at);
        output.ident = name;
        model.clashes.extend(found);
        let role = ClashRole::OutputCompanion;
        let (companion, found) = clash(&beside, &output, role, &output.companion, at);
        output.companion = companion;
        model.clashes.extend(found);
        model.output = Some(output);
    }
    model
}

/// The name the item of `role` that `declared` generates gets beside the struct:
/// `name`, or, when the struct's module or block already declares it, a hidden name and the
/// clash, to report `at`. A companion is asked about only when it is declared.
fn clash(
    beside: &siblings::Beside,
    declared: &TypedDict,
    role: ClashRole,
    name: &Ident,
    at: Span,
) -> (Ident, Option<Clash>) {
    let is_companion = role != ClashRole::Output;
    if is_companion && !declared.has_companion() {
        return (name.clone(), None);
    }
    let Some(taken) = beside.declares(name) else {
        return (name.clone(), None);
    };
    let mut shown = name.clone();
    shown.set_span(at);
    let clash = Clash {
        name: shown,
        role,
        taken,
    };
    (quote::format_ident!("__{}", name), Some(clash))
}

/// The key of a field without `key = "..."`: the `rename_all` rule if one is written;
/// otherwise camelCase for a snake_case name (`queue_url` → `queueUrl`, AWS's JSON) and
/// the name as written for any other (`QueueUrl`, as serde's default and a Python
/// `TypedDict` have it), so no name the author spelled is renamed without a word.
fn default_key(rule: Option<RenameRule>, field: &Ident) -> String {
    let name = field.to_string();
    match rule {
        Some(rule) => rule.apply_to_field(&name),
        None if crate::case::is_snake_case(&name) => RenameRule::Camel.apply_to_field(&name),
        None => crate::case::unraw(&name).to_owned(),
    }
}

/// The output variant's generics: the input's, and for each type parameter `T` the bounds
/// its fields' types need (they hold `<T as HasOutput>::Output`, which must be a value).
fn output_generics(generics: &syn::Generics, krate: &syn::Path) -> syn::Generics {
    bound_params(generics, |param| {
        vec![
            parse_quote!(#param: #krate::HasOutput),
            parse_quote!(<#param as #krate::HasOutput>::Output: #krate::TypedValue + 'static),
        ]
    })
}

/// `generics` with the `where` predicates `bounds` gives for each type parameter added.
pub fn bound_params(
    generics: &syn::Generics,
    bounds: impl Fn(&Ident) -> Vec<syn::WherePredicate>,
) -> syn::Generics {
    let mut generics = generics.clone();
    let params: Vec<Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    if params.is_empty() {
        return generics;
    }
    let where_clause = generics.make_where_clause();
    for param in &params {
        where_clause.predicates.extend(bounds(param));
    }
    generics
}

/// The output variant of `input`, named `ident`: the same keys, with each value type's
/// output counterpart (`List` for `Sequence`, nested output variants), the same `closed`
/// and `extra`, no derives, and `#[non_exhaustive]` when the input has it (it grows with
/// its input).
fn output_variant(input: &TypedDict, ident: &Ident) -> TypedDict {
    let krate = &input.krate;
    let doc = format!(
        " The output variant of [`{}`]: the same keys, with `List` for every `Sequence` and output variants for nested typed dicts. Converts into [`{}`] with `From`.",
        input.ident, input.ident
    );
    let non_exhaustive = input
        .attrs
        .iter()
        .filter(|attr| attr.path() == NON_EXHAUSTIVE);
    let attrs: Vec<Attribute> = std::iter::once(parse_quote!(#[doc = #doc]))
        .chain(input.lints.iter().cloned())
        .chain(non_exhaustive.cloned())
        .collect();
    let fields = input
        .fields
        .iter()
        .map(|field| {
            // A foreign type is its own output counterpart, and so is what holds it.
            let value: syn::Type = match &field.how {
                Some(_) => field.value.ty.clone(),
                None => syn::parse2(field.value.output(krate)).expect("an output type is a type"),
            };
            let ty = if field.is_option() {
                parse_quote!(::core::option::Option<#value>)
            } else {
                value.clone()
            };
            Field {
                attrs: field.attrs.clone(),
                cfgs: field.cfgs.clone(),
                lints: field.lints.clone(),
                vis: field.vis.clone(),
                ident: field.ident.clone(),
                key: field.key.clone(),
                key_span: field.key_span,
                ty,
                value: match &field.how {
                    Some(_) => field.value.clone(),
                    None => Ty::classify(&value),
                },
                presence: field.presence,
                unboxed_self: None,
                settings: attr::Field::new(),
                how: field.how.clone(),
                flatten: field.flatten,
                // The output variant's values are bound as the input's are.
                constraints: field.constraints.clone(),
            }
        })
        .collect();
    let extra = input.extra.as_ref().map(|extra| Extra {
        attrs: extra.attrs.clone(),
        cfgs: extra.cfgs.clone(),
        vis: extra.vis.clone(),
        ident: extra.ident.clone(),
        ty: extra.ty.clone(),
        kind: extra.kind.clone(),
        span: extra.span,
        settings: attr::Field::new(),
    });
    TypedDict {
        lints: attr::lints(&attrs),
        attrs,
        vis: input.vis.clone(),
        ident: ident.clone(),
        generics: output_generics(&input.generics, krate),
        krate: krate.clone(),
        closed: input.closed,
        output: None,
        is_output: true,
        companion: quote::format_ident!("{}Required", ident),
        clashes: Vec::new(),
        fields,
        extra,
        surplus_extras: Vec::new(),
        derives: Derives::default(),
    }
}
