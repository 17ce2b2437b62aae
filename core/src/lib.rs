#![doc = include_str!("../README.md")]
// docs.rs (nightly) marks each feature-gated item with the feature it needs.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs, missing_debug_implementations)]

/// Gives a trait the diagnostic of a type that is not a value type: `TypedValue`, and the
/// trait generated code names value types through (`__private::Value`), so that a field
/// of a type that is neither reads the same one error, whichever the compiler meets first.
macro_rules! on_unimplemented_value_type {
    ($($item:tt)*) => {
        #[diagnostic::on_unimplemented(
            message = "`{Self}` is not a typed dict value type",
            label = "not a typed dict value type",
            note = "value types are String, i64 (and the other integers of up to 64 bits), f64, f32, bool, Timestamp, Blob, JsonValue, Sequence<T>, List<T>, Dict<K, V>, HashMap<K, V>, BTreeMap<K, V>, Box<T>, and structs and enums declared with #[typed_dict]: declare `{Self}` with #[typed_dict]"
        )]
        $($item)*
    };
}
pub(crate) use on_unimplemented_value_type;

/// Calls `$each!` with every scalar value type (one that holds no other value type): the
/// one list for the traits each of them implements alike (its output is itself, it names
/// no typed dict).
macro_rules! for_each_scalar_type {
    ($each:ident) => {
        $each!(
            String,
            i8,
            i16,
            i32,
            i64,
            isize,
            u8,
            u16,
            u32,
            u64,
            usize,
            f64,
            f32,
            bool,
            $crate::Timestamp,
            $crate::Blob,
            $crate::ByteArray,
            $crate::Decimal,
            $crate::NoneType,
            serde_json::Value
        );
    };
}
pub(crate) use for_each_scalar_type;

mod blob;
mod constraint;
mod contract;
mod decode;
pub mod dict;
mod encode;
pub mod error;
mod flatten;
mod foreign;
mod interop;
mod json;
pub mod json_schema;
mod key;
mod literal;
mod mapping;
mod nullable;
pub mod options;
mod output;
#[cfg(feature = "proptest")]
pub mod proptest;
mod python_only;
mod python_values;
pub mod schema;
mod sequence;
mod set;
mod timestamp;
mod typed_de;
mod union;
mod validate;

#[doc(hidden)]
#[allow(missing_debug_implementations)] // the generated code's helpers, not API
pub mod __private;

// The macro finds this package as itself when it expands here, and writes
// `::typed_dict`: this makes that path resolve inside the library too.
extern crate self as typed_dict;

pub use blob::{Base64Error, Blob};
pub use decode::{decode, from_reader, from_slice, from_str, from_value, DecodeSeed, Wire};
pub use dict::Dict;
pub use encode::{
    to_string, to_string_pretty, to_value, to_vec, to_vec_pretty, to_writer, to_writer_pretty,
};
#[allow(deprecated)]
pub use error::DecodeError;
pub use error::{Error, ErrorKind, Result, ValidationError};
pub use literal::{Literal, LiteralError, UnknownValue};
pub use mapping::Mapping;
pub use nullable::{NoneType, Nullable};
pub use options::{DecodeOptions, Mode, ModeError};
pub use output::HasOutput;
pub use python_values::{ByteArray, Decimal};
pub use schema::{
    AliasSchema, FieldSchema, LiteralSchema, PythonOnlySchema, TypedDictSchema, TypedValue,
    UnionSchema, ValueType,
};
pub use sequence::{List, Sequence};
pub use set::Set;
pub use timestamp::{Timestamp, TimestampError};
#[doc = include_str!("typed_dict_attribute.md")]
pub use typed_dict_macros::typed_dict;
pub use validate::{validate, validate_schema, validate_value, Report};

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
///     typed_dict::validate_schema(json.as_bytes(), T::schema(), DecodeOptions::strict()).is_valid()
/// }
/// assert!(is_valid::<Tag>(r#"{"key": "team"}"#));
/// assert!(!is_valid::<Tag>(r#"{"value": "web"}"#));
/// ```
pub trait TypedDict: serde::Serialize + serde::de::DeserializeOwned + TypedValue {
    /// The static schema: name, keys in order, Required flags, value types.
    fn schema() -> &'static TypedDictSchema;
}
