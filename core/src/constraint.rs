//! Field constraints: the bounds pydantic's `Field` and the botocore models put on a key's
//! value (`min_length`, `max_length`, `pattern`, `ge`, `le`), held by the static schema
//! and checked only when [`DecodeOptions::constraints`](crate::DecodeOptions::constraints)
//! asks for it.
//!
//! One home for what a constraint means: the walk behind `decode` and `validate` hands
//! each constrained value's JSON text to [`violations`], and JSON Schema and the proptest
//! strategies read the same [`Constraints`].

use std::fmt;
use std::sync::OnceLock;

use crate::error::Quoted;
use crate::json::number::Number;
use crate::json::read::{Lexer, RawString};
use crate::schema::ValueType;
use crate::validate::path::Step;
use crate::Blob;

/// The constraints on one key's value: [`FieldSchema::constraints`](crate::FieldSchema).
///
/// Lengths count what the service counts: a string's characters (Unicode scalar values,
/// as Python's `len` and the botocore models do, not UTF-8 bytes), a list's items, a
/// dict's entries, a blob's decoded bytes. A `pattern` must match the whole string. `ge`
/// and `le` bound a number from below and above, inclusive.
///
/// A list's [`items`](Constraints::items), a dict's [`keys`](Constraints::keys) (their
/// strings) and [`values`](Constraints::values) have constraints of their own, of the same
/// kinds (and so on down, for a list of lists). A broken one is reported at the item's
/// or the entry's path (`$.imageTags[3]`, `$.labels.team`).
///
/// `#[typed_dict]` builds these from field attributes (see the
/// [attribute reference](macro@crate::typed_dict)); a schema built by hand takes them
/// with [`FieldSchema::with_constraints`](crate::FieldSchema::with_constraints). A
/// [`Pattern`] lives in a `static` of its own, which keeps its compiled form, made once on
/// first use.
///
/// ```
/// use typed_dict::schema::{Bound, Constraints, Pattern};
/// use typed_dict::{DecodeOptions, FieldSchema, TypedDictSchema, ValueType};
///
/// static NAME_PATTERN: Pattern = Pattern::new("[a-z0-9_-]+");
/// static NAME: Constraints = Constraints::new().min_length(2).max_length(256).pattern(&NAME_PATTERN);
/// static LIMIT: Constraints = Constraints::new().ge(Bound::Int(1)).le(Bound::Int(1000));
/// static PAGE: TypedDictSchema = TypedDictSchema::new(
///     "Page",
///     &[
///         FieldSchema::new("name", "name", &ValueType::Str).with_constraints(&NAME),
///         FieldSchema::new("max_results", "maxResults", &ValueType::Int).with_constraints(&LIMIT),
///     ],
/// );
///
/// let json = br#"{"name": "Web_App", "maxResults": 5000}"#;
/// let checked = DecodeOptions::strict().constraints(true);
/// let report = typed_dict::validate_schema(json, &PAGE, checked);
/// let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
/// assert_eq!(messages, ["'Web_App' does not match [a-z0-9_-]+", "5000 is greater than 1000"]);
/// // Without `constraints(true)`, only the types are checked.
/// assert!(typed_dict::validate_schema(json, &PAGE, DecodeOptions::strict()).is_valid());
/// ```
///
/// The constraints on each item of a list:
///
/// ```
/// use typed_dict::schema::Constraints;
/// use typed_dict::{DecodeOptions, FieldSchema, TypedDictSchema, ValueType};
///
/// static TAG: Constraints = Constraints::new().min_length(1).max_length(5);
/// static TAGS: Constraints = Constraints::new().max_length(3).items(&TAG);
/// static IMAGE: TypedDictSchema = TypedDictSchema::new(
///     "Image",
///     &[FieldSchema::new("tags", "tags", &ValueType::List(&ValueType::Str)).with_constraints(&TAGS)],
/// );
///
/// let json = br#"{"tags": ["v1", "", "release"]}"#;
/// let report = typed_dict::validate_schema(json, &IMAGE, DecodeOptions::strict().constraints(true));
/// let found: Vec<(&str, &str)> =
///     report.errors.iter().map(|e| (e.path.as_str(), e.message.as_str())).collect();
/// assert_eq!(
///     found,
///     [
///         ("$.tags[1]", "string of 0 characters is shorter than 1"),
///         ("$.tags[2]", "string of 7 characters is longer than 5"),
///     ]
/// );
/// ```
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct Constraints {
    /// The least length (characters, items, entries or bytes).
    pub min_length: Option<u64>,
    /// The greatest length.
    pub max_length: Option<u64>,
    /// A regular expression the whole string must match.
    pub pattern: Option<&'static Pattern>,
    /// The least value of a number (inclusive).
    pub ge: Option<Bound>,
    /// The greatest value of a number (inclusive).
    pub le: Option<Bound>,
    /// The constraints on each item of a list (`Sequence`, `List`, `Set`).
    pub items: Option<&'static Constraints>,
    /// The constraints on each key of a dict (`Dict`, `Mapping`), measured as the
    /// string it is on the wire.
    pub keys: Option<&'static Constraints>,
    /// The constraints on each value of a dict.
    pub values: Option<&'static Constraints>,
}

