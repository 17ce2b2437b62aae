//! The all-errors path: a walk over the JSON, driven by the static schema, that records
//! every problem with its JSON path instead of stopping at the first.
//!
//! It streams (no JSON tree is built) and shares the parser, the timestamp, blob and
//! literal checks with the serde fast path, so both agree on what is valid.

use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{render_path, ErrorKind, Segment, ValidationError};
use crate::key::KeySeed;
use crate::literal::LiteralError;
use crate::options::DecodeOptions;
use crate::schema::{FieldSchema, LiteralSchema, TypedDictSchema, UnionSchema, ValueType};
use crate::{Blob, Timestamp};

/// The outcome of checking one payload: errors, and warnings (unknown keys the shape
/// tolerates, since newer service versions add keys; in wire mode, values of open literal
/// types that the declaration does not list).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Problems that make the payload invalid, in document order.
    pub errors: Vec<ValidationError>,
    /// Tolerated surprises: keys the shape does not declare but tolerates, and in wire
    /// mode values an open literal does not list.
    pub warnings: Vec<ValidationError>,
}

impl Report {
    /// Whether the payload is valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Checks `json` against `schema` and reports every problem.
///
/// Malformed JSON is reported alone, with its line and column, since nothing after a
/// syntax error can be trusted.
pub fn validate(json: &[u8], schema: &'static TypedDictSchema, options: DecodeOptions) -> Report {
    let text = match json_text(json) {
        Ok(text) => text,
        Err(error) => {
            return Report {
                errors: vec![error],
                warnings: Vec::new(),
            }
        }
    };
    if text.trim_start().is_empty() {
        return Report {
            errors: vec![malformed_at(
                1,
                0,
                "empty input: expected a JSON object".to_owned(),
            )],
            warnings: Vec::new(),
        };
    }
    let mut walker = Walker {
        path: Vec::new(),
        report: Report::default(),
        options,
    };
    // From text: the parser then skips no string unchecked (it validates UTF-8 only in the
    // strings it builds, not in those it skips).
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let walked = Check {
        walker: &mut walker,
        expected: Expected::Shape(schema),
    }
    .deserialize(&mut deserializer)
    .and_then(|seen| deserializer.end().map(|()| seen));
    match walked {
        Ok(Seen::Value) => walker.report,
        Ok(Seen::Null) => {
            walker.null_not_allowed(Expected::Shape(schema));
            walker.report
        }
        Err(error) => Report {
            errors: vec![malformed_json(&error)],
            warnings: Vec::new(),
        },
    }
}

/// The error for input that is not JSON.
fn malformed_json(error: &serde_json::Error) -> ValidationError {
    malformed_at(
        error.line(),
        error.column(),
        format!("malformed JSON: {error}"),
    )
}

fn malformed_at(line: usize, column: usize, message: String) -> ValidationError {
    ValidationError {
        kind: ErrorKind::MalformedJson { line, column },
        path: "$".to_owned(),
        message,
    }
}

/// The input as text: JSON is UTF-8 (RFC 8259 §8.1) wherever a byte stands.
pub(crate) fn json_text(json: &[u8]) -> Result<&str, ValidationError> {
    std::str::from_utf8(json).map_err(|error| {
        let offset = error.valid_up_to();
        let before = &json[..offset];
        let line = before.iter().filter(|&&byte| byte == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map_or(0, |i| i + 1);
        let column = offset - line_start + 1;
        malformed_at(
            line,
            column,
            format!(
                "not UTF-8 text: invalid byte at offset {offset} (line {line}, column {column})"
            ),
        )
    })
}

/// Where a float without fraction stands for an `i64`-sized integer. Both ends are out:
/// the parser hands over `i64::MIN` itself as an integer, so a float equal to it came from
/// an integer literal below it that rounded up.
fn within_i64(number: f64) -> bool {
    const BOUND: f64 = 9_223_372_036_854_775_808.0;
    -BOUND < number && number < BOUND
}

struct Walker {
    path: Vec<Segment>,
    report: Report,
    options: DecodeOptions,
}

impl Walker {
    fn record(&mut self, kind: ErrorKind, message: String) {
        let path = render_path(&self.path);
        self.report.errors.push(ValidationError {
            kind,
            path,
            message,
        });
    }

    fn wrong_type(&mut self, expected: Expected, got: &str) {
        self.record(
            ErrorKind::WrongType,
            format!("expected {expected}, got {got}"),
        );
    }

    fn null_not_allowed(&mut self, expected: Expected) {
        self.record(
            ErrorKind::NullNotAllowed,
            format!("null is not allowed, expected {expected}"),
        );
    }

    fn unknown_key(&mut self, key: &str, schema: &TypedDictSchema) {
        let denied = schema.closed || self.options.deny_unknown;
        let error = ValidationError {
            kind: ErrorKind::UnknownKey,
            path: render_path(&self.path),
            message: format!("unknown key `{key}`: {} does not declare it", schema.name),
        };
        if denied {
            self.report.errors.push(error);
        } else {
            self.report.warnings.push(error);
        }
    }

    fn check_typed_dict<'de, A: MapAccess<'de>>(
        &mut self,
        schema: &'static TypedDictSchema,
        mut map: A,
    ) -> Result<(), A::Error> {
        let mut seen = vec![false; schema.fields.len()];
        let mut present = vec![false; schema.fields.len()];
        let mut kept_keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let index = schema.fields.iter().position(|field| field.key == key);
            self.path.push(Segment::Key(key.clone().into_owned()));
            match index {
                Some(index) => {
                    if std::mem::replace(&mut seen[index], true) {
                        self.duplicate_key(&key);
                        map.next_value::<IgnoredAny>()?;
                    } else {
                        present[index] = self.check_field(&schema.fields[index], &mut map)?;
                    }
                }
                // Kept keys must be unique (a second value would be lost); ignored ones
                // need not be, since neither value is kept.
                None if schema.extra_items.is_some() => {
                    if !kept_keys.insert(key.clone().into_owned()) {
                        self.duplicate_key(&key);
                    }
                    // Built like the fast path builds it, so both hit the same nesting limit.
                    map.next_value::<serde_json::Value>()?;
                }
                None => {
                    self.unknown_key(&key, schema);
                    map.next_value::<IgnoredAny>()?;
                }
            }
            self.path.pop();
        }
        let wire = self.options.is_wire();
        for (field, present) in schema.fields.iter().zip(present) {
            if !present && field.required && !(wire && field.wire_optional) {
                self.path.push(Segment::Key(field.key.to_owned()));
                self.record(
                    ErrorKind::MissingKey,
                    format!("missing required key `{}`", field.key),
                );
                self.path.pop();
            }
        }
        Ok(())
    }

    /// Checks one key's value; returns whether the key counts as present.
    fn check_field<'de, A: MapAccess<'de>>(
        &mut self,
        field: &'static FieldSchema,
        map: &mut A,
    ) -> Result<bool, A::Error> {
        let expected = Expected::Value(field.value);
        let seen = map.next_value_seed(Check {
            walker: self,
            expected,
        })?;
        match seen {
            Seen::Value => Ok(true),
            // botocore drops nulls: in wire mode a null key is an absent key.
            Seen::Null if self.options.is_wire() => Ok(false),
            Seen::Null => {
                self.null_not_allowed(expected);
                Ok(true)
            }
        }
    }

    fn check_dict<'de, A: MapAccess<'de>>(
        &mut self,
        key_type: &'static ValueType,
        value_type: &'static ValueType,
        mut map: A,
    ) -> Result<(), A::Error> {
        let mut keys: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            self.path.push(Segment::Key(key.clone().into_owned()));
            if !keys.insert(key.clone().into_owned()) {
                self.duplicate_key(&key);
            }
            if let ValueType::Literal(literal) = key_type {
                self.literal(literal, &key, "key ");
            }
            self.check_item(value_type, |check| map.next_value_seed(check).map(Some))?;
            self.path.pop();
        }
        Ok(())
    }

