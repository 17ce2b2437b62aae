//! `Blob`: Python's `bytes` (or a readable stream of them), a base64 string on the wire.

use std::fmt;
use std::io::Read;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schema::{TypedValue, ValueType};

/// Binary data: `Union[bytes, IO[bytes], StreamingBody]` upstream, standard base64 on the wire.
///
/// Built from bytes, a byte string, text (its UTF-8 bytes) or anything readable; written
/// as standard, padded base64, and read back from it (anything else is an
/// `invalid_base64` error at its path).
///
/// ```
/// use typed_dict::{typed_dict, Blob};
///
/// #[typed_dict]
/// pub struct UploadLayerPart {
///     pub layer_part_blob: Blob,
/// }
///
/// let from_bytes = Blob::from(b"layer");
/// let from_reader = Blob::from_reader(&b"layer"[..])?;
/// assert_eq!(from_bytes, from_reader);
/// assert_eq!(from_bytes.to_base64(), "bGF5ZXI=");
///
/// let part = UploadLayerPart::new(UploadLayerPartRequired { layer_part_blob: from_bytes });
/// let json = typed_dict::to_string(&part)?;
/// assert_eq!(json, r#"{"layerPartBlob":"bGF5ZXI="}"#);
/// let back: UploadLayerPart = typed_dict::from_str(&json)?;
/// assert_eq!(back.layer_part_blob.as_bytes(), b"layer");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Blob(Vec<u8>);

impl Blob {
    /// Reads a stream to its end.
    ///
    /// # Errors
    ///
    /// The first error the reader returns (other than `Interrupted`, which is retried).
    pub fn from_reader(mut reader: impl Read) -> std::io::Result<Self> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        Ok(Blob(bytes))
    }

    /// Decodes standard, padded base64 (the alphabet with `+` and `/`).
    ///
    /// ```
    /// use typed_dict::Blob;
    ///
    /// assert_eq!(Blob::from_base64("aGk=").unwrap().as_bytes(), b"hi");
    /// let error = Blob::from_base64("aGk").unwrap_err();
    /// assert_eq!(error.to_string(), "Invalid padding");
    /// ```
    ///
    /// # Errors
    ///
    /// A [`Base64Error`] saying what is wrong (a byte outside the alphabet and where, a
    /// length no padded base64 has, missing or misplaced padding).
    pub fn from_base64(text: &str) -> Result<Self, Base64Error> {
        STANDARD.decode(text).map(Blob).map_err(Base64Error)
    }

    /// The bytes as standard, padded base64.
    pub fn to_base64(&self) -> String {
        STANDARD.encode(&self.0)
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Gives the bytes back without copying.
    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

/// Text that is not standard, padded base64: the error of [`Blob::from_base64`].
///
/// Its `Display` says what is wrong and where, as the base64 decoder reports it.
///
/// ```
/// use typed_dict::{Base64Error, Blob};
///
/// assert_eq!(Blob::from_base64("aGk=").unwrap().as_bytes(), b"hi");
/// let error: Base64Error = Blob::from_base64("aGk").unwrap_err();
/// assert!(!error.to_string().is_empty());
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Base64Error(base64::DecodeError);

impl fmt::Debug for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Base64Error")
            .field(&format_args!("{}", self.0))
            .finish()
    }
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Base64Error {}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(bytes: Vec<u8>) -> Self {
        Blob(bytes)
    }
}

impl From<&[u8]> for Blob {
    fn from(bytes: &[u8]) -> Self {
        Blob(bytes.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for Blob {
    fn from(bytes: &[u8; N]) -> Self {
        Blob(bytes.to_vec())
    }
}

/// The UTF-8 bytes of the text (not base64: use [`Blob::from_base64`] for that).
impl From<&str> for Blob {
    fn from(text: &str) -> Self {
        Blob(text.as_bytes().to_vec())
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl Serialize for Blob {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_base64())
    }
}

struct BlobVisitor;

impl Visitor<'_> for BlobVisitor {
    type Value = Blob;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a base64 string")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Blob, E> {
        Blob::from_base64(text).map_err(|err| E::custom(format_args!("invalid base64: {err}")))
    }
}

impl<'de> Deserialize<'de> for Blob {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(BlobVisitor)
    }
}

impl TypedValue for Blob {
    const TYPE: ValueType = ValueType::Blob;
}