impl Constraints {
    /// No constraint yet; add them with the builder methods.
    pub const fn new() -> Self {
        Constraints {
            min_length: None,
            max_length: None,
            pattern: None,
            ge: None,
            le: None,
            items: None,
            keys: None,
            values: None,
        }
    }

    /// The same constraints with a least length.
    pub const fn min_length(self, min: u64) -> Self {
        Constraints {
            min_length: Some(min),
            ..self
        }
    }

    /// The same constraints with a greatest length.
    pub const fn max_length(self, max: u64) -> Self {
        Constraints {
            max_length: Some(max),
            ..self
        }
    }

    /// The same constraints with a pattern the whole string must match.
    pub const fn pattern(self, pattern: &'static Pattern) -> Self {
        Constraints {
            pattern: Some(pattern),
            ..self
        }
    }

    /// The same constraints with a least value.
    pub const fn ge(self, bound: Bound) -> Self {
        Constraints {
            ge: Some(bound),
            ..self
        }
    }

    /// The same constraints with a greatest value.
    pub const fn le(self, bound: Bound) -> Self {
        Constraints {
            le: Some(bound),
            ..self
        }
    }

    /// The same constraints with constraints on each item of a list.
    pub const fn items(self, items: &'static Constraints) -> Self {
        Constraints {
            items: Some(items),
            ..self
        }
    }

    /// The same constraints with constraints on each key of a dict.
    pub const fn keys(self, keys: &'static Constraints) -> Self {
        Constraints {
            keys: Some(keys),
            ..self
        }
    }

    /// The same constraints with constraints on each value of a dict.
    pub const fn values(self, values: &'static Constraints) -> Self {
        Constraints {
            values: Some(values),
            ..self
        }
    }

    /// Whether any length bound is set.
    pub(crate) fn bounds_length(&self) -> bool {
        self.min_length.is_some() || self.max_length.is_some()
    }
}

impl Default for Constraints {
    fn default() -> Self {
        Constraints::new()
    }
}

/// A bound of `ge` or `le`: an integer (exact against integers of any width) or a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// An integer bound (`ge = 1`).
    Int(i128),
    /// A float bound (`le = 0.5`).
    Float(f64),
}

impl Bound {
    /// The bound as a float, for comparing with a float and for JSON Schema.
    pub fn as_f64(self) -> f64 {
        match self {
            Bound::Int(value) => value as f64,
            Bound::Float(value) => value,
        }
    }
}

impl Bound {
    /// The least integer this bound lets through as a `ge`.
    pub(crate) fn least_int(self) -> i128 {
        match self {
            Bound::Int(value) => value,
            Bound::Float(value) => value.ceil() as i128,
        }
    }

    /// The greatest integer this bound lets through as an `le`.
    pub(crate) fn greatest_int(self) -> i128 {
        match self {
            Bound::Int(value) => value,
            Bound::Float(value) => value.floor() as i128,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Int(value) => write!(f, "{value}"),
            Bound::Float(value) => write!(f, "{value:?}"),
        }
    }
}

