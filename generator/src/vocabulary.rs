//! The framework's vocabulary as the generator knows it: which stub construct becomes
//! which Rust value type, how the framework renders that type back as an annotation, and
//! what the framework cannot say yet.
//!
//! This is the one place to change when `#[typed_dict]` learns a construct: give
//! [`Construct`]'s variant a declaration in [`Vocabulary::value`] that renders exactly what
//! the stub writes ([`Ty`] gains the Rust type and its rendering), and its deviations
//! disappear from every report; aliases resolve through the same function. The conformance
//! tests (`tests/aws-stubs`) then fail until their known list drops those lines. A
//! construct with an output form of its own (`Mapping` whose output is `dict`) also
//! teaches `outputs.rs` that form, so that `output =` pairs keep being found; an alias's
//! output counterpart ([`alias_output`]) is decided here once, for its declaration's
//! `output =` and for the pairing alike.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::Serialize;

use crate::annotation::Expr;
use crate::modules::union_members;
use crate::names::variant_name;
use crate::release::Release;

/// A Rust value type the generator writes, as the framework knows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    /// `String`: `str`.
    Str,
    /// `i64`: `int`.
    Int,
    /// `f64`: `float`.
    Float,
    /// `bool`.
    Bool,
    /// `Timestamp`: `datetime`.
    Timestamp,
    /// `Blob`: the style's blob text.
    Blob,
    /// `JsonValue`: `Any`.
    Any,
    /// `Sequence<T>`.
    Sequence(Box<Ty>),
    /// `List<T>`.
    List(Box<Ty>),
    /// `Dict<K, V>`.
    Dict(Box<Ty>, Box<Ty>),
    /// `Mapping<K, V>`: `Mapping[K, V]`, the input dict.
    Mapping(Box<Ty>, Box<Ty>),
    /// `Nullable<T>`: `T | None` (`Optional[T]` in the typing style).
    Nullable(Box<Ty>),
    /// `Set<T>`: `set[T]`.
    Set(Box<Ty>),
    /// `ByteArray`: `bytearray`.
    ByteArray,
    /// `Decimal`: `Decimal`.
    Decimal,
    /// `NoneType`: `None`, a union's member.
    NoneType,
    /// A Python-only type (`#[typed_dict(python = "...")]` on a unit struct, declared in
    /// the release's `literals.rs`): renders its text verbatim.
    PythonOnly {
        /// The Rust name.
        name: String,
        /// The annotation, as the stub writes it.
        python: String,
    },
    /// A declared TypedDict, union, alias or literal of several values: renders its name.
    Named(String),
    /// A declared literal of one value: renders `Literal['value']`.
    OneValueLiteral {
        /// The literal type.
        name: String,
        /// Its value.
        value: String,
    },
    /// A union the stub writes in place (`str | bytes`, `Union[str, list[str]]`), declared
    /// by the generator as an `#[typed_dict(inline)]` union in the release's `literals.rs`:
    /// renders its members joined as the style joins them.
    InlineUnion {
        /// The Rust name, from its members: [`inline_union_name`].
        name: String,
        /// Each member: its variant's name and its type, in the stub's order.
        members: Vec<(String, Ty)>,
    },
    /// A literal the stub writes in place that no literal of the stub names with exactly
    /// its values, declared by the generator as an `#[typed_dict(inline)]` literal in the
    /// release's `literals.rs`: renders `Literal['a', 'b']`.
    InlineLiteral {
        /// The Rust name, from its values: [`inline_literal_name`].
        name: String,
        /// The values, in the stub's order.
        values: Vec<String>,
    },
}

/// Where a Rust type's name comes from, for the `use` lines of a module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Import {
    /// An item of `typed_dict` (`Blob`, `List`, ...).
    Framework(&'static str),
    /// A generated item, by name.
    Generated(String),
}

/// The Python-only types of the stubs: names a stub imports from outside it (botocore,
/// aiobotocore, boto3, the standard library) that no JSON value is. Another unknown name
/// stays a deviation, so that a name the facts forgot is not taken for one.
const PYTHON_ONLY: [&str; 9] = [
    "Callable",
    "IO",
    "StreamingBody",
    "AioEventStream",
    "EventStream",
    "TransferConfig",
    "ConditionBase",
    "BaseClient",
    "AioBaseClient",
];

/// Members of a blob alias's union: the stream and text types a client takes for bytes.
const BLOB_MEMBERS: [&str; 5] = ["str", "bytes", "bytearray", "IO", "StreamingBody"];

