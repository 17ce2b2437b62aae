//! `Set<T>`: Python's `set[T]`, a list on the wire.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::output::HasOutput;
use crate::schema::{TypedValue, ValueType};

/// `set[T]`: what DynamoDB's value unions take for a string, number or binary set
/// (`set[str]`, `set[Decimal]`, `set[bytes]`). On the wire it is a list, as botocore
/// sends one; items are read and checked as a list's are, and kept in the order sent (a
/// list with an item given twice is read as sent: the service, not the reader, judges a
/// set's duplicates).
///
/// ```
/// use typed_dict::{typed_dict, Set, TypedDict};
///
/// #[typed_dict]
/// pub struct Tags {
///     pub names: Set<String>,
/// }
///
/// let tags: Tags = typed_dict::from_str(r#"{"names": ["a", "b"]}"#).unwrap();
/// assert_eq!(tags.names.as_slice(), ["a", "b"]);
/// assert_eq!(Tags::schema().fields[0].value.python().to_string(), "set[str]");
/// assert_eq!(typed_dict::to_string(&tags).unwrap(), r#"{"names":["a","b"]}"#);
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Set<T>(Vec<T>);

impl<T> Set<T> {
    /// An empty set.
    pub const fn new() -> Self {
        Set(Vec::new())
    }

    /// The items as a slice, in the order given.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// Gives the items back as a `Vec`, without copying.
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }
}

impl<T> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T> Deref for Set<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.0).finish()
    }
}

impl<T, U: Into<T>> From<Vec<U>> for Set<T> {
    fn from(items: Vec<U>) -> Self {
        Set(items.into_iter().map(Into::into).collect())
    }
}

impl<T, U: Into<T>, const N: usize> From<[U; N]> for Set<T> {
    fn from(items: [U; N]) -> Self {
        Set(items.into_iter().map(Into::into).collect())
    }
}

impl<T> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        Set(items.into_iter().collect())
    }
}

impl<T> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a Set<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Serialize> Serialize for Set<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Set<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer).map(Set)
    }
}

impl<T: TypedValue> TypedValue for Set<T> {
    const TYPE: ValueType = ValueType::Set(&T::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_value(serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_vec(deserializer).map(Set)
    }
}

impl<T: HasOutput> HasOutput for Set<T> {
    type Output = Set<T::Output>;

    fn into_input(output: Self::Output) -> Self {
        output.into_iter().map(T::into_input).collect()
    }
}
