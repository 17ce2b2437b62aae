//! Named unions: which member a value is, and what is reported when it is none.
//!
//! The fast path (generated `Deserialize`) buffers the value once and tries each member in
//! declaration order; the validation walk tries the members the same way and, when none
//! accepts the value, reports what [`closest`] picks. Unions are rare in real shapes, so
//! the buffer costs little.
//!
//! The buffer is the value's JSON text when the crate's own parser reads it ([`buffer`]
//! asks for it by the newtype name [`RAW_TEXT`], as serde_json's `RawValue` asks for its
//! own): each member then reads that text with the same parser, as the walk re-reads it,
//! so a key given twice inside a member is refused by both. Any other deserializer has
//! no text to give; its value is buffered as a `serde_json::Value`, as before, whose
//! maps keep one value of a repeated key (serde_json's own choice for its own reader).

use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value as JsonValue;

use crate::__private::Value;
use crate::error::{ErrorKind, ValidationError};
use crate::json::de::Parser;
use crate::schema::{UnionSchema, ValueType};

/// The newtype name a union's `Deserialize` asks for: the crate's parser answers it with
/// a [`RawText`] map (the value's text and nesting depth), every other deserializer with
/// `visit_newtype_struct`, as for any newtype.
pub(crate) const RAW_TEXT: &str = "$typed_dict::private::UnionText";

/// The key of [`RawText`]'s second entry: how many more levels the text may nest.
const DEPTH_LEFT: &str = "$typed_dict::private::UnionDepthLeft";

/// A union's value, held while each member is tried on it.
#[derive(Debug)]
pub enum Buffered<'de> {
    /// The value's JSON text, from the crate's parser, `depth_left` levels of nesting
    /// still allowed at its start.
    Text {
        /// The value, exactly as in the document.
        text: &'de str,
        /// The parser's nesting budget where the value starts.
        depth_left: u8,
    },
    /// The value from any other deserializer.
    Value(JsonValue),
}

impl<'de> Buffered<'de> {
    /// The value as member `T`, if `T` takes it: read as a key's value is read
    /// ([`Value::deserialize_value`], `How` saying which impl), from the text with the
    /// crate's parser when there is text.
    #[inline]
    pub(crate) fn read<T: Value<How>, How>(&self) -> Option<T> {
        match self {
            Buffered::Text { text, depth_left } => {
                let mut parser = Parser::with_depth_left(text, *depth_left);
                let member = T::deserialize_value(&mut parser).ok()?;
                parser.end().ok()?;
                meets_constraints(text, const { &T::TYPE }).then_some(member)
            }
            Buffered::Value(value) => T::deserialize_value(value).ok(),
        }
    }
}

/// Whether a member's value meets the member's constraints, when the options in force
/// check them: the walk takes the first member that accepts a value, constraints
/// included, so the serde path must choose the same one (decoding then walks the whole
/// text for every constraint). Without `constraints(true)` this costs one thread-local
/// read.
fn meets_constraints(text: &str, member: &'static ValueType) -> bool {
    let options = crate::options::current();
    !options.constraints
        || !crate::constraint::reachable(member)
        || crate::validate::check(
            crate::json::read::Lexer::for_text(text),
            crate::validate::Expected::Value(member),
            options,
        )
        .is_valid()
}

/// Buffers a union's value: its text from the crate's parser, a `JsonValue` from any other
/// deserializer (read exactly as `JsonValue::deserialize` reads it).
pub fn buffer<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Buffered<'de>, D::Error> {
    deserializer.deserialize_newtype_struct(RAW_TEXT, BufferVisitor)
}

/// The parser's answer to [`RAW_TEXT`]: a map of two entries, [`RAW_TEXT`] to the text and
/// [`DEPTH_LEFT`] to the nesting budget. A map under a reserved key, rather than a plain
/// string, so that a deserializer that forwards newtypes to `deserialize_any` and then
/// gives a string is not mistaken for the parser (only an object whose first key is
/// [`RAW_TEXT`] itself could be, as with serde_json's `RawValue` token).
pub(crate) struct RawText<'de> {
    text: &'de str,
    depth_left: u8,
    /// Entries handed out so far.
    given: u8,
}

