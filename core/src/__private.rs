//! Support for the code `#[typed_dict]` generates. Not public API: no stability promises.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::UnitDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::contract::{self, Null, UnknownKey};

pub use crate::flatten::{
    concat_fields, deserialize as deserialize_typed_dict,
    deserialize_into as deserialize_typed_dict_into, fields_len, Keys,
};
pub use crate::interop::private::*;
pub use crate::key::KeySeed;
pub use crate::literal::{Literal, LiteralError, UnknownValue};
pub use crate::python_only::{no_json_form, no_json_form_to_encode};
pub use crate::schema::generic::{generic_name, generic_schema};
pub use crate::schema::{
    AliasSchema, Bound, Constraints, CustomSchema, FieldSchema, LiteralSchema, Pattern,
    PythonOnlySchema, TypedDictSchema, TypedValue, UnionSchema, ValueType,
};
pub use crate::union::{buffer as buffer_union, no_member as no_union_member, Buffered};
pub use crate::{Dict, HasOutput, List, TypedDict};
pub use serde;
pub use serde_json::Value as JsonValue;
pub use std::borrow::Cow;

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
        plain_keys: crate::schema::keys_are_plain(fields),
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
        constraints: None,
    }
}

/// `field` with `constraints`, each judged against the key's value type: the generated
/// code calls this in a `const`, so one that cannot apply (a `max_length` on a key whose
/// alias names a number, a `pattern` on a blob alias) is a compile-time error naming the
/// typed dict `owner`, the key and the constraint, never a bound silently left unchecked.
///
/// # Panics
///
/// When a constraint cannot apply: at compile time, in the `const`.
pub const fn constrained_field(
    owner: &str,
    field: FieldSchema,
    constraints: &'static crate::schema::Constraints,
) -> FieldSchema {
    if let Some((within, name, applies)) = crate::constraint::misfit(constraints, field.value) {
        let mut message = crate::flatten::Message::new()
            .push("`")
            .push(owner)
            .push("`'s key `")
            .push(field.key)
            .push("`: `");
        message = if within.is_empty() {
            message
                .push(name)
                .push("` cannot apply to the key's value type (")
        } else {
            message
                .push(within)
                .push("(")
                .push(name)
                .push(")` cannot apply to the type of its ")
                .push(within)
                .push(" (")
        };
        let message = message.push(applies).push(")");
        panic!("{}", message.as_str());
    }
    field.with_constraints(constraints)
}

/// A literal's schema.
#[inline]
pub const fn literal_schema(
    name: &'static str,
    values: &'static [&'static str],
    open: bool,
    inline: bool,
) -> LiteralSchema {
    LiteralSchema {
        name,
        values,
        open,
        inline,
        plain_values: crate::schema::values_are_plain(values),
    }
}

/// A named union's schema.
#[inline]
pub const fn union_schema(
    name: &'static str,
    members: &'static [ValueType],
    inline: bool,
) -> UnionSchema {
    UnionSchema {
        name,
        members,
        inline,
    }
}

/// A named alias's schema.
#[inline]
pub const fn alias_schema(
    name: &'static str,
    target: &'static ValueType,
    python: Option<&'static str>,
) -> AliasSchema {
    AliasSchema {
        name,
        target,
        python,
    }
}

