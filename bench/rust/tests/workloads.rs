//! The workloads are deterministic, every candidate decodes them to the same data, and the
//! all-errors path reports exactly the errors injected into workload 4.

use std::collections::BTreeSet;

use typed_dict::ErrorKind;
use typed_dict_bench::broken::check_reported;
use typed_dict_bench::{measure, Workloads};

fn small() -> Workloads {
    Workloads::with_sizes(2_000, 300)
}

#[test]
fn workloads_are_deterministic() {
    let (a, b) = (small(), small());
    assert_eq!(a.w1, b.w1);
    assert_eq!(a.w2, b.w2);
    assert_eq!(a.w3, b.w3);
    assert_eq!(a.w4, b.w4);
}

#[test]
fn every_candidate_decodes_the_same_data() {
    let w = small();
    assert_eq!(measure::w1_typed(&w.w1), w.w1_value);
    assert_eq!(measure::w2_typed(&w.w2), w.w2_value);
    assert_eq!(measure::w3_typed(&w.w3), w.w3_value);
    // Plain serde writes back the very bytes it read: it saw the same data.
    assert_eq!(serde_json::to_vec(&measure::w1_plain(&w.w1)).unwrap(), w.w1);
    assert_eq!(serde_json::to_vec(&measure::w2_plain(&w.w2)).unwrap(), w.w2);
    assert_eq!(serde_json::to_vec(&measure::w3_plain(&w.w3)).unwrap(), w.w3);
    assert_eq!(
        serde_json::to_vec(&measure::value(&w.w1)).unwrap().len(),
        w.w1.len()
    );
    measure::ignored(&w.w2);
}

#[test]
fn all_errors_path_reports_every_injected_error() {
    let w = small();
    assert_eq!(w.w4_injected.len(), 20 + 2);
    let error = measure::w4_typed(&w.w4);
    check_reported(error.errors(), &w.w4_injected).unwrap();
    let kinds: BTreeSet<&str> = w.w4_injected.iter().map(|i| i.kind.code()).collect();
    let wanted = [
        ErrorKind::InvalidLiteral,
        ErrorKind::InvalidTimestamp,
        ErrorKind::MissingKey,
        ErrorKind::WrongType,
        ErrorKind::NullNotAllowed,
    ];
    for kind in wanted {
        assert!(kinds.contains(kind.code()), "{kind} injected");
    }
    // The broken workload is otherwise workload 1: plain serde stops at the first error.
    assert!(
        serde_json::from_slice::<typed_dict_bench::plain::DescribeImagesResponse>(&w.w4).is_err()
    );
}

#[test]
fn checker_notices_a_missing_and_an_extra_error() {
    let w = small();
    let error = measure::w4_typed(&w.w4);
    let mut errors = error.errors().to_vec();
    let dropped = errors.pop().unwrap();
    assert!(check_reported(&errors, &w.w4_injected)
        .unwrap_err()
        .contains(&dropped.path));
    errors.push(dropped.clone());
    errors.push(typed_dict::ValidationError::new(
        dropped.kind,
        "$.nowhere",
        dropped.message,
    ));
    assert!(check_reported(&errors, &w.w4_injected)
        .unwrap_err()
        .contains("$.nowhere"));
}

/// The accented scan findings (the profiling binary's `w2-*-accented` cases) stay valid
/// and read back as serde_json reads them, with text above ASCII in most strings.
#[test]
fn the_accented_findings_stay_valid() {
    let w = small();
    let accented = typed_dict_bench::workload::accented(&w.w2);
    let accents = String::from_utf8_lossy(&accented).matches('\u{e9}').count();
    let strings = accented.iter().filter(|&&byte| byte == b'"').count() / 2;
    assert!(
        accents * 2 > strings,
        "{accents} accents in {strings} strings"
    );
    let decoded = measure::w2_typed(&accented);
    let theirs: serde_json::Value = serde_json::from_slice(&accented).unwrap();
    assert_eq!(typed_dict::to_value(&decoded).unwrap(), theirs);
    assert!(
        measure::validated::<ecr_types::DescribeImageScanFindingsResponseTypeDef>(&accented)
            .is_valid()
    );
}
