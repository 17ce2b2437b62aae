//! `Dict<K, V>`: a JSON object with uniform values, in insertion order, rejecting
//! duplicate keys.

use std::borrow::Borrow;
use std::collections::hash_map::RandomState;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ops::Index;

use hashbrown::HashTable;
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
///   the same entries. Compare `a.iter().eq(b.iter())` for order too. `Hash`, `PartialOrd`
///   and `Ord` (for `Ord` keys) ignore it as well, so they agree with `==`: dicts hash
///   and compare as `BTreeMap`s of the same entries, at the cost of sorting the entries
///   by key on every call. A typed dict holding a `Dict` can derive them.
/// - Inside (a private detail) the entries sit in a `Vec`, in order, as in
///   [`indexmap`](https://docs.rs/indexmap). A dict of up to eight entries, what payloads
///   mostly hold (tags, labels, counts), finds a key by comparing it with each in turn:
///   no hashing, one allocation. Past eight entries a hash index of their positions is
///   built, its keys hashed with the standard library's randomly seeded hasher, so keys
///   chosen by whoever wrote the JSON cannot degrade lookups.
/// - Lookup, insert and `entry` take constant time on average, `remove` takes time in the
///   number of entries after the removed one (it keeps the others' order), iteration is
///   a walk over a `Vec`.
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
/// // So do `Hash` and `Ord`: dicts compare as `BTreeMap`s of their entries.
/// assert_eq!(ab.cmp(&ba), std::cmp::Ordering::Equal);
/// assert!(ab < Dict::from([("a", 2)]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Dict<K, V> {
    /// The entries, in order.
    entries: Vec<(K, V)>,
    /// Where each key sits in `entries`, once there are more than [`LINEAR_ENTRIES`]: while
    /// it is `Some`, it holds every entry's position. Boxed, so that a dict is no larger
    /// than its `Vec` and a pointer: the typed dicts that hold one stay small.
    index: Option<Box<Positions>>,
}

/// Up to this many entries, a key is found by comparing it with each: for so few, cheaper
/// than hashing it, and no index to allocate.
const LINEAR_ENTRIES: usize = 8;

/// The hash index of a large dict: entry positions, hashed by their keys.
#[derive(Clone)]
struct Positions {
    table: HashTable<usize>,
    hasher: RandomState,
}

impl Positions {
    /// The index of every entry.
    fn of<K: Hash, V>(entries: &[(K, V)]) -> Self {
        let mut positions = Positions {
            table: HashTable::with_capacity(entries.len()),
            hasher: RandomState::new(),
        };
        for position in 0..entries.len() {
            positions.add(entries, position);
        }
        positions
    }

    /// Indexes the entry at `position`, whose key is not indexed yet.
    fn add<K: Hash, V>(&mut self, entries: &[(K, V)], position: usize) {
        let Positions { table, hasher } = self;
        let hash = hasher.hash_one(&entries[position].0);
        table.insert_unique(hash, position, |&at| hasher.hash_one(&entries[at].0));
    }
}

impl<K, V> Dict<K, V> {
    /// An empty dict.
    pub fn new() -> Self {
        Dict {
            entries: Vec::new(),
            index: None,
        }
    }

    /// An empty dict with room for `capacity` entries.
    pub fn with_capacity(capacity: usize) -> Self {
        Dict {
            entries: Vec::with_capacity(capacity),
            index: None,
        }
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, in order.
    pub fn iter(&self) -> Iter<'_, K, V> {
        Iter(self.entries.iter())
    }

