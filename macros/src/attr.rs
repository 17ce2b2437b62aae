//! Reads `#[typed_dict(...)]`: the container arguments and the helper attributes on
//! fields and variants, into typed settings with the spans where they are written.
//!
//! Only parse errors are raised here, as in serde_derive's `internals/attr.rs`: a name
//! that is no setting in that position, a value of the wrong form (a flag given a value,
//! a string where a type name goes, a `crate` string that is no path, a `rename_all`
//! rule that does not exist), none of which leaves a setting to record. Every rule about
//! settings that did parse (given twice, meaningless on this kind of item, in conflict
//! with another) is judged in `check`. Parsing goes on after a malformed entry, so one
//! build reports every mistake.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::{Attribute, LitStr, Token};

use crate::case::RenameRule;
use crate::ctxt::Ctxt;
use crate::suggest;
use crate::symbol::*;

/// One setting: the first value given, and where any further one was written (check
/// reports those: a setting is given at most once).
pub struct Attr<T> {
    name: Symbol,
    value: Option<(Span, T)>,
    repeats: Vec<Span>,
}

impl<T> Attr<T> {
    fn none(name: Symbol) -> Self {
        Attr {
            name,
            value: None,
            repeats: Vec::new(),
        }
    }

    fn set(&mut self, span: Span, value: T) {
        if self.value.is_some() {
            self.repeats.push(span);
        } else {
            self.value = Some((span, value));
        }
    }

    /// The setting's name.
    pub fn name(&self) -> Symbol {
        self.name
    }

    /// Where the setting was written again after its first value, with its name.
    pub fn repeats(&self) -> impl Iterator<Item = (Symbol, Span)> + '_ {
        self.repeats.iter().map(|span| (self.name, *span))
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
    /// `inline`: a union or literal rendered in place at each use. Unions and literals only.
    pub inline: Attr<()>,
    /// `python = "..."`: a named alias's own Python text, or a Python-only type's (on a
    /// unit struct).
    pub python: Attr<LitStr>,
}

/// The container settings with an example value (none for a flag), for messages.
const CONTAINER_FORMS: &[(Symbol, Option<&str>)] = &[
    (CLOSED, None),
    (RENAME_ALL, Some("\"PascalCase\"")),
    (OUTPUT, Some("XOutputTypeDef")),
    (REQUIRED, Some("XRequiredKeys")),
    (CRATE, Some("\"path::to::typed_dict\"")),
    (INLINE, None),
    (PYTHON, Some("\"Union[str, bytes]\"")),
];

/// The example value of a container setting, as its messages show it.
fn container_example(name: Symbol) -> &'static str {
    CONTAINER_FORMS
        .iter()
        .find_map(|(form, example)| (*form == name).then_some(*example))
        .flatten()
        .expect("a container setting with a value")
}

impl Container {
    /// An empty set of arguments.
    pub fn new() -> Container {
        Container {
            closed: Attr::none(CLOSED),
            rename_all: Attr::none(RENAME_ALL),
            output: Attr::none(OUTPUT),
            required: Attr::none(REQUIRED),
            krate: Attr::none(CRATE),
            inline: Attr::none(INLINE),
            python: Attr::none(PYTHON),
        }
    }

    /// Every setting written more than once: its name and where it was repeated.
    pub fn repeats(&self) -> Vec<(Symbol, Span)> {
        (self.closed.repeats())
            .chain(self.rename_all.repeats())
            .chain(self.output.repeats())
            .chain(self.required.repeats())
            .chain(self.krate.repeats())
            .chain(self.inline.repeats())
            .chain(self.python.repeats())
            .collect()
    }

