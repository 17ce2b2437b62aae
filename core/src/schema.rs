//! The static schema: what every typed dict and literal declares, available at run time
//! without allocation. Docs, JSON Schema and validation are all derived from it.
//!
//! The schema types implement `Serialize`, as the Python stub's facts: names, keys,
//! Required flags, annotations (in [`PythonStyle::BUILTINS`], or any style through
//! `describe`; see [`Described`]) and literal values.

mod custom;
mod describe;
pub(crate) mod generic;

use std::fmt;

pub use crate::constraint::{Bound, Constraints, Pattern};
pub(crate) use custom::base_holds;
pub use custom::CustomSchema;
pub use describe::Described;

use crate::__private::Encoded;

/// The value kind of one key, as the upstream Python annotation describes it.
///
/// Every [`TypedValue`] has one, as `T::TYPE`; a [`FieldSchema`] holds its key's. New
/// kinds may be added (the enum is `#[non_exhaustive]`): match with a fallback arm, for
/// instance the annotation.
///
/// ```
/// use typed_dict::{typed_dict, Dict, List, TypedDict, TypedValue, ValueType};
///
/// #[typed_dict]
/// pub struct Finding {
///     pub name: String,
///     pub severity_counts: Option<Dict<String, i64>>,
/// }
///
/// let summary = <List<Finding> as TypedValue>::TYPE;
/// assert_eq!(summary.python().to_string(), "list[Finding]");
/// let ValueType::List(item) = summary else { unreachable!() };
/// assert_eq!(item.typed_dict().unwrap().name, "Finding");
/// assert_eq!(item.name(), Some("Finding"));
///
/// fn describe(value: &ValueType) -> String {
///     match value {
///         ValueType::Str => "text".to_owned(),
///         ValueType::Dict(key, value) => format!("map of {} to {}", describe(key), describe(value)),
///         other => other.python().to_string(),
///     }
/// }
/// let counts = Finding::schema().field("severityCounts").unwrap();
/// assert_eq!(describe(counts.value), "map of text to int");
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum ValueType {
    /// `str`
    Str,
    /// `int` (a signed 64-bit integer on the Rust side: `i64`).
    Int,
    /// `int` held by another Rust integer type (`u8`, `u32`, `usize`, ...): a value
    /// outside its [`IntegerRange`] is `integer_out_of_range`. `i64` stays
    /// [`ValueType::Int`]; [`ValueType::integer_range`] gives either's range.
    Integer(&'static IntegerRange),
    /// `float` (a 64-bit float on the Rust side: `f64`).
    Float,
    /// `float` held by an `f32`: a finite value beyond `f32`'s range (one that would round
    /// to infinity) is `number_out_of_range`.
    Float32,
    /// `bool`
    Bool,
    /// `datetime`: epoch seconds or an RFC 3339 string on the wire.
    Timestamp,
    /// Binary data (`bytes`, or as [`PythonStyle::blob`] spells it): base64 on the wire.
    Blob,
    /// `Sequence[T]`: an input (read-only) list.
    Sequence(&'static ValueType),
    /// `List[T]`: an output list.
    List(&'static ValueType),
    /// `Dict[K, V]`: an output dict (`dict[K, V]` in [`PythonStyle::BUILTINS`]).
    Dict(&'static ValueType, &'static ValueType),
    /// `Mapping[K, V]`: an input (read-only) dict, as [`ValueType::Sequence`] is the input
    /// list. The wire format of a [`ValueType::Dict`]; its output counterpart is one.
    Mapping(&'static ValueType, &'static ValueType),
    /// `set[T]`: a set of values (in DynamoDB's value unions). On the wire a list, as
    /// botocore sends one; items are read as the list's are.
    Set(&'static ValueType),
    /// `X | None` (`Optional[X]` in [`PythonStyle::TYPING`]): a value that may be `null`,
    /// in both modes. Apart from a NotRequired key (`Option<T>`): a NotRequired key whose
    /// value may be `null` is both, `Option<Nullable<T>>`.
    Nullable(&'static ValueType),
    /// `None`: the one value `null` (a member of DynamoDB's value unions).
    None,
    /// A Python-only type: one the stub annotates (`Callable[..., Any]`, `StreamingBody`)
    /// but that has no JSON form, so no payload can hold a value of it. Rendered as the
    /// stub writes it; decoding and validation refuse any value with an error naming it.
    PythonOnly(&'static PythonOnlySchema),
    /// A nested typed dict. A function, not a reference, so that recursive shapes are possible.
    TypedDict(fn() -> &'static TypedDictSchema),
    /// A literal type: `Literal['A', 'B']`, named. A key typed with it renders the name
    /// (`Literal['A', 'B']` in place when the literal is [inline](LiteralSchema::inline)).
    Literal(&'static LiteralSchema),
    /// A named union, `XUnionTypeDef = Union[XTypeDef, XOutputTypeDef]`: a value of any of
    /// its member types. A key typed with it renders the name (the members in place,
    /// `str | bytes`, when the union is [inline](UnionSchema::inline));
    /// [`ValueType::python_definition_with`] renders `Union[...]`.
    Union(&'static UnionSchema),
    /// A named alias, `BlobTypeDef = Union[str, bytes, IO[Any], StreamingBody]`: a name for
    /// another value type, with the same wire format. A key typed with it renders the name;
    /// [`ValueType::python_definition_with`] renders the alias's own Python text if it
    /// has one ([`AliasSchema::python`]), else the target.
    Alias(&'static AliasSchema),
    /// Any JSON value; used only by extra-items capture fields.
    Any,
    /// A type of the user's (or a foreign one: `Uuid`, `IpAddr`) whose own `Deserialize`
    /// judges its values: on the wire a value of the base JSON type (`str`, `int`, ...),
    /// annotated as the [`CustomSchema`] says, checked by running that `Deserialize`.
    /// See [`CustomSchema`].
    Custom(&'static CustomSchema),
}

impl ValueType {
    /// The nested typed dict's schema, if this is one.
    pub fn typed_dict(&self) -> Option<&'static TypedDictSchema> {
        match self {
            ValueType::TypedDict(schema) => Some(schema()),
            _ => None,
        }
    }

    /// The range of an `int`: `i64`'s for [`ValueType::Int`], the declared one for
    /// [`ValueType::Integer`]; `None` for any other value type.
    ///
    /// ```
    /// use typed_dict::schema::IntegerRange;
    /// use typed_dict::{TypedValue, ValueType};
    ///
    /// assert_eq!(<u8 as TypedValue>::TYPE.integer_range(), Some(&IntegerRange::U8));
    /// assert_eq!(ValueType::Int.integer_range(), Some(&IntegerRange::I64));
    /// assert_eq!(ValueType::Float.integer_range(), None);
    /// ```
    pub fn integer_range(&self) -> Option<&'static IntegerRange> {
        match self {
            ValueType::Int => Some(&IntegerRange::I64),
            ValueType::Integer(range) => Some(range),
            _ => None,
        }
    }

    /// The value type behind any named aliases (itself when it is not an alias): what
    /// decides the wire format.
    pub const fn resolved(&self) -> &ValueType {
        match self {
            ValueType::Alias(alias) => alias.target.resolved(),
            _ => self,
        }
    }

    /// The declared name of a typed dict, literal, union, named alias or Python-only type.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            ValueType::TypedDict(schema) => Some(schema().name),
            ValueType::Literal(literal) => Some(literal.name),
            ValueType::Union(union) => Some(union.name),
            ValueType::Alias(alias) => Some(alias.name),
            ValueType::PythonOnly(python_only) => Some(python_only.name),
            _ => None,
        }
    }

    /// Renders what a union or named alias stands for, as the stub's `X = ...` line does:
    /// `Union[TagTypeDef, TagOutputTypeDef]` for a union, the alias's own Python text or
    /// else the target's annotation for an alias, `Literal['A', 'B']` for a literal; any
    /// other value type renders as [`ValueType::python_with`] does.
    pub fn python_definition_with<'a>(&'a self, style: &'a PythonStyle) -> PythonAnnotation<'a> {
        PythonAnnotation {
            value: self,
            style,
            definition: true,
        }
    }

    /// Renders the value type as a Python annotation in the default
    /// [`PythonStyle::BUILTINS`]: `Sequence[TagTypeDef]`, `dict[FindingSeverityType, int]`.
    pub fn python(&self) -> PythonAnnotation<'_> {
        self.python_with(&PythonStyle::BUILTINS)
    }

    /// Renders the value type as a Python annotation in `style`, the way a given stub
    /// package writes it (`List[str]` in one, `list[str]` in another).
    pub fn python_with<'a>(&'a self, style: &'a PythonStyle) -> PythonAnnotation<'a> {
        PythonAnnotation {
            value: self,
            style,
            definition: false,
        }
    }
}

/// The values a Rust integer type holds: the range of a [`ValueType::Integer`] (and of
/// [`ValueType::Int`], `i64`'s). Python's `int` has no bounds, so a JSON integer outside
/// the range is a value the Rust type cannot hold: decode and validation report it as
/// `integer_out_of_range`, naming the type and its bounds.
///
/// ```
/// use typed_dict::schema::IntegerRange;
/// use typed_dict::{typed_dict, ErrorKind};
///
/// #[typed_dict]
/// pub struct Page {
///     pub max_results: u8,
/// }
///
/// assert_eq!(IntegerRange::U8.to_string(), "u8 (0 to 255)");
/// let error = typed_dict::from_str::<Page>(r#"{"maxResults": 300}"#).unwrap_err();
/// assert_eq!(error.errors()[0].kind, ErrorKind::IntegerOutOfRange);
/// assert_eq!(error.errors()[0].message, "300 is outside the range of u8 (0 to 255)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct IntegerRange {
    /// The Rust type, as messages name it (`u8`).
    pub rust_type: &'static str,
    /// The least value.
    pub min: i128,
    /// The greatest value.
    pub max: i128,
}

/// One [`IntegerRange`] constant for each Rust integer type.
macro_rules! integer_ranges {
    ($($name:ident: $ty:ident),* $(,)?) => {
        impl IntegerRange {
            $(
                #[doc = concat!("`", stringify!($ty), "`'s range.")]
                pub const $name: IntegerRange = IntegerRange {
                    rust_type: stringify!($ty),
                    min: $ty::MIN as i128,
                    max: $ty::MAX as i128,
                };
            )*
        }
    };
}

integer_ranges! {
    I8: i8, I16: i16, I32: i32, I64: i64, ISIZE: isize,
    U8: u8, U16: u16, U32: u32, U64: u64, USIZE: usize,
}

impl IntegerRange {
    /// Whether `value` is in the range.
    pub const fn contains(&self, value: i128) -> bool {
        self.min <= value && value <= self.max
    }
}

impl fmt::Display for IntegerRange {
    /// The type and its bounds: `u8 (0 to 255)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} to {})", self.rust_type, self.min, self.max)
    }
}

/// How a stub package spells the annotations that Python lets it write more than one way:
/// the list, dict and set generics (`typing.List` or the builtin `list`), anonymous unions
/// and nullable values (`str | None` or `Optional[str]`), and the type of a binary value
/// (each client library accepts its own stream types).
///
/// ```
/// use typed_dict::schema::PythonStyle;
/// use typed_dict::ValueType;
///
/// static TAGS: ValueType = ValueType::Str;
/// let value = ValueType::List(&TAGS);
/// assert_eq!(value.python().to_string(), "list[str]");
/// assert_eq!(value.python_with(&PythonStyle::TYPING).to_string(), "List[str]");
///
/// let nullable = ValueType::Nullable(&TAGS);
/// assert_eq!(nullable.python().to_string(), "str | None");
/// assert_eq!(nullable.python_with(&PythonStyle::TYPING).to_string(), "Optional[str]");
///
/// const STREAMS: PythonStyle = PythonStyle::BUILTINS.with_blob("Union[bytes, IO[bytes]]");
/// assert_eq!(ValueType::Blob.python_with(&STREAMS).to_string(), "Union[bytes, IO[bytes]]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PythonStyle {
    /// The list generic: `list` or `List`.
    pub list: &'static str,
    /// The dict generic: `dict` or `Dict`.
    pub dict: &'static str,
    /// The set generic: `set` or `Set`.
    pub set: &'static str,
    /// Whether an anonymous union and a nullable value are written with `|` (PEP 604:
    /// `str | bytes`, `str | None`) rather than `Union[str, bytes]` and `Optional[str]`.
    /// A named union's definition is `Union[...]` either way, as the stubs write it.
    pub pipe_unions: bool,
    /// The whole annotation of a [`ValueType::Blob`]: `bytes`, or a union of the stream
    /// types a client accepts.
    pub blob: &'static str,
}

impl PythonStyle {
    /// Python 3.9+ builtin generics, PEP 604 unions, and `bytes`: `list[str]`,
    /// `dict[str, int]`, `str | None`.
    pub const BUILTINS: PythonStyle = PythonStyle {
        list: "list",
        dict: "dict",
        set: "set",
        pipe_unions: true,
        blob: "bytes",
    };

    /// The `typing` module's generics and unions, and `bytes`: `List[str]`,
    /// `Dict[str, int]`, `Optional[str]`.
    pub const TYPING: PythonStyle = PythonStyle {
        list: "List",
        dict: "Dict",
        set: "Set",
        pipe_unions: false,
        blob: "bytes",
    };

    /// The same style with `blob` as the annotation of a binary value.
    pub const fn with_blob(self, blob: &'static str) -> PythonStyle {
        PythonStyle { blob, ..self }
    }

    /// The same style, writing anonymous unions and nullable values with `|` or not.
    pub const fn with_pipe_unions(self, pipe_unions: bool) -> PythonStyle {
        PythonStyle {
            pipe_unions,
            ..self
        }
    }
}

impl Default for PythonStyle {
    /// [`PythonStyle::BUILTINS`].
    fn default() -> Self {
        PythonStyle::BUILTINS
    }
}

/// A value type's Python annotation: what [`ValueType::python`],
/// [`ValueType::python_with`] and [`ValueType::python_definition_with`] return. `Display`
/// writes it; `Serialize` writes it as a JSON string.
///
/// ```
/// use typed_dict::{Sequence, TypedValue};
///
/// let annotation = <Sequence<String> as TypedValue>::TYPE.python();
/// assert_eq!(annotation.to_string(), "Sequence[str]");
/// assert_eq!(serde_json::to_string(&annotation).unwrap(), r#""Sequence[str]""#);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PythonAnnotation<'a> {
    value: &'a ValueType,
    style: &'a PythonStyle,
    /// Whether a union or alias renders what it stands for rather than its name.
    definition: bool,
}

impl fmt::Display for PythonAnnotation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let style = self.style;
        match self.value {
            ValueType::Union(union) if self.definition => UnionDefinition(union, style).fmt(f),
            ValueType::Alias(alias) if self.definition => match alias.python {
                Some(python) => f.write_str(python),
                None => write!(f, "{}", alias.target.python_with(style)),
            },
            ValueType::Literal(literal) if self.definition || literal.inline => {
                LiteralDefinition(literal).fmt(f)
            }
            ValueType::Union(union) if union.inline => {
                let members = union.members.iter().map(|member| member.python_with(style));
                if style.pipe_unions {
                    Joined(members, " | ").fmt(f)
                } else {
                    write!(f, "Union[{}]", Joined(members, ", "))
                }
            }
            ValueType::Str => f.write_str("str"),
            ValueType::Int | ValueType::Integer(_) => f.write_str("int"),
            ValueType::Float | ValueType::Float32 => f.write_str("float"),
            ValueType::Bool => f.write_str("bool"),
            ValueType::Timestamp => f.write_str("datetime"),
            ValueType::Blob => f.write_str(style.blob),
            ValueType::Sequence(item) => write!(f, "Sequence[{}]", item.python_with(style)),
            ValueType::List(item) => write!(f, "{}[{}]", style.list, item.python_with(style)),
            ValueType::Dict(key, value) => write!(
                f,
                "{}[{}, {}]",
                style.dict,
                key.python_with(style),
                value.python_with(style)
            ),
            ValueType::Mapping(key, value) => write!(
                f,
                "Mapping[{}, {}]",
                key.python_with(style),
                value.python_with(style)
            ),
            ValueType::Set(item) => write!(f, "{}[{}]", style.set, item.python_with(style)),
            ValueType::Nullable(inner) if style.pipe_unions => {
                write!(f, "{} | None", inner.python_with(style))
            }
            ValueType::Nullable(inner) => write!(f, "Optional[{}]", inner.python_with(style)),
            ValueType::None => f.write_str("None"),
            ValueType::PythonOnly(python_only) => f.write_str(python_only.python),
            ValueType::TypedDict(schema) => f.write_str(schema().name),
            ValueType::Literal(literal) => f.write_str(literal.name),
            ValueType::Union(union) => f.write_str(union.name),
            ValueType::Alias(alias) => f.write_str(alias.name),
            ValueType::Any => f.write_str("Any"),
            ValueType::Custom(custom) => f.write_str(custom.python),
        }
    }
}

