//! `Dict<K, V>`: a JSON object with uniform values, rejecting duplicate keys.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::__private::Encoded;
use crate::schema::{TypedValue, ValueType};

/// `Dict[K, V]`. Keys are `String` or a literal type; entries iterate in key order.
///
/// It derefs to a `BTreeMap`. Unlike serde's own map impls it rejects a key given twice
/// instead of silently keeping the last value.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dict<K, V>(BTreeMap<K, V>);

impl<K, V> Dict<K, V> {
    /// An empty dict.
    pub const fn new() -> Self {
        Dict(BTreeMap::new())
    }

    /// Gives the entries back as a `BTreeMap`.
    pub fn into_inner(self) -> BTreeMap<K, V> {
        self.0
    }
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K, V> Deref for Dict<K, V> {
    type Target = BTreeMap<K, V>;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<K, V> DerefMut for Dict<K, V> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<K, V> From<BTreeMap<K, V>> for Dict<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        Dict(map)
    }
}

impl<K: Ord, V, KI: Into<K>, VI: Into<V>, const N: usize> From<[(KI, VI); N]> for Dict<K, V> {
    fn from(entries: [(KI, VI); N]) -> Self {
        entries
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect()
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for Dict<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Dict(entries.into_iter().collect())
    }
}

impl<K, V> IntoIterator for Dict<K, V> {
    type Item = (K, V);
    type IntoIter = std::collections::btree_map::IntoIter<K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a Dict<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::collections::btree_map::Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<K: Serialize, V: Serialize> Serialize for Dict<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, K, V> Deserialize<'de> for Dict<K, V>
where
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DictVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for DictVisitor<K, V>
        where
            K: Deserialize<'de> + Ord,
            V: Deserialize<'de>,
        {
            type Value = Dict<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = BTreeMap::new();
                while let Some(key) = access.next_key()? {
                    let value = access.next_value()?;
                    if map.insert(key, value).is_some() {
                        return Err(A::Error::custom("duplicate key in object"));
                    }
                }
                Ok(Dict(map))
            }
        }

        deserializer.deserialize_map(DictVisitor(PhantomData))
    }
}

impl<K: TypedValue + Ord, V: TypedValue> TypedValue for Dict<K, V> {
    const TYPE: ValueType = ValueType::Dict(&K::TYPE, &V::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, Encoded(value))))
    }
}
