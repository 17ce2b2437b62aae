//! Property tests over every ecr-types TypeDef of both modules (the root's 124 and
//! `latest`'s 181), with strategies derived from the static schema
//! (`typed_dict_reliability::strategy`).
//!
//! Runs are deterministic (a fixed seed per property and type) so CI is repeatable;
//! `RELIABILITY_SEED=<n>` picks other seeds and `PROPTEST_CASES=<n>` scales every property
//! to `n` cases per type.

use std::sync::atomic::{AtomicUsize, Ordering};

use proptest::strategy::{BoxedStrategy, Strategy};
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};
use serde_json::Value;
use typed_dict::{DecodeOptions, Mode};
use typed_dict_reliability::codecs::{all_codecs, Codec};
use typed_dict_reliability::fuzz::parse_unique;
use typed_dict_reliability::mutate::{mutate_bytes, Rng};
use typed_dict_reliability::oracle::{self, Outcome};
use typed_dict_reliability::{reference, schema_keys, strategy};

/// Cases per type, unless `PROPTEST_CASES` says otherwise.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default)
}

fn seed() -> u64 {
    std::env::var("RELIABILITY_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(5)
}

/// Runs `test` on `cases` values of `strategy(codec)` for every TypeDef of both modules
/// (the registries' lists, see `codecs`); fails listing
/// every type whose property failed (with the shrunk input). Returns the number of cases.
fn for_every_type<S: Strategy>(
    property: &str,
    default_cases: u32,
    strategy: impl Fn(&'static Codec) -> S,
    test: impl Fn(&'static Codec, S::Value) -> Result<(), TestCaseError>,
) -> usize {
    let cases = cases(default_cases);
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut types = 0;
    for (index, codec) in all_codecs().enumerate() {
        types += 1;
        let config = Config {
            cases,
            failure_persistence: None,
            max_shrink_iters: 256,
            ..Config::default()
        };
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed().to_le_bytes());
        key[8..16].copy_from_slice(&(index as u64).to_le_bytes());
        key[16..16 + property.len().min(16)]
            .copy_from_slice(&property.as_bytes()[..property.len().min(16)]);
        let mut runner =
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
        let count = AtomicUsize::new(0);
        let result = runner.run(&strategy(codec), |value| {
            count.fetch_add(1, Ordering::Relaxed);
            test(codec, value)
        });
        ran += cases as usize;
        if let Err(error) = result {
            let (root, latest) = (
                typed_dict_reliability::codecs::CODECS.len(),
                typed_dict_reliability::codecs::LATEST_CODECS.len(),
            );
            let module = if index < root {
                "ecr_types"
            } else if index < root + latest {
                "ecr_types::latest"
            } else {
                "own_types"
            };
            failures.push(format!("{module}::{}: {error}", codec.name()));
        }
    }
    println!("{property}: {types} types x {cases} cases = {ran} cases");
    assert!(
        failures.is_empty(),
        "{property} failed for {} types:\n{}",
        failures.len(),
        failures.join("\n")
    );
    ran
}

/// Runs an oracle check, turning its panic into a test case failure (so proptest shrinks
/// it and the other types still run).
fn guarded<T>(check: impl FnOnce() -> T) -> Result<T, TestCaseError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(check)).map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        TestCaseError::fail(message)
    })
}

fn valid(codec: &'static Codec, mode: Mode) -> BoxedStrategy<Value> {
    strategy::typed_dict(codec.schema(), mode)
}

fn options(mode: Mode) -> DecodeOptions {
    DecodeOptions::strict().mode(mode)
}

/// Each mode, without and with the keys' constraints checked.
fn every_options() -> [DecodeOptions; 4] {
    [
        options(Mode::Strict),
        options(Mode::Wire),
        options(Mode::Strict).constraints(true),
        options(Mode::Wire).constraints(true),
    ]
}

