//! Peak heap of `validate` and `decode` on error floods (issue 12): the figures behind the
//! bound `bench/rust/tests/flood_memory.rs` asserts.
//!
//! ```text
//! cargo run --release -p typed-dict-bench --bin flood
//! ```

use typed_dict::DecodeOptions;
use typed_dict_bench::alloc::Counting;
use typed_dict_bench::flood::{self, bound, Images, LongKeysTypeDef};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let cases = [
        (
            "10 MB flood (5M wrong tags)",
            flood::wrong_tags(5_000_000),
            false,
        ),
        (
            "20 MB flood (10M wrong tags)",
            flood::wrong_tags(10_000_000),
            false,
        ),
        (
            "2M unknown keys (12 MB)",
            flood::unknown_keys(2_000_000),
            false,
        ),
        (
            "100 KB key above 30,000 errors",
            flood::long_key(100_000, 30_000),
            true,
        ),
    ];
    for (name, json, long_keys) in cases {
        let peaks = if long_keys {
            flood::peaks::<LongKeysTypeDef>(&json, DecodeOptions::wire())
        } else {
            flood::peaks::<Images>(&json, DecodeOptions::wire())
        };
        println!(
            "{name}: input {} B; validate peak {:.1} MB; decode peak {:.1} MB (bound {:.1} MB); \
             {} errors ({} kept), {} warnings ({} kept)",
            json.len(),
            peaks.validate.peak as f64 / 1e6,
            peaks.decode.peak as f64 / 1e6,
            bound(json.len()) as f64 / 1e6,
            peaks.errors,
            peaks.kept_errors,
            peaks.warnings,
            peaks.kept_warnings,
        );
    }
}