/// A `pattern` constraint: its source, and its compiled form, made on first use (so it
/// belongs in a `static`). The syntax is the [`regex_lite`] crate's (the `regex` crate's
/// without Unicode classes: `\w`, `\d`, `\s` and `\b` are ASCII, as in Java and so in
/// botocore's patterns); it matches whole strings. One that does not compile
/// (`#[typed_dict]` refuses those at build time; a hand-built one may hold one) makes every
/// string checked against it a `constraint_violation` saying why, never a panic.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Result<regex_lite::Regex, String>>,
}

impl Pattern {
    /// A pattern of the [`regex_lite`] crate's syntax, matched against whole strings.
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as declared (without the anchors matching adds).
    pub fn as_str(&self) -> &'static str {
        self.source
    }

    /// Whether the whole of `text` matches; the error says why the pattern does not
    /// compile.
    pub fn matches(&self, text: &str) -> Result<bool, &str> {
        match self.compiled.get_or_init(|| compile(self.source)) {
            Ok(regex) => Ok(regex.is_match(text)),
            Err(error) => Err(error),
        }
    }
}

/// `source` compiled to match whole strings. The source is judged alone first, so that
/// its error is its own (a lone `\` is a trailing escape; wrapped, it would read as an
/// unclosed group), and so that a source closing the wrapper's group (`a)|(?:b`) is refused
/// rather than matched as something else.
fn compile(source: &str) -> Result<regex_lite::Regex, String> {
    regex_lite::Regex::new(source).map_err(|error| error.to_string())?;
    regex_lite::Regex::new(&format!("^(?:{source})$")).map_err(|error| error.to_string())
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// One broken constraint: where, below the value handed to [`violations`], and why.
pub(crate) struct Violation<'a> {
    /// The steps down to the item, key or value that breaks it (none for the value
    /// itself): a dict's key is reported at its entry's path.
    pub(crate) at: Vec<Step<'a>>,
    /// What is wrong, with the bound and the measure.
    pub(crate) message: String,
}

/// The problems of one value, of the value type `value_type` (aliases resolved), whose
/// JSON text is `raw` and which the walk found otherwise valid: one per broken
/// constraint, the value's own first, then its items' or entries' in document order. A
/// constraint that does not apply to the value's type is not checked: the macro refuses
/// those where it can see the type, and the compiler the others ([`misfit`]); only a
/// hand-built schema can hold one.
pub(crate) fn violations<'a>(
    constraints: &Constraints,
    value_type: &ValueType,
    raw: &'a str,
) -> Vec<Violation<'a>> {
    let mut found = Vec::new();
    measure(constraints, value_type, raw, &mut Vec::new(), &mut found);
    found
}

