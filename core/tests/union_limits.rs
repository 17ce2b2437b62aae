//! `DecodeOptions::max_errors` where errors sit under union-typed keys: each member is
//! tried by a walk with a report of its own, merged into the document's when chosen. Past
//! the cap, the errors a member counted but did not keep still count, on top of those
//! counted before the union (nested unions too), so a report's `error_count()` is the
//! same whatever the cap, and its kept errors are the first ones of the uncapped report,
//! in `validate`, `validate_value` and `decode` alike.

use typed_dict::{
    typed_dict, DecodeOptions, ErrorKind, List, TypedDict, TypedValue, ValidationError,
};

/// Either list, so that a list of strings is wrong for both, item by item.
#[typed_dict]
pub enum Numbers {
    Ints(List<i64>),
    Flags(List<bool>),
}

/// A union whose first member holds a union.
#[typed_dict]
pub enum Groups {
    Nested(List<Numbers>),
    Matrix(List<List<bool>>),
}

#[typed_dict]
pub struct Point {
    pub x: i64,
    pub y: i64,
    pub z: i64,
}

/// A member with three errors and one with a single `wrong_type`: the closest member is
/// the second, whatever the cap.
#[typed_dict]
pub enum Shape {
    Point(Point),
    Ints(List<i64>),
}

#[typed_dict]
pub struct Doc {
    pub counts: List<i64>,
    pub first: Numbers,
    pub second: Option<Numbers>,
    pub groups: Option<Groups>,
    pub shape: Option<Shape>,
    pub last: Option<i64>,
}

/// 2 errors before the unions, 3 + 2 under `Numbers` keys, 2 + 3 under the union
/// nested in `Groups`, 1 under `Shape`, and 1 after them all: 14.
const JSON: &str = r#"{
    "counts": ["x", "x"],
    "first": ["a", "b", "c"],
    "second": ["d", "e"],
    "groups": [["f", "g"], ["h", "i", "j"]],
    "shape": {"x": "p", "y": "q", "z": "r"},
    "last": "s"
}"#;

const TOTAL: usize = 14;

fn kept(errors: &[ValidationError]) -> Vec<(ErrorKind, &str)> {
    errors.iter().map(|e| (e.kind, e.path.as_str())).collect()
}

#[test]
fn the_uncapped_report_lists_every_error_under_the_unions() {
    let all = typed_dict::validate_schema(
        JSON.as_bytes(),
        Doc::schema(),
        DecodeOptions::strict().max_errors(usize::MAX),
    );
    assert_eq!(
        kept(&all.errors),
        [
            (ErrorKind::WrongType, "$.counts[0]"),
            (ErrorKind::WrongType, "$.counts[1]"),
            (ErrorKind::WrongType, "$.first[0]"),
            (ErrorKind::WrongType, "$.first[1]"),
            (ErrorKind::WrongType, "$.first[2]"),
            (ErrorKind::WrongType, "$.second[0]"),
            (ErrorKind::WrongType, "$.second[1]"),
            (ErrorKind::WrongType, "$.groups[0][0]"),
            (ErrorKind::WrongType, "$.groups[0][1]"),
            (ErrorKind::WrongType, "$.groups[1][0]"),
            (ErrorKind::WrongType, "$.groups[1][1]"),
            (ErrorKind::WrongType, "$.groups[1][2]"),
            (ErrorKind::WrongType, "$.shape"),
            (ErrorKind::WrongType, "$.last"),
        ]
    );
    assert_eq!(all.more_errors, 0);
    assert_eq!(all.error_count(), TOTAL);
    assert_eq!(all.errors[2].message, "expected int, got str");
    assert_eq!(all.errors[12].message, "expected list[int], got object");
}

