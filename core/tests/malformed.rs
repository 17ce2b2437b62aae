//! Malformed JSON is reported in serde_json's words, at its line and column: checked here
//! against serde_json reading the same text into a `serde_json::Value`, where the walk
//! (expecting any value) parses every container and string just as serde_json does.

use std::path::PathBuf;

use typed_dict::{validate_value, DecodeOptions, ErrorKind, ValueType};

/// The walk's verdict on `text` as any JSON value: `Ok` or the malformed-JSON message.
fn walk(text: &[u8]) -> Result<(), (ErrorKind, String)> {
    let report = validate_value(text, &ValueType::Any, DecodeOptions::strict());
    match report.errors.as_slice() {
        [] => Ok(()),
        [only] => Err((only.kind, only.message.clone())),
        more => panic!(
            "{} errors for {:?}",
            more.len(),
            String::from_utf8_lossy(text)
        ),
    }
}

fn serde(text: &[u8]) -> Result<(), (ErrorKind, String)> {
    match std::str::from_utf8(text) {
        Err(_) => Err((ErrorKind::Other, "not UTF-8".into())),
        Ok(text) if text.trim_start().is_empty() => Err((ErrorKind::Other, "empty".into())),
        Ok(text) => serde_json::from_str::<serde_json::Value>(text)
            .map(drop)
            .map_err(|error| {
                (
                    ErrorKind::malformed_json(error.line(), error.column()),
                    format!("malformed JSON: {error}"),
                )
            }),
    }
}

fn agree(text: &[u8]) {
    let (ours, theirs) = (walk(text), serde(text));
    match (&ours, &theirs) {
        // Our own words for input serde_json calls by other names.
        (Err(_), Err((ErrorKind::Other, _))) => {}
        // Numbers beyond f64 are values out of range to the walk, not malformed.
        (Err((ErrorKind::NumberOutOfRange, _)), Err((_, message)))
            if message.contains("number out of range") => {}
        _ => assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(text)),
    }
}

#[test]
fn hand_picked_malformed_inputs() {
    let deep = "[".repeat(200);
    let deep_ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
    let deep_bad = format!("{}{}", "[".repeat(128), "]".repeat(128));
    for text in [
        "{\"a\": 1,}",
        "[1,]",
        "[1,",
        "{\"a\": 1,",
        "{\"a\" 1}",
        "{\"a\":}",
        "{1: 2}",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "[01]",
        "[-]",
        "[1.]",
        "[1e]",
        "[.5]",
        "[tru]",
        "[nul",
        "\"\\x\"",
        "\"\\u12G4\"",
        "\"\\uDC00\"",
        "\"\\uD800\"",
        "\"\\uD800\\n\"",
        "\"\\uD800\\u0041\"",
        "\"a\u{1}b\"",
        "\"open",
        "{} x",
        "[] ]",
        "\u{feff}{}",
        "{\n  \"Key\": \"a\",\n}",
        "[\n\n  1,\n  ]",
        deep.as_str(),
        deep_ok.as_str(),
        deep_bad.as_str(),
        "[1e400]",
        "{\"a\": [1, {\"b\": [true, false, null, \"\\ud83d\\ude00\"]}]}",
    ] {
        agree(text.as_bytes());
    }
}

#[test]
fn every_jsontestsuite_file() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/jsontestsuite");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("skipped: no corpus at {}", dir.display());
        return;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            agree(&std::fs::read(&path).unwrap());
            count += 1;
        }
    }
    assert!(count > 300, "{count} files");
}

/// A shape the walk parses in full (declared keys, nested typed dicts, lists, dicts, open
/// values), so its errors come from the walk's checked reading, not from skipping.
mod shape {
    use typed_dict::{typed_dict, Dict, JsonValue, List};

    #[typed_dict]
    pub struct Tag {
        #[typed_dict(key = "Key")]
        pub key: String,
        #[typed_dict(key = "Value")]
        pub value: Option<String>,
    }

    #[typed_dict]
    pub struct Payload {
        pub name: String,
        pub tags: List<Tag>,
        pub count: Option<f64>,
        pub size: Option<i64>,
        pub flag: Option<bool>,
        pub counts: Option<Dict<String, i64>>,
        pub any: Option<JsonValue>,
    }
}

const PAYLOAD: &str = r#"{"name": "a\u00e9\n", "tags": [{"Key": "k", "Value": "v"}, {"Key": "\ud83d\ude00"}],
 "count": 12.5e3, "size": -7, "flag": true, "counts": {"HIGH": 1, "LOW": 0},
 "any": {"x": [1, -2.5, "s", null, false, {}], "y": []}, "unknown": [true, {"z": "\"q\""}]}"#;

/// The walk's malformed-JSON message for `text` checked as `Payload`, if it has one.
fn typed_walk(text: &str) -> Option<String> {
    use typed_dict::TypedDict;
    let report = typed_dict::validate_schema(
        text.as_bytes(),
        shape::Payload::schema(),
        DecodeOptions::wire(),
    );
    let malformed = report
        .errors
        .iter()
        .find(|error| matches!(error.kind, ErrorKind::MalformedJson { .. }))?;
    assert_eq!(
        report.errors.len(),
        1,
        "malformed JSON is reported alone: {text:?}"
    );
    Some(malformed.message.clone())
}

/// serde_json's words for `text`: skipping it, and parsing it into a `Value`.
fn serde_words(text: &str) -> (Option<String>, Option<String>) {
    let words = |error: serde_json::Error| format!("malformed JSON: {error}");
    (
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .err()
            .map(words),
        serde_json::from_str::<serde_json::Value>(text)
            .err()
            .map(words),
    )
}

/// The walk stops where serde_json stops and says what it says: what skipping says, or
/// (for the rules serde_json checks only where it parses: trailing commas, surrogates,
/// control characters in declared strings) what parsing says.
fn agrees_with_serde_json(text: &str) {
    let ours = typed_walk(text);
    let (skipping, parsing) = serde_words(text);
    match (&ours, &skipping) {
        (None, None) => {}
        (Some(ours), _) => assert!(
            Some(ours) == skipping.as_ref() || Some(ours) == parsing.as_ref(),
            "{text:?}\n ours: {ours}\n skipping: {skipping:?}\n parsing: {parsing:?}"
        ),
        (None, Some(theirs)) => panic!("{text:?}: accepted, serde_json says {theirs}"),
    }
}

#[test]
fn every_cut_of_a_typed_payload_fails_in_serde_json_words() {
    assert_eq!(typed_walk(PAYLOAD), None);
    for end in (1..PAYLOAD.len()).filter(|&end| PAYLOAD.is_char_boundary(end)) {
        let prefix = &PAYLOAD[..end];
        assert!(typed_walk(prefix).is_some(), "{prefix:?}");
        agrees_with_serde_json(prefix);
    }
}

#[test]
fn every_one_byte_change_of_a_typed_payload_fails_in_serde_json_words() {
    for at in 0..PAYLOAD.len() {
        for replacement in [
            ",", "}", "]", "\"", ":", "x", " ", "\\", "0", "{", "[", "\u{1}",
        ] {
            if !PAYLOAD.is_char_boundary(at) || !PAYLOAD.is_char_boundary(at + 1) {
                continue;
            }
            let text = format!("{}{replacement}{}", &PAYLOAD[..at], &PAYLOAD[at + 1..]);
            agrees_with_serde_json(&text);
            let inserted = format!("{}{replacement}{}", &PAYLOAD[..at], &PAYLOAD[at..]);
            agrees_with_serde_json(&inserted);
        }
    }
}