/// Adds what the value `raw`, at `at`, breaks to `found`.
fn measure<'a>(
    constraints: &Constraints,
    value_type: &ValueType,
    raw: &'a str,
    at: &mut Vec<Step<'a>>,
    found: &mut Vec<Violation<'a>>,
) {
    let mut own = Vec::new();
    let mut below = Vec::new();
    let mut lex = Lexer::for_text(raw);
    match (base(value_type), lex.peek()) {
        (Kind::Text, Some(b'"')) => {
            if let Ok(text) = lex.string() {
                text_violations(constraints, Noun::STRING, &text.value(), &mut own);
            }
        }
        (Kind::Blob, Some(b'"')) if constraints.bounds_length() => {
            let Ok(text) = lex.string() else { return };
            if let Ok(blob) = Blob::from_base64(&text.value()) {
                length(
                    constraints,
                    "blob",
                    blob.as_bytes().len(),
                    Unit::BYTE,
                    &mut own,
                );
            }
        }
        (Kind::List(item_type), Some(b'[')) => {
            let counted = entries(&mut lex, b']', |index, _, item| {
                if let Some(items) = constraints.items {
                    at.push(Step::Index(index));
                    measure(items, item_type, item, at, &mut below);
                    at.pop();
                }
            });
            if let Ok(count) = counted {
                length(constraints, "list", count, Unit::ITEM, &mut own);
            }
        }
        (Kind::Dict(key_type, value_type), Some(b'{')) => {
            let counted = entries(&mut lex, b'}', |_, key, value| {
                if constraints.keys.is_none() && constraints.values.is_none() {
                    return;
                }
                // Every entry of an object has a key (`entries` reads one before each).
                let Some(key) = key else { return };
                at.push(Step::Key(key));
                if let Some(keys) = constraints.keys {
                    measure_key(keys, key_type, &key.value(), at, &mut below);
                }
                if let Some(values) = constraints.values {
                    measure(values, value_type, value, at, &mut below);
                }
                at.pop();
            });
            if let Ok(count) = counted {
                length(constraints, "dict", count, Unit::ENTRY, &mut own);
            }
        }
        (Kind::Number, Some(b'-' | b'0'..=b'9')) => {
            bound_violations(constraints, &mut lex, &mut own);
        }
        _ => {}
    }
    found.extend(own.into_iter().map(|message| Violation {
        at: at.clone(),
        message,
    }));
    found.append(&mut below);
}

/// A dict's key, measured as the string it is on the wire (its characters, its pattern),
/// or as the integer it stands for when the key type is an integer's.
fn measure_key<'a>(
    constraints: &Constraints,
    key_type: &ValueType,
    key: &str,
    at: &[Step<'a>],
    found: &mut Vec<Violation<'a>>,
) {
    let mut own = Vec::new();
    match base(key_type) {
        Kind::Text => text_violations(constraints, Noun::KEY, key, &mut own),
        // The walk let through only the digits `str(int)` writes: a JSON number's text.
        Kind::Number => bound_violations(constraints, &mut Lexer::for_text(key), &mut own),
        _ => {}
    }
    found.extend(own.into_iter().map(|message| Violation {
        at: at.to_vec(),
        message,
    }));
}

/// The `ge` and `le` messages of the number at the cursor.
fn bound_violations(constraints: &Constraints, lex: &mut Lexer<'_>, found: &mut Vec<String>) {
    let Ok(number) = lex.number() else {
        return;
    };
    if let Some(ge) = constraints.ge {
        if compare(number, ge) == Some(std::cmp::Ordering::Less) {
            found.push(format!("{} is less than {ge}", number.shown()));
        }
    }
    if let Some(le) = constraints.le {
        if compare(number, le) == Some(std::cmp::Ordering::Greater) {
            found.push(format!("{} is greater than {le}", number.shown()));
        }
    }
}

/// How a string's messages name it: a value (`string of 4 characters`, `'ab' does not
/// match`) or a dict's key (`key of 4 characters`, `key 'ab' does not match`).
struct Noun {
    length: &'static str,
    quoted: &'static str,
}

impl Noun {
    const STRING: Noun = Noun {
        length: "string",
        quoted: "",
    };
    const KEY: Noun = Noun {
        length: "key",
        quoted: "key ",
    };
}

/// The length and pattern messages of a string.
fn text_violations(constraints: &Constraints, noun: Noun, text: &str, found: &mut Vec<String>) {
    length(
        constraints,
        noun.length,
        text.chars().count(),
        Unit::CHARACTER,
        found,
    );
    if let Some(pattern) = &constraints.pattern {
        match pattern.matches(text) {
            Ok(true) => {}
            Ok(false) => found.push(format!(
                "{}{} does not match {}",
                noun.quoted,
                Quoted::single(text),
                pattern.as_str()
            )),
            Err(error) => found.push(format!(
                "pattern {} cannot be checked: {error}",
                pattern.as_str()
            )),
        }
    }
}

/// What a value type is, as far as constraints go: a list's item type and a dict's key
/// and value types with it.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Blob,
    List(&'static ValueType),
    Dict(&'static ValueType, &'static ValueType),
    Number,
    Other,
}