/// Arbitrary valid values decode, encode, decode again to an equal value (checked inside
/// the codec), and encode to exactly the JSON the schema predicts: the same JSON as the
/// input when the input was already in canonical form.
fn valid_values_round_trip(mode: Mode, default_cases: u32) {
    let canonical_inputs = AtomicUsize::new(0);
    let total = for_every_type(
        &format!("valid {mode:?} values round-trip"),
        default_cases,
        |codec| valid(codec, mode),
        |codec, value| {
            let expected = reference::check(&value, codec.schema(), options(mode));
            if !expected.is_valid() {
                return Err(TestCaseError::fail(format!(
                    "the generator made an invalid value: {:?}",
                    expected.errors
                )));
            }
            let outcome =
                guarded(|| oracle::check_against_reference(codec, &value, options(mode)))?;
            let Outcome::Decoded(encoded) = outcome else {
                return Err(TestCaseError::fail("a valid value did not decode"));
            };
            // Strict values also decode in wire mode, to the same value.
            if mode == Mode::Strict {
                guarded(|| oracle::check_all_modes(codec, &serde_json::to_vec(&value).unwrap()))?;
            }
            if expected.canonical.as_ref() == Some(&value) {
                canonical_inputs.fetch_add(1, Ordering::Relaxed);
                if encoded != value {
                    return Err(TestCaseError::fail(
                        "decode → encode changed a canonical value",
                    ));
                }
            }
            Ok(())
        },
    );
    println!(
        "  of which {} inputs were already canonical (encode gives back the same JSON)",
        canonical_inputs.load(Ordering::Relaxed)
    );
    assert!(canonical_inputs.load(Ordering::Relaxed) > total / 10);
}

#[test]
fn valid_strict_values_round_trip() {
    valid_values_round_trip(Mode::Strict, 32);
}

#[test]
fn valid_wire_values_round_trip() {
    valid_values_round_trip(Mode::Wire, 24);
}

/// Arbitrary JSON (objects keyed mostly by declared keys): decode never panics, and it
/// agrees with validate and with the reference checker in every mode.
#[test]
fn arbitrary_json_agrees_with_the_schema() {
    let keys = schema_keys();
    let accepted = AtomicUsize::new(0);
    for_every_type(
        "arbitrary JSON agrees with the schema",
        32,
        |_| strategy::any_payload(keys),
        |codec, value| {
            let bytes = serde_json::to_vec(&value).unwrap();
            let [strict, ..] = guarded(|| oracle::check_all_modes(codec, &bytes))?;
            accepted.fetch_add(strict.is_ok() as usize, Ordering::Relaxed);
            for options in every_options() {
                guarded(|| oracle::check_against_reference(codec, &value, options))?;
            }
            Ok(())
        },
    );
    println!(
        "  {} arbitrary payloads were valid in strict mode",
        accepted.load(Ordering::Relaxed)
    );
}

/// Valid values with one to three random mutations (nulls, wrong kinds, edge numbers,
/// almost-right strings, removed and added keys): the same agreement.
#[test]
fn mutated_values_agree_with_the_schema() {
    let keys = schema_keys();
    let rejected = AtomicUsize::new(0);
    for_every_type(
        "mutated values agree with the schema",
        32,
        |codec| strategy::mutated(codec.schema(), keys),
        |codec, value| {
            let bytes = serde_json::to_vec(&value).unwrap();
            let [strict, ..] = guarded(|| oracle::check_all_modes(codec, &bytes))?;
            rejected.fetch_add(!strict.is_ok() as usize, Ordering::Relaxed);
            for options in every_options() {
                guarded(|| oracle::check_against_reference(codec, &value, options))?;
            }
            Ok(())
        },
    );
    println!(
        "  {} mutated payloads were invalid in strict mode",
        rejected.load(Ordering::Relaxed)
    );
}

/// Valid values, encoded, with random byte-level damage: decode never panics and agrees
/// with validate (and with the reference checker whenever the bytes are still JSON).
#[test]
fn damaged_bytes_agree_with_validate() {
    for_every_type(
        "damaged bytes agree with validate",
        16,
        |codec| (valid(codec, Mode::Strict), proptest::num::u64::ANY),
        |codec, (value, seed)| {
            let mut bytes = serde_json::to_vec(&value).unwrap();
            mutate_bytes(&mut bytes, &mut Rng::new(seed));
            guarded(|| oracle::check_all_modes(codec, &bytes))?;
            if let Some(value) = parse_unique(&bytes) {
                for mode in [Mode::Strict, Mode::Wire] {
                    guarded(|| oracle::check_against_reference(codec, &value, options(mode)))?;
                }
            }
            Ok(())
        },
    );
}
