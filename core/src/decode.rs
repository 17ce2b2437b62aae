//! One call from JSON to a typed dict (or a list or dict of them): the serde fast path for
//! valid input (the JSON layer's deserializer, on the reader the walk reads with, so both
//! read one grammar), the schema walk for every error of invalid input.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use serde::de::{Deserialize, DeserializeOwned, DeserializeSeed, Deserializer};
use serde::{Serialize, Serializer};

use crate::error::{Error, ErrorKind, Result};
use crate::json::de as parser;
use crate::json::read::Lexer;
use crate::options::{DecodeOptions, Scope};
use crate::schema::{TypedValue, ValueType};
use crate::validate::{check, Expected};

/// Decodes JSON text in strict mode: [`decode`] with [`DecodeOptions::strict`], for text
/// already in a `str`.
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
///     #[typed_dict(key = "Value")]
///     pub value: Option<String>,
/// }
///
/// let tag: TagTypeDef = typed_dict::from_str(r#"{"Key": "team"}"#).unwrap();
/// assert_eq!((tag.key.as_str(), tag.value), ("team", None));
/// // Strict mode: null is no value, even for a NotRequired key.
/// let error = typed_dict::from_str::<TagTypeDef>(r#"{"Key": "team", "Value": null}"#).unwrap_err();
/// assert_eq!(error.errors()[0].path, "$.Value");
/// ```
///
/// # Errors
///
/// An [`Error`] listing every problem (up to
/// [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors), the rest counted),
/// each with its JSON path: input that is not UTF-8 or not JSON (alone, with its line and
/// column), missing Required keys, values of the wrong type, `null` in strict mode,
/// unknown literal values, bad timestamps or base64, numbers out of range, duplicate keys,
/// and unknown keys in closed typed dicts or with
/// [`deny_unknown`](crate::DecodeOptions::deny_unknown).
pub fn from_str<T: TypedValue + DeserializeOwned>(json: &str) -> Result<T> {
    decode_from(Lexer::for_text(json), DecodeOptions::strict())
}

