//! A second, independent reading of the static schema: a plain recursive checker over a
//! `serde_json::Value` that says which errors a payload has (kind and JSON path, in
//! document order) and, when it has none, which JSON the decoded value must encode to.
//!
//! It shares no code with `typed_dict::validate` or the generated serde impls: timestamps
//! are read with the `time` crate, blobs with the `base64` crate, paths rendered here. The
//! property tests hold the library to it. It cannot see what a `Value` cannot hold
//! (duplicate keys, number spelling), so those are the catalogue's business.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{Map, Number, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use typed_dict::schema::{Bound, Constraints};
use typed_dict::{
    schema::IntegerRange, DecodeOptions, ErrorKind, LiteralSchema, TypedDictSchema, UnionSchema,
    ValueType,
};

/// 0001-01-01T00:00:00Z in epoch seconds.
pub const MIN_SECONDS: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z in epoch seconds.
pub const MAX_SECONDS: i64 = 253_402_300_799;
/// Where epoch seconds as an `f64` still tell every microsecond apart: |t| < 2^32 s,
/// 1833-11-24 to 2106-02-07. Inside it every fractional timestamp is written as a number;
/// outside it those a double cannot carry are written as RFC 3339 strings (unless it was
/// read from a JSON number: that number is written back as it was).
pub const EXACT_FRACTION_SECONDS: std::ops::Range<i64> = -(1 << 32)..(1 << 32);
const MIN_MICROS: i64 = MIN_SECONDS * 1_000_000;
const MAX_MICROS: i64 = MAX_SECONDS * 1_000_000 + 999_999;

/// What the schema says about one payload.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// Every error, in document order (an object's missing keys after its entries).
    pub errors: Vec<(ErrorKind, String)>,
    /// Tolerated surprises, kind and path: unknown keys an open shape allows, and in wire
    /// mode values an open literal type does not list.
    pub warnings: Vec<(ErrorKind, String)>,
    /// With no errors: the JSON the decoded value encodes to.
    pub canonical: Option<Value>,
}

impl Expected {
    /// Whether the payload is valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Checks `json` against `schema` with `options`.
pub fn check(json: &Value, schema: &'static TypedDictSchema, options: DecodeOptions) -> Expected {
    let mut checker = Checker {
        options,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    let canonical = match json {
        Value::Object(map) => checker.typed_dict(map, schema, "$"),
        Value::Null => {
            checker.error(ErrorKind::NullNotAllowed, "$");
            None
        }
        _ => {
            checker.error(ErrorKind::WrongType, "$");
            None
        }
    };
    let canonical = if checker.errors.is_empty() {
        canonical
    } else {
        None
    };
    Expected {
        errors: checker.errors,
        warnings: checker.warnings,
        canonical,
    }
}

/// `path` followed by `key`, as the library renders JSON paths: `.key` for identifiers,
/// `['key']` (with `'` and `\` escaped) for anything else.
pub fn key_path(path: &str, key: &str) -> String {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if identifier {
        format!("{path}.{key}")
    } else {
        let escaped: String = key
            .chars()
            .flat_map(|c| match c {
                '\'' | '\\' => vec!['\\', c],
                c => vec![c],
            })
            .collect();
        format!("{path}['{escaped}']")
    }
}

/// `path` followed by a list index.
pub fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// The instant an RFC 3339 string names, in microseconds, if it is one a `datetime` holds:
/// `T`, `t` or a space between date and time, digits past the microsecond truncated (as
/// CPython's `fromisoformat`), no leap second.
pub fn rfc3339_micros(text: &str) -> Option<i64> {
    // `time` takes any byte between date and time, and a leap second as :59.999999999.
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' '))
        || text.get(17..19) == Some("60")
    {
        return None;
    }
    let parsed = OffsetDateTime::parse(text, &Rfc3339).ok()?;
    let micros = i64::try_from(parsed.unix_timestamp_nanos().div_euclid(1_000)).ok()?;
    (MIN_MICROS..=MAX_MICROS)
        .contains(&micros)
        .then_some(micros)
}