/// `Literal['A', 'B']`: what a literal stands for.
struct LiteralDefinition<'a>(&'a LiteralSchema);

impl fmt::Display for LiteralDefinition<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let values = self.0.values.iter().map(|value| format!("'{value}'"));
        write!(f, "Literal[{}]", Joined(values, ", "))
    }
}

/// Items written one after another with a separator between them.
struct Joined<I>(I, &'static str);

impl<I: Iterator<Item = T> + Clone, T: fmt::Display> fmt::Display for Joined<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.0.clone().enumerate() {
            if index > 0 {
                f.write_str(self.1)?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

/// `Union[A, B]`: what a union stands for, its members in `style`.
pub(crate) struct UnionDefinition<'a>(pub(crate) &'a UnionSchema, pub(crate) &'a PythonStyle);

impl fmt::Display for UnionDefinition<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Union[")?;
        for (index, member) in self.0.members.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", member.python_with(self.1))?;
        }
        f.write_str("]")
    }
}

/// The schema of one typed dict: [`TypedDict::schema`](crate::TypedDict::schema).
///
/// ```
/// use typed_dict::{typed_dict, TypedDict};
///
/// #[typed_dict(closed)]
/// pub struct ListImages {
///     pub repository_name: String,
///     #[typed_dict(key = "maxResults")]
///     pub max: Option<i64>,
/// }
///
/// let schema = ListImages::schema();
/// assert_eq!(schema.name, "ListImages");
/// assert!(schema.closed);
/// let keys: Vec<&str> = schema.fields.iter().map(|field| field.key).collect();
/// assert_eq!(keys, ["repositoryName", "maxResults"]);
/// assert_eq!(schema.required_keys().collect::<Vec<_>>(), ["repositoryName"]);
/// assert_eq!(schema.field("maxResults").unwrap().rust_name, "max");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct TypedDictSchema {
    /// The type name, verbatim (`CreateRepositoryRequestRequestTypeDef`).
    pub name: &'static str,
    /// The keys, in declaration order (which is also the order they are written in).
    pub fields: &'static [FieldSchema],
    /// Whether unknown keys are rejected (PEP 728 `closed=True`).
    pub closed: bool,
    /// The Rust name of the field that captures unknown keys, if any.
    pub extra_items: Option<&'static str>,
    /// Whether every key is written on the wire as it is spelled (no quote, backslash or
    /// control character to escape): validation may then match a key by comparing the
    /// input with it, before finding where the JSON string ends. Set by every
    /// constructor from `fields`, which cannot change after.
    pub(crate) plain_keys: bool,
}

