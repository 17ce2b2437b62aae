//! The published packages build from what they ship: `cargo package` packs each one and
//! verifies it by compiling the packed copy against the others' packed copies, so a file
//! left out of a package (a README a doc includes, a spec a test reads, a missing
//! dependency version) fails here rather than on crates.io.

use std::path::Path;
use std::process::Command;

/// Every package users install, in dependency order.
const PUBLISHED: [&str; 5] = [
    "typed-dict-macros",
    "typed-dict",
    "ecr-types",
    "ecr-types-cli",
    "typed-dict-gen",
];

#[test]
fn published_packages_build_from_what_they_ship() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let scratch = workspace.join("target/package-check");
    // Cargo verifies each package against the others' packed copies through a temporary
    // registry, and it unpacks a registry's crate only once per name and version: a second
    // run would build against the first run's sources. A cargo home of our own, whose
    // unpacked temporary registries are cleared first, keeps every run honest.
    let home = scratch.join("cargo-home");
    if let Ok(registries) = std::fs::read_dir(home.join("registry/src")) {
        for registry in registries.flatten() {
            // Temporary registries have no host, so their folders start with '-'.
            if registry.file_name().to_string_lossy().starts_with('-') {
                std::fs::remove_dir_all(registry.path()).expect("clears a stale registry");
            }
        }
    }
    // For the same reason, the published packages' own build artifacts: cargo takes a
    // registry crate of the same name and version as unchanged and would reuse them.
    if let Ok(fingerprints) = std::fs::read_dir(scratch.join("debug/.fingerprint")) {
        for unit in fingerprints.flatten() {
            let name = unit.file_name().to_string_lossy().into_owned();
            let package = name
                .rsplit_once('-')
                .map_or(name.as_str(), |(package, _)| package);
            if PUBLISHED.contains(&package) {
                std::fs::remove_dir_all(unit.path()).expect("clears a stale build");
            }
        }
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(&workspace)
        .arg("package")
        .arg("--quiet")
        // A work tree with edits under way is still worth checking; CI's clone is clean.
        .arg("--allow-dirty")
        // Its own target directory: the build directory of the running test stays free.
        .env("CARGO_TARGET_DIR", &scratch)
        .env("CARGO_HOME", &home);
    for package in PUBLISHED {
        command.args(["--package", package]);
    }
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo package failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// What crates.io and docs.rs show of each published package: a description, a license
/// with its files, keywords and categories, and a README that is also the crate's docs.rs
/// front page (its doctests run as the crate's own).
#[test]
fn published_packages_carry_registry_metadata_and_their_readme_is_the_front_page() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(&workspace)
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let mut problems = Vec::new();
    for name in PUBLISHED {
        let package = packages
            .iter()
            .find(|package| package["name"] == name)
            .unwrap_or_else(|| panic!("{name} is a workspace member"));
        let dir = Path::new(package["manifest_path"].as_str().unwrap())
            .parent()
            .unwrap()
            .to_owned();
        for field in ["description", "license", "readme"] {
            if package[field]
                .as_str()
                .is_none_or(|text| text.trim().is_empty())
            {
                problems.push(format!("{name}: no `{field}`"));
            }
        }
        for field in ["keywords", "categories"] {
            if package[field].as_array().is_none_or(|list| list.is_empty()) {
                problems.push(format!("{name}: no `{field}`"));
            }
        }
        if package["repository"].is_string() || package["homepage"].is_string() {
            problems.push(format!(
                "{name}: a repository or homepage nobody has published"
            ));
        }
        for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
            if !dir.join(file).is_file() {
                problems.push(format!("{name}: no {file}"));
            }
        }
        let readme = package["readme"].as_str().unwrap_or("README.md");
        let lib = package["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|target| {
                target["kind"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|kind| kind == "lib" || kind == "proc-macro")
            })
            .unwrap_or_else(|| panic!("{name} has a library"));
        let source = std::fs::read_to_string(lib["src_path"].as_str().unwrap()).unwrap();
        let front_page = format!("#![doc = include_str!(\"../{readme}\")]");
        if !source.lines().any(|line| line.trim() == front_page) {
            problems.push(format!(
                "{name}: the crate docs are not {readme} ({front_page})"
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
