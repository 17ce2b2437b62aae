//! The layout: what the facts cannot say. Where each shape lives, summary lines, wire-mode
//! exceptions, and for a project like ecr-types the releases it generates. Every part is
//! optional: without a layout, one release goes into one module with default summaries.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};

use serde::Deserialize;

use crate::error::{read, Error, Result};

/// A layout file (`ecr-types/tools/layout.toml` is the model).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// The directory the releases' paths are relative to, relative to the layout file.
    #[serde(default)]
    pub root: Option<String>,
    /// The crate the modules are in, as doc examples name it (`ecr_types`).
    #[serde(default)]
    pub crate_name: Option<String>,
    /// An operation's API reference page, `{}` standing for the operation.
    #[serde(default)]
    pub api_reference: Option<String>,
    /// Whether structs get a `rename_all` rule where one spells more keys than the
    /// default (`true` when not given).
    #[serde(default)]
    pub rename_all: Option<bool>,
    /// The `rename_all` rules a literal enum may use, in order of preference (every rule
    /// the generator knows when not given); values no rule spells are written out.
    #[serde(default)]
    pub literal_rules: Option<Vec<String>>,
    /// Whether a shape or literal without a summary in the layout is an error (else it
    /// gets a generic one).
    #[serde(default)]
    pub strict_summaries: bool,
    /// The releases a project generates, by name, in order.
    #[serde(default)]
    pub release: toml::Table,
    /// The modules, in order.
    #[serde(default)]
    pub module: Vec<ModuleLayout>,
    /// `TypedDict.key` -> the literal type its `Literal['X']` means.
    #[serde(default)]
    pub literal_of: HashMap<String, String>,
    /// Summary lines of shapes, by name.
    #[serde(default)]
    pub summaries: HashMap<String, String>,
    /// Summary lines of literal types, by name.
    #[serde(default)]
    pub literal_summaries: HashMap<String, String>,
    /// Required keys that wire mode accepts absent.
    #[serde(default)]
    pub wire_optional: WireLayout,
}

/// One release of a project: a facts file and the module tree written from it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseLayout {
    /// The facts file, relative to the root.
    pub facts: String,
    /// The directory the modules are written to, relative to the root.
    pub dir: String,
    /// The module path of that directory: `crate` or `crate::latest`.
    pub path: String,
    /// Literal types left out.
    #[serde(default)]
    pub omit_literals: Vec<String>,
    /// Literal types listed after the others, in this order.
    #[serde(default)]
    pub literals_last: Vec<String>,
    /// Whether structs and literal enums are `#[non_exhaustive]` (`true` when not given).
    #[serde(default)]
    pub non_exhaustive: Option<bool>,
    /// How the release spells lists, dicts and blobs.
    #[serde(default)]
    pub python: Option<PythonLayout>,
    /// The doc of the release's `mod.rs`, `{version}` standing for the stub's version.
    #[serde(default)]
    pub mod_doc: Option<String>,
    /// The catalog the tables feed, if the project has one.
    #[serde(default)]
    pub catalog: Option<CatalogLayout>,
    /// The botocore model files of the release (documentation, operations, constraints).
    #[serde(default)]
    pub model: Option<crate::model::ModelLayout>,
}

/// How a release spells what Python lets it spell more than one way.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PythonLayout {
    /// `list` or `List`.
    pub list: String,
    /// `dict` or `Dict`.
    pub dict: String,
    /// A blob's whole annotation.
    pub blob: String,
}

/// A project's catalog type and the texts of its tables module.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogLayout {
    /// The catalog type, with a `const fn new(version, docs, style, type_defs, literals,
    /// aliases)`.
    pub new: String,
    /// The docs constant passed to it.
    pub docs: String,
    /// How docs link the catalog: ``[`crate::CATALOG`]``.
    pub link: String,
    /// The tables module's first doc paragraph.
    pub tables_doc: String,
    /// The catalog's doc.
    pub doc: String,
    /// Where the TypeDefs' order comes from.
    pub type_defs_order: String,
    /// Where the literals' order comes from.
    pub literals_order: String,
    /// The name of the `macro_rules!` listing every TypeDef.
    #[serde(rename = "macro")]
    pub macro_name: String,
    /// The module of the `ModelTables`, `Operation`, `Paginator` and `Waiter` types the
    /// model's tables are written in, for a release with a model: `new` then also takes
    /// a `&ModelTables` (the botocore version, the operations, the TypeDef and key
    /// descriptions).
    #[serde(default)]
    pub model_types: Option<String>,
}

