//! Generating a release or a whole project (every release a layout names), and comparing
//! the result with the files on disk.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::error::{invalid, Error, Result};
use crate::format::rustfmt;
use crate::layout::Layout;
use crate::modules::assign_modules;
use crate::names::operation;
use crate::outputs::output_pairs;
use crate::release::Release;
use crate::render::{release_files, Context};
use crate::vocabulary::{Deviation, Vocabulary};
use crate::wire::WireOptional;

/// The files of one or more releases, formatted, and what they cannot say.
#[derive(Debug, Clone, Default)]
pub struct Generated {
    /// Every file, by path.
    pub files: BTreeMap<PathBuf, String>,
    /// Every deviation from the stub, with its release's name.
    pub deviations: Vec<(String, Deviation)>,
    /// The generated directories below a crate root: a `.rs` file there that is not
    /// generated is stale.
    pub owned_dirs: Vec<PathBuf>,
}

/// How the files on disk differ from the generated ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Files whose text differs (or that are missing).
    pub changed: Vec<PathBuf>,
    /// Files in a generated directory that are no longer generated.
    pub stale: Vec<PathBuf>,
    /// A unified diff of every changed file, paths relative to the given base.
    pub diff: String,
    /// How many files were generated.
    pub files: usize,
}

impl Report {
    /// Whether the disk holds exactly the generated files.
    pub fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.stale.is_empty()
    }
}

/// Generates one release (a facts document on its own) with a layout; `Layout::default()`
/// puts everything in one module.
pub fn generate_release(release: &Release, layout: &Layout) -> Result<Generated> {
    let wire = WireOptional::new(&layout.wire_optional, std::slice::from_ref(&release.name));
    let mut generated = Generated::default();
    generate_into(release, layout, &wire, &mut generated)?;
    wire.check_all_used()?;
    Ok(generated)
}

/// Generates every release a layout file names (ecr-types' `tools/layout.toml`).
pub fn generate_project(layout_path: &Path) -> Result<Generated> {
    let (layout, releases) = project_releases(layout_path)?;
    check_module_names(&layout, &releases)?;
    let names: Vec<String> = releases.iter().map(|r| r.name.clone()).collect();
    let wire = WireOptional::new(&layout.wire_optional, &names);
    let mut generated = Generated::default();
    for release in &releases {
        generate_into(release, &layout, &wire, &mut generated)?;
    }
    wire.check_all_used()?;
    Ok(generated)
}

/// A layout file and every release it names, their facts read.
pub fn project_releases(layout_path: &Path) -> Result<(Layout, Vec<Release>)> {
    let layout = Layout::from_path(layout_path)?;
    let origin = layout_path.display().to_string();
    let root = layout.root_of(layout_path);
    // Generated files name the layout as the project sees it: `tools/layout.toml`.
    let layout_display = match (
        std::fs::canonicalize(layout_path),
        std::fs::canonicalize(&root),
    ) {
        (Ok(layout_file), Ok(root)) => layout_file
            .strip_prefix(&root)
            .map_or_else(|_| origin.clone(), |p| p.display().to_string()),
        _ => origin.clone(),
    };
    let mut releases = Vec::new();
    for (name, table) in layout.releases(&origin)? {
        releases.push(Release::from_layout(
            &name,
            &table,
            &root,
            Some(layout_display.clone()),
        )?);
    }
    Ok((layout, releases))
}

/// A module that lists a name no release has is a typo or a leftover.
fn check_module_names(layout: &Layout, releases: &[Release]) -> Result<()> {
    let names: HashSet<&str> = releases
        .iter()
        .flat_map(|r| {
            (r.facts.type_defs.iter().map(|t| t.name.as_str()))
                .chain(r.facts.aliases.iter().map(|a| a.name.as_str()))
        })
        .collect();
    let operations: HashSet<&str> = names
        .iter()
        .filter_map(|n| operation(n))
        .map(|(op, _)| op)
        .collect();
    for module in &layout.module {
        let unknown: Vec<&String> = (module.shapes.iter().filter(|n| !names.contains(n.as_str())))
            .chain(
                module
                    .operations
                    .iter()
                    .filter(|op| !operations.contains(op.as_str())),
            )
            .collect();
        if !unknown.is_empty() {
            return Err(invalid(format!(
                "module {} lists names no release has: {unknown:?}",
                module.name
            )));
        }
    }
    Ok(())
}

fn generate_into(
    release: &Release,
    layout: &Layout,
    wire: &WireOptional<'_>,
    generated: &mut Generated,
) -> Result<()> {
    let vocabulary = Vocabulary::new(release, &layout.literal_of);
    let outputs = output_pairs(release, &vocabulary);
    let (module_of, modules) = assign_modules(release, &layout.module, &outputs)?;
    let cx = Context {
        release,
        layout,
        outputs: &outputs,
        module_of: &module_of,
        vocabulary: &vocabulary,
        wire,
    };
    let (files, deviations) = release_files(&cx, &modules)?;
    for (path, text) in files {
        let text = rustfmt(&path, &text)?;
        generated.files.insert(path, text);
    }
    generated
        .deviations
        .extend(deviations.into_iter().map(|d| (release.name.clone(), d)));
    if !release.is_root() {
        generated.owned_dirs.push(release.dir.clone());
    }
    Ok(())
}

impl Generated {
    /// Compares the generated files with the disk; paths in the diff are relative to
    /// `base`.
    pub fn check(&self, base: &Path) -> Result<Report> {
        let mut report = Report {
            files: self.files.len(),
            ..Report::default()
        };
        for (path, text) in &self.files {
            let old = match std::fs::read_to_string(path) {
                Ok(old) => Some(old),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(source) => {
                    return Err(Error::Io {
                        path: path.clone(),
                        source,
                    })
                }
            };
            if old.as_deref() == Some(text.as_str()) {
                continue;
            }
            let shown = path
                .strip_prefix(base)
                .unwrap_or(path)
                .display()
                .to_string();
            let diff = TextDiff::from_lines(old.as_deref().unwrap_or(""), text.as_str());
            report.diff.push_str(
                &diff
                    .unified_diff()
                    .header(&format!("a/{shown}"), &format!("b/{shown}"))
                    .to_string(),
            );
            report.changed.push(path.clone());
        }
        for dir in &self.owned_dirs {
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            let mut stale: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "rs") && !self.files.contains_key(p))
                .collect();
            stale.sort();
            report.stale.extend(stale);
        }
        Ok(report)
    }

    /// Writes every file that differs from the disk; returns what differed.
    pub fn write(&self) -> Result<Report> {
        let report = self.check(Path::new(""))?;
        for path in &report.changed {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                    path: dir.to_owned(),
                    source,
                })?;
            }
            std::fs::write(path, &self.files[path]).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
        }
        Ok(report)
    }
}
