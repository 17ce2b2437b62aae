//! The declarations in `src/` are exactly what `tools/generate.py` writes from the stub
//! facts (`spec/*.json`) and `tools/layout.toml`: nothing drifts by hand.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(crate_dir: &Path) -> Output {
    Command::new("python3")
        .arg(crate_dir.join("tools/generate.py"))
        .arg("--check")
        .current_dir(crate_dir)
        .output()
        .expect("python3 runs (every machine of the project has it)")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn checked_in_code_is_what_the_generator_writes() {
    let output = check(&crate_dir());
    assert!(
        output.status.success(),
        "run `python3 ecr-types/tools/generate.py`:\n{}",
        text(&output)
    );
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
    let output = check(&scratch);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("-    pub tag_names:") && report.contains("+    pub tag_keys:"),
        "the diff shows the edit: {report}"
    );
    assert!(report.contains("out of date") && report.contains("src/latest/tagging.rs"));
}

#[test]
fn a_stale_generated_file_fails_the_check() {
    let scratch = scratch_copy("generated-stale");
    fs::write(scratch.join("src/latest/removed_area.rs"), "//! gone\n").unwrap();
    let output = check(&scratch);
    let report = text(&output);
    assert!(!output.status.success(), "{report}");
    assert!(
        report.contains("stale: src/latest/removed_area.rs"),
        "{report}"
    );
}
