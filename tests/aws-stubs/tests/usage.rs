//! A generated shape is a `#[typed_dict]` like any other: decoded, encoded, its Required
//! keys required.

use typed_dict_aws_stubs::sqs;

#[test]
fn a_generated_shape_decodes_and_encodes() {
    let json = r#"{"QueueUrl": "https://sqs.example/1/q", "MessageBody": "hi", "DelaySeconds": 5}"#;
    let request: sqs::SendMessageRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(request.delay_seconds, Some(5));
    let back = typed_dict::to_string(&request).unwrap();
    assert_eq!(
        back,
        r#"{"QueueUrl":"https://sqs.example/1/q","MessageBody":"hi","DelaySeconds":5}"#
    );
}

#[test]
fn a_missing_required_key_is_an_error_naming_it() {
    let error =
        typed_dict::from_str::<sqs::SendMessageRequestTypeDef>(r#"{"QueueUrl": "q"}"#).unwrap_err();
    assert!(error.to_string().contains("MessageBody"), "{error}");
}

#[test]
fn an_output_variant_holds_the_outputs_of_unions_and_aliases() {
    use typed_dict_aws_stubs::dynamodb;
    use typed_dict_aws_stubs::dynamodb::{
        GlobalSecondaryIndexOutputTypeDef, GlobalSecondaryIndexTypeDef,
        IncrementalExportSpecificationOutputTypeDef, IncrementalExportSpecificationTypeDef,
        ProjectionUnionTypeDef, TimestampTypeDef,
    };
    // `Projection: ProjectionUnionTypeDef` in the input is `ProjectionOutputTypeDef` in the
    // output the macro derives, as the stub's own output variant has it.
    let json = r#"{"IndexName": "i", "KeySchema": [], "Projection": {"ProjectionType": "ALL"}}"#;
    let returned: GlobalSecondaryIndexOutputTypeDef = typed_dict::from_str(json).unwrap();
    let _: &dynamodb::ProjectionOutputTypeDef = &returned.projection;
    let again = GlobalSecondaryIndexTypeDef::from(returned);
    assert!(matches!(
        again.projection,
        ProjectionUnionTypeDef::Output(_)
    ));
    // `TimestampTypeDef` (`Union[datetime, str]`) is `datetime` in the output.
    let json = r#"{"ExportFromTime": 0}"#;
    let returned: IncrementalExportSpecificationOutputTypeDef = typed_dict::from_str(json).unwrap();
    let _: &Option<typed_dict::Timestamp> = &returned.export_from_time;
    let again = IncrementalExportSpecificationTypeDef::from(returned);
    assert!(matches!(
        again.export_from_time,
        Some(TimestampTypeDef::Datetime(_))
    ));
    // `UniversalAttributeValueTypeDef` is `AttributeValueTypeDef` in every output shape of
    // the stub: the output the pairs show.
    let json = r#"{"Key": {"id": {"S": "a"}}}"#;
    let returned: dynamodb::DeleteRequestOutputTypeDef = typed_dict::from_str(json).unwrap();
    let _: &dynamodb::AttributeValueTypeDef = &returned.key["id"];
    let again = dynamodb::DeleteRequestTypeDef::from(returned);
    assert!(matches!(
        again.key["id"],
        dynamodb::UniversalAttributeValueTypeDef::AttributeValue(_)
    ));
}

#[test]
fn unions_and_literals_written_in_place_decode_and_render_as_written() {
    use typed_dict::{Nullable, TypedDict};
    use typed_dict_aws_stubs::in_place::{
        ClientGeneratePresignedPostRequestTypeDef, GetObjectRequestTypeDef,
        GovernanceOrComplianceLiteral, ListAnyOrDictStrAny, StrOrBytes, StrOrNullOrInt,
    };
    let json = r#"{"Bucket": "b", "Key": "k", "Conditions": [{"acl": "private"}]}"#;
    let post: ClientGeneratePresignedPostRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert!(matches!(
        post.conditions,
        Some(Nullable::Value(ListAnyOrDictStrAny::ListAny(_)))
    ));
    let json = r#"{"Bucket": "b", "Key": "k", "Conditions": null}"#;
    let post: ClientGeneratePresignedPostRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(post.conditions, Some(Nullable::Null));

    let json = r#"{"Bucket": "b", "SSECustomerKey": "k", "ObjectLockMode": "GOVERNANCE", "PartMarker": null}"#;
    let get: GetObjectRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(get.sse_customer_key, Some(StrOrBytes::Str("k".into())));
    assert_eq!(
        get.object_lock_mode,
        Some(GovernanceOrComplianceLiteral::Governance)
    );
    assert!(matches!(get.part_marker, Some(StrOrNullOrInt::Null(_))));
    assert_eq!(
        typed_dict::to_string(&get).unwrap(),
        json.replace(": ", ":").replace(", ", ",")
    );

    let schema = GetObjectRequestTypeDef::schema();
    let python = |key: &str| schema.field(key).unwrap().value.python().to_string();
    assert_eq!(python("SSECustomerKey"), "str | bytes");
    assert_eq!(
        python("ObjectLockMode"),
        "Literal['GOVERNANCE', 'COMPLIANCE']"
    );
    assert_eq!(python("PartMarker"), "str | None | int");
    let error =
        typed_dict::from_str::<GetObjectRequestTypeDef>(r#"{"Bucket": "b", "SSECustomerKey": 1}"#)
            .unwrap_err();
    assert_eq!(error.errors()[0].message, "expected str | bytes, got int");
}
