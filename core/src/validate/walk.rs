//! The walk: one pass over the JSON text, driven by the static schema, recording every
//! problem at its path. Nothing is built: strings are compared and checked where they
//! lie, numbers are judged from their digits, and the path is a stack of borrowed steps.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::constraint::{self, Constraints};
use crate::contract::{self, IntKey, Null, Seconds, UnknownKey};
use crate::error::ErrorKind;
use crate::error::Quoted;
use crate::error::ValidationError;
use crate::literal::LiteralError;
use crate::options::{DecodeOptions, Scope};
use crate::schema::{
    base_holds, CustomSchema, FieldSchema, IntegerRange, LiteralSchema, TypedDictSchema,
    UnionSchema, ValueType,
};
use crate::{Blob, Timestamp};

use super::path::{render, Step};
use super::sink::{Severity, Sink};
use crate::json::error::Syntax;
use crate::json::number::{AsInt, Number, Read};
use crate::json::read::{same_bytes, Lexer, RawString, Result};
use crate::json::MAX_DEPTH;

/// What a value is checked against: a value type, or the top-level typed dict.
#[derive(Clone, Copy)]
pub(crate) enum Expected {
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
            Expected::Value(ValueType::PythonOnly(python_only)) => write!(
                f,
                "{} ({}, a Python-only type: no JSON value is one)",
                python_only.python, python_only.name
            ),
            Expected::Value(ValueType::Union(union)) => {
                write!(f, "{}", crate::union::Expecting(union))
            }
            // The base, and the annotation when it says more: `str (UUID)`.
            Expected::Value(ValueType::Custom(custom)) => {
                let base = Expected::Value(custom.base);
                if custom.python == custom.base.python().to_string() {
                    write!(f, "{base}")
                } else {
                    write!(f, "{base} ({})", custom.python)
                }
            }
            Expected::Value(value) => write!(f, "{}", value.python()),
        }
    }
}

impl Expected {
    /// What reports call the top value: a typed dict's name, or the Python annotation of
    /// any other value type (`list[TagTypeDef]`).
    pub(crate) fn type_name(self) -> Cow<'static, str> {
        match self {
            Expected::Shape(schema) => Cow::Borrowed(schema.name),
            Expected::Value(ValueType::TypedDict(schema)) => Cow::Borrowed(schema().name),
            Expected::Value(other) => Cow::Owned(other.python().to_string()),
        }
    }
}

/// Whether a value was JSON `null`; what null means depends on where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seen {
    Value,
    Null,
}

/// Dict keys checked for duplicates one by one; more are hashed.
const FEW_KEYS: usize = 16;

/// Seen and present flags of the keys of the typed dicts being walked, past their 64th.
const SEEN: u8 = 1;
const PRESENT: u8 = 2;

/// The lowest `count` bits set (all 64 from 64 on).
#[inline(always)]
fn low_bits(count: usize) -> u64 {
    if count >= 64 {
        u64::MAX
    } else {
        (1 << count) - 1
    }
}

/// Which keys of one typed dict were seen, and which count as present: bits of two words
/// for its first 64 keys (no allocation, no bounds check: nearly every typed dict has
/// fewer), flags in the walk's shared `flags` for the rest.
struct Marks {
    seen: u64,
    present: u64,
    /// Where this typed dict's flags start in `flags`.
    base: usize,
}

impl Marks {
    /// Marks of a typed dict of `fields` keys, none seen yet.
    #[inline(always)]
    fn new(fields: usize, flags: &mut Vec<u8>) -> Self {
        let base = flags.len();
        if fields > 64 {
            flags.resize(base + fields - 64, 0);
        }
        Marks {
            seen: 0,
            present: 0,
            base,
        }
    }

    /// Marks key `index` seen; whether it had been seen already.
    #[inline(always)]
    fn see(&mut self, index: usize, flags: &mut [u8]) -> bool {
        if index < 64 {
            let bit = 1 << index;
            let seen = self.seen & bit != 0;
            self.seen |= bit;
            seen
        } else {
            let flag = &mut flags[self.base + index - 64];
            let seen = *flag & SEEN != 0;
            *flag |= SEEN;
            seen
        }
    }

    /// Marks key `index` present.
    #[inline(always)]
    fn set_present(&mut self, index: usize, flags: &mut [u8]) {
        if index < 64 {
            self.present |= 1 << index;
        } else {
            flags[self.base + index - 64] |= PRESENT;
        }
    }

    /// Whether key `index` is present.
    #[inline(always)]
    fn is_present(&self, index: usize, flags: &[u8]) -> bool {
        if index < 64 {
            self.present & (1 << index) != 0
        } else {
            flags[self.base + index - 64] & PRESENT != 0
        }
    }
}

pub(crate) struct Walk<'a> {
    lex: Lexer<'a>,
    depth_left: u8,
    path: Vec<Step<'a>>,
    pub(crate) sink: Sink,
    options: DecodeOptions,
    flags: Vec<u8>,
    /// Keys of the dicts being walked, for duplicates.
    dict_keys: Vec<Cow<'a, str>>,
}

impl<'a> Walk<'a> {
    pub(crate) fn new(lex: Lexer<'a>, options: DecodeOptions) -> Self {
        Walk {
            sink: Sink::new(options, lex.bytes().len()),
            lex,
            depth_left: MAX_DEPTH,
            path: Vec::new(),
            options,
            flags: Vec::new(),
            dict_keys: Vec::new(),
        }
    }