/// Whether an alias's text is a blob's: the style's blob, or a union of `bytes` and the
/// types a client takes for it (`Union[str, bytes, IO[Any], StreamingBody]`), declared
/// as `struct X(pub Blob)`.
pub fn is_blob_alias(style: &Style, text: &str) -> bool {
    let blob_like = |member: &Expr| match member {
        Expr::Name(name) | Expr::Generic(name, _) => BLOB_MEMBERS.contains(&name.as_str()),
        _ => false,
    };
    text == style.blob
        || Expr::parse(text).is_ok_and(|expr| {
            expr.union_members().is_some_and(|members| {
                members.iter().any(|m| m.name() == Some("bytes")) && members.iter().all(blob_like)
            })
        })
}

/// The output counterpart of a named alias (its `output = X`), where the stub's output
/// shapes write another type in its place: `XUnionTypeDef = Union[XTypeDef,
/// XOutputTypeDef]`'s is its output member, a blob alias's `bytes` (`Blob`: a response
/// holds bytes, not a stream), `Union[datetime, str]`'s `datetime` (`Timestamp`: a
/// response holds a time, not text). Any other alias is its own output.
pub fn alias_output(style: &Style, text: &str) -> Option<Ty> {
    if let Some((_, output)) = union_members(text) {
        return Some(Ty::Named(output));
    }
    if is_blob_alias(style, text) {
        return Some(Ty::Blob);
    }
    let expr = Expr::parse(text).ok()?;
    let members = expr.union_members()?;
    let names: BTreeSet<&str> = members.iter().filter_map(Expr::name).collect();
    (members.len() == 2 && names == BTreeSet::from(["datetime", "str"])).then_some(Ty::Timestamp)
}

/// How a stub spells what Python lets it spell more than one way (the catalog's
/// `PythonStyle`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Style {
    /// The list generic: `list` or `List`.
    pub list: String,
    /// The dict generic: `dict` or `Dict`.
    pub dict: String,
    /// A blob's whole annotation.
    pub blob: String,
    /// Whether unions written in place and nullable values are written with `|`
    /// (`str | None`) rather than `Union[...]` and `Optional[...]`: `PythonStyle`'s
    /// `pipe_unions`, which a release may set apart from its list generic
    /// (`with_pipe_unions`).
    pub pipe_unions: bool,
}

impl Style {
    /// The style whose generics are `list` and `dict` (or `List` and `Dict`), with the
    /// unions `PythonStyle`'s constant of those generics writes and `bytes` blobs.
    pub fn new(list: &str, dict: &str) -> Style {
        Style {
            list: list.to_owned(),
            dict: dict.to_owned(),
            blob: "bytes".to_owned(),
            pipe_unions: list == "list",
        }
    }

    /// The set generic: `set`, or `Set` in the typing style.
    pub fn set(&self) -> &'static str {
        if self.list == "list" {
            "set"
        } else {
            "Set"
        }
    }
}

