//! The fast path's JSON parser: a serde `Deserializer` over JSON bytes, on the validation
//! walk's lexer (which checks their UTF-8 as it reads them). One grammar for both paths
//! (what one accepts, the other does), strings scanned sixteen bytes at a time and handed
//! over borrowed when they have no escapes, and numbers read as Python's `json` reads them
//! (`-0` is the integer 0).
//!
//! Its errors only say that the fast path failed: the walk then reports every problem in
//! full, so they carry a short message and no position.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::error::Malformed;
use super::number::{AsInt, Number, Read};
use super::read::{unescape, Lexer, RawString};
use super::MAX_DEPTH;
use crate::schema::IntegerRange;

/// Why the fast path stopped.
///
/// Two words wide, so that the parser's results (`Result<(), Error>` for every key and
/// value written into its slot) come back in registers rather than through memory.
#[derive(Debug)]
pub(crate) struct Error(Box<str>);

impl Error {
    #[cold]
    fn new(message: &str) -> Self {
        Error(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string().into())
    }
}

impl From<Malformed> for Error {
    #[cold]
    fn from(malformed: Malformed) -> Self {
        Error::new(malformed.syntax.message())
    }
}

type Result<T> = std::result::Result<T, Error>;

pub(crate) struct Parser<'de> {
    lex: Lexer<'de>,
    depth_left: u8,
}

impl<'de> Parser<'de> {
    pub(crate) fn new(lex: Lexer<'de>) -> Self {
        Parser {
            lex,
            depth_left: MAX_DEPTH,
        }
    }

    /// A parser for a value found `MAX_DEPTH - depth_left` levels down in a larger text
    /// (a union's value, read again for each member): the nesting limit counts from the
    /// whole document, as the walk counts it.
    pub(crate) fn with_depth_left(text: &'de str, depth_left: u8) -> Self {
        Parser {
            lex: Lexer::for_text(text),
            depth_left,
        }
    }

    /// Only whitespace may follow the value.
    pub(crate) fn end(&mut self) -> Result<()> {
        if self.lex.at_end() {
            Ok(())
        } else {
            Err(Error::new("trailing characters"))
        }
    }

    #[inline]
    fn enter(&mut self) -> Result<()> {
        self.depth_left -= 1;
        if self.depth_left == 0 {
            return Err(Error::new("recursion limit exceeded"));
        }
        Ok(())
    }

    /// A unit variant named by `text` (a string value or an object key), as serde_json
    /// reads one.
    fn visit_unit_variant<V: Visitor<'de>>(visitor: V, text: RawString<'de>) -> Result<V::Value> {
        if !text.escaped {
            return visitor.visit_enum(BorrowedStrDeserializer::new(text.raw));
        }
        let owned = unescape(text.raw);
        visitor.visit_enum(de::IntoDeserializer::<Error>::into_deserializer(owned))
    }

    /// The error for a value that is not the object or list `expected` asked for, named
    /// by its first byte (`found`), as serde's `invalid_type` words it.
    fn not_a(found: Option<u8>, expected: &dyn de::Expected) -> Error {
        let unexpected = match found {
            Some(b'{') => de::Unexpected::Map,
            Some(b'[') => de::Unexpected::Seq,
            Some(b'"') => de::Unexpected::Other("string"),
            Some(b'-' | b'0'..=b'9') => de::Unexpected::Other("number"),
            Some(b't' | b'f') => de::Unexpected::Other("boolean"),
            Some(b'n') => de::Unexpected::Unit,
            _ => return Error::new("expected a JSON value"),
        };
        de::Error::invalid_type(unexpected, expected)
    }

    /// An object or list from its opening bracket: one level deeper while `read` reads
    /// its members, which it must read to the closing bracket.
    #[inline(always)]
    fn members<const CLOSE: u8, T>(
        &mut self,
        read: impl FnOnce(&mut Members<'_, 'de, CLOSE>) -> Result<T>,
    ) -> Result<T> {
        self.enter()?;
        self.lex.bump();
        let mut members = Members::new(&mut *self);
        let value = read(&mut members)?;
        if !members.done {
            let unread = if CLOSE == b'}' {
                "an object was not read to its end"
            } else {
                "a list was not read to its end"
            };
            return Err(Error::new(unread));
        }
        self.depth_left += 1;
        Ok(value)
    }

    #[inline]
    fn visit_string<V: Visitor<'de>>(visitor: V, text: RawString<'de>) -> Result<V::Value> {
        if text.escaped {
            visitor.visit_string(unescape(text.raw))
        } else {
            visitor.visit_borrowed_str(text.raw)
        }
    }

    #[inline]
    fn visit_number<V: Visitor<'de>>(visitor: V, number: Number<'de>) -> Result<V::Value> {
        match number.read() {
            Read::I64(value) => visitor.visit_i64(value),
            Read::U64(value) => visitor.visit_u64(value),
            Read::F64(value) => visitor.visit_f64(value),
            Read::OutOfRange => Err(Error::new("number out of range")),
        }
    }
}

