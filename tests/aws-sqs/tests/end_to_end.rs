//! The hand-declared AWS shapes end to end: construct, encode, decode in strict and wire
//! mode, every error with its path, the schema, Python annotations and JSON Schema.

use serde_json::json;
use td::{decode, DecodeOptions, ErrorKind, Literal, Mode, TypedDict};
use typed_dict_aws_tests::dynamodb::*;
use typed_dict_aws_tests::s3::*;
use typed_dict_aws_tests::sqs::*;

fn json_of<T: TypedDict>(value: &T) -> serde_json::Value {
    serde_json::from_str(&td::to_string(value).unwrap()).unwrap()
}

fn errors<T: TypedDict + std::fmt::Debug>(
    json: &str,
    options: DecodeOptions,
) -> Vec<(ErrorKind, String)> {
    decode::<T>(json.as_bytes(), options)
        .unwrap_err()
        .errors()
        .iter()
        .map(|error| (error.kind, error.path.clone()))
        .collect()
}

#[test]
fn send_message_encodes_pascal_case_keys() {
    let request = SendMessageRequest::new(SendMessageRequestRequired {
        queue_url: "https://sqs.us-east-1.amazonaws.com/123456789012/orders".into(),
        message_body: "{}".into(),
    })
    .with_delay_seconds(5)
    .with_message_attributes([(
        "trace".to_owned(),
        MessageAttributeValue::new(MessageAttributeValueRequired {
            data_type: "String".into(),
        })
        .with_string_value("abc"),
    )]);
    assert_eq!(
        td::to_string(&request).unwrap(),
        r#"{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders","MessageBody":"{}","DelaySeconds":5,"MessageAttributes":{"trace":{"StringValue":"abc","DataType":"String"}}}"#
    );
    let back: SendMessageRequest = td::from_str(&td::to_string(&request).unwrap()).unwrap();
    assert_eq!(back, request);
}

#[test]
fn true_exceptions_keep_their_keys() {
    let result: SendMessageResult = td::from_str(
        r#"{"MD5OfMessageBody": "99914b932bd37a50b983c5e7c90ae93b", "MessageId": "m-1"}"#,
    )
    .unwrap();
    assert_eq!(result.message_id.as_deref(), Some("m-1"));
    let create = CreateQueueRequest::new(CreateQueueRequestRequired {
        queue_name: "orders".into(),
    })
    .with_attributes([(QueueAttributeName::VisibilityTimeout, "30".to_owned())])
    .with_tags([("team".to_owned(), "core".to_owned())]);
    assert_eq!(
        json_of(&create),
        json!({"QueueName": "orders", "Attributes": {"VisibilityTimeout": "30"}, "tags": {"team": "core"}})
    );
    let owner: Owner = td::from_str(r#"{"ID": "abc", "DisplayName": "me"}"#).unwrap();
    assert_eq!(owner.id.as_deref(), Some("abc"));
}

#[test]
fn receive_message_response_decodes_with_literal_keyed_dicts() {
    let json = r#"{"Messages": [{"MessageId": "m-1", "ReceiptHandle": "r-1", "MD5OfBody": "x",
        "Body": "hello", "Attributes": {"SentTimestamp": "1700000000000", "AWSTraceHeader": "Root=1"}}]}"#;
    let result: ReceiveMessageResult = td::from_str(json).unwrap();
    let message = &result.messages.as_ref().unwrap()[0];
    let attributes = message.attributes.as_ref().unwrap();
    assert_eq!(
        attributes
            .get(&MessageSystemAttributeName::AwsTraceHeader)
            .map(String::as_str),
        Some("Root=1")
    );
    assert_eq!(
        errors::<ReceiveMessageResult>(
            r#"{"Messages": [{"Attributes": {"SentTimestamp": 1}}, {"Body": null}, {"Attributes": {"Bogus": "x"}}]}"#,
            DecodeOptions::strict()
        ),
        vec![
            (
                ErrorKind::WrongType,
                "$.Messages[0].Attributes.SentTimestamp".to_owned()
            ),
            (ErrorKind::NullNotAllowed, "$.Messages[1].Body".to_owned()),
            (
                ErrorKind::InvalidLiteral,
                "$.Messages[2].Attributes.Bogus".to_owned()
            ),
        ]
    );
}

