//! The service model behind a stub release (botocore's `service-2`, `paginators-1` and
//! `waiters-2` JSON): what each shape and key means, which operation uses them, and what
//! the service refuses. The stub is generated from it but keeps none of that.

mod constraint;
mod describe;
mod html;
mod operations;
mod pattern;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{read, Error, Result};
use crate::names::{operation, OperationPart};

pub use constraint::Constraint;
pub use describe::{Described, KeyDescription};
pub use html::{markdown, Block};
pub use operations::{OperationRow, PaginatorRow, WaiterRow};
pub use pattern::java_to_rust;

/// Where a release's model files are, relative to the layout's root.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelLayout {
    /// botocore's `service-2.json`.
    pub service: String,
    /// botocore's `paginators-1.json`, if the service has paginators.
    #[serde(default)]
    pub paginators: Option<String>,
    /// botocore's `waiters-2.json`, if the service has waiters.
    #[serde(default)]
    pub waiters: Option<String>,
}

/// One release's service model.
#[derive(Debug, Clone, Default)]
pub struct ServiceModel {
    /// How generated files name the service file: `spec/ecr-service-2-botocore-1.23.24.json`.
    pub display: String,
    /// botocore's version, from the file name where it says it (`1.23.24`).
    pub botocore: Option<String>,
    /// Every operation, by name (in the model's order: alphabetical).
    pub operations: BTreeMap<String, Operation>,
    /// Every shape, by name.
    pub shapes: BTreeMap<String, Shape>,
    /// Every paginator, by its operation's name.
    pub paginators: BTreeMap<String, Paginator>,
    /// Every waiter, by name.
    pub waiters: BTreeMap<String, Waiter>,
}

/// An operation of the model.
#[derive(Debug, Clone, Deserialize)]
pub struct Operation {
    /// Its input shape.
    #[serde(default)]
    pub input: Option<ShapeRef>,
    /// Its output shape.
    #[serde(default)]
    pub output: Option<ShapeRef>,
    /// Its documentation, HTML.
    #[serde(default)]
    pub documentation: Option<String>,
}

/// A reference to a shape: a member's target, an operation's input.
#[derive(Debug, Clone, Deserialize)]
pub struct ShapeRef {
    /// The shape's name.
    pub shape: String,
    /// The reference's own documentation (a member's), HTML.
    #[serde(default)]
    pub documentation: Option<String>,
}

/// A shape of the model: a structure's members, a list's item, a map's key and value, a
/// scalar's bounds.
#[derive(Debug, Clone, Deserialize)]
pub struct Shape {
    /// `structure`, `list`, `map`, `string`, `integer`, `long`, `blob`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// A structure's members, by key.
    #[serde(default)]
    pub members: BTreeMap<String, ShapeRef>,
    /// A list's item.
    #[serde(default)]
    pub member: Option<ShapeRef>,
    /// A map's key.
    #[serde(default)]
    pub key: Option<ShapeRef>,
    /// A map's value.
    #[serde(default)]
    pub value: Option<ShapeRef>,
    /// The lower bound: a length, a count of items or entries, or a number.
    #[serde(default)]
    pub min: Option<serde_json::Number>,
    /// The upper bound, as `min`.
    #[serde(default)]
    pub max: Option<serde_json::Number>,
    /// A regular expression in Java's syntax the whole string matches.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Its documentation, HTML.
    #[serde(default)]
    pub documentation: Option<String>,
}

/// A paginator: how a client pages through an operation's results.
#[derive(Debug, Clone, Deserialize)]
pub struct Paginator {
    /// The request keys that carry the token.
    pub input_token: OneOrMany,
    /// The response keys that carry the next token.
    pub output_token: OneOrMany,
    /// The request key that limits a page's size.
    #[serde(default)]
    pub limit_key: Option<String>,
    /// The response keys whose lists the pages add up.
    #[serde(default)]
    pub result_key: Option<OneOrMany>,
}

/// One key or several, as botocore writes either.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One key.
    One(String),
    /// Several keys.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The keys.
    pub fn keys(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(key) => vec![key.as_str()],
            OneOrMany::Many(keys) => keys.iter().map(String::as_str).collect(),
        }
    }
}

/// A waiter: an operation polled until the answer says done.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Waiter {
    /// The operation polled.
    pub operation: String,
    /// What it waits for.
    #[serde(default)]
    pub description: Option<String>,
    /// Seconds between polls.
    pub delay: u32,
    /// Polls before it gives up.
    pub max_attempts: u32,
}

