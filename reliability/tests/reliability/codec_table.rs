//! The codec table and the catalog list the same TypeDefs, in the same order.

use typed_dict_reliability::codecs::{codec, codec_of, latest_codec, CODECS, LATEST_CODECS};

#[test]
fn the_codec_table_covers_the_catalog() {
    let catalog: Vec<_> = ecr_types::CATALOG.type_defs().collect();
    assert_eq!(CODECS.len(), 124);
    assert_eq!(catalog.len(), CODECS.len());
    for (schema, codec) in catalog.iter().zip(CODECS) {
        assert!(
            std::ptr::eq(*schema, codec.schema()),
            "{} != {}",
            schema.name,
            codec.name()
        );
        assert!(std::ptr::eq(codec_of(schema).unwrap(), codec));
        assert!(std::ptr::eq(self::codec(schema.name).unwrap(), codec));
    }
    assert!(codec("NoSuchTypeDef").is_none());
}

#[test]
fn the_latest_codec_table_covers_the_latest_catalog() {
    let catalog: Vec<_> = ecr_types::latest::CATALOG.type_defs().collect();
    assert_eq!(LATEST_CODECS.len(), 181);
    assert_eq!(catalog.len(), LATEST_CODECS.len());
    for (schema, codec) in catalog.iter().zip(LATEST_CODECS) {
        assert!(
            std::ptr::eq(*schema, codec.schema()),
            "{} != {}",
            schema.name,
            codec.name()
        );
        assert!(std::ptr::eq(codec_of(schema).unwrap(), codec));
        assert!(std::ptr::eq(latest_codec(schema.name).unwrap(), codec));
    }
    // Names both modules have are different types: each lookup finds its own.
    let root = codec("TagTypeDef").unwrap();
    let latest = latest_codec("TagTypeDef").unwrap();
    assert!(!std::ptr::eq(root.schema(), latest.schema()));
    assert!(latest_codec("CreateRepositoryRequestRequestTypeDef").is_none());
}
