//! What a declaration means: Required vs NotRequired, wire keys, key order, kept docs.

use serde_json::json;
use typed_dict::{DecodeOptions, ErrorKind, Sequence};
use typed_dict_tests::*;

use crate::errors_of;

#[test]
fn required_key_must_be_present_and_optional_may_be_absent() {
    let request: CreateRepositoryRequestRequestTypeDef =
        typed_dict::from_str(r#"{"repositoryName": "web"}"#).unwrap();
    assert_eq!(request.repository_name, "web");
    assert_eq!(request.registry_id, None);
    assert_eq!(request.tags, None);

    let errors = errors_of::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"registryId": "1"}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        vec![(ErrorKind::MissingKey, "$.repositoryName".to_owned())]
    );
}

#[test]
fn none_is_left_out_never_written_as_null() {
    let request =
        CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {
            repository_name: "web".into(),
        });
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        r#"{"repositoryName":"web"}"#
    );
}

#[test]
fn present_null_is_an_error_in_strict_mode() {
    let errors = errors_of::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"repositoryName": "web", "registryId": null}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        vec![(ErrorKind::NullNotAllowed, "$.registryId".to_owned())]
    );
}

#[test]
fn keys_are_camel_case_unless_overridden_and_written_in_declaration_order() {
    let metadata = ResponseMetadataTypeDef::new(ResponseMetadataTypeDefRequired {
        request_id: "r-1".into(),
        host_id: "h".into(),
        http_status_code: 200,
        http_headers: [("x-amzn-requestid", "r-1")].into(),
        retry_attempts: 0,
    });
    assert_eq!(
        typed_dict::to_string(&metadata).unwrap(),
        r#"{"RequestId":"r-1","HostId":"h","HTTPStatusCode":200,"HTTPHeaders":{"x-amzn-requestid":"r-1"},"RetryAttempts":0}"#
    );
    let action: LifecyclePolicyRuleActionTypeDef =
        typed_dict::from_str(r#"{"type": "EXPIRE"}"#).unwrap();
    assert_eq!(action.r#type, Some(ImageActionTypeType::Expire));
    assert_eq!(
        typed_dict::to_string(&action).unwrap(),
        r#"{"type":"EXPIRE"}"#
    );
}

#[test]
fn encode_then_decode_is_the_same_value() {
    let request =
        CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {
            repository_name: "web".into(),
        })
        .with_registry_id("123456789012")
        .with_tags([TagTypeDef::new().with_key("team").with_value("infra")])
        .with_image_tag_mutability(ImageTagMutabilityType::Immutable);
    let json = typed_dict::to_string(&request).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        json!({
            "repositoryName": "web",
            "registryId": "123456789012",
            "tags": [{"Key": "team", "Value": "infra"}],
            "imageTagMutability": "IMMUTABLE"
        })
    );
    let back: CreateRepositoryRequestRequestTypeDef = typed_dict::from_str(&json).unwrap();
    assert_eq!(back, request);
    assert_eq!(back.tags.as_deref().map(<[_]>::len), Some(1));
    let _: &Sequence<TagTypeDef> = back.tags.as_ref().unwrap();
}

#[test]
fn plain_serde_json_uses_the_same_strict_contract() {
    let ok: CreateRepositoryRequestRequestTypeDef =
        serde_json::from_str(r#"{"repositoryName": "web"}"#).unwrap();
    assert_eq!(ok.repository_name, "web");
    let missing = serde_json::from_str::<CreateRepositoryRequestRequestTypeDef>("{}").unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("missing field `repositoryName`"),
        "{missing}"
    );
    let null = serde_json::from_str::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"repositoryName": "web", "registryId": null}"#,
    )
    .unwrap_err();
    assert!(null.to_string().contains("null is not allowed"), "{null}");
    let twice = serde_json::from_str::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"repositoryName": "a", "repositoryName": "b"}"#,
    )
    .unwrap_err();
    assert!(
        twice
            .to_string()
            .contains("duplicate field `repositoryName`"),
        "{twice}"
    );
}
