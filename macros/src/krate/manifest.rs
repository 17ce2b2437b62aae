//! What a Cargo manifest calls a package: the key of the dependency entry naming it, in
//! `[dependencies]`, `[dev-dependencies]`, `[build-dependencies]` and their
//! `[target.'cfg(..)'.*]` forms, an entry inherited from the workspace
//! (`td = { workspace = true }`) read through `[workspace.dependencies]`.

use std::path::{Path, PathBuf};

use toml_span::value::Table;
use toml_span::Value;

use crate::symbol::{CRATE, TYPED_DICT};

/// What the manifest says about the package.
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    /// The manifest is the package's own: its tests, examples and doctests reach it by its
    /// name.
    Itself,
    /// A dependency, under this name (as written: `-` not yet `_`).
    Name(String),
    /// Not a dependency of this manifest.
    Missing {
        /// The manifest read.
        manifest: PathBuf,
    },
}

/// The dependency tables, in the order they are searched: a crate's own dependencies
/// before its tests' and build script's.
const TABLES: [&str; 3] = ["dependencies", "dev-dependencies", "build-dependencies"];

/// What `manifest` (a `Cargo.toml`) calls `package`. The workspace's manifest is read
/// only when an entry inherits from it.
pub fn lookup(package: &str, manifest: &Path) -> Result<Found, String> {
    let advise = |message: String| {
        format!("{message}; say where the runtime is with `#[{TYPED_DICT}({CRATE} = \"path::to::typed_dict\")]`")
    };
    let text = read(manifest).map_err(advise)?;
    let workspace = || {
        let root = workspace_manifest(manifest)?;
        read(&root).map(|text| (root, text))
    };
    match find(package, &text, workspace) {
        Ok(Found::Missing { .. }) => Ok(Found::Missing {
            manifest: manifest.to_owned(),
        }),
        Ok(found) => Ok(found),
        Err(problem) => Err(advise(problem.message(manifest))),
    }
}

/// Why a manifest could not be searched.
#[derive(Debug, PartialEq)]
enum Problem {
    /// A manifest is not TOML (Cargo would have said so first; a proc macro can be run
    /// without Cargo). `manifest` is the workspace's, or `None` for the member's.
    Toml {
        manifest: Option<PathBuf>,
        message: String,
    },
    /// An inherited entry whose workspace could not be read.
    Workspace(String),
}

impl Problem {
    /// What went wrong, naming the manifest it went wrong in (`member` unless the
    /// workspace's).
    fn message(self, member: &Path) -> String {
        match self {
            Problem::Toml { manifest, message } => format!(
                "cannot read `{}` as TOML: {message}",
                manifest.as_deref().unwrap_or(member).display()
            ),
            Problem::Workspace(message) => message,
        }
    }
}

/// What the manifest `text` calls `package`; `workspace` gives the workspace manifest's
/// path and text, asked only when an entry inherits from it.
fn find(
    package: &str,
    text: &str,
    workspace: impl FnOnce() -> Result<(PathBuf, String), String>,
) -> Result<Found, Problem> {
    let member = parse(text, None)?;
    let member = member.as_table();
    let name = member
        .and_then(|root| root.get("package"))
        .and_then(|section| section.pointer("/name"))
        .and_then(Value::as_str);
    if name == Some(package) {
        return Ok(Found::Itself);
    }
    let tables = dependency_tables(member);
    let workspace_text = match tables.iter().flat_map(|table| table.values()).any(inherits) {
        true => Some(workspace().map_err(Problem::Workspace)?),
        false => None,
    };
    let inherited = match &workspace_text {
        Some((path, text)) => Some(parse(text, Some(path.clone()))?),
        None => None,
    };
    for table in tables {
        for (key, entry) in in_file_order(table) {
            let names = match entry.as_table() {
                Some(fields) => match fields.get("package").and_then(Value::as_str) {
                    Some(renamed) => renamed,
                    None if inherits(entry) => {
                        inherited_package(inherited.as_ref(), key).unwrap_or(key)
                    }
                    None => key,
                },
                None => key,
            };
            if names == package {
                return Ok(Found::Name(key.to_owned()));
            }
        }
    }
    Ok(Found::Missing {
        manifest: PathBuf::new(),
    })
}

