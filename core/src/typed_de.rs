//! How a typed value reads its items and its keys: the serde path of
//! [`TypedValue::deserialize_value`] and [`deserialize_key`].
//!
//! Generated code reads every key's value through `deserialize_value`, and the containers
//! (`Vec`/`List`, `Sequence`, `Box`, `Dict`, `HashMap`, `BTreeMap`) read their items
//! through it in turn, so a rule a value type keeps in its own reading holds wherever the
//! type stands. Two rules need that: a key given twice in one object is an error for every
//! dict type (serde's own `HashMap` and `BTreeMap` impls keep the last value silently),
//! and a dict's integer keys are read by [`contract::int_key`], the rule the walk asks too
//! (serde's deserializers each parse number keys their own way, `serde_json` taking `+1`
//! and `01`).

use std::collections::btree_map::{self, BTreeMap};
use std::collections::hash_map::{self, HashMap};
use std::fmt;
use std::hash::{BuildHasher, Hash};
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};

use crate::contract::{self, IntKey, IntKeyProblem};
use crate::schema::{IntegerRange, TypedValue};
use crate::Dict;

/// Reads one `T` through [`TypedValue::deserialize_value`].
pub(crate) struct ValueSeed<T>(PhantomData<fn() -> T>);

impl<T> ValueSeed<T> {
    #[inline]
    pub(crate) fn new() -> Self {
        ValueSeed(PhantomData)
    }
}

impl<T> Default for ValueSeed<T> {
    fn default() -> Self {
        ValueSeed::new()
    }
}

impl<'de, T: TypedValue> DeserializeSeed<'de> for ValueSeed<T> {
    type Value = T;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize_value(deserializer)
    }
}

/// Reads one dict key `K` through [`deserialize_key`].
struct KeySeed<K>(PhantomData<fn() -> K>);

impl<K> Default for KeySeed<K> {
    fn default() -> Self {
        KeySeed(PhantomData)
    }
}

impl<'de, K: TypedValue> DeserializeSeed<'de> for KeySeed<K> {
    type Value = K;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K, D::Error> {
        deserialize_key(deserializer)
    }
}

/// Deserializes a `K` from a dict's key (a JSON object's key string). An integer type (one
/// whose `TYPE` has an [`integer_range`](crate::ValueType::integer_range)) reads the key as
/// `str(int)` writes one, `"-5"`: anything else (`"+1"`, `"01"`, `" 1"`, `"1.0"`) is
/// `invalid_key`, a key beyond the range `integer_out_of_range`, as validation reports
/// them ([`contract::int_key`]). Any other type reads the key as
/// [`TypedValue::deserialize_value`] reads a string. A rule of the contract, not a choice
/// of the key type's: a free function, not a method a user could override.
fn deserialize_key<'de, K: TypedValue, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<K, D::Error> {
    let value_type: &'static crate::ValueType = const { &K::TYPE };
    match value_type.resolved().integer_range() {
        Some(range) => {
            // Every range lies within `i64`'s and `u64`'s, whose visits every integer
            // type's `Deserialize` takes.
            let value = int_key(deserializer, range)?;
            match i64::try_from(value) {
                Ok(value) => K::deserialize_value(serde::de::value::I64Deserializer::new(value)),
                Err(_) => {
                    K::deserialize_value(serde::de::value::U64Deserializer::new(value as u64))
                }
            }
        }
        None => K::deserialize_value(deserializer),
    }
}

/// An object key where an `int` key of `range` belongs, judged by [`contract::int_key`].
pub(crate) fn int_key<'de, D: Deserializer<'de>>(
    deserializer: D,
    range: &'static IntegerRange,
) -> Result<i128, D::Error> {
    deserializer.deserialize_str(IntKeyVisitor(range))
}

struct IntKeyVisitor(&'static IntegerRange);

impl Visitor<'_> for IntKeyVisitor {
    type Value = i128;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a decimal integer key within {}", self.0)
    }

    #[inline]
    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<i128, E> {
        match contract::int_key(key, self.0) {
            IntKey::Int(value) => Ok(value),
            problem => Err(E::custom(IntKeyProblem(key, self.0, problem))),
        }
    }
}