    /// The entries, in order, values mutable.
    pub fn iter_mut(&mut self) -> IterMut<'_, K, V> {
        IterMut(self.entries.iter_mut())
    }

    /// The keys, in order.
    pub fn keys(&self) -> Keys<'_, K, V> {
        Keys(self.entries.iter())
    }

    /// The values, in key order.
    pub fn values(&self) -> Values<'_, K, V> {
        Values(self.entries.iter())
    }

    /// The values, in key order, mutable.
    pub fn values_mut(&mut self) -> ValuesMut<'_, K, V> {
        ValuesMut(self.entries.iter_mut())
    }

    /// The first entry, if any.
    pub fn first(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(key, value)| (key, value))
    }

    /// The last entry, if any.
    pub fn last(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(key, value)| (key, value))
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index = None;
    }

    /// Keeps the entries for which `keep` returns `true`, in their order.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        let Some(positions) = &mut self.index else {
            self.entries.retain_mut(|(key, value)| keep(key, value));
            return;
        };
        // Where each kept entry moves to, so the index is renumbered without rehashing.
        let mut moved_to = Vec::with_capacity(self.entries.len());
        let mut kept = 0;
        self.entries.retain_mut(|(key, value)| {
            let keeps = keep(key, value);
            moved_to.push(keeps.then_some(kept));
            kept += usize::from(keeps);
            keeps
        });
        positions
            .table
            .retain(|position| match moved_to[*position] {
                Some(to) => {
                    *position = to;
                    true
                }
                None => false,
            });
    }
}

impl<K: Hash + Eq, V> Dict<K, V> {
    /// Where `key` sits among the entries, if present.
    #[inline]
    fn position<Q>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        match &self.index {
            None => self
                .entries
                .iter()
                .position(|(stored, _)| stored.borrow() == key),
            Some(positions) => positions
                .table
                .find(positions.hasher.hash_one(key), |&at| {
                    self.entries[at].0.borrow() == key
                })
                .copied(),
        }
    }

    /// Appends an entry whose key is absent, returning its position.
    #[inline]
    fn push(&mut self, key: K, value: V) -> usize {
        let position = self.entries.len();
        self.entries.push((key, value));
        match &mut self.index {
            Some(positions) => positions.add(&self.entries, position),
            None if self.entries.len() > LINEAR_ENTRIES => {
                self.index = Some(Box::new(Positions::of(&self.entries)));
            }
            None => {}
        }
        position
    }

    /// Appends an entry whose key is absent; false, changing nothing, when it is present
    /// (decoding: a key given twice is an error).
    #[inline]
    pub(crate) fn insert_new(&mut self, key: K, value: V) -> bool {
        if self.position(&key).is_some() {
            return false;
        }
        self.push(key, value);
        true
    }

    /// The value of `key`, if present.
    pub fn get<Q>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.position(key).map(|at| &self.entries[at].1)
    }

    /// The value of `key`, mutable, if present.
    pub fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.position(key).map(|at| &mut self.entries[at].1)
    }

    /// The stored key and value of `key`, if present.
    pub fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.position(key).map(|at| {
            let (key, value) = &self.entries[at];
            (key, value)
        })
    }

    /// Whether `key` is present.
    pub fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.position(key).is_some()
    }

    /// Sets `key` to `value`, returning the value it replaces. A key already present
    /// keeps its place (as `d[k] = v` in Python); a new key goes last.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.position(&key) {
            Some(at) => Some(std::mem::replace(&mut self.entries[at].1, value)),
            None => {
                self.push(key, value);
                None
            }
        }
    }

    /// Removes `key`, returning its value; the other entries keep their order (as
    /// `del d[k]` in Python). Takes time proportional to the entries after it.
    pub fn remove<Q>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.remove_entry(key).map(|(_, value)| value)
    }

    /// Removes `key`, returning the stored key and its value; the other entries keep
    /// their order.
    pub fn remove_entry<Q>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let removed = self.position(key)?;
        if let Some(positions) = &mut self.index {
            let Positions { table, hasher } = &mut **positions;
            if let Ok(entry) = table.find_entry(hasher.hash_one(key), |&at| at == removed) {
                entry.remove();
            }
            for position in table.iter_mut() {
                if *position > removed {
                    *position -= 1;
                }
            }
        }
        Some(self.entries.remove(removed))
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
        let position = self.position(&key);
        Entry {
            dict: self,
            key,
            position,
        }
    }
}

/// One key's entry in a [`Dict`], present or not: [`Dict::entry`].
pub struct Entry<'a, K, V> {
    dict: &'a mut Dict<K, V>,
    key: K,
    /// Where the key sits, when present.
    position: Option<usize>,
}

impl<'a, K: Hash + Eq, V> Entry<'a, K, V> {
    /// The entry's key.
    pub fn key(&self) -> &K {
        match self.position {
            Some(at) => &self.dict.entries[at].0,
            None => &self.key,
        }
    }

