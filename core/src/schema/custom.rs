//! [`CustomSchema`]: a value type whose own `Deserialize` judges its values.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

use super::ValueType;

/// The schema of a value type the framework does not know: a type of your own, or a
/// foreign one (`Uuid`, `IpAddr`), held as [`ValueType::Custom`].
///
/// On the wire a value of the type is a value of its [`base`](CustomSchema::base) JSON
/// type (`str`, `int`, `float`, `bool`, or `Any`); its Python annotation is
/// [`python`](CustomSchema::python) (`str`, or a name such as `UUID`); and whether a
/// value is one is decided by the type's own `Deserialize`, which both readers run on the
/// value's JSON text: decoding (where the type reads itself) and validation (the walk
/// calls [`CustomSchema::check`] where it meets such a value). So both agree on every
/// value, and the type's message is the error's, at the value's path, as
/// `invalid_value` (`wrong_type` when the value is not even of the base JSON type).
///
/// `#[typed_dict(as = "str")]` builds one for a field's foreign type; implement
/// [`TypedValue`](crate::TypedValue) with one for a type of your own:
///
/// ```
/// use std::str::FromStr;
/// use serde::{Deserialize, Deserializer, Serialize, Serializer};
/// use typed_dict::schema::CustomSchema;
/// use typed_dict::{typed_dict, ErrorKind, TypedValue, ValueType};
///
/// /// An AWS account id: twelve digits.
/// #[derive(Debug, Clone, PartialEq)]
/// pub struct AccountId(String);
///
/// impl FromStr for AccountId {
///     type Err = String;
///     fn from_str(text: &str) -> Result<Self, String> {
///         if text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit()) {
///             Ok(AccountId(text.to_owned()))
///         } else {
///             Err(format!("{text:?} is not an account id (twelve digits)"))
///         }
///     }
/// }
/// impl Serialize for AccountId {
///     fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
///         serializer.serialize_str(&self.0)
///     }
/// }
/// impl<'de> Deserialize<'de> for AccountId {
///     fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
///         let text = String::deserialize(deserializer)?;
///         text.parse().map_err(serde::de::Error::custom)
///     }
/// }
/// impl TypedValue for AccountId {
///     const TYPE: ValueType = ValueType::Custom(&ACCOUNT_ID);
/// }
/// const ACCOUNT_ID: CustomSchema = CustomSchema::new::<AccountId>(&ValueType::Str, "str");
///
/// #[typed_dict]
/// pub struct Registry {
///     pub registry_id: AccountId,
/// }
///
/// let error = typed_dict::from_str::<Registry>(r#"{"registryId": "12"}"#).unwrap_err();
/// assert_eq!(error.errors()[0].kind, ErrorKind::InvalidValue);
/// assert_eq!(error.errors()[0].message, r#""12" is not an account id (twelve digits)"#);
/// let error = typed_dict::from_str::<Registry>(r#"{"registryId": 12}"#).unwrap_err();
/// assert_eq!(error.errors()[0].message, "expected str, got int");
/// ```
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct CustomSchema {
    /// The JSON type on the wire, as a value type: [`ValueType::Str`], [`ValueType::Int`],
    /// [`ValueType::Float`], [`ValueType::Bool`] or [`ValueType::Any`]. What JSON Schema
    /// and proptest build on, and what tells a `wrong_type` from an `invalid_value`.
    pub base: &'static ValueType,
    /// The Python annotation: the base's (`str`) or a name the stub imports (`UUID`).
    pub python: &'static str,
    /// The JSON Schema `format` of a string, if one applies (`uuid`, `ipv4`, `uri`).
    pub format: Option<&'static str>,
    /// Valid values, as JSON texts, for property tests to pick from (the formats above
    /// have generators of their own).
    pub examples: &'static [&'static str],
    check: fn(&str) -> Result<(), String>,
    canonical: Option<fn(&str) -> Option<String>>,
}

impl CustomSchema {
    /// The schema of `T`, whose values are the JSON texts `T`'s `Deserialize` reads (with
    /// typed-dict's own JSON deserializer, as decoding does), on the wire a `base`,
    /// annotated `python`.
    pub const fn new<T: DeserializeOwned + Serialize>(
        base: &'static ValueType,
        python: &'static str,
    ) -> Self {
        CustomSchema::checked_by(base, python, check_json::<T>).with_canonical::<T>()
    }

    /// A schema whose values `check` judges, given a value's JSON text (for a type whose
    /// messages a wrapper words better than its `Deserialize`). `check` must accept exactly
    /// what the type's `Deserialize` does, or decoding and validation would disagree.
    pub const fn checked_by(
        base: &'static ValueType,
        python: &'static str,
        check: fn(&str) -> Result<(), String>,
    ) -> Self {
        CustomSchema {
            base,
            python,
            format: None,
            examples: &[],
            check,
            canonical: None,
        }
    }