/// Whether no key of `fields` needs escaping in JSON (see
/// [`TypedDictSchema::plain_keys`]), decided at compile time for a static schema.
pub(crate) const fn keys_are_plain(fields: &[FieldSchema]) -> bool {
    let mut field = 0;
    while field < fields.len() {
        if !written_as_spelled(fields[field].key) {
            return false;
        }
        field += 1;
    }
    true
}

/// Whether no value of a literal needs escaping in JSON (see
/// [`LiteralSchema::plain_values`]).
pub(crate) const fn values_are_plain(values: &[&str]) -> bool {
    let mut value = 0;
    while value < values.len() {
        if !written_as_spelled(values[value]) {
            return false;
        }
        value += 1;
    }
    true
}

/// Whether `text` is written in a JSON string as it is spelled: no quote, backslash or
/// control character, the characters JSON escapes.
const fn written_as_spelled(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'"' || bytes[at] == b'\\' || bytes[at] < 0x20 {
            return false;
        }
        at += 1;
    }
    true
}

impl TypedDictSchema {
    /// A schema built by hand (`#[typed_dict]` builds its own): open, without an
    /// extra-items field. For tools and tests that check JSON against a shape no Rust type
    /// declares.
    ///
    /// ```
    /// use typed_dict::{DecodeOptions, FieldSchema, TypedDictSchema, ValueType};
    ///
    /// static POINT: TypedDictSchema = TypedDictSchema::new(
    ///     "Point",
    ///     &[
    ///         FieldSchema::new("x", "x", &ValueType::Int),
    ///         FieldSchema::new("label", "label", &ValueType::Str).with_required(false),
    ///     ],
    /// )
    /// .with_closed(true);
    ///
    /// let report = typed_dict::validate_schema(br#"{"x": 1, "y": 2}"#, &POINT, DecodeOptions::strict());
    /// assert!(!report.is_valid()); // closed: `y` is not declared
    /// ```
    pub const fn new(name: &'static str, fields: &'static [FieldSchema]) -> Self {
        TypedDictSchema {
            name,
            fields,
            closed: false,
            extra_items: None,
            plain_keys: keys_are_plain(fields),
        }
    }

