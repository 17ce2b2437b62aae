//! The `proptest` feature: strategies derived from the static schema, used the way a
//! user's property tests would use them.

use ecr_types::{DescribeImagesResponseTypeDef, ImageDetailTypeDef, ScanStatusType};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use serde_json::Value;
use typed_dict::proptest::{any as any_value, any_json};
use typed_dict::{typed_dict, DecodeOptions, List, Literal, Mode, TypedDict};

/// Recursive, so generation must stop somewhere.
#[typed_dict]
pub struct Tree {
    pub name: String,
    pub children: Option<List<Self>>,
}

fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    )
}

/// `count` values drawn from `strategy`.
fn sample<S: Strategy>(strategy: S, count: usize) -> Vec<S::Value> {
    let mut runner = runner();
    (0..count)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

fn options(mode: Mode) -> DecodeOptions {
    if mode == Mode::Wire {
        DecodeOptions::wire()
    } else {
        DecodeOptions::strict()
    }
}

proptest! {
    #![proptest_config(Config { cases: 64, failure_persistence: None, ..Config::default() })]

    #[test]
    fn a_decoded_response_survives_a_round_trip(
        response in any_value::<DescribeImagesResponseTypeDef>()
    ) {
        let bytes = typed_dict::to_vec(&response).unwrap();
        let again: DescribeImagesResponseTypeDef =
            typed_dict::decode(&bytes, DecodeOptions::wire()).unwrap();
        prop_assert_eq!(again, response);
    }

    #[test]
    fn payloads_are_valid_in_their_mode(
        strict in any_json::<DescribeImagesResponseTypeDef>(Mode::Strict),
        wire in any_json::<DescribeImagesResponseTypeDef>(Mode::Wire),
    ) {
        for (payload, mode) in [(strict, Mode::Strict), (wire, Mode::Wire)] {
            let report = typed_dict::validate_schema(
                payload.to_string().as_bytes(),
                DescribeImagesResponseTypeDef::schema(),
                options(mode),
            );
            prop_assert!(report.errors.is_empty(), "{:?}: {:?}", mode, report.errors);
        }
    }
}

#[test]
fn the_closure_form_takes_an_ecr_response() {
    proptest!(|(response in typed_dict::proptest::any::<DescribeImagesResponseTypeDef>())| {
        let json: Value = serde_json::from_str(&typed_dict::to_string(&response).unwrap()).unwrap();
        prop_assert_eq!(json["imageDetails"].as_array().unwrap().len(), response.image_details.len());
        for (image, written) in response.image_details.iter().zip(json["imageDetails"].as_array().unwrap()) {
            prop_assert_eq!(written.get("imageSizeInBytes").and_then(Value::as_i64), image.image_size_in_bytes);
        }
    });
}

#[test]
fn strict_payloads_have_every_required_key_and_no_null_value() {
    let schema = DescribeImagesResponseTypeDef::schema();
    for payload in sample(any_json::<DescribeImagesResponseTypeDef>(Mode::Strict), 200) {
        for key in schema.required_keys() {
            assert!(payload.get(key).is_some(), "{key} missing from {payload}");
        }
        // Undeclared keys may hold anything; declared ones are never null.
        for field in schema.fields {
            assert_ne!(payload.get(field.key), Some(&Value::Null), "{payload}");
        }
    }
}

#[test]
fn wire_payloads_leave_out_wire_optional_keys_and_send_nulls() {
    let payloads = sample(any_json::<DescribeImagesResponseTypeDef>(Mode::Wire), 200);
    let without_next_token = payloads
        .iter()
        .filter(|payload| payload.get("nextToken").is_none())
        .count();
    let with_null = payloads
        .iter()
        .filter(|payload| payload.as_object().unwrap().values().any(Value::is_null))
        .count();
    assert!(without_next_token > 0 && without_next_token < payloads.len());
    assert!(with_null > 0);
}

#[test]
fn values_cover_the_optional_keys_both_ways() {
    let images = sample(any_value::<ImageDetailTypeDef>(), 200);
    let tagged = images
        .iter()
        .filter(|image| image.image_tags.is_some())
        .count();
    assert!(
        tagged > 0 && tagged < images.len(),
        "{tagged} of {}",
        images.len()
    );
}

#[test]
fn literal_payloads_are_listed_values_and_all_of_them_turn_up() {
    let values = sample(any_json::<ScanStatusType>(Mode::Strict), 300);
    for value in &values {
        assert!(
            ScanStatusType::SCHEMA.allows(value.as_str().unwrap()),
            "{value}"
        );
    }
    for listed in ScanStatusType::VALUES {
        assert!(
            values.iter().any(|value| value == listed),
            "{listed} never generated"
        );
    }
}

#[test]
fn recursive_shapes_stay_finite() {
    fn depth(tree: &Tree) -> usize {
        1 + tree.children.iter().flatten().map(depth).max().unwrap_or(0)
    }
    let trees = sample(any_value::<Tree>(), 200);
    let deepest = trees.iter().map(depth).max().unwrap();
    assert!(deepest > 1, "no nesting generated");
    assert!(
        deepest as u32 <= typed_dict::proptest::MAX_DEPTH + 1,
        "{deepest}"
    );
}

#[test]
fn timestamps_reach_both_ends_of_the_range() {
    let values = sample(typed_dict::proptest::timestamp(), 2000);
    let parsed: Vec<typed_dict::Timestamp> = values
        .iter()
        .map(|value| serde_json::from_value(value.clone()).unwrap())
        .collect();
    let min = parsed.iter().min().unwrap().to_rfc3339();
    let max = parsed.iter().max().unwrap().to_rfc3339();
    assert_eq!(min, "0001-01-01T00:00:00Z");
    assert!(max.starts_with("9999-12-31T"), "{max}");
    assert!(values.iter().any(Value::is_string));
    assert!(values.iter().any(|value| value.is_f64()));
    assert!(values.iter().any(|value| value.is_i64()));
}

/// Constrained keys of every kind, one pattern proptest generates from.
#[typed_dict]
pub struct Constrained {
    #[typed_dict(
        min_length = 2,
        max_length = 256,
        pattern = "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*"
    )]
    pub repository_name: String,
    #[typed_dict(min_length = 3, max_length = 5)]
    pub token: Option<String>,
    #[typed_dict(ge = 1, le = 1000)]
    pub max_results: Option<i64>,
    #[typed_dict(ge = 10, le = 20)]
    pub small: Option<u8>,
    #[typed_dict(ge = -0.5, le = 0.5)]
    pub ratio: Option<f64>,
    #[typed_dict(ge = 1.5)]
    pub single: Option<f32>,
    #[typed_dict(min_length = 1, max_length = 3)]
    pub tags: Option<typed_dict::Sequence<String>>,
    #[typed_dict(min_length = 2)]
    pub labels: Option<typed_dict::Dict<String, i64>>,
    #[typed_dict(min_length = 1, max_length = 4)]
    pub digest: Option<typed_dict::Blob>,
    #[typed_dict(min_length = 5, max_length = 6)]
    pub part: Option<PartBlob>,
    #[typed_dict(
        min_length = 1,
        items(min_length = 1, max_length = 300, pattern = "[a-zA-Z0-9-_.]+")
    )]
    pub image_tags: Option<typed_dict::Sequence<String>>,
    #[typed_dict(keys(min_length = 2, pattern = "[a-z]+"), values(ge = 5, le = 9))]
    pub counts: Option<typed_dict::Dict<String, i64>>,
    #[typed_dict(min_length = 1, keys(ge = 10, le = 20), values(max_length = 2))]
    pub numbered: Option<typed_dict::Dict<u8, String>>,
    #[typed_dict(items(min_length = 1, items(max_length = 3)))]
    pub grid: Option<typed_dict::List<typed_dict::List<String>>>,
    #[typed_dict(items(min_length = 2, max_length = 3))]
    pub parts: Option<typed_dict::Sequence<PartBlob>>,
}

/// A named alias of a blob (the latest ECR module's `BlobTypeDef`): its bounds count bytes.
#[typed_dict]
pub struct PartBlob(pub typed_dict::Blob);

#[test]
fn generated_payloads_meet_their_constraints() {
    for mode in [Mode::Strict, Mode::Wire] {
        let checked = options(mode).constraints(true);
        for payload in sample(any_json::<Constrained>(mode), 200) {
            let report =
                typed_dict::validate::<Constrained>(payload.to_string().as_bytes(), checked);
            assert!(report.is_valid(), "{payload}: {report}");
        }
    }
    // Values, decoded with constraints on, too.
    for value in sample(any_value::<Constrained>(), 50) {
        let json = typed_dict::to_string(&value).unwrap();
        let checked = DecodeOptions::wire().constraints(true);
        assert_eq!(
            typed_dict::decode::<Constrained>(json.as_bytes(), checked).unwrap(),
            value
        );
    }
}
