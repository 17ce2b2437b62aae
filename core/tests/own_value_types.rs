//! Users' own value types: a foreign type with `#[typed_dict(as = "...")]`, the
//! `TypedValue` impls for IP addresses (and, with their features, `Uuid` and `Url`), and
//! a hand-written `TypedValue`. Decoding and `validate` agree on every value, with the same
//! errors at the same nested paths, in both modes.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use typed_dict::schema::CustomSchema;
use typed_dict::{
    typed_dict, DecodeOptions, Dict, ErrorKind, List, TypedDict, TypedValue, ValueType,
};

/// A foreign type of the test's: a region code, two lowercase letters, a dash and a digit.
#[derive(Debug, Clone, PartialEq)]
pub struct Region(String);

impl FromStr for Region {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let bytes = text.as_bytes();
        if bytes.len() == 4
            && bytes[..2].iter().all(u8::is_ascii_lowercase)
            && bytes[2] == b'-'
            && bytes[3].is_ascii_digit()
        {
            Ok(Region(text.to_owned()))
        } else {
            Err(format!("{text:?} is not a region"))
        }
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[typed_dict]
pub struct Placement {
    #[typed_dict(as = "str", python = "RegionName")]
    pub region: Region,
    #[typed_dict(as = "str")]
    pub backup: Option<Region>,
    #[typed_dict(as = "str")]
    pub replicas: List<Region>,
    #[typed_dict(as = "str")]
    pub by_zone: Option<Dict<String, Box<Region>>>,
    #[typed_dict(as = "str", wire_optional)]
    pub home: Option<Region>,
}

#[typed_dict]
pub struct Hosts {
    pub address: IpAddr,
    pub v4: Option<Ipv4Addr>,
    pub v6: Option<List<Ipv6Addr>>,
    pub placement: Option<Placement>,
}

type Errors = Vec<(ErrorKind, String, String)>;

fn errors_of(report: &typed_dict::Report) -> Errors {
    report
        .errors
        .iter()
        .map(|error| (error.kind, error.path.clone(), error.message.clone()))
        .collect()
}

/// Decodes and validates `json` as `T` in `options`: both agree, and the errors are the
/// same; returns them.
fn both<T: TypedDict + std::fmt::Debug>(json: &str, options: DecodeOptions) -> Errors {
    let report = typed_dict::validate::<T>(json.as_bytes(), options);
    let decoded = typed_dict::decode::<T>(json.as_bytes(), options);
    match decoded {
        Ok(value) => {
            assert!(
                report.is_valid(),
                "decoded {value:?}, but validate says {report}"
            );
            Vec::new()
        }
        Err(error) => {
            assert!(
                !report.is_valid(),
                "decode failed ({error}), validate did not"
            );
            let decode_errors: Errors = error
                .errors()
                .iter()
                .map(|error| (error.kind, error.path.clone(), error.message.clone()))
                .collect();
            assert_eq!(decode_errors, errors_of(&report), "{json}");
            decode_errors
        }
    }
}

fn modes() -> [DecodeOptions; 2] {
    [DecodeOptions::strict(), DecodeOptions::wire()]
}

const PLACEMENT: &str = r#"{"region": "eu-1", "backup": "us-2", "replicas": ["ap-3"], "byZone": {"a": "eu-4"}, "home": "eu-5"}"#;

#[test]
fn a_foreign_type_with_as_decodes_and_round_trips() {
    for options in modes() {
        assert!(both::<Placement>(PLACEMENT, options).is_empty());
    }
    let placement: Placement = typed_dict::from_str(PLACEMENT).unwrap();
    assert_eq!(placement.replicas[0], Region("ap-3".to_owned()));
    let json = typed_dict::to_string(&placement).unwrap();
    assert_eq!(typed_dict::from_str::<Placement>(&json).unwrap(), placement);
    assert_eq!(placement.clone(), placement);
    assert!(format!("{placement:?}").contains("eu-1"));
}

#[test]
fn a_foreign_type_s_own_errors_land_at_their_paths_in_both_readers() {
    let json = r#"{"region": "EU-1", "backup": "x", "replicas": ["ap-3", "nope", 7], "byZone": {"a": "eu-4", "b": "zz"}, "home": "eu-5"}"#;
    for options in modes() {
        let errors = both::<Placement>(json, options);
        let shown: Vec<(ErrorKind, &str, &str)> = errors
            .iter()
            .map(|(kind, path, message)| (*kind, path.as_str(), message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    ErrorKind::InvalidValue,
                    "$.region",
                    r#""EU-1" is not a region"#
                ),
                (
                    ErrorKind::InvalidValue,
                    "$.backup",
                    r#""x" is not a region"#
                ),
                (
                    ErrorKind::InvalidValue,
                    "$.replicas[1]",
                    r#""nope" is not a region"#
                ),
                (
                    ErrorKind::WrongType,
                    "$.replicas[2]",
                    "expected str, got int"
                ),
                (
                    ErrorKind::InvalidValue,
                    "$.byZone.b",
                    r#""zz" is not a region"#
                ),
            ]
        );
        assert_eq!(ErrorKind::InvalidValue.code(), "invalid_value");
    }
}

