//! What a JSON number token means for each value type, read from its text: the parser
//! never turns it into a float first, so no spelling is lost (`-0` is the integer 0) and
//! no size is too large to report (`1e400`, a 310-digit integer).

use std::cmp::Ordering;
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

/// `2^63`, the magnitude just past `i64::MAX`, as decimal digits.
const TWO_POW_63: &[u8] = b"9223372036854775808";

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

    pub(crate) fn as_int(self) -> AsInt {
        if self.is_integer() {
            // An integer literal is exact: it fits or it overflows (`-0` is 0).
            return match self.raw.parse::<i64>() {
                Ok(value) => AsInt::Int(value),
                Err(_) => AsInt::OutOfRange,
            };
        }
        let negative = self.raw.starts_with('-');
        let in_range = match compare_magnitude(self.raw, TWO_POW_63) {
            Ordering::Less => true,
            // -2^63 is i64::MIN; +2^63 is one past i64::MAX.
            Ordering::Equal => negative,
            Ordering::Greater => false,
        };
        if in_range {
            AsInt::Float
        } else {
            AsInt::OutOfRange
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

/// Compares the magnitude of a number token with the integer whose decimal digits are
/// `bound`, exactly, whatever the exponent.
fn compare_magnitude(raw: &str, bound: &[u8]) -> Ordering {
    let unsigned = raw.strip_prefix('-').unwrap_or(raw);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], parse_exponent(&unsigned[at + 1..])),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = 0.DIGITS × 10^point, with DIGITS free of leading and trailing zeros.
    let digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    let leading = digits.iter().take_while(|&&d| d == b'0').count();
    let digits = &digits[leading..];
    let trailing = digits.iter().rev().take_while(|&&d| d == b'0').count();
    let digits = &digits[..digits.len() - trailing];
    if digits.is_empty() {
        return Ordering::Less;
    }
    let point = (whole.len() as i64 - leading as i64).saturating_add(exponent);
    match point.cmp(&(bound.len() as i64)) {
        Ordering::Equal => {}
        other => return other,
    }
    let shared = digits.len().min(bound.len());
    match digits[..shared].cmp(&bound[..shared]) {
        Ordering::Equal if digits.len() > shared => Ordering::Greater,
        Ordering::Equal if bound[shared..].iter().all(|&d| d == b'0') => Ordering::Equal,
        Ordering::Equal => Ordering::Less,
        other => other,
    }
}

/// A decimal exponent, saturated far beyond any range that matters.
fn parse_exponent(text: &str) -> i64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = digits.bytes().fold(0_i64, |value, digit| {
        value
            .saturating_mul(10)
            .saturating_add(i64::from(digit - b'0'))
            .min(1 << 40)
    });
    if negative {
        -magnitude
    } else {
        magnitude
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
            "9223372036854775807.9",
            "1e-400",
            "0e999999999999999999999",
        ] {
            assert_eq!(int(raw), AsInt::Float, "{raw}");
        }
        for raw in [
            "1e400",
            "-1e400",
            "9223372036854775808.0",
            "-9223372036854775808.5",
            "1e19",
            "92233720368547758080e-1",
            "1E99999999999999999999999",
        ] {
            assert_eq!(int(raw), AsInt::OutOfRange, "{raw}");
        }
        assert_eq!(int("-92233720368547758080e-1"), AsInt::Float);
        assert_eq!(int("0.00000922337203685477580800e24"), AsInt::OutOfRange);
        assert_eq!(int("-0.00000922337203685477580800e24"), AsInt::Float);
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
