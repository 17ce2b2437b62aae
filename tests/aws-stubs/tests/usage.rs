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
