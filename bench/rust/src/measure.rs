//! The measured operations (shared by the criterion benches and `ratios`), and a timer
//! that runs several of them in interleaved rounds.

use std::hint::black_box;
use std::time::Instant;

use ecr_types::{
    CreateRepositoryRequestRequestTypeDef, DescribeImageScanFindingsResponseTypeDef,
    DescribeImagesResponseTypeDef,
};
use serde::de::IgnoredAny;
use typed_dict::{DecodeOptions, Error, TypedDict};

use crate::plain;

/// typed-dict, strict mode: what a user calls.
pub fn typed<T: TypedDict>(json: &[u8]) -> Result<T, Error> {
    typed_dict::decode::<T>(json, DecodeOptions::strict())
}

/// Workload 1, typed-dict strict.
pub fn w1_typed(json: &[u8]) -> DescribeImagesResponseTypeDef {
    typed(json).expect("workload 1 is valid")
}

/// Workload 1, plain serde.
pub fn w1_plain(json: &[u8]) -> plain::DescribeImagesResponse {
    serde_json::from_slice(json).expect("workload 1 is JSON")
}

/// Workload 2, typed-dict strict.
pub fn w2_typed(json: &[u8]) -> DescribeImageScanFindingsResponseTypeDef {
    typed(json).expect("workload 2 is valid")
}

/// Workload 2, plain serde.
pub fn w2_plain(json: &[u8]) -> plain::DescribeImageScanFindingsResponse {
    serde_json::from_slice(json).expect("workload 2 is JSON")
}

/// Workload 3, typed-dict strict.
pub fn w3_typed(json: &[u8]) -> CreateRepositoryRequestRequestTypeDef {
    typed(json).expect("workload 3 is valid")
}

/// Workload 3, plain serde.
pub fn w3_plain(json: &[u8]) -> plain::CreateRepositoryRequest {
    serde_json::from_slice(json).expect("workload 3 is JSON")
}

/// Workload 1, plain serde derives parsed by sonic-rs.
pub fn w1_sonic(json: &[u8]) -> plain::DescribeImagesResponse {
    sonic_rs::from_slice(json).expect("workload 1 is JSON")
}

/// Workload 2, plain serde derives parsed by sonic-rs.
pub fn w2_sonic(json: &[u8]) -> plain::DescribeImageScanFindingsResponse {
    sonic_rs::from_slice(json).expect("workload 2 is JSON")
}

/// Workload 3, plain serde derives parsed by sonic-rs.
pub fn w3_sonic(json: &[u8]) -> plain::CreateRepositoryRequest {
    sonic_rs::from_slice(json).expect("workload 3 is JSON")
}

/// Workload 3, plain serde derives parsed by simd-json (on a copy, see [`w1_simd`]).
pub fn w3_simd(json: &[u8]) -> plain::CreateRepositoryRequest {
    simd_json::serde::from_slice(&mut json.to_vec()).expect("workload 3 is JSON")
}

/// Any workload indexed by simd-json's tape alone (stage 1 and 2, on a copy, as
/// [`w1_simd`] reads it): the structural index a tape-based checker would start from,
/// measured before writing one (issue 23).
pub fn tape_simd(json: &[u8]) -> usize {
    let mut copy = json.to_vec();
    simd_json::to_tape(&mut copy)
        .expect("workload is JSON")
        .0
        .len()
}

/// Any workload skipped by sonic-rs (`IgnoredAny`, which it reads with its SIMD skip):
/// the floor of a SIMD parser, beside serde_json's [`ignored`].
pub fn ignored_sonic(json: &[u8]) {
    sonic_rs::from_slice::<IgnoredAny>(json).expect("workload is JSON");
}

/// Workload 1, plain serde derives parsed by simd-json (which parses in place, so the
/// input is copied first, as a caller holding shared bytes must).
pub fn w1_simd(json: &[u8]) -> plain::DescribeImagesResponse {
    simd_json::serde::from_slice(&mut json.to_vec()).expect("workload 1 is JSON")
}

/// Workload 2, plain serde derives parsed by simd-json (on a copy, see [`w1_simd`]).
pub fn w2_simd(json: &[u8]) -> plain::DescribeImageScanFindingsResponse {
    simd_json::serde::from_slice(&mut json.to_vec()).expect("workload 2 is JSON")
}

