//! The fuzz targets' bodies. `fuzz/` calls these from libFuzzer; the replay test calls
//! them on the committed seeds and a deterministic mutation loop, so the same checks run
//! under `cargo test` without the fuzzer toolchain.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use typed_dict::{validate_schema, DecodeOptions, ErrorKind, TypedDictSchema};

use crate::codecs::{codec, codec_of};
use crate::oracle;

/// The deep shapes the decode target decodes every input as.
pub const DEEP_SHAPES: [&str; 3] = [
    "DescribeImageScanFindingsResponseTypeDef",
    "GetLifecyclePolicyPreviewResponseTypeDef",
    "PutReplicationConfigurationRequestRequestTypeDef",
];

/// Fuzz target `decode`: the bytes decoded as each of [`DEEP_SHAPES`] and the shapes of a
/// Rust author's own vocabulary ([`crate::own_types::OWN_CODECS`]), in strict and wire
/// mode, with unknown keys allowed and denied, held to [`oracle::check_all_modes`] and,
/// when the bytes are JSON without duplicate keys, to the reference checker.
pub fn fuzz_decode(data: &[u8]) {
    let parsed = parse_unique(data);
    let deep = DEEP_SHAPES
        .iter()
        .map(|name| codec(name).expect("a deep shape of ecr-types"));
    for codec in deep.chain(crate::own_types::OWN_CODECS) {
        oracle::check_all_modes(codec, data);
        if let Some(value) = &parsed {
            for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
                oracle::check_against_reference(codec, value, options);
            }
        }
    }
}

/// The schema the first byte picks, as the CLI's validate path picks one by name.
pub fn schema_for(selector: u8) -> &'static TypedDictSchema {
    let count = ecr_types::CATALOG.type_defs().count();
    ecr_types::CATALOG
        .type_defs()
        .nth(usize::from(selector) % count)
        .expect("the catalog is not empty")
}

/// Fuzz target `validate`: the first byte picks a schema from the catalog, the rest is
/// validated against it in both modes (a well-formed report: malformed JSON alone at `$`,
/// warnings only for unknown keys and, in wire mode, unlisted values of open literals),
/// then decoded as the type behind it through the same checks as [`fuzz_decode`].
pub fn fuzz_validate(data: &[u8]) {
    let Some((&selector, json)) = data.split_first() else {
        return;
    };
    let schema = schema_for(selector);
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        let report = validate_schema(json, schema, options);
        let context = || {
            format!(
                "{}, {options:?}, payload {}",
                schema.name,
                oracle::show(json)
            )
        };
        if report
            .errors
            .iter()
            .any(|e| matches!(e.kind, ErrorKind::MalformedJson { .. }))
        {
            assert_eq!(report.errors.len(), 1, "{}", context());
            assert!(report.warnings.is_empty(), "{}", context());
        }
        for error in report.errors.iter().chain(&report.warnings) {
            assert!(error.path.starts_with('$'), "{}: {error}", context());
        }
        for warning in &report.warnings {
            let wire_literal = warning.kind == ErrorKind::UnknownLiteral && options.is_wire();
            assert!(
                warning.kind == ErrorKind::UnknownKey || wire_literal,
                "{}: {warning}",
                context()
            );
        }
    }
    let codec = codec_of(schema).expect("every catalog schema has a codec");
    oracle::check_all_modes(codec, json);
    if let Some(value) = parse_unique(json) {
        for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
            oracle::check_against_reference(codec, &value, options);
        }
    }
}

/// Both targets on one input.
pub fn fuzz_one(data: &[u8]) {
    fuzz_decode(data);
    fuzz_validate(data);
}

/// Parses JSON into a `Value`, or `None` if it is not JSON or has a key twice in one
/// object (which a `Value` cannot show, so the reference checker cannot judge it).
pub fn parse_unique(json: &[u8]) -> Option<Value> {
    serde_json::from_slice::<Unique>(json)
        .ok()
        .map(|unique| unique.0)
}

struct Unique(Value);

impl<'de> Deserialize<'de> for Unique {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueVisitor).map(Unique)
    }
}

struct UniqueVisitor;

impl<'de> Visitor<'de> for UniqueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("JSON")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::from(value))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Unique(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Unique(value) = map.next_value()?;
            if entries.insert(key, value).is_some() {
                return Err(A::Error::custom("duplicate key"));
            }
        }
        Ok(Value::Object(entries))
    }
}
