//! Every rule of `core/src/contract.rs` through both readers: the serde fast path
//! (`decode` succeeding) and the schema walk (`validate`). For each rule, payloads on
//! both sides of it, in strict and wire mode, with and without `deny_unknown`: decode
//! succeeds exactly when validate finds no error, and a failing decode reports what
//! validate reports (never the `other` error that says the two disagreed).

use typed_dict::{
    typed_dict, DecodeOptions, Dict, JsonValue, List, Report, Timestamp, TypedValue, UnknownValue,
};

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Status {
    Active,
    Failed,
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Closed {
    On,
}

#[typed_dict]
pub struct Point {
    pub x: i64,
}

#[typed_dict]
pub enum AnyOrText {
    Text(String),
    Anything(JsonValue),
}

#[typed_dict]
pub struct Nulls {
    pub any: Option<JsonValue>,
    pub text: Option<String>,
    pub union: Option<AnyOrText>,
    pub items: Option<List<JsonValue>>,
    pub names: Option<List<String>>,
    pub by_name: Option<Dict<String, String>>,
}

#[typed_dict]
pub struct Page {
    pub items: List<String>,
    #[typed_dict(wire_optional)]
    pub next_token: Option<String>,
    pub status: Option<Status>,
    pub closed: Option<Closed>,
}

#[typed_dict(closed)]
pub struct Shut {
    pub id: String,
}

#[typed_dict]
pub struct When {
    pub at: Timestamp,
    pub points: Option<List<Point>>,
}

/// Every combination of options the contract distinguishes.
fn all_options() -> [DecodeOptions; 4] {
    [
        DecodeOptions::strict(),
        DecodeOptions::wire(),
        DecodeOptions::strict().deny_unknown(true),
        DecodeOptions::wire().deny_unknown(true),
    ]
}

/// Decode and validate agree on `json` as a `T` under every option; returns validate's
/// verdict under each, for the caller's own expectations.
fn agree<T: TypedValue>(json: &str) -> Vec<bool> {
    all_options()
        .into_iter()
        .map(|options| agree_under::<T>(json, options))
        .collect()
}

/// Decode and validate agree on `json` as a `T` under `options`; returns the verdict.
fn agree_under<T: TypedValue>(json: &str, options: DecodeOptions) -> bool {
    let report: Report = typed_dict::validate::<T>(json.as_bytes(), options);
    match typed_dict::decode::<T>(json.as_bytes(), options) {
        Ok(_) => assert!(
            report.is_valid(),
            "{json} under {options:?}: decoded, but validate says\n{report}"
        ),
        Err(error) => {
            assert!(
                !report.is_valid(),
                "{json} under {options:?}: validate accepts, decode says\n{error}"
            );
            assert_eq!(error.errors(), report.errors.as_slice(), "{json}");
        }
    }
    report.is_valid()
}

/// The verdicts in the order of [`all_options`].
const WIRE_ONLY: [bool; 4] = [false, true, false, true];
const ALWAYS: [bool; 4] = [true; 4];
const NEVER: [bool; 4] = [false; 4];
const ALLOWING_UNKNOWN: [bool; 4] = [true, true, false, false];

#[test]
fn null_is_a_value_of_what_holds_it_absent_in_wire_mode_else_an_error() {
    assert_eq!(agree::<Nulls>(r#"{"any": null}"#), ALWAYS);
    assert_eq!(
        agree::<Nulls>(r#"{"union": null}"#),
        ALWAYS,
        "a union with an Any member"
    );
    assert_eq!(agree::<Nulls>(r#"{"text": null}"#), WIRE_ONLY);
    assert_eq!(agree::<Nulls>(r#"{"items": [1, null]}"#), ALWAYS);
    assert_eq!(
        agree::<Nulls>(r#"{"names": ["a", null]}"#),
        NEVER,
        "no key to leave out"
    );
    assert_eq!(agree::<Nulls>(r#"{"byName": {"a": null}}"#), NEVER);
    assert_eq!(agree::<Nulls>("null"), NEVER);
    assert_eq!(agree::<List<JsonValue>>("[null]"), ALWAYS);
}

#[test]
fn wire_optional_keys_may_be_absent_in_wire_mode_only() {
    assert_eq!(agree::<Page>(r#"{"items": []}"#), WIRE_ONLY);
    assert_eq!(
        agree::<Page>(r#"{"items": [], "nextToken": null}"#),
        WIRE_ONLY
    );
    assert_eq!(agree::<Page>(r#"{"items": [], "nextToken": "t"}"#), ALWAYS);
    assert_eq!(
        agree::<Page>(r#"{"nextToken": "t"}"#),
        NEVER,
        "a plain Required key"
    );
}

#[test]
fn unknown_keys_by_closedness_and_options() {
    assert_eq!(
        agree::<Page>(r#"{"items": [], "nextToken": "t", "new": 1}"#),
        ALLOWING_UNKNOWN
    );
    assert_eq!(agree::<Shut>(r#"{"id": "a", "new": 1}"#), NEVER);
    assert_eq!(agree::<Shut>(r#"{"id": "a"}"#), ALWAYS);
    assert_eq!(
        agree::<Page>(r#"{"items": [], "nextToken": "t", "new": {"deep": [null]}}"#),
        ALLOWING_UNKNOWN
    );
}

#[test]
fn open_literals_keep_unlisted_values_in_wire_mode_closed_ones_never() {
    let page = |status: &str, closed: &str| {
        format!(r#"{{"items": [], "nextToken": "t", "status": "{status}", "closed": "{closed}"}}"#)
    };
    assert_eq!(agree::<Page>(&page("ACTIVE", "ON")), ALWAYS);
    assert_eq!(agree::<Page>(&page("DELETED", "ON")), WIRE_ONLY);
    assert_eq!(agree::<Page>(&page("ACTIVE", "OFF")), NEVER);
    assert_eq!(agree::<Status>(r#""PENDING""#), WIRE_ONLY);
    assert_eq!(agree::<List<Status>>(r#"["ACTIVE", "PENDING"]"#), WIRE_ONLY);
}

#[test]
fn timestamps_from_every_kind_of_number_and_string() {
    for (at, valid) in [
        ("0", true),
        ("-0", true),
        ("1563223656.5", true),
        ("1.5e9", true),
        ("-62135596800", true),
        ("-62135596801", false),
        ("253402300799", true),
        ("253402300799.9999", true),
        ("253402300800", false),
        ("9223372036854775807", false),
        ("9223372036854775808", false),
        ("18446744073709551616", false),
        ("123456789012345678901234567890", false),
        ("1e400", false),
        ("\"2019-07-15T20:47:36.5Z\"", true),
        ("\"2019-07-15\"", false),
        ("true", false),
    ] {
        let expected = if valid { ALWAYS } else { NEVER };
        assert_eq!(
            agree::<When>(&format!(r#"{{"at": {at}}}"#)),
            expected,
            "{at}"
        );
    }
}

#[test]
fn duplicate_keys_and_depth_hold_in_both_readers() {
    assert_eq!(agree::<Shut>(r#"{"id": "a", "id": "b"}"#), NEVER);
    assert_eq!(agree::<Dict<String, i64>>(r#"{"a": 1, "a": 2}"#), NEVER);
    let deep = format!("{}{}", "[".repeat(130), "]".repeat(130));
    assert_eq!(agree::<JsonValue>(&deep), NEVER);
    let fine = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert_eq!(agree::<JsonValue>(&fine), ALWAYS);
}

#[test]
fn integers_and_floats_at_their_edges() {
    for (number, as_int, as_float) in [
        ("9223372036854775807", true, true),
        ("-9223372036854775808", true, true),
        ("9223372036854775808", false, true),
        ("1.0", false, true),
        ("1e400", false, false),
        ("-0", true, true),
    ] {
        let expected = |valid| if valid { ALWAYS } else { NEVER };
        assert_eq!(agree::<i64>(number), expected(as_int), "{number} as int");
        assert_eq!(
            agree::<f64>(number),
            expected(as_float),
            "{number} as float"
        );
    }
}

#[typed_dict]
pub struct Bounded {
    #[typed_dict(min_length = 1, max_length = 3, pattern = "[a-z]+")]
    pub name: String,
    #[typed_dict(ge = 1, le = 9)]
    pub count: Option<u8>,
    #[typed_dict(max_length = 1)]
    pub tags: Option<List<String>>,
}

#[test]
fn constraints_hold_in_both_readers_only_when_asked() {
    for (json, within) in [
        (r#"{"name": "abc", "count": 9, "tags": ["x"]}"#, true),
        (r#"{"name": "abcd"}"#, false),
        (r#"{"name": "AB"}"#, false),
        (r#"{"name": "ab", "count": 0}"#, false),
        (r#"{"name": "ab", "tags": ["x", "y"]}"#, false),
        (r#"{"name": "ab", "count": null}"#, true),
    ] {
        for options in all_options() {
            let typed = !json.contains("null") || options.is_wire();
            assert_eq!(agree_under::<Bounded>(json, options), typed, "{json}");
            let checked = options.constraints(true);
            assert_eq!(
                agree_under::<Bounded>(json, checked),
                typed && within,
                "{json}"
            );
            // Inside a list: the constraint is checked at every item's keys.
            let list = format!("[{json}]");
            assert_eq!(
                agree_under::<List<Bounded>>(&list, checked),
                typed && within
            );
        }
    }
}
