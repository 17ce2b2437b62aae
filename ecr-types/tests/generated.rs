//! The declarations in `src/` are exactly what `typed-dict-gen` writes from the stub facts
//! (`spec/*.json`) and `tools/layout.toml`: nothing drifts by hand. The generator runs as a
//! library here, so the check needs nothing but cargo.

use std::fs;
use std::path::{Path, PathBuf};

use typed_dict_gen::{generate_project, Report};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(crate_dir: &Path) -> Report {
    generate_project(&crate_dir.join("tools/layout.toml"))
        .expect("the facts and the layout generate")
        .check(crate_dir)
        .expect("the generated files can be read")
}

#[test]
fn checked_in_code_is_what_the_generator_writes() {
    let report = check(&crate_dir());
    assert!(
        report.is_clean(),
        "run `cargo run -p typed-dict-gen -- project ecr-types/tools/layout.toml`:\n{}\nstale: {:?}",
        report.diff,
        report.stale
    );
}

#[test]
fn every_ecr_shape_is_declared_exactly() {
    let generated = generate_project(&crate_dir().join("tools/layout.toml")).unwrap();
    assert_eq!(generated.deviations, []);
}

/// Copies what the generator reads and writes into a scratch crate directory.
fn scratch_copy(name: &str) -> PathBuf {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&scratch);
    for dir in ["tools", "spec", "src", "src/latest"] {
        fs::create_dir_all(scratch.join(dir)).unwrap();
        for entry in fs::read_dir(crate_dir().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                fs::copy(&path, scratch.join(dir).join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    scratch
}

#[test]
fn an_edited_module_fails_the_check_with_a_diff() {
    let scratch = scratch_copy("generated-edited");
    let tagging = scratch.join("src/latest/tagging.rs");
    let edited = fs::read_to_string(&tagging)
        .unwrap()
        .replace("pub tag_keys:", "pub tag_names:");
    fs::write(&tagging, edited).unwrap();
    let report = check(&scratch);
    assert!(!report.is_clean());
    assert_eq!(report.changed, [tagging]);
    assert!(
        report.diff.contains("-    pub tag_names:") && report.diff.contains("+    pub tag_keys:"),
        "the diff shows the edit: {}",
        report.diff
    );
    assert!(
        report.diff.contains("a/src/latest/tagging.rs"),
        "{}",
        report.diff
    );
}

#[test]
fn a_stale_generated_file_fails_the_check() {
    let scratch = scratch_copy("generated-stale");
    let removed = scratch.join("src/latest/removed_area.rs");
    fs::write(&removed, "//! gone\n").unwrap();
    let report = check(&scratch);
    assert!(!report.is_clean());
    assert_eq!(report.stale, [removed]);
}