/// How a stub writes the unions and nullable values in its keys, if it writes any and
/// only one way: `Some(true)` for `A | B` and `X | None`, `Some(false)` for `Union[A, B]`
/// and `Optional[X]`. A stub that writes both gets its generics' default and a deviation
/// for each key written the other way (the framework spells them one way per release).
pub fn union_spelling<'t>(annotations: impl Iterator<Item = &'t str>) -> Option<bool> {
    fn spellings(expr: &Expr, pipe: &mut bool, typing: &mut bool) {
        match expr {
            Expr::Or(members) => {
                *pipe = true;
                members.iter().for_each(|m| spellings(m, pipe, typing));
            }
            Expr::Generic(name, args) => {
                *typing |= name == "Union" || name == "Optional";
                args.iter().for_each(|a| spellings(a, pipe, typing));
            }
            Expr::List(items) => items.iter().for_each(|i| spellings(i, pipe, typing)),
            Expr::Name(_) | Expr::Str(_) | Expr::Ellipsis => {}
        }
    }
    let (mut pipe, mut typing) = (false, false);
    // An annotation that does not parse is reported where its key is declared.
    for expr in annotations.filter_map(|text| Expr::parse(text).ok()) {
        spellings(&expr, &mut pipe, &mut typing);
    }
    match (pipe, typing) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

impl Ty {
    /// The Rust type, recording what it imports.
    pub fn rust(&self, imports: &mut BTreeSet<Import>) -> String {
        let framework = |imports: &mut BTreeSet<Import>, name: &'static str| {
            imports.insert(Import::Framework(name));
            name.to_owned()
        };
        match self {
            Ty::Str => "String".into(),
            Ty::Int => "i64".into(),
            Ty::Float => "f64".into(),
            Ty::Bool => "bool".into(),
            Ty::Timestamp => framework(imports, "Timestamp"),
            Ty::Blob => framework(imports, "Blob"),
            Ty::Any => framework(imports, "JsonValue"),
            Ty::Sequence(item) => {
                let item = item.rust(imports);
                format!("{}<{item}>", framework(imports, "Sequence"))
            }
            Ty::List(item) => {
                let item = item.rust(imports);
                format!("{}<{item}>", framework(imports, "List"))
            }
            Ty::Dict(key, value) => {
                let (key, value) = (key.rust(imports), value.rust(imports));
                format!("{}<{key}, {value}>", framework(imports, "Dict"))
            }
            Ty::Mapping(key, value) => {
                let (key, value) = (key.rust(imports), value.rust(imports));
                format!("{}<{key}, {value}>", framework(imports, "Mapping"))
            }
            Ty::Nullable(inner) => {
                let inner = inner.rust(imports);
                format!("{}<{inner}>", framework(imports, "Nullable"))
            }
            Ty::Set(item) => {
                let item = item.rust(imports);
                format!("{}<{item}>", framework(imports, "Set"))
            }
            Ty::ByteArray => framework(imports, "ByteArray"),
            Ty::Decimal => framework(imports, "Decimal"),
            Ty::NoneType => framework(imports, "NoneType"),
            Ty::Named(name)
            | Ty::OneValueLiteral { name, .. }
            | Ty::PythonOnly { name, .. }
            | Ty::InlineUnion { name, .. }
            | Ty::InlineLiteral { name, .. } => {
                imports.insert(Import::Generated(name.clone()));
                name.clone()
            }
        }
    }

    /// The annotation the framework renders for the type (`ValueType::python_with`).
    pub fn python(&self, style: &Style) -> String {
        match self {
            Ty::Str => "str".into(),
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Bool => "bool".into(),
            Ty::Timestamp => "datetime".into(),
            Ty::Blob => style.blob.clone(),
            Ty::Any => "Any".into(),
            Ty::Sequence(item) => format!("Sequence[{}]", item.python(style)),
            Ty::List(item) => format!("{}[{}]", style.list, item.python(style)),
            Ty::Dict(key, value) => {
                format!(
                    "{}[{}, {}]",
                    style.dict,
                    key.python(style),
                    value.python(style)
                )
            }
            Ty::Mapping(key, value) => {
                format!("Mapping[{}, {}]", key.python(style), value.python(style))
            }
            Ty::Nullable(inner) if style.pipe_unions => format!("{} | None", inner.python(style)),
            Ty::Nullable(inner) => format!("Optional[{}]", inner.python(style)),
            Ty::Set(item) => format!("{}[{}]", style.set(), item.python(style)),
            Ty::ByteArray => "bytearray".into(),
            Ty::Decimal => "Decimal".into(),
            Ty::NoneType => "None".into(),
            Ty::PythonOnly { python, .. } => python.clone(),
            Ty::Named(name) => name.clone(),
            Ty::OneValueLiteral { value, .. } => format!("Literal['{value}']"),
            Ty::InlineUnion { members, .. } => {
                let members: Vec<String> = members.iter().map(|(_, ty)| ty.python(style)).collect();
                if style.pipe_unions {
                    members.join(" | ")
                } else {
                    format!("Union[{}]", members.join(", "))
                }
            }
            Ty::InlineLiteral { values, .. } => {
                let values: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
                format!("Literal[{}]", values.join(", "))
            }
        }
    }

    /// Every type inside this one, itself first.
    pub fn walk(&self, each: &mut impl FnMut(&Ty)) {
        each(self);
        match self {
            Ty::Sequence(inner) | Ty::List(inner) | Ty::Nullable(inner) | Ty::Set(inner) => {
                inner.walk(each)
            }
            Ty::Dict(key, value) | Ty::Mapping(key, value) => {
                key.walk(each);
                value.walk(each);
            }
            Ty::InlineUnion { members, .. } => {
                for (_, member) in members {
                    member.walk(each);
                }
            }
            _ => {}
        }
    }
}