    /// The same schema, closed or not (PEP 728 `closed=True`).
    pub const fn with_closed(self, closed: bool) -> Self {
        TypedDictSchema { closed, ..self }
    }

    /// The same schema, with the Rust name of the field that keeps unknown keys.
    pub const fn with_extra_items(self, extra_items: Option<&'static str>) -> Self {
        TypedDictSchema {
            extra_items,
            ..self
        }
    }

    /// The field with the given wire key.
    pub fn field(&self, key: &str) -> Option<&'static FieldSchema> {
        self.fields.iter().find(|field| field.key == key)
    }

    /// The keys the schema calls Required.
    pub fn required_keys(&self) -> impl Iterator<Item = &'static str> {
        self.fields.iter().filter(|f| f.required).map(|f| f.key)
    }
}

/// One key of a typed dict: an entry of [`TypedDictSchema::fields`].
///
/// ```
/// use typed_dict::{typed_dict, List, TypedDict};
///
/// #[typed_dict]
/// pub struct Page {
///     pub image_ids: List<String>,
///     #[typed_dict(wire_optional)]
///     pub next_token: Option<String>,
///     pub registry_id: Option<String>,
/// }
///
/// let [ids, token, registry] = Page::schema().fields else { unreachable!() };
/// assert_eq!((ids.rust_name, ids.key, ids.required), ("image_ids", "imageIds", true));
/// assert_eq!(ids.value.python().to_string(), "list[str]");
/// // Required in the schema, but the service may leave it out (wire mode).
/// assert!(token.required && token.wire_optional);
/// assert!(!registry.required);
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct FieldSchema {
    /// The Rust field name (`repository_name`).
    pub rust_name: &'static str,
    /// The key on the wire (`repositoryName`).
    pub key: &'static str,
    /// Whether the key is Required (as opposed to NotRequired).
    pub required: bool,
    /// A Required key the service may leave out: wire mode accepts its absence.
    pub wire_optional: bool,
    /// The value type.
    pub value: &'static ValueType,
    /// The constraints on the value (`min_length`, `pattern`, `le`, ...), checked when
    /// [`DecodeOptions::constraints`](crate::DecodeOptions::constraints) asks for it.
    pub constraints: Option<&'static Constraints>,
}

