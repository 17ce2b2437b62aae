//! Reliability tests of `typed-dict` and `ecr-types` (GitHub issue 5).
//!
//! The library part holds what the tests in `tests/` and the fuzz targets in `fuzz/`
//! share:
//!
//! - [`codecs`]: from each TypeDef (124 of the root, 181 of `latest`) to `decode::<T>`
//!   and `encode`;
//! - [`reference`](mod@reference): an independent checker of a JSON value against a static schema;
//! - [`oracle`]: the invariants every payload must keep (decode agrees with validate,
//!   round trips are stable, ...);
//! - [`strategy`]: proptest strategies derived from the static schema (feature
//!   `strategies`, on by default);
//! - [`mutate`]: deterministic value and byte mutations;
//! - [`fuzz`]: the fuzz targets' bodies ([`fuzz_one`]);
//! - [`fuzz_extra`]: the `encode_extra` target's body ([`fuzz_encode_extra`]): typed dicts
//!   with adversarial extra-items entries, encoded and decoded back;
//! - [`corpus`]: the shared corpus, JSONTestSuite's files among it;
//! - [`own_types`]: shapes of a Rust author's own (integer widths, std maps, IP addresses,
//!   generics, inheritance), checked like the TypeDefs.

pub mod codecs;
pub mod corpus;
pub mod fuzz;
pub mod fuzz_extra;
pub mod mutate;
pub mod oracle;
pub mod own_types;
pub mod reference;
#[cfg(feature = "strategies")]
pub mod strategy;
pub mod vocabulary;

pub use fuzz::{fuzz_decode, fuzz_one, fuzz_validate};
pub use fuzz_extra::fuzz_encode_extra;

/// Every key any ecr-types TypeDef (of either module) declares, and every literal value (dict keys can be
/// literals): generated objects draw their keys from here so they hit declared ones.
pub fn schema_keys() -> &'static [&'static str] {
    static KEYS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let mut keys: Vec<&'static str> = ecr_types::CATALOG
            .type_defs()
            .chain(ecr_types::latest::CATALOG.type_defs())
            .flat_map(|schema| schema.fields.iter().map(|field| field.key))
            .chain(
                ecr_types::CATALOG
                    .literals()
                    .chain(ecr_types::latest::CATALOG.literals())
                    .flat_map(|literal| literal.values.iter().copied()),
            )
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    })
}