/// Decodes JSON bytes in strict mode: [`decode`] with [`DecodeOptions::strict`].
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let tag: TagTypeDef = typed_dict::from_slice(br#"{"Key": "team"}"#).unwrap();
/// assert_eq!(tag.key, "team");
/// let error = typed_dict::from_slice::<TagTypeDef>(b"{\"Key\": \"\xff\"}").unwrap_err();
/// assert_eq!(error.errors()[0].kind.code(), "malformed_json");
/// ```
///
/// # Errors
///
/// An [`Error`] listing every problem (up to
/// [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors), the rest counted),
/// each with its JSON path: input that is not UTF-8 or not JSON (alone, with its line and
/// column), missing Required keys, values of the wrong type, `null` in strict mode,
/// unknown literal values, bad timestamps or base64, numbers out of range, duplicate keys,
/// and unknown keys in closed typed dicts or with
/// [`deny_unknown`](crate::DecodeOptions::deny_unknown).
pub fn from_slice<T: TypedValue + DeserializeOwned>(json: &[u8]) -> Result<T> {
    decode(json, DecodeOptions::strict())
}

/// Decodes JSON bytes with the given options.
///
/// `T` is a typed dict, or any typed-dict value type at the top, as pydantic's
/// `TypeAdapter(list[X])`: `List<X>`, `Sequence<X>`, `Dict<String, X>`. Valid input costs
/// one serde pass. Invalid input is walked once more to report every problem with its
/// JSON path; no partly-filled value is ever returned.
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, List};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let tags: List<TagTypeDef> = typed_dict::decode(br#"[{"Key": "a"}]"#, DecodeOptions::strict()).unwrap();
/// assert_eq!(tags[0].key, "a");
///
/// let error = typed_dict::decode::<List<TagTypeDef>>(br#"[{"Key": "a"}, {"Key": 2}, {}]"#, DecodeOptions::strict())
///     .unwrap_err();
/// assert_eq!(error.to_string(), "2 validation errors for list[TagTypeDef]\n  \
///     $[1].Key: expected str, got int [wrong_type]\n  \
///     $[2].Key: missing required key `Key` [missing_key]");
/// ```
///
/// # Errors
///
/// An [`Error`] listing every problem (up to
/// [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors), the rest counted),
/// each with its JSON path: input that is not UTF-8 or not JSON (alone, with its line and
/// column), missing Required keys, values of the wrong type, `null` in strict mode,
/// unknown literal values, bad timestamps or base64, numbers out of range, duplicate keys,
/// and unknown keys in closed typed dicts or with
/// [`deny_unknown`](crate::DecodeOptions::deny_unknown).
pub fn decode<T: TypedValue + DeserializeOwned>(json: &[u8], options: DecodeOptions) -> Result<T> {
    decode_from(Lexer::new(json), options)
}

/// [`decode`] of the text `lex` reads. The reader checks UTF-8 as it goes, skipped strings
/// included: input the fast path took is UTF-8, and the walk reports a bad byte anywhere
/// in input it did not take.
fn decode_from<T: TypedValue + DeserializeOwned>(
    lex: Lexer<'_>,
    options: DecodeOptions,
) -> Result<T> {
    match fast_path(lex, options) {
        Ok(value) if options.constraints => {
            constrained(lex, const { &T::TYPE }, options).map(|()| value)
        }
        Ok(value) => Ok(value),
        Err(fast_error) => Err(slow_path(lex, const { &T::TYPE }, options, fast_error)),
    }
}

/// With constraints on, a payload the fast path took is walked once more if its type has
/// any constraint to check: the walk is where constraints are checked, so decoding and
/// validation report the same violations, and decoding without them costs nothing more.
#[cold]
fn constrained(
    lex: Lexer<'_>,
    value_type: &'static ValueType,
    options: DecodeOptions,
) -> Result<()> {
    if crate::constraint::reachable(value_type) {
        check(lex, Expected::Value(value_type), options).into_result()?;
    }
    Ok(())
}

fn fast_path<T: TypedValue>(
    lex: Lexer<'_>,
    options: DecodeOptions,
) -> std::result::Result<T, parser::Error> {
    let _scope = Scope::enter(options);
    parser::from_lexer_seed(lex, crate::typed_de::ValueSeed::<T>::new())
}

/// Why the fast path failed, in full: every error the walk finds. Not generic (the type
/// is its `value_type`), so a crate decoding thousands of shapes compiles it once.
#[cold]
fn slow_path(
    lex: Lexer<'_>,
    value_type: &'static ValueType,
    options: DecodeOptions,
    fast_error: parser::Error,
) -> Error {
    if let Err(error) = check(lex, Expected::Value(value_type), options).into_result() {
        return error;
    }
    // The walk and the fast path disagree: report the parser's words, never `Ok`.
    Error::document(
        Expected::Value(value_type).type_name(),
        ErrorKind::Other,
        fast_error.to_string(),
    )
}

/// What error reports call the top value: a typed dict's name, or the Python annotation.
fn top_name<T: TypedValue>() -> Cow<'static, str> {
    let value_type: &'static ValueType = const { &T::TYPE };
    Expected::Value(value_type).type_name()
}