impl FieldSchema {
    /// A Required key built by hand, as [`TypedDictSchema::new`] takes it.
    pub const fn new(
        rust_name: &'static str,
        key: &'static str,
        value: &'static ValueType,
    ) -> Self {
        FieldSchema {
            rust_name,
            key,
            required: true,
            wire_optional: false,
            value,
            constraints: None,
        }
    }

    /// The same key, its value bound by `constraints` (see [`Constraints`]).
    pub const fn with_constraints(self, constraints: &'static Constraints) -> Self {
        FieldSchema {
            constraints: Some(constraints),
            ..self
        }
    }

    /// The same key, Required or NotRequired.
    pub const fn with_required(self, required: bool) -> Self {
        FieldSchema { required, ..self }
    }

    /// The same key, which wire mode lets the service leave out (or not).
    pub const fn with_wire_optional(self, wire_optional: bool) -> Self {
        FieldSchema {
            wire_optional,
            ..self
        }
    }
}

/// The schema of one literal type: [`Literal::SCHEMA`](crate::Literal::SCHEMA).
///
/// ```
/// use typed_dict::{typed_dict, Literal, UnknownValue};
///
/// #[typed_dict]
/// pub enum TagMutability {
///     MUTABLE,
///     IMMUTABLE,
///     #[typed_dict(other)]
///     Other(UnknownValue),
/// }
///
/// let schema = &<TagMutability as Literal>::SCHEMA;
/// assert_eq!(schema.name, "TagMutability");
/// assert_eq!(schema.values, ["MUTABLE", "IMMUTABLE"]);
/// assert!(schema.open);
/// assert!(schema.allows("MUTABLE") && !schema.allows("mutable"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct LiteralSchema {
    /// The type name (`ImageTagMutabilityType`).
    pub name: &'static str,
    /// The allowed wire strings, in declaration order.
    pub values: &'static [&'static str],
    /// Whether the Rust type can hold a value it does not list (declared with an
    /// `other` variant): wire mode then keeps such a value and reports it as a warning,
    /// strict mode still rejects it.
    pub open: bool,
    /// Whether a key typed with it renders the values in place (`Literal['EXPIRE']`, as
    /// older stubs write a one-value literal) rather than the name: `#[typed_dict(inline)]`.
    pub inline: bool,
    /// Whether every value is written on the wire as it is spelled (as
    /// [`TypedDictSchema::plain_keys`], for a dict keyed by the literal). Set by every
    /// constructor from `values`.
    pub(crate) plain_values: bool,
}