#[test]
fn errors_past_the_cap_under_unions_are_all_counted() {
    let all = typed_dict::validate_schema(
        JSON.as_bytes(),
        Doc::schema(),
        DecodeOptions::strict().max_errors(usize::MAX),
    );
    assert_eq!(all.error_count(), TOTAL);
    for cap in 0..=TOTAL + 1 {
        let options = DecodeOptions::strict().max_errors(cap);
        let shown = cap.min(TOTAL);
        let report = typed_dict::validate_schema(JSON.as_bytes(), Doc::schema(), options);
        assert_eq!(report.errors, all.errors[..shown], "cap {cap}");
        assert_eq!(report.more_errors, TOTAL - shown, "cap {cap}");
        assert_eq!(report.error_count(), TOTAL, "cap {cap}");

        let error = typed_dict::decode::<Doc>(JSON.as_bytes(), options).unwrap_err();
        assert_eq!(error.errors(), &all.errors[..shown], "cap {cap}");
        assert_eq!(error.more_errors(), TOTAL - shown, "cap {cap}");
        assert_eq!(error.error_count(), TOTAL, "cap {cap}");
    }
}

#[test]
fn a_one_error_cap_counts_the_rest_exactly() {
    let options = DecodeOptions::strict().max_errors(1);
    let report = typed_dict::validate_schema(JSON.as_bytes(), Doc::schema(), options);
    assert_eq!(
        kept(&report.errors),
        [(ErrorKind::WrongType, "$.counts[0]")]
    );
    assert_eq!(report.more_errors, 13);
    let error = typed_dict::decode::<Doc>(JSON.as_bytes(), options).unwrap_err();
    assert_eq!(error.more_errors(), 13);
    assert!(
        error.to_string().ends_with("\n  ... and 13 more errors"),
        "{error}"
    );
}

/// A union at the top, holding a union: the counts of the inner union's members add up
/// past the cap of the outer one's walk.
#[test]
fn a_top_level_union_of_unions_counts_past_the_cap() {
    let json = br#"[["a", "b", "c"], ["d", "e"], ["f", "g", "h", "i"]]"#;
    let value_type = &<Groups as TypedValue>::TYPE;
    let all = typed_dict::validate_value(
        json,
        value_type,
        DecodeOptions::strict().max_errors(usize::MAX),
    );
    assert_eq!(all.error_count(), 9);
    assert_eq!(all.errors[8].path, "$[2][3]");
    for cap in 0..=10 {
        let options = DecodeOptions::strict().max_errors(cap);
        let shown = cap.min(9);
        let report = typed_dict::validate_value(json, value_type, options);
        assert_eq!(report.errors, all.errors[..shown], "cap {cap}");
        assert_eq!(report.more_errors, 9 - shown, "cap {cap}");
        let error = typed_dict::decode::<Groups>(json, options).unwrap_err();
        assert_eq!(error.errors(), &all.errors[..shown], "cap {cap}");
        assert_eq!(error.error_count(), 9, "cap {cap}");
    }
}

/// Warnings have their own cap and their own count, merged the same way: unknown keys
/// of an open typed dict that a union member accepts.
#[test]
fn warnings_past_the_cap_under_unions_are_all_counted() {
    let json = br#"{"counts": [], "first": [], "u0": 0, "v0": 0,
        "shape": {"x": 1, "y": 2, "z": 3, "u1": 0, "u2": 0, "u3": 0}}"#;
    let all = typed_dict::validate_schema(
        json,
        Doc::schema(),
        DecodeOptions::strict().max_errors(usize::MAX),
    );
    assert!(all.is_valid());
    let paths: Vec<&str> = all.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        paths,
        ["$.u0", "$.v0", "$.shape.u1", "$.shape.u2", "$.shape.u3"]
    );
    for cap in 0..=6 {
        let report = typed_dict::validate_schema(
            json,
            Doc::schema(),
            DecodeOptions::strict().max_errors(cap),
        );
        let shown = cap.min(5);
        assert_eq!(report.warnings, all.warnings[..shown], "cap {cap}");
        assert_eq!(report.more_warnings, 5 - shown, "cap {cap}");
        assert_eq!(report.warning_count(), 5, "cap {cap}");
    }
}
