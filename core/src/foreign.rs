//! [`TypedValue`] for foreign types, each a [`ValueType::Custom`] checked by its own
//! parser: IP addresses always, `uuid::Uuid` and `url::Url` behind features of their names.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use crate::error::Quoted;
use crate::schema::{CustomSchema, TypedValue, ValueType};

/// A JSON string that parses as `T` (what serde's own impls for the IP types read, through
/// the same `FromStr`), or the message naming the string and `what` it is not.
fn parses_as<T: FromStr>(json: &str, what: &str) -> Result<(), String> {
    let text: String = crate::json::de::from_str(json).map_err(|error| error.to_string())?;
    match text.parse::<T>() {
        Ok(_) => Ok(()),
        Err(_) => Err(format!("{} is not a valid {what}", Quoted::single(&text))),
    }
}

pub(crate) static IP: CustomSchema = CustomSchema::checked_by(&ValueType::Str, "str", |json| {
    parses_as::<IpAddr>(json, "IP address")
})
.with_canonical::<IpAddr>();
static IPV4: CustomSchema = CustomSchema::checked_by(&ValueType::Str, "str", |json| {
    parses_as::<Ipv4Addr>(json, "IPv4 address")
})
.with_canonical::<Ipv4Addr>()
.with_format("ipv4");
static IPV6: CustomSchema = CustomSchema::checked_by(&ValueType::Str, "str", |json| {
    parses_as::<Ipv6Addr>(json, "IPv6 address")
})
.with_canonical::<Ipv6Addr>()
.with_format("ipv6");

/// An IPv4 or IPv6 address: a `str` such as `"10.0.0.1"` or `"::1"`; any other string is
/// `invalid_value` (`'300.1.1.1' is not a valid IP address`).
impl TypedValue for IpAddr {
    const TYPE: ValueType = ValueType::Custom(&IP);
}

/// An IPv4 address: a `str` such as `"10.0.0.1"` (JSON Schema format `ipv4`); any other
/// string is `invalid_value` (`'300.1.1.1' is not a valid IPv4 address`).
impl TypedValue for Ipv4Addr {
    const TYPE: ValueType = ValueType::Custom(&IPV4);
}

/// An IPv6 address: a `str` such as `"::1"` (JSON Schema format `ipv6`); any other string
/// is `invalid_value` (`'1.2.3.4' is not a valid IPv6 address`).
impl TypedValue for Ipv6Addr {
    const TYPE: ValueType = ValueType::Custom(&IPV6);
}

#[cfg(feature = "uuid")]
static UUID: CustomSchema =
    CustomSchema::new::<uuid::Uuid>(&ValueType::Str, "str").with_format("uuid");

/// A UUID (feature `uuid`): a `str` in any form `Uuid` parses (hyphenated, simple,
/// `urn:uuid:`, braced; JSON Schema format `uuid`); any other string is `invalid_value`
/// with `uuid`'s message.
#[cfg(feature = "uuid")]
impl TypedValue for uuid::Uuid {
    const TYPE: ValueType = ValueType::Custom(&UUID);
}

#[cfg(feature = "url")]
static URL: CustomSchema = CustomSchema::new::<url::Url>(&ValueType::Str, "str")
    .with_format("uri")
    .with_examples(&[
        r#""https://example.com/""#,
        r#""https://user@example.com:8443/a/b?q=1#frag""#,
        r#""http://[::1]/""#,
        r#""file:///etc/hosts""#,
        r#""mailto:someone@example.com""#,
        r#""s3://bucket/key%20with%20spaces""#,
    ]);

/// An absolute URL (feature `url`): a `str` that `Url::parse` accepts (JSON Schema format
/// `uri`); any other string is `invalid_value` with `url`'s message.
#[cfg(feature = "url")]
impl TypedValue for url::Url {
    const TYPE: ValueType = ValueType::Custom(&URL);
}
