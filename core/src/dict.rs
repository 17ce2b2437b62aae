//! `Dict<K, V>`: a JSON object with uniform values, in insertion order, rejecting
//! duplicate keys.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ops::Index;

use indexmap::IndexMap;
use serde::de::{Error as _, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::__private::Encoded;
use crate::schema::{TypedValue, ValueType};

/// `Dict[K, V]`: keys `String` or a literal type, entries **in insertion order**, as a
/// Python `dict` keeps them.
///
/// - Decoding keeps the order of the JSON object and encoding writes it back, so a
///   decoded-then-encoded dict is the object it was read from.
/// - A key given twice in one object is an error (serde's own map impls silently keep the
///   last value).
/// - [`insert`](Dict::insert) of a key already present replaces the value where it
///   stands; [`remove`](Dict::remove) keeps the order of the others; a new key goes last.
/// - `==` ignores order, as Python's `dict ==` does: two dicts are equal when they hold
///   the same entries. Compare `a.iter().eq(b.iter())` for order too.
/// - Keys are hashed with the standard library's randomly seeded hasher, so keys chosen by
///   whoever wrote the JSON cannot degrade lookups.
/// - Inside is an [`indexmap`](https://docs.rs/indexmap) `IndexMap` (a private detail: no
///   indexmap type is in the API): lookup, insert and `entry` take constant time on
///   average, `remove` takes time in the number of entries after the removed one (it
///   keeps the others' order), iteration is as fast as over a `Vec`.
///
/// ```
/// use typed_dict::{typed_dict, Dict};
///
/// #[typed_dict]
/// pub struct Image {
///     pub labels: Dict<String, String>,
/// }
///
/// let json = r#"{"labels":{"team":"web","env":"prod","app":"shop"}}"#;
/// let mut image: Image = typed_dict::from_str(json)?;
/// assert_eq!(image.labels["env"], "prod");
/// assert_eq!(image.labels.keys().collect::<Vec<_>>(), ["team", "env", "app"]);
/// assert_eq!(typed_dict::to_string(&image)?, json);
///
/// image.labels.insert("env".into(), "dev".into()); // keeps its place
/// image.labels.insert("owner".into(), "ana".into()); // goes last
/// assert_eq!(image.labels.remove("team"), Some("web".to_owned()));
/// assert_eq!(
///     typed_dict::to_string(&image)?,
///     r#"{"labels":{"env":"dev","app":"shop","owner":"ana"}}"#
/// );
///
/// // A key twice in one object is an error, not a silent overwrite.
/// assert!(typed_dict::from_str::<Image>(r#"{"labels":{"a":"1","a":"2"}}"#).is_err());
///
/// // Equality ignores order, like Python's.
/// let ab = Dict::<String, i64>::from([("a", 1), ("b", 2)]);
/// let ba = Dict::<String, i64>::from([("b", 2), ("a", 1)]);
/// assert_eq!(ab, ba);
/// assert!(!ab.iter().eq(ba.iter()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Dict<K, V>(IndexMap<K, V>);

impl<K, V> Dict<K, V> {
    /// An empty dict.
    pub fn new() -> Self {
        Dict(IndexMap::new())
    }

    /// An empty dict with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        Dict(IndexMap::with_capacity(capacity))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The entries, in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.0.iter())
    }

    /// The entries, in order, values mutable.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.0.iter_mut())
    }

    /// The keys, in order.
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys(self.0.keys())
    }

    /// The values, in key order.
    pub fn values(&self) -> Values<'_, K, V> {
        Values(self.0.values())
    }

    /// The values, in key order, mutable.
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut(self.0.values_mut())
    }

    /// The first entry, if any.
    pub fn first(&self) -> Option<(&K, &V)> {
        self.0.first()
    }

    /// The last entry, if any.
    pub fn last(&self) -> Option<(&K, &V)> {
        self.0.last()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// Keeps the entries for which `keep` returns `true`, in their order.
    pub fn retain(&mut self, keep: impl FnMut(&K, &mut V) -> bool) {
        self.0.retain(keep);
    }
}

