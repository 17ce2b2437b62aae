//! Strategies for the scalars of a payload and for arbitrary JSON: the edges each type has
//! on the wire, weighted towards the values that break parsers.

use ::proptest::prelude::*;
use ::proptest::sample::select;
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::Value as Json;

use crate::schema::IntegerRange;
use crate::timestamp::civil::civil_from_days;

/// The first and last whole seconds a `Timestamp` holds (years 1 to 9999).
const MIN_SECONDS: i64 = crate::Timestamp::MIN_SECONDS;
const MAX_SECONDS: i64 = crate::Timestamp::MAX_SECONDS;
/// Where epoch seconds as an `f64` still tell every microsecond apart: |t| < 2^32 s.
const EXACT_FRACTION_SECONDS: std::ops::Range<i64> = -(1 << 32)..(1 << 32);

/// Strings: identifiers, unicode of every plane (control characters, quotes and
/// backslashes included), and a few that matter to JSON.
pub fn string() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9._/:@-]{0,12}",
        3 => ::proptest::collection::vec(any::<char>(), 0..8).prop_map(String::from_iter),
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

/// Any integer of `range`, with its extremes (and the values next to them) and small
/// numbers likelier: never outside it.
///
/// ```
/// use proptest::prelude::*;
/// use typed_dict::proptest::int_within;
/// use typed_dict::schema::IntegerRange;
///
/// proptest!(|(value in int_within(&IntegerRange::U8))| {
///     prop_assert!(u8::try_from(value).is_ok());
/// });
/// ```
pub fn int_within(range: &IntegerRange) -> BoxedStrategy<i128> {
    let (min, max) = (range.min, range.max);
    let edges: Vec<i128> = [min, min + 1, -1, 0, 1, max - 1, max]
        .into_iter()
        .filter(|value| (min..=max).contains(value))
        .collect();
    prop_oneof![
        2 => min..=max,
        1 => select(edges),
        2 => (-1000i128..1000).prop_map(move |value| value.clamp(min, max)),
    ]
    .boxed()
}

/// Finite `f32`s, whose shortest representation parses back to the same bits: subnormals,
/// the largest finite, `-0.0`, `9.8`.
pub fn float32() -> BoxedStrategy<f32> {
    use ::proptest::num::f32 as f;
    prop_oneof![
        3 => f::POSITIVE | f::NEGATIVE | f::NORMAL | f::SUBNORMAL | f::ZERO,
        1 => select(&[
            9.8,
            0.1,
            -0.0,
            0.0,
            1.0,
            3.0,
            1e38,
            -1e-38,
            f32::MAX,
            f32::MIN,
            f32::MIN_POSITIVE,
            1e-45,
            16_777_216.0,
        ][..]),
        1 => (-1000i16..1000).prop_map(|n| f32::from(n) / 10.0),
    ]
    .boxed()
}

/// Finite floats, whose shortest representation parses back to the same bits: subnormals,
/// the largest finite, `-0.0`, `9.8`, integers beyond 2^53.
pub fn float() -> BoxedStrategy<f64> {
    use ::proptest::num::f64 as f;
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

/// Timestamps as the wire writes them, from year 1 to 9999 (most between 1970 and 2100,
/// some where a double holds every microsecond, some anywhere): whole seconds as integers
/// and as `.0` floats, milliseconds and microseconds as fractions, and RFC 3339 strings
/// with an offset and 0, 3 or 6 fractional digits.
pub fn timestamp() -> BoxedStrategy<Json> {
    let seconds = prop_oneof![
        4 => 0i64..4_102_444_800, // 1970 to 2100
        1 => EXACT_FRACTION_SECONDS,
        2 => MIN_SECONDS..=MAX_SECONDS,
        1 => select(&[MIN_SECONDS, MAX_SECONDS, 0, -1, 1_650_000_000][..]),
    ];
    let offset = -(23 * 60 + 59)..=(23 * 60 + 59i32);
    prop_oneof![
        2 => seconds.clone().prop_map(Json::from),
        1 => seconds.clone().prop_map(|s| Json::from(s as f64)),
        3 => (seconds.clone(), 0i64..1000).prop_map(|(s, ms)| {
            Json::from((s as f64 * 1000.0 + ms as f64) / 1000.0)
        }),
        1 => (seconds.clone(), 0i64..1_000_000).prop_map(|(s, us)| {
            Json::from((i128::from(s) * 1_000_000 + i128::from(us)) as f64 / 1e6)
        }),
        3 => (seconds, 0u32..1_000_000, offset, 0usize..3, any::<bool>())
            .prop_filter_map("local date out of range", |(s, us, offset, digits, z)| {
                rfc3339(s, us, offset, digits, z).map(Json::from)
            }),
    ]
    .boxed()
}

/// Formats an instant (`seconds` since the epoch plus `micros`) as RFC 3339 at a UTC
/// offset of `offset_minutes` (`Z` when that is zero and `z` is set), with 0, 3 or 6
/// fractional digits (`digits` 0, 1, 2; digits that would drop precision are widened).
/// `None` if the local date is outside years 1 to 9999.
///
/// ```
/// use typed_dict::proptest::rfc3339;
///
/// assert_eq!(rfc3339(0, 0, 0, 0, true).as_deref(), Some("1970-01-01T00:00:00Z"));
/// assert_eq!(rfc3339(0, 1_500, -90, 0, false).as_deref(), Some("1969-12-31T22:30:00.001500-01:30"));
/// assert_eq!(rfc3339(-62_135_596_800, 0, -60, 0, false), None);
/// ```
pub fn rfc3339(
    seconds: i64,
    micros: u32,
    offset_minutes: i32,
    digits: usize,
    z: bool,
) -> Option<String> {
    if micros >= 1_000_000 || offset_minutes.unsigned_abs() >= 24 * 60 {
        return None;
    }
    // The local wall clock: the instant moved by the offset, split into day and second.
    let local = seconds.checked_add(i64::from(offset_minutes) * 60)?;
    let (days, second_of_day) = (local.div_euclid(86_400), local.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    if !(1..=9999).contains(&year) {
        return None;
    }
    let fraction = match digits {
        0 if micros == 0 => String::new(),
        0 | 1 if micros.is_multiple_of(1000) => format!(".{:03}", micros / 1000),
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
        year,
        month,
        day,
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    ))
}

/// Standard base64 of random bytes (empty included), as a JSON string.
pub fn blob() -> BoxedStrategy<Json> {
    ::proptest::collection::vec(any::<u8>(), 0..40)
        .prop_map(|bytes| Json::from(STANDARD.encode(bytes)))
        .boxed()
}

/// Any JSON value: scalars at every edge, nested up to four levels, object keys often
/// from `keys` (so that they hit declared keys).
pub fn json(keys: &'static [&'static str]) -> BoxedStrategy<Json> {
    let number = prop_oneof![
        int().prop_map(Json::from),
        any::<u64>().prop_map(Json::from),
        float().prop_map(Json::from),
        select(
            &[
                9_223_372_036_854_775_808u64,
                u64::MAX,
                253_402_300_800,
                1_650_000_000
            ][..]
        )
        .prop_map(Json::from),
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
    .prop_map(Json::String);
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number,
        text,
    ];
    let key = key(keys);
    leaf.prop_recursive(4, 32, 4, move |inner| {
        prop_oneof![
            ::proptest::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            ::proptest::collection::vec((key.clone(), inner), 0..5)
                .prop_map(|entries| Json::Object(entries.into_iter().collect())),
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
