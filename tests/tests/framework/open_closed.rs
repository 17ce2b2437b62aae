//! PEP 728: open dicts ignore unknown keys, closed dicts reject them, an extra-items
//! field keeps them through a round trip.

use serde_json::json;
use typed_dict::{DecodeOptions, ErrorKind};
use typed_dict_tests::*;

use crate::errors_of;

#[test]
fn open_dicts_ignore_unknown_keys_and_report_them_as_warnings() {
    let json = r#"{"repositoryName": "web", "imageTagMutabilityExclusionFilters": []}"#;
    let request: CreateRepositoryRequestRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(request.repository_name, "web");
    let schema = <CreateRepositoryRequestRequestTypeDef as typed_dict::TypedDict>::schema();
    let report = typed_dict::validate(json.as_bytes(), schema, DecodeOptions::strict());
    assert!(report.is_valid());
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].kind, ErrorKind::UnknownKey);
    assert_eq!(
        report.warnings[0].path,
        "$.imageTagMutabilityExclusionFilters"
    );
}

#[test]
fn deny_unknown_makes_them_errors() {
    let errors = errors_of::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"repositoryName": "web", "tags": [{"Key": "k", "Colour": "red"}]}"#,
        DecodeOptions::strict().deny_unknown(true),
    );
    assert_eq!(
        errors,
        vec![(ErrorKind::UnknownKey, "$.tags[0].Colour".to_owned())]
    );
}

#[test]
fn closed_dicts_reject_unknown_keys() {
    let errors =
        errors_of::<ClosedPointTypeDef>(r#"{"x": 1, "y": 2, "z": 3}"#, DecodeOptions::strict());
    assert_eq!(errors, vec![(ErrorKind::UnknownKey, "$.z".to_owned())]);
    assert!(<ClosedPointTypeDef as typed_dict::TypedDict>::schema().closed);
}

#[test]
fn extra_items_survive_a_round_trip() {
    let newer = json!({
        "repositoryName": "web",
        "scanOnPush": true,
        "imageTagMutabilityExclusionFilters": [{"filter": "latest", "filterType": "WILDCARD"}],
        "createdBy": {"arn": "arn:aws:iam::1:user/a", "at": 1.5}
    });
    let decoded: RepositoryWithExtrasTypeDef = typed_dict::from_str(&newer.to_string()).unwrap();
    assert_eq!(decoded.extra.len(), 2);
    assert_eq!(decoded.extra["createdBy"]["at"], json!(1.5));
    let encoded: serde_json::Value =
        serde_json::from_str(&typed_dict::to_string(&decoded).unwrap()).unwrap();
    assert_eq!(encoded, newer);
    let schema = <RepositoryWithExtrasTypeDef as typed_dict::TypedDict>::schema();
    assert_eq!(schema.extra_items, Some("extra"));
    assert_eq!(schema.fields.len(), 2);
}

#[test]
fn extra_items_still_reject_duplicates() {
    let errors = errors_of::<RepositoryWithExtrasTypeDef>(
        r#"{"repositoryName": "web", "a": 1, "a": 2}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(errors, vec![(ErrorKind::DuplicateKey, "$.a".to_owned())]);
}

#[test]
fn an_ignored_key_given_twice_is_still_just_ignored() {
    let json = r#"{"repositoryName": "web", "later": 1, "later": 2}"#;
    let request: CreateRepositoryRequestRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(request.repository_name, "web");
    let schema = <CreateRepositoryRequestRequestTypeDef as typed_dict::TypedDict>::schema();
    let report = typed_dict::validate(json.as_bytes(), schema, DecodeOptions::strict());
    assert!(report.is_valid(), "{report:?}");
    assert_eq!(report.warnings.len(), 2);
}