/// A list of `T`, each read through [`TypedValue::deserialize_value`].
pub(crate) fn deserialize_vec<'de, D: Deserializer<'de>, T: TypedValue>(
    deserializer: D,
) -> Result<Vec<T>, D::Error> {
    struct VecVisitor<T>(PhantomData<fn() -> T>);

    impl<'de, T: TypedValue> Visitor<'de> for VecVisitor<T> {
        type Value = Vec<T>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Vec<T>, A::Error> {
            // The hint is bounded by the input; capped so a forged one allocates little.
            let mut items = Vec::with_capacity(access.size_hint().unwrap_or(0).min(4096));
            // Each item is read into one slot (a typed dict built there, a string written
            // there) and moved into the list, rather than returned through memory.
            let mut slot = None;
            while access
                .next_element_seed(crate::__private::Fill::<T>::new(&mut slot))?
                .is_some()
            {
                if let Some(item) = slot.take() {
                    items.push(item);
                }
            }
            // A decoded list rarely grows again, so the room doubling left behind is waste:
            // returned now, it costs one `realloc` (in place under glibc); kept, glibc must
            // merge it with its neighbours when the document is freed, which was over a
            // third of decode-and-drop time on the scan findings (issue 23).
            items.shrink_to_fit();
            Ok(items)
        }
    }

    deserializer.deserialize_seq(VecVisitor(PhantomData))
}

/// A map the dict reading fills: `Dict`, `HashMap`, `BTreeMap`.
pub(crate) trait Entries<K, V>: Sized {
    /// An empty map with room for about `hint` entries.
    fn with_room(hint: usize) -> Self;

    /// Adds an entry whose key is new; false, adding nothing, if the key is there.
    fn insert_new(&mut self, key: K, value: V) -> bool;
}

impl<K: Hash + Eq, V> Entries<K, V> for Dict<K, V> {
    fn with_room(hint: usize) -> Self {
        Dict::with_capacity(hint)
    }

    #[inline]
    fn insert_new(&mut self, key: K, value: V) -> bool {
        self.insert_new(key, value)
    }
}

impl<K: Hash + Eq, V, S: BuildHasher + Default> Entries<K, V> for HashMap<K, V, S> {
    fn with_room(hint: usize) -> Self {
        HashMap::with_capacity_and_hasher(hint, S::default())
    }

    #[inline]
    fn insert_new(&mut self, key: K, value: V) -> bool {
        match self.entry(key) {
            hash_map::Entry::Occupied(_) => false,
            hash_map::Entry::Vacant(entry) => {
                entry.insert(value);
                true
            }
        }
    }
}

impl<K: Ord, V> Entries<K, V> for BTreeMap<K, V> {
    fn with_room(_hint: usize) -> Self {
        BTreeMap::new()
    }

    #[inline]
    fn insert_new(&mut self, key: K, value: V) -> bool {
        match self.entry(key) {
            btree_map::Entry::Occupied(_) => false,
            btree_map::Entry::Vacant(entry) => {
                entry.insert(value);
                true
            }
        }
    }
}

/// A dict of `K` to `V` into `M`: keys through [`deserialize_key`], values through
/// [`TypedValue::deserialize_value`], a key given twice an error.
pub(crate) fn deserialize_dict<'de, D, M, K, V>(deserializer: D) -> Result<M, D::Error>
where
    D: Deserializer<'de>,
    M: Entries<K, V>,
    K: TypedValue,
    V: TypedValue,
{
    read_entries::<D, M, KeySeed<K>, ValueSeed<V>>(deserializer)
}

/// An object into `M`, each key read by a `KS`, each value by a `VS`, a key given twice an
/// error: the one dict reading, for the typed one above and for `Dict`'s own
/// `Deserialize` (whose seeds are plain `PhantomData`, serde's).
pub(crate) fn read_entries<'de, D, M, KS, VS>(deserializer: D) -> Result<M, D::Error>
where
    D: Deserializer<'de>,
    KS: DeserializeSeed<'de> + Default,
    VS: DeserializeSeed<'de> + Default,
    M: Entries<KS::Value, VS::Value>,
{
    /// What the visitor makes and reads with.
    type Makes<M, KS, VS> = fn() -> (M, KS, VS);

    struct EntriesVisitor<M, KS, VS>(PhantomData<Makes<M, KS, VS>>);

    impl<'de, M, KS, VS> Visitor<'de> for EntriesVisitor<M, KS, VS>
    where
        KS: DeserializeSeed<'de> + Default,
        VS: DeserializeSeed<'de> + Default,
        M: Entries<KS::Value, VS::Value>,
    {
        type Value = M;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<M, A::Error> {
            // The hint is the count of a buffered map, if any: bounded by the input, and
            // capped so a forged one allocates little. Without one, nothing until the first
            // entry: an empty object (`"tags": {}`) allocates nothing.
            let mut map = M::with_room(access.size_hint().unwrap_or(0).min(4096));
            while let Some(key) = access.next_key_seed(KS::default())? {
                let value = access.next_value_seed(VS::default())?;
                if !map.insert_new(key, value) {
                    return Err(A::Error::custom("duplicate key in object"));
                }
            }
            Ok(map)
        }
    }

    deserializer.deserialize_map(EntriesVisitor::<M, KS, VS>(PhantomData))
}
