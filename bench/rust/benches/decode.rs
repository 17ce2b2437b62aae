//! Criterion benches of issue 6: `cargo bench -p typed-dict-bench`.
//!
//! Each group times typed-dict and its baselines on the same bytes, with
//! `Throughput::Bytes` so criterion prints MB/s (MiB/s, strictly: criterion's unit).
//! `cargo run --release -p typed-dict-bench --bin ratios` prints the same figures as one
//! table with the ratios.
//!
//! `cargo bench -p typed-dict-bench --features mimalloc` runs every case under mimalloc
//! instead of the system allocator.

use std::hint::black_box;
use std::sync::OnceLock;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use typed_dict_bench::alloc::Inner;
use typed_dict_bench::broken::check_reported;
use typed_dict_bench::inheritance;
use typed_dict_bench::measure;
use typed_dict_bench::plain;
use typed_dict_bench::Workloads;

#[global_allocator]
static ALLOCATOR: Inner = Inner;

fn workloads() -> &'static Workloads {
    static WORKLOADS: OnceLock<Workloads> = OnceLock::new();
    WORKLOADS.get_or_init(|| {
        let w = Workloads::generate();
        // Same bytes, same data, before anything is timed.
        assert_eq!(measure::w1_typed(&w.w1), w.w1_value);
        assert_eq!(measure::w2_typed(&w.w2), w.w2_value);
        assert_eq!(measure::w3_typed(&w.w3), w.w3_value);
        assert_eq!(serde_json::to_vec(&measure::w1_plain(&w.w1)).unwrap(), w.w1);
        assert_eq!(serde_json::to_vec(&measure::w2_plain(&w.w2)).unwrap(), w.w2);
        let report = measure::w4_typed(&w.w4);
        check_reported(report.errors(), &w.w4_injected).expect("every injected error reported");
        w
    })
}

fn large<'a>(
    c: &'a mut Criterion,
    name: &str,
    bytes: usize,
) -> BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    group
}

fn w1_describe_images(c: &mut Criterion) {
    let w = workloads();
    let json = &w.w1[..];
    let mut group = large(c, "w1_describe_images/decode", json.len());
    group.bench_function("typed_dict_strict", |b| {
        b.iter(|| measure::w1_typed(black_box(json)))
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| measure::w1_plain(black_box(json)))
    });
    group.bench_function("plain_serde_sonic_rs", |b| {
        b.iter(|| measure::w1_sonic(black_box(json)))
    });
    group.bench_function("plain_serde_simd_json", |b| {
        b.iter(|| measure::w1_simd(black_box(json)))
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| measure::value(black_box(json)))
    });
    group.bench_function("typed_dict_validate", |b| {
        b.iter(|| measure::validated::<ecr_types::DescribeImagesResponseTypeDef>(black_box(json)))
    });
    group.bench_function("ignored_any", |b| {
        b.iter(|| measure::ignored(black_box(json)))
    });
    group.finish();

    let plain = measure::w1_plain(json);
    let value = measure::value(json);
    let mut group = large(c, "w1_describe_images/encode", json.len());
    group.bench_function("typed_dict", |b| {
        b.iter(|| typed_dict::to_vec(black_box(&w.w1_value)).unwrap())
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    group.finish();
}

fn w2_scan_findings(c: &mut Criterion) {
    let w = workloads();
    let json = &w.w2[..];
    let mut group = large(c, "w2_scan_findings/decode", json.len());
    group.bench_function("typed_dict_strict", |b| {
        b.iter(|| measure::w2_typed(black_box(json)))
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| measure::w2_plain(black_box(json)))
    });
    group.bench_function("plain_serde_sonic_rs", |b| {
        b.iter(|| measure::w2_sonic(black_box(json)))
    });
    group.bench_function("plain_serde_simd_json", |b| {
        b.iter(|| measure::w2_simd(black_box(json)))
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| measure::value(black_box(json)))
    });
    group.bench_function("typed_dict_validate", |b| {
        b.iter(|| {
            measure::validated::<ecr_types::DescribeImageScanFindingsResponseTypeDef>(black_box(
                json,
            ))
        })
    });
    group.bench_function("ignored_any", |b| {
        b.iter(|| measure::ignored(black_box(json)))
    });
    group.finish();

    let plain = measure::w2_plain(json);
    let value = measure::value(json);
    let mut group = large(c, "w2_scan_findings/encode", json.len());
    group.bench_function("typed_dict", |b| {
        b.iter(|| typed_dict::to_vec(black_box(&w.w2_value)).unwrap())
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    group.finish();
}

fn w1_inheritance(c: &mut Criterion) {
    let w = workloads();
    let json = &w.w1[..];
    let mut group = large(c, "w1_describe_images/inheritance", json.len());
    group.bench_function("keys_declared_flat", |b| {
        b.iter(|| inheritance::flat(black_box(json)))
    });
    group.bench_function("through_two_bases", |b| {
        b.iter(|| inheritance::inherited(black_box(json)))
    });
    group.finish();
}

fn w3_create_repository(c: &mut Criterion) {
    let w = workloads();
    let json = &w.w3[..];
    let mut group = c.benchmark_group("w3_create_repository/decode");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("typed_dict_strict", |b| {
        b.iter(|| measure::w3_typed(black_box(json)))
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| measure::w3_plain(black_box(json)))
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| measure::value(black_box(json)))
    });
    group.bench_function("ignored_any", |b| {
        b.iter(|| measure::ignored(black_box(json)))
    });
    group.finish();

    let plain: plain::CreateRepositoryRequest = measure::w3_plain(json);
    let value = measure::value(json);
    let mut group = c.benchmark_group("w3_create_repository/encode");
    group.throughput(Throughput::Bytes(json.len() as u64));
    group.bench_function("typed_dict", |b| {
        b.iter(|| typed_dict::to_vec(black_box(&w.w3_value)).unwrap())
    });
    group.bench_function("plain_serde", |b| {
        b.iter(|| serde_json::to_vec(black_box(&plain)).unwrap())
    });
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::to_vec(black_box(&value)).unwrap())
    });
    group.finish();
}

fn w4_all_errors(c: &mut Criterion) {
    let w = workloads();
    let json = &w.w4[..];
    let mut group = large(c, "w4_broken_describe_images/all_errors", json.len());
    group.bench_function("typed_dict_strict", |b| {
        b.iter(|| {
            let error = measure::w4_typed(black_box(json));
            assert_eq!(error.errors().len(), w.w4_injected.len());
            error
        })
    });
    group.bench_function("validate_only", |b| {
        b.iter(|| measure::w4_validate(black_box(json)))
    });
    group.finish();
}

criterion_group!(
    benches,
    w1_describe_images,
    w1_inheritance,
    w2_scan_findings,
    w3_create_repository,
    w4_all_errors
);
criterion_main!(benches);