/// Whether a dependency entry is `{ workspace = true, .. }`.
fn inherits(entry: &Value<'_>) -> bool {
    entry.pointer("/workspace").and_then(Value::as_bool) == Some(true)
}

/// `text` parsed; the error names `manifest` (the workspace's) when given.
fn parse(text: &str, manifest: Option<PathBuf>) -> Result<Value<'_>, Problem> {
    toml_span::parse(text).map_err(|error| Problem::Toml {
        manifest,
        message: error.to_string(),
    })
}

/// The package `[workspace.dependencies]` gives `key`, when it renames it.
fn inherited_package<'a>(workspace: Option<&'a Value<'_>>, key: &str) -> Option<&'a str> {
    let entry = workspace?
        .pointer("/workspace/dependencies")?
        .as_table()?
        .get(key)?;
    entry.as_table()?.get("package")?.as_str()
}

/// Every dependency table of the manifest, in search order: the plain ones, then each
/// target's.
fn dependency_tables<'a, 'de>(root: Option<&'a Table<'de>>) -> Vec<&'a Table<'de>> {
    let Some(root) = root else { return Vec::new() };
    let plain = TABLES.iter().filter_map(|name| root.get(*name)?.as_table());
    let targets = root
        .get("target")
        .and_then(Value::as_table)
        .into_iter()
        .flat_map(|targets| in_file_order(targets).into_iter().map(|(_, target)| target))
        .filter_map(Value::as_table)
        .flat_map(|target| {
            TABLES
                .iter()
                .filter_map(|name| target.get(*name)?.as_table())
        });
    plain.chain(targets).collect()
}

/// A table's entries as the file writes them (the parser keeps them sorted by key).
fn in_file_order<'a, 'de>(table: &'a Table<'de>) -> Vec<(&'a str, &'a Value<'de>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(key, _)| key.span.start);
    entries
        .into_iter()
        .map(|(key, value)| (key.name.as_ref(), value))
        .collect()
}

/// The workspace's manifest: the nearest one at or above `member` with a `[workspace]`
/// table, as Cargo finds it.
pub fn workspace_manifest(member: &Path) -> Result<PathBuf, String> {
    let start = member.parent().unwrap_or(member);
    for dir in start.ancestors() {
        let candidate = dir.join("Cargo.toml");
        let Ok(text) = std::fs::read_to_string(&candidate) else {
            continue;
        };
        if toml_span::parse(&text)
            .ok()
            .is_some_and(|root| root.pointer("/workspace").is_some())
        {
            return Ok(candidate);
        }
    }
    Err(format!(
        "`{}` inherits a dependency from its workspace, and no workspace manifest was found above it",
        member.display()
    ))
}

