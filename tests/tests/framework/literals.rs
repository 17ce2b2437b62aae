//! Literal types: wire strings, parsing, display, ordering, use as dict keys.

use std::collections::HashSet;
use std::str::FromStr;

use typed_dict::{Dict, Literal};
use typed_dict_tests::*;

#[test]
fn wire_strings_follow_rename_all_and_value_overrides() {
    assert_eq!(ScanStatusType::InProgress.as_str(), "IN_PROGRESS");
    assert_eq!(ScanStatusType::Unsupported.as_str(), "UNSUPPORTED_IMAGE");
    assert_eq!(
        ImageFailureCodeType::ImageNotFound.as_str(),
        "ImageNotFound"
    );
    assert_eq!(
        ScanStatusType::VALUES,
        ["IN_PROGRESS", "COMPLETE", "FAILED", "UNSUPPORTED_IMAGE"]
    );
    assert_eq!(ScanStatusType::ALL.len(), 4);
    assert_eq!(<ScanStatusType as Literal>::SCHEMA.name, "ScanStatusType");
}

#[test]
fn parsing_is_exact_and_the_error_lists_every_value() {
    assert_eq!(
        ImageTagMutabilityType::from_str("MUTABLE"),
        Ok(ImageTagMutabilityType::Mutable)
    );
    assert_eq!(
        ImageTagMutabilityType::try_from("IMMUTABLE"),
        Ok(ImageTagMutabilityType::Immutable)
    );
    let error = ImageTagMutabilityType::from_str("mutable").unwrap_err();
    assert_eq!(
        error.to_string(),
        "'mutable' is not a valid ImageTagMutabilityType; expected 'MUTABLE' or 'IMMUTABLE'"
    );
    assert_eq!(error.allowed(), ["MUTABLE", "IMMUTABLE"]);
    let three = ScanStatusType::from_str("DONE").unwrap_err().to_string();
    assert!(
        three.ends_with("expected 'IN_PROGRESS', 'COMPLETE', 'FAILED' or 'UNSUPPORTED_IMAGE'"),
        "{three}"
    );
}

#[test]
fn display_serde_and_traits() {
    assert_eq!(ScanStatusType::Complete.to_string(), "COMPLETE");
    assert_eq!(
        serde_json::to_string(&ScanStatusType::Complete).unwrap(),
        r#""COMPLETE""#
    );
    assert_eq!(
        serde_json::from_str::<ScanStatusType>(r#""FAILED""#).unwrap(),
        ScanStatusType::Failed
    );
    let error = serde_json::from_str::<ScanStatusType>(r#""failed""#).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("'failed' is not a valid ScanStatusType"),
        "{error}"
    );
    let copy = ScanStatusType::Failed;
    let set: HashSet<ScanStatusType> = [copy, copy].into();
    assert_eq!(set.len(), 1);
    assert!(FindingSeverityType::Informational < FindingSeverityType::Critical);
}

#[test]
fn literals_are_dict_keys() {
    let counts: Dict<FindingSeverityType, i64> =
        serde_json::from_str(r#"{"HIGH": 2, "LOW": 7}"#).unwrap();
    assert_eq!(counts.get(&FindingSeverityType::High), Some(&2));
    // In the order sent, not the literal's.
    assert_eq!(
        serde_json::to_string(&counts).unwrap(),
        r#"{"HIGH":2,"LOW":7}"#
    );
    assert!(serde_json::from_str::<Dict<FindingSeverityType, i64>>(r#"{"SEVERE": 1}"#).is_err());
}

#[test]
fn a_named_one_value_literal_renders_its_name() {
    #[typed_dict::typed_dict]
    pub enum ChecksumModeType {
        ENABLED,
    }
    #[typed_dict::typed_dict]
    pub struct GetObject {
        pub checksum_mode: Option<ChecksumModeType>,
    }
    let schema = <GetObject as typed_dict::TypedDict>::schema();
    assert_eq!(
        schema.fields[0].value.python().to_string(),
        "ChecksumModeType"
    );
}

#[test]
fn one_value_literal_renders_inline() {
    let schema = <LifecyclePolicyRuleActionTypeDef as typed_dict::TypedDict>::schema();
    assert_eq!(
        schema.fields[0].value.python().to_string(),
        "Literal['EXPIRE']"
    );
}