/// The Rust name of a Python-only type: the identifiers of its annotation but `Any`, run
/// together (`Callable[..., Any]` is `Callable`, `AioEventStream[XTypeDef]`
/// `AioEventStreamXTypeDef`).
fn python_only_name(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|word| !word.is_empty() && *word != "Any")
        .collect()
}

/// A stub construct the generator cannot declare exactly (what is left of issue 21's table
/// where a stub spells a construct otherwise than the framework renders it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Construct {
    /// `Mapping[K, V]`, the read-only input dict, where it cannot be declared as `Mapping`
    /// (no longer met: kept for reports' stable names).
    Mapping,
    /// `X | None`, `Optional[X]` spelled otherwise than the release's unions (a stub that
    /// writes both `Optional[X]` and `A | B`): declared as `Nullable<X>`.
    Nullable,
    /// `Union[A, B]` or `A | B` written in a key's annotation that the framework cannot
    /// render as written: spelled otherwise than the release's unions (declared as the
    /// inline union), or two members of one Rust type (declared as `JsonValue`).
    InlineUnion,
    /// `Literal[...]` written in a key's annotation that the framework cannot render as
    /// written: a repeated value (declared as `String`), a value Python quotes otherwise
    /// than `'...'` (declared as the inline literal).
    InlineLiteral,
    /// A type with no JSON form (`Callable`, `StreamingBody`, `IO`, a client, `Decimal`,
    /// `set`): declared as the nearest JSON type.
    PythonOnly,
    /// `bytes` in a release whose style spells a blob as its blob alias's union: the
    /// style renders every blob one way, so plain `bytes` renders the union.
    BlobStyle,
    /// An alias whose Python text no declaration renders (a blob alias beside plain
    /// `bytes`, a union of Python-only types): declared as an alias of the nearest type.
    AliasText,
}

impl Construct {
    /// The construct's name in reports: `mapping`, `nullable`, ...
    pub fn name(self) -> &'static str {
        match self {
            Construct::Mapping => "mapping",
            Construct::Nullable => "nullable",
            Construct::InlineUnion => "inline_union",
            Construct::InlineLiteral => "inline_literal",
            Construct::PythonOnly => "python_only",
            Construct::BlobStyle => "blob_style",
            Construct::AliasText => "alias_text",
        }
    }

    /// What the construct is, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Construct::Mapping => "Mapping[K, V] (declared as Dict)",
            Construct::Nullable => "a value that may be None, spelled otherwise than the style",
            Construct::InlineUnion => {
                "a union written in place, spelled otherwise or of one type twice"
            }
            Construct::InlineLiteral => {
                "a literal written in place, quoted otherwise or of one value twice"
            }
            Construct::PythonOnly => "a Python-only type (declared as the nearest JSON type)",
            Construct::BlobStyle => "bytes beside a blob union (rendered as the style's blob)",
            Construct::AliasText => "an alias's own Python text (declared as the nearest type)",
        }
    }
}

/// One place where the emitted declaration does not render what the stub writes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Deviation {
    /// The construct behind it (the first one met, reading the annotation left to right).
    pub construct: Construct,
    /// `TypedDict.key`, or the alias's name.
    pub place: String,
    /// What the stub writes.
    pub stub: String,
    /// What the emitted declaration renders.
    pub emitted: String,
}

impl Serialize for Construct {
    /// As its [`Construct::name`].
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

impl fmt::Display for Deviation {
    /// One line: `construct, place, what the stub says, what is emitted`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, `{}`, `{}`",
            self.construct.name(),
            self.place,
            self.stub,
            self.emitted
        )
    }
}

/// The names a release declares, for resolving annotations.
pub struct Vocabulary<'a> {
    /// The release's style.
    pub style: &'a Style,
    /// Declared literals: name -> values.
    literals: HashMap<&'a str, &'a [String]>,
    /// Literals in the stub's order, for the one-value lookup.
    literal_order: Vec<(&'a str, &'a [String])>,
    /// TypedDicts and aliases.
    declared: BTreeSet<&'a str>,
    /// `TypedDict.key` -> the literal its `Literal['X']` means (the layout's `literal_of`).
    literal_of: &'a HashMap<String, String>,
    /// Alias name -> its text.
    aliases: HashMap<&'a str, &'a str>,
    /// Alias name -> the output counterpart only the stub's output pairs show
    /// ([`Vocabulary::alias_output`]).
    shown_outputs: BTreeMap<String, String>,
}

