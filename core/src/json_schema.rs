//! JSON Schema (draft 2020-12) derived from the static schema.
//!
//! Typed dicts and literals become `$defs` referenced by name (unions and aliases too when
//! they hold themselves; otherwise they are written where they are used); Required keys are
//! `required`; `additionalProperties` follows open or closed; timestamps are a number of
//! epoch seconds in range or a string matching [`RFC3339_PATTERN`] (not `format:
//! date-time`, which refuses the space Python writes and `validate` accepts); blobs are
//! base64 strings; an integer has its Rust type's `minimum` and `maximum` (`0` and `255`
//! for `u8`), an `f32` the bounds of what reads as a finite one.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value as Json};

use crate::options::Mode;
use crate::schema::{IntegerRange, TypedDictSchema, ValueType};
use crate::Timestamp;

/// 2^128 - 2^103, halfway between `f32::MAX` and 2^128: the least value that rounds to
/// infinity as an `f32` (ties go to the even mantissa, which is 2^128's), exact as an `f64`.
const F32_ROUNDS_TO_INFINITY: f64 = 340_282_356_779_733_661_637_539_395_458_142_568_448.0;

/// The timestamp strings `validate` accepts, as far as a pattern can say: RFC 3339 with
/// `T`, `t` or a space between date and time (Python's `str(datetime)` writes a space,
/// which `format: date-time` checkers refuse, so this one pattern covers both forms), any
/// number of fractional digits, `Z` or an offset. Only fields that exist: years 0001 to
/// 9999, months 01 to 12, the days each month has (February 29 in leap years only), hours
/// 00 to 23, minutes and seconds 00 to 59 (no leap second), offsets to 23:59.
///
/// What it cannot say: that the instant, offset applied, lies in years 1 to 9999
/// (`0001-01-01T00:00:00+01:00` is year 0 in UTC, which `validate` refuses).
pub const RFC3339_PATTERN: &str = concat!(
    "^(?:",
    // Any year but 0000, and a day its month has (February to the 28th)...
    "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-",
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    // ...or February 29 of a leap year: divisible by 4, and by 400 when by 100.
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)-02-29",
    ")",
    "[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?",
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$",
);

const RFC3339_DESCRIPTION: &str = "RFC 3339 date-time; 'T', 't' or a space between date and time; digits past the microsecond are truncated. The pattern admits only dates that exist, hours to 23, minutes and seconds to 59 and offsets to 23:59; the instant, offset applied, must also lie in years 1 to 9999 (not expressed by the pattern).";

const OPEN_LITERAL_DESCRIPTION: &str = "Open literal: the known values are listed under `examples`; in wire mode any other string is accepted too (the service added it after the declaration was written) and reported as an `unknown_literal` warning.";

/// The draft every generated schema declares.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A schema document for one typed dict: `$ref` to its definition, with the definitions
/// of everything it reaches.
///
/// In [`Mode::Wire`], keys declared `wire_optional` are not `required`, any key may be
/// `null` (botocore drops nulls), and an open literal type is any string (its known values
/// given as `examples`), as `validate` accepts it there.
///
/// ```
/// use typed_dict::json_schema::{for_type_def, DRAFT};
/// use typed_dict::{typed_dict, Mode, TypedDict};
///
/// #[typed_dict]
/// pub struct PageTypeDef {
///     pub items: Vec<String>,
///     #[typed_dict(wire_optional)]
///     pub next_token: Option<String>,
/// }
///
/// let strict = for_type_def(PageTypeDef::schema(), Mode::Strict);
/// assert_eq!(strict["$schema"], DRAFT);
/// assert_eq!(strict["$ref"], "#/$defs/PageTypeDef");
/// let definition = &strict["$defs"]["PageTypeDef"];
/// assert_eq!(definition["required"], serde_json::json!(["items", "nextToken"]));
/// let wire = for_type_def(PageTypeDef::schema(), Mode::Wire);
/// assert_eq!(wire["$defs"]["PageTypeDef"]["required"], serde_json::json!(["items"]));
/// ```
pub fn for_type_def(schema: &'static TypedDictSchema, mode: Mode) -> Json {
    let mut defs = Definitions::new(mode);
    defs.typed_dict(schema);
    json!({
        "$schema": DRAFT,
        "title": schema.name,
        "$ref": format!("#/$defs/{}", schema.name),
        "$defs": defs.into_json(),
    })
}

