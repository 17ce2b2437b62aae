#![doc = include_str!("../README.md")]

mod annotation;
mod error;
mod facts;
mod format;
mod layout;
pub mod model;
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
