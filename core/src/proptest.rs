//! [proptest](https://docs.rs/proptest) strategies derived from the static schema (feature
//! `proptest`), for property tests of code that takes or returns typed dicts.
//!
//! [`any_json`] gives JSON payloads that are valid for a type in a [`Mode`], covering what
//! the wire carries: Required keys always present, NotRequired keys present or absent (in
//! wire mode also `null`, and `wire_optional` keys absent); every literal value (and, in
//! wire mode, values an open literal does not list); timestamps
//! as whole seconds, milliseconds and microseconds, as numbers and as RFC 3339 strings with
//! offsets, from year 1 to 9999; the extremes of each integer type (and never a value
//! beyond them); floats that round-trip exactly (`f32`s that do as `f32`); unicode
//! keys and values; empty lists and maps; base64 blobs of random bytes; undeclared keys in
//! open typed dicts. A key with constraints gets values within them (a `pattern` through
//! proptest's `string_regex`; a pattern it cannot generate from is filtered for instead,
//! which rarely succeeds), so that payloads also validate with
//! [`DecodeOptions::constraints`](crate::DecodeOptions::constraints) on. [`any`] decodes
//! them into the Rust type.
//!
//! ```
//! use proptest::prelude::*;
//! use typed_dict::{typed_dict, Mode, TypedDict};
//!
//! #[typed_dict(rename_all = "PascalCase")]
//! pub struct TagTypeDef {
//!     pub key: String,
//!     pub value: Option<String>,
//! }
//!
//! proptest!(|(tag in typed_dict::proptest::any::<TagTypeDef>())| {
//!     // Whatever the value, it survives a round trip.
//!     let json = typed_dict::to_string(&tag).unwrap();
//!     prop_assert_eq!(typed_dict::from_str::<TagTypeDef>(&json).unwrap(), tag);
//! });
//!
//! proptest!(|(payload in typed_dict::proptest::any_json::<TagTypeDef>(Mode::Strict))| {
//!     let report = typed_dict::validate_schema(
//!         payload.to_string().as_bytes(),
//!         TagTypeDef::schema(),
//!         typed_dict::DecodeOptions::strict(),
//!     );
//!     prop_assert!(report.is_valid());
//! });
//! ```
//!
//! The building blocks ([`typed_dict()`], [`value`], and the scalar strategies) work from
//! a schema alone, for code that handles many types through their schemas.

mod constrained;
mod scalars;

use ::proptest::prelude::*;
use ::proptest::sample::select;
use serde_json::{Map, Value as Json};

use crate::options::{DecodeOptions, Mode};
use crate::schema::{
    CustomSchema, IntegerRange, LiteralSchema, TypedDictSchema, TypedValue, ValueType,
};
use crate::TypedDict;

pub use scalars::{blob, float, float32, int, int_within, json, key, rfc3339, string, timestamp};

/// How deep nested typed dicts go before NotRequired keys stop being generated (and lists
/// and maps stay empty), so that recursive shapes stay finite.
pub const MAX_DEPTH: u32 = 5;

/// JSON values valid for `T` in `mode`: what a service could send (wire mode) or what the
/// stub's contract allows (strict mode).
pub fn any_json<T: TypedValue>(mode: Mode) -> BoxedStrategy<Json> {
    value(const { &T::TYPE }, mode)
}

/// Values of the typed dict `T`: the payloads of [`any_json`] in wire mode (the widest
/// set: with absent `wire_optional` keys), decoded.
///
/// # Panics
///
/// Only if a generated payload does not decode, which would be a bug in typed-dict: the
/// panic names the type and every error.
pub fn any<T: TypedDict>() -> BoxedStrategy<T> {
    any_json::<T>(Mode::Wire)
        .prop_map(|payload| {
            let bytes = payload.to_string().into_bytes();
            match crate::decode::<T>(&bytes, DecodeOptions::wire()) {
                Ok(value) => value,
                Err(error) => panic!(
                    "a generated {} does not decode: {error}; payload: {payload}",
                    T::schema().name
                ),
            }
        })
        .boxed()
}

/// JSON values of the value type `ty`, valid in `mode`.
pub fn value(ty: &'static ValueType, mode: Mode) -> BoxedStrategy<Json> {
    value_at(ty, mode, 0)
}

/// JSON objects valid for `schema` in `mode`: Required keys present (in wire mode
/// `wire_optional` ones also absent or `null`), NotRequired keys present or absent (in wire
/// mode also `null`), and in open typed dicts a few undeclared keys.
pub fn typed_dict(schema: &'static TypedDictSchema, mode: Mode) -> BoxedStrategy<Json> {
    typed_dict_at(schema, mode, 0)
}