const fn base(value_type: &ValueType) -> Kind {
    match value_type.resolved() {
        ValueType::Str | ValueType::Literal(_) => Kind::Text,
        ValueType::Blob => Kind::Blob,
        ValueType::Sequence(item) | ValueType::List(item) | ValueType::Set(item) => {
            Kind::List(item)
        }
        ValueType::Dict(key, value) | ValueType::Mapping(key, value) => Kind::Dict(key, value),
        // A nullable value's constraints are its value's (`null` breaks none).
        ValueType::Nullable(inner) => base(inner),
        ValueType::Int | ValueType::Integer(_) | ValueType::Float | ValueType::Float32 => {
            Kind::Number
        }
        ValueType::Custom(custom) => base(custom.base),
        _ => Kind::Other,
    }
}

/// The first of `constraints` that cannot apply to a value of `value_type`: where it is
/// written (`""`, or the `items`, `keys` or `values` it is inside), its name, and what it
/// applies to. The runtime would never check it ([`measure`] skips what does not fit), so
/// the macro has this judged at compile time for the types it cannot see into (aliases,
/// unions, typed dicts, `Set`).
pub(crate) const fn misfit(
    constraints: &Constraints,
    value_type: &ValueType,
) -> Option<(&'static str, &'static str, &'static str)> {
    const LENGTH: &str = "a length applies to strings, lists, dicts and blobs";
    const PATTERN: &str = "a pattern applies to strings";
    const BOUND: &str = "a bound applies to numbers";
    const DICTS: &str = "`keys(..)` and `values(..)` apply to dicts";
    let kind = base(value_type);
    let measured = matches!(
        kind,
        Kind::Text | Kind::Blob | Kind::List(_) | Kind::Dict(..)
    );
    if constraints.min_length.is_some() && !measured {
        return Some(("", "min_length", LENGTH));
    }
    if constraints.max_length.is_some() && !measured {
        return Some(("", "max_length", LENGTH));
    }
    if constraints.pattern.is_some() && !matches!(kind, Kind::Text) {
        return Some(("", "pattern", PATTERN));
    }
    let number = matches!(kind, Kind::Number);
    if constraints.ge.is_some() && !number {
        return Some(("", "ge", BOUND));
    }
    if constraints.le.is_some() && !number {
        return Some(("", "le", BOUND));
    }
    let (item, key, value) = match kind {
        Kind::List(item) => (Some(item), None, None),
        Kind::Dict(key, value) => (None, Some(key), Some(value)),
        _ => (None, None, None),
    };
    let nested = [
        (
            "items",
            constraints.items,
            item,
            "`items(..)` applies to lists",
        ),
        ("keys", constraints.keys, key, DICTS),
        ("values", constraints.values, value, DICTS),
    ];
    let mut index = 0;
    while index < nested.len() {
        let (within, inner, inner_type, applies) = nested[index];
        index += 1;
        let Some(inner) = inner else { continue };
        let Some(inner_type) = inner_type else {
            return Some(("", within, applies));
        };
        if let Some((_, name, applies)) = misfit(inner, inner_type) {
            return Some((within, name, applies));
        }
    }
    None
}

/// What a length counts, singular and plural.
struct Unit(&'static str, &'static str);

impl Unit {
    const CHARACTER: Unit = Unit("character", "characters");
    const BYTE: Unit = Unit("byte", "bytes");
    const ITEM: Unit = Unit("item", "items");
    const ENTRY: Unit = Unit("entry", "entries");
}

fn length(
    constraints: &Constraints,
    what: &str,
    count: usize,
    unit: Unit,
    found: &mut Vec<String>,
) {
    let count = count as u64;
    let noun = if count == 1 { unit.0 } else { unit.1 };
    if let Some(min) = constraints.min_length {
        if count < min {
            found.push(format!("{what} of {count} {noun} is shorter than {min}"));
        }
    }
    if let Some(max) = constraints.max_length {
        if count > max {
            found.push(format!("{what} of {count} {noun} is longer than {max}"));
        }
    }
}

