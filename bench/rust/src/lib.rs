//! Workloads, baselines and measuring tools for the typed-dict benchmarks (GitHub issue 6).
//!
//! Everything is generated here from a seeded PRNG, so the criterion benches
//! (`benches/decode.rs`), the one-shot table (`src/bin/ratios.rs`), the tests and the
//! Python peers (`bench/peers.py`, fed by `ratios --write-workloads DIR`) all decode the
//! same bytes.
//!
//! | workload | shape | size |
//! |---|---|---|
//! | [`Workloads::w1`] | `DescribeImagesResponseTypeDef`, 20,000 `imageDetails` | ~13 MB |
//! | [`Workloads::w2`] | `DescribeImageScanFindingsResponseTypeDef`, 5,000 `enhancedFindings` | ~12 MB |
//! | [`Workloads::w3`] | `CreateRepositoryRequestRequestTypeDef` with tags | ~0.5 kB |
//! | [`Workloads::w4`] | workload 1 with 1% of its items broken | ~13 MB |

pub mod alloc;
pub mod broken;
pub mod flood;
pub mod inheritance;
pub mod measure;
pub mod plain;
pub mod rng;
pub mod workload;

use ecr_types::{
    CreateRepositoryRequestRequestTypeDef, DescribeImageScanFindingsResponseTypeDef,
    DescribeImagesResponseTypeDef,
};

pub use broken::Injected;

/// Items of workload 1 (`imageDetails`).
pub const W1_ITEMS: usize = 20_000;
/// Items of workload 2 (`enhancedFindings`).
pub const W2_ITEMS: usize = 5_000;
/// One item in this many is broken in workload 4.
pub const W4_BROKEN_EVERY: usize = 100;
/// The PRNG seed every workload derives from.
pub const SEED: u64 = 0x7D1C_7EC5_2026_0006;

/// The four workloads: the typed values and their JSON bytes.
pub struct Workloads {
    /// Workload 1 as a typed value.
    pub w1_value: DescribeImagesResponseTypeDef,
    /// Workload 1 as JSON.
    pub w1: Vec<u8>,
    /// Workload 2 as a typed value.
    pub w2_value: DescribeImageScanFindingsResponseTypeDef,
    /// Workload 2 as JSON.
    pub w2: Vec<u8>,
    /// Workload 3 as a typed value.
    pub w3_value: CreateRepositoryRequestRequestTypeDef,
    /// Workload 3 as JSON.
    pub w3: Vec<u8>,
    /// Workload 4: workload 1 with broken items.
    pub w4: Vec<u8>,
    /// Every error injected into workload 4, in document order.
    pub w4_injected: Vec<Injected>,
}

impl Workloads {
    /// The full-size workloads.
    pub fn generate() -> Self {
        Self::with_sizes(W1_ITEMS, W2_ITEMS)
    }

    /// Workloads with the given item counts (smaller ones keep tests quick).
    pub fn with_sizes(w1_items: usize, w2_items: usize) -> Self {
        let w1_value = workload::describe_images(w1_items, SEED);
        let w1 = typed_dict::to_vec(&w1_value).expect("workload 1 encodes");
        let (w4, w4_injected) = broken::describe_images(&w1_value, W4_BROKEN_EVERY);
        let w2_value = workload::scan_findings(w2_items, SEED ^ 2);
        let w2 = typed_dict::to_vec(&w2_value).expect("workload 2 encodes");
        let w3_value = workload::create_repository(SEED ^ 3);
        let w3 = typed_dict::to_vec(&w3_value).expect("workload 3 encodes");
        Workloads {
            w1_value,
            w1,
            w2_value,
            w2,
            w3_value,
            w3,
            w4,
            w4_injected,
        }
    }

    /// Writes `w1.json` … `w4.json` and `w4_injected.json` (kind and path of every injected
    /// error) into `dir`, for the Python peers.
    pub fn write_to(&self, dir: &std::path::Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        std::fs::write(dir.join("w1.json"), &self.w1)?;
        std::fs::write(dir.join("w2.json"), &self.w2)?;
        std::fs::write(dir.join("w3.json"), &self.w3)?;
        std::fs::write(dir.join("w4.json"), &self.w4)?;
        let injected: Vec<_> = self
            .w4_injected
            .iter()
            .map(|i| serde_json::json!({"kind": i.kind.code(), "path": i.path}))
            .collect();
        std::fs::write(
            dir.join("w4_injected.json"),
            serde_json::to_vec_pretty(&injected)?,
        )
    }
}

/// Megabytes (10^6 bytes) per second.
pub fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    bytes as f64 / 1e6 / seconds
}