    /// Walks the whole document.
    pub(crate) fn document(&mut self, expected: Expected) -> Result<()> {
        if self.value(expected)? == Seen::Null {
            self.null_not_allowed(expected);
        }
        if self.lex.at_end() {
            Ok(())
        } else {
            Err(self.lex.peek_error(Syntax::TrailingCharacters))
        }
    }

    fn error(&mut self, kind: ErrorKind, message: impl FnOnce() -> String) {
        self.sink.record(Severity::Error, kind, &self.path, message);
    }

    fn wrong_type(&mut self, expected: Expected, got: &str) {
        self.error(ErrorKind::WrongType, || {
            format!("expected {expected}, got {got}")
        });
    }

    fn null_not_allowed(&mut self, expected: Expected) {
        self.error(ErrorKind::NullNotAllowed, || {
            format!("null is not allowed, expected {expected}")
        });
    }

    fn enter(&mut self) -> Result<()> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            // The fast path fails at the 128th open container it parses, so the walk does
            // too (containers it skips do not count, as there).
            return Err(self.lex.peek_error(Syntax::RecursionLimitExceeded));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.depth_left += 1;
    }

    /// An object or a list, one level deeper while `walk` walks it: the nesting limit is
    /// counted here for every container the walk enters.
    #[inline(always)]
    fn nested(&mut self, walk: impl FnOnce(&mut Self) -> Result<()>) -> Result<()> {
        self.enter()?;
        walk(self)?;
        self.leave();
        Ok(())
    }

    /// One value, checked against `expected`.
    fn value(&mut self, expected: Expected) -> Result<Seen> {
        // An alias has its target's wire format and its target's messages.
        let expected = match expected {
            Expected::Value(value_type) => Expected::Value(value_type.resolved()),
            shape => shape,
        };
        if let Expected::Value(ValueType::Union(union)) = expected {
            return self.union(union, expected);
        }
        if let Expected::Value(ValueType::Custom(custom)) = expected {
            return self.custom(custom, expected);
        }
        if let Expected::Value(ValueType::Nullable(inner)) = expected {
            // `null` is one of its values; anything else is read as the inner type's.
            if self.lex.peek() == Some(b'n') {
                self.lex.word(b"null")?;
                return Ok(Seen::Value);
            }
            return self.value(Expected::Value(inner));
        }
        if let Expected::Value(ValueType::PythonOnly(_)) = expected {
            // No JSON value is one; `null` is left to where it stands (an absent key).
            let text = self.lex.raw_value()?;
            if text.starts_with('n') {
                return Ok(Seen::Null);
            }
            self.wrong_type(expected, json_kind(text));
            return Ok(Seen::Value);
        }
        let value_type = match expected {
            Expected::Value(value_type) => Some(value_type),
            Expected::Shape(_) => None,
        };
        match self.lex.peek() {
            Some(b'{') => self.nested(|walk| match (expected, value_type) {
                (Expected::Shape(schema), _) => walk.typed_dict(schema),
                (_, Some(ValueType::TypedDict(schema))) => walk.typed_dict(schema()),
                (_, Some(ValueType::Dict(key, value) | ValueType::Mapping(key, value))) => {
                    walk.dict(key, value)
                }
                (_, Some(ValueType::Any)) => walk.any_object(),
                _ => {
                    walk.wrong_type(expected, "object");
                    walk.lex.skip_value()
                }
            })?,
            Some(b'[') => self.nested(|walk| match value_type {
                Some(ValueType::Sequence(item) | ValueType::List(item) | ValueType::Set(item)) => {
                    walk.list(item)
                }
                Some(ValueType::Any) => walk.any_list(),
                _ => {
                    walk.wrong_type(expected, "list");
                    walk.lex.skip_value()
                }
            })?,
            Some(b'"') => {
                let text = self.lex.string()?;
                self.string(expected, value_type, text);
            }
            Some(b'-' | b'0'..=b'9') => {
                let number = self.lex.number()?;
                self.number(expected, value_type, number);
            }
            Some(b't') => {
                self.lex.word(b"true")?;
                self.boolean(expected, value_type);
            }
            Some(b'f') => {
                self.lex.word(b"false")?;
                self.boolean(expected, value_type);
            }
            Some(b'n') => {
                self.lex.word(b"null")?;
                if !value_type.is_some_and(contract::holds_null) {
                    return Ok(Seen::Null);
                }
            }
            _ => return Err(self.lex.expected_value()),
        }
        Ok(Seen::Value)
    }

    /// A union's value: the first member that accepts it, in order, each tried by a walk
    /// of its own over the value's text (unions are rare; the text is walked once per
    /// member at most). When none does, the report [`crate::union::closest`] picks.
    fn union(&mut self, union: &'static UnionSchema, expected: Expected) -> Result<Seen> {
        let text = self.lex.raw_value()?;
        if text.starts_with('n') && !contract::holds_null(&ValueType::Union(union)) {
            return Ok(Seen::Null);
        }
        let mut attempts = Vec::with_capacity(union.members.len());
        for member in union.members {
            let mut attempt = Walk::new(Lexer::for_text(text), self.options);
            attempt.path = self.path.clone();
            attempt.depth_left = self.depth_left;
            if attempt.value(Expected::Value(member))? == Seen::Null {
                attempt.null_not_allowed(Expected::Value(member));
            }
            if attempt.sink.errors.is_empty() && attempt.sink.more_errors == 0 {
                self.sink.absorb(attempt.sink);
                return Ok(Seen::Value);
            }
            attempts.push(attempt.sink);
        }
        let errors: Vec<Vec<ValidationError>> =
            attempts.iter().map(|sink| sink.errors.clone()).collect();
        let more: Vec<usize> = attempts.iter().map(|sink| sink.more_errors).collect();
        match crate::union::closest(&errors, &more, &render(&self.path)) {
            Some(index) => self.sink.absorb(attempts.swap_remove(index)),
            None => self.wrong_type(expected, json_kind(text)),
        }
        Ok(Seen::Value)
    }

    /// A value of a type of one's own: the type's own `Deserialize` judges its JSON text,
    /// as decoding runs it (same deserializer, same options in force), so both agree on
    /// every value. Its message is an `invalid_value`, or a `wrong_type` when the value is
    /// not of the base JSON type at all.
    fn custom(&mut self, custom: &'static CustomSchema, expected: Expected) -> Result<Seen> {
        let text = self.lex.raw_value()?;
        if text.starts_with('n') && !contract::holds_null(custom.base) {
            return Ok(Seen::Null);
        }
        let checked = {
            let _scope = Scope::enter(self.options);
            custom.check(text)
        };
        if let Err(message) = checked {
            let kind = json_kind(text);
            if base_holds(custom.base, kind) {
                self.error(ErrorKind::InvalidValue, || message);
            } else {
                self.wrong_type(expected, kind);
            }
        }
        Ok(Seen::Value)
    }

    fn boolean(&mut self, expected: Expected, value_type: Option<&ValueType>) {
        if !matches!(value_type, Some(ValueType::Bool | ValueType::Any)) {
            self.wrong_type(expected, "bool");
        }
    }

    fn string(&mut self, expected: Expected, value_type: Option<&ValueType>, text: RawString<'a>) {
        match value_type {
            Some(ValueType::Str | ValueType::Any) => {}
            Some(ValueType::Literal(literal)) => {
                let value = text.value();
                self.literal(literal, &value, "");
            }
            Some(ValueType::Timestamp) => {
                if let Err(error) = Timestamp::parse_rfc3339(&text.value()) {
                    self.error(ErrorKind::InvalidTimestamp, || {
                        format!("invalid timestamp: {error}")
                    });
                }
            }
            Some(ValueType::Blob) => {
                if let Err(error) = Blob::from_base64(&text.value()) {
                    self.error(ErrorKind::InvalidBase64, || {
                        format!("invalid base64: {error}")
                    });
                }
            }
            _ => self.wrong_type(expected, "str"),
        }
    }

    /// A literal's value (or a dict key of a literal type; `what` then says so).
    fn literal(&mut self, literal: &'static LiteralSchema, value: &str, what: &str) {
        if literal.values.iter().any(|known| same(known, value)) {
            return;
        }
        if contract::keeps_unlisted(literal, || self.options) {
            self.sink.record(
                Severity::Warning,
                ErrorKind::UnknownLiteral,
                &self.path,
                || {
                    format!(
                        "{what}{} is not a known {} value, kept as sent (wire mode); known: {}",
                        Quoted::single(value),
                        literal.name,
                        Alternatives(literal.values)
                    )
                },
            );
        } else {
            self.error(ErrorKind::InvalidLiteral, || {
                format!("{what}{}", LiteralError::new(literal, value))
            });
        }
    }

    fn number(&mut self, expected: Expected, value_type: Option<&ValueType>, number: Number<'a>) {
        match value_type {
            Some(ValueType::Int) => self.int(expected, number, None),
            Some(ValueType::Integer(range)) => self.int(expected, number, Some(range)),
            Some(ValueType::Float32) => {
                if number.as_f32().is_none() {
                    self.error(ErrorKind::NumberOutOfRange, || {
                        format!("{} is outside the range of a 32-bit float", number.shown())
                    });
                }
            }
            Some(ValueType::Float | ValueType::Any) => {
                if !number.clearly_finite() && number.as_f64().is_none() {
                    self.error(ErrorKind::NumberOutOfRange, || {
                        format!("{} is outside the range of a 64-bit float", number.shown())
                    });
                }
            }
            Some(ValueType::Timestamp) => {
                // Well inside years 1 to 9999 the digits say so; near the ends, and for
                // exponents, the value is read as the fast path reads it.
                if number.clearly_between(Timestamp::MIN_SECONDS, Timestamp::MAX_SECONDS)
                    == Some(true)
                {
                    return;
                }
                // Read as the fast path hands the number to `Timestamp`'s visitor. An
                // integer beyond 64 bits (read as a double) is as invalid there; the
                // message quotes its digits rather than the double.
                let read = match number.read() {
                    Read::I64(seconds) => contract::timestamp_from_seconds(Seconds::Int(seconds)),
                    Read::U64(seconds) => contract::timestamp_from_seconds(Seconds::UInt(seconds)),
                    Read::F64(seconds) if !number.is_integer() => {
                        contract::timestamp_from_seconds(Seconds::Float(seconds))
                    }
                    Read::F64(_) | Read::OutOfRange => Err(Timestamp::out_of_range_error(
                        format_args!("{} seconds since the epoch", number.shown()),
                    )),
                };
                if let Err(error) = read {
                    self.error(ErrorKind::InvalidTimestamp, || {
                        format!("invalid timestamp: {error}")
                    });
                }
            }
            _ => self.wrong_type(expected, number.python_type()),
        }
    }

    /// A number where an `int` belongs: of `range`, or `i64`'s when `None` (`ValueType::Int`,
    /// whose message keeps its own words).
    fn int(&mut self, expected: Expected, number: Number<'a>, range: Option<&IntegerRange>) {
        match number.as_int_within(range.unwrap_or(&IntegerRange::I64)) {
            AsInt::Int(_) => {}
            AsInt::OutOfRange => self.error(ErrorKind::IntegerOutOfRange, || match range {
                Some(range) => format!("{} is outside the range of {range}", number.shown()),
                None => format!("{} is outside the 64-bit integer range", number.shown()),
            }),
            AsInt::Float => self.wrong_type(expected, "float"),
        }
    }

    fn typed_dict(&mut self, schema: &'static TypedDictSchema) -> Result<()> {
        self.lex.bump();
        let mut marks = Marks::new(schema.fields.len(), &mut self.flags);
        // Kept undeclared keys must be unique (a second value would be lost); ignored ones
        // need not be, since neither value is kept. Made on the first kept key: most typed
        // dicts have none, and the walk should not seed two hashers for each of them.
        let mut kept_keys: Option<KeySet<'a>> = None;
        let mut more = self.lex.first_entry(b'}')?;
        let mut hint = 0;
        // One step on the path for all the keys, each key written over the last (nested
        // values push and pop their own above it): a store a key rather than a push and
        // a pop.
        let depth = self.path.len();
        self.path.push(Step::Index(0));
        while more {
            let (key, index) =
                self.known_key(schema.fields, |field| field.key, schema.plain_keys, hint)?;
            if let Some(step) = self.path.get_mut(depth) {
                *step = Step::Key(key);
            }
            match index {
                Some(index) => {
                    hint = index + 1;
                    if marks.see(index, &mut self.flags) {
                        self.duplicate_key();
                        self.lex.skip_value()?;
                    } else if self.field(&schema.fields[index])? {
                        marks.set_present(index, &mut self.flags);
                    }
                }
                None if schema.extra_items.is_some() => {
                    let duplicate = !kept_keys
                        .get_or_insert_with(KeySet::default)
                        .insert(key.value());
                    if duplicate {
                        self.duplicate_key();
                    }
                    // Read as the fast path reads it, into a JSON value.
                    self.value(Expected::Value(&ValueType::Any))?;
                }
                None => {
                    self.unknown_key(schema);
                    self.lex.skip_value()?;
                }
            }
            more = self.lex.next_entry(b'}')?;
        }
        self.path.truncate(depth);
        // The first 64 keys: only the absent ones are looked at, lowest first.
        let mut absent = !marks.present & low_bits(schema.fields.len());
        while absent != 0 {
            let index = absent.trailing_zeros() as usize;
            absent &= absent - 1;
            self.missing_key(&schema.fields[index]);
        }
        for (index, field) in schema.fields.iter().enumerate().skip(64) {
            if !marks.is_present(index, &self.flags) {
                self.missing_key(field);
            }
        }
        self.flags.truncate(marks.base);
        Ok(())
    }

    /// An object's key and its colon, and the index of the name it is among `names` (a
    /// typed dict's fields, a literal's values; `name` reads one), if it is one.
    ///
    /// Keys usually come in declaration order: the name after the last one found (at
    /// `hint`) is compared with the input where it lies first, which spares scanning for
    /// the string's end and comparing it then. That is sound only when every name is
    /// written in JSON as spelled (`plain`, which the schemas record); otherwise, and on a
    /// miss, the key is read and searched for (the name at `hint` first).
    #[inline(always)]
    fn known_key<T>(
        &mut self,
        names: &'static [T],
        name: impl Fn(&'static T) -> &'static str,
        plain: bool,
        hint: usize,
    ) -> Result<(RawString<'a>, Option<usize>)> {
        if let Some(expected) = names.get(hint).map(&name) {
            if plain && self.lex.declared_key(expected) {
                return Ok((RawString::plain(expected), Some(hint)));
            }
        }
        let key = self.lex.key()?;
        let find = |key: &str| {
            let at = |index: usize| names.get(index).is_some_and(|known| same(name(known), key));
            if at(hint) {
                Some(hint)
            } else {
                (0..names.len()).find(|&index| at(index))
            }
        };
        let index = if key.escaped {
            find(&key.value())
        } else {
            find(key.raw)
        };
        Ok((key, index))
    }

    /// A key of a typed dict that was absent (or `null` where that means absent): an
    /// error unless the key may be left out.
    fn missing_key(&mut self, field: &'static FieldSchema) {
        let options = self.options;
        if !contract::may_be_absent(field.required, field.wire_optional, || options) {
            self.path.push(Step::Key(RawString::plain(field.key)));
            self.error(ErrorKind::MissingKey, || {
                format!("missing required key `{}`", field.key)
            });
            self.path.pop();
        }
    }

    /// The most common values checked in line, without the general dispatch: a string
    /// where a `str` or a literal belongs, an integer literal where an `int` does, a
    /// typed dict, a list or a dict where one belongs. Returns whether the value was one of those
    /// (consumed and checked).
    #[inline(always)]
    fn quick(&mut self, value_type: &'static ValueType) -> Result<bool> {
        match (value_type, self.lex.peek()) {
            (ValueType::Str, Some(b'"')) => {
                self.lex.string()?;
                Ok(true)
            }
            (ValueType::Literal(literal), Some(b'"')) => {
                let text = self.lex.string()?;
                if text.escaped || !literal.values.iter().any(|value| same(value, text.raw)) {
                    self.literal(literal, &text.value(), "");
                }
                Ok(true)
            }
            (ValueType::Int, Some(b'0'..=b'9')) => {
                let number = self.lex.unsigned_number()?;
                if !(number.is_integer() && number.raw.len() <= 18) {
                    self.number(Expected::Value(value_type), Some(value_type), number);
                }
                Ok(true)
            }
            (ValueType::Integer(range), Some(b'-' | b'0'..=b'9')) => {
                let number = self.lex.number()?;
                if !matches!(number.as_int_within(range), AsInt::Int(_)) {
                    self.number(Expected::Value(value_type), Some(value_type), number);
                }
                Ok(true)
            }
            (ValueType::Timestamp, Some(b'0'..=b'9')) => {
                let number = self.lex.unsigned_number()?;
                let inside = number.clearly_between(Timestamp::MIN_SECONDS, Timestamp::MAX_SECONDS);
                if inside != Some(true) {
                    self.number(Expected::Value(value_type), Some(value_type), number);
                }
                Ok(true)
            }
            (ValueType::Float, Some(b'-' | b'0'..=b'9')) => {
                let number = self.lex.number()?;
                if !number.clearly_finite() {
                    self.number(Expected::Value(value_type), Some(value_type), number);
                }
                Ok(true)
            }
            // Nested containers go straight to their walk, past `value`'s general
            // dispatch (aliases, unions, custom types, null), which costs a few
            // instructions and unpredictable branches per container.
            (ValueType::TypedDict(schema), Some(b'{')) => {
                self.nested(|walk| walk.typed_dict(schema()))?;
                Ok(true)
            }
            (ValueType::List(item) | ValueType::Sequence(item), Some(b'[')) => {
                self.nested(|walk| walk.list(item))?;
                Ok(true)
            }
            (ValueType::Dict(key, value) | ValueType::Mapping(key, value), Some(b'{')) => {
                self.nested(|walk| walk.dict(key, value))?;
                Ok(true)
            }
            (ValueType::Bool, Some(b't')) => self.lex.word(b"true").map(|()| true),
            (ValueType::Bool, Some(b'f')) => self.lex.word(b"false").map(|()| true),
            _ => Ok(false),
        }
    }

    /// Checks one key's value; returns whether the key counts as present.
    fn field(&mut self, field: &'static FieldSchema) -> Result<bool> {
        // The option first: without it, a key costs no more than before constraints.
        if self.options.constraints {
            if let Some(constraints) = field.constraints {
                return self.constrained_field(field, constraints);
            }
        }
        self.field_value(field)
    }

    /// A key's value with constraints to check: checked as any other first, then, when
    /// it had no other problem (the constraints of a value of the wrong type mean
    /// nothing), measured from its text against each bound.
    #[cold]
    fn constrained_field(
        &mut self,
        field: &'static FieldSchema,
        constraints: &'static Constraints,
    ) -> Result<bool> {
        self.lex.peek();
        let start = self.lex.pos;
        let errors_before = self.sink.error_count();
        let present = self.field_value(field)?;
        if present && self.sink.error_count() == errors_before {
            let raw = self.lex.text_from(start);
            for violation in constraint::violations(constraints, field.value, raw) {
                let depth = self.path.len();
                self.path.extend(violation.at);
                self.error(ErrorKind::ConstraintViolation, || violation.message);
                self.path.truncate(depth);
            }
        }
        Ok(present)
    }

    /// Checks one key's value, its type only; returns whether the key counts as present.
    #[inline(always)]
    fn field_value(&mut self, field: &'static FieldSchema) -> Result<bool> {
        if self.quick(field.value)? {
            return Ok(true);
        }
        let expected = Expected::Value(field.value);
        match self.value(expected)? {
            Seen::Value => Ok(true),
            // `value` answers `Null` only for a type that does not hold null, so the
            // contract's answer here is absent or not allowed.
            Seen::Null => match contract::null_in_key(field.value, || self.options) {
                Null::Absent => Ok(false),
                Null::NotAllowed | Null::Value => {
                    self.null_not_allowed(expected);
                    Ok(true)
                }
            },
        }
    }

    fn unknown_key(&mut self, schema: &TypedDictSchema) {
        let severity = match contract::unknown_key(schema.closed, || self.options) {
            UnknownKey::Refused => Severity::Error,
            UnknownKey::Tolerated => Severity::Warning,
        };
        let key = match self.path.last() {
            Some(Step::Key(key)) => key.value(),
            _ => Cow::Borrowed(""),
        };
        self.sink
            .record(severity, ErrorKind::UnknownKey, &self.path, || {
                format!(
                    "unknown key {}: {} does not declare it",
                    Quoted::backticks(&key),
                    schema.name
                )
            });
    }

    fn duplicate_key(&mut self) {
        let key = match self.path.last() {
            Some(Step::Key(key)) => key.value(),
            _ => Cow::Borrowed(""),
        };
        self.error(ErrorKind::DuplicateKey, || {
            format!("key {} appears more than once", Quoted::backticks(&key))
        });
    }

    fn dict(&mut self, key_type: &'static ValueType, value_type: &'static ValueType) -> Result<()> {
        // Keys are checked as the aliased type's, as decode reads them.
        let key_type = key_type.resolved();
        if let ValueType::Literal(literal) = key_type {
            if literal.values.len() <= 64 {
                return self.literal_dict(literal, value_type);
            }
        }
        self.lex.bump();
        let mut keys = DictKeys::new(&self.dict_keys);
        let mut next = self.lex.first_key()?;
        while let Some(raw) = next {
            let key = raw.value();
            let duplicate = keys.insert(&mut self.dict_keys, key.clone());
            self.path.push(Step::Key(raw));
            if duplicate {
                self.duplicate_key();
            }
            if let ValueType::Literal(literal) = key_type {
                self.literal(literal, &key, "key ");
            }
            if let Some(range) = key_type.integer_range() {
                self.int_key(range, &key);
            }
            self.item(value_type)?;
            self.path.pop();
            next = self.lex.next_key()?;
        }
        keys.finish(&mut self.dict_keys);
        Ok(())
    }

    /// A dict keyed by a literal of at most 64 values (`Dict[FindingSeverityType, int]`):
    /// a listed key is found among the values, from where the last one was found on, and
    /// marked in one word, without decoding it or keeping it. Only keys the literal does
    /// not list (an error, or a warning in wire mode for an open one) are kept, to find
    /// them given twice, as [`Walk::dict`] keeps every key. The messages and their order
    /// are [`Walk::dict`]'s.
    fn literal_dict(
        &mut self,
        literal: &'static LiteralSchema,
        value_type: &'static ValueType,
    ) -> Result<()> {
        self.lex.bump();
        let mut listed: u64 = 0;
        let mut unlisted = DictKeys::new(&self.dict_keys);
        let mut hint = 0;
        let mut more = self.lex.first_entry(b'}')?;
        // One step for every key, as in `typed_dict`.
        let depth = self.path.len();
        self.path.push(Step::Index(0));
        while more {
            let (raw, index) =
                self.known_key(literal.values, |value| value, literal.plain_values, hint)?;
            if let Some(step) = self.path.get_mut(depth) {
                *step = Step::Key(raw);
            }
            match index {
                Some(index) => {
                    hint = index + 1;
                    let bit = 1 << index;
                    if listed & bit != 0 {
                        self.duplicate_key();
                    }
                    listed |= bit;
                }
                None => {
                    let key = raw.value();
                    if unlisted.insert(&mut self.dict_keys, key.clone()) {
                        self.duplicate_key();
                    }
                    self.literal(literal, &key, "key ");
                }
            }
            self.item(value_type)?;
            more = self.lex.next_entry(b'}')?;
        }
        self.path.truncate(depth);
        unlisted.finish(&mut self.dict_keys);
        Ok(())
    }

    /// A dict key where an `int` key of `range` belongs: [`contract::int_key`] judges it.
    fn int_key(&mut self, range: &IntegerRange, key: &str) {
        let outcome = contract::int_key(key, range);
        let kind = match outcome {
            IntKey::Int(_) => return,
            IntKey::OutOfRange => ErrorKind::IntegerOutOfRange,
            IntKey::NotAnInteger => ErrorKind::InvalidKey,
        };
        self.error(kind, || {
            contract::IntKeyProblem(key, range, outcome).to_string()
        });
    }

    fn list(&mut self, item_type: &'static ValueType) -> Result<()> {
        self.lex.bump();
        let mut more = self.lex.first_entry(b']')?;
        // One step for every item, as in `typed_dict`.
        let depth = self.path.len();
        self.path.push(Step::Index(0));
        let mut index = 0;
        while more {
            if let Some(step) = self.path.get_mut(depth) {
                *step = Step::Index(index);
            }
            self.item(item_type)?;
            index += 1;
            more = self.lex.next_entry(b']')?;
        }
        self.path.truncate(depth);
        Ok(())
    }

    /// A list item or dict value, where null is never a value.
    fn item(&mut self, item_type: &'static ValueType) -> Result<()> {
        if self.quick(item_type)? {
            return Ok(());
        }
        let expected = Expected::Value(item_type);
        if self.value(expected)? == Seen::Null {
            self.null_not_allowed(expected);
        }
        Ok(())
    }

    fn any_object(&mut self) -> Result<()> {
        self.lex.bump();
        let mut more = self.lex.first_entry(b'}')?;
        while more {
            let key = self.lex.key()?;
            self.path.push(Step::Key(key));
            self.value(Expected::Value(&ValueType::Any))?;
            self.path.pop();
            more = self.lex.next_entry(b'}')?;
        }
        Ok(())
    }

    fn any_list(&mut self) -> Result<()> {
        self.lex.bump();
        let mut more = self.lex.first_entry(b']')?;
        let mut index = 0;
        while more {
            self.path.push(Step::Index(index));
            self.value(Expected::Value(&ValueType::Any))?;
            self.path.pop();
            index += 1;
            more = self.lex.next_entry(b']')?;
        }
        Ok(())
    }
}

