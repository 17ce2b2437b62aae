//! `schemars::JsonSchema` for the declared types (feature `schemars`): the crate's own JSON
//! Schema ([`crate::json_schema`], strict mode), placed in a `SchemaGenerator`'s document.
//!
//! A type's schema refers to the typed dicts and literals it uses by `$ref`. Rather than
//! copying their definitions out of the crate's document, each one is registered through
//! `SchemaGenerator::subschema_for` with its own `JsonSchema` impl, and the `$ref` the
//! generator returns replaces the crate's: the generator then decides where definitions go
//! (`#/$defs/`, `#/components/schemas/`, ...), inlines them if its settings say so, and
//! tells apart two types that share a name (`ecr_types::TagTypeDef` and
//! `ecr_types::latest::TagTypeDef`), which name-keyed copies could not.

use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value as Json};

use crate::options::Mode;
use crate::schema::{FieldSchema, TypedDictSchema, TypedValue, ValueType};
use crate::{Dict, Mapping, Nullable, Sequence, Set};

/// The name of the one-key typed dict that carries a value type through
/// [`crate::json_schema::for_type_def`]. Not an identifier, so no declared type has it.
const CARRIER: &str = "typed-dict carrier";

/// The schemas the generator returned for the named types a schema refers to, by the name
/// the crate's JSON Schema gives them.
#[derive(Debug, Default)]
pub struct SchemaRefs(Vec<(&'static str, Json)>);

impl SchemaRefs {
    /// Records what the generator returned for the type called `name`.
    pub fn push(&mut self, name: &'static str, schema: Schema) {
        self.0.push((name, schema.to_value()));
    }

    fn get(&self, name: &str) -> Option<&Json> {
        self.0
            .iter()
            .find(|(known, _)| *known == name)
            .map(|(_, schema)| schema)
    }
}

/// Registers, in a generator, the named types (typed dicts and literals) that a value of
/// this type refers to, recording the schema the generator returns for each.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a typed dict value type",
    label = "not a typed dict value type",
    note = "declare `{Self}` with #[typed_dict]"
)]
pub trait JsonSchemaDeps {
    /// Registers the named types reached through `Self` and records their schemas.
    fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs);
}

macro_rules! no_named_types {
    ($($ty:ty),*) => {$(
        impl JsonSchemaDeps for $ty {
            fn collect(_: &mut SchemaGenerator, _: &mut SchemaRefs) {}
        }
    )*};
}

crate::for_each_scalar_type!(no_named_types);
no_named_types!(std::net::IpAddr, std::net::Ipv4Addr, std::net::Ipv6Addr);

#[cfg(feature = "uuid")]
no_named_types!(uuid::Uuid);
#[cfg(feature = "url")]
no_named_types!(url::Url);

/// The dependencies of one type, for the hooks' calls (`(&Deps::<T>::new()).collect_deps(..)`):
/// by autoref specialization, [`CollectNamed`] (on `Deps<T>`, found first) for a type made
/// of value types typed-dict knows (it registers their named types), and [`CollectNone`]
/// (on `&Deps<T>`, found after an autoref) for any other: a type with a hand-written
/// `TypedValue` or a foreign field type (`as = "str"`), which refers to no named type.
#[derive(Debug)]
pub struct Deps<T: ?Sized>(std::marker::PhantomData<T>);

impl<T: ?Sized> Deps<T> {
    /// The dependencies of `T`.
    pub const fn new() -> Self {
        Deps(std::marker::PhantomData)
    }
}

impl<T: ?Sized> Default for Deps<T> {
    fn default() -> Self {
        Deps::new()
    }
}

/// See [`Deps`].
pub trait CollectNamed {
    /// Registers the named types reached through the type.
    fn collect_deps(&self, generator: &mut SchemaGenerator, refs: &mut SchemaRefs);
}

impl<T: JsonSchemaDeps + ?Sized> CollectNamed for Deps<T> {
    fn collect_deps(&self, generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
        T::collect(generator, refs);
    }
}

/// See [`Deps`].
pub trait CollectNone {
    /// Nothing to register.
    fn collect_deps(&self, generator: &mut SchemaGenerator, refs: &mut SchemaRefs);
}

impl<T: ?Sized> CollectNone for &Deps<T> {
    fn collect_deps(&self, _: &mut SchemaGenerator, _: &mut SchemaRefs) {}
}

