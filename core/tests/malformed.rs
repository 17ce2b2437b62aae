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
