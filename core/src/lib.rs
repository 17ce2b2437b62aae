//! Python's `TypedDict` for Rust.
//!
//! One attribute, `#[typed_dict]`, on a struct declares a typed dict: Required keys
//! (plain types) and NotRequired keys (`Option<T>`), wire key names, input
//! [`Sequence`]s and output [`List`]s, [`Dict`]s, [`Timestamp`]s, [`Blob`]s, nested
//! typed dicts and literal types. On a fieldless enum it declares a `Literal[...]` type.
//! Everything else is derived from that one declaration:
//!
//! - serde `Serialize`/`Deserialize` (keys in declaration order, absent `None`s);
//! - a constructor that cannot leave a Required key out, and setters for the others;
//! - a static [`schema`] that renders each type as the upstream Python annotation;
//! - [decoding](decode()) that reports **every** problem with its JSON path, in a
//!   [strict](Mode::Strict) or [wire](Mode::Wire) mode;
//! - [JSON Schema](json_schema) and [markdown docs](docs).
//!
//! ```
//! use typed_dict::{typed_dict, Sequence};
//!
//! #[typed_dict]
//! pub struct TagTypeDef {
//!     #[typed_dict(key = "Key")]
//!     pub key: Option<String>,
//!     #[typed_dict(key = "Value")]
//!     pub value: Option<String>,
//! }
//!
//! #[typed_dict]
//! pub enum ImageTagMutabilityType {
//!     #[typed_dict(value = "MUTABLE")]
//!     Mutable,
//!     #[typed_dict(value = "IMMUTABLE")]
//!     Immutable,
//! }
//!
//! /// Required `repositoryName`, the rest NotRequired.
//! #[typed_dict]
//! pub struct CreateRepositoryRequestRequestTypeDef {
//!     pub repository_name: String,
//!     pub registry_id: Option<String>,
//!     pub tags: Option<Sequence<TagTypeDef>>,
//!     pub image_tag_mutability: Option<ImageTagMutabilityType>,
//! }
//!
//! let request = CreateRepositoryRequestRequestTypeDef::new(
//!     CreateRepositoryRequestRequestTypeDefRequired { repository_name: "web".into() },
//! )
//! .image_tag_mutability(ImageTagMutabilityType::Immutable);
//! let json = typed_dict::to_string(&request).unwrap();
//! assert_eq!(json, r#"{"repositoryName":"web","imageTagMutability":"IMMUTABLE"}"#);
//!
//! let error = typed_dict::from_str::<CreateRepositoryRequestRequestTypeDef>(
//!     r#"{"registryId": null, "imageTagMutability": "mutable"}"#,
//! )
//! .unwrap_err();
//! assert_eq!(error.errors().len(), 3);
//! ```

#![warn(missing_docs)]

mod blob;
mod decode;
mod dict;
pub mod docs;
mod error;
pub mod json_schema;
mod key;
mod literal;
mod options;
mod output;
pub mod schema;
mod sequence;
mod timestamp;
mod validate;

#[doc(hidden)]
pub mod __private;

pub use blob::Blob;
pub use decode::{decode, from_slice, from_str, DecodeSeed, Wire};
pub use dict::Dict;
pub use error::{DecodeError, ErrorKind, MoreProblems, ValidationError};
pub use literal::{Literal, LiteralError};
pub use options::{DecodeOptions, Mode, OptionsScope};
pub use output::Output;
pub use schema::{FieldSchema, LiteralSchema, TypedDictSchema, Value, ValueType};
pub use sequence::{List, Sequence};
pub use timestamp::{Timestamp, TimestampError};
pub use typed_dict_macros::typed_dict;
pub use validate::{validate, validate_value, Report};

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