/// A value of a literal type, valid in `mode`: a listed one, or for an open literal in wire
/// mode now and then a string it does not list (what a newer service sends; kept, with an
/// `unknown_literal` warning).
pub fn literal_value(literal: &'static LiteralSchema, mode: Mode) -> BoxedStrategy<String> {
    let listed = select(literal.values).prop_map(str::to_owned);
    if literal.open && mode == Mode::Wire {
        let values = literal.values;
        // What a newer service sends: a near miss of a listed value (a new member of its
        // family, another case), the empty string, or any string at all.
        let unlisted = prop_oneof![
            select(values).prop_map(|value| format!("{value}_V2")),
            select(values).prop_map(str::to_lowercase),
            Just(String::new()),
            string(),
        ]
        .prop_filter("a listed value", move |text| {
            !values.contains(&text.as_str())
        });
        prop_oneof![4 => listed, 1 => unlisted].boxed()
    } else {
        listed.boxed()
    }
}

fn value_at(ty: &'static ValueType, mode: Mode, depth: u32) -> BoxedStrategy<Json> {
    let deep = depth >= MAX_DEPTH;
    match ty {
        ValueType::Str => string().prop_map(Json::from).boxed(),
        ValueType::Int => int().prop_map(Json::from).boxed(),
        ValueType::Integer(range) => int_within(range).prop_map(int_json).boxed(),
        ValueType::Float => prop_oneof![
            4 => float().prop_map(Json::from),
            // An integer where a float is expected is a float.
            1 => (-1000i64..1000).prop_map(Json::from),
        ]
        .boxed(),
        ValueType::Float32 => prop_oneof![
            4 => float32().prop_map(Json::from),
            1 => (-1000i64..1000).prop_map(Json::from),
        ]
        .boxed(),
        ValueType::Bool => ::proptest::bool::ANY.prop_map(Json::Bool).boxed(),
        ValueType::Timestamp => timestamp(),
        ValueType::Blob => blob(),
        ValueType::Literal(literal) => literal_value(literal, mode).prop_map(Json::from).boxed(),
        // Past the depth limit containers stay empty, and their items' strategies are
        // not even built: a recursive shape would otherwise recurse forever.
        ValueType::Sequence(_)
        | ValueType::List(_)
        | ValueType::Set(_)
        | ValueType::Dict(..)
        | ValueType::Mapping(..)
            if deep =>
        {
            let empty = if let ValueType::Dict(..) | ValueType::Mapping(..) = ty {
                Json::Object(Map::new())
            } else {
                Json::Array(Vec::new())
            };
            Just(empty).boxed()
        }
        ValueType::Sequence(item) | ValueType::List(item) | ValueType::Set(item) => {
            ::proptest::collection::vec(value_at(item, mode, depth + 1), 0..4)
                .prop_map(Json::Array)
                .boxed()
        }
        ValueType::Nullable(inner) => prop_oneof![
            1 => Just(Json::Null),
            3 => value_at(inner, mode, depth),
        ]
        .boxed(),
        ValueType::None => Just(Json::Null).boxed(),
        // No JSON value is one: a key of it is left out and a union tries its other
        // members (see `typed_dict_at`, `has_json_form`); where one is required all the
        // same, no payload is valid, and this `null` says so.
        ValueType::PythonOnly(_) => Just(Json::Null).boxed(),
        ValueType::Dict(key_type, value_type) | ValueType::Mapping(key_type, value_type) => {
            let key = dict_key(key_type, mode);
            ::proptest::collection::vec((key, value_at(value_type, mode, depth + 1)), 0..4)
                .prop_map(|entries| Json::Object(entries.into_iter().collect()))
                .boxed()
        }
        ValueType::TypedDict(schema) => typed_dict_at(schema(), mode, depth + 1),
        ValueType::Union(union) => ::proptest::strategy::Union::new(
            union
                .members
                .iter()
                .filter(|member| has_json_form(member))
                .map(|member| value_at(member, mode, depth)),
        )
        .boxed(),
        ValueType::Alias(alias) => value_at(alias.target, mode, depth),
        ValueType::Any => json(&[]),
        ValueType::Custom(custom) => custom_value(custom, mode, depth),
    }
}

/// The keys of a dict of `key_type`, as the wire writes them.
fn dict_key(key_type: &'static ValueType, mode: Mode) -> BoxedStrategy<String> {
    match key_type.resolved() {
        ValueType::Literal(literal) => literal_value(literal, mode),
        // An integer key: its digits as `str(int)` writes them, within its range.
        int @ (ValueType::Int | ValueType::Integer(_)) => {
            let range = int.integer_range().unwrap_or(&IntegerRange::I64);
            int_within(range).prop_map(|key| key.to_string()).boxed()
        }
        _ => string(),
    }
}

