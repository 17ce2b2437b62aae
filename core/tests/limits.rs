//! Bounded reports: the first errors and warnings kept in full, the rest counted.

use typed_dict::{typed_dict, DecodeOptions, Dict, ErrorKind, List, TypedDict};

#[typed_dict]
pub struct TagsTypeDef {
    pub tags: List<String>,
    pub count: Option<i64>,
}

fn tags_of_ints(count: usize) -> String {
    let items: Vec<&str> = vec!["1"; count];
    format!(r#"{{"tags": [{}]}}"#, items.join(","))
}

#[test]
fn errors_past_the_cap_are_counted_not_kept() {
    let json = tags_of_ints(10);
    let options = DecodeOptions::strict().max_errors(3);
    let report = typed_dict::validate_schema(json.as_bytes(), TagsTypeDef::schema(), options);
    assert_eq!(report.errors.len(), 3);
    assert_eq!(report.more_errors, 7);
    assert_eq!(report.error_count(), 10);
    assert!(!report.is_valid());
    let paths: Vec<&str> = report.errors.iter().map(|e| e.path.as_str()).collect();
    assert_eq!(paths, ["$.tags[0]", "$.tags[1]", "$.tags[2]"]);

    let error = typed_dict::decode::<TagsTypeDef>(json.as_bytes(), options).unwrap_err();
    assert_eq!(error.errors(), &report.errors[..]);
    assert_eq!(error.more_errors(), 7);
    assert_eq!(error.error_count(), 10);
    let display = error.to_string();
    assert!(
        display.starts_with("10 validation errors for TagsTypeDef\n"),
        "{display}"
    );
    assert!(display.ends_with("\n  ... and 7 more errors"), "{display}");
}

#[test]
fn the_default_cap_keeps_a_thousand() {
    let json = tags_of_ints(5_000);
    let error = typed_dict::from_str::<TagsTypeDef>(&json).unwrap_err();
    assert_eq!(error.errors().len(), DecodeOptions::DEFAULT_MAX_ERRORS);
    assert_eq!(error.error_count(), 5_000);
    assert!(error.to_string().ends_with("... and 4,000 more errors"));
    let all = typed_dict::validate_schema(
        json.as_bytes(),
        TagsTypeDef::schema(),
        DecodeOptions::strict().max_errors(usize::MAX),
    );
    assert_eq!((all.errors.len(), all.more_errors), (5_000, 0));
}

#[test]
fn a_cap_of_zero_keeps_nothing_but_still_fails() {
    let options = DecodeOptions::strict().max_errors(0);
    let report =
        typed_dict::validate_schema(tags_of_ints(2).as_bytes(), TagsTypeDef::schema(), options);
    assert!(report.errors.is_empty());
    assert_eq!(report.more_errors, 2);
    assert!(!report.is_valid());
    let error = typed_dict::decode::<TagsTypeDef>(tags_of_ints(2).as_bytes(), options).unwrap_err();
    assert_eq!(error.error_count(), 2);
    assert_eq!(
        error.to_string(),
        "2 validation errors for TagsTypeDef\n  ... and 2 more errors"
    );
}

#[test]
fn warnings_have_their_own_cap() {
    let keys: Vec<String> = (0..50).map(|i| format!(r#""u{i}": 0"#)).collect();
    let json = format!(r#"{{"tags": [], {}, "count": "x"}}"#, keys.join(", "));
    let report = typed_dict::validate_schema(
        json.as_bytes(),
        TagsTypeDef::schema(),
        DecodeOptions::wire().max_errors(5),
    );
    assert_eq!(report.warnings.len(), 5);
    assert_eq!(report.more_warnings, 45);
    assert_eq!(report.warning_count(), 50);
    assert!(report
        .warnings
        .iter()
        .all(|w| w.kind == ErrorKind::UnknownKey));
    assert_eq!(
        report.errors.len(),
        1,
        "an error after the warnings is still kept"
    );
    assert_eq!(report.errors[0].path, "$.count");
}

#[typed_dict]
pub struct ByKeyTypeDef {
    pub by_key: Dict<String, List<i64>>,
}

#[test]
fn long_keys_are_kept_exactly_until_the_text_budget_runs_out() {
    // Every kept path holds the whole 1 MiB key; past the text budget (16 MiB plus twice
    // the input) errors are counted instead.
    let key = "k".repeat(1 << 20);
    let items = vec![r#""x""#; 100].join(",");
    let json = format!(r#"{{"byKey": {{"{key}": [{items}]}}}}"#);
    let report = typed_dict::validate_schema(
        json.as_bytes(),
        ByKeyTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(report.error_count(), 100);
    assert!(
        (10..30).contains(&report.errors.len()),
        "{} kept",
        report.errors.len()
    );
    for (index, error) in report.errors.iter().enumerate() {
        assert_eq!(error.path, format!("$.byKey.{key}[{index}]"));
    }
}