/// A Python-only type's schema.
#[inline]
pub const fn python_only_schema(name: &'static str, python: &'static str) -> PythonOnlySchema {
    PythonOnlySchema::new(name, python)
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

crate::on_unimplemented_value_type! {
/// What generated code calls on a key's value: every [`TypedValue`], through this trait
/// (implemented for all of them, so no one implements it by hand), named at the field's
/// type as `<T as Value>::f`, so that a type that is not a value type gets the one error
/// saying so (`TypedValue`'s `on_unimplemented`), once, at the field. Here rather than as
/// hidden methods of `TypedValue`: the public trait shows only what a user implements.
pub trait Value<How = Native>: Sized {
    /// The value type in the static schema: `TypedValue::TYPE`.
    const TYPE: ValueType;

    /// Clones a key's value.
    fn clone_value(value: &Self) -> Self;

    /// Clones a NotRequired key's value.
    fn clone_option(value: &Option<Self>) -> Option<Self>;

    /// Compares two values of a key.
    fn eq_value(value: &Self, other: &Self) -> bool;

    /// Compares two values of a NotRequired key.
    fn eq_option(value: &Option<Self>, other: &Option<Self>) -> bool;

    /// A key's value for `Debug`.
    fn debug_value(value: &Self) -> &dyn fmt::Debug;

    /// A NotRequired key's value for `Debug`.
    fn debug_option(value: &Option<Self>) -> &dyn fmt::Debug;

    /// Writes one entry, as `Serialize` does: for types that cannot hold a float.
    fn serialize_entry<M: serde::ser::SerializeMap>(
        map: &mut M,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M::Error>;

    /// Writes one entry through [`TypedValue::serialize_value`]'s float check.
    fn serialize_checked_entry<M: serde::ser::SerializeMap>(
        map: &mut M,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M::Error>;

    /// Serializes a value through [`TypedValue::serialize_value`].
    fn serialize_value<S: serde::Serializer>(
        value: &Self,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// Deserializes a value (a union's member, an alias's target).
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;

    /// Deserializes a value into `slot` ([`TypedValue::deserialize_into`]).
    fn deserialize_into<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error>;

    /// Reads a union's buffered value as this member, if it takes it. Here, named at the
    /// member's type as the other functions are, so that a member that is not a value type
    /// gets the one error at the member.
    fn read_member(buffered: &Buffered<'_>) -> Option<Self>;

    /// Reads a Required key's value into its slot.
    fn next_value<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Self>,
    ) -> Result<(), A::Error>;

    /// Reads a NotRequired key's value into its slot: what `null` is there, the contract
    /// says.
    fn next_nullable<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Option<Self>>,
    ) -> Result<(), A::Error>;
}
}

/// The abilities every `Value` impl takes straight from the type's own `Clone`, `PartialEq`
/// and `Debug`, written once for the impls below.
macro_rules! std_abilities {
    () => {
        #[inline]
        fn clone_value(value: &Self) -> Self {
            Clone::clone(value)
        }

        #[inline]
        fn clone_option(value: &Option<Self>) -> Option<Self> {
            Clone::clone(value)
        }

        #[inline]
        fn eq_value(value: &Self, other: &Self) -> bool {
            value == other
        }

        #[inline]
        fn eq_option(value: &Option<Self>, other: &Option<Self>) -> bool {
            value == other
        }

        #[inline]
        fn debug_value(value: &Self) -> &dyn fmt::Debug {
            value
        }

        #[inline]
        fn debug_option(value: &Option<Self>) -> &dyn fmt::Debug {
            value
        }
    };
}

impl<T: TypedValue> Value for T {
    const TYPE: ValueType = T::TYPE;

    std_abilities!();

    #[inline]
    fn serialize_entry<M: serde::ser::SerializeMap>(
        map: &mut M,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M::Error> {
        map.serialize_entry(key, value)
    }

    #[inline]
    fn serialize_checked_entry<M: serde::ser::SerializeMap>(
        map: &mut M,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M::Error> {
        map.serialize_entry(key, &Encoded(value))
    }

    #[inline]
    fn serialize_value<S: serde::Serializer>(
        value: &Self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        TypedValue::serialize_value(value, serializer)
    }

    #[inline]
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Self as TypedValue>::deserialize_value(deserializer)
    }

    #[inline]
    fn deserialize_into<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        <Self as TypedValue>::deserialize_into(deserializer, slot)
    }

    #[inline]
    fn read_member(buffered: &Buffered<'_>) -> Option<Self> {
        buffered.read::<Self, Native>()
    }

    #[inline]
    fn next_value<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Self>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(Fill::<Self>::new(slot))
    }

    #[inline]
    fn next_nullable<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Option<Self>>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(Nullable::<Self>::new(slot))
    }
}

/// [`Value`]'s marker for its impl for every [`TypedValue`]: what a field without
/// `as = "..."` reaches its value through.
#[derive(Debug)]
pub enum Native {}

/// [`Value`]'s marker for a field declared `#[typed_dict(as = "...")]`: a type with serde
/// impls of its own, whose value type `M` declares (the macro writes one `M` a field, the
/// field's `ValueType` with a [`CustomSchema`] where the foreign type stands).
#[derive(Debug)]
pub struct As<M>(PhantomData<M>);

/// The value type of a field declared `#[typed_dict(as = "...")]`.
pub trait Declared {
    /// The field's value type.
    const TYPE: ValueType;
}

/// A field's type of its own serde impls (`uuid::Uuid` without the feature, a type of the
/// user's): every ability straight from its own traits, no float check on encoding (its
/// `Serialize` is its own), its value type the one `M` declares.
impl<T, M: Declared> Value<As<M>> for T
where
    T: serde::Serialize + serde::de::DeserializeOwned + Clone + fmt::Debug + PartialEq,
{
    const TYPE: ValueType = M::TYPE;

    std_abilities!();

    #[inline]
    fn serialize_entry<M2: serde::ser::SerializeMap>(
        map: &mut M2,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M2::Error> {
        map.serialize_entry(key, value)
    }

    #[inline]
    fn serialize_checked_entry<M2: serde::ser::SerializeMap>(
        map: &mut M2,
        key: &'static str,
        value: &Self,
    ) -> Result<(), M2::Error> {
        map.serialize_entry(key, value)
    }

    #[inline]
    fn serialize_value<S: serde::Serializer>(
        value: &Self,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(value, serializer)
    }

    #[inline]
    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Self as serde::Deserialize>::deserialize(deserializer)
    }

    #[inline]
    fn deserialize_into<'de, D: Deserializer<'de>>(
        deserializer: D,
        slot: &mut Option<Self>,
    ) -> Result<(), D::Error> {
        *slot = Some(<Self as serde::Deserialize>::deserialize(deserializer)?);
        Ok(())
    }

    #[inline]
    fn read_member(buffered: &Buffered<'_>) -> Option<Self> {
        buffered.read::<Self, As<M>>()
    }

    #[inline]
    fn next_value<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Self>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(Fill::<Self, As<M>>::new(slot))
    }

    #[inline]
    fn next_nullable<'de, A: MapAccess<'de>>(
        map: &mut A,
        slot: &mut Option<Option<Self>>,
    ) -> Result<(), A::Error> {
        map.next_value_seed(Nullable::<Self, As<M>>::new(slot))
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

/// An undeclared key (that no `extra` field keeps): its value skipped when the contract
/// tolerates it, otherwise the error.
#[cold]
pub fn skip_unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: &str,
    type_name: &str,
    closed: bool,
) -> Result<(), A::Error> {
    match contract::unknown_key(closed, crate::options::current) {
        UnknownKey::Refused => Err(unknown_key(key, type_name)),
        UnknownKey::Tolerated => map.next_value::<IgnoredAny>().map(drop),
    }
}

/// Whether a `wire_optional` key (Required by the stub) may be absent in the decode in
/// progress.
#[cold]
pub fn wire_optional_may_be_absent() -> bool {
    contract::may_be_absent(true, true, crate::options::current)
}

/// Reads a Required key's value into the key's slot.
///
/// Written into the slot by the function that reads it, not returned: a value returned
/// through memory was copied out with wider loads than the stores that had just written
/// it, which the processor cannot forward (a stall on every key; perf on workload 3).
pub struct Fill<'s, T, M = Native>(&'s mut Option<T>, PhantomData<M>);