/// The instant epoch seconds name, in microseconds, if a `datetime` holds it: the exact
/// value of the number rounded to the microsecond (halves up), computed in integers.
/// Seconds must lie in `[MIN_SECONDS, MAX_SECONDS + 1)`.
pub fn number_micros(number: &Number) -> Option<i64> {
    if let Some(seconds) = number.as_i64() {
        return (MIN_SECONDS..=MAX_SECONDS)
            .contains(&seconds)
            .then(|| seconds * 1_000_000);
    }
    if number.is_u64() {
        return None; // above i64::MAX seconds
    }
    f64_micros(number.as_f64()?)
}

/// [`number_micros`] of a double.
pub fn f64_micros(seconds: f64) -> Option<i64> {
    if !(MIN_SECONDS as f64..(MAX_SECONDS + 1) as f64).contains(&seconds) {
        return None;
    }
    let bits = seconds.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if exponent == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, exponent - 1075)
    };
    // |seconds| * 10^6 = mantissa * 10^6 * 2^exponent, and |seconds| < 2^38 < 2^52, so
    // the exponent is negative unless the mantissa is zero.
    let scaled = i128::from(mantissa) * 1_000_000;
    let micros = if exponent >= 0 {
        scaled << exponent
    } else {
        let shift = exponent.unsigned_abs();
        let (whole, rest, half) = if shift >= 100 {
            (0, scaled, None)
        } else {
            let whole = scaled >> shift;
            (whole, scaled - (whole << shift), Some(1i128 << (shift - 1)))
        };
        // Round half up (toward +infinity): a half rounds the magnitude up when positive,
        // down when negative.
        let up = match half {
            None => false,
            Some(half) if negative => rest > half,
            Some(half) => rest >= half,
        };
        whole + i128::from(up)
    };
    let micros = if negative { -micros } else { micros };
    let micros = i64::try_from(micros).ok()?;
    (MIN_MICROS..=MAX_MICROS)
        .contains(&micros)
        .then_some(micros)
}

/// How a timestamp is written back: whole seconds as an integer; fractional seconds as a
/// number when that double reads back as the same microsecond, else as an RFC 3339 string
/// in UTC with six digits.
pub fn micros_json(micros: i64) -> Value {
    if micros % 1_000_000 == 0 {
        return Value::from(micros / 1_000_000);
    }
    let seconds = micros as f64 / 1e6;
    if f64_micros(seconds) == Some(micros) {
        return Value::from(seconds);
    }
    let at =
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000).expect("in range");
    Value::from(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second(),
        at.microsecond()
    ))
}

/// Whether `null` is one of the values of `ty`: Python's `None` is one of `Any`, of
/// `X | None` and of `None`, and of a union or alias of such a type.
fn holds_null(ty: &ValueType) -> bool {
    match ty {
        ValueType::Any | ValueType::Nullable(_) | ValueType::None => true,
        ValueType::Alias(alias) => holds_null(alias.target),
        ValueType::Union(union) => union.members.iter().any(holds_null),
        ValueType::Custom(custom) => holds_null(custom.base),
        _ => false,
    }
}

