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
    let report = typed_dict::validate_schema(json.as_bytes(), schema, DecodeOptions::strict());
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
    let report = typed_dict::validate_schema(json.as_bytes(), schema, DecodeOptions::strict());
    assert!(report.is_valid(), "{report:?}");
    assert_eq!(report.warnings.len(), 2);
}

#[test]
fn an_extra_entry_with_a_declared_key_is_an_encode_error() {
    let base: RepositoryWithExtrasTypeDef =
        typed_dict::from_str(r#"{"repositoryName": "web", "createdBy": "ci"}"#).unwrap();
    // A Required key, a NotRequired key that is absent, and one that is present: each
    // would give a duplicate key or JSON that decodes into the field.
    for (key, scan_on_push) in [
        ("repositoryName", None),
        ("scanOnPush", None),
        ("scanOnPush", Some(true)),
    ] {
        let mut forged = base.clone();
        forged.scan_on_push = scan_on_push;
        forged
            .extra
            .insert(key.to_owned(), serde_json::json!(false));
        let error = typed_dict::to_string(&forged).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("cannot encode RepositoryWithExtrasTypeDef: its extra-items field holds `{key}`, a key RepositoryWithExtrasTypeDef declares; set the field instead")
        );
        assert!(typed_dict::to_vec(&forged).is_err());
        assert!(serde_json::to_value(&forged).is_err());
    }
    // Undeclared keys, even ones differing only in case, are written as before, after the
    // declared keys and in the order they were added.
    let mut fine = base.clone();
    fine.extra
        .insert("RepositoryName".to_owned(), serde_json::json!(1));
    assert_eq!(
        typed_dict::to_string(&fine).unwrap(),
        r#"{"repositoryName":"web","createdBy":"ci","RepositoryName":1}"#
    );
}
