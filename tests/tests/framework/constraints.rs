//! Field constraints (`min_length`, `max_length`, `pattern`, `ge`, `le`): checked only
//! with `DecodeOptions::constraints(true)`, the same by `decode`, `validate` and
//! `validate_value`, each violation a `constraint_violation` at its key's path.

use std::collections::{BTreeMap, HashMap};

use typed_dict::schema::Bound;
use typed_dict::{
    typed_dict, Blob, DecodeOptions, Dict, ErrorKind, List, Sequence, TypedDict, TypedValue,
};

#[typed_dict(output = RequestOutput)]
pub struct Request {
    #[typed_dict(
        min_length = 2,
        max_length = 10,
        pattern = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"
    )]
    pub repository_name: String,
    #[typed_dict(ge = 1, le = 1000)]
    pub max_results: Option<i64>,
    #[typed_dict(ge = -1.5, le = 2.5)]
    pub score: Option<f64>,
    #[typed_dict(le = 200)]
    pub small: Option<u8>,
    #[typed_dict(min_length = 1, max_length = 2)]
    pub tags: Option<Sequence<String>>,
    #[typed_dict(max_length = 1)]
    pub ids: Option<List<i64>>,
    #[typed_dict(min_length = 1)]
    pub labels: Option<Dict<String, String>>,
    #[typed_dict(max_length = 1)]
    pub hashed: Option<HashMap<String, i64>>,
    #[typed_dict(max_length = 1)]
    pub ordered: Option<BTreeMap<String, i64>>,
    #[typed_dict(min_length = 2, max_length = 3)]
    pub digest: Option<Blob>,
}

#[typed_dict]
pub struct Wrapper {
    pub requests: List<Request>,
}

const VALID: &str = r#"{"repositoryName": "web-app", "maxResults": 1000, "score": -1.5,
    "small": 200, "tags": ["a", "b"], "ids": [1], "labels": {"k": "v"}, "hashed": {"a": 1},
    "ordered": {"a": 1}, "digest": "AAEC"}"#;

fn checked() -> DecodeOptions {
    DecodeOptions::strict().constraints(true)
}

/// The constraint violations `validate`, `validate_value` and `decode` report, which must
/// be the same: (path, message).
fn violations(json: &str, options: DecodeOptions) -> Vec<(String, String)> {
    let report = typed_dict::validate::<Request>(json.as_bytes(), options);
    let by_value = typed_dict::validate_value(json.as_bytes(), &Request::TYPE, options);
    assert_eq!(report, by_value);
    let found: Vec<(String, String)> = report
        .errors
        .iter()
        .map(|error| {
            assert_eq!(error.kind, ErrorKind::ConstraintViolation, "{error}");
            (error.path.clone(), error.message.clone())
        })
        .collect();
    match typed_dict::decode::<Request>(json.as_bytes(), options) {
        Ok(_) => assert!(found.is_empty(), "decode took what validate refused"),
        Err(error) => assert_eq!(error.errors(), &report.errors[..]),
    }
    found
}

fn one(path: &str, message: &str) -> Vec<(String, String)> {
    vec![(path.to_owned(), message.to_owned())]
}

#[test]
fn values_within_every_bound_pass() {
    assert_eq!(violations(VALID, checked()), []);
    assert_eq!(
        violations(VALID, DecodeOptions::wire().constraints(true)),
        []
    );
    let request: Request = typed_dict::decode(VALID.as_bytes(), checked()).unwrap();
    assert_eq!(request.repository_name, "web-app");
}

#[test]
fn without_the_option_constraints_are_not_checked() {
    let json = r#"{"repositoryName": "Web_App_With_A_Long_Name", "maxResults": 5000}"#;
    assert!(typed_dict::validate::<Request>(json.as_bytes(), DecodeOptions::strict()).is_valid());
    assert!(typed_dict::decode::<Request>(json.as_bytes(), DecodeOptions::strict()).is_ok());
    assert!(typed_dict::from_str::<Request>(json).is_ok());
}

