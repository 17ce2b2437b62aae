#![doc = include_str!("../README.md")]
#![warn(missing_docs)]
#![warn(missing_debug_implementations)]

mod blob;
mod decode;
mod dict;
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
#[allow(missing_debug_implementations)] // the generated code's helpers, not API
pub mod __private;

pub use blob::Blob;
pub use decode::{decode, from_slice, from_str, DecodeSeed, Wire};
pub use dict::Dict;
pub use error::{DecodeError, ErrorKind, Escaped, MoreProblems, ReportDisplay, ValidationError};
pub use literal::{Literal, LiteralError, UnknownValue};
pub use options::{DecodeOptions, Mode, ModeError, OptionsScope};
pub use output::Output;
pub use schema::{
    AliasSchema, FieldSchema, LiteralSchema, TypedDictSchema, UnionSchema, Value, ValueType,
};
pub use sequence::{List, Sequence};
pub use timestamp::{Timestamp, TimestampError};
#[doc = include_str!("typed_dict_attribute.md")]
pub use typed_dict_macros::typed_dict;
pub use validate::{validate, validate_value, Report};

/// Any JSON value: the value type of an `extra` field's `Dict<String, JsonValue>`, and
/// of keys typed `Any`. It is `serde_json::Value`.
pub use serde_json::Value as JsonValue;

/// A type declared with `#[typed_dict]` on a struct.
pub trait TypedDict: serde::Serialize + serde::de::DeserializeOwned + Value {
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
