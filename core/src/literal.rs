//! The `Literal` trait that `#[typed_dict]` implements for fieldless enums.

use std::fmt;
use std::hash::Hash;

use crate::schema::LiteralSchema;

/// A `Literal['A', 'B', ...]` type: a set of wire strings.
///
/// Implemented by `#[typed_dict]` on an enum, together with `FromStr`, `TryFrom<&str>`,
/// `Display`, serde, and `Clone + Eq + Ord + Hash` (and `Copy` for a closed literal).
///
/// `ALL` and `VALUES` live here rather than on the type, so that a literal may have
/// variants named `ALL`, `VALUES` or `NONE` (AWS uses `ALL` as a value): import the
/// trait, or write `<X as Literal>::ALL`.
pub trait Literal: Clone + Eq + Ord + Hash + fmt::Debug + fmt::Display + 'static {
    /// The literal's name and its values.
    const SCHEMA: LiteralSchema;
    /// Every declared variant, in declaration order.
    const ALL: &'static [Self];
    /// Every declared wire string, in declaration order.
    const VALUES: &'static [&'static str] = Self::SCHEMA.values;

    /// The wire string.
    fn as_str(&self) -> &str;

    /// The declared variant whose wire string is `text`, if any (exact, case-sensitive).
    fn from_wire(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|value| value.as_str() == text)
            .cloned()
    }

    /// Like [`Literal::from_wire`], with an error that lists every allowed value.
    fn parse(text: &str) -> Result<Self, LiteralError> {
        Self::from_wire(text).ok_or_else(|| LiteralError::new(&Self::SCHEMA, text))
    }
}

/// A string that is not one of a literal's values.
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
}

impl fmt::Display for LiteralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "'{}' is not a valid {}; expected ",
            self.got, self.literal
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