#[test]
fn string_length_counts_characters() {
    let long = r#"{"repositoryName": "abcdefghijk"}"#;
    assert_eq!(
        violations(long, checked()),
        one(
            "$.repositoryName",
            "string of 11 characters is longer than 10"
        )
    );
    let short = r#"{"repositoryName": "a"}"#;
    assert_eq!(
        violations(short, checked()),
        one(
            "$.repositoryName",
            "string of 1 character is shorter than 2"
        )
    );
    // Ten characters of three bytes each: within the bound (the pattern refuses them).
    let wide = r#"{"repositoryName": "日本語日本語日本語日"}"#;
    let found = violations(wide, checked());
    assert_eq!(found.len(), 1);
    assert!(found[0].1.ends_with(
        "does not match (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"
    ));
    // An escape counts as the character it stands for.
    assert_eq!(
        violations(r#"{"repositoryName": "a\u0062"}"#, checked()),
        []
    );
}

#[test]
fn pattern_matches_the_whole_string() {
    assert_eq!(
        violations(r#"{"repositoryName": "Web_App"}"#, checked()),
        one(
            "$.repositoryName",
            "'Web_App' does not match (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"
        )
    );
    // A match inside the string is not a match of it.
    assert_eq!(
        violations(r#"{"repositoryName": "ab/"}"#, checked()).len(),
        1
    );
    assert_eq!(violations(r#"{"repositoryName": "ns/web"}"#, checked()), []);
}

#[test]
fn numbers_are_bounded_inclusively() {
    let cases = [
        (
            r#"{"repositoryName": "ab", "maxResults": 0}"#,
            "$.maxResults",
            "0 is less than 1",
        ),
        (
            r#"{"repositoryName": "ab", "maxResults": 5000}"#,
            "$.maxResults",
            "5000 is greater than 1000",
        ),
        (
            r#"{"repositoryName": "ab", "score": -1.6}"#,
            "$.score",
            "-1.6 is less than -1.5",
        ),
        (
            r#"{"repositoryName": "ab", "score": 3}"#,
            "$.score",
            "3 is greater than 2.5",
        ),
        (
            r#"{"repositoryName": "ab", "small": 201}"#,
            "$.small",
            "201 is greater than 200",
        ),
    ];
    for (json, path, message) in cases {
        assert_eq!(violations(json, checked()), one(path, message), "{json}");
    }
    let edges = r#"{"repositoryName": "ab", "maxResults": 1, "score": 2.5, "small": 0}"#;
    assert_eq!(violations(edges, checked()), []);
}

#[test]
fn lists_dicts_and_blobs_are_measured() {
    let cases = [
        (
            r#""tags": []"#,
            "$.tags",
            "list of 0 items is shorter than 1",
        ),
        (
            r#""tags": ["a", "b", "c"]"#,
            "$.tags",
            "list of 3 items is longer than 2",
        ),
        (
            r#""ids": [1, 2]"#,
            "$.ids",
            "list of 2 items is longer than 1",
        ),
        (
            r#""labels": {}"#,
            "$.labels",
            "dict of 0 entries is shorter than 1",
        ),
        (
            r#""hashed": {"a": 1, "b": 2}"#,
            "$.hashed",
            "dict of 2 entries is longer than 1",
        ),
        (
            r#""ordered": {"a": 1, "b": 2}"#,
            "$.ordered",
            "dict of 2 entries is longer than 1",
        ),
        (
            r#""digest": "AA==""#,
            "$.digest",
            "blob of 1 byte is shorter than 2",
        ),
        (
            r#""digest": "AAECAw==""#,
            "$.digest",
            "blob of 4 bytes is longer than 3",
        ),
    ];
    for (entry, path, message) in cases {
        let json = format!(r#"{{"repositoryName": "ab", {entry}}}"#);
        assert_eq!(violations(&json, checked()), one(path, message), "{json}");
    }
}

#[test]
fn every_violation_is_reported_at_once_with_other_errors() {
    let json = r#"{"repositoryName": "Web_App_Is_Long", "maxResults": 0, "tags": ["a", 1, "c"]}"#;
    let report = typed_dict::validate::<Request>(json.as_bytes(), checked());
    let found: Vec<(ErrorKind, &str)> = report
        .errors
        .iter()
        .map(|error| (error.kind, error.path.as_str()))
        .collect();
    // The list with a wrong item is not measured: its type is wrong already.
    assert_eq!(
        found,
        [
            (ErrorKind::ConstraintViolation, "$.repositoryName"),
            (ErrorKind::ConstraintViolation, "$.repositoryName"),
            (ErrorKind::ConstraintViolation, "$.maxResults"),
            (ErrorKind::WrongType, "$.tags[1]"),
        ]
    );
    let error = typed_dict::decode::<Request>(json.as_bytes(), checked()).unwrap_err();
    assert_eq!(error.errors(), &report.errors[..]);
    assert!(error.to_string().contains("[constraint_violation]"));
}

#[test]
fn nested_keys_are_reported_at_their_paths() {
    let json =
        r#"{"requests": [{"repositoryName": "ab"}, {"repositoryName": "ab", "maxResults": 0}]}"#;
    let error = typed_dict::decode::<Wrapper>(json.as_bytes(), checked()).unwrap_err();
    assert_eq!(error.errors()[0].path, "$.requests[1].maxResults");
    assert!(typed_dict::decode::<Wrapper>(json.as_bytes(), DecodeOptions::strict()).is_ok());
    let report = typed_dict::validate_value(json.as_bytes(), &Wrapper::TYPE, checked());
    assert_eq!(report.errors, error.errors());
}

#[test]
fn null_and_absent_keys_have_no_value_to_measure() {
    let json = r#"{"repositoryName": "ab", "maxResults": null, "tags": null}"#;
    assert_eq!(
        violations(json, DecodeOptions::wire().constraints(true)),
        []
    );
}

#[test]
fn the_schema_and_the_output_variant_carry_the_constraints() {
    let field = Request::schema().field("repositoryName").unwrap();
    let constraints = field.constraints.unwrap();
    assert_eq!(
        (constraints.min_length, constraints.max_length),
        (Some(2), Some(10))
    );
    assert!(constraints.pattern.unwrap().matches("web").unwrap());
    let limit = Request::schema()
        .field("maxResults")
        .unwrap()
        .constraints
        .unwrap();
    assert_eq!(
        (limit.ge, limit.le),
        (Some(Bound::Int(1)), Some(Bound::Int(1000)))
    );
    let score = Request::schema()
        .field("score")
        .unwrap()
        .constraints
        .unwrap();
    assert_eq!(
        (score.ge, score.le),
        (Some(Bound::Float(-1.5)), Some(Bound::Float(2.5)))
    );
    assert!(Wrapper::schema()
        .field("requests")
        .unwrap()
        .constraints
        .is_none());
    let output = RequestOutput::schema()
        .field("tags")
        .unwrap()
        .constraints
        .unwrap();
    assert_eq!(output.min_length, Some(1));
    let json = r#"{"repositoryName": "ab", "tags": []}"#;
    let report = typed_dict::validate::<RequestOutput>(json.as_bytes(), checked());
    assert_eq!(
        report.errors[0].message,
        "list of 0 items is shorter than 1"
    );
}

/// A generic typed dict: its constraints are the same for every instantiation.
#[typed_dict]
pub struct Page<T> {
    #[typed_dict(max_length = 2)]
    pub items: List<T>,
    #[typed_dict(pattern = "[0-9]+")]
    pub next_token: Option<String>,
}

#[test]
fn generic_typed_dicts_take_constraints() {
    let json = r#"{"items": [1, 2, 3], "nextToken": "x"}"#;
    let error = typed_dict::decode::<Page<i64>>(json.as_bytes(), checked()).unwrap_err();
    let messages: Vec<&str> = error.errors().iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "list of 3 items is longer than 2",
            "'x' does not match [0-9]+"
        ]
    );
    assert!(typed_dict::decode::<Page<String>>(br#"{"items": []}"#, checked()).is_ok());
}

/// A named alias and a foreign type read `as = "str"`: the macro cannot see what the alias
/// is, so the runtime applies what fits its JSON type.
#[typed_dict]
pub struct Name(pub String);

#[typed_dict]
pub struct Other {
    #[typed_dict(max_length = 3, pattern = "[a-z]+")]
    pub name: Name,
    #[typed_dict(as = "str", max_length = 9)]
    pub address: std::net::Ipv4Addr,
}

#[test]
fn aliases_and_foreign_types_are_measured_by_their_json_type() {
    let json = r#"{"name": "ABCD", "address": "10.0.0.100"}"#;
    let report = typed_dict::validate::<Other>(json.as_bytes(), checked());
    let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "string of 4 characters is longer than 3",
            "'ABCD' does not match [a-z]+",
            "string of 10 characters is longer than 9"
        ]
    );
    assert!(typed_dict::decode::<Other>(json.as_bytes(), DecodeOptions::strict()).is_ok());
}