/// The result of resolving one annotation.
pub struct Resolved {
    /// The nearest declaration.
    pub ty: Ty,
    /// The first construct the framework cannot say, if any was met.
    pub construct: Option<Construct>,
}

impl<'a> Vocabulary<'a> {
    /// The vocabulary of one release: its declared names and literals, and the layout's
    /// `literal_of` choices.
    pub fn new(release: &'a Release, literal_of: &'a HashMap<String, String>) -> Vocabulary<'a> {
        let literals = release.literals();
        let mut vocabulary = Vocabulary {
            style: &release.style,
            literals: literals.iter().copied().collect(),
            literal_order: literals,
            declared: (release.facts.type_defs.iter().map(|t| t.name.as_str()))
                .chain(release.facts.aliases.iter().map(|a| a.name.as_str()))
                .collect(),
            literal_of,
            aliases: (release.facts.aliases.iter())
                .map(|a| (a.name.as_str(), a.definition.as_str()))
                .collect(),
            shown_outputs: BTreeMap::new(),
        };
        vocabulary.shown_outputs = vocabulary.outputs_the_pairs_show(release);
        vocabulary
    }

    /// The output counterpart of the alias `name` (its `output = X`): [`alias_output`]'s,
    /// or, for a union one of whose members is a TypedDict of the stub, that member where
    /// the stub's output pairs show it in the union's place and nothing else there
    /// (dynamodb's `UniversalAttributeValueTypeDef`, a union of `AttributeValueTypeDef` and
    /// Python values, is `AttributeValueTypeDef` in every output shape). Any other alias is
    /// its own output.
    pub fn alias_output(&self, name: &str) -> Option<Ty> {
        let text = self.aliases.get(name)?;
        alias_output(self.style, text)
            .or_else(|| (self.shown_outputs.get(name)).map(|output| Ty::Named(output.clone())))
    }

    /// What the stub's output pairs (`XTypeDef`, `XOutputTypeDef`) hold where the input
    /// holds a union alias that [`alias_output`] says nothing of: the alias's output, when
    /// every pair holds the same TypedDict there and the union declares it as a member.
    fn outputs_the_pairs_show(&self, release: &Release) -> BTreeMap<String, String> {
        let mut seen: BTreeMap<&'a str, BTreeSet<String>> = BTreeMap::new();
        for output in &release.facts.type_defs {
            let Some(stem) = output.name.strip_suffix("OutputTypeDef") else {
                continue;
            };
            let Some(input) = release.type_def(&format!("{stem}TypeDef")) else {
                continue;
            };
            for (i, o) in input.fields.iter().zip(&output.fields) {
                // A key that does not parse is reported where it is declared.
                if let (true, Ok(i), Ok(o)) = (
                    i.key == o.key,
                    Expr::parse(&i.annotation),
                    Expr::parse(&o.annotation),
                ) {
                    self.observe(&i, &o, &mut seen);
                }
            }
        }
        seen.into_iter()
            .filter_map(|(alias, outputs)| {
                let [output]: [String; 1] = Vec::from_iter(outputs).try_into().ok()?;
                let text = self.aliases.get(alias)?;
                let member = self
                    .exact_union(text)?
                    .iter()
                    .any(|(_, ty)| *ty == Ty::Named(output.clone()));
                (member
                    && alias_output(self.style, text).is_none()
                    && release.type_def(&output).is_some())
                .then(|| (alias.to_owned(), output))
            })
            .collect()
    }

    /// Records, for each alias the input annotation names, what the output annotation
    /// holds in its place (the two read side by side: `Sequence[A]` beside `list[T]`).
    fn observe(&self, input: &Expr, output: &Expr, seen: &mut BTreeMap<&'a str, BTreeSet<String>>) {
        match (input, output) {
            (Expr::Name(name), _) => {
                if let Some((alias, _)) = self.aliases.get_key_value(name.as_str()) {
                    seen.entry(*alias).or_default().insert(output.to_string());
                }
            }
            (Expr::Generic(_, inputs), Expr::Generic(_, outputs))
            | (Expr::Or(inputs), Expr::Or(outputs))
                if inputs.len() == outputs.len() =>
            {
                for (input, output) in inputs.iter().zip(outputs) {
                    self.observe(input, output, seen);
                }
            }
            _ => {}
        }
    }

    /// The variants of a union alias whose every member the framework declares exactly,
    /// each of a different Rust type (`Union[datetime, str]`), declared as a union enum;
    /// `None` for any other text.
    pub fn exact_union(&self, text: &str) -> Option<Vec<(String, Ty)>> {
        let expr = Expr::parse(text).ok()?;
        let members = expr.union_members()?;
        let mut variants: Vec<(String, Ty)> = Vec::new();
        for member in members {
            let resolved = self.value(member, "").ok()?;
            if resolved.construct.is_some() || resolved.ty.python(self.style) != member.to_string()
            {
                return None;
            }
            let variant = member_variant(member);
            if variants
                .iter()
                .any(|(v, ty)| *v == variant || *ty == resolved.ty)
            {
                return None;
            }
            variants.push((variant, resolved.ty));
        }
        // Only what the framework renders back: `Union[A, B]`, not `A | B`.
        let rendered: Vec<String> = (variants.iter())
            .map(|(_, ty)| ty.python(self.style))
            .collect();
        (variants.len() >= 2 && format!("Union[{}]", rendered.join(", ")) == text)
            .then_some(variants)
    }

    /// Whether `name` is a declared TypedDict or alias.
    pub fn declares(&self, name: &str) -> bool {
        self.declared.contains(name)
    }

    /// The nearest declaration of a key's annotation (`owner` is `TypedDict.key`, for the
    /// layout's `literal_of`).
    pub fn value(&self, expr: &Expr, owner: &str) -> Result<Resolved, String> {
        let mut construct = None;
        let ty = self.resolve(expr, owner, &mut construct)?;
        Ok(Resolved { ty, construct })
    }

    fn resolve(
        &self,
        expr: &Expr,
        owner: &str,
        construct: &mut Option<Construct>,
    ) -> Result<Ty, String> {
        let mut note = |found: Construct| {
            construct.get_or_insert(found);
        };
        let text = expr.to_string();
        if text == self.style.blob {
            return Ok(Ty::Blob);
        }
        if let Some(members) = expr.union_members() {
            let (none, rest): (Vec<&Expr>, Vec<&Expr>) =
                members.iter().partition(|m| m.name() == Some("None"));
            if !none.is_empty() && rest.len() == 1 {
                // An inner construct names the deviation better than the spelling.
                let mut inner = None;
                let ty = self.resolve(rest[0], owner, &mut inner)?;
                note(inner.unwrap_or(Construct::Nullable));
                return Ok(Ty::Nullable(Box::new(ty)));
            }
            // A member the framework cannot say (`ConditionBase`, `frozenset[int]`) names
            // the deviation better than the union around it.
            let mut inner = None;
            let mut resolved = Vec::new();
            for member in &rest {
                resolved.push(self.resolve(member, owner, &mut inner)?);
            }
            if let Some(inner) = inner {
                note(inner);
                return Ok(Ty::Any);
            }
            let ty = self.union_in_place(members, &rest, resolved, &text)?;
            if ty.python(self.style) != text {
                note(Construct::InlineUnion);
            }
            return Ok(ty);
        }
        match expr {
            Expr::Name(name) => Ok(match name.as_str() {
                "str" => Ty::Str,
                "int" => Ty::Int,
                "float" => Ty::Float,
                "bool" => Ty::Bool,
                "datetime" => Ty::Timestamp,
                "bytes" => {
                    if self.style.blob != "bytes" {
                        note(Construct::BlobStyle);
                    }
                    Ty::Blob
                }
                "Any" => Ty::Any,
                "bytearray" => Ty::ByteArray,
                "Decimal" => Ty::Decimal,
                "None" => Ty::NoneType,
                name if self.literals.contains_key(name) || self.declared.contains(name) => {
                    Ty::Named(name.to_owned())
                }
                name if PYTHON_ONLY.contains(&name) => Ty::PythonOnly {
                    name: python_only_name(name),
                    python: name.to_owned(),
                },
                // A client object, `StreamingBody`, `Decimal`, `TransferConfig`, ...: a
                // Python type with no JSON form.
                _ => {
                    note(Construct::PythonOnly);
                    Ty::Any
                }
            }),
            Expr::Generic(generic, args) => self.generic(generic, args, owner, construct),
            Expr::Str(_) | Expr::Ellipsis | Expr::List(_) | Expr::Or(_) => {
                Err(format!("`{text}` is not a type"))
            }
        }
    }

    /// A union written in place (`rest` its members but `None`, resolved): a nullable
    /// inline union where `A | B | None` is written so (`Optional[Union[A, B]]` in the
    /// typing style is `Optional`'s), else an inline union of every member, `None` too;
    /// `Any` where the framework cannot declare it.
    fn union_in_place(
        &self,
        members: &[Expr],
        rest: &[&Expr],
        resolved: Vec<Ty>,
        text: &str,
    ) -> Result<Ty, String> {
        if let [.., last] = members {
            if rest.len() + 1 == members.len() && last.name() == Some("None") {
                if let Some(union) = self.inline_union(rest, resolved.clone())? {
                    let nullable = Ty::Nullable(Box::new(union));
                    if nullable.python(self.style) == text {
                        return Ok(nullable);
                    }
                }
            }
        }
        let all: Vec<&Expr> = members.iter().collect();
        let mut resolved = resolved.into_iter();
        let tys = (all.iter())
            .map(|m| match m.name() {
                Some("None") => Ty::NoneType,
                _ => resolved.next().expect("a type per member but None"),
            })
            .collect();
        Ok(self.inline_union(&all, tys)?.unwrap_or(Ty::Any))
    }

    /// The union of `members` written in place, declared as an inline union; `None` where
    /// the framework cannot declare it (two members of one Rust type, or of one variant
    /// name), left `Any` and reported.
    fn inline_union(&self, members: &[&Expr], tys: Vec<Ty>) -> Result<Option<Ty>, String> {
        let variants: Vec<String> = members.iter().map(|m| member_variant(m)).collect();
        // The macro tells members apart by their Rust type.
        let rust: BTreeSet<String> = tys.iter().map(|t| t.rust(&mut BTreeSet::new())).collect();
        let names: BTreeSet<&String> = variants.iter().collect();
        if rust.len() != tys.len() || names.len() != variants.len() || tys.len() < 2 {
            return Ok(None);
        }
        let name = inline_union_name(&variants);
        self.undeclared(&name, members)?;
        Ok(Some(Ty::InlineUnion {
            name,
            members: variants.into_iter().zip(tys).collect(),
        }))
    }

    /// An error where a name the generator gives a type written in place is one the stub
    /// declares: two types of one name would not compile, and renaming either silently
    /// would hide which one a reader meets.
    fn undeclared(&self, name: &str, written: &[impl fmt::Display]) -> Result<(), String> {
        if self.declared.contains(name) || self.literals.contains_key(name) {
            let written: Vec<String> = written.iter().map(ToString::to_string).collect();
            return Err(format!(
                "`{}` written in place would be declared as `{name}`, a name the stub declares",
                written.join(", ")
            ));
        }
        Ok(())
    }

    fn generic(
        &self,
        generic: &str,
        args: &[Expr],
        owner: &str,
        construct: &mut Option<Construct>,
    ) -> Result<Ty, String> {
        let arity = |count: usize| {
            if args.len() == count {
                Ok(())
            } else {
                Err(format!(
                    "`{generic}` takes {count} argument(s), not {}",
                    args.len()
                ))
            }
        };
        let container = if generic == "Sequence" {
            Some("Sequence")
        } else if generic == self.style.list {
            Some("List")
        } else if generic == self.style.dict {
            Some("Dict")
        } else if generic == "Mapping" {
            Some("Mapping")
        } else if generic == self.style.set() {
            Some("Set")
        } else if matches!(generic, "set" | "Set" | "frozenset") {
            construct.get_or_insert(Construct::PythonOnly);
            Some("List")
        } else {
            None
        };
        match container {
            Some(dict @ ("Dict" | "Mapping")) => {
                arity(2)?;
                let key = Box::new(self.resolve(&args[0], owner, construct)?);
                let value = Box::new(self.resolve(&args[1], owner, construct)?);
                Ok(if dict == "Mapping" {
                    Ty::Mapping(key, value)
                } else {
                    Ty::Dict(key, value)
                })
            }
            Some("Set") => {
                arity(1)?;
                let item = self.resolve(&args[0], owner, construct)?;
                Ok(Ty::Set(Box::new(item)))
            }
            Some(list) => {
                arity(1)?;
                let item = Box::new(self.resolve(&args[0], owner, construct)?);
                Ok(if list == "Sequence" {
                    Ty::Sequence(item)
                } else {
                    Ty::List(item)
                })
            }
            None if generic == "Literal" => self.inline_literal(args, owner, construct),
            None if generic == "Optional" => {
                arity(1)?;
                let mut inner = None;
                let ty = self.resolve(&args[0], owner, &mut inner)?;
                construct.get_or_insert(inner.unwrap_or(Construct::Nullable));
                Ok(Ty::Nullable(Box::new(ty)))
            }
            // `Callable[..., Any]`, `IO[Any]`, `AioEventStream[T]`: rendered as written.
            None if PYTHON_ONLY.contains(&generic) => {
                let text = Expr::Generic(generic.to_owned(), args.to_vec()).to_string();
                Ok(Ty::PythonOnly {
                    name: python_only_name(&text),
                    python: text,
                })
            }
            // `Callable[...]`, `IO[Any]`, `AioEventStream[T]`, ...
            None => {
                construct.get_or_insert(Construct::PythonOnly);
                Ok(Ty::Any)
            }
        }
    }

    /// `Literal['X']`: the literal type whose only value is `X` (the layout's
    /// `literal_of` says which where several are; else the first); any other inline
    /// literal is text.
    fn inline_literal(
        &self,
        args: &[Expr],
        owner: &str,
        construct: &mut Option<Construct>,
    ) -> Result<Ty, String> {
        let mut values = Vec::new();
        for arg in args {
            match arg {
                Expr::Str(value) => values.push(value.clone()),
                other => return Err(format!("literal value `{other}` is not a string")),
            }
        }
        let [value] = values.as_slice() else {
            return self.new_inline_literal(args, values, construct);
        };
        let one = |name: &str| {
            self.literals
                .get(name)
                .is_some_and(|v| v == &values.as_slice())
        };
        if let Some(named) = self.literal_of.get(owner) {
            if !one(named) {
                return Err(format!("{named} is not a literal of exactly ['{value}']"));
            }
            return Ok(Ty::OneValueLiteral {
                name: named.clone(),
                value: value.clone(),
            });
        }
        match self.literal_order.iter().find(|(name, _)| one(name)) {
            Some((name, _)) => Ok(Ty::OneValueLiteral {
                name: (*name).to_owned(),
                value: value.clone(),
            }),
            None => self.new_inline_literal(args, values, construct),
        }
    }

    /// A literal no literal of the stub names, declared where it is written: one type
    /// per set of values, named by them. A repeated value cannot be declared (the macro
    /// refuses it): `str`, reported.
    fn new_inline_literal(
        &self,
        args: &[Expr],
        values: Vec<String>,
        construct: &mut Option<Construct>,
    ) -> Result<Ty, String> {
        let written = Expr::Generic("Literal".into(), args.to_vec());
        let distinct: BTreeSet<&String> = values.iter().collect();
        if distinct.len() != values.len() {
            construct.get_or_insert(Construct::InlineLiteral);
            return Ok(Ty::Str);
        }
        let name = inline_literal_name(&values);
        self.undeclared(&name, &[&written])?;
        // Python writes a value with a quote, a backslash or a control character in it
        // otherwise (`"it's"`); the framework writes each value between `'`.
        let plain = |v: &String| !v.chars().any(|c| c == '\'' || c == '\\' || c.is_control());
        if !values.iter().all(plain) {
            construct.get_or_insert(Construct::InlineLiteral);
        }
        Ok(Ty::InlineLiteral { name, values })
    }
}

/// The variant of a union's member: the member's words (`list[str]` is `ListStr`,
/// `TagTypeDef` is `Tag`), `Null` for `None` (a variant `None` would shadow the
/// prelude's in a glob import).
pub fn member_variant(member: &Expr) -> String {
    let text = member.to_string();
    if text == "None" {
        "Null".to_owned()
    } else {
        variant_name(text.strip_suffix("TypeDef").unwrap_or(&text))
    }
}

/// The name of a union written in place: its members' variants joined by `Or`
/// (`str | bytes` is `StrOrBytes`, `list[Any] | dict[str, Any]` is
/// `ListAnyOrDictStrAny`): the same union written in many keys is one type.
pub fn inline_union_name(variants: &[String]) -> String {
    variants.join("Or")
}

/// The name of a literal written in place that the stub does not name: its values'
/// variants joined by `Or`, then `Literal` (`Literal['a', 'b']` is `AOrBLiteral`).
pub fn inline_literal_name(values: &[String]) -> String {
    let variants: Vec<String> = values.iter().map(|v| variant_name(v)).collect();
    format!("{}Literal", variants.join("Or"))
}
