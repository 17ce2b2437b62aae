//! One [`Catalog`] per release of the stubs: every schema by name and in upstream's order,
//! with what a tool needs to print them as the release writes them.
//!
//! [`crate::CATALOG`] is release 2.1 (the crate root); with the `latest` feature,
//! `crate::latest::CATALOG` is release 3.10.0.
//!
//! ```
//! use ecr_types::CATALOG;
//!
//! let schema = CATALOG.type_def("ImageDetailTypeDef").unwrap();
//! let tags = schema.field("imageTags").unwrap();
//! // As types-aiobotocore-ecr 2.1 writes it: `List`, not `list`.
//! assert_eq!(tags.value.python_with(CATALOG.python_style()).to_string(), "List[str]");
//!
//! assert_eq!(CATALOG.package(), "types-aiobotocore-ecr");
//! assert_eq!(CATALOG.version(), "2.1.1");
//! assert_eq!(CATALOG.type_defs().len(), 124);
//! assert!(CATALOG.literal("ScanStatusType").is_some());
//! ```
//!
//! The aliases of a release are its unions and named aliases; a key names one, and the
//! definition renders what it stands for:
//!
//! ```
//! # #[cfg(feature = "latest")] {
//! use ecr_types::latest::CATALOG;
//!
//! let union = CATALOG.alias("ReplicationConfigurationUnionTypeDef").unwrap();
//! assert_eq!(
//!     union.python_definition_with(CATALOG.python_style()).to_string(),
//!     "Union[ReplicationConfigurationTypeDef, ReplicationConfigurationOutputTypeDef]"
//! );
//! assert_eq!(CATALOG.aliases().len(), 4);
//! # }
//! ```

use std::fmt;

use typed_dict::schema::PythonStyle;
use typed_dict::{LiteralSchema, TypedDictSchema, ValueType};

use crate::docs::UpstreamDocs;
use crate::operation::{ModelTables, Operation};

/// Every TypeDef, literal type and alias of one release of `types-aiobotocore-ecr`, in the
/// release's own order, with the release's version, docs pages and annotation style.
///
/// The tables hold `fn` pointers and references to the schemas the `#[typed_dict]`
/// declarations already carry: a catalog costs one static array per kind and no code per
/// type. Looking a name up is a linear scan.
#[non_exhaustive]
pub struct Catalog {
    version: &'static str,
    docs: UpstreamDocs,
    python_style: PythonStyle,
    type_defs: &'static [fn() -> &'static TypedDictSchema],
    literals: &'static [&'static LiteralSchema],
    aliases: &'static [&'static ValueType],
    model: &'static ModelTables,
}