impl LiteralSchema {
    /// A closed literal's schema built by hand (`#[typed_dict]` builds its own).
    pub const fn new(name: &'static str, values: &'static [&'static str]) -> Self {
        LiteralSchema {
            name,
            values,
            open: false,
            inline: false,
            plain_values: values_are_plain(values),
        }
    }

    /// The same schema, rendered in place at each use or by its name.
    pub const fn with_inline(self, inline: bool) -> Self {
        LiteralSchema { inline, ..self }
    }

    /// The same schema, open or not: whether wire mode keeps an unlisted value.
    pub const fn with_open(self, open: bool) -> Self {
        LiteralSchema { open, ..self }
    }

    /// Whether `value` is one of the allowed strings.
    pub fn allows(&self, value: &str) -> bool {
        self.values.contains(&value)
    }
}

/// The schema of one named union: `#[typed_dict]` on an enum whose variants each hold
/// one value type.
///
/// A value is encoded as the member it holds. Decoding and validation take the first
/// member, in declaration order, that accepts the value; when none does, validation
/// reports one `wrong_type` error naming the union if the value's JSON type fits no
/// member, and otherwise the errors of the member that came closest (the fewest errors,
/// the first member on a tie).
///
/// ```
/// use typed_dict::{typed_dict, List, Sequence, TypedValue, ValueType};
///
/// #[typed_dict]
/// pub enum Filters {
///     Input(Sequence<String>),
///     Output(List<String>),
/// }
///
/// let ValueType::Union(union) = <Filters as TypedValue>::TYPE else { unreachable!() };
/// assert_eq!(union.name, "Filters");
/// let members: Vec<String> = union.members.iter().map(|m| m.python().to_string()).collect();
/// assert_eq!(members, ["Sequence[str]", "list[str]"]);
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct UnionSchema {
    /// The union's name (`RegistryScanningRuleUnionTypeDef`).
    pub name: &'static str,
    /// The member types, in declaration order (the order they are tried in).
    pub members: &'static [ValueType],
    /// Whether a key typed with it renders its members in place (`str | bytes`, an
    /// anonymous union of the stub's) rather than the name: `#[typed_dict(inline)]`.
    pub inline: bool,
}

impl UnionSchema {
    /// A union's schema built by hand (`#[typed_dict]` builds its own).
    pub const fn new(name: &'static str, members: &'static [ValueType]) -> Self {
        UnionSchema {
            name,
            members,
            inline: false,
        }
    }