impl<K: Hash + Eq, V> Dict<K, V> {
    /// The value of `key`, if present.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.get(key)
    }

    /// The value of `key`, mutable, if present.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.get_mut(key)
    }

    /// The stored key and value of `key`, if present.
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.get_key_value(key)
    }

    /// Whether `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.contains_key(key)
    }

    /// Sets `key` to `value`, returning the value it replaces. A key already present
    /// keeps its place (as `d[k] = v` in Python); a new key goes last.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.0.insert(key, value)
    }

    /// Removes `key`, returning its value; the other entries keep their order (as
    /// `del d[k]` in Python). Takes time proportional to the entries after it.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.shift_remove(key)
    }

    /// Removes `key`, returning the stored key and its value; the other entries keep
    /// their order.
    pub fn remove_entry<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.0.shift_remove_entry(key)
    }

    /// The entry of `key`, present or not, to read, insert or change in place: a new key
    /// goes last.
    ///
    /// ```
    /// use typed_dict::Dict;
    ///
    /// let mut counts = Dict::<String, i64>::new();
    /// for word in ["b", "a", "b"] {
    ///     *counts.entry(word.into()).or_default() += 1;
    /// }
    /// assert_eq!(counts.into_iter().collect::<Vec<_>>(), [("b".into(), 2), ("a".into(), 1)]);
    /// ```
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        Entry(self.0.entry(key))
    }
}

/// One key's entry in a [`Dict`], present or not: [`Dict::entry`].
pub struct Entry<'a, K, V>(indexmap::map::Entry<'a, K, V>);

impl<'a, K, V> Entry<'a, K, V> {
    /// The entry's key.
    pub fn key(&self) -> &K {
        self.0.key()
    }

    /// The value, inserting `default` (last) when the key is absent.
    pub fn or_insert(self, default: V) -> &'a mut V {
        self.0.or_insert(default)
    }

    /// The value, inserting `default()` (last) when the key is absent.
    pub fn or_insert_with(self, default: impl FnOnce() -> V) -> &'a mut V {
        self.0.or_insert_with(default)
    }

    /// The value, inserting `V::default()` (last) when the key is absent.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.0.or_default()
    }

    /// Changes the value in place when the key is present.
    pub fn and_modify(self, change: impl FnOnce(&mut V)) -> Self {
        Entry(self.0.and_modify(change))
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Entry<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<K, V> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

/// Order is ignored, as in Python: equal when both hold the same entries.
impl<K: Hash + Eq, V: PartialEq> PartialEq for Dict<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

impl<K: Hash + Eq, V: Eq> Eq for Dict<K, V> {}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter()).finish()
    }
}

/// `dict["key"]`.
///
/// # Panics
///
/// When the key is absent (use [`Dict::get`] to check), as `HashMap`'s `Index` does.
impl<K, V, Q> Index<&Q> for Dict<K, V>
where
    K: Hash + Eq + Borrow<Q>,
    Q: Hash + Eq + ?Sized,
{
    type Output = V;

    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for the key in the Dict")
    }
}

/// In the map's order: key order.
impl<K: Hash + Eq, V> From<BTreeMap<K, V>> for Dict<K, V> {
    fn from(map: BTreeMap<K, V>) -> Self {
        map.into_iter().collect()
    }
}

/// In the map's iteration order, which a `HashMap` does not define.
impl<K: Hash + Eq, V, S: BuildHasher> From<HashMap<K, V, S>> for Dict<K, V> {
    fn from(map: HashMap<K, V, S>) -> Self {
        map.into_iter().collect()
    }
}

/// The entries, in key order (the dict's order is lost).
impl<K: Ord, V> From<Dict<K, V>> for BTreeMap<K, V> {
    fn from(dict: Dict<K, V>) -> Self {
        dict.into_iter().collect()
    }
}

/// The entries (the dict's order is lost).
impl<K: Hash + Eq, V> From<Dict<K, V>> for HashMap<K, V> {
    fn from(dict: Dict<K, V>) -> Self {
        dict.into_iter().collect()
    }
}

/// In the array's order; a key given twice keeps its first place and its last value.
impl<K: Hash + Eq, V, KI: Into<K>, VI: Into<V>, const N: usize> From<[(KI, VI); N]> for Dict<K, V> {
    fn from(entries: [(KI, VI); N]) -> Self {
        entries
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect()
    }
}

