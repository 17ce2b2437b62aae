//! `Sequence` (input, read-only) and `List` (output), and values flowing from a response
//! into a request.

use typed_dict::{List, Sequence};
use typed_dict_tests::*;

#[test]
fn sequence_is_built_from_vec_array_slice_and_iterator() {
    let from_vec: Sequence<String> = vec!["a".to_owned()].into();
    let from_array: Sequence<String> = ["a"].into();
    let from_slice: Sequence<String> = Sequence::from(&["a".to_owned()][..]);
    let from_iter: Sequence<String> = std::iter::once("a".to_owned()).collect();
    assert_eq!(from_vec, from_array);
    assert_eq!(from_slice, from_iter);
    assert_eq!(from_vec.as_slice(), ["a".to_owned()]);
    assert_eq!(from_vec.first().map(String::as_str), Some("a"));
}

#[test]
fn list_into_sequence_reuses_the_allocation() {
    let list: List<String> = vec!["x".to_owned(), "y".to_owned()];
    let pointer = list.as_ptr();
    let sequence: Sequence<String> = list.into();
    assert_eq!(sequence.as_ptr(), pointer);
    let back = sequence.into_vec();
    assert_eq!(back.as_ptr(), pointer);
}

#[test]
fn a_response_list_goes_straight_into_a_request() {
    let listed: ListImagesResponseTypeDef = typed_dict::decode(
        br#"{"imageIds": [{"imageDigest": "sha256:1"}, {"imageTag": "old"}]}"#,
        typed_dict::DecodeOptions::wire(),
    )
    .unwrap();
    let request =
        BatchDeleteImageRequestRequestTypeDef::new(BatchDeleteImageRequestRequestTypeDefRequired {
            repository_name: "web".into(),
            image_ids: listed.image_ids.into(),
        });
    assert_eq!(request.image_ids.len(), 2);
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        r#"{"repositoryName":"web","imageIds":[{"imageDigest":"sha256:1"},{"imageTag":"old"}]}"#
    );
}

#[test]
fn a_decoded_list_holds_exactly_its_items() {
    // Five items: a list grown one push at a time would have room for eight.
    let ids = r#"{"imageDigest": "sha256:1"}"#;
    let json = format!(r#"{{"imageIds": [{ids}, {ids}, {ids}, {ids}, {ids}]}}"#);
    let decoded: ListImagesResponseTypeDef =
        typed_dict::decode(json.as_bytes(), typed_dict::DecodeOptions::wire()).unwrap();
    let ids = decoded.image_ids;
    assert_eq!((ids.len(), ids.capacity()), (5, 5));
    // The same through serde_json, in strict mode.
    let strict = json.replacen('{', r#"{"nextToken": "n", "ResponseMetadata": {"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}, "#, 1);
    let through_serde: ListImagesResponseTypeDef = serde_json::from_str(&strict).unwrap();
    let ids = through_serde.image_ids;
    assert_eq!((ids.len(), ids.capacity()), (5, 5));
    // A request's `Sequence` is read the same way.
    let request = json.replacen('{', r#"{"repositoryName": "web", "#, 1);
    let request: BatchDeleteImageRequestRequestTypeDef =
        typed_dict::decode(request.as_bytes(), typed_dict::DecodeOptions::strict()).unwrap();
    let ids = request.image_ids.into_vec();
    assert_eq!((ids.len(), ids.capacity()), (5, 5));
}

#[test]
fn sequence_encodes_as_a_json_array() {
    let tags: Sequence<TagTypeDef> = [TagTypeDef::new().with_key("k")].into();
    assert_eq!(serde_json::to_string(&tags).unwrap(), r#"[{"Key":"k"}]"#);
    let back: Sequence<TagTypeDef> = serde_json::from_str(r#"[{"Key":"k"}]"#).unwrap();
    assert_eq!(back, tags);
}