/// The keys of one dict seen so far, to find one given twice: the first few are kept in
/// the walk's shared `few` (its `dict_keys`) and compared one by one; past
/// [`FEW_KEYS`], all are hashed (SipHash: keys chosen to collide cannot slow it down).
struct DictKeys<'a> {
    /// Where this dict's keys start in `few`.
    base: usize,
    many: Option<KeySet<'a>>,
}

impl<'a> DictKeys<'a> {
    fn new(few: &[Cow<'a, str>]) -> Self {
        DictKeys {
            base: few.len(),
            many: None,
        }
    }

    /// Adds `key`; whether it was there already.
    fn insert(&mut self, few: &mut Vec<Cow<'a, str>>, key: Cow<'a, str>) -> bool {
        match &mut self.many {
            Some(set) => !set.insert(key),
            None => {
                let duplicate = few[self.base..].iter().any(|seen| same(seen, &key));
                few.push(key);
                if few.len() - self.base > FEW_KEYS {
                    let mut set = KeySet::default();
                    for seen in few.drain(self.base..) {
                        set.insert(seen);
                    }
                    self.many = Some(set);
                }
                duplicate
            }
        }
    }

    /// Gives back the room this dict's keys took in `few`.
    fn finish(self, few: &mut Vec<Cow<'a, str>>) {
        few.truncate(self.base);
    }
}

/// The keys of one object seen so far, for finding a key given twice. Most keys are
/// slices of the input (no escapes): those are held as `&str`, 16 bytes a key rather than
/// a `Cow`'s 24, since an object of millions of short keys makes this set the largest
/// thing a walk holds (it must stay within ten times the input). Keys written with escapes
/// are decoded, owned, and rare.
#[derive(Default)]
struct KeySet<'a> {
    borrowed: HashSet<&'a str>,
    owned: HashSet<String>,
}