/// Values of a type of one's own: random ones for the formats typed-dict knows (IP
/// addresses, UUIDs), else one of the schema's examples, else values of its base that
/// its check accepts.
fn custom_value(custom: &'static CustomSchema, mode: Mode, depth: u32) -> BoxedStrategy<Json> {
    let ipv4 = || {
        ::proptest::prelude::any::<[u8; 4]>()
            .prop_map(|octets| Json::from(std::net::Ipv4Addr::from(octets).to_string()))
    };
    let ipv6 = || {
        ::proptest::prelude::any::<[u16; 8]>()
            .prop_map(|segments| Json::from(std::net::Ipv6Addr::from(segments).to_string()))
    };
    match custom.format {
        Some("ipv4") => ipv4().boxed(),
        Some("ipv6") => ipv6().boxed(),
        Some("uuid") => ::proptest::prelude::any::<u128>()
            .prop_map(|bits| {
                let hex = format!("{bits:032x}");
                let text = format!(
                    "{}-{}-{}-{}-{}",
                    &hex[..8],
                    &hex[8..12],
                    &hex[12..16],
                    &hex[16..20],
                    &hex[20..]
                );
                Json::from(text)
            })
            .boxed(),
        _ if std::ptr::eq(custom, &crate::foreign::IP) => prop_oneof![ipv4(), ipv6()].boxed(),
        _ if !custom.examples.is_empty() => select(custom.examples)
            .prop_map(|text| serde_json::from_str(text).expect("an example is JSON"))
            .boxed(),
        _ => value_at(custom.base, mode, depth)
            .prop_filter("a value the type accepts", move |value| {
                custom.check(&value.to_string()).is_ok()
            })
            .boxed(),
    }
}

/// An integer of some range as JSON: a number `serde_json` holds (every range lies within
/// `i64::MIN..=u64::MAX`).
fn int_json(value: i128) -> Json {
    match i64::try_from(value) {
        Ok(value) => Json::from(value),
        Err(_) => Json::from(value as u64),
    }
}

/// Whether some JSON value is of `ty`: not for a Python-only type (`Callable[..., Any]`),
/// nor a union of nothing else.
fn has_json_form(ty: &ValueType) -> bool {
    match ty.resolved() {
        ValueType::PythonOnly(_) => false,
        ValueType::Union(union) => union.members.iter().any(has_json_form),
        _ => true,
    }
}

/// How one key turns up in a generated object.
#[derive(Debug, Clone)]
enum Presence {
    Absent,
    Null,
    Present(Json),
}

fn typed_dict_at(schema: &'static TypedDictSchema, mode: Mode, depth: u32) -> BoxedStrategy<Json> {
    let wire = mode == Mode::Wire;
    let fields: Vec<BoxedStrategy<(&'static str, Presence)>> = schema
        .fields
        .iter()
        .map(|field| {
            let key = field.key;
            let may_be_absent = !field.required || (wire && field.wire_optional);
            if may_be_absent && (depth >= MAX_DEPTH || !has_json_form(field.value)) {
                return Just((key, Presence::Absent)).boxed();
            }
            let value = match field.constraints {
                Some(constraints) => constrained::value(field.value, constraints, mode, depth),
                None => value_at(field.value, mode, depth),
            };
            let present = value.prop_map(Presence::Present);
            let strategy = if !may_be_absent {
                present.boxed()
            } else if wire {
                prop_oneof![
                    2 => present,
                    1 => Just(Presence::Absent),
                    1 => Just(Presence::Null),
                ]
                .boxed()
            } else {
                prop_oneof![present, Just(Presence::Absent)].boxed()
            };
            strategy.prop_map(move |presence| (key, presence)).boxed()
        })
        .collect();
    let unknown = if schema.closed {
        Just(Vec::new()).boxed()
    } else {
        ::proptest::collection::vec((string(), json(&[])), 0..2).boxed()
    };
    (fields, unknown)
        .prop_map(move |(fields, unknown)| {
            let mut map = Map::new();
            for (key, value) in unknown {
                if schema.field(&key).is_none() {
                    map.insert(key, value);
                }
            }
            for (key, presence) in fields {
                match presence {
                    Presence::Absent => {}
                    Presence::Null => {
                        map.insert(key.to_owned(), Json::Null);
                    }
                    Presence::Present(value) => {
                        map.insert(key.to_owned(), value);
                    }
                }
            }
            Json::Object(map)
        })
        .boxed()
}
