//! Attributes on declarations are kept; `#[cfg]` reaches every generated piece.

use typed_dict::TypedDict;
use typed_dict_tests::ConfiguredTypeDef;

#[test]
fn configured_out_fields_are_gone_everywhere() {
    let keys: Vec<&str> = ConfiguredTypeDef::schema()
        .fields
        .iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(keys, ["kept", "configuredIn"]);
    let decoded: ConfiguredTypeDef =
        typed_dict::from_str(r#"{"kept": "a", "configuredIn": 3, "configuredOut": "ignored"}"#)
            .unwrap();
    assert_eq!(decoded.kept.as_deref(), Some("a"));
    #[allow(deprecated)]
    let configured_in = decoded.configured_in;
    assert_eq!(configured_in, Some(3));
    assert_eq!(
        typed_dict::to_string(&decoded).unwrap(),
        r#"{"kept":"a","configuredIn":3}"#
    );
}

#[test]
fn user_derives_and_attributes_are_kept() {
    // `Default` comes from the user's own derive, next to the macro's.
    let empty = ConfiguredTypeDef::default();
    assert_eq!(empty.kept, None);
}
