//! What a JSON number token means for each value type, read from its text: the parser
//! never turns it into a float first, so no spelling is lost (`-0` is the integer 0) and
//! no size is too large to report (`1e400`, a 310-digit integer).

use crate::error::Quoted;
use crate::schema::IntegerRange;

/// A number token, as written (already checked against the JSON grammar).
#[derive(Clone, Copy)]
pub(crate) struct Number<'a> {
    pub(crate) raw: &'a str,
    /// The length of the sign and integer part (all of `raw` for an integer literal).
    pub(crate) whole: usize,
    /// Whether an exponent follows.
    pub(crate) exponent: bool,
}

/// `10^n` at index `n`, up to `10^18`.
const POWERS_OF_TEN: [i64; 19] = {
    let mut powers = [1; 19];
    let mut n = 1;
    while n < 19 {
        powers[n] = powers[n - 1] * 10;
        n += 1;
    }
    powers
};

/// How a number reads as an `int` of some [`IntegerRange`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AsInt {
    /// An integer literal within the range.
    Int(i128),
    /// A value outside the range, whatever the notation.
    OutOfRange,
    /// A value within the range written as a float (`1.0`, `1e2`): not an int.
    Float,
}

impl<'a> Number<'a> {
    /// A number token: `raw` as written, checked against the JSON grammar.
    #[cfg(test)]
    pub(crate) fn new(raw: &'a str) -> Self {
        Number {
            raw,
            whole: raw.find(['.', 'e', 'E']).unwrap_or(raw.len()),
            exponent: raw.contains(['e', 'E']),
        }
    }

    /// Whether the token is an integer literal (no fraction, no exponent).
    #[inline]
    pub(crate) fn is_integer(self) -> bool {
        self.whole == self.raw.len()
    }

