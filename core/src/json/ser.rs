//! Compact JSON out of any `Serialize`: byte for byte what `serde_json::to_vec` writes
//! (its formatter writes every number and `null`), except that a float JSON cannot hold is
//! refused rather than written as `null`; strings are copied sixteen bytes at
//! a time up to the next byte that needs escaping, with the scan the lexer reads strings
//! with, rather than a table lookup per byte. Strings are most of what ECR payloads hold.

use serde::ser::{self, Impossible, Serialize};
use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::Error;

use super::read::plain_until;

/// `value` as compact JSON bytes.
pub(crate) fn to_vec<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = Vec::with_capacity(128);
    value.serialize(&mut Writer { out: &mut out })?;
    Ok(out)
}

/// `value` as a compact JSON string.
pub(crate) fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let bytes = to_vec(value)?;
    // SAFETY: the writer only writes ASCII and whole `str`s or pieces of them cut at
    // ASCII bytes (char boundaries), so the bytes are UTF-8 (serde_json relies on the same).
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Compact JSON laid out as serde_json's `PrettyFormatter` lays it out: two spaces a
/// level, `": "` after a key, empty containers as `[]` and `{}`. The compact text has no
/// whitespace outside strings, so only brackets, commas and colons outside strings move.
pub(crate) fn pretty(compact: &[u8]) -> Vec<u8> {
    fn line(out: &mut Vec<u8>, depth: usize) {
        out.push(b'\n');
        out.resize(out.len() + 2 * depth, b' ');
    }
    let mut out = Vec::with_capacity(compact.len() * 2);
    let mut depth = 0;
    let mut at = 0;
    while let Some(&byte) = compact.get(at) {
        at += 1;
        match byte {
            b'"' => {
                // Copy the string to its closing quote, escapes and all.
                let start = at - 1;
                loop {
                    at = plain_until(compact, at);
                    match compact.get(at) {
                        Some(b'\\') => at += 2,
                        Some(_) => {
                            at += 1;
                            break;
                        }
                        None => break,
                    }
                }
                out.extend_from_slice(&compact[start..at.min(compact.len())]);
            }
            b'{' | b'[' => {
                out.push(byte);
                let close = if byte == b'{' { b'}' } else { b']' };
                if compact.get(at) == Some(&close) {
                    out.push(close);
                    at += 1;
                } else {
                    depth += 1;
                    line(&mut out, depth);
                }
            }
            b'}' | b']' => {
                depth -= 1;
                line(&mut out, depth);
                out.push(byte);
            }
            b',' => {
                out.push(b',');
                line(&mut out, depth);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(byte),
        }
    }
    out
}

/// The error for a float JSON cannot hold. serde_json writes `null` for it, which would
/// turn a value into an absent key (or a `null` strict mode refuses): the contract is that
/// what encodes, decodes back to itself, so it is refused wherever it stands.
#[cold]
fn non_finite(value: impl std::fmt::Display) -> Error {
    ser::Error::custom(format_args!(
        "cannot encode the float {value}: JSON has no NaN or infinity"
    ))
}

/// Writes JSON into a byte buffer.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    /// A number, `null` or the like, as serde_json's compact formatter writes it. Writing
    /// into a `Vec` cannot fail.
    #[inline]
    fn format(
        &mut self,
        write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
    ) {
        let _ = write(&mut CompactFormatter, self.out);
    }

    #[inline]
    fn str(&mut self, text: &str) {
        write_str(self.out, text);
    }
}

/// The escape of each byte that needs one (after its backslash), `u` for `\u00XX`.
#[inline]
fn escape(byte: u8) -> u8 {
    match byte {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => b'u',
    }
}

/// A JSON string: quotes, plain runs copied whole, escapes as serde_json writes them.
#[inline]
fn write_str(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    loop {
        let stop = plain_until(bytes, start);
        out.extend_from_slice(&bytes[start..stop]);
        let Some(&byte) = bytes.get(stop) else {
            break;
        };
        match escape(byte) {
            b'u' => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]),
            short => out.extend_from_slice(&[b'\\', short]),
        }
        start = stop + 1;
    }
    out.push(b'"');
}

