//! The fuzz targets' bodies without the fuzzer: every committed seed
//! (`reliability/fuzz-seeds/`), then a bounded, deterministic loop of byte-level mutations
//! of them (and of random bytes) through `fuzz_one`; the same for the `encode_extra`
//! target's seeds through `fuzz_encode_extra`. `RELIABILITY_FUZZ_ITERATIONS` changes
//! the loop's length; `RELIABILITY_SEED` its seed.

use std::path::{Path, PathBuf};
use std::time::Instant;

use typed_dict::{DecodeOptions, TypedDict};
use typed_dict_reliability::fuzz_extra::{
    build_outer, nesting_depth, Choices, ExtraOuter, NESTING_LIMIT,
};
use typed_dict_reliability::mutate::{mutate_bytes, Rng};
use typed_dict_reliability::{fuzz_decode, fuzz_encode_extra, fuzz_one, fuzz_validate};

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

#[test]
fn the_committed_encode_extra_seeds_pass() {
    let seeds = seeds("encode_extra");
    assert!(seeds.len() >= 10);
    for (path, bytes) in &seeds {
        println!("encode_extra {}", path.display());
        fuzz_encode_extra(bytes);
    }
    println!("fuzz seeds: {} encode_extra inputs replayed", seeds.len());
}

/// The seeds build what their names say: `*-in-extra` and the non-finite floats are
/// refused, `depth-127` and `depth-128` sit on either side of the nesting limit, the
/// rest encode.
#[test]
fn the_encode_extra_seeds_are_what_their_names_say() {
    for (path, bytes) in seeds("encode_extra") {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let encoded = typed_dict::to_vec(&build_outer(&mut Choices::new(&bytes)));
        let refused =
            name.contains("-in-extra") || name == "nan-ratio" || name.starts_with("infinite-");
        assert_eq!(encoded.is_err(), refused, "{name}: {encoded:?}");
        if let Some(depth) = name.strip_prefix("depth-") {
            let depth: usize = depth.parse().unwrap();
            assert_eq!(nesting_depth(&encoded.unwrap()), depth, "{name}");
            assert!(depth.abs_diff(NESTING_LIMIT) <= 1, "{name}");
        }
    }
}

#[test]
fn a_deterministic_mutation_loop_through_fuzz_encode_extra() {
    // Each input is encoded and decoded many times over (up to 64 KiB keys): a twentieth
    // of the byte-level loop's length keeps it as quick.
    let iterations = env_number("RELIABILITY_FUZZ_ITERATIONS", 20_000) / 20;
    let mut rng = Rng::new(env_number("RELIABILITY_SEED", 5));
    let corpus: Vec<Vec<u8>> = seeds("encode_extra")
        .into_iter()
        .map(|(_, bytes)| bytes)
        .collect();
    let started = Instant::now();
    for iteration in 0..iterations {
        let mut input = if rng.one_in(8) {
            (0..rng.below(256)).map(|_| rng.next_u64() as u8).collect()
        } else {
            rng.pick(&corpus).clone()
        };
        mutate_bytes(&mut input, &mut rng);
        let result = std::panic::catch_unwind(|| fuzz_encode_extra(&input));
        if result.is_err() {
            panic!("iteration {iteration}: fuzz_encode_extra failed on bytes {input:?}");
        }
    }
    println!(
        "fuzz replay: {iterations} mutated inputs through fuzz_encode_extra in {:.1?}",
        started.elapsed()
    );
}

/// Found by `encode_extra`: `Some(null)` in an `Option<JsonValue>` key encoded as
/// `"payload":null`, which wire mode read back as `None` and strict mode rejected with an
/// `Other` error at `$` that `validate` did not report. `null` is now a value of `Any` in
/// both modes, so the JSON reads back as the value and decode agrees with `validate`.
#[test]
fn a_declared_json_key_holding_null_round_trips() {
    let value = ExtraOuter {
        payload: Some(serde_json::Value::Null),
        next_token: Some("t".to_owned()),
        ..build_outer(&mut Choices::new(b""))
    };
    let json = typed_dict::to_vec(&value).expect("null is a JSON value: it encodes");
    assert!(String::from_utf8_lossy(&json).contains(r#""payload":null"#));
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        let report = typed_dict::validate_schema(&json, ExtraOuter::schema(), options);
        assert!(report.is_valid(), "{options:?}: {report:?}");
        let back: Result<ExtraOuter, _> = typed_dict::decode(&json, options);
        assert_eq!(back.as_ref().ok(), Some(&value), "{options:?}: {back:?}");
    }
}
