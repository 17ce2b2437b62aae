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
}