#[test]
fn wire_mode_accepts_nulls_and_a_missing_token() {
    let strict = errors::<ListQueuesResult>(r#"{"QueueUrls": null}"#, DecodeOptions::strict());
    assert_eq!(
        strict,
        vec![
            (ErrorKind::NullNotAllowed, "$.QueueUrls".to_owned()),
            (ErrorKind::MissingKey, "$.NextToken".to_owned()),
        ]
    );
    let wire: ListQueuesResult =
        decode(br#"{"QueueUrls": null, "Extra": 1}"#, DecodeOptions::wire()).unwrap();
    assert_eq!(wire.queue_urls, None);
    assert_eq!(wire.next_token, None);
}

#[test]
fn batch_requests_and_closed_entries() {
    let request = DeleteMessageBatchRequest::new(DeleteMessageBatchRequestRequired {
        queue_url: "q".into(),
        entries: [DeleteMessageBatchRequestEntry::new(
            DeleteMessageBatchRequestEntryRequired {
                id: "1".into(),
                receipt_handle: "r".into(),
            },
        )]
        .into(),
    });
    assert_eq!(
        json_of(&request),
        json!({"QueueUrl": "q", "Entries": [{"Id": "1", "ReceiptHandle": "r"}]})
    );
    assert_eq!(
        errors::<DeleteMessageBatchRequest>(
            r#"{"QueueUrl": "q", "Entries": [{"Id": "1", "ReceiptHandle": "r", "Extra": 1}, {"Id": 2}]}"#,
            DecodeOptions::strict()
        ),
        vec![
            (ErrorKind::UnknownKey, "$.Entries[0].Extra".to_owned()),
            (ErrorKind::WrongType, "$.Entries[1].Id".to_owned()),
            (
                ErrorKind::MissingKey,
                "$.Entries[1].ReceiptHandle".to_owned()
            ),
        ]
    );
    let result: DeleteMessageBatchResult = td::from_str(
        r#"{"Successful": [{"Id": "1"}], "Failed": [{"Id": "2", "SenderFault": true, "Code": "ReceiptHandleIsInvalid"}]}"#,
    )
    .unwrap();
    assert!(result.failed[0].sender_fault);
}

#[test]
fn s3_canned_acls_are_kebab_case() {
    assert_eq!(
        <ObjectCannedAcl as Literal>::VALUES,
        [
            "private",
            "public-read",
            "public-read-write",
            "authenticated-read",
            "aws-exec-read",
            "bucket-owner-read",
            "bucket-owner-full-control"
        ]
    );
    assert_eq!(StorageClass::StandardIa.as_str(), "STANDARD_IA");
    let put = PutObjectRequest::new(PutObjectRequestRequired {
        bucket: "b".into(),
        key: "k".into(),
    })
    .with_acl(ObjectCannedAcl::BucketOwnerFullControl)
    .with_body(&b"hi"[..])
    .with_storage_class(StorageClass::GlacierIr);
    assert_eq!(
        json_of(&put),
        json!({"Bucket": "b", "Key": "k", "Body": "aGk=", "ACL": "bucket-owner-full-control", "StorageClass": "GLACIER_IR"})
    );
    assert_eq!(
        errors::<PutObjectRequest>(
            r#"{"Bucket": "b", "Key": "k", "ACL": "PublicRead", "Expires": "soon"}"#,
            DecodeOptions::strict()
        ),
        vec![
            (ErrorKind::InvalidLiteral, "$.ACL".to_owned()),
            (ErrorKind::InvalidTimestamp, "$.Expires".to_owned()),
        ]
    );
}

#[test]
fn listing_objects_and_the_output_variant() {
    let listing: ListObjectsV2Output = td::from_str(
        r#"{"IsTruncated": false, "Contents": [{"Key": "a.txt", "LastModified": "2024-01-02T03:04:05Z",
            "ETag": "\"abc\"", "Size": 3, "StorageClass": "STANDARD", "Owner": {"ID": "o"}}], "Name": "b", "KeyCount": 1}"#,
    )
    .unwrap();
    let object = &listing.contents.as_ref().unwrap()[0];
    assert_eq!(object.e_tag.as_deref(), Some("\"abc\""));
    assert_eq!(object.storage_class, Some(StorageClass::Standard));
    let output: TaggingOutput =
        td::from_str(r#"{"TagSet": [{"Key": "a", "Value": "b"}]}"#).unwrap();
    let input = Tagging::from(output);
    assert_eq!(input.tag_set.len(), 1);
}

#[test]
fn dynamodb_attribute_values_nest() {
    let json = r#"{"Item": {"id": {"S": "1"}, "doc": {"M": {"tags": {"L": [{"S": "a"}, {"N": "2"},
        {"M": {"deep": {"BOOL": true}}}]}, "none": {"NULL": true}}}}}"#;
    let output: GetItemOutput = td::from_str(json).unwrap();
    let item = output.item.as_ref().unwrap();
    let tags = &item["doc"].m.as_ref().unwrap()["tags"];
    let list = tags.l.as_ref().unwrap();
    assert_eq!(list[1].n.as_deref(), Some("2"));
    assert_eq!(list[2].m.as_ref().unwrap()["deep"].bool, Some(true));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&td::to_string(&output).unwrap()).unwrap(),
        serde_json::from_str::<serde_json::Value>(json).unwrap()
    );
    assert_eq!(
        errors::<QueryOutput>(
            r#"{"Items": [{"a": {"M": {"b": {"L": [{"S": 1}]}}}}], "Count": "1"}"#,
            DecodeOptions::strict()
        ),
        vec![
            (ErrorKind::WrongType, "$.Items[0].a.M.b.L[0].S".to_owned()),
            (ErrorKind::WrongType, "$.Count".to_owned()),
        ]
    );
}

#[test]
fn schema_annotations_and_json_schema() {
    let schema = AttributeValue::schema();
    let annotations: Vec<(&str, String)> = schema
        .fields
        .iter()
        .map(|field| (field.key, field.value.python().to_string()))
        .collect();
    assert_eq!(
        annotations,
        [
            ("S", "str".to_owned()),
            ("N", "str".to_owned()),
            ("B", "bytes".to_owned()),
            ("SS", "Sequence[str]".to_owned()),
            ("NS", "Sequence[str]".to_owned()),
            ("BS", "Sequence[bytes]".to_owned()),
            ("M", "dict[str, AttributeValue]".to_owned()),
            ("L", "list[AttributeValue]".to_owned()),
            ("NULL", "bool".to_owned()),
            ("BOOL", "bool".to_owned()),
        ]
    );
    let required: Vec<&str> = SendMessageRequest::schema().required_keys().collect();
    assert_eq!(required, ["QueueUrl", "MessageBody"]);
    let document = td::json_schema::for_type_def(AttributeValue::schema(), Mode::Strict);
    assert_eq!(
        document["$defs"]["AttributeValue"]["properties"]["L"]["items"],
        json!({"$ref": "#/$defs/AttributeValue"})
    );
    let acl = td::json_schema::for_type_def(PutObjectRequest::schema(), Mode::Strict);
    assert_eq!(acl["$defs"]["ObjectCannedAcl"]["enum"][1], "public-read");
}
