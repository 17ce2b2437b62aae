//! Open literal types: a `#[typed_dict(other)]` variant keeps, in wire mode, a value the
//! declaration does not list, wherever the literal stands (field, list item, dict key),
//! and writes it back as it came. Strict mode, `FromStr` and closed literals reject it.

use std::collections::HashSet;
use std::str::FromStr;

use typed_dict::{
    typed_dict, DecodeOptions, Dict, ErrorKind, List, Literal, LiteralSchema, TypedDict,
    TypedValue, UnknownValue, ValueType,
};

use crate::errors_of;

/// Tag mutability as declared in 2022; AWS has added values since.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TagMutability {
    Mutable,
    Immutable,
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

/// Severities, used as dict keys.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    Low,
    High,
    #[typed_dict(other)]
    Other(UnknownValue),
}

/// A closed literal, for contrast.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Closed {
    One,
}

#[typed_dict]
pub struct Repository {
    pub mutability: TagMutability,
    pub history: Option<List<TagMutability>>,
    pub counts: Option<Dict<Severity, i64>>,
    pub closed: Option<Closed>,
}

const NEWER: &str = r#"{"mutability":"IMMUTABLE_WITH_EXCLUSION","history":["MUTABLE","MUTABLE_WITH_EXCLUSION"],"counts":{"HIGH":1,"SEVERE":2}}"#;

#[test]
fn wire_mode_keeps_unknown_values_everywhere_and_writes_them_back_exactly() {
    let decoded: Repository = typed_dict::decode(NEWER.as_bytes(), DecodeOptions::wire()).unwrap();
    assert_eq!(decoded.mutability.as_str(), "IMMUTABLE_WITH_EXCLUSION");
    assert!(!decoded.mutability.is_known());
    let history = decoded.history.as_ref().unwrap();
    assert_eq!(history[0], TagMutability::Mutable);
    assert!(history[0].is_known());
    assert_eq!(history[1].to_string(), "MUTABLE_WITH_EXCLUSION");
    let counts = decoded.counts.as_ref().unwrap();
    assert_eq!(counts[&Severity::High], 1);
    assert_eq!(counts[&Severity::from_any("SEVERE")], 2);
    assert_eq!(typed_dict::to_string(&decoded).unwrap(), NEWER);
}

#[test]
fn strict_mode_rejects_unknown_values_with_their_paths() {
    assert_eq!(
        errors_of::<Repository>(NEWER, DecodeOptions::strict()),
        vec![
            (ErrorKind::InvalidLiteral, "$.mutability".to_owned()),
            (ErrorKind::InvalidLiteral, "$.history[1]".to_owned()),
            (ErrorKind::InvalidLiteral, "$.counts.SEVERE".to_owned()),
        ]
    );
    assert!(serde_json::from_str::<TagMutability>(r#""NEWER""#).is_err());
}

#[test]
fn closed_literals_stay_closed_in_wire_mode() {
    let result = typed_dict::decode::<Repository>(
        br#"{"mutability": "MUTABLE", "closed": "TWO"}"#,
        DecodeOptions::wire(),
    );
    let error = result.unwrap_err();
    assert_eq!(error.errors()[0].kind, ErrorKind::InvalidLiteral);
    assert_eq!(error.errors()[0].path, "$.closed");
}

#[test]
fn from_str_is_strict_and_from_any_is_open() {
    let error = TagMutability::from_str("NEWER").unwrap_err();
    assert_eq!(
        error.to_string(),
        "'NEWER' is not a valid TagMutability; expected 'MUTABLE' or 'IMMUTABLE'"
    );
    assert!(TagMutability::try_from("NEWER").is_err());
    assert_eq!(
        TagMutability::from_str("MUTABLE"),
        Ok(TagMutability::Mutable)
    );
    // A listed value is never wrapped as unknown.
    assert_eq!(
        TagMutability::from_any("IMMUTABLE"),
        TagMutability::Immutable
    );
    let newer = TagMutability::from_any("NEWER");
    assert_eq!(format!("{newer}"), "NEWER");
    assert_eq!(format!("{newer:?}"), r#"Unknown("NEWER")"#);
}

#[test]
fn matching_known_values_is_a_plain_match() {
    let describe = |value: &TagMutability| match value {
        TagMutability::Mutable => "tags can move".to_owned(),
        TagMutability::Immutable => "tags are fixed".to_owned(),
        TagMutability::Unknown(other) => format!("newer setting {other}"),
    };
    assert_eq!(describe(&TagMutability::Immutable), "tags are fixed");
    assert_eq!(
        describe(&TagMutability::from_any("IMMUTABLE_WITH_EXCLUSION")),
        "newer setting IMMUTABLE_WITH_EXCLUSION"
    );
    let set: HashSet<TagMutability> = [
        TagMutability::from_any("X"),
        TagMutability::from_any("X"),
        TagMutability::Mutable,
    ]
    .into();
    assert_eq!(set.len(), 2);
}

#[test]
fn the_schema_says_open_and_lists_only_declared_values() {
    let schema: &LiteralSchema = &<TagMutability as Literal>::SCHEMA;
    assert!(schema.open);
    assert_eq!(schema.values, ["MUTABLE", "IMMUTABLE"]);
    const { assert!(!<Closed as Literal>::SCHEMA.open) };
    assert_eq!(<TagMutability as Literal>::ALL.len(), 2);
    assert!(matches!(TagMutability::TYPE, ValueType::Literal(_)));
    let field = Repository::schema().field("mutability").unwrap();
    assert_eq!(field.value.python().to_string(), "TagMutability");
}