/// The file's text, or why it could not be read.
fn read(manifest: &Path) -> Result<String, String> {
    std::fs::read_to_string(manifest)
        .map_err(|error| format!("cannot read `{}` ({error})", manifest.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKAGE: &str = "typed-dict";

    fn no_workspace() -> Result<(PathBuf, String), String> {
        panic!("no entry inherits from the workspace")
    }

    fn found(manifest: &str) -> Found {
        find(PACKAGE, manifest, no_workspace).unwrap()
    }

    fn named(name: &str) -> Found {
        Found::Name(name.to_owned())
    }

    const MISSING: Found = Found::Missing {
        manifest: PathBuf::new(),
    };

    #[test]
    fn a_dependency_is_found_under_its_key() {
        assert_eq!(
            found("[dependencies]\ntyped-dict = \"0.1\"\n"),
            named("typed-dict")
        );
        assert_eq!(
            found("[dependencies]\ntyped-dict = { version = \"0.1\" }\n"),
            named("typed-dict")
        );
        assert_eq!(
            found("[dev-dependencies]\ntyped-dict = \"0.1\"\n"),
            named("typed-dict")
        );
        assert_eq!(
            found("[target.'cfg(unix)'.dependencies]\ntyped-dict = \"0.1\"\n"),
            named("typed-dict")
        );
    }

    #[test]
    fn a_renamed_dependency_is_found_under_its_new_name() {
        assert_eq!(
            found("[dependencies]\nserde = \"1\"\ntd = { package = \"typed-dict\", version = \"0.1\" }\n"),
            named("td")
        );
        assert_eq!(
            found("[dependencies.td]\npackage = \"typed-dict\"\nversion = \"0.1\"\n"),
            named("td")
        );
        // A key spelled `typed-dict` that is another package is not typed-dict.
        assert_eq!(
            found("[dependencies]\ntyped-dict = { package = \"other\" }\n"),
            MISSING
        );
    }

    #[test]
    fn the_crates_own_dependencies_come_before_its_tests() {
        let manifest = "[dev-dependencies]\ntyped-dict = \"0.1\"\n[dependencies]\ntd = { package = \"typed-dict\" }\n";
        assert_eq!(found(manifest), named("td"));
    }

    #[test]
    fn the_package_itself_is_found() {
        assert_eq!(
            found("[package]\nname = \"typed-dict\"\nversion = \"0.1.0\"\n"),
            Found::Itself
        );
        assert_eq!(found("[package]\nname = \"app\"\n"), MISSING);
        assert_eq!(found(""), MISSING);
    }

    #[test]
    fn an_inherited_entry_is_read_through_the_workspace() {
        let member = "[dependencies]\nserde = { workspace = true }\ntd = { workspace = true }\n";
        let workspace = || {
            Ok((
                PathBuf::from("/w/Cargo.toml"),
                "[workspace.dependencies]\ntd = { package = \"typed-dict\", version = \"0.1\" }\nserde = \"1\"\n".to_owned(),
            ))
        };
        assert_eq!(find(PACKAGE, member, workspace), Ok(named("td")));
        let plain = || {
            Ok((
                PathBuf::from("/w/Cargo.toml"),
                "[workspace.dependencies]\ntyped-dict = \"0.1\"\n".to_owned(),
            ))
        };
        assert_eq!(
            find(
                PACKAGE,
                "[dependencies]\ntyped-dict.workspace = true\n",
                plain
            ),
            Ok(named("typed-dict"))
        );
        let unreadable = || Err("no workspace".to_owned());
        assert_eq!(
            find(PACKAGE, member, unreadable),
            Err(Problem::Workspace("no workspace".to_owned()))
        );
    }

    #[test]
    fn a_manifest_that_is_not_toml_is_an_error_naming_it() {
        let problem = find(PACKAGE, "[dependencies\n", no_workspace).unwrap_err();
        let message = problem.message(Path::new("/app/Cargo.toml"));
        assert!(
            message.starts_with("cannot read `/app/Cargo.toml` as TOML: "),
            "{message}"
        );
        let broken_workspace = || Ok((PathBuf::from("/w/Cargo.toml"), "[[".to_owned()));
        let problem = find(
            PACKAGE,
            "[dependencies]\ntd.workspace = true\n",
            broken_workspace,
        )
        .unwrap_err()
        .message(Path::new("/w/app/Cargo.toml"));
        assert!(
            problem.starts_with("cannot read `/w/Cargo.toml` as TOML: "),
            "{problem}"
        );
    }

    #[test]
    fn files_are_read_from_disk() {
        let dir = std::env::temp_dir().join(format!("typed-dict-krate-{}", std::process::id()));
        let member = dir.join("app");
        std::fs::create_dir_all(&member).unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[workspace]\nmembers = [\"app\"]\n[workspace.dependencies]\ntd = { package = \"typed-dict\" }\n",
        )
        .unwrap();
        std::fs::write(
            member.join("Cargo.toml"),
            "[dependencies]\ntd.workspace = true\n",
        )
        .unwrap();
        assert_eq!(lookup(PACKAGE, &member.join("Cargo.toml")), Ok(named("td")));
        std::fs::write(member.join("Cargo.toml"), "[dependencies]\nserde = \"1\"\n").unwrap();
        assert_eq!(
            lookup(PACKAGE, &member.join("Cargo.toml")),
            Ok(Found::Missing {
                manifest: member.join("Cargo.toml")
            })
        );
        std::fs::write(member.join("Cargo.toml"), "[dependencies\n").unwrap();
        let broken = lookup(PACKAGE, &member.join("Cargo.toml")).unwrap_err();
        assert!(broken.starts_with("cannot read `"), "{broken}");
        assert!(
            broken.ends_with(
                "say where the runtime is with `#[typed_dict(crate = \"path::to::typed_dict\")]`"
            ),
            "{broken}"
        );
        let absent = lookup(PACKAGE, &dir.join("absent/Cargo.toml")).unwrap_err();
        assert!(absent.starts_with("cannot read `"), "{absent}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
