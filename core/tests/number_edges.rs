//! The exact values of 19- and 20-digit number tokens, where the fast integer and decimal
//! paths stop: `i64`'s ends decode exactly, one past them is `integer_out_of_range` (never
//! an int wrapped around), `u64`'s end and beyond are out of range too, and decimals of
//! 18, 19 and 20 significant digits read as the very double `str::parse::<f64>` gives.
//!
//! Debug builds panic on an integer overflow, release builds wrap: these tests assert
//! values, so a fast path that reads one digit too many fails them in both profiles (run
//! them with `--release` too).

use typed_dict::{
    typed_dict, DecodeOptions, ErrorKind, JsonValue, List, Timestamp, TypedDict, ValidationError,
};

#[typed_dict]
pub struct EdgesTypeDef {
    pub int: Option<i64>,
    pub ints: Option<List<i64>>,
    pub float: Option<f64>,
    pub floats: Option<List<f64>>,
    pub any: Option<JsonValue>,
    pub at: Option<Timestamp>,
}

fn validate(json: &str) -> Vec<ValidationError> {
    typed_dict::validate_schema(
        json.as_bytes(),
        EdgesTypeDef::schema(),
        DecodeOptions::strict(),
    )
    .errors
}

fn decode(json: &str) -> EdgesTypeDef {
    let decoded = typed_dict::decode::<EdgesTypeDef>(json.as_bytes(), DecodeOptions::strict())
        .unwrap_or_else(|error| panic!("{json}: {error}"));
    assert_eq!(validate(json), [], "{json}");
    decoded
}

/// Integers within `i64`, around where the fast paths hand over to the general parser
/// (18 digits always fit; 19 may not).
const IN_RANGE: &[(&str, i64)] = &[
    ("999999999999999999", 999_999_999_999_999_999),
    ("-999999999999999999", -999_999_999_999_999_999),
    ("1000000000000000000", 1_000_000_000_000_000_000),
    ("-1000000000000000000", -1_000_000_000_000_000_000),
    ("1234567890123456789", 1_234_567_890_123_456_789),
    ("9223372036854775806", i64::MAX - 1),
    ("9223372036854775807", i64::MAX),
    ("-9223372036854775807", i64::MIN + 1),
    ("-9223372036854775808", i64::MIN),
];

/// Integer literals beyond `i64`: 19 digits, `u64`'s end, 20 digits and more.
const OUT_OF_RANGE: &[&str] = &[
    "9223372036854775808",
    "-9223372036854775809",
    "9223372036854775809",
    "9999999999999999999",
    "-9999999999999999999",
    "18446744073709551615",
    "-18446744073709551615",
    "18446744073709551616",
    "18446744073709551617",
    "10000000000000000000",
    "-10000000000000000000",
    "12345678901234567890",
    "99999999999999999999",
    "-99999999999999999999",
    "100000000000000000000",
];