    /// The value, inserting `default` (last) when the key is absent.
    pub fn or_insert(self, default: V) -> &'a mut V {
        self.or_insert_with(|| default)
    }

    /// The value, inserting `default()` (last) when the key is absent.
    pub fn or_insert_with(self, default: impl FnOnce() -> V) -> &'a mut V {
        let Entry {
            dict,
            key,
            position,
        } = self;
        let at = match position {
            Some(at) => at,
            None => dict.push(key, default()),
        };
        &mut dict.entries[at].1
    }

    /// The value, inserting `V::default()` (last) when the key is absent.
    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }

    /// Changes the value in place when the key is present.
    pub fn and_modify(self, change: impl FnOnce(&mut V)) -> Self {
        if let Some(at) = self.position {
            change(&mut self.dict.entries[at].1);
        }
        self
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Entry<'_, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(at) => {
                let (key, value) = &self.dict.entries[at];
                f.debug_struct("Entry")
                    .field("key", key)
                    .field("value", value)
                    .finish()
            }
            None => f.debug_struct("Entry").field("key", &self.key).finish(),
        }
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
        self.len() == other.len()
            && self
                .iter()
                .all(|(key, value)| other.get(key).is_some_and(|theirs| value == theirs))
    }
}

impl<K: Hash + Eq, V: Eq> Eq for Dict<K, V> {}

impl<K, V> Dict<K, V> {
    /// The entries sorted by key: what `Hash` and `Ord` read, so that they ignore order
    /// as `==` does. Keys are distinct, so sorting by key alone orders entries fully.
    fn sorted(&self) -> Vec<(&K, &V)>
    where
        K: Ord,
    {
        let mut sorted: Vec<(&K, &V)> = self.entries.iter().map(|(k, v)| (k, v)).collect();
        sorted.sort_unstable_by_key(|(key, _)| *key);
        sorted
    }
}

/// Order is ignored, as by `==`: the entries are hashed sorted by key, as a `BTreeMap`
/// of the same entries hashes them. It costs a sort of the entries (`O(n log n)` and a
/// `Vec` of references) per hash.
impl<K: Hash + Ord, V: Hash> Hash for Dict<K, V> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The length first, as `BTreeMap` and slices write it: `{a: [b]}` and `{a: []}`
        // then hash differently whatever the values write.
        state.write_usize(self.len());
        for entry in self.sorted() {
            entry.hash(state);
        }
    }
}

/// Order is ignored, as by `==`: dicts compare as `BTreeMap`s of the same entries do,
/// by their entries sorted by key, lexicographically. It costs a sort of both dicts'
/// entries (`O(n log n)` and a `Vec` of references each) per comparison; compare
/// `a.iter().cmp(b.iter())` for insertion order.
impl<K: Hash + Ord, V: PartialOrd> PartialOrd for Dict<K, V> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        self.sorted().partial_cmp(&other.sorted())
    }
}

/// See the `PartialOrd` impl: `BTreeMap`'s order over the same entries.
impl<K: Hash + Ord, V: Ord> Ord for Dict<K, V> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sorted().cmp(&other.sorted())
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
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
        let mut dict = Dict::new();
        dict.extend(entries);
        dict
    }
}

/// As [`Dict::insert`] for each entry (Python's `update`).
impl<K: Hash + Eq, V> Extend<(K, V)> for Dict<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, entries: I) {
        let entries = entries.into_iter();
        self.entries.reserve(entries.size_hint().0);
        for (key, value) in entries {
            self.insert(key, value);
        }
    }
}

impl<K, V> IntoIterator for Dict<K, V> {
    type Item = (K, V);
    type IntoIter = IntoIter<K, V>;

