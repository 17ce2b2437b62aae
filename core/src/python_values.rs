//! Python's own value types that DynamoDB's value unions name beside `bytes`, `int` and
//! `str`: `bytearray` and `Decimal`, each read from the JSON form botocore gives it.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schema::{CustomSchema, TypedValue, ValueType};
use crate::Blob;

/// `bytearray`: binary data, base64 on the wire as [`Blob`] (`bytes`) is, annotated as
/// the stub writes it. A string that is not base64 is `invalid_value`, naming the problem.
///
/// ```
/// use typed_dict::{typed_dict, ByteArray, TypedDict};
///
/// #[typed_dict]
/// pub struct Item {
///     pub data: ByteArray,
/// }
///
/// let item: Item = typed_dict::from_str(r#"{"data": "aGk="}"#).unwrap();
/// assert_eq!(item.data.as_bytes(), b"hi");
/// assert_eq!(Item::schema().fields[0].value.python().to_string(), "bytearray");
/// assert!(typed_dict::from_str::<Item>(r#"{"data": "not base64!"}"#).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct ByteArray(Blob);

impl ByteArray {
    /// The bytes as a [`Blob`], without copying.
    pub fn into_blob(self) -> Blob {
        self.0
    }
}

impl Deref for ByteArray {
    type Target = Blob;

    fn deref(&self) -> &Blob {
        &self.0
    }
}

impl<T: Into<Blob>> From<T> for ByteArray {
    fn from(bytes: T) -> Self {
        ByteArray(bytes.into())
    }
}

impl fmt::Debug for ByteArray {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("ByteArray").field(&self.0).finish()
    }
}

impl Serialize for ByteArray {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for ByteArray {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Blob::deserialize(deserializer).map(ByteArray)
    }
}

static BYTEARRAY: CustomSchema = CustomSchema::new::<ByteArray>(&ValueType::Blob, "bytearray");

impl TypedValue for ByteArray {
    const TYPE: ValueType = ValueType::Custom(&BYTEARRAY);
}

/// `Decimal`: a number, as botocore sends one (a JSON integer or float), annotated as the
/// stub writes it. It keeps the number as the reader gives it: an integer exactly within
/// 64 bits, anything else as its nearest double (as every `float` of typed-dict's): for a
/// DynamoDB number of more digits than a double holds, keep the attribute value's own
/// string form (`{"N": "..."}`) instead.
///
/// ```
/// use typed_dict::{typed_dict, Decimal, TypedDict};
///
/// #[typed_dict]
/// pub struct Price {
///     pub amount: Decimal,
/// }
///
/// let price: Price = typed_dict::from_str(r#"{"amount": 12.5}"#).unwrap();
/// assert_eq!(price.amount.as_f64(), 12.5);
/// assert_eq!(typed_dict::to_string(&price).unwrap(), r#"{"amount":12.5}"#);
/// let count: Price = typed_dict::from_str(r#"{"amount": 18446744073709551615}"#).unwrap();
/// assert_eq!(count.amount.to_string(), "18446744073709551615");
/// assert_eq!(Price::schema().fields[0].value.python().to_string(), "Decimal");
/// assert!(typed_dict::from_str::<Price>(r#"{"amount": "12.5"}"#).is_err());
/// ```
#[derive(Clone, PartialEq, Debug)]
pub struct Decimal(serde_json::Number);

impl Decimal {
    /// The number as a double (the nearest one, for an integer beyond 2^53).
    pub fn as_f64(&self) -> f64 {
        self.0.as_f64().unwrap_or(f64::NAN)
    }

    /// The number as `serde_json` holds it.
    pub fn as_number(&self) -> &serde_json::Number {
        &self.0
    }

    /// The number from a finite double; `None` for NaN and the infinities, which JSON
    /// cannot write.
    pub fn from_f64(value: f64) -> Option<Self> {
        serde_json::Number::from_f64(value).map(Decimal)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl From<i64> for Decimal {
    fn from(value: i64) -> Self {
        Decimal(value.into())
    }
}

impl From<u64> for Decimal {
    fn from(value: u64) -> Self {
        Decimal(value.into())
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Number::deserialize(deserializer).map(Decimal)
    }
}

static DECIMAL: CustomSchema = CustomSchema::new::<Decimal>(&ValueType::Float, "Decimal");

impl TypedValue for Decimal {
    const TYPE: ValueType = ValueType::Custom(&DECIMAL);
}
