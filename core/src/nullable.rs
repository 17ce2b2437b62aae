//! `Nullable<T>` (`X | None`: a value that may be `null`) and [`NoneType`] (`None`: only
//! `null`), apart from a NotRequired key (`Option<T>`: a key that may be absent).

use std::fmt;

use serde::de::{Deserialize, Deserializer, Visitor};
use serde::{Serialize, Serializer};

use crate::output::HasOutput;
use crate::schema::{TypedValue, ValueType};

/// `X | None` (`Optional[X]`): a value that may be `null`, in strict and wire mode alike.
///
/// `Option<T>` is a NotRequired key: absent when `None`, never written as `null` (wire mode
/// reads a `null` as absent, strict mode refuses it). `Nullable<T>` is a value of its own,
/// [`Nullable::Null`] written and read as `null`; a NotRequired key whose value may be
/// `null` is both, `Option<Nullable<T>>`, and keeps the two apart: absent is `None`,
/// `null` is `Some(Nullable::Null)`, in both modes.
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, JsonValue, Nullable, TypedDict};
///
/// #[typed_dict]
/// #[allow(non_snake_case)]
/// pub struct UploadFile {
///     pub Filename: Nullable<String>,
///     pub ExtraArgs: Option<Nullable<typed_dict::Dict<String, JsonValue>>>,
/// }
///
/// let json = br#"{"Filename": null, "ExtraArgs": null}"#;
/// for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
///     let upload: UploadFile = typed_dict::decode(json, options)?;
///     assert!(upload.Filename.is_null());
///     assert_eq!(upload.ExtraArgs, Some(Nullable::Null)); // present, and null
///     assert_eq!(typed_dict::to_vec(&upload)?, br#"{"Filename":null,"ExtraArgs":null}"#);
/// }
/// let absent: UploadFile = typed_dict::from_str(r#"{"Filename": "a.txt"}"#)?;
/// assert_eq!(absent.Filename.as_option().map(String::as_str), Some("a.txt"));
/// assert_eq!(absent.ExtraArgs, None);
///
/// let field = UploadFile::schema().field("ExtraArgs").unwrap();
/// assert_eq!(field.value.python().to_string(), "dict[str, Any] | None");
/// assert!(!field.required);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Nullable<T> {
    /// `null` (Python's `None`).
    #[default]
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// Whether this is [`Nullable::Null`].
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// The value, if not `null`.
    pub fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }

    /// The value, if not `null`, taken out.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }

    /// The value converted by `f`, `null` kept.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Nullable<U> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(value) => Nullable::Value(f(value)),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

/// `None` is `null`.
impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Nullable::Null, Nullable::Value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => serializer.serialize_some(value),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}

impl<T: TypedValue> TypedValue for Nullable<T> {
    const TYPE: ValueType = ValueType::Nullable(&T::TYPE);

    fn serialize_value<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize_value(serializer),
        }
    }

    fn deserialize_value<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// `null`, or a value read as `T` reads it (its own checks kept).
        struct NullableVisitor<T>(std::marker::PhantomData<T>);

        impl<'de, T: TypedValue> Visitor<'de> for NullableVisitor<T> {
            type Value = Nullable<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} or null", T::TYPE.python())
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<Nullable<T>, E> {
                Ok(Nullable::Null)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<Nullable<T>, E> {
                Ok(Nullable::Null)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Nullable<T>, D::Error> {
                T::deserialize_value(deserializer).map(Nullable::Value)
            }
        }

        deserializer.deserialize_option(NullableVisitor(std::marker::PhantomData))
    }
}

impl<T: HasOutput> HasOutput for Nullable<T> {
    type Output = Nullable<T::Output>;

    fn into_input(output: Self::Output) -> Self {
        output.map(T::into_input)
    }
}

/// `None`: the value type whose one value is `null`, as a member of a union that lists
/// `None` among its members (DynamoDB's `TableAttributeValueTypeDef`). For a value that is
/// `null` or something else, use [`Nullable`].
///
/// ```
/// use typed_dict::{typed_dict, NoneType, TypedValue};
///
/// #[typed_dict]
/// pub enum Number {
///     Int(i64),
///     Nothing(NoneType),
/// }
///
/// let union = <Number as TypedValue>::TYPE;
/// assert_eq!(union.python_definition_with(&Default::default()).to_string(), "Union[int, None]");
/// assert_eq!(typed_dict::from_str::<Number>("null").unwrap(), Number::Nothing(NoneType));
/// assert!(typed_dict::from_str::<Number>("\"1\"").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct NoneType;

impl Serialize for NoneType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

impl<'de> Deserialize<'de> for NoneType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Only `null`.
        struct NoneVisitor;

        impl Visitor<'_> for NoneVisitor {
            type Value = NoneType;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null (None)")
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<NoneType, E> {
                Ok(NoneType)
            }

            fn visit_none<E: serde::de::Error>(self) -> Result<NoneType, E> {
                Ok(NoneType)
            }
        }

        deserializer.deserialize_unit(NoneVisitor)
    }
}

impl TypedValue for NoneType {
    const TYPE: ValueType = ValueType::None;
}
