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

/// Broken UTF-8 is the one error of a document wherever it stands, at its offset, in
/// `decode` and `validate` alike: the reader checks UTF-8 as it reads, and a document it
/// stops reading early (at a syntax error, a bad byte where the grammar wants ASCII) is
/// checked whole before its syntax error is reported, so a bad byte further on still wins.
#[test]
fn a_bad_byte_is_the_one_error_wherever_it_stands() {
    let documents: [&[u8]; 15] = [
        b"\xff{\"Key\": \"a\"}",
        b"{\"Key\":\xff\"a\"}",
        b"{\"Key\": \"a\"} \xff",
        b"{\"K\xe9y\": \"a\"}",
        b"{\"Key\": \"a\xc3\"}",
        b"{\"Key\": \"\\n\xed\xa0\x80\"}",
        b"{\"Key\": \"a\", \"Value\": [1, {\"x\": \"\xf4\x90\x80\x80\"}]}",
        b"{\"Key\": 1, \"Value\": \"\xc0\xaf\"}",
        b"{\"Key\": tru, \"Value\": \"\xff\"}",
        b"{\"Key\": \"a\" \"Value\": \"\xff\"}",
        b"[\"\xff\"]",
        b"{\"Key\": \"0123456789abcdef0123456789abcdef\xe2\x82",
        b"{\"Key\": \"\xe2\x82\xac\xe2\x82\"}",
        b"{\"Key\": \"\xc3\xa9\", \"Value\": \"a\xff\"}",
        b"{\"Key\": \"\xc3\xa9\", \"x\": [\"\xe2\x82\xac\"], \"Value\": \"\xe2\x82\"}",
    ];
    for json in documents {
        let offset = std::str::from_utf8(json).unwrap_err().valid_up_to();
        let line = 1 + json[..offset].iter().filter(|&&b| b == b'\n').count();
        let column = offset + 1
            - json[..offset]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1);
        let expected = (
            ErrorKind::malformed_json(line, column),
            "$".to_owned(),
            format!(
                "not UTF-8 text: invalid byte at offset {offset} (line {line}, column {column})"
            ),
        );
        let error = typed_dict::from_slice::<TagTypeDef>(json).unwrap_err();
        let decoded: Vec<_> = error
            .errors()
            .iter()
            .map(|e| (e.kind, e.path.clone(), e.message.clone()))
            .collect();
        assert_eq!(decoded, std::slice::from_ref(&expected), "{json:?}");
        let report = typed_dict::validate::<TagTypeDef>(json, DecodeOptions::wire());
        let validated: Vec<_> = report
            .errors
            .iter()
            .map(|e| (e.kind, e.path.clone(), e.message.clone()))
            .collect();
        assert_eq!(validated, [expected], "{json:?}");
    }
    // UTF-8 throughout: the syntax error, or the empty input (Unicode whitespace
    // included), as before the reader took bytes.
    let ideographic_space =
        typed_dict::from_slice::<TagTypeDef>("\u{3000}".as_bytes()).unwrap_err();
    assert_eq!(
        ideographic_space.errors()[0].message,
        "empty input: expected a JSON object"
    );
    let syntax = typed_dict::from_slice::<TagTypeDef>("{\"Key\": \u{e9}}".as_bytes()).unwrap_err();
    assert_eq!(
        syntax.errors()[0].message,
        "malformed JSON: expected value at line 1 column 9"
    );
}