impl<'s, T, M> Fill<'s, T, M> {
    /// A seed filling `slot`.
    #[inline]
    pub fn new(slot: &'s mut Option<T>) -> Self {
        Fill(slot, PhantomData)
    }
}

impl<T, M> fmt::Debug for Fill<'_, T, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fill")
    }
}

impl<'de, T: Value<M>, M> DeserializeSeed<'de> for Fill<'_, T, M> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::deserialize_into(deserializer, self.0)
    }
}

/// Reads the value of a NotRequired (or wire-optional) key into the key's slot (as
/// [`Fill`] does): what `null` is there, the contract says (`contract::null_in_key`).
pub struct Nullable<'s, T, M = Native>(&'s mut Option<Option<T>>, PhantomData<M>);

impl<T, M> fmt::Debug for Nullable<'_, T, M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Nullable")
    }
}

impl<'s, T, M> Nullable<'s, T, M> {
    /// A seed filling `slot`.
    #[inline]
    pub fn new(slot: &'s mut Option<Option<T>>) -> Self {
        Nullable(slot, PhantomData)
    }
}

impl<'de, T: Value<M>, M> DeserializeSeed<'de> for Nullable<'_, T, M> {
    type Value = ();

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Value<M>, M> Visitor<'de> for Nullable<'_, T, M> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value (null is not allowed in strict mode)")
    }

    #[cold]
    fn visit_none<E: serde::de::Error>(self) -> Result<(), E> {
        let value_type: &'static ValueType = const { &<T as Value<M>>::TYPE };
        *self.0 = Some(
            match contract::null_in_key(value_type, crate::options::current) {
                Null::Absent => None,
                Null::Value => Some(T::deserialize_value(UnitDeserializer::new())?),
                Null::NotAllowed => return Err(E::custom("null is not allowed in strict mode")),
            },
        );
        Ok(())
    }

    #[cold]
    fn visit_unit<E: serde::de::Error>(self) -> Result<(), E> {
        self.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        T::deserialize_into(deserializer, self.0.insert(None))
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
            // A closed literal never reads the thread-local options.
            if contract::keeps_unlisted(&L::SCHEMA, crate::options::current) {
                if let Some(unknown) = L::__from_any(text) {
                    return Ok(unknown);
                }
            }
            Err(E::custom(LiteralError::new(&L::SCHEMA, text)))
        }
    }

    deserializer.deserialize_str(LiteralVisitor(PhantomData))
}

/// The string scan's path in force in this process (`"scalar"`, `"sse2"` or `"avx2"`),
/// for the test that runs the scalar one.
pub fn simd_path() -> &'static str {
    crate::json::read::Simd::get().name()
}
