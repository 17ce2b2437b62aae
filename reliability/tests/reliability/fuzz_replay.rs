//! The fuzz targets' bodies without the fuzzer: every committed seed
//! (`reliability/fuzz-seeds/`), then a bounded, deterministic loop of byte-level mutations
//! of them (and of random bytes) through `fuzz_one`. `RELIABILITY_FUZZ_ITERATIONS` changes
//! the loop's length; `RELIABILITY_SEED` its seed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use typed_dict_reliability::mutate::{mutate_bytes, Rng};
use typed_dict_reliability::{fuzz_decode, fuzz_one, fuzz_validate};

fn seeds(folder: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz-seeds")
        .join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext == "json" || ext == "bin")
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

#[test]
fn the_committed_seeds_pass_both_targets() {
    let decode = seeds("decode");
    let validate = seeds("validate");
    assert!(decode.len() >= 20 && validate.len() >= 10);
    for (path, bytes) in &decode {
        println!("decode {}", path.display());
        fuzz_decode(bytes);
    }
    for (path, bytes) in &validate {
        println!("validate {}", path.display());
        fuzz_validate(bytes);
    }
    println!(
        "fuzz seeds: {} decode + {} validate inputs replayed",
        decode.len(),
        validate.len()
    );
}

#[test]
fn a_deterministic_mutation_loop_through_fuzz_one() {
    let iterations = env_number("RELIABILITY_FUZZ_ITERATIONS", 20_000);
    let mut rng = Rng::new(env_number("RELIABILITY_SEED", 5));
    let corpus: Vec<Vec<u8>> = seeds("decode")
        .into_iter()
        .chain(seeds("validate"))
        .map(|(_, bytes)| bytes)
        .collect();
    let started = Instant::now();
    for iteration in 0..iterations {
        let mut input = if rng.one_in(16) {
            (0..rng.below(64)).map(|_| rng.next_u64() as u8).collect()
        } else {
            rng.pick(&corpus).clone()
        };
        mutate_bytes(&mut input, &mut rng);
        let result = std::panic::catch_unwind(|| fuzz_one(&input));
        if result.is_err() {
            panic!(
                "iteration {iteration}: fuzz_one failed on {:?} (bytes: {input:?})",
                String::from_utf8_lossy(&input)
            );
        }
    }
    println!(
        "fuzz replay: {iterations} mutated inputs through fuzz_one in {:.1?}",
        started.elapsed()
    );
}