/// Where a list or object being written stands.
#[derive(PartialEq, Eq)]
enum State {
    /// Written whole already (`[]` or `{}`, announced empty).
    Empty,
    First,
    Rest,
}

/// A list or object being written.
struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    state: State,
}

impl Compound<'_, '_> {
    /// The comma before every member but the first.
    #[inline]
    fn separate(&mut self) {
        if self.state == State::First {
            self.state = State::Rest;
        } else {
            self.writer.out.push(b',');
        }
    }

    #[inline]
    fn close(self, bracket: u8) {
        if self.state != State::Empty {
            self.writer.out.push(bracket);
        }
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.format(|f, out| f.write_bool(out, value));
        Ok(())
    }

    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.serialize_i64(value.into())
    }

    #[inline]
    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        self.format(|f, out| f.write_i64(out, value));
        Ok(())
    }

    fn serialize_i128(self, value: i128) -> Result<(), Error> {
        self.format(|f, out| f.write_i128(out, value));
        Ok(())
    }

    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.serialize_u64(value.into())
    }

    #[inline]
    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.format(|f, out| f.write_u64(out, value));
        Ok(())
    }

    fn serialize_u128(self, value: u128) -> Result<(), Error> {
        self.format(|f, out| f.write_u128(out, value));
        Ok(())
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(non_finite(value));
        }
        self.format(|f, out| f.write_f32(out, value));
        Ok(())
    }

    #[inline]
    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(non_finite(value));
        }
        self.format(|f, out| f.write_f64(out, value));
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.str(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.str(value);
        Ok(())
    }

    fn serialize_bytes(self, value: &[u8]) -> Result<(), Error> {
        // As serde_json: a list of numbers.
        use ser::SerializeSeq;
        let mut seq = self.serialize_seq(Some(value.len()))?;
        for byte in value {
            seq.serialize_element(byte)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    #[inline]
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.format(|f, out| f.write_null(out));
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        self.str(variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    #[inline]
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b'[', b']', len))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        self.str(variant);
        self.out.push(b':');
        self.serialize_seq(Some(len))
    }

    #[inline]
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        Ok(self.open(b'{', b'}', len))
    }

    #[inline]
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        self.str(variant);
        self.out.push(b':');
        self.serialize_map(Some(len))
    }
}

impl<'w, 'a> Writer<'a> {
    /// Opens a list or object; one announced empty is written whole at once, as
    /// serde_json does.
    #[inline]
    fn open(&'w mut self, bracket: u8, close: u8, len: Option<usize>) -> Compound<'w, 'a> {
        self.out.push(bracket);
        let state = if len == Some(0) {
            self.out.push(close);
            State::Empty
        } else {
            State::First
        };
        Compound {
            writer: self,
            state,
        }
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), Error> {
        let writer = &mut *self.writer;
        if self.state != State::Empty {
            writer.out.push(b']');
        }
        writer.out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.separate();
        key.serialize(KeyWriter {
            writer: &mut *self.writer,
        })
    }

    #[inline]
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    #[inline]
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.separate();
        self.writer.str(key);
        self.writer.out.push(b':');
        value.serialize(&mut *self.writer)
    }

    #[inline]
    fn end(self) -> Result<(), Error> {
        self.close(b'}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), Error> {
        let writer = &mut *self.writer;
        if self.state != State::Empty {
            writer.out.push(b'}');
        }
        writer.out.push(b'}');
        Ok(())
    }
}

/// An object key: a string, or what serde_json writes as one (numbers and booleans in
/// quotes); anything else is its error.
struct KeyWriter<'w, 'a> {
    writer: &'w mut Writer<'a>,
}

