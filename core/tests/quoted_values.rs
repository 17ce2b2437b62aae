//! A report quotes a payload's value shortened, as pydantic shortens `input_value` (issue
//! 19): beyond 50 characters, the first 25, `...`, the last 24, and the length. One error
//! about a 10 MB value is a line of a few hundred bytes, in `decode`/`from_str` and
//! `validate_schema` alike, which keep giving the same errors.
//!
//! Paths are not values: a 10 MB key stays whole in its path (the kept-text budget bounds
//! paths); only the message that repeats the key shortens it.

use typed_dict::{
    typed_dict, Blob, DecodeOptions, Dict, ErrorKind, Report, Timestamp, TypedDict, UnknownValue,
    ValidationError,
};

/// A closed literal: an unlisted value is an error in either mode.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanStatusType {
    InProgress,
    Complete,
    Failed,
}

/// An open literal: an unlisted value is a warning in wire mode.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingSeverityType {
    Critical,
    High,
    #[typed_dict(other)]
    Other(UnknownValue),
}

/// A union of a literal and a timestamp: a long string is neither, and both members find
/// one error; the first member's is reported.
#[typed_dict]
pub enum StatusOrTime {
    Status(ScanStatusType),
    Time(Timestamp),
}

/// One key per kind of message that quotes a value; closed, for unknown keys.
#[typed_dict(closed)]
pub struct ScanTypeDef {
    pub status: Option<ScanStatusType>,
    pub severity: Option<FindingSeverityType>,
    pub pushed: Option<Timestamp>,
    pub blob: Option<Blob>,
    pub either: Option<StatusOrTime>,
    pub counts: Option<Dict<FindingSeverityType, i64>>,
    pub count: Option<i64>,
}

/// An open typed dict, whose unknown keys are warnings.
#[typed_dict]
pub struct OpenTypeDef {
    pub status: Option<ScanStatusType>,
}

/// Ten million characters: the 10 MB payload value of issue 19.
const LENGTH: usize = 10_000_000;
/// What every long value's quote ends with.
const NAMED: &str = "(10,000,000 characters)";
/// An error line is bounded whatever the value; this is that bound, with room to spare.
const SMALL: usize = 1024;

/// Ten million of `c`, one byte each: a 10 MB string.
fn huge(c: char) -> String {
    std::iter::repeat_n(c, LENGTH).collect()
}

/// `'aaa...aaa' (10,000,000 characters)` quoted with `mark`.
fn shortened(c: char, mark: char) -> String {
    let head: String = std::iter::repeat_n(c, 25).collect();
    let tail: String = std::iter::repeat_n(c, 24).collect();
    format!("{mark}{head}...{tail}{mark} {NAMED}")
}

/// The start of a text that may be huge, for a failed assertion's message.
fn start(text: &str) -> String {
    text.chars().take(300).collect()
}

/// The report of `json` as `ScanTypeDef`, after checking that decoding finds the very same
/// errors (the two paths must agree whatever the value's length).
fn report_of(json: &str, options: DecodeOptions) -> Report {
    let report = typed_dict::validate_schema(json.as_bytes(), ScanTypeDef::schema(), options);
    match typed_dict::decode::<ScanTypeDef>(json.as_bytes(), options) {
        Ok(_) => assert!(report.errors.is_empty(), "{:?}", report.errors),
        Err(error) => {
            assert_eq!(error.errors(), &report.errors[..]);
            assert_eq!(error.more_errors(), report.more_errors);
        }
    }
    if options == DecodeOptions::strict() {
        if let Err(error) = typed_dict::from_str::<ScanTypeDef>(json) {
            assert_eq!(error.errors(), &report.errors[..]);
        }
    }
    report
}

/// The one error of a payload whose one long value is at a short path: the whole report
/// (as text, and as `Error` displays it) is small.
fn only_error(json: &str, options: DecodeOptions) -> ValidationError {
    let report = report_of(json, options);
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors);
    let shown = report.to_string();
    assert!(
        shown.len() < SMALL,
        "{} bytes: {}",
        shown.len(),
        start(&shown)
    );
    let error = typed_dict::decode::<ScanTypeDef>(json.as_bytes(), options).unwrap_err();
    assert!(
        error.to_string().len() < SMALL,
        "{}",
        error.to_string().len()
    );
    report.errors[0].clone()
}

#[test]
fn a_ten_megabyte_literal_value_is_quoted_shortened() {
    let json = format!(r#"{{"status": "{}"}}"#, huge('D'));
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidLiteral);
    assert_eq!(error.path, "$.status");
    assert_eq!(
        error.message,
        format!(
            "{} is not a valid ScanStatusType; expected 'IN_PROGRESS', 'COMPLETE' or 'FAILED'",
            shortened('D', '\'')
        )
    );
    // Wire mode changes nothing for a closed literal.
    assert_eq!(only_error(&json, DecodeOptions::wire()), error);
}