/// The constraints a valid `value` of `ty`, at `path`, breaks: one path per broken
/// constraint, the value's own first (at `path`), then its items' and entries' in order
/// (a dict's key's at its entry's path, before its value's). Measured on the JSON value: a
/// string's characters and its whole match of the pattern (with a regex compiled here), a
/// list's items, an object's entries, a blob's decoded bytes, a number against `ge` and
/// `le` (exact between integers, as doubles otherwise); a dict's key as its string, or as
/// the integer it stands for when the key type is an integer's.
fn broken_constraints(
    value: &Value,
    ty: &ValueType,
    constraints: &Constraints,
    path: &str,
    found: &mut Vec<String>,
) {
    let length = |count: usize| {
        let count = count as u64;
        usize::from(constraints.min_length.is_some_and(|min| count < min))
            + usize::from(constraints.max_length.is_some_and(|max| count > max))
    };
    let ty = match ty.resolved() {
        ValueType::Custom(custom) => custom.base,
        other => other,
    };
    let mut below = Vec::new();
    let own = match (ty, value) {
        (ValueType::Str | ValueType::Literal(_), Value::String(text)) => {
            let pattern = constraints.pattern.map_or(0, |pattern| {
                let whole = format!("^(?:{})$", pattern.as_str());
                let matches = regex::Regex::new(&whole).is_ok_and(|regex| regex.is_match(text));
                usize::from(!matches)
            });
            length(text.chars().count()) + pattern
        }
        (ValueType::Blob, Value::String(text)) => {
            STANDARD.decode(text).map_or(0, |bytes| length(bytes.len()))
        }
        (ValueType::Nullable(inner), _) => {
            return broken_constraints(value, inner, constraints, path, found);
        }
        (
            ValueType::Sequence(item_type) | ValueType::List(item_type) | ValueType::Set(item_type),
            Value::Array(items),
        ) => {
            if let Some(each) = constraints.items {
                for (index, item) in items.iter().enumerate() {
                    broken_constraints(item, item_type, each, &index_path(path, index), &mut below);
                }
            }
            length(items.len())
        }
        (
            ValueType::Dict(key_type, value_type) | ValueType::Mapping(key_type, value_type),
            Value::Object(entries),
        ) => {
            for (key, item) in entries {
                let here = key_path(path, key);
                if let Some(keys) = constraints.keys {
                    let key_value = match key_type.resolved().integer_range() {
                        Some(_) => serde_json::from_str(key).unwrap_or(Value::Null),
                        None => Value::String(key.clone()),
                    };
                    broken_constraints(&key_value, key_type, keys, &here, &mut below);
                }
                if let Some(values) = constraints.values {
                    broken_constraints(item, value_type, values, &here, &mut below);
                }
            }
            length(entries.len())
        }
        (
            ValueType::Int | ValueType::Integer(_) | ValueType::Float | ValueType::Float32,
            Value::Number(number),
        ) => {
            let below = |bound: Bound| match (bound, number.as_i64(), number.as_u64()) {
                (Bound::Int(bound), Some(int), _) => i128::from(int) < bound,
                (Bound::Int(bound), None, Some(int)) => i128::from(int) < bound,
                (bound, ..) => number.as_f64().is_some_and(|float| float < bound.as_f64()),
            };
            let above = |bound: Bound| match (bound, number.as_i64(), number.as_u64()) {
                (Bound::Int(bound), Some(int), _) => i128::from(int) > bound,
                (Bound::Int(bound), None, Some(int)) => i128::from(int) > bound,
                (bound, ..) => number.as_f64().is_some_and(|float| float > bound.as_f64()),
            };
            usize::from(constraints.ge.is_some_and(below))
                + usize::from(constraints.le.is_some_and(above))
        }
        _ => 0,
    };
    found.extend(std::iter::repeat_n(path.to_owned(), own));
    found.append(&mut below);
}

struct Checker {
    options: DecodeOptions,
    errors: Vec<(ErrorKind, String)>,
    warnings: Vec<(ErrorKind, String)>,
}

impl Checker {
    fn error(&mut self, kind: ErrorKind, path: &str) {
        self.errors.push((kind, path.to_owned()));
    }

