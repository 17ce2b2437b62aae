//! Runs one measured operation in a loop, for a profiler:
//!
//! ```text
//! cargo build --release -p typed-dict-bench --bin profile
//! valgrind --tool=callgrind target/release/profile w2-decode-typed 3
//! perf record -e cpu-clock -g target/release/profile w1-encode-typed 200
//! ```
//!
//! Cases: `w{1,2,3}-decode-{typed,plain,value,ignored}`, `w1-decode-{flat,bases}` (inheritance), `w{1,2,3}-encode-{typed,plain}`,
//! `w4-all-errors`, `w4-validate`, `w{1,2}-validate`, `w{1,2,3}-decode-{sonic,simd}`,
//! `w{1,2}-ignored-sonic` (sonic-rs's skip floor), `w{1,2}-tape-simd` (simd-json's tape alone),
//! `w2-{validate,decode}-accented` (w2 with text above ASCII in nearly every string). The
//! workloads are generated before the loop starts; `none` generates them and stops, to
//! subtract that part of a profile.
//!
//! Allocates with the system allocator, or with mimalloc under `--features mimalloc`.

use std::hint::black_box;
use std::process::ExitCode;

use typed_dict_bench::alloc::Inner;
use typed_dict_bench::{inheritance, measure, Workloads};

#[global_allocator]
static ALLOCATOR: Inner = Inner;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(case), iterations) = (args.next(), args.next()) else {
        eprintln!("usage: profile CASE [ITERATIONS]");
        return ExitCode::FAILURE;
    };
    let iterations: usize = iterations.and_then(|n| n.parse().ok()).unwrap_or(10);
    let w = Workloads::generate();
    let plain1 = measure::w1_plain(&w.w1);
    let plain2 = measure::w2_plain(&w.w2);
    let plain3 = measure::w3_plain(&w.w3);
    let mut run: Box<dyn FnMut()> = match case.as_str() {
        "none" => Box::new(|| {}),
        "w1-decode-typed" => Box::new(|| drop(black_box(measure::w1_typed(&w.w1)))),
        "w1-decode-plain" => Box::new(|| drop(black_box(measure::w1_plain(&w.w1)))),
        "w1-decode-flat" => Box::new(|| drop(black_box(inheritance::flat(&w.w1)))),
        "w1-decode-bases" => Box::new(|| drop(black_box(inheritance::inherited(&w.w1)))),
        "w1-decode-value" => Box::new(|| drop(black_box(measure::value(&w.w1)))),
        "w1-decode-ignored" => Box::new(|| measure::ignored(black_box(&w.w1))),
        "w2-decode-typed" => Box::new(|| drop(black_box(measure::w2_typed(&w.w2)))),
        "w2-decode-plain" => Box::new(|| drop(black_box(measure::w2_plain(&w.w2)))),
        "w2-decode-value" => Box::new(|| drop(black_box(measure::value(&w.w2)))),
        "w2-decode-ignored" => Box::new(|| measure::ignored(black_box(&w.w2))),
        "w3-decode-typed" => Box::new(|| drop(black_box(measure::w3_typed(&w.w3)))),
        "w3-decode-plain" => Box::new(|| drop(black_box(measure::w3_plain(&w.w3)))),
        "w1-encode-typed" => Box::new(|| drop(black_box(typed_dict::to_vec(&w.w1_value)))),
        "w1-encode-plain" => Box::new(|| drop(black_box(serde_json::to_vec(&plain1)))),
        "w2-encode-typed" => Box::new(|| drop(black_box(typed_dict::to_vec(&w.w2_value)))),
        "w2-encode-plain" => Box::new(|| drop(black_box(serde_json::to_vec(&plain2)))),
        "w3-encode-typed" => Box::new(|| drop(black_box(typed_dict::to_vec(&w.w3_value)))),
        "w3-encode-plain" => Box::new(|| drop(black_box(serde_json::to_vec(&plain3)))),
        "w4-all-errors" => Box::new(|| drop(black_box(measure::w4_typed(&w.w4)))),
        "w4-validate" => Box::new(|| drop(black_box(measure::w4_validate(&w.w4)))),
        "w1-validate" => Box::new(|| {
            drop(black_box(measure::validated::<
                ecr_types::DescribeImagesResponseTypeDef,
            >(&w.w1)))
        }),
        "w2-validate" => Box::new(|| {
            drop(black_box(measure::validated::<
                ecr_types::DescribeImageScanFindingsResponseTypeDef,
            >(&w.w2)))
        }),
        "w2-skip" => Box::new(|| {
            static NOTHING: typed_dict::TypedDictSchema =
                typed_dict::TypedDictSchema::new("Nothing", &[]);
            drop(black_box(typed_dict::validate_schema(
                &w.w2,
                &NOTHING,
                Default::default(),
            )))
        }),
        "w2-any" => Box::new(|| {
            drop(black_box(typed_dict::validate_value(
                &w.w2,
                &typed_dict::ValueType::Any,
                Default::default(),
            )))
        }),
        "w1-decode-sonic" => Box::new(|| drop(black_box(measure::w1_sonic(&w.w1)))),
        "w3-decode-sonic" => Box::new(|| drop(black_box(measure::w3_sonic(&w.w3)))),
        "w1-decode-simd" => Box::new(|| drop(black_box(measure::w1_simd(&w.w1)))),
        "w2-decode-simd" => Box::new(|| drop(black_box(measure::w2_simd(&w.w2)))),
        "w3-decode-simd" => Box::new(|| drop(black_box(measure::w3_simd(&w.w3)))),
        "w1-ignored-sonic" => Box::new(|| measure::ignored_sonic(black_box(&w.w1))),
        "w2-ignored-sonic" => Box::new(|| measure::ignored_sonic(black_box(&w.w2))),
        "w1-tape-simd" => Box::new(|| {
            black_box(measure::tape_simd(&w.w1));
        }),
        "w2-tape-simd" => Box::new(|| {
            black_box(measure::tape_simd(&w.w2));
        }),
        "w2-decode-sonic" => Box::new(|| drop(black_box(measure::w2_sonic(&w.w2)))),
        "w2-validate-accented" => {
            let accented = typed_dict_bench::workload::accented(&w.w2);
            Box::new(move || {
                drop(black_box(measure::validated::<
                    ecr_types::DescribeImageScanFindingsResponseTypeDef,
                >(&accented)))
            })
        }
        "w2-decode-accented" => {
            let accented = typed_dict_bench::workload::accented(&w.w2);
            Box::new(move || drop(black_box(measure::w2_typed(&accented))))
        }
        other => {
            eprintln!("unknown case `{other}`");
            return ExitCode::FAILURE;
        }
    };
    for _ in 0..iterations {
        run();
    }
    ExitCode::SUCCESS
}