    fn check_list<'de, A: SeqAccess<'de>>(
        &mut self,
        item_type: &'static ValueType,
        mut seq: A,
    ) -> Result<(), A::Error> {
        let mut index = 0;
        loop {
            self.path.push(Segment::Index(index));
            let more = self.check_item(item_type, |check| seq.next_element_seed(check))?;
            self.path.pop();
            if !more {
                return Ok(());
            }
            index += 1;
        }
    }

    /// Checks a list item or dict value, where null is never a value. Returns whether
    /// there was an item.
    fn check_item<E>(
        &mut self,
        item_type: &'static ValueType,
        next: impl FnOnce(Check<'_>) -> Result<Option<Seen>, E>,
    ) -> Result<bool, E> {
        let expected = Expected::Value(item_type);
        let seen = next(Check {
            walker: self,
            expected,
        })?;
        if seen == Some(Seen::Null) {
            self.null_not_allowed(expected);
        }
        Ok(seen.is_some())
    }

    /// A union's value, buffered: the first member that accepts it, in order. When none
    /// does, the report [`crate::union::closest`] picks, re-rooted at the union's path.
    fn check_union(
        &mut self,
        union: &'static UnionSchema,
        expected: Expected,
        value: &serde_json::Value,
    ) -> Seen {
        let accepts_null = union
            .members
            .iter()
            .any(|m| matches!(m.resolved(), ValueType::Any));
        if value.is_null() && !accepts_null {
            return Seen::Null;
        }
        let mut attempts = Vec::with_capacity(union.members.len());
        for member in union.members {
            let mut attempt = Walker {
                path: self.path.clone(),
                report: Report::default(),
                options: self.options,
            };
            let checked = Check {
                walker: &mut attempt,
                expected: Expected::Value(member),
            }
            .deserialize(value);
            if let Err(error) = checked {
                attempt.record(ErrorKind::Other, error.to_string());
            }
            if attempt.report.errors.is_empty() {
                self.report.warnings.append(&mut attempt.report.warnings);
                return Seen::Value;
            }
            attempts.push(attempt.report);
        }
        let errors: Vec<_> = attempts.iter().map(|a| a.errors.clone()).collect();
        match crate::union::closest(&errors, &render_path(&self.path)) {
            Some(index) => {
                let chosen = &mut attempts[index];
                self.report.errors.append(&mut chosen.errors);
                self.report.warnings.append(&mut chosen.warnings);
            }
            None => self.wrong_type(expected, json_kind(value)),
        }
        Seen::Value
    }

    /// A literal's value (or a dict key of a literal type; `what` then says so): an
    /// unlisted value of an open literal is a warning in wire mode, an error otherwise.
    fn literal(&mut self, literal: &'static LiteralSchema, value: &str, what: &str) {
        if literal.allows(value) {
            return;
        }
        if literal.open && self.options.is_wire() {
            self.report.warnings.push(ValidationError {
                kind: ErrorKind::UnknownLiteral,
                path: render_path(&self.path),
                message: format!(
                    "{what}'{value}' is not a known {} value, kept as sent (wire mode); known: {}",
                    literal.name,
                    Alternatives(literal.values)
                ),
            });
        } else {
            self.record(
                ErrorKind::InvalidLiteral,
                format!("{what}{}", LiteralError::new(literal, value)),
            );
        }
    }

    fn duplicate_key(&mut self, key: &str) {
        self.record(
            ErrorKind::DuplicateKey,
            format!("key `{key}` appears more than once"),
        );
    }
}

/// What a value is checked against: a value type, or the top-level typed dict.
#[derive(Clone, Copy)]
enum Expected {
    Value(&'static ValueType),
    Shape(&'static TypedDictSchema),
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Shape(schema) => write!(f, "object ({})", schema.name),
            Expected::Value(ValueType::TypedDict(schema)) => {
                write!(f, "object ({})", schema().name)
            }
            Expected::Value(ValueType::Timestamp) => {
                f.write_str("datetime (epoch seconds or RFC 3339 string)")
            }
            Expected::Value(ValueType::Blob) => f.write_str("bytes (base64 string)"),
            Expected::Value(ValueType::Union(union)) => {
                write!(f, "{}", crate::union::Expecting(union))
            }
            Expected::Value(value) => write!(f, "{}", value.python()),
        }
    }
}

/// `'A', 'B' or 'C'`.
struct Alternatives(&'static [&'static str]);

