//! One release to generate: its facts, and the settings the layout (or the defaults) give
//! it.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::error::{invalid, Result};
use crate::facts::{Facts, TypeDef};
use crate::layout::{CatalogLayout, ReleaseLayout};
use crate::model::ServiceModel;
use crate::vocabulary::{union_spelling, Style};

/// The `typed_dict::schema::PythonStyle` constants, by their (list, dict) generics.
pub const PYTHON_STYLES: [(&str, &str, &str); 2] =
    [("list", "dict", "BUILTINS"), ("List", "Dict", "TYPING")];

/// One release: facts and where and how its module tree is written.
#[derive(Debug, Clone)]
pub struct Release {
    /// The release's name (`2.1`, `latest`; a project's own).
    pub name: String,
    /// The facts.
    pub facts: Facts,
    /// How generated files name the facts: `spec/types-aiobotocore-ecr-3.10.0.json`.
    pub facts_display: String,
    /// How generated files name the layout, if there is one: `tools/layout.toml`.
    pub layout_display: Option<String>,
    /// The directory the modules go to.
    pub dir: PathBuf,
    /// That directory's module path: `crate`, `crate::latest`.
    pub path: String,
    /// Whether structs and literal enums are `#[non_exhaustive]`.
    pub non_exhaustive: bool,
    /// How the release spells lists, dicts and blobs.
    pub style: Style,
    /// The literals declared, in the order they are written.
    pub literal_names: Vec<String>,
    /// The doc of `mod.rs`.
    pub mod_doc: Option<String>,
    /// The project's catalog, if any.
    pub catalog: Option<CatalogLayout>,
    /// The release's service model, if the layout names one.
    pub model: Option<ServiceModel>,
}

impl Release {
    /// A release from a layout's release table; paths relative to `root`.
    pub fn from_layout(
        name: &str,
        table: &ReleaseLayout,
        root: &std::path::Path,
        layout_display: Option<String>,
    ) -> Result<Release> {
        let facts = Facts::from_path(&root.join(&table.facts))?;
        let mut release = Release::new(
            name,
            facts,
            table.facts.clone(),
            root.join(&table.dir),
            &table.path,
        )?;
        release.layout_display = layout_display;
        release.non_exhaustive = table.non_exhaustive.unwrap_or(true);
        release.mod_doc = table.mod_doc.clone();
        release.catalog = table.catalog.clone();
        if let Some(model) = &table.model {
            release.model = Some(ServiceModel::from_layout(model, root)?);
        }
        if let Some(python) = &table.python {
            release.style = Style {
                blob: python.blob.clone(),
                ..Style::new(&python.list, &python.dict)
            };
            release.spell_unions_as_the_stub();
        }
        release.check_style()?;
        release.order_literals(&table.omit_literals, &table.literals_last)?;
        Ok(release)
    }

    /// A release with the defaults: every literal in the stub's order, `#[non_exhaustive]`,
    /// the style the stub's annotations use (`List[` means `typing`'s), `bytes` blobs.
    pub fn new(
        name: &str,
        facts: Facts,
        facts_display: String,
        dir: PathBuf,
        path: &str,
    ) -> Result<Release> {
        if !(path == "crate" || path.starts_with("crate::")) {
            return Err(invalid(format!(
                "module path `{path}` does not start with `crate`"
            )));
        }
        let typing = facts
            .type_defs
            .iter()
            .flat_map(|t| &t.fields)
            .any(|f| f.annotation.contains("List[") || f.annotation.contains("Dict["));
        let (list, dict) = if typing {
            ("List", "Dict")
        } else {
            ("list", "dict")
        };
        let literal_names = facts.literals.iter().map(|l| l.name.clone()).collect();
        let mut release = Release {
            name: name.to_owned(),
            facts,
            facts_display,
            layout_display: None,
            dir,
            path: path.to_owned(),
            non_exhaustive: true,
            style: Style::new(list, dict),
            literal_names,
            mod_doc: None,
            catalog: None,
            model: None,
        };
        release.spell_unions_as_the_stub();
        Ok(release)
    }

    /// Unions and nullable values written as the stub's keys write them, where they write
    /// them one way (a stub of `list[str]` and `Optional[str]` exists); else as the
    /// generics' style does.
    fn spell_unions_as_the_stub(&mut self) {
        let annotations = (self.facts.type_defs.iter())
            .flat_map(|t| &t.fields)
            .map(|f| f.annotation.as_str());
        if let Some(pipe) = union_spelling(annotations) {
            self.style.pipe_unions = pipe;
        }
    }

    fn check_style(&self) -> Result<()> {
        if self.python_style_constant().is_none() {
            return Err(invalid(format!(
                "release {}: no PythonStyle spells list and dict as {} and {}",
                self.name, self.style.list, self.style.dict
            )));
        }
        Ok(())
    }

    /// `BUILTINS` or `TYPING`.
    pub fn python_style_constant(&self) -> Option<&'static str> {
        PYTHON_STYLES
            .iter()
            .find(|(list, dict, _)| *list == self.style.list && *dict == self.style.dict)
            .map(|(_, _, constant)| *constant)
    }

    fn order_literals(&mut self, omit: &[String], last: &[String]) -> Result<()> {
        let known: HashSet<&str> = self
            .facts
            .literals
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        if let Some(unknown) = omit
            .iter()
            .chain(last)
            .find(|name| !known.contains(name.as_str()))
        {
            return Err(invalid(format!(
                "release {}: no literal `{unknown}` to omit or list last",
                self.name
            )));
        }
        let mut names: Vec<String> = self
            .facts
            .literals
            .iter()
            .map(|l| l.name.clone())
            .filter(|name| !omit.contains(name) && !last.contains(name))
            .collect();
        names.extend(last.iter().filter(|name| !omit.contains(name)).cloned());
        self.literal_names = names;
        Ok(())
    }

    /// Whether the release is the crate root (no `mod.rs` of its own).
    pub fn is_root(&self) -> bool {
        self.path == "crate"
    }

    /// The literals declared, with their values, in order.
    pub fn literals(&self) -> Vec<(&str, &[String])> {
        self.literal_names
            .iter()
            .filter_map(|name| self.facts.literals.iter().find(|l| &l.name == name))
            .map(|l| (l.name.as_str(), l.values.as_slice()))
            .collect()
    }

    /// A TypeDef's keys.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.facts.type_def(name)
    }

    /// The alias text, if `name` is an alias.
    pub fn alias(&self, name: &str) -> Option<&str> {
        self.facts
            .aliases
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.definition.as_str())
    }
}
