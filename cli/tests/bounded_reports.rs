//! Reports of any size in bounded memory (issue 12, point 1, the CLI's part): `--max-errors`
//! shortens the lists and counts the rest, and warnings of every kind print.

mod common;

use std::process::Stdio;

use common::{ecr_types, ecr_types_process, run, TempDir};
use ecr_types_cli::report::{self, PayloadReport};
use serde_json::Value;
use typed_dict::{typed_dict, DecodeOptions, Dict, List, TypedDict, UnknownValue};

/// A DescribeImages page whose one image has `count` tags that are numbers (one
/// `wrong_type` error each) and `unknown` keys the shape does not declare (one warning
/// each, in wire mode).
fn flood(count: usize, unknown: usize) -> String {
    let tags = vec!["1"; count].join(",");
    let keys: String = (0..unknown).map(|i| format!(r#","new{i}":{i}"#)).collect();
    format!(r#"{{"imageDetails":[{{"imageTags":[{tags}]{keys}}}]}}"#)
}

fn validate_wire(args: &[&str], input: String) -> common::Run {
    run(ecr_types()
        .args(["validate", "--wire"])
        .args(args)
        .arg("DescribeImagesResponseTypeDef")
        .write_stdin(input))
}

#[test]
fn max_errors_shortens_the_list_and_counts_the_rest() {
    let result = validate_wire(&["--max-errors", "3"], flood(10, 0));
    assert_eq!(result.code, 1);
    assert_eq!(
        result.stdout,
        "<stdin>: 10 validation errors for DescribeImagesResponseTypeDef\n  \
         $.imageDetails[0].imageTags[0]: expected str, got int [wrong_type]\n  \
         $.imageDetails[0].imageTags[1]: expected str, got int [wrong_type]\n  \
         $.imageDetails[0].imageTags[2]: expected str, got int [wrong_type]\n  \
         ... and 7 more errors\n"
    );
    let json = validate_wire(&["--max-errors", "3", "--format", "json"], flood(10, 0));
    let report: Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"].as_array().unwrap().len(), 3);
    assert_eq!(report["more_errors"], 7);
    assert_eq!(report["more_warnings"], 0);
}

#[test]
fn the_default_keeps_a_thousand_and_says_how_many_more() {
    let result = validate_wire(&[], flood(2500, 0));
    assert_eq!(result.code, 1);
    let lines: Vec<&str> = result.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "<stdin>: 2,500 validation errors for DescribeImagesResponseTypeDef"
    );
    assert_eq!(lines.len(), 1 + 1000 + 1);
    assert_eq!(lines[1001], "  ... and 1,500 more errors");
}

#[test]
fn max_errors_ends_the_text_report_with_the_count_of_the_rest() {
    let run = run(ecr_types()
        .args(["validate", "--wire", "--max-errors", "2"])
        .arg("DescribeImagesResponseTypeDef")
        .write_stdin(flood(1_234, 3)));
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "<stdin>: 1,234 validation errors for DescribeImagesResponseTypeDef\n  \
         $.imageDetails[0].imageTags[0]: expected str, got int [wrong_type]\n  \
         $.imageDetails[0].imageTags[1]: expected str, got int [wrong_type]\n  \
         ... and 1,232 more errors\n  \
         warning: $.imageDetails[0].new0: unknown key `new0`: ImageDetailTypeDef does not declare it [unknown_key]\n  \
         warning: $.imageDetails[0].new1: unknown key `new1`: ImageDetailTypeDef does not declare it [unknown_key]\n  \
         ... and 1 more warning\n"
    );
}

#[test]
fn the_text_report_is_the_library_s_rendering_after_the_file_name() {
    let input = flood(5, 1);
    let run = run(ecr_types()
        .args(["validate", "--wire", "--max-errors", "3"])
        .arg("DescribeImagesResponseTypeDef")
        .write_stdin(input.clone()));
    let report = typed_dict::validate_schema(
        input.as_bytes(),
        <ecr_types::DescribeImagesResponseTypeDef as typed_dict::TypedDict>::schema(),
        typed_dict::DecodeOptions::wire().max_errors(3),
    );
    assert_eq!(report.more_errors, 2);
    assert_eq!(run.stdout, format!("<stdin>: {report}\n"));
    assert!(run.stdout.ends_with("  warning: $.imageDetails[0].new0: unknown key `new0`: ImageDetailTypeDef does not declare it [unknown_key]\n"));
    assert!(run.stdout.contains("\n  ... and 2 more errors\n"));
}

#[test]
fn warnings_are_capped_too_and_a_payload_with_only_warnings_is_valid() {
    let result = validate_wire(&["--max-errors", "2"], flood(0, 10));
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert_eq!(
        result.stdout,
        "<stdin>: ok\n  \
         warning: $.imageDetails[0].new0: unknown key `new0`: ImageDetailTypeDef does not declare it [unknown_key]\n  \
         warning: $.imageDetails[0].new1: unknown key `new1`: ImageDetailTypeDef does not declare it [unknown_key]\n  \
         ... and 8 more warnings\n"
    );
}

#[test]
fn keeping_no_error_still_fails_the_payload() {
    let result = validate_wire(&["--max-errors", "0"], flood(4, 0));
    assert_eq!(result.code, 1, "counted errors make a payload invalid");
    assert!(
        result
            .stdout
            .starts_with("<stdin>: 4 validation errors for DescribeImagesResponseTypeDef\n"),
        "{}",
        result.stdout
    );
    assert!(
        result.stdout.ends_with("more errors\n"),
        "{}",
        result.stdout
    );
}

#[test]
fn a_flood_of_errors_is_checked_in_bounded_memory() {
    let dir = TempDir::new("flood");
    let payload = flood(1_000_000, 0);
    let size_kib = payload.len() as i64 / 1024;
    let file = dir.write("flood.json", payload);
    let child = ecr_types_process()
        .args(["validate", "--wire", "DescribeImagesResponseTypeDef"])
        .arg(&file)
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let (code, peak_kib) = common::wait_with_peak_rss(child);
    assert_eq!(code, 1);
    assert!(
        peak_kib < size_kib * 10 + 64 * 1024,
        "peak RSS {peak_kib} KiB for a {size_kib} KiB payload with a million errors"
    );
}

#[test]
fn a_bad_error_cap_is_a_usage_error() {
    for bad in ["-1", "many", ""] {
        let result = run(ecr_types().args(["validate", "--max-errors", bad, "TagTypeDef"]));
        assert_eq!(result.code, 2, "{bad:?}");
    }
}

/// Tag mutability as declared once; the service has added values since.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mutability {
    Mutable,
    Immutable,
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

#[typed_dict]
pub struct Repository {
    pub mutability: Mutability,
    pub history: Option<List<Mutability>>,
    pub counts: Option<Dict<Mutability, i64>>,
}

#[test]
fn warnings_of_every_kind_print_escaped_with_their_kind() {
    let payload = br#"{"mutability": "NEW\u001b[2J", "history": ["MUTABLE", "LATER"],
        "counts": {"SOON\u202e": 1}, "extra\n": 1}"#;
    let options = DecodeOptions::wire();
    let report = typed_dict::validate_schema(payload, Repository::schema(), options);
    let kinds: Vec<&str> = report.warnings.iter().map(|w| w.kind.code()).collect();
    assert_eq!(
        kinds,
        [
            "unknown_literal",
            "unknown_literal",
            "unknown_literal",
            "unknown_key"
        ]
    );
    let mut text = Vec::new();
    report::text(
        &PayloadReport {
            file: "repo.json",
            line: None,
            schema: Repository::schema(),
            options,
            report: &report,
        },
        &mut text,
    )
    .unwrap();
    let text = String::from_utf8(text).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(lines[0], "repo.json: ok");
    for (line, kind) in lines[1..].iter().zip(&kinds) {
        assert!(line.starts_with("  warning: $"), "{line}");
        assert!(line.ends_with(&format!("[{kind}]")), "{line}");
    }
    assert!(lines[1].contains(r"NEW\u{1b}[2J"), "{}", lines[1]);
    assert!(lines[3].contains(r"SOON\u{202e}"), "{}", lines[3]);
    assert!(lines[4].contains(r"extra\n"), "{}", lines[4]);
}
