#![doc = include_str!("../README.md")]
// docs.rs (nightly) marks each feature-gated item with the feature it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs, missing_debug_implementations)]

mod blob;
mod decode;
pub mod dict;
mod error;
mod interop;
mod json;
pub mod json_schema;
mod key;
mod literal;
mod options;
mod output;
#[cfg(feature = "proptest")]
pub mod proptest;
pub mod schema;
mod sequence;
mod timestamp;
mod union;
mod validate;

#[doc(hidden)]
#[allow(missing_debug_implementations)] // the generated code's helpers, not API
pub mod __private;

pub use blob::{Base64Error, Blob};
pub use decode::{decode, from_slice, from_str, DecodeSeed, Wire};
pub use dict::Dict;
pub use error::{DecodeError, ErrorKind, Escaped, MoreProblems, ReportDisplay, ValidationError};
pub use literal::{Literal, LiteralError, UnknownValue};
pub use options::{DecodeOptions, Mode, ModeError, OptionsScope};
pub use output::HasOutput;
pub use schema::{
    AliasSchema, FieldSchema, LiteralSchema, TypedDictSchema, TypedValue, UnionSchema, ValueType,
};
pub use sequence::{List, Sequence};
pub use timestamp::{Timestamp, TimestampError};
#[doc = include_str!("typed_dict_attribute.md")]
pub use typed_dict_macros::typed_dict;
pub use validate::{validate, validate_value, Report};

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

/// A type declared with `#[typed_dict]` on a struct: serde that keeps the typed dict's
/// contract, and a static schema.
///
/// Implemented by the macro only. Generic code takes `T: TypedDict` to decode, validate,
/// encode or describe any shape:
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, TypedDict};
///
/// #[typed_dict]
/// pub struct Tag {
///     pub key: String,
///     pub value: Option<String>,
/// }
///
/// /// The Required keys of any typed dict.
/// fn required<T: TypedDict>() -> Vec<&'static str> {
///     T::schema().required_keys().collect()
/// }
/// assert_eq!(required::<Tag>(), ["key"]);
///
/// fn is_valid<T: TypedDict>(json: &str) -> bool {
///     typed_dict::validate(json.as_bytes(), T::schema(), DecodeOptions::strict()).is_valid()
/// }
/// assert!(is_valid::<Tag>(r#"{"key": "team"}"#));
/// assert!(!is_valid::<Tag>(r#"{"value": "web"}"#));
/// ```
pub trait TypedDict: serde::Serialize + serde::de::DeserializeOwned + TypedValue {
    /// The static schema: name, keys in order, Required flags, value types.
    fn schema() -> &'static TypedDictSchema;
}

/// Encodes a typed dict as compact JSON, keys in declaration order, absent keys left out;
/// or any other value type (a `List` of typed dicts, a `Dict`, a literal), as
/// [`decode`] reads them.
///
/// ```
/// use typed_dict::{typed_dict, Sequence};
///
/// #[typed_dict]
/// pub struct DeleteImages {
///     pub repository_name: String,
///     pub registry_id: Option<String>,
///     pub image_ids: Sequence<String>,
/// }
///
/// let request = DeleteImages::new(DeleteImagesRequired {
///     repository_name: "web".into(),
///     image_ids: ["sha256:1"].into(),
/// });
/// assert_eq!(
///     typed_dict::to_string(&request)?,
///     r#"{"repositoryName":"web","imageIds":["sha256:1"]}"#
/// );
/// // Not only typed dicts: a page of them, a list of floats (never NaN as `null`).
/// let page = typed_dict::List::from(vec![request]);
/// assert!(typed_dict::to_string(&page)?.starts_with(r#"[{"repositoryName""#));
/// assert!(typed_dict::to_string(&vec![1.5, f64::NAN]).is_err());
/// # Ok::<(), typed_dict::serde_json::Error>(())
/// ```
///
/// # Errors
///
/// When a value JSON cannot hold: a float that is NaN or infinite (rather than the
/// `null` serde_json would write, which would turn a value into an absent key), or an
/// `extra` entry whose key the typed dict declares. The error names the value.
pub fn to_string<T: TypedValue>(value: &T) -> serde_json::Result<String> {
    json::ser::to_string(&__private::Encoded(value))
}

/// Encodes a typed dict (or any value type) as compact JSON bytes, keys in declaration
/// order, absent keys left out: [`to_string`] as bytes.
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct Score {
///     pub base_score: Option<f64>,
/// }
///
/// let score = Score::new().with_base_score(9.8);
/// assert_eq!(typed_dict::to_vec(&score)?, br#"{"baseScore":9.8}"#);
/// assert!(typed_dict::to_vec(&Score::new().with_base_score(f64::NAN)).is_err());
/// # Ok::<(), typed_dict::serde_json::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_string`]: a float JSON cannot hold, or an `extra` entry with a declared key.
pub fn to_vec<T: TypedValue>(value: &T) -> serde_json::Result<Vec<u8>> {
    json::ser::to_vec(&__private::Encoded(value))
}
