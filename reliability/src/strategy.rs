//! proptest strategies derived from the static schema: one function from a
//! `&'static TypedDictSchema` (or a `&'static ValueType`) to a strategy of JSON values
//! that are valid for it, instead of 124 hand-written generators.
//!
//! Values cover what the wire carries: Required keys always present, NotRequired keys
//! randomly present; in wire mode also `null`s and absent `wire_optional` keys; literal
//! values; timestamps as whole seconds, milliseconds and microseconds as numbers and as
//! RFC 3339 strings with offsets; `i64` extremes; floats that round-trip exactly
//! (subnormals, the largest finite, `-0.0`, `9.8`); unicode keys and values; empty lists
//! and maps; base64 blobs of random bytes; unknown keys in open typed dicts.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Map, Value};
use time::{OffsetDateTime, UtcOffset};
use typed_dict::{LiteralSchema, Mode, TypedDictSchema, ValueType};

use crate::reference::{MAX_SECONDS, MIN_SECONDS};

/// How deep nested typed dicts go before NotRequired keys stop being generated.
pub const MAX_DEPTH: u32 = 5;

/// Strings: identifiers, unicode of every plane (control characters, quotes and
/// backslashes included), and a few that matter to JSON.
pub fn string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9._/:@-]{0,12}",
        3 => prop::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
        1 => select(&[
            "",
            "\"",
            "\\",
            "\u{0}",
            "\u{1f}",
            "\u{7f}",
            "é",
            "日本語",
            "💥",
            "\u{2028}\u{2029}",
            "\u{feff}",
            "sha256:0123456789abcdef",
        ][..])
        .prop_map(str::to_owned),
    ]
    .boxed()
}

/// Any `i64`, with the extremes and small numbers likelier.
pub fn int() -> BoxedStrategy<i64> {
    prop_oneof![
        2 => any::<i64>(),
        1 => select(&[i64::MIN, i64::MIN + 1, -1, 0, 1, i64::MAX - 1, i64::MAX][..]),
        2 => -1000i64..1000,
    ]
    .boxed()
}

/// Finite floats, whose shortest representation parses back to the same bits.
pub fn float() -> BoxedStrategy<f64> {
    use proptest::num::f64 as f;
    prop_oneof![
        3 => f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        1 => select(&[
            9.8,
            0.1,
            -0.0,
            0.0,
            1.0,
            3.0,
            1e300,
            -1e-300,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            5e-324,
            9_007_199_254_740_993.0,
        ][..]),
        1 => (-1000i32..1000).prop_map(|n| f64::from(n) / 10.0),
    ]
    .boxed()
}

pub use crate::reference::EXACT_FRACTION_SECONDS;

/// Epoch seconds in Python's `datetime` range, as JSON numbers and RFC 3339 strings:
/// whole seconds, milliseconds and microseconds, from year 1 to 9999 (most of them between
/// 1970 and 2100, some in the window where a double holds every microsecond, some
/// anywhere), as integers, `.0` floats, fractions and strings with an offset.
pub fn timestamp() -> BoxedStrategy<Value> {
    let seconds = prop_oneof![
        4 => 0i64..4_102_444_800, // 1970 to 2100
        1 => EXACT_FRACTION_SECONDS,
        2 => MIN_SECONDS..=MAX_SECONDS,
        1 => select(&[MIN_SECONDS, MAX_SECONDS, 0, -1, 1_650_000_000][..]),
    ];
    let offset = -(23 * 60 + 59)..=(23 * 60 + 59i32);
    prop_oneof![
        // Whole seconds, as an integer.
        2 => seconds.clone().prop_map(Value::from),
        // Whole seconds written as a float (`1650000000.0`).
        1 => seconds.clone().prop_map(|s| Value::from(s as f64)),
        // Milliseconds, as a number: `1650000000.123`.
        3 => (seconds.clone(), 0i64..1000).prop_map(|(s, ms)| {
            Value::from((s as f64 * 1000.0 + ms as f64) / 1000.0)
        }),
        // Microseconds, as a number.
        1 => (seconds.clone(), 0i64..1_000_000).prop_map(|(s, us)| {
            Value::from((i128::from(s) * 1_000_000 + i128::from(us)) as f64 / 1e6)
        }),
        // RFC 3339 with an offset and 0, 3 or 6 fractional digits.
        3 => (seconds, 0u32..1_000_000, offset, 0usize..3, any::<bool>())
            .prop_filter_map("local date out of range", |(s, us, offset, digits, z)| {
                rfc3339(s, us, offset, digits, z).map(Value::from)
            }),
    ]
    .boxed()
}

