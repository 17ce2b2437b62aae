#![doc = include_str!("../README.md")]
#![warn(missing_docs, missing_debug_implementations)]

mod blob;
mod decode;
pub mod dict;
mod error;
pub mod json_schema;
mod key;
mod literal;
mod options;
mod output;
pub mod schema;
mod sequence;
mod timestamp;
mod union;
mod validate;

#[doc(hidden)]
pub mod __private;

pub use blob::{Base64Error, Blob};
pub use decode::{decode, from_slice, from_str};
pub use dict::Dict;
pub use error::{DecodeError, ErrorKind, ValidationError};
pub use literal::{Literal, LiteralError, UnknownValue};
pub use options::{DecodeOptions, Mode};
pub use output::Output;
pub use schema::{
    AliasSchema, FieldSchema, LiteralSchema, TypedDictSchema, TypedValue, UnionSchema, ValueType,
};
pub use sequence::{List, Sequence};
pub use timestamp::{Timestamp, TimestampError};
#[doc = include_str!("typed_dict_attribute.md")]
pub use typed_dict_macros::typed_dict;
pub use validate::{validate, Report};

/// The `serde_json` this crate is built with, for the JSON values of `extra` fields and
/// [`JsonValue`] keys (`serde_json::json!`, `serde_json::Map`) and for the documents
/// [`json_schema`] returns, without a second, possibly mismatched, dependency.
///
/// ```
/// use typed_dict::{serde_json, JsonValue};
///
/// let value: JsonValue = serde_json::json!({"createdBy": "ci"});
/// assert_eq!(value["createdBy"], "ci");
/// ```
pub use serde_json;

/// Any JSON value: the value type of an `extra` field's `Dict<String, JsonValue>`, and
/// of keys typed `Any`. It is `serde_json::Value`.
pub use serde_json::Value as JsonValue;

/// A type declared with `#[typed_dict]` on a struct.
pub trait TypedDict: serde::Serialize + serde::de::DeserializeOwned + TypedValue {
    /// The static schema: name, keys in order, Required flags, value types.
    fn schema() -> &'static TypedDictSchema;
}

/// Encodes a typed dict as compact JSON, keys in declaration order.
pub fn to_string<T: TypedDict>(value: &T) -> serde_json::Result<String> {
    serde_json::to_string(value)
}

/// Encodes a typed dict as compact JSON bytes, keys in declaration order.
pub fn to_vec<T: TypedDict>(value: &T) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec(value)
}
