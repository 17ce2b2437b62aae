//! `Sequence<T>` (input lists, read-only) and `List<T>` (output lists).

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schema::{TypedValue, ValueType};

/// `List[T]`: the output kind, a plain `Vec` the caller owns and may change.
///
/// What responses hold; it passes into a request's [`Sequence`] without copying. A list
/// read as a typed dict's value holds exactly its items (its capacity is its length): a
/// decoded document keeps no room it will not use, and is quicker to free.
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, List, Sequence};
///
/// #[typed_dict]
/// pub struct ListImagesResponse {
///     pub image_ids: List<String>,
/// }
///
/// #[typed_dict]
/// pub struct BatchDeleteImage {
///     pub image_ids: Sequence<String>,
/// }
///
/// let json = br#"{"imageIds": ["sha256:1", "sha256:2"]}"#;
/// let mut page: ListImagesResponse = typed_dict::decode(json, DecodeOptions::wire())?;
/// page.image_ids.retain(|id| id.ends_with('2')); // a Vec: the caller may change it
/// let request = BatchDeleteImage::new(BatchDeleteImageRequired {
///     image_ids: page.image_ids.into(),
/// });
/// assert_eq!(typed_dict::to_string(&request)?, r#"{"imageIds":["sha256:2"]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub type List<T> = Vec<T>;

/// `Sequence[T]`: the input kind. Read-only: it derefs to a slice and has no `push`.
///
/// Built from a `Vec` (no copy), an array, a slice of clonable items or any iterator.
/// Items convert on the way in, so a `List` of an output shape flows into a request
/// that wants a `Sequence` of its input counterpart:
///
/// ```
/// use typed_dict::Sequence;
/// let digests: Vec<String> = vec!["sha256:1".into()];
/// let input: Sequence<String> = digests.into(); // moves the Vec: no copy
/// let tags: Sequence<String> = ["latest", "v1"].into();
/// assert_eq!(input.len() + tags.len(), 3);
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Sequence<T>(Vec<T>);

impl<T> Sequence<T> {
    /// An empty sequence.
    pub const fn new() -> Self {
        Sequence(Vec::new())
    }

    /// The items as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// Gives the items back as a `Vec`, without copying.
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
}

impl<T> Default for Sequence<T> {
    fn default() -> Self {
        Sequence::new()
    }
}

impl<T> Deref for Sequence<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T> AsRef<[T]> for Sequence<T> {
    fn as_ref(&self) -> &[T] {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Sequence<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(&self.0).finish()
    }
}

/// From a `Vec` of items that convert into `T`. When the items already are `T`, the
/// standard library's in-place collection reuses the allocation, so a `List<T>` becomes a
/// `Sequence<T>` without copying.
impl<T, U: Into<T>> From<Vec<U>> for Sequence<T> {
    fn from(items: Vec<U>) -> Self {
        Sequence(items.into_iter().map(Into::into).collect())
    }
}

impl<T, U: Into<T>, const N: usize> From<[U; N]> for Sequence<T> {
    fn from(items: [U; N]) -> Self {
        Sequence(items.into_iter().map(Into::into).collect())
    }
}

impl<T, U: Clone + Into<T>> From<&[U]> for Sequence<T> {
    fn from(items: &[U]) -> Self {
        Sequence(items.iter().cloned().map(Into::into).collect())
    }
}

impl<T> FromIterator<T> for Sequence<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Sequence(items.into_iter().collect())
    }
}

impl<T> IntoIterator for Sequence<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Sequence<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Serialize> Serialize for Sequence<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sequence<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Sequence)
    }
}

impl<T: TypedValue> TypedValue for Sequence<T> {
    const TYPE: ValueType = ValueType::Sequence(&T::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_value(serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_vec(deserializer).map(Sequence)
    }
}
