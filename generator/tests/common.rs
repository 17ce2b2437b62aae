//! Small facts and layouts for the generator's tests.

// Each test binary uses its own share of these helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use typed_dict_gen::{generate_release, Error, Facts, Generated, Layout, Release};

/// A facts document of one package from the JSON of its three lists.
pub fn facts_json(type_defs: &str, aliases: &str, literals: &str) -> String {
    format!(
        r#"{{"package": "types_aiobotocore_demo", "version": "1.0.0", "type_defs": {type_defs}, "aliases": {aliases}, "literals": {literals}}}"#
    )
}

/// A scratch directory of this test binary.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Generates the facts with a layout (TOML text, may be empty) into `crate::demo`.
pub fn generate(facts: &str, layout: &str) -> Result<Generated, Error> {
    let facts = Facts::from_json(facts, "demo.json")?;
    let layout = Layout::from_toml(layout, "layout.toml")?;
    let release = Release::new(
        "demo",
        facts,
        "demo.json".into(),
        "out/demo".into(),
        "crate::demo",
    )?;
    generate_release(&release, &layout)
}

/// The text of one generated file (`shapes.rs`, `literals.rs`, ...).
pub fn file<'a>(generated: &'a Generated, name: &str) -> &'a str {
    generated
        .files
        .iter()
        .find(|(path, _)| path.file_name().is_some_and(|f| f == name))
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| panic!("no {name} among {:?}", generated.files.keys()))
}

/// Every one of `expected` is somewhere in `text`; the failure names the one that is not.
pub fn assert_all_in(text: &str, expected: &[&str]) {
    for expected in expected {
        assert!(text.contains(expected), "{expected}\nin:\n{text}");
    }
}