#[test]
fn integers_at_the_ends_of_i64_decode_exactly() {
    for &(raw, value) in IN_RANGE {
        let json = format!(r#"{{"int": {raw}, "ints": [{raw}, 1, {raw}], "any": {raw}}}"#);
        let decoded = decode(&json);
        assert_eq!(decoded.int, Some(value), "{raw}");
        assert_eq!(
            decoded.ints.as_deref(),
            Some(&[value, 1, value][..]),
            "{raw}"
        );
        assert_eq!(decoded.any, Some(JsonValue::from(value)), "{raw}");
        assert_eq!(raw.parse::<i64>(), Ok(value), "the table itself");
    }
}

#[test]
fn integers_beyond_i64_are_out_of_range_never_wrapped() {
    for &raw in OUT_OF_RANGE {
        assert!(raw.parse::<i64>().is_err(), "the table itself: {raw}");
        let json = format!(r#"{{"int": {raw}, "ints": [1, {raw}], "float": {raw}}}"#);
        let report = typed_dict::validate_schema(
            json.as_bytes(),
            EdgesTypeDef::schema(),
            DecodeOptions::strict(),
        );
        let found: Vec<(ErrorKind, &str, &str)> = report
            .errors
            .iter()
            .map(|e| (e.kind, e.path.as_str(), e.message.as_str()))
            .collect();
        let message = format!("{raw} is outside the 64-bit integer range");
        assert_eq!(
            found,
            [
                (ErrorKind::IntegerOutOfRange, "$.int", message.as_str()),
                (ErrorKind::IntegerOutOfRange, "$.ints[1]", message.as_str()),
            ],
            "{raw}"
        );
        let error = typed_dict::decode::<EdgesTypeDef>(json.as_bytes(), DecodeOptions::strict())
            .unwrap_err();
        assert_eq!(error.errors(), &report.errors[..], "{raw}");
        assert_eq!(error.error_count(), 2, "{raw}");
        assert_eq!(ErrorKind::IntegerOutOfRange.code(), "integer_out_of_range");
        // One key at a time: the fast path alone must refuse it too.
        for json in [
            format!(r#"{{"int": {raw}}}"#),
            format!(r#"{{"ints": [{raw}]}}"#),
        ] {
            let error =
                typed_dict::decode::<EdgesTypeDef>(json.as_bytes(), DecodeOptions::strict())
                    .unwrap_err();
            let kinds: Vec<ErrorKind> = error.errors().iter().map(|e| e.kind).collect();
            assert_eq!(kinds, [ErrorKind::IntegerOutOfRange], "{json}");
        }
    }
}

#[test]
fn big_integers_are_exact_doubles_where_a_float_or_any_value_is_expected() {
    for raw in OUT_OF_RANGE
        .iter()
        .copied()
        .chain(IN_RANGE.iter().map(|&(raw, _)| raw))
    {
        let json = format!(r#"{{"float": {raw}, "floats": [{raw}], "any": {raw}}}"#);
        let decoded = decode(&json);
        let nearest = raw.parse::<f64>().unwrap();
        assert_eq!(
            decoded.float.map(f64::to_bits),
            Some(nearest.to_bits()),
            "{raw}"
        );
        assert_eq!(
            decoded.floats.as_deref().map(|f| f[0].to_bits()),
            Some(nearest.to_bits()),
            "{raw}"
        );
        // Any holds what serde_json holds: `u64` up to its end, a double beyond.
        let expected: JsonValue = serde_json::from_str(raw).unwrap();
        assert_eq!(decoded.any, Some(expected.clone()), "{raw}");
        match raw.parse::<u64>() {
            Ok(value) => assert_eq!(expected, JsonValue::from(value), "{raw}"),
            Err(_) if raw.parse::<i64>().is_err() => assert!(expected.is_f64(), "{raw}"),
            Err(_) => {}
        }
    }
    let top: JsonValue = serde_json::from_str("18446744073709551615").unwrap();
    assert_eq!(top.as_u64(), Some(u64::MAX));
    let decoded = decode(r#"{"any": 18446744073709551615}"#);
    assert_eq!(decoded.any.and_then(|any| any.as_u64()), Some(u64::MAX));
    let decoded = decode(r#"{"any": 9223372036854775808}"#);
    assert_eq!(decoded.any.and_then(|any| any.as_u64()), Some(1 << 63));
}

/// Decimals of 18, 19 and 20 significant digits (with the point, 19 to 22 characters),
/// among them ones whose digits without the point exceed `u64` by a little: read one digit
/// too far, they would wrap to a small number (`1844674407370955161.7` to `0.1`).
const DECIMALS: &[&str] = &[
    // 18 significant digits.
    "12345678901234567.8",
    "0.123456789012345678",
    "99999999999999999.9",
    "9007199254740993.00",
    "-123456789.123456789",
    // 19.
    "1234567890123456.789",
    "0.1234567890123456789",
    "999999999999999999.9",
    "9999999999999999999.0",
    "1000000000000000000.1",
    "922337203685477580.7",
    "9223372036854775807.0",
    "-9223372036854775808.0",
    "1844674407370955161.5",
    // 20: their digits are 2^64 + 1, + 2 and + 16, and beyond.
    "1844674407370955161.7",
    "-1844674407370955161.7",
    "18446744073709551.617",
    "1844674407370955.1618",
    "18446744073709551617.0",
    "1844674407370955163.2",
    "9999999999999999999.9",
    "0.12345678901234567890",
    "18446744073709551616.5",
    "99999999999999999999.0",
];

#[test]
fn decimals_of_18_to_20_digits_read_as_str_parse_reads_them() {
    for &raw in DECIMALS {
        let json = format!(r#"{{"float": {raw}, "floats": [1.5, {raw}], "any": {raw}}}"#);
        let decoded = decode(&json);
        let nearest = raw.parse::<f64>().unwrap();
        assert_eq!(
            decoded.float.map(f64::to_bits),
            Some(nearest.to_bits()),
            "{raw}"
        );
        let floats = decoded.floats.unwrap();
        assert_eq!(floats[1].to_bits(), nearest.to_bits(), "{raw}");
        assert_eq!(
            decoded.any.and_then(|any| any.as_f64()).map(f64::to_bits),
            Some(nearest.to_bits()),
            "{raw}"
        );
    }
}

/// A timestamp's seconds are read as the float they are: the decimals above are all
/// beyond year 9999 (`1844674407370955161.7`, read wrapped, would be 0.1 s past 1970).
#[test]
fn decimal_seconds_beyond_the_years_are_invalid_timestamps() {
    for &raw in DECIMALS {
        let json = format!(r#"{{"at": {raw}}}"#);
        let seconds = raw.parse::<f64>().unwrap();
        // 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
        let in_range = (-62_135_596_800.0..=253_402_300_799.0).contains(&seconds);
        let kinds: Vec<ErrorKind> = validate(&json).iter().map(|e| e.kind).collect();
        let decoded = typed_dict::decode::<EdgesTypeDef>(json.as_bytes(), DecodeOptions::strict());
        if in_range {
            assert_eq!(kinds, [], "{raw}");
            assert!(decoded.is_ok(), "{raw}");
        } else {
            assert_eq!(kinds, [ErrorKind::InvalidTimestamp], "{raw}");
            let error = decoded.unwrap_err();
            assert_eq!(error.errors()[0].kind, ErrorKind::InvalidTimestamp, "{raw}");
        }
    }
}