impl KeyWriter<'_, '_> {
    /// A key written as what `write` writes, in quotes.
    fn quoted(
        self,
        write: impl FnOnce(&mut CompactFormatter, &mut Vec<u8>) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        let out = &mut *self.writer.out;
        out.push(b'"');
        let _ = write(&mut CompactFormatter, out);
        out.push(b'"');
        Ok(())
    }
}

fn key_must_be_a_string() -> Error {
    ser::Error::custom("key must be a string")
}

impl ser::Serializer for KeyWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    #[inline]
    fn serialize_str(self, value: &str) -> Result<(), Error> {
        self.writer.str(value);
        Ok(())
    }

    fn serialize_char(self, value: char) -> Result<(), Error> {
        self.writer.str(value.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_bool(self, value: bool) -> Result<(), Error> {
        self.quoted(|f, out| f.write_bool(out, value))
    }

    fn serialize_i8(self, value: i8) -> Result<(), Error> {
        self.quoted(|f, out| f.write_i8(out, value))
    }

    fn serialize_i16(self, value: i16) -> Result<(), Error> {
        self.quoted(|f, out| f.write_i16(out, value))
    }

    fn serialize_i32(self, value: i32) -> Result<(), Error> {
        self.quoted(|f, out| f.write_i32(out, value))
    }

    fn serialize_i64(self, value: i64) -> Result<(), Error> {
        self.quoted(|f, out| f.write_i64(out, value))
    }

    fn serialize_i128(self, value: i128) -> Result<(), Error> {
        self.quoted(|f, out| f.write_i128(out, value))
    }

    fn serialize_u8(self, value: u8) -> Result<(), Error> {
        self.quoted(|f, out| f.write_u8(out, value))
    }

    fn serialize_u16(self, value: u16) -> Result<(), Error> {
        self.quoted(|f, out| f.write_u16(out, value))
    }

    fn serialize_u32(self, value: u32) -> Result<(), Error> {
        self.quoted(|f, out| f.write_u32(out, value))
    }

    fn serialize_u64(self, value: u64) -> Result<(), Error> {
        self.quoted(|f, out| f.write_u64(out, value))
    }

    fn serialize_u128(self, value: u128) -> Result<(), Error> {
        self.quoted(|f, out| f.write_u128(out, value))
    }

    fn serialize_f32(self, value: f32) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(ser::Error::custom(
                "float key must be finite (got NaN or +/-inf)",
            ));
        }
        self.quoted(|f, out| f.write_f32(out, value))
    }

    fn serialize_f64(self, value: f64) -> Result<(), Error> {
        if !value.is_finite() {
            return Err(ser::Error::custom(
                "float key must be finite (got NaN or +/-inf)",
            ));
        }
        self.quoted(|f, out| f.write_f64(out, value))
    }

    fn serialize_bytes(self, _value: &[u8]) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_must_be_a_string())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use serde_json::{json, Value};

    use super::*;

    /// Any JSON value, strings drawn to hit every escape and the sixteen-byte scan's edges.
    fn value() -> impl Strategy<Value = Value> {
        let text = prop_oneof![
            ".*",
            "[\"\\\\\\x00-\\x1f\\x7f a-z\u{e9}\u{1F600}]{0,40}",
            "[a-z]{0,40}",
        ];
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |x| x.is_finite())
                .prop_map(Value::from),
            text.clone().prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 64, 8, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
                prop::collection::btree_map(text.clone(), inner, 0..8)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn writes_what_serde_json_writes(value in value()) {
            prop_assert_eq!(to_vec(&value).unwrap(), serde_json::to_vec(&value).unwrap());
        }

        #[test]
        fn lays_out_what_serde_json_pretty_prints(value in value()) {
            let ours = pretty(&to_vec(&value).unwrap());
            prop_assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }

        #[test]
        fn escapes_every_string_as_serde_json_does(text in "(?s:.{0,80})") {
            prop_assert_eq!(to_string(&text).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn every_control_character_and_the_edges_of_a_block() {
        for byte in 0..=0x7f_u8 {
            let text = char::from(byte).to_string().repeat(3);
            assert_eq!(
                to_string(&text).unwrap(),
                serde_json::to_string(&text).unwrap()
            );
        }
        for len in 0..40 {
            for at in 0..len {
                let mut text = "x".repeat(len);
                text.replace_range(at..=at, "\"");
                assert_eq!(
                    to_string(&text).unwrap(),
                    serde_json::to_string(&text).unwrap()
                );
            }
        }
    }

    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        Newtype(i32),
        Tuple(i32, bool),
        Empty(),
        Struct { a: f32, b: Option<char> },
        NoFields {},
    }

    #[derive(serde::Serialize)]
    struct Everything {
        shapes: Vec<Shape>,
        bytes: serde_bytes_like::Bytes,
        tuple: (u8, i128, u128),
        unit: (),
        nan: f64,
        int_keys: BTreeMap<i64, bool>,
        bool_keys: BTreeMap<bool, u8>,
        float_keys: BTreeMap<u32, f32>,
        empty: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
    }

    mod serde_bytes_like {
        /// Serializes through `serialize_bytes`.
        pub struct Bytes(pub Vec<u8>);

        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn every_serde_shape_as_serde_json_writes_it() {
        let everything = Everything {
            shapes: vec![
                Shape::Unit,
                Shape::Newtype(-3),
                Shape::Tuple(1, true),
                Shape::Empty(),
                Shape::Struct {
                    a: 1.5,
                    b: Some('\n'),
                },
                Shape::Struct { a: -0.0, b: None },
                Shape::NoFields {},
            ],
            bytes: serde_bytes_like::Bytes(vec![0, 255]),
            tuple: (7, i128::MIN, u128::MAX),
            unit: (),
            nan: f64::MIN_POSITIVE,
            int_keys: BTreeMap::from([(-1, true), (2, false)]),
            bool_keys: BTreeMap::from([(true, 1)]),
            float_keys: BTreeMap::from([(1, 0.1)]),
            empty: vec![],
            empty_map: BTreeMap::new(),
        };
        assert_eq!(
            to_string(&everything).unwrap(),
            serde_json::to_string(&everything).unwrap()
        );
        let float_key = BTreeMap::from([(ordered(1.5), 1)]);
        assert_eq!(
            to_string(&float_key).unwrap(),
            serde_json::to_string(&float_key).unwrap()
        );
        for bad in [json!(null), json!([1])] {
            let map = BTreeMap::from([(KeyOf::new(bad), 1)]);
            let ours = to_string(&map).unwrap_err().to_string();
            assert!(ours.contains("key must be a string"), "{ours}");
            assert!(serde_json::to_string(&map).is_err());
        }
        // Where serde_json writes `null`, a float JSON cannot hold is refused, at any depth.
        for float in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let nested = BTreeMap::from([("a", vec![Some(1.0), Some(float)])]);
            let error = to_string(&nested).unwrap_err().to_string();
            assert!(error.contains(&format!("the float {float}")), "{error}");
            assert!(serde_json::to_string(&nested).unwrap().contains("null"));
            let shape = Shape::Struct {
                a: float as f32,
                b: None,
            };
            assert!(to_string(&shape).is_err());
        }
        let nan_key = BTreeMap::from([(ordered(f64::NAN), 1)]);
        assert!(to_string(&nan_key).is_err());
        assert!(serde_json::to_string(&nan_key).is_err());
    }

    /// An f64 map key (ordered by its bits, for the map).
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct Ordered(u64);

    fn ordered(value: f64) -> Ordered {
        Ordered(value.to_bits())
    }

    impl serde::Serialize for Ordered {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_f64(f64::from_bits(self.0))
        }
    }

    /// A map key that serializes as a JSON value.
    #[derive(PartialEq, Eq, PartialOrd, Ord)]
    struct KeyOf(String);

    impl KeyOf {
        fn new(value: Value) -> Self {
            KeyOf(value.to_string())
        }
    }

    impl serde::Serialize for KeyOf {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serde_json::from_str::<Value>(&self.0)
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer)
        }
    }
}