    /// Whether `text` is a value of `literal` here: listed, or (an open literal in wire
    /// mode) kept with a warning. An error otherwise.
    /// A dict key where an `int` key belongs: an int's key when std parses it to an
    /// integer that prints back as the key itself (so not `+1`, `01`, `-0`, ` 1`), then
    /// within the Rust type's range or `integer_out_of_range`; `invalid_key` otherwise. A
    /// key of more digits than `i128` holds is an int's, when it has no leading zero, and
    /// out of every range.
    fn int_key(&mut self, key: &str, range: &IntegerRange, path: &str) {
        match key.parse::<i128>() {
            Ok(value) if value.to_string() == key => {
                if !(range.min <= value && value <= range.max) {
                    self.error(ErrorKind::IntegerOutOfRange, path);
                }
            }
            Ok(_) => self.error(ErrorKind::InvalidKey, path),
            Err(_) => {
                let digits = key.strip_prefix('-').unwrap_or(key);
                let huge = digits.len() > 38
                    && !digits.starts_with('0')
                    && digits.bytes().all(|b| b.is_ascii_digit());
                let kind = if huge {
                    ErrorKind::IntegerOutOfRange
                } else {
                    ErrorKind::InvalidKey
                };
                self.error(kind, path);
            }
        }
    }

    fn literal(&mut self, literal: &LiteralSchema, text: &str, path: &str) -> bool {
        if literal.values.contains(&text) {
            true
        } else if literal.open && self.options.is_wire() {
            self.warnings
                .push((ErrorKind::UnknownLiteral, path.to_owned()));
            true
        } else {
            self.error(ErrorKind::InvalidLiteral, path);
            false
        }
    }

    fn typed_dict(
        &mut self,
        map: &Map<String, Value>,
        schema: &'static TypedDictSchema,
        path: &str,
    ) -> Option<Value> {
        let wire = self.options.is_wire();
        let mut out = Map::new();
        let mut present = vec![false; schema.fields.len()];
        for (key, value) in map {
            let here = key_path(path, key);
            match schema.fields.iter().position(|field| field.key == key) {
                Some(index) => {
                    let field = &schema.fields[index];
                    // `null` is a value of what holds it (`Any`, `X | None`, `None`), in both
                    // modes.
                    if value.is_null() && !holds_null(field.value) {
                        if !wire {
                            self.error(ErrorKind::NullNotAllowed, &here);
                            present[index] = true;
                        }
                        continue;
                    }
                    present[index] = true;
                    let errors_before = self.errors.len();
                    if let Some(canonical) = self.value(value, field.value, &here) {
                        out.insert(key.clone(), canonical);
                    }
                    // A value with no other problem is measured against its constraints.
                    if let (true, Some(constraints)) = (self.options.constraints, field.constraints)
                    {
                        if self.errors.len() == errors_before {
                            let mut broken = Vec::new();
                            broken_constraints(value, field.value, constraints, &here, &mut broken);
                            for at in broken {
                                self.error(ErrorKind::ConstraintViolation, &at);
                            }
                        }
                    }
                }
                None if schema.extra_items.is_some() => {
                    out.insert(key.clone(), value.clone());
                }
                None if schema.closed || self.options.deny_unknown => {
                    self.error(ErrorKind::UnknownKey, &here);
                }
                None => self.warnings.push((ErrorKind::UnknownKey, here)),
            }
        }
        for (field, present) in schema.fields.iter().zip(present) {
            if !present && field.required && !(wire && field.wire_optional) {
                self.error(ErrorKind::MissingKey, &key_path(path, field.key));
            }
        }
        Some(Value::Object(out))
    }