/// A schema document holding the definitions of every given typed dict (and all they
/// reach) under `$defs`.
///
/// ```
/// use typed_dict::json_schema::for_all;
/// use typed_dict::{typed_dict, Mode, TypedDict};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// #[typed_dict]
/// pub struct ImageTypeDef {
///     pub tags: Option<Vec<TagTypeDef>>,
/// }
///
/// let document = for_all([ImageTypeDef::schema()], Mode::Strict);
/// let defs = document["$defs"].as_object().unwrap();
/// assert!(defs.contains_key("ImageTypeDef") && defs.contains_key("TagTypeDef"));
/// ```
pub fn for_all(schemas: impl IntoIterator<Item = &'static TypedDictSchema>, mode: Mode) -> Json {
    let mut defs = Definitions::new(mode);
    for schema in schemas {
        defs.typed_dict(schema);
    }
    json!({ "$schema": DRAFT, "$defs": defs.into_json() })
}

struct Definitions {
    mode: Mode,
    defs: BTreeMap<&'static str, Json>,
    /// The unions and aliases being written inline, innermost last.
    open: Vec<&'static str>,
    /// Those among them met again inside themselves: each becomes a definition.
    recursive: BTreeSet<&'static str>,
}

impl Definitions {
    fn new(mode: Mode) -> Self {
        Definitions {
            mode,
            defs: BTreeMap::new(),
            open: Vec::new(),
            recursive: BTreeSet::new(),
        }
    }

    /// A union's or alias's schema, written inline where it is used, unless it holds
    /// itself (`Expr = Union[str, List[Expr]]`): inline, that would never end, so it
    /// becomes a definition of its own, titled with its name and referred to wherever it
    /// is used.
    fn named(&mut self, name: &'static str, inline: impl FnOnce(&mut Self) -> Json) -> Json {
        let reference = json!({ "$ref": format!("#/$defs/{name}") });
        if self.defs.contains_key(name) {
            return reference;
        }
        if self.open.contains(&name) {
            self.recursive.insert(name);
            return reference;
        }
        self.open.push(name);
        let mut schema = inline(self);
        self.open.pop();
        if !self.recursive.contains(name) {
            return schema;
        }
        if let Json::Object(object) = &mut schema {
            object.insert("title".to_owned(), Json::from(name));
        }
        self.defs.insert(name, schema);
        reference
    }

    fn into_json(self) -> Json {
        Json::Object(
            self.defs
                .into_iter()
                .map(|(name, def)| (name.to_owned(), def))
                .collect(),
        )
    }

    fn typed_dict(&mut self, schema: &'static TypedDictSchema) -> Json {
        let reference = json!({ "$ref": format!("#/$defs/{}", schema.name) });
        if self.defs.contains_key(schema.name) {
            return reference;
        }
        // Reserve the name first, so recursive shapes terminate.
        self.defs.insert(schema.name, Json::Null);
        let wire = self.mode == Mode::Wire;
        let mut properties = Map::new();
        let mut required = Vec::new();
        for field in schema.fields {
            let mut value = self.value(field.value);
            if let Some(constraints) = field.constraints {
                crate::constraint::annotate(&mut value, field.value, constraints);
            }
            if wire {
                // if/else rather than anyOf: a validator then reports a wrong value at its
                // own path instead of "matches none of the alternatives" at the key.
                value = json!({ "if": { "type": "null" }, "else": value });
            }
            properties.insert(field.key.to_owned(), value);
            if field.required && !(wire && field.wire_optional) {
                required.push(Json::from(field.key));
            }
        }
        let open = !schema.closed || schema.extra_items.is_some();
        let def = json!({
            "type": "object",
            "title": schema.name,
            "properties": properties,
            "required": required,
            "additionalProperties": open,
        });
        self.defs.insert(schema.name, def);
        reference
    }