/// Validation without building values (what `ecr-types validate` runs), strict mode.
pub fn validated<T: TypedDict>(json: &[u8]) -> typed_dict::Report {
    let report = typed_dict::validate_schema(json, T::schema(), DecodeOptions::strict());
    assert!(report.is_valid(), "the workload is valid");
    report
}

/// Any workload as a `serde_json::Value` tree.
pub fn value(json: &[u8]) -> serde_json::Value {
    serde_json::from_slice(json).expect("workload is JSON")
}

/// Any workload parsed and thrown away: the floor of every decoder built on serde_json.
pub fn ignored(json: &[u8]) {
    serde_json::from_slice::<IgnoredAny>(json).expect("workload is JSON");
}

/// Workload 4 through the all-errors path: the failed fast path, then the schema walk.
pub fn w4_typed(json: &[u8]) -> Error {
    typed::<DescribeImagesResponseTypeDef>(json).expect_err("workload 4 is invalid")
}

/// Workload 4, the schema walk alone.
pub fn w4_validate(json: &[u8]) -> typed_dict::Report {
    typed_dict::validate_schema(
        json,
        DescribeImagesResponseTypeDef::schema(),
        DecodeOptions::strict(),
    )
}

/// One operation to time: a name and a closure doing `batch` calls.
pub struct Case<'a> {
    /// The name in the table.
    pub name: &'static str,
    /// Calls made per timed run.
    pub batch: usize,
    /// Does `batch` calls.
    pub run: Box<dyn FnMut() + 'a>,
}

impl<'a> Case<'a> {
    /// A case calling `f` `batch` times per run, its result kept from the optimizer.
    pub fn new<R>(name: &'static str, batch: usize, mut f: impl FnMut() -> R + 'a) -> Self {
        Case {
            name,
            batch,
            run: Box::new(move || {
                for _ in 0..batch {
                    black_box(f());
                }
                settle_allocator();
            }),
        }
    }
}

/// Makes the allocator finish, inside the timed run, the work the run's frees left
/// behind. glibc keeps small freed chunks in fast bins and merges them with their
/// neighbours only when a larger request comes; timed without this, a case that frees a
/// large tree of small values hands that merging to whichever case runs next, and the
/// ratios then depend on the order of the cases. A request above the small bins (1 KiB)
/// and below the thresholds of tcache and `mmap` starts that merging at once; the other
/// allocators measured do nothing costly for it.
pub fn settle_allocator() {
    drop(black_box(Vec::<u8>::with_capacity(4096)));
}

/// Seconds per call of one case over all rounds.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The case's name.
    pub name: &'static str,
    /// Seconds per call, one entry per round, sorted.
    pub samples: Vec<f64>,
}

impl Timing {
    /// The median seconds per call.
    pub fn median(&self) -> f64 {
        let n = self.samples.len();
        if n % 2 == 1 {
            self.samples[n / 2]
        } else {
            (self.samples[n / 2 - 1] + self.samples[n / 2]) / 2.0
        }
    }

    /// The fastest round's seconds per call.
    pub fn best(&self) -> f64 {
        self.samples[0]
    }
}

/// Runs every case once per round, `rounds` times (after one warm-up round), interleaved
/// so that a burst of load on the machine hits all of them alike. Each round starts one
/// case further on, so that no case always runs after the same one: a case finds the
/// caches as the one before it left them (a case building a 60 MB tree evicts the input
/// the next one reads; a case reading the input leaves it warm for the next).
pub fn interleaved(rounds: usize, cases: &mut [Case<'_>]) -> Vec<Timing> {
    for case in cases.iter_mut() {
        (case.run)();
    }
    let mut samples = vec![Vec::with_capacity(rounds); cases.len()];
    for round in 0..rounds {
        for offset in 0..cases.len() {
            let index = (round + offset) % cases.len();
            let case = &mut cases[index];
            let start = Instant::now();
            (case.run)();
            samples[index].push(start.elapsed().as_secs_f64() / case.batch as f64);
        }
    }
    cases
        .iter()
        .zip(samples)
        .map(|(case, mut samples)| {
            samples.sort_by(f64::total_cmp);
            Timing {
                name: case.name,
                samples,
            }
        })
        .collect()
}