/// The number of entries of the list or object at the cursor, each handed to `each` with
/// its position, its key (an object's) and its value's text.
fn entries<'a>(
    lex: &mut Lexer<'a>,
    close: u8,
    mut each: impl FnMut(usize, Option<RawString<'a>>, &'a str),
) -> crate::json::read::Result<usize> {
    lex.bump();
    let mut count = 0;
    let mut more = lex.first_entry(close)?;
    while more {
        let key = if close == b'}' {
            Some(lex.key()?)
        } else {
            None
        };
        each(count, key, lex.raw_value()?);
        count += 1;
        more = lex.next_entry(close)?;
    }
    Ok(count)
}

/// How a number compares with a bound: exactly between integers, as doubles otherwise
/// (`None` for a number beyond the doubles, which the walk reported already).
fn compare(number: Number<'_>, bound: Bound) -> Option<std::cmp::Ordering> {
    if let (true, Bound::Int(bound)) = (number.is_integer(), bound) {
        if let Ok(value) = number.raw.parse::<i128>() {
            return Some(value.cmp(&bound));
        }
    }
    number.as_f64()?.partial_cmp(&bound.as_f64())
}

/// Adds the JSON Schema keywords of `constraints` to `schema`, the schema of a value of
/// `value_type`: `minLength`, `maxLength` and `pattern` (anchored: JSON Schema's is a
/// search) on a string, `minItems`/`maxItems` on a list, `minProperties`/`maxProperties`
/// on a dict, `minimum`/`maximum` on a number. A blob's bounds count decoded bytes, which
/// JSON Schema cannot count: its `minLength`/`maxLength` are those of the base64 text of
/// that many bytes, which every blob within the bounds meets (a few just outside meet them
/// too; the description says so).
pub(crate) fn annotate(
    schema: &mut serde_json::Value,
    value_type: &ValueType,
    constraints: &Constraints,
) {
    use serde_json::json;
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let base64_chars = |bytes: u64| bytes.div_ceil(3).saturating_mul(4);
    let (min, max) = (constraints.min_length, constraints.max_length);
    let lengths: Option<LengthKeywords> = match base(value_type) {
        Kind::Text => Some(("minLength", "maxLength", |n| n)),
        Kind::Blob => Some(("minLength", "maxLength", base64_chars)),
        Kind::List(_) => Some(("minItems", "maxItems", |n| n)),
        Kind::Dict(..) => Some(("minProperties", "maxProperties", |n| n)),
        Kind::Number | Kind::Other => None,
    };
    if let Some((min_keyword, max_keyword, measure)) = lengths {
        if let Some(min) = min {
            object.insert(min_keyword.to_owned(), json!(measure(min)));
        }
        if let Some(max) = max {
            object.insert(max_keyword.to_owned(), json!(measure(max)));
        }
    }
    match base(value_type) {
        Kind::Text => {
            if let Some(pattern) = constraints.pattern {
                let anchored = format!("^(?:{})$", pattern.as_str());
                object.insert("pattern".to_owned(), json!(anchored));
            }
        }
        Kind::Blob if min.is_some() || max.is_some() => {
            let bytes = match (min, max) {
                (Some(min), Some(max)) => format!("{min} to {max}"),
                (Some(min), None) => format!("at least {min}"),
                (_, max) => format!("at most {}", max.unwrap_or_default()),
            };
            let description =
                format!("{bytes} bytes once decoded; the length bounds are of their base64 text");
            object.insert("description".to_owned(), json!(description));
        }
        Kind::Number => {
            // An integer type's own range is there already: the tighter bound wins.
            if let Some(ge) = constraints.ge {
                tighten(object, "minimum", ge, |new, old| new > old);
            }
            if let Some(le) = constraints.le {
                tighten(object, "maximum", le, |new, old| new < old);
            }
        }
        _ => {}
    }
    annotate_elements(schema, value_type, constraints);
}

