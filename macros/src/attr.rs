//! Reads `#[typed_dict(...)]`: the container arguments and the helper attributes on
//! fields and variants, into typed settings. Every problem is recorded, none is fatal.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::{Attribute, LitStr};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;

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

/// Arguments of the macro itself: `#[typed_dict(closed)]`, `#[typed_dict(rename_all = "...")]`.
pub struct Container {
    /// PEP 728 `closed=True`: unknown keys are rejected. Structs only.
    pub closed: Attr<()>,
    /// How variant names become literal values. Enums only.
    pub rename_all: Attr<RenameRule>,
    /// `output = XOutputTypeDef`: also declare the output variant. Structs only.
    pub output: Attr<syn::Ident>,
}

impl Container {
    /// Parses the macro's arguments.
    pub fn parse(cx: &mut Ctxt, args: TokenStream) -> Container {
        let mut container = Container {
            closed: Attr::none("closed"),
            rename_all: Attr::none("rename_all"),
            output: Attr::none("output"),
        };
        let parser = syn::meta::parser(|meta| {
            let span = meta
                .path
                .get_ident()
                .map_or_else(Span::call_site, |i| i.span());
            if meta.path.is_ident("closed") {
                container.closed.set(cx, span, ());
            } else if meta.path.is_ident("rename_all") {
                let rule = meta.value()?.parse::<LitStr>()?;
                match RenameRule::from_name(&rule.value()) {
                    Some(parsed) => container.rename_all.set(cx, span, parsed),
                    None => cx.error_spanned_by(
                        &rule,
                        format!(
                            "unknown rename_all rule `{}`; expected one of {}",
                            rule.value(),
                            RenameRule::NAMES
                        ),
                    ),
                }
            } else if meta.path.is_ident("output") {
                let ident = meta.value()?.parse::<syn::Ident>()?;
                container.output.set(cx, span, ident);
            } else {
                return Err(unknown(
                    &meta,
                    "`closed`, `output = NameOutputTypeDef` or `rename_all = \"...\"`",
                ));
            }
            Ok(())
        });
        if let Err(error) = parser.parse2(args) {
            cx.push(error);
        }
        container
    }
}

/// Helper attributes of one struct field.
pub struct Field {
    /// `key = "HTTPStatusCode"`: the wire key, instead of the camelCase rule.
    pub key: Attr<LitStr>,
    /// `wire_optional`: Required in the schema, but the service may leave it out.
    pub wire_optional: Attr<()>,
    /// `extra`: captures the keys the shape does not declare.
    pub extra: Attr<()>,
}

impl Field {
    /// Parses every `#[typed_dict(...)]` among `attrs`.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Field {
        let mut field = Field {
            key: Attr::none("key"),
            wire_optional: Attr::none("wire_optional"),
            extra: Attr::none("extra"),
        };
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = attr.parse_nested_meta(|meta| {
                let span = meta
                    .path
                    .get_ident()
                    .map_or_else(Span::call_site, |i| i.span());
                if meta.path.is_ident("key") {
                    let key = string_value(&meta, "key")?;
                    field.key.set(cx, key.span(), key);
                } else if meta.path.is_ident("wire_optional") {
                    field.wire_optional.set(cx, span, ());
                } else if meta.path.is_ident("extra") {
                    field.extra.set(cx, span, ());
                } else {
                    return Err(unknown(
                        &meta,
                        "`key = \"...\"`, `wire_optional` or `extra`",
                    ));
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
}

impl Variant {
    /// Parses every `#[typed_dict(...)]` among `attrs`.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Variant {
        let mut variant = Variant {
            value: Attr::none("value"),
        };
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("value") {
                    let value = string_value(&meta, "value")?;
                    variant.value.set(cx, value.span(), value);
                    Ok(())
                } else {
                    Err(unknown(&meta, "`value = \"...\"`"))
                }
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

/// The attributes to keep on the re-emitted item: all but ours.
pub fn kept(attrs: &[Attribute]) -> Vec<Attribute> {
    attrs
        .iter()
        .filter(|attr| !is_helper(attr))
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

fn string_value(meta: &ParseNestedMeta, name: &str) -> syn::Result<LitStr> {
    let value = meta.value()?;
    let expr: syn::Lit = value.parse()?;
    match expr {
        syn::Lit::Str(string) => Ok(string),
        other => Err(syn::Error::new(
            other.span(),
            format!("typed_dict `{name}` must be a string literal, like `{name} = \"...\"`"),
        )),
    }
}

fn unknown(meta: &ParseNestedMeta, expected: &str) -> syn::Error {
    let name = quote::ToTokens::to_token_stream(&meta.path)
        .to_string()
        .replace(' ', "");
    meta.error(format!(
        "unknown typed_dict attribute `{name}`; expected {expected}"
    ))
}