    /// The same schema, whose values' canonical form is what `T` writes back after
    /// reading them (see [`CustomSchema::canonical`]); [`CustomSchema::new`] sets it.
    pub const fn with_canonical<T: DeserializeOwned + Serialize>(self) -> Self {
        CustomSchema {
            canonical: Some(canonical_json::<T>),
            ..self
        }
    }

    /// The same schema, with a JSON Schema `format`.
    pub const fn with_format(self, format: &'static str) -> Self {
        CustomSchema {
            format: Some(format),
            ..self
        }
    }

    /// The same schema, with valid values (JSON texts) for property tests.
    pub const fn with_examples(self, examples: &'static [&'static str]) -> Self {
        CustomSchema { examples, ..self }
    }

    /// Whether `json`, the JSON text of one value, is a value of the type: `Err` with the
    /// type's message when not.
    ///
    /// ```
    /// use typed_dict::{TypedValue, ValueType};
    ///
    /// let ValueType::Custom(ip) = <std::net::Ipv4Addr as TypedValue>::TYPE else { unreachable!() };
    /// assert!(ip.check(r#""10.0.0.1""#).is_ok());
    /// assert_eq!(ip.check(r#""300.1.1.1""#).unwrap_err(), "'300.1.1.1' is not a valid IPv4 address");
    /// ```
    ///
    /// # Errors
    ///
    /// The type's message when `json` is not one of its values.
    pub fn check(&self, json: &str) -> Result<(), String> {
        (self.check)(json)
    }

    /// The JSON text that decoding the value `json` and encoding it again gives: the
    /// type's own canonical form, which may differ from the text it read (an IPv6 address
    /// is written in lower case, `"::0"` as `"::"`). `None` for a value the type refuses,
    /// or a schema built by [`CustomSchema::checked_by`] without
    /// [`CustomSchema::with_canonical`].
    ///
    /// ```
    /// use typed_dict::{TypedValue, ValueType};
    ///
    /// let ValueType::Custom(ip) = <std::net::Ipv6Addr as TypedValue>::TYPE else { unreachable!() };
    /// assert_eq!(ip.canonical(r#""FE80:0::1""#).as_deref(), Some(r#""fe80::1""#));
    /// assert_eq!(ip.canonical(r#""not an address""#), None);
    /// ```
    pub fn canonical(&self, json: &str) -> Option<String> {
        self.canonical.and_then(|canonical| canonical(json))
    }
}

impl fmt::Debug for CustomSchema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CustomSchema")
            .field("base", self.base)
            .field("python", &self.python)
            .field("format", &self.format)
            .finish_non_exhaustive()
    }
}

/// Reads `json` as a `T` with the fast path's own deserializer: `T`'s message when it
/// cannot.
fn check_json<T: DeserializeOwned>(json: &str) -> Result<(), String> {
    crate::json::de::from_str::<T>(json)
        .map(drop)
        .map_err(|error| error.to_string())
}

/// `json` read as a `T` and written again, both with the library's own JSON layer (as
/// decoding and encoding do).
fn canonical_json<T: DeserializeOwned + Serialize>(json: &str) -> Option<String> {
    let value: T = crate::json::de::from_str(json).ok()?;
    crate::json::ser::to_string(&value).ok()
}

/// Whether a JSON value of the kind `kind` (a [`json_kind`](crate::validate) name: `str`,
/// `int`, `float`, `bool`, `list`, `object`, `None`) is of the JSON type of `base`.
pub(crate) fn base_holds(base: &ValueType, kind: &str) -> bool {
    match base.resolved() {
        ValueType::Any => true,
        ValueType::Str | ValueType::Literal(_) | ValueType::Blob => kind == "str",
        ValueType::Timestamp => matches!(kind, "str" | "int" | "float"),
        ValueType::Int | ValueType::Integer(_) => kind == "int",
        ValueType::Float | ValueType::Float32 => matches!(kind, "int" | "float"),
        ValueType::Bool => kind == "bool",
        ValueType::Sequence(_) | ValueType::List(_) | ValueType::Set(_) => kind == "list",
        ValueType::Dict(..) | ValueType::Mapping(..) | ValueType::TypedDict(_) => kind == "object",
        ValueType::Nullable(inner) => kind == "None" || base_holds(inner, kind),
        ValueType::None => kind == "None",
        ValueType::Union(union) => union.members.iter().any(|member| base_holds(member, kind)),
        ValueType::Custom(custom) => base_holds(custom.base, kind),
        _ => false,
    }
}
