//! Invalid input yields every problem at once, each with its JSON path and kind.

use typed_dict::{DecodeOptions, ErrorKind};
use typed_dict_tests::*;

use crate::errors_of;

#[test]
fn every_problem_is_reported_with_its_path() {
    let json = r#"{
        "imageDetails": [
            {"imageDigest": "sha256:1"},
            {"imageSizeInBytes": "big"},
            {"imageScanStatus": {"status": "DONE"}, "imagePushedAt": "yesterday"},
            {"imageScanFindingsSummary": {"findingSeverityCounts": {"SEVERE": 1, "HIGH": 1.5}}}
        ],
        "nextToken": 7,
        "ResponseMetadata": {"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}
    }"#;
    let error = typed_dict::from_str::<DescribeImagesResponseTypeDef>(json).unwrap_err();
    let found: Vec<(ErrorKind, &str)> = error
        .errors()
        .iter()
        .map(|e| (e.kind, e.path.as_str()))
        .collect();
    assert_eq!(
        found,
        vec![
            (ErrorKind::WrongType, "$.imageDetails[1].imageSizeInBytes"),
            (
                ErrorKind::InvalidLiteral,
                "$.imageDetails[2].imageScanStatus.status"
            ),
            (
                ErrorKind::InvalidTimestamp,
                "$.imageDetails[2].imagePushedAt"
            ),
            (
                ErrorKind::InvalidLiteral,
                "$.imageDetails[3].imageScanFindingsSummary.findingSeverityCounts.SEVERE"
            ),
            (
                ErrorKind::WrongType,
                "$.imageDetails[3].imageScanFindingsSummary.findingSeverityCounts.HIGH"
            ),
            (ErrorKind::WrongType, "$.nextToken"),
        ]
    );
    let display = error.to_string();
    assert!(
        display.starts_with("6 validation errors for DescribeImagesResponseTypeDef\n"),
        "{display}"
    );
    assert!(
        display.contains("  $.imageDetails[2].imageScanStatus.status: 'DONE' is not a valid ScanStatusType; expected 'IN_PROGRESS', 'COMPLETE', 'FAILED' or 'UNSUPPORTED_IMAGE' [invalid_literal]"),
        "{display}"
    );
    assert!(
        display.contains("$.imageDetails[1].imageSizeInBytes: expected int, got str [wrong_type]"),
        "{display}"
    );
}

#[test]
fn malformed_json_reports_line_and_column() {
    let error = typed_dict::from_str::<TagTypeDef>("{\n  \"Key\": \"a\",\n  oops\n}").unwrap_err();
    assert_eq!(error.errors().len(), 1);
    assert_eq!(error.errors()[0].kind, ErrorKind::malformed_json(3, 3));
    assert!(error.errors()[0]
        .message
        .starts_with("malformed JSON: key must be a string"));
    for (input, line, column) in [
        ("", 1, 0),
        ("{\"Key\": \"a\"} x", 1, 14),
        ("{\"Key\": \"a\"", 1, 11),
    ] {
        let error = typed_dict::from_str::<TagTypeDef>(input).unwrap_err();
        assert_eq!(
            error.errors()[0].kind,
            ErrorKind::malformed_json(line, column),
            "{input:?}"
        );
    }
}

#[test]
fn wrong_top_level_type() {
    for (input, got) in [
        ("[]", "list"),
        ("\"tag\"", "str"),
        ("1", "int"),
        ("true", "bool"),
    ] {
        let error = typed_dict::from_str::<TagTypeDef>(input).unwrap_err();
        assert_eq!(error.errors()[0].kind, ErrorKind::WrongType);
        assert_eq!(error.errors()[0].path, "$");
        assert_eq!(
            error.errors()[0].message,
            format!("expected object (TagTypeDef), got {got}")
        );
    }
    let null = typed_dict::from_str::<TagTypeDef>("null").unwrap_err();
    assert_eq!(null.errors()[0].kind, ErrorKind::NullNotAllowed);
}

#[test]
fn duplicate_keys_are_errors() {
    let errors = errors_of::<TagTypeDef>(r#"{"Key": "a", "Key": "b"}"#, DecodeOptions::strict());
    assert_eq!(errors, vec![(ErrorKind::DuplicateKey, "$.Key".to_owned())]);
}

#[test]
fn null_inside_lists_is_not_allowed() {
    let errors = errors_of::<DescribeImagesResponseTypeDef>(
        r#"{"imageDetails": [null, {"imageTags": ["a", null]}], "nextToken": "t", "ResponseMetadata": {"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}}"#,
        DecodeOptions::wire(),
    );
    assert_eq!(
        errors,
        vec![
            (ErrorKind::NullNotAllowed, "$.imageDetails[0]".to_owned()),
            (
                ErrorKind::NullNotAllowed,
                "$.imageDetails[1].imageTags[1]".to_owned()
            ),
        ]
    );
}

#[test]
fn errors_are_data_for_tools() {
    let error = typed_dict::from_str::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"imageTagMutability": "mutable"}"#,
    )
    .unwrap_err();
    assert_eq!(error.type_name(), "CreateRepositoryRequestRequestTypeDef");
    let codes: Vec<&str> = error.errors().iter().map(|e| e.kind.code()).collect();
    assert_eq!(codes, ["invalid_literal", "missing_key"]);
    assert_eq!(error.into_errors().len(), 2);
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let error =
        typed_dict::from_str::<TagTypeDef>(&format!("{{\"Key\": {}}}", deep(100_000))).unwrap_err();
    assert_eq!(error.errors()[0].kind, ErrorKind::WrongType, "{error}");
    let kept = format!("{{\"repositoryName\": \"r\", \"deep\": {}}}", deep(100_000));
    let error = typed_dict::from_str::<RepositoryWithExtrasTypeDef>(&kept).unwrap_err();
    assert!(
        matches!(error.errors()[0].kind, ErrorKind::MalformedJson { .. }),
        "{error}"
    );
    assert!(
        error.to_string().contains("recursion limit exceeded"),
        "{error}"
    );
    let top = typed_dict::from_str::<TagTypeDef>(&deep(100_000)).unwrap_err();
    assert_eq!(top.errors()[0].kind, ErrorKind::WrongType, "{top}");
}

#[test]
fn bytes_that_are_not_utf8_are_malformed_even_where_values_are_skipped() {
    let error = typed_dict::from_slice::<CreateRepositoryRequestRequestTypeDef>(
        b"{\"repositoryName\": \"web\",\n \"note\": \"\xFF\"}",
    )
    .unwrap_err();
    assert_eq!(error.errors().len(), 1);
    assert_eq!(error.errors()[0].kind, ErrorKind::malformed_json(2, 11));
    assert_eq!(
        error.errors()[0].message,
        "not UTF-8 text: invalid byte at offset 36 (line 2, column 11)"
    );
    let empty = typed_dict::from_slice::<TagTypeDef>(b" \n").unwrap_err();
    assert_eq!(
        empty.errors()[0].message,
        "empty input: expected a JSON object"
    );
}
