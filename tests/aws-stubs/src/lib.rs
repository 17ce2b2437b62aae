//! Four real stub packages (types-aiobotocore `sqs`, `sts`, `dynamodb` and `events`
//! 3.10.0) declared with `#[typed_dict]` by `typed-dict-gen`, as a user gets them: one
//! module tree each, generated from the facts in `generator/tests/data/` with no layout of
//! their own (`layout.toml` here only names the four). `tests/conformance.rs` checks that
//! the checked-in code is what the generator writes and that every schema equals the stub
//! but for the deviations the generator reports.

pub mod dynamodb;
pub mod events;
pub mod sqs;
pub mod sts;