impl<'de> RawText<'de> {
    /// The answer for `text`, found with `depth_left` levels of nesting to go.
    pub(crate) fn new(text: &'de str, depth_left: u8) -> Self {
        RawText {
            text,
            depth_left,
            given: 0,
        }
    }
}

impl<'de> MapAccess<'de> for RawText<'de> {
    type Error = crate::json::de::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Self::Error> {
        let key = match self.given {
            0 => RAW_TEXT,
            1 => DEPTH_LEFT,
            _ => return Ok(None),
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Self::Error> {
        self.given += 1;
        match self.given {
            1 => seed.deserialize(de::value::BorrowedStrDeserializer::new(self.text)),
            _ => seed.deserialize(self.depth_left.into_deserializer()),
        }
    }
}

/// Reads what [`buffer`] asked for: the parser's [`RawText`], or any other deserializer's
/// value, which every method hands to `JsonValue`'s own `Deserialize` unchanged, so that
/// the value buffered is the one `JsonValue::deserialize` would have read.
struct BufferVisitor;

/// Hands one scalar the visitor was given to `JsonValue`'s `Deserialize`.
macro_rules! to_json_value {
    ($($method:ident: $ty:ty),* $(,)?) => {$(
        fn $method<E: de::Error>(self, value: $ty) -> Result<Buffered<'de>, E> {
            JsonValue::deserialize(value.into_deserializer()).map(Buffered::Value)
        }
    )*};
}

impl<'de> Visitor<'de> for BufferVisitor {
    type Value = Buffered<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Buffered<'de>, D::Error> {
        JsonValue::deserialize(deserializer).map(Buffered::Value)
    }

    to_json_value! {
        visit_bool: bool, visit_i64: i64, visit_u64: u64, visit_i128: i128,
        visit_u128: u128, visit_f64: f64, visit_str: &str, visit_string: String,
    }

    fn visit_unit<E: de::Error>(self) -> Result<Buffered<'de>, E> {
        Ok(Buffered::Value(JsonValue::Null))
    }

    fn visit_none<E: de::Error>(self) -> Result<Buffered<'de>, E> {
        Ok(Buffered::Value(JsonValue::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Buffered<'de>, D::Error> {
        JsonValue::deserialize(deserializer).map(Buffered::Value)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Buffered<'de>, A::Error> {
        JsonValue::deserialize(SeqAccessDeserializer::new(seq)).map(Buffered::Value)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Buffered<'de>, A::Error> {
        let Some(first) = map.next_key_seed(KeySeed)? else {
            return Ok(Buffered::Value(JsonValue::Object(serde_json::Map::new())));
        };
        if first == RAW_TEXT {
            let text: &'de str = map.next_value()?;
            let depth_left = match map.next_key_seed(KeySeed)? {
                Some(key) if key == DEPTH_LEFT => map.next_value::<u8>()?,
                _ => return Err(de::Error::custom("a union's text came without its depth")),
            };
            return Ok(Buffered::Text { text, depth_left });
        }
        // Another deserializer's object: the first entry, then the rest as `JsonValue`
        // reads them, inserted after it (a key given twice keeps its last value and its
        // first place, as `JsonValue`'s own reading does).
        let value: JsonValue = map.next_value()?;
        let JsonValue::Object(rest) = JsonValue::deserialize(MapAccessDeserializer::new(map))?
        else {
            return Err(de::Error::custom("an object read as something else"));
        };
        let mut object = serde_json::Map::new();
        object.insert(first, value);
        for (key, value) in rest {
            object.insert(key, value);
        }
        Ok(Buffered::Value(JsonValue::Object(object)))
    }
}

/// An object's key as `JsonValue` reads one: a string, nothing else.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<String, E> {
        Ok(key.to_owned())
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<String, E> {
        Ok(key)
    }
}

