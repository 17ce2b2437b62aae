//! Support for the code `#[typed_dict]` generates. Not public API: no stability promises.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

pub use crate::interop::private::*;
pub use crate::key::KeySeed;
pub use crate::literal::{Literal, LiteralError, UnknownValue};
pub use crate::schema::{
    AliasSchema, FieldSchema, LiteralSchema, TypedDictSchema, TypedValue, UnionSchema, ValueType,
};
pub use crate::union::no_member as no_union_member;
pub use crate::{Dict, HasOutput, List, TypedDict};
pub use serde;
pub use serde_json::Value as JsonValue;

/// A typed dict's schema (the schema types are `#[non_exhaustive]`: generated code builds
/// them through these functions, which can gain parameters without breaking users).
#[inline]
pub const fn typed_dict_schema(
    name: &'static str,
    fields: &'static [FieldSchema],
    closed: bool,
    extra_items: Option<&'static str>,
) -> TypedDictSchema {
    TypedDictSchema {
        name,
        fields,
        closed,
        extra_items,
    }
}

/// One key of a typed dict's schema.
#[inline]
pub const fn field_schema(
    rust_name: &'static str,
    key: &'static str,
    required: bool,
    wire_optional: bool,
    value: &'static ValueType,
) -> FieldSchema {
    FieldSchema {
        rust_name,
        key,
        required,
        wire_optional,
        value,
    }
}

/// A literal's schema.
#[inline]
pub const fn literal_schema(
    name: &'static str,
    values: &'static [&'static str],
    open: bool,
) -> LiteralSchema {
    LiteralSchema { name, values, open }
}

/// A named union's schema.
#[inline]
pub const fn union_schema(name: &'static str, members: &'static [ValueType]) -> UnionSchema {
    UnionSchema { name, members }
}

/// A named alias's schema.
#[inline]
pub const fn alias_schema(name: &'static str, target: &'static ValueType) -> AliasSchema {
    AliasSchema { name, target }
}

/// A value serialized through [`TypedValue::serialize_value`]: the generated code wraps each
/// key's value in it, and lists and dicts wrap their items.
#[derive(Debug)]
pub struct Encoded<'a, T: ?Sized>(pub &'a T);

impl<T: TypedValue> serde::Serialize for Encoded<'_, T> {
    #[inline]
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_value(serializer)
    }
}

/// Refuses an extra-items entry whose key the typed dict declares: writing it would give
/// a duplicate key, or JSON that decodes into the declared field.
#[inline]
pub fn check_extra_key<T: TypedDict, E: serde::ser::Error>(key: &str) -> Result<(), E> {
    let schema = T::schema();
    if schema.field(key).is_some() {
        return Err(declared_key_in_extra(key, schema.name));
    }
    Ok(())
}

#[cold]
fn declared_key_in_extra<E: serde::ser::Error>(key: &str, type_name: &str) -> E {
    E::custom(format_args!(
        "cannot encode {type_name}: its extra-items field holds `{key}`, a key {type_name} declares; set the field instead"
    ))
}

/// Whether the decode running on this thread is in wire mode.
#[inline]
pub fn is_wire() -> bool {
    crate::options::current().is_wire()
}

/// The error for a Required key that is absent.
#[cold]
pub fn missing_key<E: serde::de::Error>(key: &'static str) -> E {
    E::missing_field(key)
}

/// The error for a key given twice.
#[cold]
pub fn duplicate_key<E: serde::de::Error>(key: &'static str) -> E {
    E::duplicate_field(key)
}

/// The error for an undeclared key given twice in a dict with an extra-items field.
#[cold]
pub fn duplicate_extra_key<E: serde::de::Error>() -> E {
    E::custom("an undeclared key appears more than once")
}

/// The error for a key a closed typed dict does not declare.
#[cold]
pub fn unknown_key<E: serde::de::Error>(key: &str, type_name: &str) -> E {
    E::custom(format_args!(
        "unknown key {}: {type_name} does not declare it",
        crate::error::Quoted::backticks(key)
    ))
}

/// Skips the value of an undeclared key in an open typed dict, unless the decode in
/// progress denies unknown keys.
#[cold]
pub fn skip_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    type_name: &str,
) -> Result<(), A::Error> {
    if crate::options::current().deny_unknown {
        return Err(unknown_key(key, type_name));
    }
    map.next_value::<IgnoredAny>().map(drop)
}

/// Reads the value of a NotRequired (or wire-optional) key: `null` is absent in wire mode
/// and an error in strict mode.
pub struct Nullable<T>(PhantomData<T>);

impl<T> fmt::Debug for Nullable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Nullable")
    }
}

impl<T> Nullable<T> {
    /// A seed for one value.
    #[inline]
    pub fn new() -> Self {
        Nullable(PhantomData)
    }
}

impl<T> Default for Nullable<T> {
    fn default() -> Self {
        Nullable::new()
    }
}

impl<'de, T: serde::Deserialize<'de>> DeserializeSeed<'de> for Nullable<T> {
    type Value = Option<T>;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: serde::Deserialize<'de>> Visitor<'de> for Nullable<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value (null is not allowed in strict mode)")
    }

    #[cold]
    fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        if is_wire() {
            Ok(None)
        } else {
            Err(E::custom("null is not allowed in strict mode"))
        }
    }

    #[cold]
    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        self.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        T::deserialize(deserializer).map(Some)
    }
}

/// Wraps a string an open literal does not list. Generated code calls it only after
/// looking the string up among the listed values.
#[inline]
pub fn unknown_value(text: &str) -> UnknownValue {
    UnknownValue::new(text)
}

/// Deserializes a literal from its wire string. An open literal keeps a value it does not
/// list in wire mode; strict mode, and closed literals, reject it.
pub fn deserialize_literal<'de, D: Deserializer<'de>, L: Literal>(
    deserializer: D,
) -> Result<L, D::Error> {
    struct LiteralVisitor<L>(PhantomData<L>);

    impl<L: Literal> Visitor<'_> for LiteralVisitor<L> {
        type Value = L;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "one of the values of {}", L::SCHEMA.name)
        }

        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<L, E> {
            if let Some(known) = L::__from_listed(text) {
                return Ok(known);
            }
            // The constant test first: closed literals never read the thread-local.
            if L::SCHEMA.open && is_wire() {
                if let Some(unknown) = L::__from_any(text) {
                    return Ok(unknown);
                }
            }
            Err(E::custom(LiteralError::new(&L::SCHEMA, text)))
        }
    }

    deserializer.deserialize_str(LiteralVisitor(PhantomData))
}