/// Formats an instant as RFC 3339 at a UTC offset of `offset_minutes` (`Z` when that is
/// zero and `z` is set), with 0, 3 or 6 fractional digits (`digits` 0, 1, 2; digits that
/// would drop precision are widened). `None` if the local date is outside years 1-9999.
pub fn rfc3339(
    seconds: i64,
    micros: u32,
    offset_minutes: i32,
    digits: usize,
    z: bool,
) -> Option<String> {
    let at = OffsetDateTime::from_unix_timestamp(seconds).ok()?
        + time::Duration::microseconds(i64::from(micros));
    let offset = UtcOffset::from_whole_seconds(offset_minutes * 60).ok()?;
    let local = at.checked_to_offset(offset)?;
    if !(1..=9999).contains(&local.year()) {
        return None;
    }
    let micros = local.microsecond();
    let fraction = match digits {
        0 if micros == 0 => String::new(),
        0 | 1 if micros % 1000 == 0 => format!(".{:03}", micros / 1000),
        _ => format!(".{micros:06}"),
    };
    let zone = if offset_minutes == 0 && z {
        "Z".to_owned()
    } else {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let minutes = offset_minutes.unsigned_abs();
        format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    };
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}{zone}",
        local.year(),
        u8::from(local.month()),
        local.day(),
        local.hour(),
        local.minute(),
        local.second()
    ))
}

/// Standard base64 of random bytes (empty included).
pub fn blob() -> BoxedStrategy<Value> {
    prop::collection::vec(any::<u8>(), 0..40)
        .prop_map(|bytes| Value::from(STANDARD.encode(bytes)))
        .boxed()
}

/// Any JSON value: scalars at every edge, nested up to four levels, object keys often
/// from `keys` (so that they hit declared keys).
pub fn any_json(keys: &'static [&'static str]) -> BoxedStrategy<Value> {
    let number = prop_oneof![
        int().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        float().prop_map(Value::from),
        select(
            &[
                9_223_372_036_854_775_808u64,
                u64::MAX,
                253_402_300_800,
                1_650_000_000
            ][..]
        )
        .prop_map(Value::from),
    ];
    let text = prop_oneof![
        string(),
        select(
            &[
                "yesterday",
                "2022-01-01",
                "2022-01-01T00:00:00Z",
                "1650000000",
                "mutable",
                "MUTABLE",
                "CRITICAL",
                "AAAA",
                "!!!",
            ][..]
        )
        .prop_map(str::to_owned),
    ]
    .prop_map(Value::String);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number,
        text,
    ];
    let key = key(keys);
    leaf.prop_recursive(4, 32, 4, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..5)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
    .boxed()
}

/// An object key: usually one of `keys`, sometimes any string.
pub fn key(keys: &'static [&'static str]) -> BoxedStrategy<String> {
    if keys.is_empty() {
        return string();
    }
    prop_oneof![3 => select(keys).prop_map(str::to_owned), 1 => string()].boxed()
}

/// Any JSON, mostly objects whose keys come from `keys`: input for "never panics, and
/// agrees with the schema".
pub fn any_payload(keys: &'static [&'static str]) -> BoxedStrategy<Value> {
    let object = prop::collection::vec((key(keys), any_json(keys)), 0..8)
        .prop_map(|entries| Value::Object(entries.into_iter().collect()));
    prop_oneof![4 => object, 1 => any_json(keys)].boxed()
}

/// A value of a literal type, valid in `mode`: a listed one, or for an open literal in wire
/// mode now and then a string it does not list (what a newer service sends).
pub fn literal_value(literal: &'static LiteralSchema, mode: Mode) -> BoxedStrategy<Value> {
    let listed = select(literal.values).prop_map(Value::from);
    if literal.open && mode == Mode::Wire {
        let values = literal.values;
        let unlisted = prop_oneof![
            select(
                &[
                    "ARCHIVED",
                    "IMAGE_ARCHIVED",
                    "LIMIT_EXCEEDED",
                    "KMS_DSSE",
                    ""
                ][..]
            )
            .prop_map(str::to_owned),
            string(),
        ]
        .prop_filter("a listed value", move |text| {
            !values.contains(&text.as_str())
        })
        .prop_map(Value::from);
        prop_oneof![4 => listed, 1 => unlisted].boxed()
    } else {
        listed.boxed()
    }
}