#[test]
fn a_ten_megabyte_unknown_literal_warning_is_quoted_shortened() {
    let json = format!(r#"{{"severity": "{}"}}"#, huge('N'));
    let report = report_of(&json, DecodeOptions::wire());
    assert!(report.is_valid());
    assert_eq!(report.warnings.len(), 1);
    let warning = &report.warnings[0];
    assert_eq!(warning.kind, ErrorKind::UnknownLiteral);
    assert_eq!(
        warning.message,
        format!(
            "{} is not a known FindingSeverityType value, kept as sent (wire mode); known: 'CRITICAL' or 'HIGH'",
            shortened('N', '\'')
        )
    );
    assert!(report.to_string().len() < SMALL);
    // Strict mode: the same value is an error, quoted the same way.
    let error = only_error(&json, DecodeOptions::strict());
    assert!(
        error.message.starts_with(&format!(
            "{} is not a valid FindingSeverityType",
            shortened('N', '\'')
        )),
        "{}",
        start(&error.message)
    );
}

#[test]
fn a_ten_megabyte_timestamp_string_is_quoted_shortened() {
    let json = format!(r#"{{"pushed": "{}"}}"#, huge('t'));
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidTimestamp);
    assert!(
        error.message.starts_with(&format!(
            "invalid timestamp: {} is neither epoch seconds nor an RFC 3339 date-time (",
            shortened('t', '`')
        )),
        "{}",
        start(&error.message)
    );
    // A date-time that reads, with ten million digits of fraction, an hour before year 1.
    let zeros = "0".repeat(LENGTH - "0001-01-01T00:00:00.+01:00".len());
    let before = format!("0001-01-01T00:00:00.{zeros}+01:00");
    assert_eq!(before.chars().count(), LENGTH);
    let json = format!(r#"{{"pushed": "{before}"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidTimestamp);
    assert_eq!(
        error.message,
        format!(
            "invalid timestamp: `0001-01-01T00:00:00.00000...000000000000000000+01:00` {NAMED} \
             is out of range (years 1 to 9999 are supported)"
        )
    );
    // A leap second with ten million digits of fraction.
    let zeros = "0".repeat(LENGTH - "2016-12-31T23:59:60.Z".len());
    let json = format!(r#"{{"pushed": "2016-12-31T23:59:60.{zeros}Z"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(
        error.message,
        format!(
            "invalid timestamp: `2016-12-31T23:59:60.00000...00000000000000000000000Z` {NAMED} \
             is a leap second, which a datetime cannot hold"
        )
    );
    // The same text through the public parser: the error displays as shortly.
    let parsed = Timestamp::parse_rfc3339(&before).unwrap_err().to_string();
    assert!(parsed.len() < SMALL && parsed.contains(NAMED), "{parsed}");
}

#[test]
fn ten_megabyte_numbers_are_shown_shortened() {
    let digits = format!("1{}", "0".repeat(LENGTH - 1));
    let json = format!(r#"{{"pushed": {digits}}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidTimestamp);
    assert_eq!(
        error.message,
        format!(
            "invalid timestamp: 1{}...{} {NAMED} seconds since the epoch is out of range \
             (years 1 to 9999 are supported)",
            "0".repeat(24),
            "0".repeat(24)
        )
    );
    let json = format!(r#"{{"count": {digits}}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::IntegerOutOfRange);
    assert_eq!(
        error.message,
        format!(
            "1{}...{} {NAMED} is outside the 64-bit integer range",
            "0".repeat(24),
            "0".repeat(24)
        )
    );
    // A float written short whose digits are many: 1e300 seconds shows its 301 digits
    // shortened as well.
    let error = only_error(r#"{"pushed": 1e300}"#, DecodeOptions::strict());
    assert!(
        error
            .message
            .contains("(301 characters) seconds since the epoch"),
        "{}",
        start(&error.message)
    );
}

#[test]
fn a_ten_megabyte_blob_error_stays_small() {
    // base64's errors name a byte and its offset, never the text: bounded as they were.
    let mut text = "a".repeat(LENGTH - 1);
    text.push('!');
    let json = format!(r#"{{"blob": "{text}"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidBase64);
    assert_eq!(
        error.message,
        "invalid base64: Invalid symbol 33, offset 9999999."
    );
}

#[test]
fn a_ten_megabyte_value_no_union_member_takes_is_quoted_shortened() {
    let json = format!(r#"{{"either": "{}"}}"#, huge('U'));
    let error = only_error(&json, DecodeOptions::strict());
    assert_eq!(error.kind, ErrorKind::InvalidLiteral);
    assert_eq!(error.path, "$.either");
    assert_eq!(
        error.message,
        format!(
            "{} is not a valid ScanStatusType; expected 'IN_PROGRESS', 'COMPLETE' or 'FAILED'",
            shortened('U', '\'')
        )
    );
}

/// A problem at a 10 MB key: its path holds the key whole (paths are left alone), its
/// message quotes it shortened, so the line is the path and a few hundred bytes.
fn check_at_key(problem: &ValidationError, key: &str, message: &str) {
    assert!(problem.path.contains(key), "the path keeps the key whole");
    assert_eq!(problem.message, message);
    let line = problem.to_string();
    assert!(
        line.len() - problem.path.len() < SMALL,
        "{} bytes beside the path",
        line.len() - problem.path.len()
    );
}

#[test]
fn a_ten_megabyte_unknown_key_is_quoted_shortened_in_its_message() {
    let key = huge('k');
    let json = format!(r#"{{"{key}": 1}}"#);
    let report = report_of(&json, DecodeOptions::strict());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].kind, ErrorKind::UnknownKey);
    let message = format!(
        "unknown key {}: ScanTypeDef does not declare it",
        shortened('k', '`')
    );
    check_at_key(&report.errors[0], &key, &message);

    // An open typed dict warns, in the same words.
    let report =
        typed_dict::validate_schema(json.as_bytes(), OpenTypeDef::schema(), Default::default());
    assert!(report.is_valid());
    let message = format!(
        "unknown key {}: OpenTypeDef does not declare it",
        shortened('k', '`')
    );
    check_at_key(&report.warnings[0], &key, &message);
}

#[test]
fn a_ten_megabyte_dict_key_twice_is_quoted_shortened_in_its_messages() {
    let key = huge('K');
    let json = format!(r#"{{"counts": {{"{key}": 1, "{key}": 2}}}}"#);
    let report = report_of(&json, DecodeOptions::wire());
    assert_eq!(report.errors.len(), 1, "{:?}", report.errors.len());
    assert_eq!(report.errors[0].kind, ErrorKind::DuplicateKey);
    let message = format!("key {} appears more than once", shortened('K', '`'));
    check_at_key(&report.errors[0], &key, &message);
    // Each entry's key is an unlisted value of an open literal: a warning each.
    assert_eq!(report.warnings.len(), 2);
    let message = format!(
        "key {} is not a known FindingSeverityType value, kept as sent (wire mode); known: 'CRITICAL' or 'HIGH'",
        shortened('K', '\'')
    );
    for warning in &report.warnings {
        assert_eq!(warning.kind, ErrorKind::UnknownLiteral);
        check_at_key(warning, &key, &message);
    }
}

#[test]
fn values_up_to_the_limit_are_quoted_whole_and_counted_in_characters() {
    // Fifty characters of two bytes each: 100 bytes, quoted whole.
    let fifty = "é".repeat(50);
    let json = format!(r#"{{"status": "{fifty}"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert!(error.message.starts_with(&format!("'{fifty}' is not")));
    // One more: shortened, between characters, with the length in characters.
    let fifty_one = "é".repeat(51);
    let json = format!(r#"{{"status": "{fifty_one}"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert!(
        error.message.starts_with(&format!(
            "'{}...{}' (51 characters) is not",
            "é".repeat(25),
            "é".repeat(24)
        )),
        "{}",
        start(&error.message)
    );
    // The empty string is a value too.
    let error = only_error(r#"{"status": ""}"#, DecodeOptions::strict());
    assert!(error
        .message
        .starts_with("'' is not a valid ScanStatusType"));
}

#[test]
fn escapes_in_the_payload_are_decoded_before_counting() {
    // `\u00e9` is one character however it is written.
    let escaped = "\\u00e9".repeat(51);
    let json = format!(r#"{{"status": "{escaped}"}}"#);
    let error = only_error(&json, DecodeOptions::strict());
    assert!(
        error.message.starts_with(&format!(
            "'{}...{}' (51 characters) is not",
            "é".repeat(25),
            "é".repeat(24)
        )),
        "{}",
        start(&error.message)
    );
}

#[test]
fn literal_errors_keep_the_whole_value_as_data() {
    use typed_dict::Literal;
    let value = huge('x');
    let error = ScanStatusType::parse(&value).unwrap_err();
    assert_eq!(error.value().len(), LENGTH, "value() is the text as given");
    let shown = error.to_string();
    assert!(shown.len() < SMALL && shown.contains(NAMED), "{shown}");
}