    /// Parses arguments (the attribute's, or those of a further `#[typed_dict(...)]`).
    pub fn parse(&mut self, cx: &mut Ctxt, args: TokenStream) {
        let parser = syn::meta::parser(|meta| {
            let span = path_span(&meta);
            let path = &meta.path;
            if path == CLOSED {
                if flag(cx, &meta, CLOSED)? {
                    self.closed.set(span, ());
                }
            } else if path == RENAME_ALL {
                if let Some(rule) = string(cx, &meta, RENAME_ALL, container_example(RENAME_ALL))? {
                    // A parse error, left here as serde_derive does: a rule that does not
                    // exist leaves no setting to record.
                    match RenameRule::from_name(&rule.value()) {
                        Some(parsed) => self.rename_all.set(span, parsed),
                        None => cx.error_spanned_by(&rule, unknown_rule(&rule.value())),
                    }
                }
            } else if path == OUTPUT {
                if let Some(ident) = ident(cx, &meta, OUTPUT, container_example(OUTPUT))? {
                    self.output.set(span, ident);
                }
            } else if path == REQUIRED {
                if let Some(ident) = ident(cx, &meta, REQUIRED, container_example(REQUIRED))? {
                    self.required.set(span, ident);
                }
            } else if path == CRATE {
                if let Some(path) = string(cx, &meta, CRATE, container_example(CRATE))? {
                    // A parse error: the string's content is no path.
                    match path.parse::<syn::Path>() {
                        Ok(parsed) => self.krate.set(span, parsed),
                        Err(_) => cx.error_spanned_by(
                            &path,
                            format!("`{CRATE}` must be a path, like `{CRATE} = \"my_facade::typed_dict\"`; `{}` is not one", path.value()),
                        ),
                    }
                }
            } else if path == INLINE {
                if flag(cx, &meta, INLINE)? {
                    self.inline.set(span, ());
                }
            } else if path == PYTHON {
                if let Some(python) = string(cx, &meta, PYTHON, container_example(PYTHON))? {
                    self.python.set(span, python);
                }
            } else if is_one_of(path, FIELD_FORMS) {
                // Parse errors, here and below: no container setting has this name (the
                // message only says where the name does belong).
                skip_value(&meta)?;
                cx.error_spanned_by(
                    path,
                    format!("`{}` goes on a field, not on the struct", path_name(&meta)),
                );
            } else if is_one_of(path, VARIANT_FORMS) {
                skip_value(&meta)?;
                cx.error_spanned_by(
                    path,
                    format!("`{}` goes on a variant, not on the enum", path_name(&meta)),
                );
            } else {
                skip_value(&meta)?;
                cx.error_spanned_by(path, unknown(&path_name(&meta), CONTAINER_FORMS));
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
                    format!("write `#[{TYPED_DICT}(...)]`, not `#[{TYPED_DICT} = ...]`"),
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
    /// `as = "str"`: the field's foreign type is a value of this JSON type.
    pub as_: Attr<LitStr>,
    /// `python = "UUID"`: the Python annotation of an `as` field's type.
    pub python: Attr<LitStr>,
    /// `flatten`: the field is a base typed dict, whose keys join this one's.
    pub flatten: Attr<()>,
    /// The constraints on the value: `min_length = 1`, `pattern = "..."`, `items(...)`.
    pub bounds: Bounds,
}

/// Constraint settings: a field's, or those written inside its `items(...)`, `keys(...)`
/// or `values(...)` (which take the same settings, so items of items too).
pub struct Bounds {
    /// `min_length = 1`: the least length of the value.
    pub min_length: Attr<u64>,
    /// `max_length = 256`: the greatest length of the value.
    pub max_length: Attr<u64>,
    /// `pattern = "..."`: what the whole string must match (its syntax is judged in check).
    pub pattern: Attr<LitStr>,
    /// `ge = 1`: the least value of a number.
    pub ge: Attr<Number>,
    /// `le = 1000`: the greatest value of a number.
    pub le: Attr<Number>,
    /// `items(...)`: the constraints on each item of a list.
    pub items: Attr<Box<Bounds>>,
    /// `keys(...)`: the constraints on each key of a dict.
    pub keys: Attr<Box<Bounds>>,
    /// `values(...)`: the constraints on each value of a dict.
    pub values: Attr<Box<Bounds>>,
}

/// The constraint settings with an example value, for messages; a nested one's example
/// is its parenthesized list.
const BOUND_FORMS: &[(Symbol, Option<&str>)] = &[
    (MIN_LENGTH, Some("1")),
    (MAX_LENGTH, Some("256")),
    (PATTERN, Some("\"...\"")),
    (GE, Some("1")),
    (LE, Some("1000")),
    (ITEMS, Some("(min_length = 1)")),
    (KEYS, Some("(max_length = 128)")),
    (VALUES, Some("(max_length = 256)")),
];

impl Bounds {
    fn new() -> Bounds {
        Bounds {
            min_length: Attr::none(MIN_LENGTH),
            max_length: Attr::none(MAX_LENGTH),
            pattern: Attr::none(PATTERN),
            ge: Attr::none(GE),
            le: Attr::none(LE),
            items: Attr::none(ITEMS),
            keys: Attr::none(KEYS),
            values: Attr::none(VALUES),
        }
    }

    /// Every setting written more than once, at this level or inside a nested one.
    pub fn repeats(&self) -> Vec<(Symbol, Span)> {
        let nested = [&self.items, &self.keys, &self.values];
        (self.min_length.repeats())
            .chain(self.max_length.repeats())
            .chain(self.pattern.repeats())
            .chain(self.ge.repeats())
            .chain(self.le.repeats())
            .chain(nested.iter().flat_map(|attr| attr.repeats()))
            .chain(
                nested
                    .iter()
                    .filter_map(|attr| attr.get())
                    .flat_map(|inner| inner.repeats()),
            )
            .collect()
    }

    /// Where each setting at this level is written, with its name (a nested one's at its
    /// name).
    pub fn spans(&self) -> [(Symbol, Option<Span>); 8] {
        [
            (MIN_LENGTH, self.min_length.span()),
            (MAX_LENGTH, self.max_length.span()),
            (PATTERN, self.pattern.span()),
            (GE, self.ge.span()),
            (LE, self.le.span()),
            (ITEMS, self.items.span()),
            (KEYS, self.keys.span()),
            (VALUES, self.values.span()),
        ]
    }

    /// Reads `meta` if it names a constraint setting; whether it did.
    fn parse_one(&mut self, cx: &mut Ctxt, meta: &ParseNestedMeta) -> syn::Result<bool> {
        let path = &meta.path;
        if path == MIN_LENGTH {
            if let Some((span, length)) = length(cx, meta, MIN_LENGTH)? {
                self.min_length.set(span, length);
            }
        } else if path == MAX_LENGTH {
            if let Some((span, length)) = length(cx, meta, MAX_LENGTH)? {
                self.max_length.set(span, length);
            }
        } else if path == PATTERN {
            if let Some(pattern) = string(cx, meta, PATTERN, "\"[a-z0-9-]+\"")? {
                self.pattern.set(pattern.span(), pattern);
            }
        } else if path == GE {
            if let Some((span, bound)) = number(cx, meta, GE)? {
                self.ge.set(span, bound);
            }
        } else if path == LE {
            if let Some((span, bound)) = number(cx, meta, LE)? {
                self.le.set(span, bound);
            }
        } else if path == ITEMS {
            if let Some(items) = nested(cx, meta, ITEMS)? {
                self.items.set(path_span(meta), items);
            }
        } else if path == KEYS {
            if let Some(keys) = nested(cx, meta, KEYS)? {
                self.keys.set(path_span(meta), keys);
            }
        } else if path == VALUES {
            if let Some(values) = nested(cx, meta, VALUES)? {
                self.values.set(path_span(meta), values);
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}

/// The settings inside `items(...)`, `keys(...)` or `values(...)`: constraint settings
/// only, at least one.
fn nested(cx: &mut Ctxt, meta: &ParseNestedMeta, name: Symbol) -> syn::Result<Option<Box<Bounds>>> {
    let example = format!("`{name}(min_length = 1, max_length = 128)`");
    if !meta.input.peek(syn::token::Paren) {
        skip_value(meta)?;
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` takes constraints in parentheses: write {example}"),
        );
        return Ok(None);
    }
    let group: proc_macro2::Group = meta.input.fork().parse()?;
    if group.stream().is_empty() {
        meta.input.parse::<proc_macro2::Group>()?;
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}()` is empty: write the constraints in it, like {example}"),
        );
        return Ok(None);
    }
    let mut bounds = Bounds::new();
    meta.parse_nested_meta(|inner| {
        if !bounds.parse_one(cx, &inner)? {
            skip_value(&inner)?;
            cx.error_spanned_by(&inner.path, unknown_bound(&path_name(&inner), name));
        }
        Ok(())
    })?;
    Ok(Some(Box::new(bounds)))
}

/// The message for a name inside `items(...)` (or `keys`, `values`) that is no constraint.
fn unknown_bound(written: &str, inside: Symbol) -> String {
    let names: Vec<&str> = BOUND_FORMS.iter().map(|(name, _)| name.as_str()).collect();
    match suggest::closest(written, names.iter().copied()) {
        Some(close) => {
            format!(
                "unknown constraint `{written}` inside `{inside}(...)`; did you mean `{close}`?"
            )
        }
        None => {
            let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
            let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
            format!(
                "unknown constraint `{written}` inside `{inside}(...)`; expected {}",
                suggest::list(&quoted)
            )
        }
    }
}

/// A number literal as a `ge` or `le` bound takes it, its sign included.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
pub enum Number {
    /// An integer literal (`1`, `-5`).
    Int(i128),
    /// A float literal (`0.5`, `-1e3`).
    Float(f64),
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Number::Int(value) => write!(f, "{value}"),
            Number::Float(value) => write!(f, "{value:?}"),
        }
    }
}

impl Number {
    /// The value as a float, for comparing bounds of either kind.
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(value) => value as f64,
            Number::Float(value) => value,
        }
    }
}

/// The field settings with an example value (none for a flag), for messages: a key's
/// own, then the constraints.
const FIELD_FORMS: &[(Symbol, Option<&str>)] =
    &joined::<{ KEY_FORMS.len() + BOUND_FORMS.len() }>(KEY_FORMS, BOUND_FORMS);

/// The field settings that are no constraint.
const KEY_FORMS: &[(Symbol, Option<&str>)] = &[
    (KEY, Some("\"...\"")),
    (WIRE_OPTIONAL, None),
    (EXTRA, None),
    (AS, Some("\"str\"")),
    (PYTHON, Some("\"...\"")),
    (FLATTEN, None),
];

/// `first` then `second`, in an array of their total length `N`.
const fn joined<const N: usize>(
    first: &[(Symbol, Option<&'static str>)],
    second: &[(Symbol, Option<&'static str>)],
) -> [(Symbol, Option<&'static str>); N] {
    let mut all = [(KEY, None); N];
    let mut index = 0;
    while index < N {
        all[index] = if index < first.len() {
            first[index]
        } else {
            second[index - first.len()]
        };
        index += 1;
    }
    all
}

impl Field {
    /// Every setting written more than once: its name and where it was repeated.
    pub fn repeats(&self) -> Vec<(Symbol, Span)> {
        (self.key.repeats())
            .chain(self.wire_optional.repeats())
            .chain(self.extra.repeats())
            .chain(self.as_.repeats())
            .chain(self.python.repeats())
            .chain(self.flatten.repeats())
            .chain(self.bounds.repeats())
            .collect()
    }

    /// No settings: a field as the model writes it (the output variant's), not the user.
    pub fn new() -> Field {
        Field {
            key: Attr::none(KEY),
            wire_optional: Attr::none(WIRE_OPTIONAL),
            extra: Attr::none(EXTRA),
            as_: Attr::none(AS),
            python: Attr::none(PYTHON),
            flatten: Attr::none(FLATTEN),
            bounds: Bounds::new(),
        }
    }

    /// Parses every `#[typed_dict(...)]` among `attrs`.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Field {
        let mut field = Field::new();
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = parse_list(attr, |meta| {
                let span = path_span(&meta);
                let path = &meta.path;
                if path == KEY {
                    if let Some(key) = string(cx, &meta, KEY, "\"QueueUrl\"")? {
                        field.key.set(key.span(), key);
                    }
                } else if path == WIRE_OPTIONAL {
                    if flag(cx, &meta, WIRE_OPTIONAL)? {
                        field.wire_optional.set(span, ());
                    }
                } else if path == EXTRA {
                    if flag(cx, &meta, EXTRA)? {
                        field.extra.set(span, ());
                    }
                } else if path == AS {
                    if let Some(base) = string(cx, &meta, AS, "\"str\"")? {
                        field.as_.set(base.span(), base);
                    }
                } else if path == PYTHON {
                    if let Some(python) = string(cx, &meta, PYTHON, "\"UUID\"")? {
                        field.python.set(python.span(), python);
                    }
                } else if path == FLATTEN {
                    if flag(cx, &meta, FLATTEN)? {
                        field.flatten.set(span, ());
                    }
                } else if field.bounds.parse_one(cx, &meta)? {
                    // A constraint setting, read.
                } else if path == RENAME {
                    skip_value(&meta)?;
                    cx.error_spanned_by(
                        path,
                        format!("unknown {TYPED_DICT} attribute `{RENAME}`; a field's wire key is `{KEY} = \"...\"`"),
                    );
                } else {
                    skip_value(&meta)?;
                    cx.error_spanned_by(path, unknown(&path_name(&meta), FIELD_FORMS));
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

/// The variant settings with an example value (none for a flag), for messages.
const VARIANT_FORMS: &[(Symbol, Option<&str>)] = &[(VALUE, Some("\"...\"")), (OTHER, None)];

impl Variant {
    /// Every setting written more than once: its name and where it was repeated.
    pub fn repeats(&self) -> Vec<(Symbol, Span)> {
        (self.value.repeats()).chain(self.other.repeats()).collect()
    }

    /// Parses every `#[typed_dict(...)]` among `attrs`.
    pub fn parse(cx: &mut Ctxt, attrs: &[Attribute]) -> Variant {
        let mut variant = Variant {
            value: Attr::none(VALUE),
            other: Attr::none(OTHER),
        };
        for attr in attrs.iter().filter(|attr| is_helper(attr)) {
            let parsed = parse_list(attr, |meta| {
                let span = path_span(&meta);
                let path = &meta.path;
                if path == VALUE {
                    if let Some(value) = string(cx, &meta, VALUE, "\"IN_PROGRESS\"")? {
                        variant.value.set(value.span(), value);
                    }
                } else if path == OTHER {
                    if flag(cx, &meta, OTHER)? {
                        variant.other.set(span, ());
                    }
                } else if path == RENAME {
                    skip_value(&meta)?;
                    cx.error_spanned_by(
                        path,
                        format!("unknown {TYPED_DICT} attribute `{RENAME}`; a variant's wire string is `{VALUE} = \"...\"`"),
                    );
                } else {
                    skip_value(&meta)?;
                    cx.error_spanned_by(path, unknown(&path_name(&meta), VARIANT_FORMS));
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
    attr.path() == TYPED_DICT
}

/// Whether `attr` is a `#[serde(...)]`, which means nothing here: `#[typed_dict]`
/// implements serde itself. It is reported and not re-emitted.
pub fn is_serde(attr: &Attribute) -> bool {
    attr.path() == SERDE
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
        .filter(|attr| attr.path() == CFG)
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
            if [ALLOW, WARN, DENY, FORBID].iter().any(|lint| path == *lint) {
                return Some(attr.clone());
            }
            if path == EXPECT {
                let mut allowed = attr.clone();
                if let syn::Meta::List(list) = &mut allowed.meta {
                    list.path =
                        syn::Ident::new(ALLOW.as_str(), list.path.segments[0].ident.span()).into();
                }
                return Some(allowed);
            }
            None
        })
        .collect()
}

fn parse_list(
    attr: &Attribute,
    logic: impl FnMut(ParseNestedMeta) -> syn::Result<()>,
) -> syn::Result<()> {
    match &attr.meta {
        syn::Meta::List(_) => attr.parse_nested_meta(logic),
        _ => Err(syn::Error::new_spanned(
            attr,
            format!("write the settings in parentheses: `#[{TYPED_DICT}(...)]`"),
        )),
    }
}

/// The path as written, for messages (`serde::rename` without spaces).
pub fn path_name(meta: &ParseNestedMeta) -> String {
    meta.path.to_token_stream().to_string().replace(' ', "")
}

fn path_span(meta: &ParseNestedMeta) -> Span {
    meta.path
        .get_ident()
        .map_or_else(|| syn::spanned::Spanned::span(&meta.path), |i| i.span())
}

/// A flag such as `closed`: true when written bare; a value is an error naming the form.
/// The errors of this and the value readers below are parse errors of the setting's
/// syntax, so they are raised here and not in `check`.
fn flag(cx: &mut Ctxt, meta: &ParseNestedMeta, name: Symbol) -> syn::Result<bool> {
    if meta.input.peek(Token![=]) || meta.input.peek(syn::token::Paren) {
        skip_value(meta)?;
        cx.error_spanned_by(
            &meta.path,
            format!("`{name}` takes no value: write `#[{TYPED_DICT}({name})]`"),
        );
        return Ok(false);
    }
    Ok(true)
}

/// A string value such as `key = "QueueUrl"`; anything else is an error naming the form
/// (`name = example`).
fn string(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: Symbol,
    example: &str,
) -> syn::Result<Option<LitStr>> {
    let Some(tokens) = value_tokens(cx, meta, name, example)? else {
        return Ok(None);
    };
    match syn::parse2::<LitStr>(tokens.clone()) {
        Ok(lit) => Ok(Some(lit)),
        Err(_) => {
            cx.error_spanned_by(
                &tokens,
                format!("`{name}` takes a string literal: write `{name} = {example}`"),
            );
            Ok(None)
        }
    }
}

/// A length such as `max_length = 256`: a non-negative integer literal, with where it is
/// written.
fn length(cx: &mut Ctxt, meta: &ParseNestedMeta, name: Symbol) -> syn::Result<Option<(Span, u64)>> {
    let Some(tokens) = value_tokens(cx, meta, name, "1")? else {
        return Ok(None);
    };
    let parsed = syn::parse2::<syn::LitInt>(tokens.clone())
        .ok()
        .and_then(|lit| Some((lit.span(), lit.base10_parse::<u64>().ok()?)));
    if parsed.is_none() {
        cx.error_spanned_by(
            &tokens,
            format!("`{name}` takes a non-negative integer literal: write `{name} = 1`"),
        );
    }
    Ok(parsed)
}

/// A bound such as `ge = 1` or `le = -0.5`: an integer or float literal, signed, with
/// where it is written.
fn number(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: Symbol,
) -> syn::Result<Option<(Span, Number)>> {
    let Some(tokens) = value_tokens(cx, meta, name, "1")? else {
        return Ok(None);
    };
    let span = syn::spanned::Spanned::span(&tokens);
    let parsed = match syn::parse2::<syn::Expr>(tokens.clone()) {
        Ok(syn::Expr::Lit(lit)) => literal_number(&lit.lit, false),
        Ok(syn::Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Neg(_),
            expr,
            ..
        })) => match *expr {
            syn::Expr::Lit(lit) => literal_number(&lit.lit, true),
            _ => None,
        },
        _ => None,
    };
    if parsed.is_none() {
        cx.error_spanned_by(
            &tokens,
            format!("`{name}` takes a number literal: write `{name} = 1` or `{name} = 0.5`"),
        );
    }
    Ok(parsed.map(|number| (span, number)))
}

fn literal_number(lit: &syn::Lit, negative: bool) -> Option<Number> {
    match lit {
        syn::Lit::Int(int) => {
            let value = int.base10_parse::<i128>().ok()?;
            Some(Number::Int(if negative { -value } else { value }))
        }
        syn::Lit::Float(float) => {
            let value = float.base10_parse::<f64>().ok().filter(|v| v.is_finite())?;
            Some(Number::Float(if negative { -value } else { value }))
        }
        _ => None,
    }
}

/// A type name such as `output = XOutputTypeDef`.
fn ident(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: Symbol,
    example: &str,
) -> syn::Result<Option<syn::Ident>> {
    let Some(tokens) = value_tokens(cx, meta, name, example)? else {
        return Ok(None);
    };
    match syn::parse2::<syn::Ident>(tokens.clone()) {
        Ok(ident) => Ok(Some(ident)),
        Err(_) => {
            cx.error_spanned_by(
                &tokens,
                format!(
                    "`{name}` takes a type name, not a string or path: write `{name} = {example}`"
                ),
            );
            Ok(None)
        }
    }
}

/// The tokens after `=`, up to the next comma; a bare name is an error naming the form.
fn value_tokens(
    cx: &mut Ctxt,
    meta: &ParseNestedMeta,
    name: Symbol,
    example: &str,
) -> syn::Result<Option<TokenStream>> {
    let needs_value = || format!("`{name}` needs a value: write `{name} = {example}`");
    if !meta.input.peek(Token![=]) {
        skip_value(meta)?;
        cx.error_spanned_by(&meta.path, needs_value());
        return Ok(None);
    }
    let value = meta.value()?;
    let mut tokens = TokenStream::new();
    while !value.is_empty() && !value.peek(Token![,]) {
        tokens.extend([value.parse::<TokenTree>()?]);
    }
    if tokens.is_empty() {
        cx.push(meta.error(needs_value()));
        return Ok(None);
    }
    Ok(Some(tokens))
}

/// Consumes whatever follows a name (`= value` or `(...)`), so parsing goes on.
pub fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
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

/// Whether `path` names one of the settings in `forms`.
fn is_one_of(path: &syn::Path, forms: &[(Symbol, Option<&str>)]) -> bool {
    forms.iter().any(|(name, _)| path == *name)
}

fn unknown(name: &str, forms: &[(Symbol, Option<&str>)]) -> String {
    let names = forms.iter().map(|(name, _)| name.as_str());
    match suggest::closest(name, names) {
        Some(close) => format!("unknown {TYPED_DICT} attribute `{name}`; did you mean `{close}`?"),
        None => {
            let forms: Vec<String> = forms
                .iter()
                .map(|(name, example)| match example {
                    Some(list) if list.starts_with('(') => format!("`{name}{list}`"),
                    Some(example) => format!("`{name} = {example}`"),
                    None => format!("`{name}`"),
                })
                .collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            format!(
                "unknown {TYPED_DICT} attribute `{name}`; expected {}",
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
        Some(close) => format!("unknown {RENAME_ALL} rule `{rule}`; did you mean `{close}`?"),
        None => format!(
            "unknown {RENAME_ALL} rule `{rule}`; expected one of {}",
            names.join(", ")
        ),
    }
}