    fn into_iter(self) -> Self::IntoIter {
        IntoIter(self.entries.into_iter())
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

/// The dict's iterators: wrappers, so that the entries' layout stays the dict's own business.
macro_rules! iterator {
    (
        $(#[$doc:meta])*
        $name:ident<$($lt:lifetime,)? K, V> => $inner:ty, $item:ty, |$entry:pat_param| $yield:expr
    ) => {
        $(#[$doc])*
        pub struct $name<$($lt,)? K, V>($inner);

        impl<$($lt,)? K, V> Iterator for $name<$($lt,)? K, V> {
            type Item = $item;

            #[inline]
            fn next(&mut self) -> Option<Self::Item> {
                self.0.next().map(|$entry| $yield)
            }

            #[inline]
            fn size_hint(&self) -> (usize, Option<usize>) {
                self.0.size_hint()
            }
        }

        impl<$($lt,)? K, V> DoubleEndedIterator for $name<$($lt,)? K, V> {
            #[inline]
            fn next_back(&mut self) -> Option<Self::Item> {
                self.0.next_back().map(|$entry| $yield)
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
    Iter<'a, K, V> => std::slice::Iter<'a, (K, V)>, (&'a K, &'a V), |(key, value)| (key, value)
);
iterator!(
    /// The entries of a [`Dict`], in order, values mutable: [`Dict::iter_mut`].
    IterMut<'a, K, V> => std::slice::IterMut<'a, (K, V)>, (&'a K, &'a mut V),
    |(key, value)| (&*key, value)
);
iterator!(
    /// The entries of a [`Dict`], in order, by value: `into_iter`.
    IntoIter<K, V> => std::vec::IntoIter<(K, V)>, (K, V), |entry| entry
);
iterator!(
    /// The keys of a [`Dict`], in order: [`Dict::keys`].
    Keys<'a, K, V> => std::slice::Iter<'a, (K, V)>, &'a K, |(key, _)| key
);
iterator!(
    /// The values of a [`Dict`], in key order: [`Dict::values`].
    Values<'a, K, V> => std::slice::Iter<'a, (K, V)>, &'a V, |(_, value)| value
);
iterator!(
    /// The values of a [`Dict`], in key order, mutable: [`Dict::values_mut`].
    ValuesMut<'a, K, V> => std::slice::IterMut<'a, (K, V)>, &'a mut V, |(_, value)| value
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
        serializer.collect_map(self.iter())
    }
}

impl<'de, K, V> Deserialize<'de> for Dict<K, V>
where
    K: Deserialize<'de> + Hash + Eq,
    V: Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::read_entries::<D, Self, PhantomData<K>, PhantomData<V>>(deserializer)
    }
}

impl<K: TypedValue + Hash + Eq, V: TypedValue> TypedValue for Dict<K, V> {
    const TYPE: ValueType = ValueType::Dict(&K::TYPE, &V::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, Encoded(value))))
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_dict::<D, Self, K, V>(deserializer)
    }
}

/// `dict[K, V]`, as [`Dict`] is, encoded in the map's iteration order (which a `HashMap`
/// does not define, and which differs from one map to the next). Decoding refuses a key
/// given twice, as for `Dict` (serde's own `HashMap` impl keeps the last value silently:
/// inside a typed dict, the map is read through [`TypedValue::deserialize_value`]). Any
/// hasher that can be built by `Default` will do.
impl<K, V, S> TypedValue for HashMap<K, V, S>
where
    K: TypedValue + Hash + Eq,
    V: TypedValue,
    S: BuildHasher + Default + Clone,
{
    const TYPE: ValueType = ValueType::Dict(&K::TYPE, &V::TYPE);

    fn serialize_value<Ser: Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, Encoded(value))))
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_dict::<D, Self, K, V>(deserializer)
    }
}