/// The integer methods of the parser's `Deserializer`, each judging a number by its
/// type's [`IntegerRange`].
macro_rules! deserialize_integers {
    ($($method:ident: $range:ident),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            self.deserialize_integer(&IntegerRange::$range, visitor)
        }
    )*};
}

impl<'de> Parser<'de> {
    /// A value where a visitor asks for an integer of `range` (the integer types' own
    /// `Deserialize` impls do): a number token is judged by the walk's rule,
    /// [`Number::as_int_within`], so the fast path accepts exactly what validation does
    /// (rather than each visitor's own, equal but separate, checks); any other token goes
    /// to the visitor, which names its type.
    #[inline]
    fn deserialize_integer<V: Visitor<'de>>(
        &mut self,
        range: &IntegerRange,
        visitor: V,
    ) -> Result<V::Value> {
        if !matches!(self.lex.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.deserialize_any(visitor);
        }
        let number = self.lex.number()?;
        match number.as_int_within(range) {
            AsInt::Int(value) => match i64::try_from(value) {
                Ok(value) => visitor.visit_i64(value),
                // Within a range, so within `u64` when not within `i64`.
                Err(_) => visitor.visit_u64(value as u64),
            },
            AsInt::OutOfRange => Err(Error::new("integer out of range")),
            AsInt::Float => Err(Error::new("expected an integer, got a float")),
        }
    }
}