/// Decodes JSON from a reader in strict mode, as `serde_json::from_reader` does: the
/// whole input is read first (a typed dict's errors are reported all at once, which needs
/// all of it), then decoded as [`from_slice`] does. Wrap a slow reader (a file, a socket)
/// in a `BufReader` or not: it is read in large blocks either way.
///
/// ```
/// use typed_dict::typed_dict;
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let tag: TagTypeDef = typed_dict::from_reader(&br#"{"Key": "team"}"#[..])?;
/// assert_eq!(tag.key, "team");
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`from_slice`], and an [`Error`] of kind [`ErrorKind::Io`] (its
/// [`is_io`](Error::is_io) is true) when reading fails.
pub fn from_reader<R: std::io::Read, T: TypedValue + DeserializeOwned>(mut reader: R) -> Result<T> {
    let mut json = Vec::new();
    if let Err(error) = reader.read_to_end(&mut json) {
        return Err(Error::io(top_name::<T>(), &error));
    }
    from_slice(&json)
}

/// Decodes a [`JsonValue`](crate::JsonValue) in strict mode, as `serde_json::from_value`
/// does, with every problem at its path as [`from_slice`] reports them (the value is read
/// as the JSON text it stands for; an object's keys in the map's order).
///
/// ```
/// use typed_dict::{serde_json::json, typed_dict};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let tag: TagTypeDef = typed_dict::from_value(json!({"Key": "team"}))?;
/// assert_eq!(tag.key, "team");
/// let error = typed_dict::from_value::<TagTypeDef>(json!({"Key": null})).unwrap_err();
/// assert_eq!(error.errors()[0].path, "$.Key");
/// # Ok::<(), typed_dict::Error>(())
/// ```
///
/// # Errors
///
/// As [`from_slice`].
pub fn from_value<T: TypedValue + DeserializeOwned>(value: crate::JsonValue) -> Result<T> {
    // A `Value` cannot hold what its text would not say (no NaN, no duplicate keys), so
    // the round trip through text loses nothing and keeps one contract for both.
    let json = crate::json::ser::to_vec(&value).map_err(Error::encode)?;
    from_slice(&json)
}

/// Deserializes a `T` with the given options through any serde deserializer: a
/// [`DeserializeSeed`] for serde calls this crate does not make.
///
/// The options apply to every typed dict inside `T` (a list of them, your own struct
/// holding one). Errors are the deserializer's, first problem only; for every problem
/// with its path, use [`decode`].
///
/// `T` is read through its own `Deserialize` (so that `T` may be any serde type holding
/// typed dicts), not through [`TypedValue::deserialize_value`](crate::TypedValue): inside
/// a typed dict every value is read the crate's way, but a std `HashMap` or `BTreeMap` at
/// the top of `T` (or in serde's own containers there, `Vec<HashMap<..>>`) keeps serde's
/// last value of a key given twice, where [`decode`] refuses it. A union read through a
/// deserializer other than this crate's buffers its value as a [`JsonValue`](crate::JsonValue),
/// whose maps keep the last value too. The same holds for [`Wire`].
///
/// ```
/// use serde::de::DeserializeSeed;
/// use typed_dict::{typed_dict, DecodeOptions, DecodeSeed, List};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: Option<String>,
/// }
///
/// let json = r#"[{"Key": null}, {"Key": "a"}]"#;
/// let mut deserializer = serde_json::Deserializer::from_str(json);
/// let tags = DecodeSeed::<List<TagTypeDef>>::new(DecodeOptions::wire())
///     .deserialize(&mut deserializer)
///     .unwrap();
/// assert_eq!(tags[0].key, None);
/// assert_eq!(tags[1].key.as_deref(), Some("a"));
///
/// let mut strict = serde_json::Deserializer::from_str(json);
/// assert!(DecodeSeed::<List<TagTypeDef>>::new(DecodeOptions::strict())
///     .deserialize(&mut strict)
///     .is_err());
/// ```
pub struct DecodeSeed<T> {
    options: DecodeOptions,
    value: PhantomData<fn() -> T>,
}

impl<T> DecodeSeed<T> {
    /// A seed for one `T`, read with `options`.
    pub const fn new(options: DecodeOptions) -> Self {
        DecodeSeed {
            options,
            value: PhantomData,
        }
    }
}

impl<T> Clone for DecodeSeed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for DecodeSeed<T> {}

impl<T> fmt::Debug for DecodeSeed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeSeed")
            .field("options", &self.options)
            .finish()
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for DecodeSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        let _scope = Scope::enter(self.options);
        T::deserialize(deserializer)
    }
}

/// A `T` that deserializes in wire mode wherever it stands: in your own serde struct, or
/// as the body type of a web framework's JSON extractor (`Json<Wire<T>>`). It serializes
/// as `T`, and derefs to it.
///
/// ```
/// use serde::Deserialize;
/// use typed_dict::{typed_dict, Wire};
///
/// #[typed_dict]
/// pub struct PageTypeDef {
///     #[typed_dict(wire_optional)]
///     pub next_token: Option<String>,
/// }
///
/// #[derive(Deserialize)]
/// struct Envelope {
///     page: Wire<PageTypeDef>,
/// }
///
/// let envelope: Envelope = serde_json::from_str(r#"{"page": {}}"#).unwrap();
/// assert_eq!(envelope.page.next_token, None);
/// assert!(serde_json::from_str::<PageTypeDef>("{}").is_err(), "strict elsewhere");
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Wire<T>(pub T);

impl<T> Wire<T> {
    /// The value inside.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Wire<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Wire<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Wire<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let options = DecodeOptions::current().mode(crate::options::Mode::Wire);
        DecodeSeed::<T>::new(options)
            .deserialize(deserializer)
            .map(Wire)
    }
}

impl<T: Serialize> Serialize for Wire<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}
