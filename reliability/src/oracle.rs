//! The invariants every payload must keep, whatever its bytes: the checks the property
//! tests, the fuzz targets and the replay loop share. Each function panics, with the
//! payload in the message, when one is broken.

use serde_json::Value;
use typed_dict::{validate_schema, DecodeOptions, ErrorKind};

use crate::codecs::Codec;
use crate::reference;

/// What a checked payload came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// It decoded; the value encodes to this JSON.
    Decoded(Value),
    /// It did not; these are the errors, as `(kind, path)`.
    Rejected(Vec<(ErrorKind, String)>),
}

impl Outcome {
    /// Whether it decoded.
    pub fn is_ok(&self) -> bool {
        matches!(self, Outcome::Decoded(_))
    }
}

/// Shows a payload in a panic message, shortened when it is long.
pub fn show(json: &[u8]) -> String {
    const MAX: usize = 600;
    let text = String::from_utf8_lossy(json);
    if text.len() > MAX {
        let cut = (0..=MAX)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        format!("{:?}... ({} bytes)", &text[..cut], json.len())
    } else {
        format!("{text:?}")
    }
}

/// Decodes `json` with the codec and checks it against the all-errors walk:
///
/// - `decode` is `Ok` exactly when `validate` finds no error;
/// - a failed decode reports exactly `validate`'s errors, none of them `Other`, each with
///   a path from `$`; malformed JSON is reported alone, at `$`;
/// - bytes that are not UTF-8 are malformed JSON (RFC 8259 §8.1);
/// - a decoded value encodes to JSON that validates without errors or warnings, and
///   decodes (same options) into an equal value.
pub fn check(codec: &Codec, json: &[u8], options: DecodeOptions) -> Outcome {
    let schema = codec.schema();
    let name = schema.name;
    let decoded = codec.decode(json, options);
    let report = validate_schema(json, schema, options);
    let context = || format!("{name}, {options:?}, payload {}", show(json));
    match decoded {
        Ok(round_trip) => {
            assert!(
                report.errors.is_empty(),
                "decode accepted what validate rejects ({}): {:?}",
                context(),
                report.errors
            );
            if let Err(why) = &round_trip.stable {
                panic!("round trip not stable ({}): {why}", context());
            }
            assert!(
                std::str::from_utf8(json).is_ok(),
                "decode accepted bytes that are not UTF-8 ({})",
                context()
            );
            // Clean, but for the unlisted values of open literals a wire decode kept: they
            // are written back as they came, and warned about again.
            let again = validate_schema(&round_trip.encoded, schema, options);
            assert!(
                again.is_valid()
                    && again.more_warnings == 0
                    && again
                        .warnings
                        .iter()
                        .all(|w| w.kind == ErrorKind::UnknownLiteral && options.is_wire()),
                "the encoding of a decoded value does not validate cleanly ({}): {again:?}",
                context()
            );
            let encoded: Value =
                serde_json::from_slice(&round_trip.encoded).unwrap_or_else(|error| {
                    panic!("the encoding is not JSON ({}): {error}", context())
                });
            Outcome::Decoded(encoded)
        }
        Err(error) => {
            assert_eq!(error.type_name(), name);
            assert!(
                !report.errors.is_empty(),
                "decode rejected what validate accepts ({}): {error}",
                context()
            );
            assert_eq!(
                error.errors(),
                &report.errors[..],
                "decode and validate report different errors ({})",
                context()
            );
            for e in error.errors() {
                assert!(
                    e.kind != ErrorKind::Other,
                    "an unclassified error ({}): {e}",
                    context()
                );
                assert!(
                    e.path.starts_with('$'),
                    "a path not from $ ({}): {e}",
                    context()
                );
                assert!(
                    !e.message.is_empty(),
                    "an error without words ({})",
                    context()
                );
            }
            if let Some(malformed) = error
                .errors()
                .iter()
                .find(|e| matches!(e.kind, ErrorKind::MalformedJson { .. }))
            {
                assert_eq!(
                    error.errors().len(),
                    1,
                    "malformed JSON reported with other errors ({})",
                    context()
                );
                assert_eq!(malformed.path, "$", "{}", context());
            }
            Outcome::Rejected(
                error
                    .errors()
                    .iter()
                    .map(|e| (e.kind, e.path.clone()))
                    .collect(),
            )
        }
    }
}

