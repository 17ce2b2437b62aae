//! `typed-dict-gen`: writes `#[typed_dict]` declarations from a TypedDict stub package.
//!
//! The input is a facts document (every TypedDict with its keys, Required flags and
//! annotations, every alias and literal: the format of `ecr-types describe --json`), which
//! `tools/stub_facts.py` extracts from an installed stub package (`types-aiobotocore-sqs`,
//! `types-boto3-sqs`, ...) with Python's own `ast`. The output is a Rust module tree: one
//! module per API area of the layout (or one module), `literals.rs`, `tables.rs` (every
//! schema in the stub's order) and `mod.rs`, formatted by rustfmt.
//!
//! What the framework cannot say yet is never approximated silently: each key or alias
//! whose declaration does not render the stub's annotation is a [`Deviation`], with the
//! [`Construct`] behind it. [`vocabulary`] is the one place that maps stub constructs to
//! Rust types.
//!
//! ```no_run
//! use std::path::Path;
//! use typed_dict_gen::{Facts, Layout, Release};
//!
//! let facts = Facts::from_path(Path::new("sqs.json"))?;
//! let release = Release::new("sqs", facts, "sqs.json".into(), "src/sqs".into(), "crate::sqs")?;
//! let generated = typed_dict_gen::generate_release(&release, &Layout::default())?;
//! for deviation in &generated.deviations {
//!     println!("{}", deviation.1);
//! }
//! generated.write()?;
//! # Ok::<(), typed_dict_gen::Error>(())
//! ```

mod annotation;
mod error;
mod facts;
mod format;
mod layout;
mod modules;
mod names;
mod outputs;
pub mod plain_serde;
mod project;
mod release;
mod render;
pub mod vocabulary;
mod wire;

pub use annotation::Expr;
pub use error::{Error, Result};
pub use facts::{Alias, Facts, Field, LiteralFacts, TypeDef};
pub use layout::{Layout, ModuleLayout, ReleaseLayout};
pub use project::{generate_project, generate_release, project_releases, Generated, Report};
pub use release::Release;
pub use vocabulary::{Construct, Deviation};

/// The Python facts extraction `typed-dict-gen facts` runs (`tools/stub_facts.py`).
pub const STUB_FACTS_PY: &str = include_str!("../tools/stub_facts.py");