    /// The same schema, rendered in place at each use or by its name.
    pub const fn with_inline(self, inline: bool) -> Self {
        UnionSchema { inline, ..self }
    }
}

/// The schema of one named alias: `#[typed_dict]` on a tuple struct with one field. The
/// alias has its target's wire format; only the name differs.
///
/// ```
/// use typed_dict::{typed_dict, Timestamp, TypedValue, ValueType};
///
/// #[typed_dict]
/// pub struct PushedAt(pub Timestamp);
///
/// let ValueType::Alias(alias) = <PushedAt as TypedValue>::TYPE else { unreachable!() };
/// assert_eq!(alias.name, "PushedAt");
/// assert_eq!(alias.target.python().to_string(), "datetime");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct AliasSchema {
    /// The alias's name (`BlobTypeDef`).
    pub name: &'static str,
    /// The value type it names.
    pub target: &'static ValueType,
    /// What the stub's `X = ...` line writes, when the target's annotation does not say
    /// it (`Union[str, bytes, IO[Any], StreamingBody]` for a `Blob`):
    /// `#[typed_dict(python = "...")]`.
    pub python: Option<&'static str>,
}

impl AliasSchema {
    /// An alias's schema built by hand (`#[typed_dict]` builds its own).
    pub const fn new(name: &'static str, target: &'static ValueType) -> Self {
        AliasSchema {
            name,
            target,
            python: None,
        }
    }

    /// The same schema, whose definition renders `python`.
    pub const fn with_python(self, python: Option<&'static str>) -> Self {
        AliasSchema { python, ..self }
    }
}

/// The schema of a Python-only type: `#[typed_dict(python = "...")]` on a unit struct. It
/// has no JSON form (`Callable[..., Any]`, a client object, `StreamingBody`), so a key
/// typed with it can only be absent (or `null`, where the type is [`Nullable`](crate::Nullable)).
///
/// ```
/// use typed_dict::{typed_dict, TypedValue, ValueType};
///
/// #[typed_dict(python = "Callable[..., Any]")]
/// pub struct Callback;
///
/// let ValueType::PythonOnly(schema) = <Callback as TypedValue>::TYPE else { unreachable!() };
/// assert_eq!((schema.name, schema.python), ("Callback", "Callable[..., Any]"));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub struct PythonOnlySchema {
    /// The Rust type's name (`Callback`), as messages name it.
    pub name: &'static str,
    /// The annotation, verbatim (`Callable[..., Any]`).
    pub python: &'static str,
}

impl PythonOnlySchema {
    /// A Python-only type's schema built by hand (`#[typed_dict]` builds its own).
    pub const fn new(name: &'static str, python: &'static str) -> Self {
        PythonOnlySchema { name, python }
    }
}

crate::on_unimplemented_value_type! {
/// A Rust type that can be the value of a typed dict key.
///
/// Implemented for `String`, every integer type of at most 64 bits (`i8` to `i64`, `u8`
/// to `u64`, `isize`, `usize`: Python's `int`, each within its [`IntegerRange`]), `f64`
/// and `f32` (`float`), `bool`, [`Timestamp`](crate::Timestamp),
/// [`Blob`](crate::Blob), [`JsonValue`](crate::JsonValue), [`Sequence`](crate::Sequence),
/// [`List`](crate::List), [`Dict`](crate::Dict), `HashMap` and `BTreeMap` (keys `String`, an
/// integer type or a literal type, as for `Dict`), `Box<T>` (invisible in the schema: it is
/// there for recursive shapes), `IpAddr`, `Ipv4Addr` and `Ipv6Addr` (`str`), `uuid::Uuid`
/// and `url::Url` with the features of those names (`str`), and every type declared with
/// `#[typed_dict]` (typed dicts, literals, unions and named aliases).
///
/// # Implementing it for a type of your own
///
/// A field of a foreign type can say what it is with `#[typed_dict(as = "str")]` (see
/// the [attribute reference](macro@crate::typed_dict)). A type of your own used in many places
/// can implement `TypedValue` instead, with its serde impls and a `TYPE` that says what the
/// walk behind [`validate`](crate::validate) checks, since the walk knows only the
/// [`ValueType`], never the `Deserialize`:
///
/// - [`ValueType::Custom`] with a [`CustomSchema`] (`CustomSchema::new::<Self>(&ValueType::Str,
///   "str")`) when the type's `Deserialize` refuses some values of its JSON type (a
///   string that does not parse): the walk then runs that `Deserialize` on each value's
///   JSON text, so decoding and validation agree on every value, and the type's message
///   is an `invalid_value` error at the value's path. The [`CustomSchema`] docs have a
///   whole example.
/// - A plain value type (`ValueType::Str`, `ValueType::Int`, ...) only when the type
///   accepts every value of that type, as `String` does. A `Deserialize` stricter than its
///   `ValueType` makes decoding fail where `validate` finds nothing wrong (decoding then
///   reports the deserializer's message as an `other` error at the top).
///
/// Keep [`serialize_value`](TypedValue::serialize_value)'s default unless the type holds a
/// float, and write only values your `Deserialize` reads back.
///
/// Generated code reaches every ability of a field's type (serde, `Clone`, `Debug`,
/// `PartialEq`) through this one trait, so a type that is not a value gets one error
/// saying so, not one per generated impl.
///
/// Its constant [`TYPE`](TypedValue::TYPE) is the type's place in the static schema, which
/// generic code can read:
///
/// ```
/// use typed_dict::{typed_dict, Blob, Dict, Sequence, Timestamp, TypedValue};
///
/// #[typed_dict]
/// pub enum Severity {
///     HIGH,
///     LOW,
/// }
///
/// fn annotation<T: TypedValue>() -> String {
///     T::TYPE.python().to_string()
/// }
/// assert_eq!(annotation::<Timestamp>(), "datetime");
/// assert_eq!(annotation::<Blob>(), "bytes");
/// assert_eq!(annotation::<Sequence<Box<String>>>(), "Sequence[str]");
/// assert_eq!(annotation::<Dict<Severity, i64>>(), "dict[Severity, int]");
/// ```
pub trait TypedValue:
    serde::Serialize + serde::de::DeserializeOwned + Clone + fmt::Debug + PartialEq
{
    /// The value type in the static schema.
    const TYPE: ValueType;

    /// Serializes the value as a typed dict key's value: like `Serialize`, but a float that
    /// JSON cannot hold (NaN, infinity) is an error rather than the `null` serde_json
    /// writes, which would silently turn a value into an absent key.
    fn serialize_value<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize(serializer)
    }

    /// Deserializes the value as a typed dict key's value, a list's item or a dict's value:
    /// like `Deserialize`, which it is by default. The containers (`List`, `Sequence`,
    /// `Box`, `Dict`, `HashMap`, `BTreeMap`) read their items through it in turn, so that
    /// a `HashMap` anywhere in a typed dict refuses a key given twice, as a `Dict` does.
    /// A type of your own needs nothing else.
    #[inline]
    fn deserialize_value<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        Self::deserialize(deserializer)
    }

    /// [`Self::deserialize_value`] into `slot`, which a typed dict's decoding holds for
    /// the key: a type whose value is read out of line (`String`) writes it there itself,
    /// rather than returning it through memory for the caller to copy.
    #[doc(hidden)]
    #[inline]
    fn deserialize_into<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        *slot = Some(Self::deserialize_value(deserializer)?);
        Ok(())
    }
}
}