    fn value(&mut self, value: &'static ValueType) -> Json {
        match value {
            ValueType::Str => json!({ "type": "string" }),
            ValueType::Int | ValueType::Integer(_) => {
                let range = value.integer_range().unwrap_or(&IntegerRange::I64);
                // Every range lies within `i64::MIN..=u64::MAX`, which JSON numbers hold.
                let (min, max) = (range.min as i64, range.max as u64);
                json!({ "type": "integer", "minimum": min, "maximum": max })
            }
            ValueType::Float => json!({ "type": "number" }),
            // What reads as a finite `f32`: below the halfway point between `f32::MAX` and
            // 2^128, where rounding would give infinity (so `3.4028235e38`, the shortest
            // spelling of `f32::MAX` and more than it, is in).
            ValueType::Float32 => json!({
                "type": "number",
                "exclusiveMinimum": -F32_ROUNDS_TO_INFINITY,
                "exclusiveMaximum": F32_ROUNDS_TO_INFINITY,
            }),
            ValueType::Bool => json!({ "type": "boolean" }),
            ValueType::Timestamp => json!({
                "anyOf": [
                    { "type": "number", "minimum": Timestamp::MIN_SECONDS, "exclusiveMaximum": Timestamp::MAX_SECONDS + 1 },
                    {
                        "type": "string",
                        "pattern": RFC3339_PATTERN,
                        "description": RFC3339_DESCRIPTION,
                    }
                ]
            }),
            ValueType::Blob => json!({
                "type": "string",
                "contentEncoding": "base64",
                "pattern": "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
            }),
            ValueType::Sequence(item) | ValueType::List(item) | ValueType::Set(item) => {
                json!({ "type": "array", "items": self.value(item) })
            }
            ValueType::Nullable(inner) => {
                json!({ "anyOf": [self.value(inner), { "type": "null" }] })
            }
            ValueType::None => json!({ "type": "null" }),
            // No JSON value is one: only an absent key (or a nullable one's `null`) is valid.
            ValueType::PythonOnly(python_only) => json!({
                "not": {},
                "title": python_only.name,
                "description": format!("{}: a Python-only type, with no JSON form", python_only.python),
            }),
            ValueType::Dict(key, item) | ValueType::Mapping(key, item) => {
                // An integer key is a string of the digits `str(int)` writes, within the
                // key type's range: a pattern says both.
                let names = match key.resolved().integer_range() {
                    Some(range) => json!({ "type": "string", "pattern": int_key_pattern(range) }),
                    None => self.value(key),
                };
                json!({
                    "type": "object",
                    "propertyNames": names,
                    "additionalProperties": self.value(item),
                })
            }
            ValueType::TypedDict(schema) => self.typed_dict(schema()),
            ValueType::Literal(literal) => {
                let wire = self.mode == Mode::Wire;
                self.defs.entry(literal.name).or_insert_with(|| {
                    if literal.open && wire {
                        // What `validate` does in wire mode: any string, the unlisted ones
                        // reported as `unknown_literal` warnings.
                        json!({
                            "type": "string",
                            "title": literal.name,
                            "examples": literal.values,
                            "description": OPEN_LITERAL_DESCRIPTION,
                        })
                    } else {
                        json!({ "type": "string", "title": literal.name, "enum": literal.values })
                    }
                });
                json!({ "$ref": format!("#/$defs/{}", literal.name) })
            }
            ValueType::Union(union) => self.named(union.name, |this| {
                json!({
                    "anyOf": union.members.iter().map(|member| this.value(member)).collect::<Vec<_>>(),
                })
            }),
            ValueType::Alias(alias) => self.named(alias.name, |this| this.value(alias.target)),
            ValueType::Any => json!(true),
            // The base's schema, with the format that applies (`uuid`, `ipv4`, `uri`).
            ValueType::Custom(custom) => {
                let mut base = self.value(custom.base);
                if let (Some(format), Some(object)) = (custom.format, base.as_object_mut()) {
                    object.insert("format".to_owned(), json!(format));
                } else if std::ptr::eq(*custom, &crate::foreign::IP) {
                    base["anyOf"] = json!([{ "format": "ipv4" }, { "format": "ipv6" }]);
                }
                base
            }
        }
    }
}

/// The pattern of a dict's integer keys of `range`: the decimal numerals `str(int)` writes
/// (no sign but `-`, no leading zero, not `-0`) of the integers in the range, exactly.
pub(crate) fn int_key_pattern(range: &IntegerRange) -> String {
    let mut alternatives = Vec::new();
    if range.min <= 0 && 0 <= range.max {
        alternatives.push("0".to_owned());
    }
    if range.max > 0 {
        let low = range.min.max(1).unsigned_abs();
        let numerals = numerals_between(low, range.max.unsigned_abs());
        alternatives.push(format!("(?:{numerals})"));
    }
    if range.min < 0 {
        let low = range.max.min(-1).unsigned_abs();
        let numerals = numerals_between(low, range.min.unsigned_abs());
        alternatives.push(format!("-(?:{numerals})"));
    }
    format!("^(?:{})$", alternatives.join("|"))
}

