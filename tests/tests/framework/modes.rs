//! Strict and wire mode over the same types.

use typed_dict::{DecodeOptions, ErrorKind};
use typed_dict_tests::*;

use crate::errors_of;

const RAW_SERVICE_RESPONSE: &str =
    r#"{"imageDetails": [{"imageDigest": "sha256:1", "imageTags": null}]}"#;

#[test]
fn strict_reports_exactly_the_keys_the_service_leaves_out() {
    let errors = errors_of::<DescribeImagesResponseTypeDef>(
        r#"{"imageDetails": [{"imageDigest": "sha256:1"}]}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        vec![
            (ErrorKind::MissingKey, "$.nextToken".to_owned()),
            (ErrorKind::MissingKey, "$.ResponseMetadata".to_owned()),
        ]
    );
}

#[test]
fn wire_accepts_absent_wire_optional_keys_and_reads_null_as_absent() {
    let response: DescribeImagesResponseTypeDef =
        typed_dict::decode(RAW_SERVICE_RESPONSE.as_bytes(), DecodeOptions::wire()).unwrap();
    assert_eq!(response.next_token, None);
    assert_eq!(response.response_metadata, None);
    assert_eq!(response.image_details[0].image_tags, None);
    let strict =
        errors_of::<DescribeImagesResponseTypeDef>(RAW_SERVICE_RESPONSE, DecodeOptions::strict());
    assert!(strict.contains(&(
        ErrorKind::NullNotAllowed,
        "$.imageDetails[0].imageTags".to_owned()
    )));
}

#[test]
fn wire_still_requires_keys_not_declared_wire_optional() {
    let errors =
        errors_of::<DescribeImagesResponseTypeDef>(r#"{"nextToken": "t"}"#, DecodeOptions::wire());
    assert_eq!(
        errors,
        vec![(ErrorKind::MissingKey, "$.imageDetails".to_owned())]
    );
    let null_required = errors_of::<DescribeImagesResponseTypeDef>(
        r#"{"imageDetails": null}"#,
        DecodeOptions::wire(),
    );
    assert_eq!(
        null_required,
        vec![(ErrorKind::MissingKey, "$.imageDetails".to_owned())]
    );
}

#[test]
fn wire_optional_keys_nest() {
    let json = r#"{"imageDetails": [], "ResponseMetadata": {"RequestId": "r", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}}"#;
    let response: DescribeImagesResponseTypeDef =
        typed_dict::decode(json.as_bytes(), DecodeOptions::wire()).unwrap();
    assert_eq!(response.response_metadata.unwrap().host_id, None);
    let strict = errors_of::<DescribeImagesResponseTypeDef>(json, DecodeOptions::strict());
    assert_eq!(
        strict,
        vec![
            (
                ErrorKind::MissingKey,
                "$.ResponseMetadata.HostId".to_owned()
            ),
            (ErrorKind::MissingKey, "$.nextToken".to_owned()),
        ]
    );
}

#[test]
fn the_schema_keeps_saying_required() {
    let schema = <DescribeImagesResponseTypeDef as typed_dict::TypedDict>::schema();
    let next_token = schema.field("nextToken").unwrap();
    assert!(next_token.required && next_token.wire_optional);
    assert_eq!(
        schema.required_keys().collect::<Vec<_>>(),
        ["imageDetails", "nextToken", "ResponseMetadata"]
    );
}

#[test]
fn options_do_not_leak_out_of_a_decode() {
    let _: DescribeImagesResponseTypeDef =
        typed_dict::decode(RAW_SERVICE_RESPONSE.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(serde_json::from_str::<DescribeImagesResponseTypeDef>(RAW_SERVICE_RESPONSE).is_err());
}

/// `JsonValue` is Python's `Any`, which holds `None`: `null` under a NotRequired `Any` key is
/// a value in both modes, so encode, decode and validate agree on it.
mod null_under_any {
    use typed_dict::{typed_dict, DecodeOptions, JsonValue, TypedDict};

    #[typed_dict]
    pub struct Event {
        pub name: String,
        pub detail: Option<JsonValue>,
        pub boxed: Option<Box<JsonValue>>,
    }

    #[test]
    fn some_null_encodes_as_null_and_reads_back_as_itself() {
        let event = Event::new(EventRequired {
            name: "push".into(),
        })
        .with_detail(JsonValue::Null)
        .with_boxed(Box::new(JsonValue::Null));
        let json = typed_dict::to_string(&event).unwrap();
        assert_eq!(json, r#"{"name":"push","detail":null,"boxed":null}"#);
        for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
            let report = typed_dict::validate_schema(json.as_bytes(), Event::schema(), options);
            assert!(report.is_valid(), "{options:?}: {report:?}");
            let back: Event = typed_dict::decode(json.as_bytes(), options).unwrap();
            assert_eq!(back, event, "{options:?}");
        }
    }

    #[test]
    fn an_absent_any_key_stays_none() {
        let back: Event = typed_dict::from_str(r#"{"name":"push"}"#).unwrap();
        assert_eq!((back.detail, back.boxed), (None, None));
    }
}

/// A named alias of `Any` reads `null` as its target does.
mod null_under_an_alias_of_any {
    use typed_dict::{typed_dict, DecodeOptions, JsonValue, TypedDict};

    #[typed_dict]
    pub struct DocumentTypeDef(pub JsonValue);

    #[typed_dict]
    pub struct Holder {
        pub document: Option<DocumentTypeDef>,
    }

    #[test]
    fn null_reads_as_the_alias_of_null_in_both_modes() {
        let json = br#"{"document": null}"#;
        for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
            assert!(typed_dict::validate_schema(json, Holder::schema(), options).is_valid());
            let holder: Holder = typed_dict::decode(json, options).unwrap();
            assert_eq!(holder.document, Some(DocumentTypeDef(JsonValue::Null)));
            assert_eq!(
                typed_dict::to_string(&holder).unwrap(),
                r#"{"document":null}"#
            );
        }
    }
}
