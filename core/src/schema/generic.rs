//! The static schema of a generic typed dict: one per instantiation.
//!
//! A generic item cannot hold a `static` per instantiation, and a schema's name
//! (`Page[ImageDetailTypeDef]`) is built from its arguments' names at run time, so each
//! instantiation's schema is built once, on first use, and leaked: a bounded leak, one
//! schema per type the program names.

use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use super::{TypedDictSchema, ValueType};

type Cache = Mutex<HashMap<TypeId, &'static TypedDictSchema>>;

fn cache() -> &'static Cache {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    CACHE.get_or_init(Cache::default)
}

/// The schema of the instantiation `S`, built by `build` on first use.
///
/// The lock is not held while building: a name refers to its arguments' schemas, which
/// may be instantiations of generic typed dicts themselves (`Page[Page[Tag]]`).
pub fn generic_schema<S: 'static>(
    build: impl FnOnce() -> TypedDictSchema,
) -> &'static TypedDictSchema {
    let key = TypeId::of::<S>();
    let lookup = |cache: &Cache| {
        cache
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
            .copied()
    };
    if let Some(schema) = lookup(cache()) {
        return schema;
    }
    let built = build();
    let mut cache = cache().lock().unwrap_or_else(PoisonError::into_inner);
    // Another thread may have built it meanwhile: the first one stays.
    cache
        .entry(key)
        .or_insert_with(|| Box::leak(Box::new(built)))
}

/// A generic typed dict's name as Python writes the instantiation: `Page[ImageDetailTypeDef]`.
pub fn generic_name(name: &str, arguments: &[&ValueType]) -> &'static str {
    let arguments: Vec<String> = arguments
        .iter()
        .map(|argument| argument.python().to_string())
        .collect();
    Box::leak(format!("{name}[{}]", arguments.join(", ")).into_boxed_str())
}