impl fmt::Display for Alternatives {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, value) in self.0.iter().enumerate() {
            let separator = match index {
                0 => "",
                _ if index + 1 == self.0.len() => " or ",
                _ => ", ",
            };
            write!(f, "{separator}'{value}'")?;
        }
        Ok(())
    }
}

/// The JSON type of a value, in the words of `wrong_type` messages.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "bool",
        serde_json::Value::Number(number) if number.is_f64() => "float",
        serde_json::Value::Number(_) => "int",
        serde_json::Value::String(_) => "str",
        serde_json::Value::Array(_) => "list",
        serde_json::Value::Object(_) => "object",
    }
}

/// Whether a value was JSON `null`; what null means depends on where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Value,
    Null,
}

struct Check<'w> {
    walker: &'w mut Walker,
    expected: Expected,
}

impl Check<'_> {
    fn value_type(&self) -> Option<&'static ValueType> {
        match self.expected {
            Expected::Value(value) => Some(value),
            Expected::Shape(_) => None,
        }
    }

    fn wrong_type(self, got: &str) -> Seen {
        self.walker.wrong_type(self.expected, got);
        Seen::Value
    }

    fn integer(self, number: Result<i64, ()>, float: f64) -> Seen {
        match (self.value_type(), number) {
            (Some(ValueType::Int), Ok(_)) => {}
            (Some(ValueType::Int), Err(())) => self.walker.record(
                ErrorKind::IntegerOutOfRange,
                format!("{float} is outside the 64-bit integer range"),
            ),
            (Some(ValueType::Float | ValueType::Any), _) => {}
            (Some(ValueType::Timestamp), _) => self.timestamp_number(float),
            _ => return self.wrong_type("int"),
        }
        Seen::Value
    }

    fn timestamp_number(self, seconds: f64) {
        if let Err(error) = Timestamp::from_unix_seconds_f64(seconds) {
            self.walker.record(
                ErrorKind::InvalidTimestamp,
                format!("invalid timestamp: {error}"),
            );
        }
    }
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = Seen;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Seen, D::Error> {
        match self.expected {
            // An alias has its target's wire format, and its target's messages.
            Expected::Value(ValueType::Alias(alias)) => Check {
                walker: self.walker,
                expected: Expected::Value(alias.target),
            }
            .deserialize(deserializer),
            Expected::Value(ValueType::Union(union)) => {
                let value = serde_json::Value::deserialize(deserializer)?;
                Ok(self.walker.check_union(union, self.expected, &value))
            }
            _ => deserializer.deserialize_any(self),
        }
    }
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = Seen;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.expected)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Seen, E> {
        Ok(match self.value_type() {
            Some(ValueType::Bool | ValueType::Any) => Seen::Value,
            _ => self.wrong_type("bool"),
        })
    }

    fn visit_i64<E>(self, number: i64) -> Result<Seen, E> {
        Ok(self.integer(Ok(number), number as f64))
    }

    fn visit_u64<E>(self, number: u64) -> Result<Seen, E> {
        Ok(self.integer(i64::try_from(number).map_err(drop), number as f64))
    }

    fn visit_f64<E>(self, number: f64) -> Result<Seen, E> {
        match self.value_type() {
            Some(ValueType::Float | ValueType::Any) => {}
            Some(ValueType::Timestamp) => self.timestamp_number(number),
            // A float without fraction outside i64 was written as a huge integer; inside
            // the range it was written as a float (`1.0`), which an int is not.
            Some(ValueType::Int) if number.fract() == 0.0 && !within_i64(number) => {
                return Ok(self.integer(Err(()), number));
            }
            _ => return Ok(self.wrong_type("float")),
        }
        Ok(Seen::Value)
    }

    fn visit_str<E>(self, text: &str) -> Result<Seen, E> {
        match self.value_type() {
            Some(ValueType::Str | ValueType::Any) => {}
            Some(ValueType::Literal(literal)) => self.walker.literal(literal, text, ""),
            Some(ValueType::Timestamp) => {
                if let Err(error) = Timestamp::parse_rfc3339(text) {
                    self.walker.record(
                        ErrorKind::InvalidTimestamp,
                        format!("invalid timestamp: {error}"),
                    );
                }
            }
            Some(ValueType::Blob) => {
                if let Err(error) = Blob::from_base64(text) {
                    self.walker
                        .record(ErrorKind::InvalidBase64, format!("invalid base64: {error}"));
                }
            }
            _ => return Ok(self.wrong_type("str")),
        }
        Ok(Seen::Value)
    }

    fn visit_unit<E>(self) -> Result<Seen, E> {
        Ok(match self.value_type() {
            Some(ValueType::Any) => Seen::Value,
            _ => Seen::Null,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Seen, A::Error> {
        match self.value_type() {
            Some(ValueType::Sequence(item) | ValueType::List(item)) => {
                self.walker.check_list(item, seq)?;
                return Ok(Seen::Value);
            }
            Some(ValueType::Any) => {}
            _ => self.walker.wrong_type(self.expected, "list"),
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Seen::Value)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Seen, A::Error> {
        match self.expected {
            Expected::Shape(schema) => self.walker.check_typed_dict(schema, map)?,
            Expected::Value(ValueType::TypedDict(schema)) => {
                self.walker.check_typed_dict(schema(), map)?
            }
            Expected::Value(ValueType::Dict(key, value)) => {
                self.walker.check_dict(key, value, map)?
            }
            expected => {
                if !matches!(expected, Expected::Value(ValueType::Any)) {
                    self.walker.wrong_type(expected, "object");
                }
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            }
        }
        Ok(Seen::Value)
    }
}
