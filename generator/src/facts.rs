//! The facts document: a stub package's TypedDicts, aliases and literals, in the format
//! `ecr-types describe --json` writes and `tools/stub_facts.py` extracts from a stub.

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{read, Error, Result};

/// Every TypedDict, alias and literal of one stub package release, in the stub's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// The Python package: `types_aiobotocore_ecr`.
    pub package: String,
    /// The package's version, if known: `3.10.0`.
    pub version: Option<String>,
    /// Every TypedDict.
    pub type_defs: Vec<TypeDef>,
    /// Every alias (`X = Union[...]`).
    pub aliases: Vec<Alias>,
    /// Every literal type.
    pub literals: Vec<LiteralFacts>,
}

/// One TypedDict: its name and keys in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TypeDef {
    /// The class name: `ImageTypeDef`.
    pub name: String,
    /// The keys, in declaration order.
    pub fields: Vec<Field>,
}

/// One key of a TypedDict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The key, verbatim: `imageManifest`.
    pub key: String,
    /// Whether the key is Required (not `NotRequired[...]`).
    pub required: bool,
    /// The annotation, exactly as the stub writes it (without `NotRequired[...]`).
    #[serde(rename = "type")]
    pub annotation: String,
}

/// One alias: `BlobTypeDef = Union[str, bytes, IO[Any], StreamingBody]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The alias name.
    pub name: String,
    /// What it stands for, as the stub writes it.
    #[serde(rename = "type")]
    pub definition: String,
}

/// One literal type: `TagStatusType = Literal['TAGGED', 'UNTAGGED', 'ANY']`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiteralFacts {
    /// The literal type's name.
    pub name: String,
    /// Its values, in order.
    pub values: Vec<String>,
}

impl Facts {
    /// Reads a facts document from JSON text; `origin` names it in errors.
    pub fn from_json(text: &str, origin: &str) -> Result<Facts> {
        let facts: Facts = serde_json::from_str(text).map_err(|error| Error::Facts {
            origin: origin.to_owned(),
            message: error.to_string(),
        })?;
        facts.check_names(origin)?;
        Ok(facts)
    }

    /// Reads a facts document from a file.
    pub fn from_path(path: &Path) -> Result<Facts> {
        Facts::from_json(&read(path)?, &path.display().to_string())
    }

    /// The stub's distribution name: `types_aiobotocore_ecr` is `types-aiobotocore-ecr`.
    pub fn distribution(&self) -> String {
        self.package.replace('_', "-")
    }

    /// A TypeDef by name.
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        self.type_defs.iter().find(|type_def| type_def.name == name)
    }

    /// One name for one thing: a TypedDict, alias or literal named twice (or a key twice
    /// in one TypedDict) could only be declared as two Rust items of one name.
    fn check_names(&self, origin: &str) -> Result<()> {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        let names = (self
            .type_defs
            .iter()
            .map(|t| (t.name.as_str(), "TypedDict")))
        .chain(self.aliases.iter().map(|a| (a.name.as_str(), "alias")))
        .chain(self.literals.iter().map(|l| (l.name.as_str(), "literal")));
        for (name, what) in names {
            if !is_python_identifier(name) {
                return Err(facts_error(
                    origin,
                    format!("{what} `{name}` is not a name"),
                ));
            }
            if let Some(before) = seen.insert(name, what) {
                return Err(facts_error(
                    origin,
                    format!("`{name}` is both a {before} and a {what}"),
                ));
            }
        }
        for type_def in &self.type_defs {
            let mut keys = HashMap::new();
            for field in &type_def.fields {
                if keys.insert(field.key.as_str(), ()).is_some() {
                    return Err(facts_error(
                        origin,
                        format!("`{}` has the key `{}` twice", type_def.name, field.key),
                    ));
                }
            }
        }
        for literal in &self.literals {
            if literal.values.is_empty() {
                return Err(facts_error(
                    origin,
                    format!("literal `{}` has no values", literal.name),
                ));
            }
        }
        Ok(())
    }
}

fn facts_error(origin: &str, message: String) -> Error {
    Error::Facts {
        origin: origin.to_owned(),
        message,
    }
}

/// Whether `name` is a Python identifier (ASCII: every stub package name is).
pub(crate) fn is_python_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
