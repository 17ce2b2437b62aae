//! What a JSON number token means for each value type, read from its text: the parser
//! never turns it into a float first, so no spelling is lost (`-0` is the integer 0) and
//! no size is too large to report (`1e400`, a 310-digit integer).

use std::fmt;

/// A number token, as written (already checked against the JSON grammar).
#[derive(Clone, Copy)]
pub(crate) struct Number<'a> {
    pub(crate) raw: &'a str,
}

/// How a number reads as an `int`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AsInt {
    /// An integer literal within the signed 64-bit range.
    Int(i64),
    /// A value outside the range, whatever the notation.
    OutOfRange,
    /// A value within the range written as a float (`1.0`, `1e2`): not an int.
    Float,
}

impl<'a> Number<'a> {
    /// Whether the token is an integer literal (no fraction, no exponent).
    pub(crate) fn is_integer(self) -> bool {
        !self.raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'))
    }

    /// The JSON type name Python gives the token: `int` or `float`.
    pub(crate) fn python_type(self) -> &'static str {
        if self.is_integer() {
            "int"
        } else {
            "float"
        }
    }

    /// How the token reads as an `int`. An integer literal is exact: it fits or not
    /// (`-0` is 0). A float literal is the double Python's `json` reads it as: beyond the
    /// range it is out of range (`1e400`), within it a float, which an int is not.
    pub(crate) fn as_int(self) -> AsInt {
        if self.is_integer() {
            return match self.raw.parse::<i64>() {
                Ok(value) => AsInt::Int(value),
                Err(_) => AsInt::OutOfRange,
            };
        }
        const BOUND: f64 = 9_223_372_036_854_775_808.0; // 2^63
        match self.raw.parse::<f64>() {
            Ok(value) if (-BOUND..BOUND).contains(&value) => AsInt::Float,
            _ => AsInt::OutOfRange,
        }
    }

    /// The nearest `f64`, or `None` when the value is beyond what one holds (JSON has no
    /// infinity, so such a number could not be written back).
    pub(crate) fn as_f64(self) -> Option<f64> {
        self.raw
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
    }

    /// The token for messages: in full when short, else its start and its length.
    pub(crate) fn shown(self) -> Shown<'a> {
        Shown(self.raw)
    }
}

/// Display adapter of [`Number::shown`].
pub(crate) struct Shown<'a>(&'a str);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 40;
        if self.0.len() <= MAX {
            f.write_str(self.0)
        } else {
            // Number tokens are ASCII: any byte index is a char boundary.
            write!(f, "{}... ({} characters)", &self.0[..24], self.0.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(raw: &str) -> AsInt {
        Number { raw }.as_int()
    }

    #[test]
    fn integers_are_read_from_their_digits() {
        assert_eq!(int("-0"), AsInt::Int(0));
        assert_eq!(int("0"), AsInt::Int(0));
        assert_eq!(int("-9223372036854775808"), AsInt::Int(i64::MIN));
        assert_eq!(int("9223372036854775807"), AsInt::Int(i64::MAX));
        assert_eq!(int("9223372036854775808"), AsInt::OutOfRange);
        assert_eq!(int("-9223372036854775809"), AsInt::OutOfRange);
        assert_eq!(int(&"9".repeat(310)), AsInt::OutOfRange);
    }

    #[test]
    fn floats_are_out_of_range_only_beyond_i64() {
        for raw in [
            "1.0",
            "-0.0",
            "1e2",
            "-9223372036854775808.0",
            // The double nearest it is -2^63, i64::MIN: in range.
            "-9223372036854775808.5",
            "-92233720368547758080e-1",
            "-9.223372036854776e18",
            "1e-400",
            "0e999999999999999999999",
        ] {
            assert_eq!(int(raw), AsInt::Float, "{raw}");
        }
        for raw in [
            "1e400",
            "-1e400",
            "9223372036854775808.0",
            // The double nearest it is 2^63, one past i64::MAX.
            "9223372036854775807.5",
            "1e19",
            "92233720368547758080e-1",
            "9.223372036854776e18",
            "-9.2233720368547774e18",
            "1E99999999999999999999999",
        ] {
            assert_eq!(int(raw), AsInt::OutOfRange, "{raw}");
        }
    }

    #[test]
    fn floats_beyond_f64_have_no_value() {
        assert_eq!(Number { raw: "1e400" }.as_f64(), None);
        assert_eq!(
            Number {
                raw: &"9".repeat(310)
            }
            .as_f64(),
            None
        );
        assert_eq!(Number { raw: "1e-400" }.as_f64(), Some(0.0));
        assert_eq!(Number { raw: "1.5" }.as_f64(), Some(1.5));
        assert_eq!(
            Number {
                raw: &"1".repeat(60)
            }
            .shown()
            .to_string(),
            "111111111111111111111111... (60 characters)"
        );
    }
}