/// In the iterator's order; a key given twice keeps its first place and its last value
/// (as Python's `dict(pairs)`).
impl<K: Hash + Eq, V> FromIterator<(K, V)> for Dict<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(entries: I) -> Self {
        Dict(entries.into_iter().collect())
    }
}

/// As [`Dict::insert`] for each entry (Python's `update`).
impl<K: Hash + Eq, V> Extend<(K, V)> for Dict<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        self.0.extend(entries);
    }
}

impl<K, V> IntoIterator for Dict<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;

    fn into_iter(self) -> Self::IntoIter {
        IntoIter(self.0.into_iter())
    }
}

impl<'a, K, V> IntoIterator for &'a Dict<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = Iter<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<'a, K, V> IntoIterator for &'a mut Dict<K, V> {
    type Item = (&'a K, &'a mut V);
    type IntoIter = IterMut<'a, K, V>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter_mut()
    }
}

/// The dict's iterators: wrappers, so that the map behind `Dict` stays its own business.
macro_rules! iterator {
    ($(#[$doc:meta])* $name:ident<$($lt:lifetime,)? K, V> => $inner:ty, $item:ty) => {
        $(#[$doc])*
        pub struct $name<$($lt,)? K, V>($inner);

        impl<$($lt,)? K, V> Iterator for $name<$($lt,)? K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<Self::Item> {
                self.0.next()
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.0.size_hint()
            }
        }

        impl<$($lt,)? K, V> DoubleEndedIterator for $name<$($lt,)? K, V> {
            #[inline]
            fn next_back(&mut self) -> Option<Self::Item> {
                self.0.next_back()
            }
        }

        impl<$($lt,)? K, V> ExactSizeIterator for $name<$($lt,)? K, V> {}

        impl<$($lt,)? K, V> FusedIterator for $name<$($lt,)? K, V> {}

        impl<$($lt,)? K: fmt::Debug, V: fmt::Debug> fmt::Debug for $name<$($lt,)? K, V> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

    };
}

iterator!(
    /// The entries of a [`Dict`], in order: [`Dict::iter`].
    Iter<'a, K, V> => indexmap::map::Iter<'a, K, V>, (&'a K, &'a V)
);
iterator!(
    /// The entries of a [`Dict`], in order, values mutable: [`Dict::iter_mut`].
    IterMut<'a, K, V> => indexmap::map::IterMut<'a, K, V>, (&'a K, &'a mut V)
);
iterator!(
    /// The entries of a [`Dict`], in order, by value: `into_iter`.
    IntoIter<K, V> => indexmap::map::IntoIter<K, V>, (K, V)
);
iterator!(
    /// The keys of a [`Dict`], in order: [`Dict::keys`].
    Keys<'a, K, V> => indexmap::map::Keys<'a, K, V>, &'a K
);
iterator!(
    /// The values of a [`Dict`], in key order: [`Dict::values`].
    Values<'a, K, V> => indexmap::map::Values<'a, K, V>, &'a V
);
iterator!(
    /// The values of a [`Dict`], in key order, mutable: [`Dict::values_mut`].
    ValuesMut<'a, K, V> => indexmap::map::ValuesMut<'a, K, V>, &'a mut V
);

macro_rules! clone_iterator {
    ($($name:ident),*) => {$(
        impl<K, V> Clone for $name<'_, K, V> {
            fn clone(&self) -> Self {
                $name(self.0.clone())
            }
        }
    )*};
}

clone_iterator!(Iter, Keys, Values);

impl<K: Serialize, V: Serialize> Serialize for Dict<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter())
    }
}

/// The entries a decoded dict has room for before it grows, when the input does not say.
const FIRST_ENTRIES: usize = 4;