    /// The JSON type name Python gives the token: `int` or `float`.
    pub(crate) fn python_type(self) -> &'static str {
        if self.is_integer() {
            "int"
        } else {
            "float"
        }
    }

    /// How the token reads as an `i64`: [`Number::as_int_within`] `i64`'s range.
    #[cfg(test)]
    pub(crate) fn as_int(self) -> AsInt {
        self.as_int_within(&IntegerRange::I64)
    }

    /// How the token reads as an `int` of `range`: the one rule for every integer type,
    /// which the walk and the fast path's parser both ask. An integer literal is exact,
    /// read from its digits: it fits or not (`-0` is 0; any number of digits is judged).
    /// A float literal is the double Python's `json` reads it as: outside the range it is
    /// out of range (`1e400`, `300.0` for `u8`), within it a float, which an int is not.
    pub(crate) fn as_int_within(self, range: &IntegerRange) -> AsInt {
        if self.is_integer() {
            let value = match self.small_integer() {
                Some(value) => Some(i128::from(value)),
                // Every range lies within `i128`: a literal beyond it is beyond the range.
                None => self.raw.parse::<i128>().ok(),
            };
            return match value {
                Some(value) if range.contains(value) => AsInt::Int(value),
                _ => AsInt::OutOfRange,
            };
        }
        // The bounds are whole numbers, so the double is at least `min` exactly when its
        // floor is, and at most `max` exactly when its ceiling is; both are exact as
        // `i128` (the casts saturate beyond it, which every range lies within, and `1e400`
        // reads as infinity).
        let value = self.raw.parse::<f64>().unwrap_or(f64::INFINITY);
        if range.min <= value.floor() as i128 && value.ceil() as i128 <= range.max {
            AsInt::Float
        } else {
            AsInt::OutOfRange
        }
    }

    /// The value of an integer literal of at most 18 digits (which always fits), read
    /// without the general parser.
    #[inline]
    pub(crate) fn small_integer(self) -> Option<i64> {
        let (negative, digits) = match self.raw.strip_prefix('-') {
            Some(digits) => (true, digits),
            None => (false, self.raw),
        };
        if digits.len() > 18 {
            return None;
        }
        let value = digits
            .bytes()
            .fold(0_i64, |value, digit| value * 10 + i64::from(digit - b'0'));
        Some(if negative { -value } else { value })
    }

    /// Whether the value lies strictly between `low` and `high` (whole numbers), when that
    /// is plain from the digits before any fraction; `None` when it takes a full parse
    /// (an exponent, or an integer part at or beyond the bounds).
    #[inline]
    pub(crate) fn clearly_between(self, low: i64, high: i64) -> Option<bool> {
        if self.exponent {
            return None;
        }
        let whole = &self.raw[..self.whole];
        // Most often (epoch seconds well inside the bounds) the number of digits says
        // it: a non-negative whole part of `n` digits is below `10^n`.
        if low < 0
            && !whole.starts_with('-')
            && POWERS_OF_TEN
                .get(whole.len())
                .is_some_and(|&power| power <= high)
        {
            return Some(true);
        }
        let value = Number {
            raw: whole,
            whole: whole.len(),
            exponent: false,
        }
        .small_integer()?;
        // `-0.5` has the whole part `-0`: compare with a margin of one either side.
        (low < value && value < high).then_some(true)
    }

    /// Whether the value is plainly within `f64`'s range without parsing it: no exponent
    /// and at most 300 digits (`f64::MAX` is about 1.8e308).
    #[inline]
    pub(crate) fn clearly_finite(self) -> bool {
        self.raw.len() <= 300 && !self.exponent
    }

    /// The nearest `f32`, or `None` when the value is beyond what one holds (it would
    /// round to infinity): the one rule for `f32`, which the walk and the fast path's
    /// parser both ask. Read from the text in one rounding, not through an `f64` (which
    /// could round twice); an integer literal as the integer it is, so `-0` is 0 as for
    /// `f64`. A value too small for a subnormal reads as zero, as `1e-400` does for `f64`.
    #[inline]
    pub(crate) fn as_f32(self) -> Option<f32> {
        if self.is_integer() {
            if let Some(value) = self.small_integer() {
                // One rounding, to the nearest `f32` (at most 2^60: always finite).
                return Some(value as f32);
            }
        }
        self.raw
            .parse::<f32>()
            .ok()
            .filter(|value| value.is_finite())
    }

    /// The nearest `f64`, or `None` when the value is beyond what one holds (JSON has no
    /// infinity, so such a number could not be written back).
    #[inline]
    pub(crate) fn as_f64(self) -> Option<f64> {
        if let Some(value) = self.exact_decimal() {
            return Some(value);
        }
        self.raw
            .parse::<f64>()
            .ok()
            .filter(|value| value.is_finite())
    }

    /// The nearest `f64` of a short decimal fraction such as `1668769882.894` (timestamps
    /// and scores, most of the floats payloads hold), read in one pass over its digits
    /// rather than by the general parser. Clinger's fast path: the digits without the
    /// point make an integer of at most 2^53 and the divisor is a power of ten of at most
    /// 10^19, so both are exact doubles and the one IEEE division rounds correctly, to
    /// the double `str::parse` gives. `None` for anything else (exponents, integers, more
    /// digits), which the general parser reads.
    #[inline]
    fn exact_decimal(self) -> Option<f64> {
        const POWERS_OF_TEN: [f64; 20] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19,
        ];
        if self.exponent || self.is_integer() {
            return None;
        }
        let (negative, text) = match self.raw.strip_prefix('-') {
            Some(text) => (true, text),
            None => (false, self.raw),
        };
        // With its point, at most 19 digits: below 10^19, so the sum cannot overflow.
        if text.len() > 20 {
            return None;
        }
        let whole_digits = self.whole - usize::from(negative);
        let mut mantissa = 0_u64;
        for byte in text.bytes() {
            if byte != b'.' {
                mantissa = mantissa * 10 + u64::from(byte - b'0');
            }
        }
        if mantissa > 1 << 53 {
            return None;
        }
        // The grammar put one point after the whole part: the rest are fraction digits.
        let fraction_digits = text.len() - whole_digits - 1;
        let value = mantissa as f64 / POWERS_OF_TEN[fraction_digits];
        Some(if negative { -value } else { value })
    }

    /// What the token reads as, as the serde path hands it to a visitor: an integer token
    /// as the 64-bit integer it is (a non-negative one unsigned, `-0` too: JSON's integer
    /// zero, not the float -0.0 serde_json makes of it); a fraction, an exponent, or an
    /// integer beyond 64 bits as the nearest double, as serde_json and Python read it;
    /// beyond the doubles, nothing.
    #[inline]
    pub(crate) fn read(self) -> Read {
        let raw = self.raw;
        if self.is_integer() {
            if let Some(value) = self.small_integer() {
                return if value < 0 {
                    Read::I64(value)
                } else {
                    Read::U64(value.unsigned_abs())
                };
            }
            if raw.starts_with('-') {
                if let Ok(value) = raw.parse::<i64>() {
                    return Read::I64(value);
                }
            } else if let Ok(value) = raw.parse::<u64>() {
                return Read::U64(value);
            }
        }
        match self.as_f64() {
            Some(value) => Read::F64(value),
            None => Read::OutOfRange,
        }
    }

    /// The token for messages: in full when short, else its start, its end and its
    /// length, as every value a message quotes.
    pub(crate) fn shown(self) -> Quoted<'a> {
        Quoted::bare(self.raw)
    }
}

