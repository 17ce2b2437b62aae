//! Construction: Required keys through a struct literal, NotRequired keys one by one.

use typed_dict::{Blob, Sequence};
use typed_dict_tests::*;

#[test]
fn new_sets_required_keys_and_leaves_the_rest_absent() {
    let request =
        BatchDeleteImageRequestRequestTypeDef::new(BatchDeleteImageRequestRequestTypeDefRequired {
            repository_name: "web".into(),
            image_ids: [ImageIdentifierTypeDef::new().with_image_tag("latest")].into(),
        });
    assert_eq!(request.registry_id, None);
    assert_eq!(request.image_ids[0].image_tag.as_deref(), Some("latest"));
    let from: BatchDeleteImageRequestRequestTypeDef =
        BatchDeleteImageRequestRequestTypeDefRequired {
            repository_name: "web".into(),
            image_ids: Sequence::new(),
        }
        .into();
    assert!(from.image_ids.is_empty());
}

#[test]
fn setters_take_anything_that_converts() {
    let part =
        UploadLayerPartRequestRequestTypeDef::new(UploadLayerPartRequestRequestTypeDefRequired {
            repository_name: "web".into(),
            upload_id: "u-1".into(),
            part_first_byte: 0,
            part_last_byte: 4,
            layer_part_blob: Blob::from(&b"layer"[..]),
        })
        .with_registry_id("123");
    assert_eq!(part.registry_id.as_deref(), Some("123"));
    assert_eq!(part.layer_part_blob.as_bytes(), b"layer");
}

#[test]
fn wire_optional_keys_are_required_at_construction() {
    let response = ListImagesResponseTypeDef::new(ListImagesResponseTypeDefRequired {
        image_ids: vec![],
        next_token: "t".into(),
    });
    assert_eq!(response.next_token.as_deref(), Some("t"));
}

#[test]
fn shapes_without_required_keys_have_default() {
    let config = PaginatorConfigTypeDef::default().with_max_items(10);
    assert_eq!(config, PaginatorConfigTypeDef::new().with_max_items(10));
    assert_eq!(
        typed_dict::to_string(&config).unwrap(),
        r#"{"MaxItems":10}"#
    );
}