/// [`check`] in strict and in wire mode, with and without unknown keys denied, plus what
/// holds between the modes: strict-valid implies wire-valid, and denying unknown keys
/// only ever adds `UnknownKey` errors.
pub fn check_all_modes(codec: &Codec, json: &[u8]) -> [Outcome; 4] {
    let strict = check(codec, json, DecodeOptions::strict());
    let wire = check(codec, json, DecodeOptions::wire());
    let strict_deny = check(codec, json, DecodeOptions::strict().deny_unknown(true));
    let wire_deny = check(codec, json, DecodeOptions::wire().deny_unknown(true));
    let context = || format!("{}, payload {}", codec.name(), show(json));
    if let Outcome::Decoded(strict_value) = &strict {
        match &wire {
            Outcome::Decoded(wire_value) => assert_eq!(
                strict_value,
                wire_value,
                "strict and wire decode to different values ({})",
                context()
            ),
            Outcome::Rejected(errors) => {
                panic!("strict accepts, wire rejects ({}): {errors:?}", context())
            }
        }
    }
    for (open, denied) in [(&strict, &strict_deny), (&wire, &wire_deny)] {
        match (open, denied) {
            (Outcome::Decoded(a), Outcome::Decoded(b)) => assert_eq!(a, b, "{}", context()),
            (Outcome::Decoded(_), Outcome::Rejected(errors)) => assert!(
                errors
                    .iter()
                    .all(|(kind, _)| *kind == ErrorKind::UnknownKey),
                "denying unknown keys added other errors ({}): {errors:?}",
                context()
            ),
            (Outcome::Rejected(_), Outcome::Decoded(_)) => {
                panic!("denying unknown keys made a payload valid ({})", context())
            }
            (Outcome::Rejected(a), Outcome::Rejected(b)) => {
                let malformed = |errors: &[(ErrorKind, String)]| {
                    errors
                        .iter()
                        .any(|(kind, _)| matches!(kind, ErrorKind::MalformedJson { .. }))
                };
                if !malformed(a) {
                    let others: Vec<_> = b
                        .iter()
                        .filter(|(kind, _)| *kind != ErrorKind::UnknownKey)
                        .collect();
                    assert_eq!(
                        others,
                        a.iter().collect::<Vec<_>>(),
                        "denying unknown keys changed the other errors ({})",
                        context()
                    );
                } else {
                    assert_eq!(a, b, "{}", context());
                }
            }
        }
    }
    [strict, wire, strict_deny, wire_deny]
}

/// [`check`], and the library against the [reference](mod@crate::reference) checker: the
/// same errors, kind and path, in the same order; the same warnings; and a decoded value
/// that encodes to exactly the JSON the reference expects. For payloads that are a
/// `serde_json::Value` (so no duplicate keys).
pub fn check_against_reference(codec: &Codec, json: &Value, options: DecodeOptions) -> Outcome {
    let bytes = serde_json::to_vec(json).expect("a Value always encodes");
    let outcome = check(codec, &bytes, options);
    let expected = reference::check(json, codec.schema(), options);
    let context = || format!("{}, {options:?}, payload {}", codec.name(), show(&bytes));
    match &outcome {
        Outcome::Decoded(encoded) => {
            assert!(
                expected.is_valid(),
                "the library accepts what the schema rejects ({}): {:?}",
                context(),
                expected.errors
            );
            assert_eq!(
                Some(encoded),
                expected.canonical.as_ref(),
                "decode → encode lost or changed data ({})",
                context()
            );
        }
        Outcome::Rejected(errors) => assert_eq!(
            errors,
            &expected.errors,
            "the library and the schema disagree on the errors ({})",
            context()
        ),
    }
    let warnings: Vec<(ErrorKind, String)> = validate_schema(&bytes, codec.schema(), options)
        .warnings
        .into_iter()
        .map(|w| (w.kind, w.path))
        .collect();
    assert_eq!(
        warnings,
        expected.warnings,
        "warnings differ ({})",
        context()
    );
    outcome
}
