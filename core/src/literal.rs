//! The `Literal` trait that `#[typed_dict]` implements for fieldless enums.

use std::fmt;
use std::hash::Hash;

use crate::schema::LiteralSchema;

/// A `Literal['A', 'B', ...]` type: a closed set of wire strings.
///
/// Implemented by `#[typed_dict]` on a fieldless enum, together with `FromStr`,
/// `TryFrom<&str>`, `Display`, serde, and `Copy + Eq + Ord + Hash`.
pub trait Literal: Copy + Eq + Ord + Hash + fmt::Debug + fmt::Display + 'static {
    /// The literal's name and its values.
    const SCHEMA: LiteralSchema;
    /// Every variant, in declaration order.
    const ALL: &'static [Self];

    /// The wire string.
    fn as_str(self) -> &'static str;

    /// The variant whose wire string is `text`, if any (exact, case-sensitive).
    fn from_wire(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.as_str() == text)
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
