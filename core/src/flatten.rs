//! Inheritance: a typed dict that extends others (`#[typed_dict(flatten)] pub base: Base`,
//! Python's `class Child(Base)`) holds their keys at its own level of the JSON object.
//!
//! Every typed dict implements [`Keys`]: its keys read one entry at a time into slots of
//! its own, and written into a map someone else opened. A typed dict's own `Deserialize`
//! and `Serialize` are built on it, and so is a child's: the child offers each key it does
//! not declare to its bases, in order, while it reads the one object, so nothing is
//! buffered (serde's `flatten` collects the object into a map first). The schema is flat
//! too: a child's [`FieldSchema`] list is its bases' lists and then its own, joined at
//! compile time by [`concat_fields`], which also refuses a key declared twice.

use std::borrow::Cow;
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::SerializeMap;

use crate::key::KeySeed;

use crate::schema::{FieldSchema, ValueType};

/// The keys of a typed dict, read and written one entry at a time: what `#[typed_dict]`
/// generates for each typed dict, and what a typed dict that flattens it calls.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a typed dict, so it cannot be flattened",
    label = "not a `#[typed_dict]` struct",
    note = "`#[typed_dict(flatten)]` takes a typed dict whose keys join the outer one's, as a Python TypedDict's base class does"
)]
pub trait Keys: Sized {
    /// Every key's schema: the bases' keys first, in order, then the typed dict's own.
    const FIELDS: &'static [FieldSchema];
    /// The type's name, for the error that a key is declared twice.
    const NAME: &'static str;
    /// Whether the typed dict has an extra-items field, which a typed dict that flattens
    /// it could not fill (the unknown keys are the outer one's).
    const HAS_EXTRA: bool;

    /// The values read so far of a decode in progress.
    type Slots;

    /// The slots before any key is read.
    fn slots() -> Self::Slots;

    /// Reads the value of `key` into its slot if the typed dict (or one of its bases)
    /// declares it: `Ok(false)`, with the value unread, otherwise.
    fn read_key<'de, A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        key: &str,
        map: &mut A,
    ) -> Result<bool, A::Error>;

    /// Reads (or refuses) the value of a key no one declares, in the typed dict whose
    /// object is being read: kept in its extra-items field, skipped, or refused as the
    /// contract says for a closed typed dict.
    fn read_unknown<'de, A: MapAccess<'de>>(
        slots: &mut Self::Slots,
        key: &mut Cow<'de, str>,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The typed dict from its slots, or the error for a Required key that was absent.
    fn finish<E: serde::de::Error>(slots: Self::Slots) -> Result<Self, E>;

    /// How many keys [`Keys::write_keys`] writes.
    fn key_count(&self) -> usize;

    /// Writes every present key into `map`, the bases' first.
    fn write_keys<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
}