/// The member whose errors best explain why a value is none of the union's members:
/// `None` when every member rejects the value's JSON type outright (one `wrong_type` error
/// at the union's own path; the caller then reports one `wrong_type` naming the union),
/// otherwise the member with the fewest errors, the first one on a tie. `more[i]` counts
/// the errors member `i` found past [`max_errors`](crate::DecodeOptions::max_errors)
/// without keeping them: they count as much as the kept ones, so that the member chosen,
/// and the report's error count, do not depend on the cap.
pub(crate) fn closest(
    attempts: &[Vec<ValidationError>],
    more: &[usize],
    path: &str,
) -> Option<usize> {
    let wrong_type_only = |(errors, more): (&Vec<ValidationError>, &usize)| {
        *more == 0
            && matches!(errors.as_slice(), [only] if only.kind == ErrorKind::WrongType && only.path == path)
    };
    if attempts.iter().zip(more).all(wrong_type_only) {
        return None;
    }
    attempts
        .iter()
        .zip(more)
        .enumerate()
        .min_by_key(|(index, (errors, more))| (errors.len().saturating_add(**more), *index))
        .map(|(index, _)| index)
}

/// `RegistryScanningRuleUnionTypeDef (Union[RegistryScanningRuleTypeDef, ...])`: how a
/// message names what a union expects; an inline union as the stub writes it, `str | bytes`
/// (its Rust name is nowhere in the stub).
pub(crate) struct Expecting(pub(crate) &'static UnionSchema);

impl fmt::Display for Expecting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let union = ValueType::Union(self.0);
        let style = crate::schema::PythonStyle::BUILTINS;
        if self.0.inline {
            return write!(f, "{}", union.python_with(&style));
        }
        write!(
            f,
            "{} ({})",
            self.0.name,
            union.python_definition_with(&style)
        )
    }
}

/// The error for a value no member of the union accepts. The validation walk then
/// reports why, member by member.
#[cold]
pub fn no_member<E: serde::de::Error>(union: &'static UnionSchema) -> E {
    E::custom(format_args!(
        "the value is none of the members of {}",
        Expecting(union)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: ErrorKind, path: &str) -> ValidationError {
        ValidationError::new(kind, path, "")
    }

    #[test]
    fn a_json_type_no_member_takes_is_one_wrong_type() {
        let attempts = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&attempts, &[0; 2], "$.a"), None);
    }

    #[test]
    fn otherwise_the_member_with_the_fewest_errors_first_on_a_tie() {
        let attempts = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![
                error(ErrorKind::MissingKey, "$.a.x"),
                error(ErrorKind::MissingKey, "$.a.y"),
            ],
            vec![error(ErrorKind::MissingKey, "$.a.z")],
        ];
        assert_eq!(closest(&attempts, &[0; 3], "$.a"), Some(0));
        assert_eq!(closest(&attempts[1..], &[0; 2], "$.a"), Some(1));
        let tie = vec![
            vec![error(ErrorKind::MissingKey, "$.a.x")],
            vec![error(ErrorKind::MissingKey, "$.a.y")],
        ];
        assert_eq!(closest(&tie, &[0; 2], "$.a"), Some(0));
        // A wrong type deeper down is a real reason, not a rejected JSON type.
        let nested = vec![
            vec![error(ErrorKind::WrongType, "$.a.x")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&nested, &[0; 2], "$.a"), Some(0));
    }

    #[test]
    fn errors_counted_past_the_cap_weigh_as_much_as_kept_ones() {
        // Under `max_errors(1)`: three errors (one kept) against a single wrong type.
        let capped = vec![
            vec![error(ErrorKind::WrongType, "$.a.x")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&capped, &[2, 0], "$.a"), Some(1));
        assert_eq!(closest(&capped, &[0, 0], "$.a"), Some(0));
        // Under `max_errors(0)` nothing is kept: the counts alone decide.
        assert_eq!(closest(&[vec![], vec![]], &[3, 1], "$.a"), Some(1));
        assert_eq!(closest(&[vec![], vec![]], &[1, 1], "$.a"), Some(0));
        // A kept wrong type with more counted is not a rejected JSON type alone.
        let rejected = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&rejected, &[0, 1], "$.a"), Some(0));
    }
}
