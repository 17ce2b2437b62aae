//! Issue 19 at the command line: a 10 MB literal value gives a report of one short line
//! that names the value's length, as text and as JSON, strict or wire.

mod common;

use common::{ecr_types, run};
use serde_json::Value;

/// A DescribeImages page whose one image's scan status is ten million `D`s (strict mode
/// also misses its `nextToken` and `ResponseMetadata`: two short lines more).
fn page() -> String {
    let status = "D".repeat(10_000_000);
    format!(r#"{{"imageDetails":[{{"imageScanStatus":{{"status":"{status}"}}}}]}}"#)
}

/// How the status is quoted: its first 25 and last 24 characters, and its length.
fn quoted() -> String {
    format!(
        "'{}...{}' (10,000,000 characters)",
        "D".repeat(25),
        "D".repeat(24)
    )
}

/// A report that might be huge, shortened for an assertion's message.
fn start(text: &str) -> String {
    text.chars().take(300).collect()
}

/// `ecr-types validate ARGS... DescribeImagesResponseTypeDef` over [`page`] on stdin.
fn validate(args: &[&str]) -> common::Run {
    run(ecr_types()
        .arg("validate")
        .args(args)
        .arg("DescribeImagesResponseTypeDef")
        .write_stdin(page()))
}

#[test]
fn a_ten_megabyte_literal_value_gives_a_short_text_report() {
    let strict = validate(&[]);
    assert_eq!(strict.code, 1, "{}", start(&strict.stderr));
    assert!(strict.stdout.len() < 1024, "{} bytes", strict.stdout.len());
    let lines: Vec<&str> = strict.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "<stdin>: 3 validation errors for DescribeImagesResponseTypeDef"
    );
    let error = format!(
        "  $.imageDetails[0].imageScanStatus.status: {} is not a valid ScanStatusType; expected '",
        quoted()
    );
    assert!(lines[1].starts_with(&error), "{}", start(lines[1]));
    assert!(lines[1].ends_with("' [invalid_literal]"), "{}", lines[1]);
    assert_eq!(lines.len(), 4);

    // Wire mode keeps the value, with a warning quoted the same way.
    let wire = validate(&["--wire"]);
    assert_eq!(wire.code, 0, "{}", start(&wire.stderr));
    assert!(wire.stdout.len() < 1024, "{} bytes", wire.stdout.len());
    let warning = format!(
        "<stdin>: ok\n  warning: $.imageDetails[0].imageScanStatus.status: {} is not a known ScanStatusType value",
        quoted()
    );
    assert!(wire.stdout.starts_with(&warning), "{}", start(&wire.stdout));
}

#[test]
fn a_ten_megabyte_literal_value_gives_a_short_json_report() {
    let json = validate(&["--format", "json"]);
    assert_eq!(json.code, 1, "{}", start(&json.stderr));
    assert!(json.stdout.len() < 1024, "{} bytes", json.stdout.len());
    let report: Value = serde_json::from_str(json.stdout.trim_end()).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 3);
    assert_eq!(errors[0]["kind"], "invalid_literal");
    assert_eq!(
        errors[0]["path"],
        "$.imageDetails[0].imageScanStatus.status"
    );
    let message = errors[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("{} is not a valid ScanStatusType", quoted())),
        "{message}"
    );
}
