//! The published packages build from what they ship: `cargo package` packs each one and
//! verifies it by compiling the packed copy against the others' packed copies, so a file
//! left out of a package (a README a doc includes, a spec a test reads, a missing
//! dependency version) fails here rather than on crates.io.

use std::path::Path;
use std::process::Command;

/// Every package users install, in dependency order.
const PUBLISHED: [&str; 4] = [
    "typed-dict-macros",
    "typed-dict",
    "ecr-types",
    "ecr-types-cli",
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
