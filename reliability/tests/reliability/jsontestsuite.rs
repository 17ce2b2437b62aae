//! JSONTestSuite's parsing cases (`../shared/corpus/jsontestsuite/`), through the library:
//! each file decoded as three TypeDefs, in strict and wire mode, with the oracle's checks.
//!
//! - `n_` files (not JSON) are rejected with `MalformedJson`, alone, at `$`;
//! - `y_` files (JSON) decode or get typed validation errors, never `MalformedJson`;
//! - `i_` files (implementation-defined) get either, and nothing panics or overflows.
//!
//! Skipped, saying so, when the corpus is absent.

use std::collections::BTreeMap;

use typed_dict::{DecodeOptions, ErrorKind};
use typed_dict_reliability::codecs::codec;
use typed_dict_reliability::corpus::{jsontestsuite_files, Expectation};
use typed_dict_reliability::oracle::{self, Outcome};

/// The shapes every file is decoded as: a request with a Required key, a deep response,
/// and a shape with no Required key (so JSON objects can decode).
const SHAPES: [&str; 3] = [
    "CreateRepositoryRequestRequestTypeDef",
    "DescribeImageScanFindingsResponseTypeDef",
    "ImageDetailTypeDef",
];

#[test]
fn jsontestsuite_through_the_library() {
    let Some(files) = jsontestsuite_files() else {
        println!(
            "skipped: no JSONTestSuite folder (../shared/corpus/jsontestsuite) in this checkout"
        );
        return;
    };
    assert!(!files.is_empty(), "the JSONTestSuite folder is empty");
    let mut counts: BTreeMap<(Expectation, &str), usize> = BTreeMap::new();
    let mut by_expectation: BTreeMap<Expectation, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for file in &files {
        let json = std::fs::read(&file.path).unwrap();
        *by_expectation.entry(file.expectation).or_default() += 1;
        for name in SHAPES {
            let codec = codec(name).unwrap();
            for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
                let outcome = oracle::check(codec, &json, options);
                let malformed = match &outcome {
                    Outcome::Decoded(_) => None,
                    Outcome::Rejected(errors) => Some(
                        errors
                            .iter()
                            .any(|(kind, _)| matches!(kind, ErrorKind::MalformedJson { .. })),
                    ),
                };
                let label = match malformed {
                    None => "decoded",
                    Some(true) => "malformed JSON",
                    Some(false) => "typed errors",
                };
                *counts.entry((file.expectation, label)).or_default() += 1;
                let wrong = match file.expectation {
                    Expectation::Reject => malformed != Some(true),
                    Expectation::Accept => malformed == Some(true),
                    Expectation::Either => false,
                };
                if wrong {
                    failures.push(format!(
                        "{} as {name} ({options:?}): {outcome:?}",
                        file.name
                    ));
                }
            }
        }
    }
    println!(
        "JSONTestSuite: {} files ({} y_, {} n_, {} i_), each decoded as {} TypeDefs in 2 modes",
        files.len(),
        by_expectation.get(&Expectation::Accept).unwrap_or(&0),
        by_expectation.get(&Expectation::Reject).unwrap_or(&0),
        by_expectation.get(&Expectation::Either).unwrap_or(&0),
        SHAPES.len()
    );
    for ((expectation, label), count) in &counts {
        println!("  {expectation:?} files, {label}: {count} decodes");
    }
    assert!(
        failures.is_empty(),
        "{} decodes broke JSONTestSuite's expectation:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
