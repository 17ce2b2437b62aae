//! From values to JSON, with serde_json's entry points: compact or pretty, to a `String`,
//! a `Vec<u8>`, an `io::Write` or a [`JsonValue`]. Any `Serialize` is accepted, as
//! serde_json accepts it (a struct of your own holding typed dicts), and the contract holds
//! at any depth: what encodes decodes back to itself, so a float JSON cannot hold is an
//! error rather than the `null` serde_json writes.

use std::io;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::json::ser;
use crate::JsonValue;

/// Encodes a typed dict as compact JSON, keys in declaration order, absent keys left out;
/// or any other value (a `List` of typed dicts, a `Dict`, a literal, a struct of your own
/// that holds typed dicts), as serde_json would.
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
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// When a value JSON cannot hold: a float that is NaN or infinite (rather than the `null`
/// serde_json would write, which would turn a value into an absent key), an `extra` entry
/// whose key the typed dict declares, a map key that is not a string or number, or an
/// error of a `Serialize` impl. The error's kind is [`ErrorKind::Unencodable`](crate::ErrorKind::Unencodable)
/// and its message names the value.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    ser::to_string(value).map_err(Error::encode)
}

/// Encodes a value as compact JSON bytes: [`to_string`] as bytes.
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
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_string`].
pub fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    ser::to_vec(value).map_err(Error::encode)
}

/// Encodes a value as compact JSON into a writer. The JSON is made whole first and then
/// written at once, so a value that cannot be encoded writes nothing.
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct Tag {
///     pub key: String,
/// }
///
/// let mut out = Vec::new();
/// typed_dict::to_writer(&mut out, &Tag::new(TagRequired { key: "team".into() }))?;
/// assert_eq!(out, br#"{"key":"team"}"#);
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_string`], and an [`Error`] of kind [`ErrorKind::Io`](crate::ErrorKind::Io)
/// when writing fails.
pub fn to_writer<W: io::Write, T: Serialize + ?Sized>(writer: W, value: &T) -> Result<()> {
    write_all(writer, &to_vec(value)?)
}

/// Encodes a value as pretty-printed JSON: two spaces a level, byte for byte what
/// `serde_json::to_string_pretty` writes for the same value.
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct Tag {
///     pub key: String,
///     pub values: Vec<String>,
/// }
///
/// let tag = Tag::new(TagRequired { key: "team".into(), values: vec![] });
/// assert_eq!(typed_dict::to_string_pretty(&tag)?, "{\n  \"key\": \"team\",\n  \"values\": []\n}");
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_string`].
pub fn to_string_pretty<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let bytes = to_vec_pretty(value)?;
    // The layout adds only ASCII between whole pieces of UTF-8 text.
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// Encodes a value as pretty-printed JSON bytes: [`to_string_pretty`] as bytes.
///
/// # Errors
///
/// As [`to_string`].
pub fn to_vec_pretty<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>> {
    Ok(ser::pretty(&to_vec(value)?))
}

/// Encodes a value as pretty-printed JSON into a writer, made whole first as
/// [`to_writer`] does.
///
/// # Errors
///
/// As [`to_writer`].
pub fn to_writer_pretty<W: io::Write, T: Serialize + ?Sized>(writer: W, value: &T) -> Result<()> {
    write_all(writer, &to_vec_pretty(value)?)
}

/// Encodes a value as a [`JsonValue`], as `serde_json::to_value` does (an object's keys
/// in `serde_json::Map`'s order), refusing what JSON cannot hold as [`to_string`] does.
///
/// ```
/// use typed_dict::{serde_json::json, typed_dict};
///
/// #[typed_dict]
/// pub struct Tag {
///     pub key: String,
///     pub value: Option<String>,
/// }
///
/// let tag = Tag::new(TagRequired { key: "team".into() });
/// assert_eq!(typed_dict::to_value(&tag)?, json!({"key": "team"}));
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`to_string`].
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsonValue> {
    // Through the text: the one writer decides what is encodable, and serde_json reads
    // its own output back without loss.
    let json = to_vec(value)?;
    serde_json::from_slice(&json).map_err(Error::encode)
}

fn write_all<W: io::Write>(mut writer: W, json: &[u8]) -> Result<()> {
    writer
        .write_all(json)
        .and_then(|()| writer.flush())
        .map_err(|error| Error::io("", &error))
}