    /// A union's value: the first member that accepts it. When none does: one wrong type
    /// if every member rejects only the JSON type, otherwise the errors of the member with
    /// the fewest (the first on a tie).
    fn union(&mut self, value: &Value, union: &'static UnionSchema, path: &str) -> Option<Value> {
        let mut attempts = Vec::new();
        for member in union.members {
            let mut attempt = Checker {
                options: self.options,
                errors: Vec::new(),
                warnings: Vec::new(),
            };
            let canonical = attempt.value(value, member, path);
            if attempt.errors.is_empty() {
                self.warnings.append(&mut attempt.warnings);
                return canonical;
            }
            attempts.push(attempt);
        }
        let wrong_type = [(ErrorKind::WrongType, path.to_owned())];
        if attempts.iter().all(|attempt| attempt.errors == wrong_type) {
            self.error(ErrorKind::WrongType, path);
            return None;
        }
        let mut closest = attempts
            .into_iter()
            .enumerate()
            .min_by_key(|(index, attempt)| (attempt.errors.len(), *index))
            .map(|(_, attempt)| attempt)?;
        self.errors.append(&mut closest.errors);
        self.warnings.append(&mut closest.warnings);
        None
    }

    /// Checks a list item or dict value, where `null` is never a value (but for what
    /// holds it).
    fn item(&mut self, value: &Value, ty: &'static ValueType, path: &str) -> Option<Value> {
        if value.is_null() && !holds_null(ty) {
            self.error(ErrorKind::NullNotAllowed, path);
            return None;
        }
        self.value(value, ty, path)
    }

