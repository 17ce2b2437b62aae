//! The TypedDicts and literal types of Amazon ECR's API, as the `types-aiobotocore-ecr`
//! stubs declare them, declared with [`#[typed_dict]`](typed_dict::typed_dict).
//!
//! Each of upstream's 124 TypeDefs is a struct of the same name, with the same keys in the
//! same order, the same Required/NotRequired split and the same value types; each literal
//! type is an enum. `spec/` holds the upstream documentation and the stub facts they are
//! generated from (`tools/generate.py`), and `tests/conformance.rs` checks every key
//! against them.
//!
//! The declarations live in one module per API area and are all re-exported here, flat,
//! as upstream's `type_defs` and `literals` modules have them:
//!
//! | Module | API area |
//! |---|---|
//! | [`repositories`] | repositories, tag mutability, repository policies |
//! | [`images`] | image manifests: list, describe, get, put, delete |
//! | [`layers`] | layer uploads and downloads |
//! | [`scanning`] | scanning configuration, scans and findings |
//! | [`lifecycle_policies`] | lifecycle policies and their previews |
//! | [`replication`] | replication configuration and status |
//! | [`registry_policies`] | registry permissions policies |
//! | [`pull_through_cache`] | pull through cache rules |
//! | [`authorization`] | authorization tokens |
//! | [`tagging`] | resource tags |
//! | [`common`] | response metadata, paginator and waiter configuration |
//! | [`literals`] | every literal type |
//!
//! With the `latest` feature, `latest` holds ECR as of late 2026 (types-aiobotocore-ecr
//! 3.10.0: 181 TypeDefs, 43 literal types, 4 aliases), organised the same way.
//!
//! # A request
//!
//! `new` takes the Required keys as a struct literal (leaving one out does not compile);
//! the NotRequired keys are `Option` fields.
//!
//! ```
//! use ecr_types::{
//!     CreateRepositoryRequestRequestTypeDef, CreateRepositoryRequestRequestTypeDefRequired,
//!     ImageTagMutabilityType, TagTypeDef,
//! };
//!
//! let mut request = CreateRepositoryRequestRequestTypeDef::new(
//!     CreateRepositoryRequestRequestTypeDefRequired { repository_name: "web".into() },
//! );
//! request.image_tag_mutability = Some(ImageTagMutabilityType::Immutable);
//! request.tags = Some(vec![TagTypeDef {
//!     key: Some("team".into()),
//!     value: Some("platform".into()),
//! }].into());
//!
//! assert_eq!(
//!     typed_dict::to_string(&request).unwrap(),
//!     r#"{"repositoryName":"web","tags":[{"Key":"team","Value":"platform"}],"imageTagMutability":"IMMUTABLE"}"#,
//! );
//! ```
//!
//! # Wire mode
//!
//! The stubs make every key of a response Required, but the JSON the service sends leaves
//! some of them out. Those keys are declared `wire_optional`: still Required in the schema
//! and in strict mode, but absent (or `null`) is accepted in [wire
//! mode](typed_dict::Mode::Wire). Each declaration carries a comment saying why:
//!
//! - `ResponseMetadata` of every `*ResponseTypeDef`: boto3 adds it after parsing;
//! - `nextToken` of every paginated response: left out on the last page;
//! - `HostId` of [`ResponseMetadataTypeDef`]: botocore sets it for S3 only;
//! - `imageScanFindings` of [`DescribeImageScanFindingsResponseTypeDef`]: `null` until a
//!   scan completes;
//! - `previewResults` and `summary` of [`GetLifecyclePolicyPreviewResponseTypeDef`]: not
//!   there while the preview is in progress.
//!
//! ```
//! use ecr_types::DescribeImagesResponseTypeDef;
//! use typed_dict::{decode, DecodeOptions, ErrorKind};
//!
//! // What `DescribeImages` sends for its last page: no `nextToken`, no `ResponseMetadata`.
//! let json = br#"{"imageDetails": [{"imageDigest": "sha256:4f70", "imageTags": ["latest"]}]}"#;
//!
//! let wire: DescribeImagesResponseTypeDef = decode(json, DecodeOptions::wire()).unwrap();
//! assert_eq!(wire.image_details[0].image_tags.as_deref(), Some(&["latest".to_owned()][..]));
//! assert!(wire.next_token.is_none() && wire.response_metadata.is_none());
//!
//! let strict = decode::<DescribeImagesResponseTypeDef>(json, DecodeOptions::strict());
//! let missing: Vec<_> = strict.unwrap_err().errors().iter()
//!     .filter(|error| error.kind == ErrorKind::MissingKey)
//!     .map(|error| error.message.clone())
//!     .collect();
//! assert_eq!(missing.len(), 2, "{missing:?}");
//! ```
//!
//! # The catalog
//!
//! [`CATALOG`] (and `latest::CATALOG`) finds a schema by name and lists them all in
//! upstream's order, for tools that work from a name given at run time: validating a
//! payload against a TypeDef a user names, printing its keys as the release writes them,
//! rendering [docs pages](docs).
//!
//! ```
//! use ecr_types::CATALOG;
//! use typed_dict::{validate, DecodeOptions};
//!
//! let schema = CATALOG.type_def("CreateRepositoryRequestRequestTypeDef").unwrap();
//! assert!(validate(br#"{"repositoryName": "web"}"#, schema, DecodeOptions::strict()).is_valid());
//! assert!(!validate(br#"{"repositoryName": 7}"#, schema, DecodeOptions::strict()).is_valid());
//!
//! // Each key as the release writes it: 2.1 spells lists `List[...]`.
//! let detail = CATALOG.type_def("ImageDetailTypeDef").unwrap();
//! let keys: Vec<String> = detail.fields[..4].iter()
//!     .map(|field| format!("{}: {}", field.key, field.value.python_with(CATALOG.python_style())))
//!     .collect();
//! assert_eq!(keys, [
//!     "registryId: str",
//!     "repositoryName: str",
//!     "imageDigest: str",
//!     "imageTags: List[str]",
//! ]);
//! assert_eq!(CATALOG.type_defs().len(), 124);
//! ```

#![warn(missing_docs, missing_debug_implementations)]

pub mod authorization;
pub mod catalog;
pub mod common;
pub mod docs;
pub mod images;
#[cfg(feature = "latest")]
pub mod latest;
pub mod layers;
pub mod lifecycle_policies;
pub mod literals;
pub mod pull_through_cache;
pub mod registry_policies;
pub mod replication;
pub mod repositories;
pub mod scanning;
mod tables;
pub mod tagging;

pub use authorization::*;
pub use common::*;
pub use images::*;
pub use layers::*;
pub use lifecycle_policies::*;
pub use literals::*;
pub use pull_through_cache::*;
pub use registry_policies::*;
pub use replication::*;
pub use repositories::*;
pub use scanning::*;
pub use tables::CATALOG;
pub use tagging::*;
