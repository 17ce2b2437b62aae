//! Reads `#[typed_dict(...)]`: the container arguments and the helper attributes on
//! fields and variants, into typed settings. Every problem is recorded with the right
//! form of the attribute, none is fatal: parsing goes on after a malformed entry, so one
//! build reports every mistake.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::suggest;

/// The name of the macro and of its helper attribute.
pub const NAME: &str = "typed_dict";

/// One setting that may be given at most once.
pub struct Attr<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Attr<T> {
    fn none(name: &'static str) -> Self {
        Attr { name, value: None }
    }

    fn set(&mut self, cx: &mut Ctxt, span: Span, value: T) {
        if self.value.is_some() {
            cx.push(syn::Error::new(
                span,
                format!("duplicate typed_dict attribute `{}`", self.name),
            ));
        } else {
            self.value = Some((span, value));
        }
    }

    /// The value, if set.
    pub fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, value)| value)
    }

    /// Where it was set, if it was.
    pub fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(span, _)| *span)
    }
}

/// Arguments of the macro itself, from the attribute and from any further
/// `#[typed_dict(...)]` on the same item (merged: a setting given twice is an error).
pub struct Container {
    /// PEP 728 `closed=True`: unknown keys are rejected. Structs only.
    pub closed: Attr<()>,
    /// How field or variant names become keys or literal values.
    pub rename_all: Attr<RenameRule>,
    /// `output = XOutputTypeDef`: also declare the output variant. Structs only.
    pub output: Attr<syn::Ident>,
    /// `required = XRequiredKeys`: the name of the Required-keys companion. Structs only.
    pub required: Attr<syn::Ident>,
    /// `crate = "path"`: where the runtime is, for renamed dependencies and facades.
    pub krate: Attr<syn::Path>,
}

const CONTAINER_FORMS: &[(&str, &str)] = &[
    ("closed", "`closed`"),
    ("rename_all", "`rename_all = \"PascalCase\"`"),
    ("output", "`output = XOutputTypeDef`"),
    ("required", "`required = XRequiredKeys`"),
    ("crate", "`crate = \"path::to::typed_dict\"`"),
];

impl Container {
    /// An empty set of arguments.
    pub fn new() -> Container {
        Container {
            closed: Attr::none("closed"),
            rename_all: Attr::none("rename_all"),
            output: Attr::none("output"),
            required: Attr::none("required"),
            krate: Attr::none("crate"),
        }
    }

    /// Parses arguments (the attribute's, or those of a further `#[typed_dict(...)]`).
    pub fn parse(&mut self, cx: &mut Ctxt, args: TokenStream) {
        let parser = syn::meta::parser(|meta| {
            let name = path_name(&meta);
            let span = path_span(&meta);
            match name.as_str() {
                "closed" => {
                    if flag(cx, &meta, "closed", "`#[typed_dict(closed)]`")? {
                        self.closed.set(cx, span, ());
                    }
                }
                "rename_all" => {
                    if let Some(rule) =
                        string(cx, &meta, "rename_all", "rename_all = \"PascalCase\"")?
                    {
                        match RenameRule::from_name(&rule.value()) {
                            Some(parsed) => self.rename_all.set(cx, span, parsed),
                            None => cx.error_spanned_by(&rule, unknown_rule(&rule.value())),
                        }
                    }
                }
                "output" => {
                    if let Some(ident) = ident(cx, &meta, "output", "output = XOutputTypeDef")? {
                        self.output.set(cx, span, ident);
                    }
                }
                "required" => {
                    if let Some(ident) = ident(cx, &meta, "required", "required = XRequiredKeys")? {
                        self.required.set(cx, span, ident);
                    }
                }
                "crate" => {
                    if let Some(path) =
                        string(cx, &meta, "crate", "crate = \"path::to::typed_dict\"")?
                    {
                        match path.parse::<syn::Path>() {
                            Ok(parsed) => self.krate.set(cx, span, parsed),
                            Err(_) => cx.error_spanned_by(
                                &path,
                                format!("`crate` must be a path, like `crate = \"my_facade::typed_dict\"`; `{}` is not one", path.value()),
                            ),
                        }
                    }
                }
                "key" | "wire_optional" | "extra" => {
                    skip_value(&meta)?;
                    cx.error_spanned_by(
                        &meta.path,
                        format!("`{name}` goes on a field, not on the struct"),
                    );
                }
                "value" | "other" => {
                    skip_value(&meta)?;
                    cx.error_spanned_by(
                        &meta.path,
                        format!("`{name}` goes on a variant, not on the enum"),
                    );
                }
                _ => {
                    skip_value(&meta)?;
                    cx.error_spanned_by(&meta.path, unknown(&name, CONTAINER_FORMS));
                }
            }
            Ok(())
        });
        if let Err(error) = parser.parse2(args) {
            cx.push(error);
        }
    }

