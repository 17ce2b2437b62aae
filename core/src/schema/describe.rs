//! The schema as JSON: `Serialize` on the schema types, in the format of a Python stub's
//! facts (what the stub declares: names, keys, Required flags, annotations, values).

use std::fmt;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use super::{
    AliasSchema, FieldSchema, LiteralSchema, PythonStyle, TypedDictSchema, UnionDefinition,
    UnionSchema, ValueType,
};

/// A schema item with the [`PythonStyle`] its annotations are written in: what
/// `describe(&style)` on each schema type returns, for `Serialize`.
///
/// The `Serialize` impls of the schema types themselves write annotations in
/// [`PythonStyle::BUILTINS`]; `describe` writes them the way a given stub package does.
///
/// ```
/// use typed_dict::schema::PythonStyle;
/// use typed_dict::{typed_dict, List, TypedDict};
///
/// #[typed_dict]
/// pub struct Image {
///     pub digest: String,
///     pub tags: Option<List<String>>,
/// }
///
/// let builtins = serde_json::to_string(Image::schema()).unwrap();
/// assert_eq!(
///     builtins,
///     r#"{"name":"Image","fields":[{"key":"digest","required":true,"type":"str"},{"key":"tags","required":false,"type":"list[str]"}]}"#
/// );
/// let typing = serde_json::to_value(Image::schema().describe(&PythonStyle::TYPING)).unwrap();
/// assert_eq!(typing["fields"][1]["type"], "List[str]");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Described<'a, T: ?Sized> {
    item: &'a T,
    style: &'a PythonStyle,
}

impl<'a, T: ?Sized> Described<'a, T> {
    fn new(item: &'a T, style: &'a PythonStyle) -> Self {
        Described { item, style }
    }
}

impl TypedDictSchema {
    /// The schema as JSON, annotations in `style`: `{"name": ..., "fields": [...]}`, and
    /// `"closed": true` when the typed dict is closed (PEP 728). Rust names and
    /// `wire_optional` are not part of it: they are not what the Python stub declares.
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, TypedDictSchema> {
        Described::new(self, style)
    }
}

impl FieldSchema {
    /// The key as JSON, its annotation in `style`:
    /// `{"key": "imageTags", "required": false, "type": "List[str]"}`.
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, FieldSchema> {
        Described::new(self, style)
    }
}

impl LiteralSchema {
    /// The literal as JSON: `{"name": ..., "values": [...]}` (the same in every style;
    /// here for symmetry with the other schema types).
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, LiteralSchema> {
        Described::new(self, style)
    }
}

impl UnionSchema {
    /// The union as JSON, as the stub's `X = Union[...]` line:
    /// `{"name": ..., "type": "Union[A, B]"}`.
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, UnionSchema> {
        Described::new(self, style)
    }
}

impl AliasSchema {
    /// The alias as JSON, as the stub's `X = ...` line: `{"name": ..., "type": ...}`.
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, AliasSchema> {
        Described::new(self, style)
    }
}

impl ValueType {
    /// The value type as JSON: a named type (typed dict, literal, union, named alias) as
    /// its definition, the way its own schema describes itself; any other as its
    /// annotation string (`"list[str]"`).
    pub fn describe<'a>(&'a self, style: &'a PythonStyle) -> Described<'a, ValueType> {
        Described::new(self, style)
    }
}

impl Serialize for Described<'_, TypedDictSchema> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let schema = self.item;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("name", schema.name)?;
        map.serialize_entry("fields", &Fields(schema.fields, self.style))?;
        if schema.closed {
            map.serialize_entry("closed", &true)?;
        }
        map.end()
    }
}

/// The keys of a typed dict, each described in one style.
struct Fields<'a>(&'a [FieldSchema], &'a PythonStyle);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for field in self.0 {
            seq.serialize_element(&field.describe(self.1))?;
        }
        seq.end()
    }
}

impl Serialize for Described<'_, FieldSchema> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let field = self.item;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("key", field.key)?;
        map.serialize_entry("required", &field.required)?;
        map.serialize_entry("type", &field.value.python_with(self.style))?;
        map.end()
    }
}

impl Serialize for Described<'_, LiteralSchema> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("name", self.item.name)?;
        map.serialize_entry("values", self.item.values)?;
        map.end()
    }
}

impl Serialize for Described<'_, UnionSchema> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let definition = UnionDefinition(self.item, self.style);
        named(serializer, self.item.name, &definition)
    }
}

impl Serialize for Described<'_, AliasSchema> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let definition = match self.item.python {
            Some(python) => python.to_owned(),
            None => self.item.target.python_with(self.style).to_string(),
        };
        named(serializer, self.item.name, &definition)
    }
}

/// `{"name": ..., "type": ...}`: a union or alias as the stub's `X = ...` line.
fn named<S: Serializer>(
    serializer: S,
    name: &str,
    definition: &dyn fmt::Display,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(2))?;
    map.serialize_entry("name", name)?;
    map.serialize_entry("type", &format_args!("{definition}"))?;
    map.end()
}

impl Serialize for Described<'_, ValueType> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let style = self.style;
        match self.item {
            ValueType::TypedDict(schema) => schema().describe(style).serialize(serializer),
            ValueType::Literal(literal) => literal.describe(style).serialize(serializer),
            ValueType::Union(union) => union.describe(style).serialize(serializer),
            ValueType::Alias(alias) => alias.describe(style).serialize(serializer),
            other => serializer.collect_str(&other.python_with(style)),
        }
    }
}

impl Serialize for super::PythonAnnotation<'_> {
    /// The annotation's text, as `Display` writes it.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// `Serialize` in [`PythonStyle::BUILTINS`], as `describe(&PythonStyle::BUILTINS)`.
macro_rules! serialize_in_builtins {
    ($($ty:ty),*) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.describe(&PythonStyle::BUILTINS).serialize(serializer)
            }
        }
    )*};
}

serialize_in_builtins!(
    TypedDictSchema,
    FieldSchema,
    LiteralSchema,
    UnionSchema,
    AliasSchema,
    ValueType
);
