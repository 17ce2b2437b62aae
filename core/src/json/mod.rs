//! The JSON layer every entry point shares, split as serde_json splits its own: `read`
//! (the grammar, byte by byte), `number` (what a number token means), `de` (a serde
//! `Deserializer` over `read`), `ser` (a serde `Serializer` writing compact JSON) and
//! `error` (where and why text stops being JSON, in serde_json's words).
//!
//! Decoding, validation and encoding import this module and nothing of each other's.

pub(crate) mod de;
pub(crate) mod error;
pub(crate) mod number;
pub(crate) mod read;
pub(crate) mod ser;

/// How deeply objects and lists may nest: serde_json's limit, kept by the serde path and
/// the walk alike so that both refuse the same documents.
pub(crate) const MAX_DEPTH: u8 = 128;