#[derive(Deserialize)]
struct ServiceFile {
    operations: BTreeMap<String, Operation>,
    shapes: BTreeMap<String, Shape>,
}

#[derive(Deserialize)]
struct PaginatorsFile {
    pagination: BTreeMap<String, Paginator>,
}

#[derive(Deserialize)]
struct WaitersFile {
    waiters: BTreeMap<String, Waiter>,
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path, display: &str) -> Result<T> {
    serde_json::from_str(&read(path)?).map_err(|error| Error::Model {
        origin: display.to_owned(),
        message: format!("not a botocore model file: {error}"),
    })
}

impl ServiceModel {
    /// Reads the files a release's layout names; paths relative to `root`.
    pub fn from_layout(layout: &ModelLayout, root: &Path) -> Result<ServiceModel> {
        let service: ServiceFile = parse(&root.join(&layout.service), &layout.service)?;
        let paginators = match &layout.paginators {
            Some(file) => parse::<PaginatorsFile>(&root.join(file), file)?.pagination,
            None => BTreeMap::new(),
        };
        let waiters = match &layout.waiters {
            Some(file) => parse::<WaitersFile>(&root.join(file), file)?.waiters,
            None => BTreeMap::new(),
        };
        let model = ServiceModel {
            display: layout.service.clone(),
            botocore: botocore_version(&layout.service),
            operations: service.operations,
            shapes: service.shapes,
            paginators,
            waiters,
        };
        model.check()?;
        Ok(model)
    }

    /// Every reference names a shape, every paginator and waiter an operation.
    fn check(&self) -> Result<()> {
        let unknown = |what: String| Err(self.error(what));
        for (name, shape) in &self.shapes {
            let targets = shape.members.iter().map(|(k, r)| (k.as_str(), r));
            let item = shape.member.iter().map(|r| ("member", r));
            let entry = (shape.key.iter().map(|r| ("key", r)))
                .chain(shape.value.iter().map(|r| ("value", r)));
            for (key, target) in targets.chain(item).chain(entry) {
                if !self.shapes.contains_key(&target.shape) {
                    return unknown(format!("`{name}.{key}` names no shape `{}`", target.shape));
                }
            }
        }
        for (name, op) in &self.operations {
            for target in op.input.iter().chain(&op.output) {
                if !self.shapes.contains_key(&target.shape) {
                    return unknown(format!(
                        "operation `{name}` names no shape `{}`",
                        target.shape
                    ));
                }
            }
        }
        let waiters = self.waiters.iter().map(|(n, w)| (n, &w.operation));
        let paginators = self.paginators.keys().map(|n| (n, n));
        for (name, op) in paginators.chain(waiters) {
            if !self.operations.contains_key(op) {
                return unknown(format!("`{name}` names no operation `{op}`"));
            }
        }
        Ok(())
    }

    /// The model shape a stub TypeDef declares: an operation's input for its request,
    /// paginator and waiter TypeDefs, its output for its response, else the shape of the
    /// TypeDef's name (an output variant's of its input's). `None` for what boto3 adds
    /// (`ResponseMetadataTypeDef`, `PaginatorConfigTypeDef`).
    pub fn shape_of<'m>(
        &'m self,
        type_def: &str,
        input_of_output: Option<&str>,
    ) -> Option<(&'m str, &'m Shape)> {
        let name = match operation(type_def) {
            Some((op, part)) => {
                let op = self.operations.get(op)?;
                let target = match part {
                    OperationPart::Response => op.output.as_ref(),
                    _ => op.input.as_ref(),
                }?;
                target.shape.as_str()
            }
            None => {
                let base = input_of_output.unwrap_or(type_def);
                base.strip_suffix("TypeDef")?
            }
        };
        self.shapes
            .get_key_value(name)
            .map(|(n, s)| (n.as_str(), s))
    }

    /// An error about this model.
    pub(crate) fn error(&self, message: String) -> Error {
        Error::Model {
            origin: self.display.clone(),
            message,
        }
    }

    /// The shape a member targets.
    pub fn target(&self, member: &ShapeRef) -> Option<&Shape> {
        self.shapes.get(&member.shape)
    }
}

/// `1.23.24` from `spec/ecr-service-2-botocore-1.23.24.json`.
fn botocore_version(file: &str) -> Option<String> {
    let stem = file.strip_suffix(".json")?;
    let version = stem.rsplit_once("botocore-")?.1;
    Some(version.to_owned())
}