    /// Merges every further `#[typed_dict(...)]` among the item's own attributes, so a
    /// second attribute is never silently dropped.
    pub fn merge_attrs(&mut self, cx: &mut Ctxt, attrs: &[Attribute]) {
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            match &attr.meta {
                syn::Meta::Path(_) => {}
                syn::Meta::List(list) => self.parse(cx, list.tokens.clone()),
                syn::Meta::NameValue(_) => cx.error_spanned_by(
                    attr,
                    "write `#[typed_dict(...)]`, not `#[typed_dict = ...]`",
                ),
            }
        }
    }
}

/// Helper attributes of one struct field.
pub struct Field {
    /// `key = "HTTPStatusCode"`: the wire key, instead of the `rename_all` rule.
    pub key: Attr<LitStr>,
    /// `wire_optional`: Required in the schema, but the service may leave it out.
    pub wire_optional: Attr<()>,
    /// `extra`: captures the keys the shape does not declare.
    pub extra: Attr<()>,
}

const FIELD_FORMS: &[(&str, &str)] = &[
    ("key", "`key = \"...\"`"),
    ("wire_optional", "`wire_optional`"),
    ("extra", "`extra`"),
];

impl Field {
    /// Parses every `#[typed_dict(...)]` among `attrs`, and points `#[serde(...)]` at its
    /// typed_dict counterpart.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Field {
        let mut field = Field {
            key: Attr::none("key"),
            wire_optional: Attr::none("wire_optional"),
            extra: Attr::none("extra"),
        };
        serde_hints(cx, attrs, "key");
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = parse_list(attr, |meta| {
                let name = path_name(&meta);
                let span = path_span(&meta);
                match name.as_str() {
                    "key" => {
                        if let Some(key) = string(cx, &meta, "key", "key = \"QueueUrl\"")? {
                            field.key.set(cx, key.span(), key);
                        }
                    }
                    "wire_optional" => {
                        if flag(cx, &meta, "wire_optional", "`#[typed_dict(wire_optional)]`")? {
                            field.wire_optional.set(cx, span, ());
                        }
                    }
                    "extra" => {
                        if flag(cx, &meta, "extra", "`#[typed_dict(extra)]`")? {
                            field.extra.set(cx, span, ());
                        }
                    }
                    "rename" => {
                        skip_value(&meta)?;
                        cx.error_spanned_by(
                            &meta.path,
                            "unknown typed_dict attribute `rename`; a field's wire key is `key = \"...\"`",
                        );
                    }
                    _ => {
                        skip_value(&meta)?;
                        cx.error_spanned_by(&meta.path, unknown(&name, FIELD_FORMS));
                    }
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        field
    }
}

/// Helper attributes of one literal variant.
pub struct Variant {
    /// `value = "IN_PROGRESS"`: the wire string, instead of the `rename_all` rule.
    pub value: Attr<LitStr>,
    /// `other`: the variant that holds values the declaration does not list.
    pub other: Attr<()>,
}

const VARIANT_FORMS: &[(&str, &str)] = &[("value", "`value = \"...\"`"), ("other", "`other`")];

impl Variant {
    /// Parses every `#[typed_dict(...)]` among `attrs`.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Variant {
        let mut variant = Variant {
            value: Attr::none("value"),
            other: Attr::none("other"),
        };
        serde_hints(cx, attrs, "value");
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = parse_list(attr, |meta| {
                let name = path_name(&meta);
                let span = path_span(&meta);
                match name.as_str() {
                    "value" => {
                        if let Some(value) = string(cx, &meta, "value", "value = \"IN_PROGRESS\"")?
                        {
                            variant.value.set(cx, value.span(), value);
                        }
                    }
                    "other" => {
                        if flag(cx, &meta, "other", "`#[typed_dict(other)]`")? {
                            variant.other.set(cx, span, ());
                        }
                    }
                    "rename" => {
                        skip_value(&meta)?;
                        cx.error_spanned_by(
                            &meta.path,
                            "unknown typed_dict attribute `rename`; a variant's wire string is `value = \"...\"`",
                        );
                    }
                    _ => {
                        skip_value(&meta)?;
                        cx.error_spanned_by(&meta.path, unknown(&name, VARIANT_FORMS));
                    }
                }
                Ok(())
            });
            if let Err(error) = parsed {
                cx.push(error);
            }
        }
        variant
    }
}