impl TypedValue for String {
    const TYPE: ValueType = ValueType::Str;

    #[inline]
    fn deserialize_into<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        deserializer.deserialize_string(StringInto(slot))
    }
}

/// Reads a `String` into a key's slot ([`TypedValue::deserialize_into`]).
struct StringInto<'s>(&'s mut Option<String>);

impl serde::de::Visitor<'_> for StringInto<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    #[inline]
    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<(), E> {
        *self.0 = Some(text.to_owned());
        Ok(())
    }

    #[inline]
    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<(), E> {
        *self.0 = Some(text);
        Ok(())
    }
}
impl TypedValue for i64 {
    const TYPE: ValueType = ValueType::Int;
}

/// `TypedValue` for the integer types other than `i64`: each an `int` of its range.
macro_rules! integer_values {
    ($($ty:ty: $range:ident),* $(,)?) => {$(
        impl TypedValue for $ty {
            const TYPE: ValueType = ValueType::Integer(&IntegerRange::$range);
        }
    )*};
}

integer_values! {
    i8: I8, i16: I16, i32: I32, isize: ISIZE,
    u8: U8, u16: U16, u32: U32, u64: U64, usize: USIZE,
}

/// `float` as a 32-bit float. Decoding refuses a value that would round to infinity, as
/// for `f64` one beyond its range, so what decodes is always finite and encodes again.
impl TypedValue for f32 {
    const TYPE: ValueType = ValueType::Float32;

    fn serialize_value<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f32(*self)
        } else {
            Err(serde::ser::Error::custom(format_args!(
                "cannot encode the float {self}: JSON has no NaN or infinity"
            )))
        }
    }
}
impl TypedValue for f64 {
    const TYPE: ValueType = ValueType::Float;

    fn serialize_value<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_finite() {
            serializer.serialize_f64(*self)
        } else {
            Err(serde::ser::Error::custom(format_args!(
                "cannot encode the float {self}: JSON has no NaN or infinity"
            )))
        }
    }
}
impl TypedValue for bool {
    const TYPE: ValueType = ValueType::Bool;
}
impl<T: TypedValue> TypedValue for Vec<T> {
    const TYPE: ValueType = ValueType::List(&T::TYPE);

    fn serialize_value<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Encoded))
    }

    fn deserialize_value<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_vec(deserializer)
    }
}
/// `null` is one of the values `Any` holds (Python's `None`), in both modes: a NotRequired
/// `JsonValue` key reads `null` as `Some(JsonValue::Null)`, so what encodes as
/// `"key": null` reads back as itself (the contract's rule for every type that holds
/// `null`).
impl TypedValue for serde_json::Value {
    const TYPE: ValueType = ValueType::Any;
}
impl<T: TypedValue> TypedValue for Box<T> {
    const TYPE: ValueType = T::TYPE;

    fn serialize_value<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        T::serialize_value(self, serializer)
    }

    fn deserialize_value<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        T::deserialize_value(deserializer).map(Box::new)
    }
}