#[test]
fn null_and_absence_follow_the_contract() {
    let null_backup = r#"{"region": "eu-1", "backup": null, "replicas": []}"#;
    let strict = both::<Placement>(null_backup, DecodeOptions::strict());
    assert_eq!(strict.len(), 2, "{strict:?}"); // null backup, missing home
    assert_eq!(strict[0].0, ErrorKind::NullNotAllowed);
    assert_eq!(strict[0].1, "$.backup");
    assert!(both::<Placement>(null_backup, DecodeOptions::wire()).is_empty());
    let null_item = r#"{"region": "eu-1", "replicas": [null], "home": "eu-5"}"#;
    for options in modes() {
        let errors = both::<Placement>(null_item, options);
        assert_eq!(errors.len(), 1);
        assert_eq!(
            (errors[0].0, errors[0].1.as_str()),
            (ErrorKind::NullNotAllowed, "$.replicas[0]")
        );
    }
}

#[test]
fn the_schema_carries_the_annotation_and_the_check() {
    let schema = Placement::schema();
    let annotations: Vec<String> = schema
        .fields
        .iter()
        .map(|field| field.value.python().to_string())
        .collect();
    assert_eq!(
        annotations,
        ["RegionName", "str", "list[str]", "dict[str, str]", "str"]
    );
    let ValueType::Custom(region) = schema.fields[0].value else {
        panic!("a custom value type");
    };
    assert_eq!(region.python, "RegionName");
    assert!(matches!(region.base, ValueType::Str));
    assert!(region.check(r#""eu-1""#).is_ok());
    assert_eq!(
        region.check(r#""eu""#).unwrap_err(),
        r#""eu" is not a region"#
    );
}

#[test]
fn ip_addresses_are_strings_their_parsers_judge() {
    let good = r#"{"address": "::1", "v4": "10.0.0.1", "v6": ["fe80::1", "::"]}"#;
    for options in modes() {
        assert!(both::<Hosts>(good, options).is_empty());
    }
    let hosts: Hosts = typed_dict::from_str(good).unwrap();
    assert_eq!(hosts.address, IpAddr::V6(Ipv6Addr::LOCALHOST));
    let again = typed_dict::to_string(&hosts).unwrap();
    assert_eq!(typed_dict::from_str::<Hosts>(&again).unwrap(), hosts);

    let bad = r#"{"address": "localhost", "v4": "300.1.1.1", "v6": ["1.2.3.4", 6], "placement": {"region": "eu", "replicas": [], "home": "eu-1"}}"#;
    for options in modes() {
        let errors = both::<Hosts>(bad, options);
        let shown: Vec<(ErrorKind, &str, &str)> = errors
            .iter()
            .map(|(kind, path, message)| (*kind, path.as_str(), message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    ErrorKind::InvalidValue,
                    "$.address",
                    "'localhost' is not a valid IP address"
                ),
                (
                    ErrorKind::InvalidValue,
                    "$.v4",
                    "'300.1.1.1' is not a valid IPv4 address"
                ),
                (
                    ErrorKind::InvalidValue,
                    "$.v6[0]",
                    "'1.2.3.4' is not a valid IPv6 address"
                ),
                (ErrorKind::WrongType, "$.v6[1]", "expected str, got int"),
                (
                    ErrorKind::InvalidValue,
                    "$.placement.region",
                    r#""eu" is not a region"#
                ),
            ]
        );
    }
}

#[test]
fn json_schema_gives_the_base_and_its_format() {
    let schema = typed_dict::json_schema::for_type_def(Hosts::schema(), typed_dict::Mode::Strict);
    let text = schema.to_string();
    let defs = &schema["$defs"]["Hosts"]["properties"];
    assert_eq!(defs["v4"]["type"], "string", "{text}");
    assert_eq!(defs["v4"]["format"], "ipv4");
    assert_eq!(defs["v6"]["items"]["format"], "ipv6");
    assert_eq!(defs["address"]["anyOf"][0]["format"], "ipv4");
    let placement = &schema["$defs"]["Placement"]["properties"];
    assert_eq!(placement["region"], serde_json::json!({"type": "string"}));
}

/// A hand-written `TypedValue`: an `int` the type's own `Deserialize` bounds further.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Percent(u8);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = u8::deserialize(deserializer)?;
        if value <= 100 {
            Ok(Percent(value))
        } else {
            Err(serde::de::Error::custom(format_args!(
                "{value} is more than 100 percent"
            )))
        }
    }
}

