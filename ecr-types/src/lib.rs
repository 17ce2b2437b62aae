#![doc = include_str!("../README.md")]
// docs.rs (nightly) marks each feature-gated item with the feature it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
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
pub mod operation;
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
