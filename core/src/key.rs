//! Object keys, borrowed from the input whenever the input allows it.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, Visitor};

/// Reads an object key into a slot the typed dict's `visit_map` owns, without copying it
/// unless it contains escapes.
///
/// The key is written into the slot rather than returned: returned, the `Cow` was built
/// on the callee's stack with word stores and copied out with one wide load, which the
/// CPU cannot forward from those stores (a stall on every key; perf on workload 3 put a
/// third of the key reader's time on that load).
#[derive(Debug)]
pub struct KeySeed<'a, 'de>(pub &'a mut Cow<'de, str>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_, 'de> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object key")
    }

    #[inline]
    fn visit_borrowed_str<E>(self, key: &'de str) -> Result<(), E> {
        *self.0 = Cow::Borrowed(key);
        Ok(())
    }

    fn visit_str<E>(self, key: &str) -> Result<(), E> {
        *self.0 = Cow::Owned(key.to_owned());
        Ok(())
    }

    fn visit_string<E>(self, key: String) -> Result<(), E> {
        *self.0 = Cow::Owned(key);
        Ok(())
    }
}
