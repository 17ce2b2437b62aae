//! Optional integrations with other crates, each behind the Cargo feature of the same
//! name, and the hooks through which generated code reaches them.
//!
//! Generated code lives in the user's crate, where `cfg(feature = "...")` would test the
//! user's features, not typed-dict's. So the macro emits one call per type to a hook
//! defined here, and the hook's definition depends on typed-dict's feature: the
//! implementation with the feature on, nothing without it.

mod hooks;
#[cfg(feature = "jiff")]
mod jiff;
#[cfg(feature = "schemars")]
pub(crate) mod json_schema;

/// What `__private` re-exports for the hooks.
pub(crate) mod private {
    #[cfg(feature = "schemars")]
    pub use super::json_schema::{
        json_schema_of, schema_name, CollectNamed, CollectNone, Deps, JsonSchemaDeps, SchemaRefs,
    };
    pub use crate::__typed_dict_json_schema as json_schema;
    #[cfg(feature = "schemars")]
    pub use schemars;
}