/// A value of `ty`, valid in `mode`.
pub fn value(ty: &'static ValueType, mode: Mode, depth: u32) -> BoxedStrategy<Value> {
    let items = if depth >= MAX_DEPTH { 0..1 } else { 0..4 };
    match ty {
        ValueType::Str => string().prop_map(Value::from).boxed(),
        ValueType::Int => int().prop_map(Value::from).boxed(),
        ValueType::Float => prop_oneof![
            4 => float().prop_map(Value::from),
            // An integer where a float is expected is a float.
            1 => (-1000i64..1000).prop_map(Value::from),
        ]
        .boxed(),
        ValueType::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        ValueType::Timestamp => timestamp(),
        ValueType::Blob => blob(),
        ValueType::Literal(literal) => literal_value(literal, mode),
        ValueType::Sequence(item) | ValueType::List(item) => {
            prop::collection::vec(value(item, mode, depth + 1), items)
                .prop_map(Value::Array)
                .boxed()
        }
        ValueType::Dict(key_type, value_type) => {
            let key = match key_type {
                ValueType::Literal(literal) => literal_value(literal, mode)
                    .prop_map(|key| key.as_str().unwrap_or_default().to_owned())
                    .boxed(),
                _ => string(),
            };
            prop::collection::vec((key, value(value_type, mode, depth + 1)), items)
                .prop_map(|entries| Value::Object(entries.into_iter().collect()))
                .boxed()
        }
        ValueType::TypedDict(schema) => typed_dict(schema(), mode, depth + 1),
        ValueType::Union(union) => {
            prop::strategy::Union::new(union.members.iter().map(|m| value(m, mode, depth))).boxed()
        }
        ValueType::Alias(alias) => value(alias.target, mode, depth),
        ValueType::Any => any_json(&[]),
        // `ValueType` is non_exhaustive: a value type added later needs its strategy here.
        other => panic!("no strategy for the value type {}", other.python()),
    }
}

/// How one key turns up in a generated object.
#[derive(Debug, Clone)]
enum Presence {
    Absent,
    Null,
    Present(Value),
}

/// A typed dict valid in `mode`: Required keys present (in wire mode `wire_optional` ones
/// also absent or `null`), NotRequired keys present, absent (or, in wire mode, `null`),
/// and in open typed dicts a few undeclared keys.
pub fn typed_dict(
    schema: &'static TypedDictSchema,
    mode: Mode,
    depth: u32,
) -> BoxedStrategy<Value> {
    let wire = mode == Mode::Wire;
    let fields: Vec<BoxedStrategy<(&'static str, Presence)>> = schema
        .fields
        .iter()
        .map(|field| {
            let key = field.key;
            let present = value(field.value, mode, depth).prop_map(Presence::Present);
            let may_be_absent = !field.required || (wire && field.wire_optional);
            let strategy = if !may_be_absent {
                present.boxed()
            } else if depth >= MAX_DEPTH {
                Just(Presence::Absent).boxed()
            } else if wire {
                prop_oneof![
                    2 => present,
                    1 => Just(Presence::Absent),
                    1 => Just(Presence::Null),
                ]
                .boxed()
            } else {
                prop_oneof![present, Just(Presence::Absent)].boxed()
            };
            strategy.prop_map(move |presence| (key, presence)).boxed()
        })
        .collect();
    let unknown = if schema.closed {
        Just(Vec::new()).boxed()
    } else {
        prop::collection::vec((string(), any_json(&[])), 0..2).boxed()
    };
    (fields, unknown)
        .prop_map(move |(fields, unknown)| {
            let mut map = Map::new();
            for (key, value) in unknown {
                if schema.field(&key).is_none() {
                    map.insert(key, value);
                }
            }
            for (key, presence) in fields {
                match presence {
                    Presence::Absent => {}
                    Presence::Null => {
                        map.insert(key.to_owned(), Value::Null);
                    }
                    Presence::Present(value) => {
                        map.insert(key.to_owned(), value);
                    }
                }
            }
            Value::Object(map)
        })
        .boxed()
}

/// A valid value of `schema` with one to three random [mutations](crate::mutate).
pub fn mutated(
    schema: &'static TypedDictSchema,
    keys: &'static [&'static str],
) -> BoxedStrategy<Value> {
    (typed_dict(schema, Mode::Strict, 0), any::<u64>(), 1usize..4)
        .prop_map(move |(mut value, seed, count)| {
            let mut rng = crate::mutate::Rng::new(seed);
            for _ in 0..count {
                crate::mutate::mutate_value(&mut value, &mut rng, keys);
            }
            value
        })
        .boxed()
}
