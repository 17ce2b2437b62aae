//! The shared third-party corpus (`../shared/corpus/` beside the repository), read in
//! place. Everything here answers `None` when the corpus is absent (a clone without
//! `shared/`), so tests can say they skipped.

use std::path::{Path, PathBuf};

/// The environment variable that points at the corpus folder, overriding the default
/// `<repository>/../shared/corpus`.
pub const CORPUS_ENV: &str = "TYPED_DICT_CORPUS";

/// The corpus folder, if it exists.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os(CORPUS_ENV) {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"),
    };
    dir.is_dir().then_some(dir)
}

/// The JSONTestSuite folder (`corpus/jsontestsuite`), if it exists.
pub fn jsontestsuite_dir() -> Option<PathBuf> {
    let dir = corpus_dir()?.join("jsontestsuite");
    dir.is_dir().then_some(dir)
}

/// What JSONTestSuite says a parser must do with a file, by its name's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Expectation {
    /// `y_`: valid JSON, must be accepted by the parser.
    Accept,
    /// `n_`: not JSON, must be rejected.
    Reject,
    /// `i_`: implementation-defined; anything but a crash is fine.
    Either,
}

/// One JSONTestSuite case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuiteFile {
    /// The file.
    pub path: PathBuf,
    /// Its name (`n_array_extra_comma.json`).
    pub name: String,
    /// What a parser must do with it.
    pub expectation: Expectation,
}

/// Every `y_`, `n_` and `i_` file of the JSONTestSuite folder `dir`, by name.
pub fn jsontestsuite_files_in(dir: &Path) -> std::io::Result<Vec<SuiteFile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let expectation = match name.get(..2) {
            Some("y_") => Expectation::Accept,
            Some("n_") => Expectation::Reject,
            Some("i_") => Expectation::Either,
            _ => continue,
        };
        if !name.ends_with(".json") || !path.is_file() {
            continue;
        }
        files.push(SuiteFile {
            name: name.to_owned(),
            path,
            expectation,
        });
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(files)
}

/// Every JSONTestSuite case of the shared corpus; `None` when the corpus is absent.
pub fn jsontestsuite_files() -> Option<Vec<SuiteFile>> {
    let dir = jsontestsuite_dir()?;
    Some(jsontestsuite_files_in(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display())))
}