/// A regex alternation of the numerals of `low` to `high` (`1 <= low <= high`, as a
/// `keys(ge = ..)` bound narrows a type's range), without leading zeros: those up to
/// `high` when `low` is 1, else those of each length between the bounds, digit by digit.
fn numerals_between(low: u128, high: u128) -> String {
    if low <= 1 {
        return numerals_up_to(high);
    }
    let (low_digits, high_digits) = (low.to_string().len(), high.to_string().len());
    let mut alternatives = Vec::new();
    for length in low_digits..=high_digits {
        let from = if length == low_digits {
            low.to_string()
        } else {
            format!("1{}", "0".repeat(length - 1))
        };
        let to = if length == high_digits {
            high.to_string()
        } else {
            "9".repeat(length)
        };
        alternatives.push(same_length_numerals(&from, &to));
    }
    alternatives.join("|")
}

/// The numerals from `low` to `high`, of the same length: the shared first digit then the
/// rest's range, or the first digit's own range split in three (`low`'s first digit, the
/// digits between, `high`'s first digit).
fn same_length_numerals(low: &str, high: &str) -> String {
    let class = |a: u8, b: u8| match a == b {
        true => char::from(a).to_string(),
        false => format!("[{}-{}]", char::from(a), char::from(b)),
    };
    let (first_low, first_high) = (low.as_bytes()[0], high.as_bytes()[0]);
    let (rest_low, rest_high) = (&low[1..], &high[1..]);
    let rest = rest_low.len();
    let any_rest = |first: String| match rest {
        0 => first,
        _ => format!("{first}[0-9]{{{rest}}}"),
    };
    if rest_low.bytes().all(|d| d == b'0') && rest_high.bytes().all(|d| d == b'9') {
        return any_rest(class(first_low, first_high));
    }
    if first_low == first_high {
        let tail = same_length_numerals(rest_low, rest_high);
        return format!("{}(?:{tail})", char::from(first_low));
    }
    let mut alternatives = vec![format!(
        "{}(?:{})",
        char::from(first_low),
        same_length_numerals(rest_low, &"9".repeat(rest))
    )];
    if first_high - first_low > 1 {
        alternatives.push(any_rest(class(first_low + 1, first_high - 1)));
    }
    alternatives.push(format!(
        "{}(?:{})",
        char::from(first_high),
        same_length_numerals(&"0".repeat(rest), rest_high)
    ));
    alternatives.join("|")
}

/// A regex alternation of the numerals of 1 to `max` (at least 1), without leading zeros:
/// every shorter numeral, then those as long as `max` that are no greater, digit by digit.
fn numerals_up_to(max: u128) -> String {
    let digits = max.to_string();
    let mut alternatives = Vec::new();
    if digits.len() > 1 {
        alternatives.push(format!("[1-9][0-9]{{0,{}}}", digits.len() - 2));
    }
    for (at, digit) in digits.bytes().enumerate() {
        let lowest = if at == 0 { b'1' } else { b'0' };
        if digit > lowest {
            let below = char::from(digit - 1);
            let class = if below == char::from(lowest) {
                below.to_string()
            } else {
                format!("[{}-{below}]", char::from(lowest))
            };
            let rest = digits.len() - at - 1;
            let tail = if rest == 0 {
                String::new()
            } else {
                format!("[0-9]{{{rest}}}")
            };
            alternatives.push(format!("{}{class}{tail}", &digits[..at]));
        }
    }
    alternatives.push(digits);
    alternatives.join("|")
}

#[cfg(test)]
mod tests {
    use super::int_key_pattern;
    use crate::schema::IntegerRange;

    /// The pattern of a narrowed range matches exactly the numerals of its integers, for
    /// every pair of bounds in a span crossing zero and several digit lengths.
    #[test]
    fn a_narrowed_key_pattern_matches_exactly_its_numerals() {
        let bounds = [
            -1200, -101, -100, -99, -10, -9, -2, -1, 0, 1, 2, 9, 10, 11, 99, 100, 101, 345, 1000,
            1200,
        ];
        for &min in &bounds {
            for &max in bounds.iter().filter(|&&max| max >= min) {
                let range = IntegerRange {
                    min,
                    max,
                    ..IntegerRange::I64
                };
                let pattern = int_key_pattern(&range);
                let regex = regex_lite::Regex::new(&pattern).unwrap();
                for n in -1300i128..=1300 {
                    assert_eq!(
                        regex.is_match(&n.to_string()),
                        (min..=max).contains(&n),
                        "{n} in {min}..={max}: {pattern}"
                    );
                }
                for odd in ["-0", "01", "+1", "", "00"] {
                    assert!(!regex.is_match(odd), "{odd:?}: {pattern}");
                }
            }
        }
    }
}