macro_rules! item_types {
    ($($ty:ident),*) => {$(
        impl<T: JsonSchemaDeps> JsonSchemaDeps for $ty<T> {
            fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
                T::collect(generator, refs);
            }
        }
    )*};
}

item_types!(Vec, Sequence, Set, Nullable, Box);

impl<K: JsonSchemaDeps, V: JsonSchemaDeps> JsonSchemaDeps for Dict<K, V> {
    fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
        K::collect(generator, refs);
        V::collect(generator, refs);
    }
}

impl<K: JsonSchemaDeps, V: JsonSchemaDeps> JsonSchemaDeps for Mapping<K, V> {
    fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
        K::collect(generator, refs);
        V::collect(generator, refs);
    }
}

impl<K: JsonSchemaDeps, V: JsonSchemaDeps, S> JsonSchemaDeps
    for std::collections::HashMap<K, V, S>
{
    fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
        K::collect(generator, refs);
        V::collect(generator, refs);
    }
}

impl<K: JsonSchemaDeps, V: JsonSchemaDeps> JsonSchemaDeps for std::collections::BTreeMap<K, V> {
    fn collect(generator: &mut SchemaGenerator, refs: &mut SchemaRefs) {
        K::collect(generator, refs);
        V::collect(generator, refs);
    }
}

/// The declared name of a typed dict, literal, union or alias.
pub fn schema_name<T: TypedValue>() -> &'static str {
    // Every type the macro declares has a name; a bare value type falls back to Rust's.
    T::TYPE.name().unwrap_or(std::any::type_name::<T>())
}

/// The body of `T`'s schema: the crate's JSON Schema of `T` (strict mode), with every
/// `$ref` to a named type replaced by what `generator` returned for it. `deps` registers
/// those types (the parts `T` is made of) and records their schemas.
pub fn json_schema_of<T: TypedValue>(
    generator: &mut SchemaGenerator,
    deps: impl FnOnce(&mut SchemaGenerator, &mut SchemaRefs),
) -> Schema {
    let carrier: &'static TypedDictSchema = const {
        &TypedDictSchema {
            name: CARRIER,
            fields: &[FieldSchema {
                rust_name: "value",
                key: "value",
                required: true,
                wire_optional: false,
                value: &T::TYPE,
                constraints: None,
            }],
            closed: true,
            extra_items: None,
            plain_keys: true,
        }
    };
    let mut document = crate::json_schema::for_type_def(carrier, Mode::Strict);
    let mut definitions = match document.get_mut("$defs").map(Json::take) {
        Some(Json::Object(definitions)) => definitions,
        _ => Map::new(),
    };
    let mut body = definitions
        .get_mut(CARRIER)
        .and_then(|carrier| carrier.pointer_mut("/properties/value"))
        .map(Json::take)
        .unwrap_or(Json::Bool(true));
    // A typed dict or literal is a `$ref` to its own definition: the body is that.
    if let ValueType::TypedDict(_) | ValueType::Literal(_) = T::TYPE {
        if let Some(own) = T::TYPE.name().and_then(|name| definitions.remove(name)) {
            body = own;
        }
    }
    let mut refs = SchemaRefs::default();
    deps(generator, &mut refs);
    replace_refs(&mut body, &refs);
    Schema::try_from(body).unwrap_or_else(|_| Schema::from(true))
}

/// Replaces each `{"$ref": "#/$defs/Name"}` in `schema` by the generator's schema for
/// `Name`.
fn replace_refs(schema: &mut Json, refs: &SchemaRefs) {
    match schema {
        Json::Object(object) => {
            if let Some(replacement) = own_ref(object).and_then(|name| refs.get(name)) {
                *schema = replacement.clone();
                return;
            }
            for value in object.values_mut() {
                replace_refs(value, refs);
            }
        }
        Json::Array(items) => {
            for item in items {
                replace_refs(item, refs);
            }
        }
        _ => {}
    }
}

/// The name in `{"$ref": "#/$defs/Name"}`, the one form the crate's documents refer to a
/// definition in.
fn own_ref(object: &Map<String, Json>) -> Option<&str> {
    if object.len() != 1 {
        return None;
    }
    object.get("$ref")?.as_str()?.strip_prefix("#/$defs/")
}