impl Catalog {
    /// A release's catalog; built only by the generated tables.
    pub(crate) const fn new(
        version: &'static str,
        docs: UpstreamDocs,
        python_style: PythonStyle,
        type_defs: &'static [fn() -> &'static TypedDictSchema],
        literals: &'static [&'static LiteralSchema],
        aliases: &'static [&'static ValueType],
        model: &'static ModelTables,
    ) -> Catalog {
        Catalog {
            version,
            docs,
            python_style,
            type_defs,
            literals,
            aliases,
            model,
        }
    }

    /// The version of botocore whose service model the stub was generated from, and
    /// whose documentation, operations and constraints the release carries: `1.23.24`,
    /// `1.43.117`.
    pub fn botocore_version(&self) -> &'static str {
        self.model.botocore
    }

    /// Every operation of the service, in the model's (alphabetical) order.
    pub fn operations(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static Operation> + DoubleEndedIterator + Clone {
        self.model.operations.iter()
    }

    /// The operation called `name`, spelled as the model (`DescribeImages`), as boto3's
    /// method (`describe_images`) or as the AWS CLI's command (`describe-images`).
    pub fn operation(&self, name: &str) -> Option<&'static Operation> {
        let operations: &'static [Operation] = self.model.operations;
        operations.iter().find(|op| {
            op.name == name
                || op.method == name
                || (name.contains('-') && op.method.replace('_', "-") == name)
        })
    }

    /// The model's documentation of a TypeDef, Markdown (its shape's, or for a request
    /// its operation's).
    pub fn type_def_description(&self, type_def: &str) -> Option<&'static str> {
        let docs: &'static [(&'static str, &'static str)] = self.model.type_def_docs;
        docs.iter()
            .find(|(name, _)| *name == type_def)
            .map(|(_, text)| *text)
    }

    /// The model's documentation of a TypeDef's key, Markdown; for a key the model does
    /// not have (`ResponseMetadata`, `PaginationConfig`), where it comes from. `None` where
    /// the model documents neither the key nor its shape.
    ///
    /// ```
    /// let text = ecr_types::CATALOG
    ///     .description("CreateRepositoryRequestRequestTypeDef", "repositoryName")
    ///     .unwrap();
    /// assert!(text.starts_with("The name to use for the repository."));
    /// ```
    pub fn description(&self, type_def: &str, key: &str) -> Option<&'static str> {
        let docs: &'static [(&'static str, &'static str, &'static str)] = self.model.key_docs;
        docs.iter()
            .find(|(name, k, _)| *name == type_def && *k == key)
            .map(|(_, _, text)| *text)
    }

    /// How many keys of the release's TypeDefs have a description.
    pub fn described_keys(&self) -> usize {
        self.model.key_docs.len()
    }

    /// The stub package's name on PyPI: `types-aiobotocore-ecr`.
    pub fn package(&self) -> &'static str {
        self.docs.package
    }

    /// The version of the stub package the release declares: `2.1.1`, `3.10.0`.
    pub fn version(&self) -> &'static str {
        self.version
    }

    /// Where upstream's docs pages for the release sit and what they link to; what
    /// [`crate::docs`] renders the pages with.
    pub fn docs(&self) -> &UpstreamDocs {
        &self.docs
    }

    /// How the release spells annotations (`List[...]` in 2.1, `list[...]` in 3.10, and
    /// the blob's union of stream types), for
    /// [`ValueType::python_with`](typed_dict::ValueType::python_with).
    pub fn python_style(&self) -> &PythonStyle {
        &self.python_style
    }

    /// The schema of the TypeDef called `name`, spelled exactly as upstream does.
    pub fn type_def(&self, name: &str) -> Option<&'static TypedDictSchema> {
        self.type_defs().find(|schema| schema.name == name)
    }

    /// The schema of the literal type called `name`, spelled exactly as upstream does.
    pub fn literal(&self, name: &str) -> Option<&'static LiteralSchema> {
        self.literals().find(|schema| schema.name == name)
    }

    /// The alias called `name` (a [`ValueType::Union`] or a [`ValueType::Alias`]), spelled
    /// exactly as upstream does.
    pub fn alias(&self, name: &str) -> Option<&'static ValueType> {
        self.aliases().find(|alias| alias.name() == Some(name))
    }

    /// Every alias, in upstream's order: the release's unions and named aliases, each a
    /// [`ValueType::Union`] or a [`ValueType::Alias`]. Its
    /// [`name`](ValueType::name) is the alias's, and
    /// [`python_definition_with`](ValueType::python_definition_with) renders what it
    /// stands for.
    pub fn aliases(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static ValueType> + DoubleEndedIterator + Clone {
        self.aliases.iter().copied()
    }

    /// Every TypeDef's schema, in upstream's order.
    pub fn type_defs(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static TypedDictSchema> + DoubleEndedIterator + Clone {
        self.type_defs.iter().map(|schema| schema())
    }

    /// Every literal type's schema, in upstream's order.
    pub fn literals(
        &self,
    ) -> impl ExactSizeIterator<Item = &'static LiteralSchema> + DoubleEndedIterator + Clone {
        self.literals.iter().copied()
    }
}

impl fmt::Debug for Catalog {
    /// The release and the table sizes: the tables themselves are 100+ entries each.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("package", &self.package())
            .field("version", &self.version)
            .field("python_style", &self.python_style)
            .field("type_defs", &self.type_defs.len())
            .field("literals", &self.literals.len())
            .field("aliases", &self.aliases.len())
            .field("botocore", &self.model.botocore)
            .field("operations", &self.model.operations.len())
            .finish_non_exhaustive()
    }
}