/// The fields of a typed dict with bases: each base's [`Keys::FIELDS`], then its own, as
/// one array. Evaluated at compile time (in a `const`), so a key declared twice across
/// the bases and the typed dict is a compile-time error naming the type and both places.
///
/// Each part is the name of the type that declares it, and its fields.
///
/// # Panics
///
/// When `N` is not the parts' total length (the generated code computes it), or when two
/// parts declare the same key: at compile time, in a `const`.
pub const fn concat_fields<const N: usize>(
    name: &str,
    parts: &[(&str, &'static [FieldSchema])],
) -> [FieldSchema; N] {
    const PLACEHOLDER: FieldSchema = FieldSchema::new("", "", &ValueType::Any);
    let mut fields = [PLACEHOLDER; N];
    let mut len = 0;
    let mut part = 0;
    while part < parts.len() {
        let (owner, own) = parts[part];
        let mut index = 0;
        while index < own.len() {
            let field = own[index];
            if let Some(earlier) = declared_by(parts, part, field.key) {
                let message = Message::new()
                    .push("`")
                    .push(name)
                    .push("` declares the key `")
                    .push(field.key)
                    .push("` twice: in `")
                    .push(earlier)
                    .push("` and in `")
                    .push(owner)
                    .push("`; a key belongs to one base or to the typed dict itself");
                panic!("{}", message.as_str());
            }
            assert!(len < N, "the fields are more than the length computed");
            fields[len] = field;
            len += 1;
            index += 1;
        }
        part += 1;
    }
    assert!(len == N, "the fields are fewer than the length computed");
    fields
}

/// The parts' total length: the `N` of [`concat_fields`].
pub const fn fields_len(parts: &[(&str, &'static [FieldSchema])]) -> usize {
    let mut len = 0;
    let mut part = 0;
    while part < parts.len() {
        len += parts[part].1.len();
        part += 1;
    }
    len
}

/// The owner of an earlier part that declares `key`, if one does.
const fn declared_by<'a>(
    parts: &[(&'a str, &'static [FieldSchema])],
    before: usize,
    key: &str,
) -> Option<&'a str> {
    let mut part = 0;
    while part < before {
        let (owner, fields) = parts[part];
        let mut index = 0;
        while index < fields.len() {
            if same_str(fields[index].key, key) {
                return Some(owner);
            }
            index += 1;
        }
        part += 1;
    }
    None
}

const fn same_str(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// The compile-time error's text, built in a fixed buffer (a `const fn` cannot allocate).
pub(crate) struct Message {
    bytes: [u8; Message::CAPACITY],
    len: usize,
}

impl Message {
    /// Room for two type names and a key of any sensible length; longer text is cut at a
    /// character boundary.
    const CAPACITY: usize = 512;

    pub(crate) const fn new() -> Self {
        Message {
            bytes: [0; Message::CAPACITY],
            len: 0,
        }
    }

    pub(crate) const fn push(mut self, text: &str) -> Self {
        let text = text.as_bytes();
        let mut index = 0;
        while index < text.len() && self.len < Message::CAPACITY {
            self.bytes[self.len] = text[index];
            self.len += 1;
            index += 1;
        }
        self
    }

    pub(crate) const fn as_str(&self) -> &str {
        let (mut written, _) = self.bytes.split_at(self.len);
        loop {
            match core::str::from_utf8(written) {
                Ok(text) => return text,
                // Cut inside a character: drop its first bytes.
                Err(error) => written = written.split_at(error.valid_up_to()).0,
            }
        }
    }
}

/// Reads a typed dict `T` from its object into `slot`: the one `visit_map` of every typed
/// dict, generic here rather than generated per type.
///
/// The typed dict is written into the slot rather than returned: its `Deserialize` and a
/// list's item read through [`crate::TypedValue::deserialize_into`] hand the slot down,
/// so the value is built where it stays instead of being returned through memory and
/// copied out (perf, workload 3: the copies stalled store forwarding).
pub fn deserialize_into<'de, T: Keys, D: Deserializer<'de>>(
    deserializer: D,
    slot: &mut Option<T>,
) -> Result<(), D::Error> {
    deserializer.deserialize_map(ObjectInto(slot))
}

/// A typed dict's `Deserialize::deserialize`: [`deserialize_into`] a slot of its own.
#[inline]
pub fn deserialize<'de, T: Keys, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    let mut slot = None;
    deserialize_into(deserializer, &mut slot)?;
    // Always filled: a deserializer can only return `Ok` with the visitor's value, which
    // only `visit_map` makes, and it fills the slot first. An error rather than a panic
    // all the same.
    slot.ok_or_else(|| serde::de::Error::custom(format_args!("no object read for {}", T::NAME)))
}

/// The visitor of [`deserialize_into`].
struct ObjectInto<'s, T>(&'s mut Option<T>);

impl<'de, T: Keys> Visitor<'de> for ObjectInto<'_, T> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object ({})", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut slots = T::slots();
        let mut key = Cow::Borrowed("");
        while map.next_key_seed(KeySeed(&mut key))?.is_some() {
            if !T::read_key(&mut slots, &key, &mut map)? {
                T::read_unknown(&mut slots, &mut key, &mut map)?;
            }
        }
        *self.0 = Some(T::finish(slots)?);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static BASE: [FieldSchema; 2] = [
        FieldSchema::new("name", "name", &ValueType::Str),
        FieldSchema::new("size", "size", &ValueType::Int),
    ];
    static OWN: [FieldSchema; 1] = [FieldSchema::new("tag", "tag", &ValueType::Str)];

    #[test]
    fn joins_the_parts_in_order() {
        let fields = concat_fields::<3>("Child", &[("Base", &BASE), ("Child", &OWN)]);
        let keys: Vec<&str> = fields.iter().map(|field| field.key).collect();
        assert_eq!(keys, ["name", "size", "tag"]);
    }

    #[test]
    #[should_panic(
        expected = "`Child` declares the key `size` twice: in `Base` and in `Child`; a key belongs to one base or to the typed dict itself"
    )]
    fn refuses_a_key_declared_twice() {
        static AGAIN: [FieldSchema; 1] = [FieldSchema::new("size", "size", &ValueType::Int)];
        concat_fields::<3>("Child", &[("Base", &BASE), ("Child", &AGAIN)]);
    }

    #[test]
    #[should_panic(expected = "fewer than the length computed")]
    fn refuses_a_wrong_length() {
        concat_fields::<4>("Child", &[("Base", &BASE), ("Child", &OWN)]);
    }

    #[test]
    fn cuts_a_long_message_at_a_character_boundary() {
        let message = Message::new()
            .push(&"x".repeat(Message::CAPACITY - 1))
            .push("é");
        assert_eq!(message.as_str().len(), Message::CAPACITY - 1);
    }
}