impl<'a> KeySet<'a> {
    /// Adds `key`; false if it was there already (however either was spelled).
    fn insert(&mut self, key: Cow<'a, str>) -> bool {
        match key {
            Cow::Borrowed(key) => !self.owned.contains(key) && self.borrowed.insert(key),
            Cow::Owned(key) => !self.borrowed.contains(key.as_str()) && self.owned.insert(key),
        }
    }
}

/// String equality without a library call (see [`same_bytes`]).
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    same_bytes(a.as_bytes(), b.as_bytes())
}

/// `'A', 'B' or 'C'`.
pub(crate) struct Alternatives(pub(crate) &'static [&'static str]);

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

/// The Python name of the JSON type of a value's text, for a `wrong_type` message.
fn json_kind(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'{') => "object",
        Some(b'[') => "list",
        Some(b'"') => "str",
        Some(b't' | b'f') => "bool",
        Some(b'n') => "None",
        _ if text.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) => "float",
        _ => "int",
    }
}

#[cfg(test)]
mod tests {
    use super::same;
    use crate::schema::{FieldSchema, LiteralSchema, TypedDictSchema, ValueType};
    use crate::{DecodeOptions, ErrorKind};

    /// Keys past the 64th are marked in the shared flags rather than in the two words:
    /// duplicates and missing keys are found on both sides of the boundary, in a typed
    /// dict nested in another so that two sets of flags are in use at once.
    #[test]
    fn marks_hold_past_sixty_four_keys() {
        let keys: Vec<&'static str> = (0..70)
            .map(|index| &*Box::leak(format!("k{index}").into_boxed_str()))
            .collect();
        let mut fields: Vec<FieldSchema> = keys
            .iter()
            .map(|key| FieldSchema::new(key, key, &ValueType::Int))
            .collect();
        static INNER: std::sync::OnceLock<&'static TypedDictSchema> = std::sync::OnceLock::new();
        INNER.get_or_init(|| {
            let fields = Box::leak(fields.clone().into_boxed_slice());
            Box::leak(Box::new(TypedDictSchema::new("Inner", fields)))
        });
        static NESTED: std::sync::OnceLock<ValueType> = std::sync::OnceLock::new();
        fn nested() -> &'static TypedDictSchema {
            INNER.get().unwrap()
        }
        let nested_type = NESTED.get_or_init(|| ValueType::TypedDict(nested));
        fields[3] = FieldSchema::new("k3", "k3", nested_type);
        let outer: &'static TypedDictSchema = Box::leak(Box::new(TypedDictSchema::new(
            "Outer",
            Box::leak(fields.into_boxed_slice()),
        )));
        let body = |skip: &[usize], twice: &[usize], nested: bool| {
            let mut entries = Vec::new();
            for index in 0..70 {
                if skip.contains(&index) {
                    continue;
                }
                let value = if index == 3 && nested {
                    let inner: Vec<String> = (0..70)
                        .filter(|&i| i != 66)
                        .map(|i| format!("\"k{i}\":{i}"))
                        .collect();
                    format!("{{{}}}", inner.join(","))
                } else {
                    index.to_string()
                };
                entries.push(format!("\"k{index}\":{value}"));
                if twice.contains(&index) {
                    entries.push(format!("\"k{index}\":{value}"));
                }
            }
            format!("{{{}}}", entries.join(","))
        };
        let json = body(&[1, 69], &[2, 68], true);
        let report = crate::validate_schema(json.as_bytes(), outer, DecodeOptions::strict());
        assert_eq!(
            found(&report),
            [
                (ErrorKind::DuplicateKey, "$.k2"),
                (ErrorKind::MissingKey, "$.k3.k66"),
                (ErrorKind::DuplicateKey, "$.k68"),
                (ErrorKind::MissingKey, "$.k1"),
                (ErrorKind::MissingKey, "$.k69"),
            ]
        );
    }

    fn found(report: &crate::Report) -> Vec<(ErrorKind, &str)> {
        report
            .errors
            .iter()
            .map(|error| (error.kind, error.path.as_str()))
            .collect()
    }

    /// A schema whose keys JSON must escape is never matched where the key lies (the
    /// bytes `a\"b` are not the key `a"b`): its keys are decoded, then compared.
    #[test]
    fn keys_written_with_escapes_are_decoded_before_comparing() {
        static FIELDS: [FieldSchema; 3] = [
            FieldSchema::new("quote", "a\"b", &ValueType::Int),
            FieldSchema::new("backslash", "c\\d", &ValueType::Int),
            FieldSchema::new("tab", "e\tf", &ValueType::Int),
        ];
        static ESCAPED: TypedDictSchema = TypedDictSchema::new("Escaped", &FIELDS);
        static PLAIN: TypedDictSchema = TypedDictSchema::new(
            "Plain",
            &[FieldSchema::new(
                "plain",
                "caf\u{e9} key/1",
                &ValueType::Int,
            )],
        );
        assert!(!ESCAPED.plain_keys && PLAIN.plain_keys);
        for separator in ["\\t", "\\u0009"] {
            let json = format!(r#"{{"a\"b": 1, "c\\d": 2, "e{separator}f": 3}}"#);
            let report = crate::validate_schema(json.as_bytes(), &ESCAPED, DecodeOptions::strict());
            assert!(report.is_valid(), "{json}: {report:?}");
        }
        let json = br#"{"a\"b": 1, "c\\d": 2, "e\tf": 3, "a\u0022b": 4}"#;
        let report = crate::validate_schema(json, &ESCAPED, DecodeOptions::strict());
        assert_eq!(found(&report), [(ErrorKind::DuplicateKey, "$['a\"b']")]);
        // The bytes of a key that needs escaping, written raw, are a different key (or
        // not JSON at all).
        let json = br#"{"a\"b": 1, "c\\d": 2, "e\\tf": 3}"#;
        let report = crate::validate_schema(json, &ESCAPED, DecodeOptions::strict());
        assert_eq!(found(&report), [(ErrorKind::MissingKey, "$['e\tf']")]);
    }

    /// A literal whose values JSON must escape keys a dict as any other: its keys are
    /// decoded, then compared (never matched where they lie).
    #[test]
    fn literal_keys_written_with_escapes_are_decoded_before_comparing() {
        static ODD: LiteralSchema = LiteralSchema::new("Odd", &["a\"b", "plain"]);
        static PLAIN: LiteralSchema = LiteralSchema::new("Plain", &["plain", "caf\u{e9}"]);
        assert!(!ODD.plain_values && PLAIN.plain_values);
        static KEY: ValueType = ValueType::Literal(&ODD);
        static DICT: ValueType = ValueType::Dict(&KEY, &ValueType::Int);
        let json = br#"{"a\"b": 1, "plain": 2, "a\u0022b": 3, "a\\\"b": 4}"#;
        let report = crate::validate_value(json, &DICT, DecodeOptions::strict());
        assert_eq!(
            found(&report),
            [
                (ErrorKind::DuplicateKey, "$['a\"b']"),
                (ErrorKind::InvalidLiteral, "$['a\\\\\"b']"),
            ]
        );
    }

    /// A literal of more than 64 values keys a dict as any literal does, past the
    /// one-word marks (the keys are kept and compared).
    #[test]
    fn literal_keys_past_sixty_four_values() {
        static LITERAL: std::sync::OnceLock<&'static LiteralSchema> = std::sync::OnceLock::new();
        let literal = *LITERAL.get_or_init(|| {
            let values: Vec<&'static str> = (0..70)
                .map(|index| &*Box::leak(format!("v{index}").into_boxed_str()))
                .collect();
            Box::leak(Box::new(LiteralSchema::new(
                "Many",
                Box::leak(values.into_boxed_slice()),
            )))
        });
        let key: &'static ValueType = Box::leak(Box::new(ValueType::Literal(literal)));
        let dict: &'static ValueType = Box::leak(Box::new(ValueType::Dict(key, &ValueType::Int)));
        let json = br#"{"v69": 1, "v0": 2, "v69": 3, "v70": 4, "v65": "x"}"#;
        let report = crate::validate_value(json, dict, DecodeOptions::strict());
        assert_eq!(
            found(&report),
            [
                (ErrorKind::DuplicateKey, "$.v69"),
                (ErrorKind::InvalidLiteral, "$.v70"),
                (ErrorKind::WrongType, "$.v65"),
            ]
        );
    }

    #[test]
    fn same_agrees_with_equality_at_every_length_and_offset() {
        for len in 0..40 {
            let a: String = (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect();
            assert!(same(&a, &a.clone()), "{len}");
            assert!(!same(&a, &format!("{a}x")), "{len}");
            for at in 0..len {
                let mut b = a.clone().into_bytes();
                b[at] = b'Z';
                let b = String::from_utf8(b).unwrap();
                assert!(!same(&a, &b), "{len} at {at}");
            }
        }
    }
}