    /// Checks a non-null value (or any value of `Any`).
    fn value(&mut self, value: &Value, ty: &'static ValueType, path: &str) -> Option<Value> {
        let wrong = |checker: &mut Checker| {
            checker.error(ErrorKind::WrongType, path);
            None
        };
        match (ty, value) {
            (ValueType::Any, _) => Some(value.clone()),
            (ValueType::Str, Value::String(_)) | (ValueType::Bool, Value::Bool(_)) => {
                Some(value.clone())
            }
            (ValueType::Int, Value::Number(number)) => {
                if number.is_i64() {
                    Some(value.clone())
                } else if number.is_u64() {
                    self.error(ErrorKind::IntegerOutOfRange, path);
                    None
                } else {
                    // A float is the double it reads as: out of range beyond i64
                    // (-2^63 itself is i64::MIN), else a float, which an int is not.
                    let float = number.as_f64().unwrap_or(f64::NAN);
                    let huge = !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0)
                        .contains(&float);
                    let kind = if huge {
                        ErrorKind::IntegerOutOfRange
                    } else {
                        ErrorKind::WrongType
                    };
                    self.error(kind, path);
                    None
                }
            }
            (ValueType::Integer(range), Value::Number(number)) => {
                let exact =
                    (number.as_i64().map(i128::from)).or_else(|| number.as_u64().map(i128::from));
                match exact {
                    Some(int) if range.min <= int && int <= range.max => Some(value.clone()),
                    Some(_) => {
                        self.error(ErrorKind::IntegerOutOfRange, path);
                        None
                    }
                    None => {
                        // A float is the double it reads as: a float (a wrong type) when it
                        // lies within the range, out of range when past either end. Its
                        // floor and ceiling are whole, so compare those (as `i128`, which
                        // holds every double of interest; the casts saturate beyond).
                        let float = number.as_f64().unwrap_or(f64::NAN);
                        let within = float.is_finite()
                            && range.min <= float.floor() as i128
                            && float.ceil() as i128 <= range.max;
                        let kind = if within {
                            ErrorKind::WrongType
                        } else {
                            ErrorKind::IntegerOutOfRange
                        };
                        self.error(kind, path);
                        None
                    }
                }
            }
            (ValueType::Float, Value::Number(number)) => number.as_f64().map(Value::from),
            (ValueType::Float32, Value::Number(number)) => {
                // The nearest `f32` of the double (typed-dict reads the text in one
                // rounding; the two differ only within a hair of a halfway point). It
                // encodes as its shortest spelling, which reads back as this double.
                match number.as_f64().map(|float| float as f32) {
                    Some(single) if single.is_finite() => {
                        let shortest: f64 = single.to_string().parse().unwrap_or(f64::NAN);
                        Some(Value::from(shortest))
                    }
                    _ => {
                        self.error(ErrorKind::NumberOutOfRange, path);
                        None
                    }
                }
            }
            (ValueType::Timestamp, Value::Number(number)) => match number_micros(number) {
                // A double is written back as it was read; an integer stays an integer.
                Some(_) if number.is_f64() => Some(value.clone()),
                Some(micros) => Some(micros_json(micros)),
                None => {
                    self.error(ErrorKind::InvalidTimestamp, path);
                    None
                }
            },
            (ValueType::Timestamp, Value::String(text)) => match rfc3339_micros(text) {
                Some(micros) => Some(micros_json(micros)),
                None => {
                    self.error(ErrorKind::InvalidTimestamp, path);
                    None
                }
            },
            (ValueType::Blob, Value::String(text)) => match STANDARD.decode(text) {
                Ok(bytes) => Some(Value::String(STANDARD.encode(bytes))),
                Err(_) => {
                    self.error(ErrorKind::InvalidBase64, path);
                    None
                }
            },
            (ValueType::Literal(literal), Value::String(text)) => {
                self.literal(literal, text, path).then(|| value.clone())
            }
            (ValueType::Nullable(_) | ValueType::None, Value::Null) => Some(Value::Null),
            (ValueType::Nullable(inner), _) => self.value(value, inner, path),
            // No JSON value is a Python-only type's.
            (ValueType::PythonOnly(_), _) => wrong(self),
            (
                ValueType::Sequence(item) | ValueType::List(item) | ValueType::Set(item),
                Value::Array(items),
            ) => {
                let mut out = Vec::with_capacity(items.len());
                for (index, value) in items.iter().enumerate() {
                    if let Some(canonical) = self.item(value, item, &index_path(path, index)) {
                        out.push(canonical);
                    }
                }
                Some(Value::Array(out))
            }
            (
                ValueType::Dict(key_type, value_type) | ValueType::Mapping(key_type, value_type),
                Value::Object(map),
            ) => {
                let mut out = Map::new();
                for (key, value) in map {
                    let here = key_path(path, key);
                    if let ValueType::Literal(literal) = key_type {
                        self.literal(literal, key, &here);
                    }
                    if let Some(range) = key_type.resolved().integer_range() {
                        self.int_key(key, range, &here);
                    }
                    if let Some(canonical) = self.item(value, value_type, &here) {
                        out.insert(key.clone(), canonical);
                    }
                }
                Some(Value::Object(out))
            }
            (ValueType::TypedDict(schema), Value::Object(map)) => {
                self.typed_dict(map, schema(), path)
            }
            (ValueType::Alias(alias), _) => self.value(value, alias.target, path),
            (ValueType::Union(union), _) => self.union(value, union, path),
            // A type of one's own: its check (its own `Deserialize`) judges the value's
            // text; a refused value not of the base JSON type is a wrong type.
            (ValueType::Custom(custom), _) => match custom.check(&value.to_string()) {
                // Written back in the type's own canonical form (`"E213::1"` → `"e213::1"`).
                Ok(()) => Some(
                    custom
                        .canonical(&value.to_string())
                        .and_then(|text| serde_json::from_str(&text).ok())
                        .unwrap_or_else(|| value.clone()),
                ),
                Err(_) => {
                    let of_base = match (custom.base, value) {
                        (ValueType::Any, _)
                        | (ValueType::Str | ValueType::Blob, Value::String(_))
                        | (ValueType::Bool, Value::Bool(_)) => true,
                        (ValueType::Int | ValueType::Integer(_), Value::Number(number)) => {
                            number.is_i64() || number.is_u64()
                        }
                        (ValueType::Float | ValueType::Float32, Value::Number(_)) => true,
                        _ => false,
                    };
                    let kind = if of_base {
                        ErrorKind::InvalidValue
                    } else {
                        ErrorKind::WrongType
                    };
                    self.error(kind, path);
                    None
                }
            },
            _ => wrong(self),
        }
    }
}
