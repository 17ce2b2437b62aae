//! Four real stub packages (types-aiobotocore `sqs`, `sts`, `dynamodb` and `events`
//! 3.10.0) declared with `#[typed_dict]` by `typed-dict-gen`, as a user gets them: one
//! module tree each, generated from the facts in `generator/tests/data/` with no layout of
//! their own (`layout.toml` here only names the four); and `in_place`, keys as s3 and iam
//! write them (unions and literals written in place), from facts written in `in_place.json`.
//! `tests/conformance.rs` checks that
//! the checked-in code is what the generator writes and that every schema equals the stub
//! but for the deviations the generator reports. `generator/tools/conformance.sh` runs the
//! same test on a copy of this crate for any list of services.

use typed_dict::schema::PythonStyle;
use typed_dict::{LiteralSchema, TypedDictSchema, ValueType};

/// One generated service: its tables as the framework sees them.
pub struct Service {
    /// The release's name in `layout.toml`, which is its module's.
    pub name: &'static str,
    /// How the stub spells annotations.
    pub style: &'static PythonStyle,
    /// Every TypedDict's schema, in the stub's order.
    pub type_defs: &'static [fn() -> &'static TypedDictSchema],
    /// Every literal type, in the stub's order.
    pub literals: &'static [&'static LiteralSchema],
    /// Every alias, in the stub's order.
    pub aliases: &'static [&'static ValueType],
}

/// Declares each service's module and lists their tables, so that one line names them.
macro_rules! services {
    ($($name:ident),* $(,)?) => {
        $(pub mod $name;)*

        /// Every service of the crate, with its tables.
        pub fn services() -> Vec<Service> {
            vec![$(Service {
                name: stringify!($name),
                style: &$name::tables::PYTHON_STYLE,
                type_defs: &$name::tables::TYPE_DEFS,
                literals: &$name::tables::LITERALS,
                aliases: &$name::tables::ALIASES,
            }),*]
        }
    };
}

services!(sqs, sts, dynamodb, events, in_place);