/// `dict[K, V]`, as [`Dict`] is, encoded in key order (`Ord`'s: numeric for integer keys,
/// by code point for strings, declaration order for a literal type's `Ord`). Decoding
/// refuses a key given twice, as for `Dict` (serde's own `BTreeMap` impl keeps the last
/// value silently: inside a typed dict, the map is read through
/// [`TypedValue::deserialize_value`]).
impl<K, V> TypedValue for BTreeMap<K, V>
where
    K: TypedValue + Ord,
    V: TypedValue,
{
    const TYPE: ValueType = ValueType::Dict(&K::TYPE, &V::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter().map(|(key, value)| (key, Encoded(value))))
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::typed_de::deserialize_dict::<D, Self, K, V>(deserializer)
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

    /// What a `Dict` must do, in the plainest terms: a list of pairs searched in turn.
    #[derive(Debug, Clone)]
    enum Op {
        Insert(u8, i64),
        Remove(u8),
        Entry(u8, i64),
        Retain(u8),
        Clear,
    }

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        // Keys from a range wider than the linear limit, so dicts cross it both ways.
        let key = 0..24_u8;
        prop_oneof![
            8 => (key.clone(), any::<i64>()).prop_map(|(k, v)| Op::Insert(k, v)),
            3 => key.clone().prop_map(Op::Remove),
            3 => (key, any::<i64>()).prop_map(|(k, v)| Op::Entry(k, v)),
            1 => (2..5_u8).prop_map(Op::Retain),
            1 => Just(Op::Clear),
        ]
    }

    proptest::proptest! {
        #[test]
        fn behaves_as_a_list_of_pairs_below_and_above_the_linear_limit(
            ops in proptest::collection::vec(op(), 1..120)
        ) {
            let mut dict = Dict::<String, i64>::new();
            let mut model: Vec<(String, i64)> = Vec::new();
            let find = |model: &[(String, i64)], key: &str| model.iter().position(|(k, _)| k == key);
            for op in ops {
                match op {
                    Op::Insert(k, v) => {
                        let key = k.to_string();
                        let before = match find(&model, &key) {
                            Some(at) => Some(std::mem::replace(&mut model[at].1, v)),
                            None => {
                                model.push((key.clone(), v));
                                None
                            }
                        };
                        proptest::prop_assert_eq!(dict.insert(key, v), before);
                    }
                    Op::Remove(k) => {
                        let key = k.to_string();
                        let before = find(&model, &key).map(|at| model.remove(at).1);
                        proptest::prop_assert_eq!(dict.remove(key.as_str()), before);
                    }
                    Op::Entry(k, v) => {
                        let key = k.to_string();
                        let at = find(&model, &key).unwrap_or_else(|| {
                            model.push((key.clone(), v));
                            model.len() - 1
                        });
                        model[at].1 = model[at].1.wrapping_add(1);
                        let value = dict.entry(key).or_insert(v);
                        *value = value.wrapping_add(1);
                    }
                    Op::Retain(m) => {
                        let keep = |v: &i64| v.rem_euclid(i64::from(m)) != 0;
                        model.retain(|(_, v)| keep(v));
                        dict.retain(|_, v| keep(v));
                    }
                    Op::Clear => {
                        model.clear();
                        dict.clear();
                    }
                }
                let entries: Vec<(String, i64)> =
                    dict.iter().map(|(k, v)| (k.clone(), *v)).collect();
                proptest::prop_assert_eq!(&entries, &model);
                for k in 0..24_u8 {
                    let key = k.to_string();
                    let expected = find(&model, &key).map(|at| &model[at].1);
                    proptest::prop_assert_eq!(dict.get(key.as_str()), expected);
                }
                let rebuilt: Dict<String, i64> = model.iter().cloned().rev().collect();
                proptest::prop_assert_eq!(&dict, &rebuilt);
            }
        }
    }

    #[test]
    fn a_large_dict_decodes_rejects_repeats_and_keeps_its_order() {
        let keys: Vec<String> = (0..100).map(|i| format!("k{}", (i * 37) % 100)).collect();
        let json = format!(
            "{{{}}}",
            keys.iter()
                .enumerate()
                .map(|(i, k)| format!("\"{k}\":{i}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let dict: Dict<String, i64> = serde_json::from_str(&json).unwrap();
        assert_eq!(
            dict.keys().collect::<Vec<_>>(),
            keys.iter().collect::<Vec<_>>()
        );
        assert_eq!(dict["k37"], 1);
        let repeated = json.replace("\"k0\":0", "\"k74\":0");
        let error = serde_json::from_str::<Dict<String, i64>>(&repeated).unwrap_err();
        assert!(error.to_string().contains("duplicate key"), "{error}");
    }

    #[test]
    fn a_dict_is_a_vec_and_a_pointer() {
        assert_eq!(
            std::mem::size_of::<Dict<String, String>>(),
            std::mem::size_of::<Vec<(String, String)>>() + std::mem::size_of::<usize>()
        );
    }

    #[test]
    #[should_panic(expected = "no entry for the key")]
    fn indexing_an_absent_key_panics_like_a_hash_map() {
        let dict = Dict::<String, i64>::new();
        let _ = dict["absent"];
    }
}
