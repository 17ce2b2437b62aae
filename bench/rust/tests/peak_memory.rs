//! Peak heap of decoding workload 1 (full size) stays within 3× the input size.

use typed_dict_bench::alloc::{measure, Counting};
use typed_dict_bench::{measure as ops, Workloads, W2_ITEMS};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn decoding_workload_1_peaks_below_three_times_the_input() {
    let w = Workloads::with_sizes(typed_dict_bench::W1_ITEMS, W2_ITEMS / 50);
    let (value, usage) = measure(|| ops::w1_typed(&w.w1));
    assert_eq!(value.image_details.len(), typed_dict_bench::W1_ITEMS);
    let ratio = usage.peak as f64 / w.w1.len() as f64;
    println!(
        "{} allocator: peak {} B for {} B of input: {ratio:.2}×, {} allocations",
        typed_dict_bench::alloc::ALLOCATOR,
        usage.peak,
        w.w1.len(),
        usage.allocations
    );
    assert!(usage.peak > 0, "the counting allocator is installed");
    assert!(ratio <= 3.0, "peak heap {ratio:.2}× the input");
}
