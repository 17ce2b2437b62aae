//! `Mapping<K, V>`: the input (read-only) dict, as [`Sequence`](crate::Sequence) is the
//! input list.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::output::HasOutput;
use crate::schema::{TypedValue, ValueType};
use crate::Dict;

/// `Mapping[K, V]`: the input kind of a dict. Read-only: it derefs to a [`Dict`] and has
/// no `insert`. On the wire it is a `dict[K, V]`, with the same keys, order and errors; a
/// typed dict's output variant holds a `Dict<K, V>` (rendering `dict[K, V]`) in its place.
///
/// Built from a `Dict` (values convert on the way in), an array of pairs, std's maps or
/// any iterator of pairs, so what a response returned flows into the next request:
///
/// ```
/// use typed_dict::{typed_dict, Dict, Mapping, TypedDict};
///
/// #[typed_dict(output = PutObjectOutput)]
/// #[allow(non_snake_case)]
/// pub struct PutObject {
///     pub Metadata: Option<Mapping<String, String>>,
/// }
///
/// let request = PutObject::new().with_Metadata([("team", "infra")]);
/// assert_eq!(typed_dict::to_string(&request)?, r#"{"Metadata":{"team":"infra"}}"#);
/// assert_eq!(request.Metadata.as_ref().unwrap()["team"], "infra");
///
/// let field = PutObject::schema().field("Metadata").unwrap();
/// assert_eq!(field.value.python().to_string(), "Mapping[str, str]");
/// let output = PutObjectOutput::schema().field("Metadata").unwrap();
/// assert_eq!(output.value.python().to_string(), "dict[str, str]");
///
/// let returned: PutObjectOutput = typed_dict::from_str(r#"{"Metadata": {"a": "b"}}"#)?;
/// let metadata: Dict<String, String> = returned.Metadata.clone().unwrap();
/// let again = PutObject::from(returned);
/// assert_eq!(again.Metadata.unwrap().into_dict(), metadata);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Mapping<K, V>(Dict<K, V>);

impl<K, V> Mapping<K, V> {
    /// An empty mapping.
    pub fn new() -> Self {
        Mapping(Dict::new())
    }

    /// The entries as a [`Dict`].
    pub fn as_dict(&self) -> &Dict<K, V> {
        &self.0
    }

    /// Gives the entries back as a [`Dict`], without copying.
    pub fn into_dict(self) -> Dict<K, V> {
        self.0
    }
}

impl<K, V> Default for Mapping<K, V> {
    fn default() -> Self {
        Mapping::new()
    }
}

impl<K: Clone, V: Clone> Clone for Mapping<K, V> {
    fn clone(&self) -> Self {
        Mapping(self.0.clone())
    }
}

/// Equal when the entries are, in any order (as `Dict`'s own equality).
impl<K: Hash + Eq, V: PartialEq> PartialEq for Mapping<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<K: Hash + Eq, V: Eq> Eq for Mapping<K, V> {}

impl<K, V> Deref for Mapping<K, V> {
    type Target = Dict<K, V>;

    fn deref(&self) -> &Dict<K, V> {
        &self.0
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Mapping<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// From a `Dict` of values that convert into `V` (an output dict's values into their input
/// counterparts), in its order.
impl<K: Hash + Eq, V, U: Into<V>> From<Dict<K, U>> for Mapping<K, V> {
    fn from(entries: Dict<K, U>) -> Self {
        Mapping(
            entries
                .into_iter()
                .map(|(key, value)| (key, value.into()))
                .collect(),
        )
    }
}

impl<K: Hash + Eq, V, KI: Into<K>, VI: Into<V>, const N: usize> From<[(KI, VI); N]>
    for Mapping<K, V>
{
    fn from(entries: [(KI, VI); N]) -> Self {
        Mapping(Dict::from(entries))
    }
}

impl<K: Hash + Eq, V, S: BuildHasher> From<HashMap<K, V, S>> for Mapping<K, V> {
    fn from(entries: HashMap<K, V, S>) -> Self {
        Mapping(Dict::from(entries))
    }
}

impl<K: Hash + Eq, V> From<BTreeMap<K, V>> for Mapping<K, V> {
    fn from(entries: BTreeMap<K, V>) -> Self {
        Mapping(Dict::from(entries))
    }
}

impl<K: Hash + Eq, V> FromIterator<(K, V)> for Mapping<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Mapping(entries.into_iter().collect())
    }
}

impl<K, V> IntoIterator for Mapping<K, V> {
    type Item = (K, V);
    type IntoIter = <Dict<K, V> as IntoIterator>::IntoIter;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Mapping<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = crate::dict::Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Mapping<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, K: Deserialize<'de> + Hash + Eq, V: Deserialize<'de>> Deserialize<'de> for Mapping<K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Dict::deserialize(deserializer).map(Mapping)
    }
}

impl<K: TypedValue + Hash + Eq, V: TypedValue> TypedValue for Mapping<K, V> {
    const TYPE: ValueType = ValueType::Mapping(&K::TYPE, &V::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_value(serializer)
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Dict::deserialize_value(deserializer).map(Mapping)
    }
}

/// What a service returns for a `Mapping` is a `Dict` of the values' outputs.
impl<K: Hash + Eq, V: HasOutput> HasOutput for Mapping<K, V> {
    type Output = Dict<K, V::Output>;

    fn into_input(output: Self::Output) -> Self {
        Mapping(<Dict<K, V> as HasOutput>::into_input(output))
    }
}