/// Whether `attr` is one of ours (and so must not be re-emitted).
pub fn is_helper(attr: &Attribute) -> bool {
    attr.path().is_ident(NAME)
}

/// Whether `attr` is a `#[serde(...)]`, which means nothing here: `#[typed_dict]`
/// implements serde itself. It is reported and not re-emitted.
pub fn is_serde(attr: &Attribute) -> bool {
    attr.path().is_ident("serde")
}

/// The attributes to keep on the re-emitted item: all but ours and serde's.
pub fn kept(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|attr| !is_helper(attr) && !is_serde(attr))
        .cloned()
        .collect()
}

/// The `#[cfg(...)]` attributes, which generated code for a field must repeat.
pub fn cfgs(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("cfg"))
        .cloned()
        .collect()
}

/// The lint attributes (`allow`, `warn`, `deny`, `forbid`, `expect`), which every
/// generated item repeating a name must carry so the user's lint settings hold there.
/// `expect` becomes `allow`: a generated item need not trigger the lint.
pub fn lints(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter_map(|attr| {
            let path = attr.path();
            if ["allow", "warn", "deny", "forbid"]
                .iter()
                .any(|lint| path.is_ident(lint))
            {
                return Some(attr.clone());
            }
            if path.is_ident("expect") {
                let mut allowed = attr.clone();
                if let syn::Meta::List(list) = &mut allowed.meta {
                    list.path = syn::Ident::new("allow", list.path.segments[0].ident.span()).into();
                }
                return Some(allowed);
            }
            None
        })
        .collect()
}

/// Points each `#[serde(...)]` entry at what to write instead.
pub fn serde_hints(cx: &mut Ctxt, attrs: &[Attribute], rename_to: &str) {
    for attr in attrs.iter().filter(|attr| is_serde(attr)) {
        let mut hinted = false;
        let _ = attr.parse_nested_meta(|meta| {
            let name = path_name(&meta);
            let hint = match name.as_str() {
                "rename" => format!("write `#[typed_dict({rename_to} = \"..\")]` instead of `#[serde(rename = \"..\")]`"),
                "rename_all" => "write `#[typed_dict(rename_all = \"..\")]` instead of `#[serde(rename_all = \"..\")]`".to_owned(),
                "deny_unknown_fields" => "write `#[typed_dict(closed)]` instead of `#[serde(deny_unknown_fields)]`".to_owned(),
                "flatten" => "write `#[typed_dict(extra)]` on a `Dict<String, JsonValue>` field to keep undeclared keys".to_owned(),
                "other" => "write `#[typed_dict(other)]` instead of `#[serde(other)]`".to_owned(),
                _ => format!("`#[serde({name})]` has no effect: `#[typed_dict]` implements serde itself"),
            };
            cx.error_spanned_by(&meta.path, hint);
            hinted = true;
            skip_value(&meta)
        });
        if !hinted {
            cx.error_spanned_by(
                attr,
                "`#[serde(...)]` has no effect here: `#[typed_dict]` implements serde itself",
            );
        }
    }
}

fn parse_list(
    attr: &Attribute,
    logic: impl FnMut(ParseNestedMeta) -> syn::Result<()>,
) -> syn::Result<()> {
    match &attr.meta {
        syn::Meta::List(_) => attr.parse_nested_meta(logic),
        _ => Err(syn::Error::new_spanned(
            attr,
            "write the settings in parentheses: `#[typed_dict(...)]`",
        )),
    }
}