impl<'de, K, V> Deserialize<'de> for Dict<K, V>
where
    K: Deserialize<'de> + Hash + Eq,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DictVisitor<K, V>(PhantomData<(K, V)>);

        impl<'de, K, V> Visitor<'de> for DictVisitor<K, V>
        where
            K: Deserialize<'de> + Hash + Eq,
            V: Deserialize<'de>,
        {
            type Value = Dict<K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                // The hint is the count of a buffered map, if any: bounded by the input.
                // Without one, room for a few entries: an index map grows its entries and its
                // table separately, so growing both from empty costs several allocations
                // (and rehashes) before the fourth entry of the small dicts payloads hold.
                let hint = access.size_hint().unwrap_or(FIRST_ENTRIES).min(4096);
                let mut map = IndexMap::with_capacity(hint);
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

impl<K: TypedValue + Hash + Eq, V: TypedValue> TypedValue for Dict<K, V> {
    const TYPE: ValueType = ValueType::Dict(&K::TYPE, &V::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, Encoded(value))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remove_keeps_the_order_of_the_others() {
        let mut dict = Dict::<String, i64>::from([("c", 3), ("a", 1), ("b", 2)]);
        assert_eq!(dict.remove("a"), Some(1));
        assert_eq!(dict.remove("a"), None);
        assert_eq!(dict.keys().collect::<Vec<_>>(), ["c", "b"]);
        assert_eq!(dict.remove_entry("c"), Some(("c".to_owned(), 3)));
        assert_eq!(dict.len(), 1);
    }

    #[test]
    fn insert_replaces_in_place_and_appends_new_keys() {
        let mut dict = Dict::<String, i64>::new();
        assert!(dict.is_empty());
        assert_eq!(dict.insert("z".into(), 1), None);
        assert_eq!(dict.insert("a".into(), 2), None);
        assert_eq!(dict.insert("z".into(), 3), Some(1));
        assert_eq!(
            dict.iter().collect::<Vec<_>>(),
            [(&"z".to_owned(), &3), (&"a".to_owned(), &2)]
        );
        *dict.entry("m".into()).or_insert(0) += 5;
        *dict.entry("z".into()).or_insert_with(|| 0) += 5;
        assert_eq!(dict.entry("q".into()).key(), "q");
        dict.entry("a".into())
            .and_modify(|value| *value *= 10)
            .or_default();
        assert_eq!(dict.values().copied().collect::<Vec<_>>(), [8, 20, 5]);
        assert_eq!(dict.first(), Some((&"z".to_owned(), &8)));
        assert_eq!(dict.last(), Some((&"m".to_owned(), &5)));
    }

    #[test]
    fn collecting_keeps_the_first_place_and_the_last_value_of_a_repeated_key() {
        let dict: Dict<&str, i64> = [("a", 1), ("b", 2), ("a", 3)].into_iter().collect();
        assert_eq!(dict.iter().collect::<Vec<_>>(), [(&"a", &3), (&"b", &2)]);
        let mut extended = dict.clone();
        extended.extend([("c", 4), ("b", 5)]);
        assert_eq!(
            extended.into_iter().collect::<Vec<_>>(),
            [("a", 3), ("b", 5), ("c", 4)]
        );
    }

    #[test]
    fn equality_ignores_order_and_conversions_keep_the_entries() {
        let ab = Dict::<String, i64>::from([("a", 1), ("b", 2)]);
        let ba: Dict<String, i64> =
            BTreeMap::from([("b".to_owned(), 2), ("a".to_owned(), 1)]).into();
        assert_eq!(ab, ba);
        assert_ne!(ab, Dict::from([("a", 1)]));
        let sorted: BTreeMap<String, i64> = ba.clone().into();
        assert_eq!(sorted.len(), 2);
        let hashed: HashMap<String, i64> = ab.clone().into();
        assert_eq!(Dict::from(hashed), ab);
        assert_eq!(format!("{ab:?}"), r#"{"a": 1, "b": 2}"#);
    }

    #[test]
    fn lookups_and_mutation() {
        let mut dict = Dict::<String, Vec<i64>>::from([("a", vec![1])]);
        assert!(dict.contains_key("a"));
        assert_eq!(dict["a"], [1]);
        dict.get_mut("a").unwrap().push(2);
        for (_, values) in &mut dict {
            values.push(3);
        }
        for values in dict.values_mut() {
            values.push(4);
        }
        assert_eq!(dict.get_key_value("a").unwrap().1, &[1, 2, 3, 4]);
        dict.retain(|_, values| values.len() > 10);
        assert!(dict.is_empty());
        dict.insert("b".into(), vec![]);
        dict.clear();
        assert_eq!(dict.iter().len(), 0);
    }

    #[test]
    #[should_panic(expected = "no entry for the key")]
    fn indexing_an_absent_key_panics_like_a_hash_map() {
        let dict = Dict::<String, i64>::new();
        let _ = dict["absent"];
    }
}
