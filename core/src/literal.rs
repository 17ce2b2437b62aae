//! The `Literal` trait that `#[typed_dict]` implements for fieldless enums.

use std::fmt;
use std::hash::Hash;

use crate::error::Quoted;
use crate::schema::LiteralSchema;

/// A `Literal['A', 'B', ...]` type: a set of wire strings.
///
/// Implemented by `#[typed_dict]` on an enum, together with `FromStr`, `TryFrom<&str>`,
/// `Display`, serde, and `Clone + Eq + Ord + Hash` (and `Copy` for a closed literal).
///
/// `ALL` and `VALUES` live here rather than on the type, so that a literal may have
/// variants named `ALL`, `VALUES` or `NONE` (AWS uses `ALL` as a value): import the
/// trait, or write `<X as Literal>::ALL`.
///
/// ```
/// use typed_dict::{typed_dict, Literal};
///
/// #[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
/// pub enum ScanFrequency {
///     ScanOnPush,
///     ContinuousScan,
///     Manual,
/// }
///
/// // Generic code over any literal type.
/// fn choices<L: Literal>() -> String {
///     L::VALUES.join(" | ")
/// }
/// assert_eq!(choices::<ScanFrequency>(), "SCAN_ON_PUSH | CONTINUOUS_SCAN | MANUAL");
/// assert_eq!(<ScanFrequency as Literal>::ALL[2], ScanFrequency::Manual);
/// assert_eq!(<ScanFrequency as Literal>::SCHEMA.name, "ScanFrequency");
///
/// assert_eq!(ScanFrequency::parse("MANUAL"), Ok(ScanFrequency::Manual));
/// let error = ScanFrequency::parse("manual").unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     "'manual' is not a valid ScanFrequency; expected 'SCAN_ON_PUSH', 'CONTINUOUS_SCAN' or 'MANUAL'"
/// );
/// ```
pub trait Literal: Clone + Eq + Ord + Hash + fmt::Debug + fmt::Display + 'static {
    /// The literal's name and its values.
    const SCHEMA: LiteralSchema;
    /// Every declared variant, in declaration order.
    const ALL: &'static [Self];
    /// Every declared wire string, in declaration order.
    const VALUES: &'static [&'static str] = Self::SCHEMA.values;

    /// The wire string.
    fn as_str(&self) -> &str;

    /// The declared variant whose wire string is `text` (exact, case-sensitive), what
    /// `FromStr` and `TryFrom<&str>` return.
    ///
    /// # Errors
    ///
    /// A [`LiteralError`] listing every allowed value when `text` is not one of them.
    /// Strict for open literals too: an unlisted value is an error (an open literal's
    /// `from_any` keeps it instead).
    fn parse(text: &str) -> Result<Self, LiteralError> {
        Self::__from_listed(text).ok_or_else(|| LiteralError::new(&Self::SCHEMA, text))
    }

    /// Whether the value is one the declaration lists (always, for a closed literal).
    fn is_known(&self) -> bool {
        true
    }

    /// The declared variant whose wire string is `text`, if any: what decoding and
    /// `from_any` look values up with, without building an error.
    #[doc(hidden)]
    fn __from_listed(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|value| value.as_str() == text)
            .cloned()
    }

    /// Any string, for an open literal: the declared variant when listed, the `other`
    /// variant otherwise; `None` for a closed literal. What wire mode decodes with.
    #[doc(hidden)]
    fn __from_any(text: &str) -> Option<Self> {
        let _ = text;
        None
    }
}

/// A value an open literal does not list, kept exactly as the service sent it.
///
/// It is what the `#[typed_dict(other)]` variant of an open literal holds. There is no
/// public constructor: an `UnknownValue` comes from decoding in wire mode, or from the
/// literal's `from_any`, which never wraps a value the literal lists.
///
/// ```
/// use typed_dict::{typed_dict, UnknownValue};
///
/// #[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
/// pub enum TagMutability {
///     Mutable,
///     Immutable,
///     #[typed_dict(other)]
///     Other(UnknownValue),
/// }
///
/// let newer = TagMutability::from_any("IMMUTABLE_WITH_EXCLUSION");
/// match &newer {
///     TagMutability::Mutable | TagMutability::Immutable => unreachable!(),
///     TagMutability::Other(value) => assert_eq!(value.as_str(), "IMMUTABLE_WITH_EXCLUSION"),
/// }
/// assert!(!newer.is_known());
/// assert_eq!(TagMutability::from_any("MUTABLE"), TagMutability::Mutable);
/// ```
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(Box<str>);

impl UnknownValue {
    /// For generated code only, which never wraps a listed value.
    pub(crate) fn new(text: &str) -> Self {
        UnknownValue(text.into())
    }

    /// The string as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A string that is not one of a literal's values: the error of `FromStr`, `TryFrom<&str>`
/// and [`Literal::parse`]. Its `Display` lists every allowed value, and quotes the value
/// given shortened past 50 characters (`'DDDD...DDDD' (10,000,000 characters)`) so that a
/// message has one bounded size; [`value`](LiteralError::value) is the whole text.
///
/// ```
/// use typed_dict::{typed_dict, LiteralError};
///
/// #[typed_dict]
/// pub enum Encryption {
///     AES256,
///     KMS,
/// }
///
/// let error: LiteralError = "DES".parse::<Encryption>().unwrap_err();
/// assert_eq!(error.literal(), "Encryption");
/// assert_eq!(error.value(), "DES");
/// assert_eq!(error.allowed(), ["AES256", "KMS"]);
/// assert_eq!(error.to_string(), "'DES' is not a valid Encryption; expected 'AES256' or 'KMS'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiteralError {
    literal: &'static str,
    allowed: &'static [&'static str],
    got: String,
}

impl LiteralError {
    /// The error for `got` not being a value of `literal`.
    pub fn new(literal: &LiteralSchema, got: &str) -> Self {
        LiteralError {
            literal: literal.name,
            allowed: literal.values,
            got: got.to_owned(),
        }
    }

    /// The literal type's name.
    pub fn literal(&self) -> &'static str {
        self.literal
    }

    /// The values that would have been accepted.
    pub fn allowed(&self) -> &'static [&'static str] {
        self.allowed
    }

    /// The string that was given.
    pub fn value(&self) -> &str {
        &self.got
    }
}

impl fmt::Display for LiteralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is not a valid {}; expected ",
            Quoted::single(&self.got),
            self.literal
        )?;
        for (index, value) in self.allowed.iter().enumerate() {
            let separator = match index {
                0 => "",
                _ if index + 1 == self.allowed.len() => " or ",
                _ => ", ",
            };
            write!(f, "{separator}'{value}'")?;
        }
        Ok(())
    }
}

impl std::error::Error for LiteralError {}
