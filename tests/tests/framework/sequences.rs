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

/// A list and a sequence of five items: grown one push at a time, each would have room
/// for eight.
#[typed_dict::typed_dict]
pub struct FiveAndFive {
    pub listed: List<String>,
    pub sent: Sequence<String>,
}

#[test]
fn a_decoded_list_holds_exactly_its_items() {
    let json = r#"{"listed": ["a", "b", "c", "d", "e"], "sent": ["a", "b", "c", "d", "e"]}"#;
    let exact = |shape: FiveAndFive| {
        let sent = shape.sent.into_vec();
        assert_eq!((shape.listed.len(), shape.listed.capacity()), (5, 5));
        assert_eq!((sent.len(), sent.capacity()), (5, 5));
    };
    exact(typed_dict::decode(json.as_bytes(), typed_dict::DecodeOptions::strict()).unwrap());
    exact(serde_json::from_str(json).unwrap());
}

#[test]
fn sequence_encodes_as_a_json_array() {
    let tags: Sequence<TagTypeDef> = [TagTypeDef::new().with_key("k")].into();
    assert_eq!(serde_json::to_string(&tags).unwrap(), r#"[{"Key":"k"}]"#);
    let back: Sequence<TagTypeDef> = serde_json::from_str(r#"[{"Key":"k"}]"#).unwrap();
    assert_eq!(back, tags);
}