/// Adds the keywords of a list's `items`, a dict's `keys` and `values` constraints to the
/// schemas of its items (`items`), keys (`propertyNames`) and values
/// (`additionalProperties`), inside `schema`, the schema of a value of `value_type`.
fn annotate_elements(
    schema: &mut serde_json::Value,
    value_type: &ValueType,
    constraints: &Constraints,
) {
    // A nullable value's schema is `anyOf: [its value's, null]`.
    if let ValueType::Nullable(inner) = value_type.resolved() {
        if let Some(value) = schema.pointer_mut("/anyOf/0") {
            annotate_elements(value, inner, constraints);
        }
        return;
    }
    match base(value_type) {
        Kind::List(item_type) => {
            if let (Some(items), Some(schema)) = (constraints.items, schema.get_mut("items")) {
                annotate(schema, item_type, items);
            }
        }
        Kind::Dict(key_type, value_type) => {
            if let (Some(keys), Some(schema)) = (constraints.keys, schema.get_mut("propertyNames"))
            {
                annotate_key(schema, key_type, keys);
            }
            let values = schema.get_mut("additionalProperties");
            if let (Some(constraints), Some(schema)) = (constraints.values, values) {
                annotate(schema, value_type, constraints);
            }
        }
        _ => {}
    }
}

/// A dict key's schema: a string's keywords, or for an integer key, whose schema is the
/// pattern of its numerals, the pattern of those within `ge` and `le`.
fn annotate_key(schema: &mut serde_json::Value, key_type: &ValueType, constraints: &Constraints) {
    let Some(range) = key_type.resolved().integer_range() else {
        annotate(schema, key_type, constraints);
        return;
    };
    let mut within = *range;
    if let Some(ge) = constraints.ge {
        within.min = within.min.max(ge.least_int());
    }
    if let Some(le) = constraints.le {
        within.max = within.max.min(le.greatest_int());
    }
    *schema = if within.min <= within.max {
        let pattern = crate::json_schema::int_key_pattern(&within);
        serde_json::json!({ "type": "string", "pattern": pattern })
    } else {
        // No integer of the key type is within the bounds: no key is.
        serde_json::Value::Bool(false)
    };
}

/// The JSON Schema keywords of a least and a greatest length, and how a length in the
/// constraint's unit becomes one in the keywords' unit.
type LengthKeywords = (&'static str, &'static str, fn(u64) -> u64);

/// Sets `keyword` to `bound` unless the bound already there is tighter.
fn tighten(
    object: &mut serde_json::Map<String, serde_json::Value>,
    keyword: &str,
    bound: Bound,
    tighter: fn(f64, f64) -> bool,
) {
    let old = object.get(keyword).and_then(serde_json::Value::as_f64);
    if old.is_some_and(|old| !tighter(bound.as_f64(), old)) {
        return;
    }
    let value = match bound {
        Bound::Int(value) => match i64::try_from(value) {
            Ok(value) => serde_json::Value::from(value),
            Err(_) => serde_json::Value::from(value as f64),
        },
        Bound::Float(value) => serde_json::Value::from(value),
    };
    object.insert(keyword.to_owned(), value);
}

/// Whether any key reachable from `value_type` has constraints: decoding with
/// constraints on walks the text after the fast path only then.
pub(crate) fn reachable(value_type: &ValueType) -> bool {
    let mut seen = Vec::new();
    reaches(value_type, &mut seen)
}

fn reaches(value_type: &ValueType, seen: &mut Vec<*const crate::schema::TypedDictSchema>) -> bool {
    match value_type {
        ValueType::Sequence(item)
        | ValueType::List(item)
        | ValueType::Set(item)
        | ValueType::Nullable(item) => reaches(item, seen),
        ValueType::Dict(_, value) | ValueType::Mapping(_, value) => reaches(value, seen),
        ValueType::Alias(alias) => reaches(alias.target, seen),
        ValueType::Union(union) => union.members.iter().any(|member| reaches(member, seen)),
        ValueType::TypedDict(schema) => {
            let schema = schema();
            if seen.contains(&std::ptr::from_ref(schema)) {
                return false;
            }
            seen.push(schema);
            schema
                .fields
                .iter()
                .any(|field| field.constraints.is_some() || reaches(field.value, seen))
        }
        _ => false,
    }
}
