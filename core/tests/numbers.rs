//! Numbers judged from their digits: `-0` is an int, `1e400` and 310-digit integers are
//! out of range without hiding the document's other errors, `1.0` is a float.

use typed_dict::{typed_dict, DecodeOptions, Dict, ErrorKind, List, Timestamp, TypedDict};

#[typed_dict]
pub struct NumbersTypeDef {
    pub count: Option<i64>,
    pub ratio: Option<f64>,
    pub at: Option<Timestamp>,
    pub counts: Option<List<i64>>,
    pub by_name: Option<Dict<String, i64>>,
    pub name: Option<String>,
}

fn errors(json: &str) -> Vec<(ErrorKind, String)> {
    let report = typed_dict::validate_schema(
        json.as_bytes(),
        NumbersTypeDef::schema(),
        DecodeOptions::strict(),
    );
    let decoded = typed_dict::from_str::<NumbersTypeDef>(json);
    let found: Vec<(ErrorKind, String)> = report
        .errors
        .iter()
        .map(|e| (e.kind, e.path.clone()))
        .collect();
    match decoded {
        Ok(_) => assert!(found.is_empty(), "decode accepted {json}: {found:?}"),
        Err(error) => assert_eq!(error.errors(), &report.errors[..], "{json}"),
    }
    found
}

#[test]
fn negative_zero_is_the_integer_zero() {
    let json = r#"{"count": -0, "counts": [1, -0, 2], "byName": {"a": -0}, "ratio": -0, "at": -0}"#;
    assert_eq!(errors(json), []);
    let value = typed_dict::from_str::<NumbersTypeDef>(json).unwrap();
    assert_eq!(value.count, Some(0));
    assert_eq!(value.counts.as_deref(), Some(&[1, 0, 2][..]));
    assert_eq!(value.by_name.unwrap()["a"], 0);
    assert_eq!(value.at.unwrap().unix_micros(), 0);
    let wire: NumbersTypeDef =
        typed_dict::decode(br#"{"count":-0,"name":null}"#, DecodeOptions::wire()).unwrap();
    assert_eq!(wire.count, Some(0));
    assert_eq!(typed_dict::to_string(&wire).unwrap(), r#"{"count":0}"#);
}

#[test]
fn float_spellings_of_ints_are_wrong_types() {
    for number in [
        "-0.0",
        "1.0",
        "1e2",
        "-9223372036854775808.0",
        "-9223372036854775808.5",
    ] {
        assert_eq!(
            errors(&format!(r#"{{"count": {number}}}"#)),
            [(ErrorKind::WrongType, "$.count".to_owned())],
            "{number}"
        );
    }
}

#[test]
fn ints_beyond_i64_are_out_of_range_and_the_other_errors_stay() {
    let huge = "9".repeat(310);
    for number in [
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        huge.as_str(),
        "1e400",
        "-1e400",
        "1e19",
        "9223372036854775807.5",
    ] {
        let json = format!(r#"{{"count": {number}, "name": 5, "counts": [{number}, 1.5]}}"#);
        assert_eq!(
            errors(&json),
            [
                (ErrorKind::IntegerOutOfRange, "$.count".to_owned()),
                (ErrorKind::WrongType, "$.name".to_owned()),
                (ErrorKind::IntegerOutOfRange, "$.counts[0]".to_owned()),
                (ErrorKind::WrongType, "$.counts[1]".to_owned()),
            ],
            "{number}"
        );
    }
    let report = typed_dict::validate_schema(
        format!(r#"{{"count": {huge}}}"#).as_bytes(),
        NumbersTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(
        report.errors[0].message,
        "9999999999999999999999999...999999999999999999999999 (310 characters) is outside the 64-bit integer range"
    );
    let report = typed_dict::validate_schema(
        br#"{"count": 1e400}"#,
        NumbersTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(
        report.errors[0].message,
        "1e400 is outside the 64-bit integer range"
    );
    assert_eq!(
        typed_dict::from_str::<NumbersTypeDef>(r#"{"count": -9223372036854775808}"#)
            .unwrap()
            .count,
        Some(i64::MIN)
    );
}

#[test]
fn floats_and_timestamps_beyond_f64_are_errors_at_their_path() {
    let huge = "9".repeat(310);
    assert_eq!(
        errors(&format!(
            r#"{{"ratio": 1e400, "at": 1e400, "name": 1, "counts": [{huge}], "count": "x"}}"#
        )),
        [
            (ErrorKind::NumberOutOfRange, "$.ratio".to_owned()),
            (ErrorKind::InvalidTimestamp, "$.at".to_owned()),
            (ErrorKind::WrongType, "$.name".to_owned()),
            (ErrorKind::IntegerOutOfRange, "$.counts[0]".to_owned()),
            (ErrorKind::WrongType, "$.count".to_owned()),
        ]
    );
    assert_eq!(
        errors(&format!(r#"{{"at": {huge}}}"#)),
        [(ErrorKind::InvalidTimestamp, "$.at".to_owned())]
    );
    assert_eq!(
        errors(r#"{"ratio": 1e308, "at": 1e-400, "name": "1e400"}"#),
        []
    );
    // Numbers under keys nobody reads are skipped, never judged.
    assert_eq!(errors(r#"{"unknown": [1e400, -0, 1e99999]}"#), []);
    // Wrong types name the JSON type the digits spell.
    assert_eq!(
        typed_dict::validate_schema(
            br#"{"name": 1e400}"#,
            NumbersTypeDef::schema(),
            DecodeOptions::strict()
        )
        .errors[0]
            .message,
        "expected str, got float"
    );
    assert_eq!(
        typed_dict::validate_schema(
            br#"{"name": -0}"#,
            NumbersTypeDef::schema(),
            DecodeOptions::strict()
        )
        .errors[0]
            .message,
        "expected str, got int"
    );
}