const PERCENT: CustomSchema = CustomSchema::new::<Percent>(&ValueType::Int, "int");

impl TypedValue for Percent {
    const TYPE: ValueType = ValueType::Custom(&PERCENT);
}

#[typed_dict]
pub struct Progress {
    pub done: Percent,
    pub steps: Option<List<Percent>>,
}

#[test]
fn a_hand_written_typed_value_is_checked_by_its_own_deserialize() {
    for options in modes() {
        assert!(both::<Progress>(r#"{"done": 100, "steps": [0, 50]}"#, options).is_empty());
        let errors = both::<Progress>(r#"{"done": 101, "steps": [1.5, 300, "x"]}"#, options);
        let shown: Vec<(ErrorKind, &str)> = errors
            .iter()
            .map(|(kind, path, _)| (*kind, path.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (ErrorKind::InvalidValue, "$.done"),
                (ErrorKind::WrongType, "$.steps[0]"),
                (ErrorKind::InvalidValue, "$.steps[1]"),
                (ErrorKind::WrongType, "$.steps[2]"),
            ]
        );
        assert_eq!(errors[0].2, "101 is more than 100 percent");
    }
}

#[cfg(feature = "uuid")]
mod uuids {
    use super::*;

    #[typed_dict]
    pub struct Image {
        pub id: uuid::Uuid,
        pub layers: Option<List<uuid::Uuid>>,
        pub source: Option<url::Url>,
    }

    #[test]
    fn uuids_and_urls_are_strings_their_parsers_judge() {
        let good = r#"{"id": "67e55044-10b1-426f-9247-bb680e5fe0c8", "layers": ["00000000-0000-0000-0000-000000000000"], "source": "https://example.com/a"}"#;
        for options in modes() {
            assert!(both::<Image>(good, options).is_empty());
        }
        let image: Image = typed_dict::from_str(good).unwrap();
        let again = typed_dict::to_string(&image).unwrap();
        assert_eq!(typed_dict::from_str::<Image>(&again).unwrap(), image);

        let bad = r#"{"id": "67e55044", "layers": ["x", 1], "source": "not a url"}"#;
        for options in modes() {
            let errors = both::<Image>(bad, options);
            let shown: Vec<(ErrorKind, &str)> = errors
                .iter()
                .map(|(kind, path, _)| (*kind, path.as_str()))
                .collect();
            assert_eq!(
                shown,
                [
                    (ErrorKind::InvalidValue, "$.id"),
                    (ErrorKind::InvalidValue, "$.layers[0]"),
                    (ErrorKind::WrongType, "$.layers[1]"),
                    (ErrorKind::InvalidValue, "$.source"),
                ]
            );
            assert!(errors[0].2.contains("UUID"), "{}", errors[0].2);
        }
        let schema =
            typed_dict::json_schema::for_type_def(Image::schema(), typed_dict::Mode::Strict);
        let properties = &schema["$defs"]["Image"]["properties"];
        assert_eq!(properties["id"]["format"], "uuid");
        assert_eq!(properties["source"]["format"], "uri");
        assert_eq!(Image::schema().fields[0].value.python().to_string(), "str");
    }

    #[typed_dict]
    pub struct Addresses {
        pub any: IpAddr,
        pub v4: Dict<String, Ipv4Addr>,
        pub v6: Option<List<Ipv6Addr>>,
    }

    #[test]
    fn generated_payloads_are_valid() {
        use proptest::prelude::*;
        proptest!(|(payload in typed_dict::proptest::any_json::<Image>(typed_dict::Mode::Strict))| {
            let text = payload.to_string();
            prop_assert!(typed_dict::validate::<Image>(text.as_bytes(), DecodeOptions::strict()).is_valid(), "{}", text);
            prop_assert!(typed_dict::from_str::<Image>(&text).is_ok());
        });
        proptest!(|(payload in typed_dict::proptest::any_json::<Addresses>(typed_dict::Mode::Wire))| {
            let text = payload.to_string();
            prop_assert!(typed_dict::decode::<Addresses>(text.as_bytes(), DecodeOptions::wire()).is_ok(), "{}", text);
        });
    }
}

#[test]
fn schemars_sees_the_named_types_beside_own_value_types() {
    let schema = schemars::schema_for!(Hosts).to_value();
    let defs = schema["$defs"].as_object().expect("definitions");
    assert!(defs.contains_key("Placement"), "{schema}");
    assert_eq!(schema["properties"]["v4"]["format"], "ipv4", "{schema}");
    let progress = schemars::schema_for!(Progress).to_value();
    assert_eq!(
        progress["properties"]["done"]["type"], "integer",
        "{progress}"
    );
}