fn path_name(meta: &ParseNestedMeta) -> String {
    meta.path.to_token_stream().to_string().replace(' ', "")
}

fn path_span(meta: &ParseNestedMeta) -> Span {
    meta.path
        .get_ident()
        .map_or_else(|| syn::spanned::Spanned::span(&meta.path), |i| i.span())
}

/// A flag such as `closed`: true when written bare; a value is an error naming the form.
fn flag(cx: &mut Ctxt, meta: &ParseNestedMeta, name: &str, form: &str) -> syn::Result<bool> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        skip_value(meta)?;
        cx.error_spanned_by(&meta.path, format!("`{name}` takes no value: write {form}"));
        return Ok(false);
    }
    Ok(true)
}

/// A string value such as `key = "QueueUrl"`; anything else is an error naming the form.
fn string(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    form: &str,
) -> syn::Result<Option<LitStr>> {
    let Some(tokens) = value_tokens(cx, meta, name, form)? else {
        return Ok(None);
    };
    match syn::parse2::<LitStr>(tokens.clone()) {
        Ok(lit) => Ok(Some(lit)),
        Err(_) => {
            cx.error_spanned_by(
                &tokens,
                format!("`{name}` takes a string literal: write `{form}`"),
            );
            Ok(None)
        }
    }
}

/// A type name such as `output = XOutputTypeDef`.
fn ident(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    form: &str,
) -> syn::Result<Option<syn::Ident>> {
    let Some(tokens) = value_tokens(cx, meta, name, form)? else {
        return Ok(None);
    };
    match syn::parse2::<syn::Ident>(tokens.clone()) {
        Ok(ident) => Ok(Some(ident)),
        Err(_) => {
            cx.error_spanned_by(
                &tokens,
                format!("`{name}` takes a type name, not a string or path: write `{form}`"),
            );
            Ok(None)
        }
    }
}

/// The tokens after `=`, up to the next comma; a bare name is an error naming the form.
fn value_tokens(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    form: &str,
) -> syn::Result<Option<TokenStream>> {
    if !meta.input.peek(Token![=]) {
        skip_value(meta)?;
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` needs a value: write `{form}`"),
        );
        return Ok(None);
    }
    let value = meta.value()?;
    let mut tokens = TokenStream::new();
    while !value.is_empty() && !value.peek(Token![,]) {
        tokens.extend([value.parse::<TokenTree>()?]);
    }
    if tokens.is_empty() {
        cx.push(meta.error(format!("`{name}` needs a value: write `{form}`")));
        return Ok(None);
    }
    Ok(Some(tokens))
}

/// Consumes whatever follows a name (`= value` or `(...)`), so parsing goes on.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let value = meta.value()?;
        while !value.is_empty() && !value.peek(Token![,]) {
            value.parse::<TokenTree>()?;
        }
    } else if meta.input.peek(syn::token::Paren) {
        meta.input.parse::<proc_macro2::Group>()?;
    }
    Ok(())
}

fn unknown(name: &str, forms: &[(&str, &str)]) -> String {
    let names = forms.iter().map(|(name, _)| *name);
    match suggest::closest(name, names) {
        Some(close) => format!("unknown typed_dict attribute `{name}`; did you mean `{close}`?"),
        None => {
            let forms: Vec<&str> = forms.iter().map(|(_, form)| *form).collect();
            format!(
                "unknown typed_dict attribute `{name}`; expected {}",
                suggest::list(&forms)
            )
        }
    }
}

fn unknown_rule(rule: &str) -> String {
    let names: Vec<String> = RenameRule::names()
        .map(|name| format!("\"{name}\""))
        .collect();
    let close = suggest::closest(rule, RenameRule::names()).or_else(|| {
        // Case mix-ups (`camelcase`) are the usual typo, and far in edit distance.
        RenameRule::names().find(|name| {
            name.replace(['_', '-'], "")
                .eq_ignore_ascii_case(&rule.replace(['_', '-'], ""))
        })
    });
    match close {
        Some(close) => format!("unknown rename_all rule `{rule}`; did you mean `{close}`?"),
        None => format!(
            "unknown rename_all rule `{rule}`; expected one of {}",
            names.join(", ")
        ),
    }
}
