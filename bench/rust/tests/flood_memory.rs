//! Peak heap on error floods stays within ten times the input plus 64 MiB (issue 12), at
//! the default cap on kept errors; every problem is still counted.

use typed_dict::DecodeOptions;
use typed_dict_bench::alloc::Counting;
use typed_dict_bench::flood::{self, bound, Images, LongKeysTypeDef};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The counter is process-wide: one test at a time, or another's allocations count too.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn report(name: &str, input: usize, peaks: &flood::FloodPeaks) {
    println!(
        "{name}: {input} B input, peak validate {} B, decode {} B ({:.2}× input); {} errors ({} kept), {} warnings ({} kept)",
        peaks.validate.peak,
        peaks.decode.peak,
        peaks.peak() as f64 / input as f64,
        peaks.errors,
        peaks.kept_errors,
        peaks.warnings,
        peaks.kept_warnings,
    );
}

#[test]
fn five_million_wrong_items_keep_a_thousand_errors_and_count_the_rest() {
    let _alone = alone();
    let items = 5_000_000;
    let json = flood::wrong_tags(items);
    let peaks = flood::peaks::<Images>(&json, DecodeOptions::wire());
    report("5M wrong tags", json.len(), &peaks);
    assert!(!peaks.decoded);
    assert_eq!(peaks.errors, items);
    assert_eq!(peaks.kept_errors, DecodeOptions::DEFAULT_MAX_ERRORS);
    assert!(
        peaks.validate.peak > 0,
        "the counting allocator is installed"
    );
    assert!(peaks.peak() <= bound(json.len()), "{peaks:?}");
    // Far below the bound, in fact: the kept errors and the walk's stack.
    assert!(peaks.peak() < 4 << 20, "{peaks:?}");
}

#[test]
fn ten_million_wrong_items_stay_bounded() {
    let _alone = alone();
    let json = flood::wrong_tags(10_000_000);
    let peaks = flood::peaks::<Images>(&json, DecodeOptions::strict());
    report("10M wrong tags", json.len(), &peaks);
    assert_eq!(
        peaks.errors,
        10_000_000 + 2,
        "every tag, and the two missing keys"
    );
    assert!(peaks.peak() <= bound(json.len()), "{peaks:?}");
}

#[test]
fn two_million_unknown_keys_keep_a_thousand_warnings() {
    let _alone = alone();
    let count = 2_000_000;
    let json = flood::unknown_keys(count);
    let peaks = flood::peaks::<Images>(&json, DecodeOptions::wire());
    report("2M unknown keys", json.len(), &peaks);
    assert!(peaks.decoded, "unknown keys are only warnings");
    assert_eq!(peaks.errors, 0);
    assert_eq!(peaks.warnings, count);
    assert_eq!(peaks.kept_warnings, DecodeOptions::DEFAULT_MAX_ERRORS);
    assert!(peaks.peak() <= bound(json.len()), "{peaks:?}");
}

#[test]
fn a_long_key_is_not_copied_into_every_error_below_it() {
    let _alone = alone();
    let json = flood::long_key(100_000, 30_000);
    let peaks = flood::peaks::<LongKeysTypeDef>(&json, DecodeOptions::strict());
    report("100 KB key, 30,000 errors below it", json.len(), &peaks);
    assert_eq!(peaks.errors, 30_000);
    assert!(peaks.kept_errors >= 100, "{peaks:?}");
    assert!(peaks.peak() <= bound(json.len()), "{peaks:?}");
}

#[test]
fn many_long_keys_each_with_errors_stay_bounded() {
    let _alone = alone();
    // 200 keys of 50 KB, each above 50 errors: 10 MB of keys, 10,000 errors.
    let mut json = br#"{"byKey":{"#.to_vec();
    for key in 0..200 {
        if key > 0 {
            json.push(b',');
        }
        json.push(b'"');
        json.extend(format!("{key:05}").bytes());
        json.extend(std::iter::repeat_n(b'k', 50_000));
        json.extend_from_slice(br#"":["#);
        json.extend(std::iter::repeat_n(&br#""x","#[..], 49).flatten());
        json.extend_from_slice(br#""x"]"#);
    }
    json.extend_from_slice(b"}}");
    let peaks = flood::peaks::<LongKeysTypeDef>(&json, DecodeOptions::strict());
    report("200 keys of 50 KB, 10,000 errors", json.len(), &peaks);
    assert_eq!(peaks.errors, 10_000);
    assert!(peaks.peak() <= bound(json.len()), "{peaks:?}");
}