impl<'de> Deserializer<'de> for &mut Parser<'de> {
    type Error = Error;

    deserialize_integers! {
        deserialize_i8: I8, deserialize_i16: I16, deserialize_i32: I32, deserialize_i64: I64,
        deserialize_u8: U8, deserialize_u16: U16, deserialize_u32: U32, deserialize_u64: U64,
    }

    /// An `f32` by the walk's rule, [`Number::as_f32`]: read in one rounding, and refused
    /// when it would round to infinity (serde's `f32` makes infinity of a large `f64`).
    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if !matches!(self.lex.peek(), Some(b'-' | b'0'..=b'9')) {
            return self.deserialize_any(visitor);
        }
        match self.lex.number()?.as_f32() {
            Some(value) => visitor.visit_f32(value),
            None => Err(Error::new("number out of range")),
        }
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.lex.peek() {
            Some(b'{') => self.members(|entries: &mut Entries<'_, 'de>| visitor.visit_map(entries)),
            Some(b'[') => self.members(|items: &mut Items<'_, 'de>| visitor.visit_seq(items)),
            Some(b'"') => {
                let text = self.lex.string()?;
                Parser::visit_string(visitor, text)
            }
            Some(b'-' | b'0'..=b'9') => {
                let number = self.lex.number()?;
                Parser::visit_number(visitor, number)
            }
            Some(b't') => {
                self.lex.word(b"true")?;
                visitor.visit_bool(true)
            }
            Some(b'f') => {
                self.lex.word(b"false")?;
                visitor.visit_bool(false)
            }
            Some(b'n') => {
                self.lex.word(b"null")?;
                visitor.visit_unit()
            }
            _ => Err(Error::new("expected a JSON value")),
        }
    }

    /// In line, as [`Self::deserialize_string`] is: out of line, each call returned the
    /// value through memory and the caller copied it out with wider loads than the
    /// callee's stores, which stalls store forwarding (perf, workload 3).
    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.lex.peek() == Some(b'n') {
            self.lex.word(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A string value read in line (the common case: a `String` key's value); any other
    /// token goes to the visitor through [`Self::deserialize_any`], which names its type.
    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.lex.peek() == Some(b'"') {
            let text = self.lex.string()?;
            return Parser::visit_string(visitor, text);
        }
        self.deserialize_any(visitor)
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.lex.skip_value()?;
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == crate::union::RAW_TEXT {
            // A union asks for its value's text, to read it once per member with this
            // parser (a `JsonValue` buffer would keep one value of a key given twice).
            let text = self.lex.raw_value()?;
            return visitor.visit_map(crate::union::RawText::new(text, self.depth_left));
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // Unit variants as strings, as serde_json reads them.
        if self.lex.peek() == Some(b'"') {
            let text = self.lex.string()?;
            return Parser::visit_unit_variant(visitor, text);
        }
        Err(Error::new("expected a string for an enum"))
    }

    // An object or a list asked for, and anything else found, is an error named here
    // rather than by the visitor's `visit_bool`, `visit_str` and the rest: those defaults
    // would be compiled for every typed dict's and every list's visitor only to say the
    // same (a crate decoding thousands of shapes compiled about 90,000 lines of LLVM IR
    // of them).
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.lex.peek() {
            Some(b'{') => self.members(|entries: &mut Entries<'_, 'de>| visitor.visit_map(entries)),
            found => Err(Parser::not_a(found, &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.lex.peek() {
            Some(b'[') => self.members(|items: &mut Items<'_, 'de>| visitor.visit_seq(items)),
            found => Err(Parser::not_a(found, &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i128 u128 f64 char
        bytes byte_buf unit unit_struct tuple tuple_struct identifier
    }
}

/// The members of an object (`CLOSE` is `}`) or a list (`]`) being read.
struct Members<'a, 'de, const CLOSE: u8> {
    parser: &'a mut Parser<'de>,
    first: bool,
    /// Whether the closing bracket was reached: a visitor that stops early is an error.
    done: bool,
}

impl<'a, 'de, const CLOSE: u8> Members<'a, 'de, CLOSE> {
    fn new(parser: &'a mut Parser<'de>) -> Self {
        Members {
            parser,
            first: true,
            done: false,
        }
    }

    /// Steps past the separator to the next member; false at the closing bracket.
    #[inline(always)]
    fn next(&mut self) -> Result<bool> {
        let more = if std::mem::take(&mut self.first) {
            self.parser.lex.first_entry(CLOSE)?
        } else {
            self.parser.lex.next_entry(CLOSE)?
        };
        if !more {
            self.done = true;
        }
        Ok(more)
    }
}

/// The entries of an object being read.
type Entries<'a, 'de> = Members<'a, 'de, b'}'>;

/// The items of a list being read.
type Items<'a, 'de> = Members<'a, 'de, b']'>;

impl<'de> MapAccess<'de> for &mut Entries<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        // The key and its colon in one step (one look past each comma), then the seed.
        let key = if std::mem::take(&mut self.first) {
            self.parser.lex.first_key()?
        } else {
            self.parser.lex.next_key()?
        };
        match key {
            Some(text) => seed.deserialize(Key { text }).map(Some),
            None => {
                self.done = true;
                Ok(None)
            }
        }
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        seed.deserialize(&mut *self.parser)
    }
}

impl<'de> SeqAccess<'de> for &mut Items<'_, 'de> {
    type Error = Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.next()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.parser).map(Some)
    }
}

/// An object key, already read: always a string, whatever the seed asks for.
struct Key<'de> {
    text: RawString<'de>,
}

impl<'de> Deserializer<'de> for Key<'de> {
    type Error = Error;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        Parser::visit_string(visitor, self.text)
    }

    /// A unit variant named by the key, as [`Parser`] reads one from a string value.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        Parser::visit_unit_variant(visitor, self.text)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

/// Decodes `T` from the whole text.
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T> {
    from_lexer_seed(Lexer::for_text(text), std::marker::PhantomData::<T>)
}

/// Decodes what `seed` reads from the whole of the lexer's text, which it fails for
/// unless it is UTF-8.
pub(crate) fn from_lexer_seed<'de, S: DeserializeSeed<'de>>(
    lex: Lexer<'de>,
    seed: S,
) -> Result<S::Value> {
    let mut parser = Parser::new(lex);
    let value = seed.deserialize(&mut parser)?;
    parser.end()?;
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    /// Our parser and serde_json agree on what is JSON and on the value read, but for
    /// `-0` (an integer here, as in Python) and numbers beyond `f64` (no value here).
    fn agree(text: &str) {
        agree_on_bytes(text.as_bytes());
    }

    /// [`agree`] on bytes that may not be UTF-8: as serde_json's `from_slice` reads a
    /// `Value`, which checks every string it builds.
    fn agree_on_bytes(json: &[u8]) {
        let text = String::from_utf8_lossy(json);
        let ours = from_lexer_seed(Lexer::new(json), std::marker::PhantomData::<Value>).ok();
        let theirs = serde_json::from_slice::<Value>(json).ok();
        let negative_zero = |value: &Value| value.as_f64() == Some(0.0) && value.is_f64();
        match (&ours, &theirs) {
            (Some(a), Some(b)) if a != b => {
                let a = a.to_string().replace("-0.0", "0").replace("-0", "0");
                let b = b.to_string().replace("-0.0", "0").replace("-0", "0");
                assert_eq!(a, b, "{text:?}");
            }
            (None, Some(value)) => panic!("refused what serde_json reads as {value}: {text:?}"),
            (Some(value), None) if !negative_zero(value) => {
                panic!("read {value} where serde_json refuses: {text:?}")
            }
            _ => {}
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        let deep_ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        let deep_bad = format!("{}{}", "[".repeat(128), "]".repeat(128));
        for text in [
            r#"{"a": [1, -2, 3.5, 1e3, true, false, null, "x\n\u00e9\ud83d\ude00"], "b": {}}"#,
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "\"\\uDC00\"",
            " {} ",
            "{} x",
            "",
            deep_ok.as_str(),
            deep_bad.as_str(),
        ] {
            agree(text);
        }
        assert_eq!(from_str::<i64>("-0").unwrap(), 0);
        assert!(from_str::<f64>("1e400").is_err());
        assert_eq!(from_str::<f64>("1e-400").unwrap(), 0.0);
        let borrowed: &str = from_str("\"plain\"").unwrap();
        assert_eq!(borrowed, "plain");
    }

    #[test]
    fn reads_every_jsontestsuite_file_as_serde_json_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/corpus/jsontestsuite");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("skipped: no corpus at {}", dir.display());
            return;
        };
        for entry in entries {
            agree_on_bytes(&std::fs::read(entry.unwrap().path()).unwrap());
        }
    }
}