/// What a number token reads as: [`Number::read`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Read {
    /// A negative integer within the signed 64-bit range.
    I64(i64),
    /// A non-negative integer within the unsigned 64-bit range.
    U64(u64),
    /// Any other finite number.
    F64(f64),
    /// Beyond the doubles (`1e400`).
    OutOfRange,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(raw: &str) -> AsInt {
        Number::new(raw).as_int()
    }

    #[test]
    fn integers_are_read_from_their_digits() {
        assert_eq!(int("-0"), AsInt::Int(0));
        assert_eq!(int("0"), AsInt::Int(0));
        assert_eq!(int("-9223372036854775808"), AsInt::Int(i64::MIN.into()));
        assert_eq!(int("9223372036854775807"), AsInt::Int(i64::MAX.into()));
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
    fn every_range_judges_integers_by_digits_and_floats_by_their_double() {
        let within = |raw: &str, range: &IntegerRange| Number::new(raw).as_int_within(range);
        let u8 = &IntegerRange::U8;
        assert_eq!(within("255", u8), AsInt::Int(255));
        assert_eq!(within("-0", u8), AsInt::Int(0));
        assert_eq!(within("256", u8), AsInt::OutOfRange);
        assert_eq!(within("-1", u8), AsInt::OutOfRange);
        assert_eq!(within("1.0", u8), AsInt::Float);
        assert_eq!(within("-0.0", u8), AsInt::Float);
        assert_eq!(within("2.55e2", u8), AsInt::Float);
        // Outside the range, whatever the notation: a fraction past either end too.
        assert_eq!(within("255.5", u8), AsInt::OutOfRange);
        assert_eq!(within("-0.5", u8), AsInt::OutOfRange);
        assert_eq!(within("3e2", u8), AsInt::OutOfRange);
        let u64 = &IntegerRange::U64;
        assert_eq!(
            within("18446744073709551615", u64),
            AsInt::Int(u64::MAX.into())
        );
        assert_eq!(within("18446744073709551616", u64), AsInt::OutOfRange);
        // 2^64 exactly, and the double nearest u64::MAX (which is 2^64).
        assert_eq!(within("1.8446744073709551615e19", u64), AsInt::OutOfRange);
        assert_eq!(within("1.8446744073709550e19", u64), AsInt::Float);
        let i8 = &IntegerRange::I8;
        assert_eq!(within("-128", i8), AsInt::Int(-128));
        assert_eq!(within("-129", i8), AsInt::OutOfRange);
        assert_eq!(within("-128.5", i8), AsInt::OutOfRange);
        assert_eq!(within("-127.5", i8), AsInt::Float);
        // Beyond i128 and beyond the doubles.
        assert_eq!(within(&"9".repeat(40), u64), AsInt::OutOfRange);
        assert_eq!(
            within(&format!("-{}", "9".repeat(40)), i8),
            AsInt::OutOfRange
        );
        assert_eq!(within("1e400", i8), AsInt::OutOfRange);
        assert_eq!(within("-1e400", i8), AsInt::OutOfRange);
        assert_eq!(within("1e-400", u8), AsInt::Float);
    }

    #[test]
    fn f32s_are_read_in_one_rounding_and_refused_beyond_their_range() {
        let f32 = |raw| Number::new(raw).as_f32();
        assert_eq!(f32("3.4028235e38"), Some(f32::MAX));
        assert_eq!(f32("-3.4028235e38"), Some(f32::MIN));
        // Just below halfway to 2^128 rounds to the largest; halfway rounds to infinity.
        assert_eq!(
            f32("340282356779733661637539395458142568447"),
            Some(f32::MAX)
        );
        assert_eq!(f32("340282356779733661637539395458142568448"), None);
        assert_eq!(f32("3.5e38"), None);
        assert_eq!(f32("-3.5e38"), None);
        assert_eq!(f32("1e400"), None);
        assert_eq!(f32("1e-45"), Some(f32::from_bits(1)));
        assert_eq!(f32("1.1754942e-38"), Some(f32::from_bits(0x007f_ffff)));
        assert_eq!(f32("1e-50"), Some(0.0));
        assert_eq!(f32("-0").map(f32::to_bits), Some(0));
        assert_eq!(f32("-0.0").map(f32::to_bits), Some((-0.0f32).to_bits()));
        assert_eq!(f32("16777217"), Some(16_777_216.0));
        assert_eq!(f32("0.1"), Some(0.1));
    }

    #[test]
    fn plain_digits_place_a_number_without_parsing_it() {
        let between = |raw| Number::new(raw).clearly_between(-10, 10);
        assert_eq!(between("9.999"), Some(true));
        assert_eq!(between("-9.5"), Some(true));
        assert_eq!(between("-0.5"), Some(true));
        assert_eq!(between("10.0"), None);
        assert_eq!(between("-10"), None);
        assert_eq!(between("1e0"), None);
        assert_eq!(between("1234567890123456789.5"), None);
        // The digit count decides only where the value decides alike, at every length
        // around the bounds of timestamps (the walk's use).
        let (low, high) = (-62_135_596_800, 253_402_300_799);
        for raw in [
            "0",
            "0.5",
            "9",
            "99999999999",
            "99999999999.999",
            "100000000000",
            "253402300798",
            "253402300798.9",
            "253402300799",
            "253402300800",
            "999999999999",
            "1000000000000",
            "-1",
            "-62135596799",
            "-62135596800",
            "-62135596799.5",
            "123456789012345678",
        ] {
            let number = Number::new(raw);
            let whole: i128 = raw.split('.').next().unwrap().parse().unwrap();
            let expected = (i128::from(low) < whole && whole < i128::from(high)).then_some(true);
            assert_eq!(number.clearly_between(low, high), expected, "{raw}");
        }
    }

    #[test]
    fn short_numbers_without_exponent_are_finite() {
        assert!(Number::new("1.5").clearly_finite());
        assert!(Number::new(&"9".repeat(300)).clearly_finite());
        assert!(!Number::new(&"9".repeat(310)).clearly_finite());
        assert!(!Number::new("1e5").clearly_finite());
    }

    #[test]
    fn floats_beyond_f64_have_no_value() {
        assert_eq!(Number::new("1e400").as_f64(), None);
        assert_eq!(Number::new(&"9".repeat(310)).as_f64(), None);
        assert_eq!(Number::new("1e-400").as_f64(), Some(0.0));
        assert_eq!(Number::new("1.5").as_f64(), Some(1.5));
    }

    /// The one-pass reading of short decimals gives the very double the general parser
    /// does, bit for bit, at the edges of where it applies and on many random ones.
    #[test]
    fn short_decimals_read_as_the_general_parser_reads_them() {
        let check = |raw: &str| {
            let ours = Number::new(raw).as_f64().map(f64::to_bits);
            let std = raw.parse::<f64>().ok().map(f64::to_bits);
            assert_eq!(ours, std, "{raw}");
        };
        for raw in [
            "0.0",
            "-0.0",
            "0.1",
            "0.3",
            "1668769882.894",
            "-1668769882.894",
            "9007199254740992.0",
            "9007199254740993.0",
            "900719925474099.3",
            "0.9007199254740993",
            "0.0000000000000000001",
            "1.0000000000000000001",
            "9999999999999999999.0",
            "99999999999999999999.0",
            "0.1234567890123456789",
            "-0.1234567890123456789",
            "123456789.123456789",
            "4.35",
            "2.675",
            "1.005",
        ] {
            check(raw);
        }
        // Random digits either side of the point, from a fixed seed.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let whole_len = (next() % 17) as usize;
            let fraction_len = 1 + (next() % 19) as usize;
            let mut raw = String::new();
            if next() % 2 == 0 {
                raw.push('-');
            }
            if whole_len == 0 {
                raw.push('0');
            } else {
                raw.push(char::from(b'1' + (next() % 9) as u8));
                for _ in 1..whole_len {
                    raw.push(char::from(b'0' + (next() % 10) as u8));
                }
            }
            raw.push('.');
            for _ in 0..fraction_len {
                raw.push(char::from(b'0' + (next() % 10) as u8));
            }
            check(&raw);
        }
        assert_eq!(
            Number::new(&"1".repeat(60)).shown().to_string(),
            "1111111111111111111111111...111111111111111111111111 (60 characters)"
        );
    }
}