/// One module: the operations and shapes it holds.
#[derive(Debug, Clone, Deserialize)]
pub struct ModuleLayout {
    /// The module's name.
    pub name: String,
    /// Its doc (the text before `:` is its summary in `mod.rs`).
    pub doc: String,
    /// Operations whose request, response, paginator and waiter TypeDefs it holds.
    #[serde(default)]
    pub operations: Vec<String>,
    /// Other shapes it holds, by name.
    #[serde(default)]
    pub shapes: Vec<String>,
    /// `<release>_doc`: the doc in one release, where it differs.
    #[serde(flatten)]
    pub release_docs: BTreeMap<String, toml::Value>,
}

impl ModuleLayout {
    /// The module's doc in a release.
    pub fn doc_in(&self, release: &str) -> &str {
        self.release_docs
            .get(&format!("{release}_doc"))
            .and_then(toml::Value::as_str)
            .unwrap_or(&self.doc)
    }
}

/// Wire-mode exceptions: Required keys the service leaves out.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireLayout {
    /// `ResponseMetadata` of every response, with its reason.
    #[serde(default)]
    pub response_metadata: Option<Reason>,
    /// `nextToken` of every response that makes it Required.
    #[serde(default)]
    pub next_token: Option<NextToken>,
    /// Single keys.
    #[serde(default)]
    pub key: Vec<WireKey>,
}

/// A reason, written above the field.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    /// The reason.
    pub reason: String,
}

/// The `nextToken` rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NextToken {
    /// The reason; `{sample}` stands for "; e.g. <sample>" where a sample is given.
    pub reason: String,
    /// A sample payload per response.
    #[serde(default)]
    pub samples: HashMap<String, String>,
}

/// One wire-optional decision.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WireKey {
    /// The TypeDef(s).
    pub type_def: OneOrMany,
    /// The key.
    pub key: String,
    /// The releases it applies to (all when not given).
    #[serde(default)]
    pub releases: Option<Vec<String>>,
    /// Why.
    pub reason: String,
}

/// A string or a list of them.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl OneOrMany {
    /// Every string.
    pub fn items(&self) -> &[String] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(many) => many,
        }
    }
}

impl Layout {
    /// Reads a layout from TOML text; `origin` names it in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Layout> {
        let layout: Layout = toml::from_str(text).map_err(|error| layout_error(origin, error))?;
        for rule in layout.literal_rules.iter().flatten() {
            if !crate::names::VARIANT_RULES
                .iter()
                .flatten()
                .any(|known| known.0 == rule)
            {
                return Err(Error::Layout {
                    origin: origin.to_owned(),
                    message: format!("literal_rules: unknown rule `{rule}`"),
                });
            }
        }
        for module in &layout.module {
            if let Some(key) = module
                .release_docs
                .keys()
                .find(|key| !key.ends_with("_doc") || !module.release_docs[*key].is_str())
            {
                return Err(Error::Layout {
                    origin: origin.to_owned(),
                    message: format!("module `{}`: unknown entry `{key}`", module.name),
                });
            }
        }
        Ok(layout)
    }

    /// Reads a layout file.
    pub fn from_path(path: &Path) -> Result<Layout> {
        Layout::from_toml(&read(path)?, &path.display().to_string())
    }

    /// The releases, in the order the file names them.
    pub fn releases(&self, origin: &str) -> Result<Vec<(String, ReleaseLayout)>> {
        self.release
            .iter()
            .map(|(name, table)| {
                table
                    .clone()
                    .try_into()
                    .map(|release| (name.clone(), release))
                    .map_err(|error| Error::Layout {
                        origin: origin.to_owned(),
                        message: format!("release `{name}`: {error}"),
                    })
            })
            .collect()
    }

    /// The root directory of a layout file's releases (`tools/..` is written `.`, so
    /// that paths in messages read as the project's).
    pub fn root_of(&self, layout_path: &Path) -> PathBuf {
        let dir = layout_path.parent().unwrap_or(Path::new(""));
        let joined = match &self.root {
            Some(root) => dir.join(root),
            None => dir.to_owned(),
        };
        let mut root = PathBuf::new();
        for part in joined.components() {
            match part {
                Component::ParentDir
                    if matches!(root.components().next_back(), Some(Component::Normal(_))) =>
                {
                    root.pop();
                }
                Component::CurDir => {}
                other => root.push(other),
            }
        }
        root
    }
}

fn layout_error(origin: &str, error: toml::de::Error) -> Error {
    Error::Layout {
        origin: origin.to_owned(),
        message: error.to_string().trim_end().to_owned(),
    }
}
