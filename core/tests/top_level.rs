//! Any typed-dict value type at the top, as pydantic's `TypeAdapter(list[X])`, and decode
//! options carried into serde calls this crate does not make.

use serde::de::DeserializeSeed;
use serde::Deserialize;
use typed_dict::{
    typed_dict, validate_value, DecodeOptions, DecodeSeed, Dict, ErrorKind, List, Sequence,
    TypedValue, Wire,
};

#[typed_dict]
pub struct TagTypeDef {
    #[typed_dict(key = "Key")]
    pub key: String,
    #[typed_dict(key = "Value")]
    pub value: Option<String>,
}

fn found(error: &typed_dict::Error) -> Vec<(ErrorKind, &str)> {
    error
        .errors()
        .iter()
        .map(|e| (e.kind, e.path.as_str()))
        .collect()
}

#[test]
fn lists_of_typed_dicts_report_every_error_at_its_index() {
    let json = br#"[{"Key": "a"}, {"Key": "b", "Value": null}, {"Key": 3}, {"Value": "v"}]"#;
    let error = typed_dict::decode::<List<TagTypeDef>>(json, DecodeOptions::strict()).unwrap_err();
    assert_eq!(error.type_name(), "list[TagTypeDef]");
    assert_eq!(
        found(&error),
        [
            (ErrorKind::NullNotAllowed, "$[1].Value"),
            (ErrorKind::WrongType, "$[2].Key"),
            (ErrorKind::MissingKey, "$[3].Key"),
        ]
    );
    let report = validate_value(
        json,
        &<List<TagTypeDef> as TypedValue>::TYPE,
        DecodeOptions::strict(),
    );
    assert_eq!(error.errors(), &report.errors[..]);

    let wire_json = br#"[{"Key": "a"}, {"Key": "b", "Value": null}]"#;
    let tags: Sequence<TagTypeDef> = typed_dict::decode(wire_json, DecodeOptions::wire()).unwrap();
    assert_eq!(tags.len(), 2);
    assert_eq!(tags[1].value, None);
}

#[test]
fn dicts_of_typed_dicts_report_errors_under_their_keys() {
    let json = br#"{"first": {"Key": "a"}, "odd key": {"Key": 1}, "third": null}"#;
    let error =
        typed_dict::decode::<Dict<String, TagTypeDef>>(json, DecodeOptions::wire()).unwrap_err();
    assert_eq!(error.type_name(), "dict[str, TagTypeDef]");
    assert_eq!(
        found(&error),
        [
            (ErrorKind::WrongType, "$['odd key'].Key"),
            (ErrorKind::NullNotAllowed, "$.third"),
        ]
    );
    let fine: Dict<String, TagTypeDef> =
        typed_dict::decode(br#"{"a": {"Key": "k"}}"#, DecodeOptions::strict()).unwrap();
    assert_eq!(fine["a"].key, "k");
}

#[test]
fn the_wrong_json_type_at_the_top_is_named() {
    let error = typed_dict::from_str::<List<TagTypeDef>>(r#"{"Key": "a"}"#).unwrap_err();
    assert_eq!(found(&error), [(ErrorKind::WrongType, "$")]);
    assert_eq!(
        error.errors()[0].message,
        "expected list[TagTypeDef], got object"
    );
    let null = typed_dict::from_str::<List<TagTypeDef>>("null").unwrap_err();
    assert_eq!(found(&null), [(ErrorKind::NullNotAllowed, "$")]);
    let empty = typed_dict::from_str::<List<TagTypeDef>>(" ").unwrap_err();
    assert_eq!(
        empty.errors()[0].message,
        "empty input: expected a JSON value"
    );
    let ints: List<i64> = typed_dict::from_str("[-0, 1]").unwrap();
    assert_eq!(&ints[..], [0, 1]);
}

#[test]
fn a_scope_applies_options_to_serde_calls_and_restores_the_previous_ones() {
    #[derive(Deserialize)]
    struct Envelope {
        tags: List<TagTypeDef>,
    }
    let json = r#"{"tags": [{"Key": "a", "Value": null}]}"#;
    assert!(serde_json::from_str::<Envelope>(json).is_err());
    {
        let _wire = DecodeOptions::wire().scope();
        assert!(DecodeOptions::current().is_wire());
        {
            let _strict = DecodeOptions::strict().scope();
            assert!(serde_json::from_str::<Envelope>(json).is_err());
        }
        let envelope: Envelope = serde_json::from_reader(json.as_bytes()).unwrap();
        assert_eq!(envelope.tags[0].value, None);
    }
    assert!(!DecodeOptions::current().is_wire());
    assert!(serde_json::from_str::<Envelope>(json).is_err());
}

#[test]
fn a_seed_and_the_wire_wrapper_carry_options_into_any_deserializer() {
    let json = r#"{"Key": "a", "Value": null, "extra": 1}"#;
    let seed = DecodeSeed::<TagTypeDef>::new(DecodeOptions::wire().deny_unknown(true));
    let denied = seed.deserialize(&mut serde_json::Deserializer::from_str(json));
    assert!(denied
        .unwrap_err()
        .to_string()
        .contains("unknown key `extra`"));
    let seed = DecodeSeed::<TagTypeDef>::new(DecodeOptions::wire());
    let tag = seed
        .deserialize(&mut serde_json::Deserializer::from_str(json))
        .unwrap();
    assert_eq!(tag.value, None);
    assert!(
        !DecodeOptions::current().is_wire(),
        "the seed's options end with it"
    );

    #[derive(Deserialize)]
    struct Body {
        tag: Wire<TagTypeDef>,
        strict: Option<TagTypeDef>,
    }
    let body: Body = serde_json::from_str(r#"{"tag": {"Key": "a", "Value": null}}"#).unwrap();
    assert_eq!(body.tag.key, "a");
    assert!(body.strict.is_none());
    let strict_after_wire = serde_json::from_str::<Body>(
        r#"{"tag": {"Key": "a"}, "strict": {"Key": "b", "Value": null}}"#,
    );
    assert!(
        strict_after_wire.is_err(),
        "the wrapper does not leak wire mode"
    );
    assert_eq!(
        serde_json::to_string(&body.tag).unwrap(),
        typed_dict::to_string(&body.tag.0).unwrap()
    );
}
