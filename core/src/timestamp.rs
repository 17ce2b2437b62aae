//! `Timestamp`: Python's `datetime` on the AWS JSON wire.
//!
//! None of the datetime crates' serde helpers read fractional epoch seconds in exponent
//! notation (`1.563223656E9`), which is what the AWS JSON 1.1 protocol sends, hence this
//! newtype. It reads and writes RFC 3339 itself ([`rfc3339`], [`civil`]) and depends on no
//! datetime crate; conversions to `time`, `chrono` and `jiff` types come with those features.

use std::fmt;
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::contract::{self, Seconds};
use crate::error::Quoted;
use crate::schema::{TypedValue, ValueType};

pub(crate) mod civil;
mod rfc3339;

const MICROS_PER_SECOND: i64 = 1_000_000;
/// 0001-01-01T00:00:00Z, the first instant Python's `datetime` can hold.
const MIN_SECONDS: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z, the last whole second Python's `datetime` can hold.
const MAX_SECONDS: i64 = 253_402_300_799;
/// Instants closer to the epoch than this survive a trip through an `f64` of seconds.
const EXACT_DOUBLE_MICROS: u64 = (1 << 32) * MICROS_PER_SECOND as u64;
const MIN_MICROS: i64 = MIN_SECONDS * MICROS_PER_SECOND;
const MAX_MICROS: i64 = MAX_SECONDS * MICROS_PER_SECOND + (MICROS_PER_SECOND - 1);

/// An instant with microsecond precision, between the years 1 and 9999 (Python's range).
///
/// On the wire it reads epoch seconds in any JSON number notation (`1650000000`,
/// `1650000000.123`, `1.563223656E9`) and RFC 3339 strings with `Z` or an offset
/// (`2023-04-17T17:40:39.940000-05:00`, or with a space for the `T` as Python's
/// `str(datetime)` writes it); it writes epoch seconds, as a fraction only when there is
/// one.
///
/// Precision follows CPython, in both directions it rounds:
///
/// - epoch seconds are **rounded** to the nearest microsecond, ties to even, as
///   `datetime.fromtimestamp` does (`0.0078125` is 7,812 µs);
/// - RFC 3339 digits past the sixth are **truncated**, as `datetime.fromisoformat` does
///   (`.1234567` is 123,456 µs).
///
/// ```
/// use typed_dict::Timestamp;
/// let number: Timestamp = serde_json::from_str("0.0000015").unwrap();
/// assert_eq!(number.unix_micros(), 2);
/// let text = Timestamp::parse_rfc3339("1970-01-01T00:00:00.0000019Z").unwrap();
/// assert_eq!(text.unix_micros(), 1);
/// ```
#[derive(Clone, Copy)]
pub struct Timestamp {
    micros: i64,
    /// The epoch seconds to write: the double this instant was read from (written back as
    /// it was, so a decoded number keeps its every digit), or the double that carries its
    /// microseconds exactly, worked out once here rather than at every encode. NaN for
    /// whole seconds (written as an integer) and for the instants no double carries
    /// (written as RFC 3339). Equality, order and hashing ignore it.
    wire_seconds: f64,
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.micros == other.micros
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.micros.cmp(&other.micros)
    }
}

impl std::hash::Hash for Timestamp {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.micros.hash(state);
    }
}

/// Why a value is not a timestamp: its `Display` says which part could not be read, or
/// that the instant is outside years 1 to 9999.
///
/// ```
/// use typed_dict::{Timestamp, TimestampError};
///
/// let error: TimestampError = "2022-13-01T00:00:00Z".parse::<Timestamp>().unwrap_err();
/// assert!(error.to_string().contains("'month'"), "{error}");
/// assert!(Timestamp::from_unix_seconds(i64::MAX).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimestampError {}

fn out_of_range(what: impl fmt::Display) -> TimestampError {
    TimestampError(format!(
        "{what} is out of range (years 1 to 9999 are supported)"
    ))
}

impl Timestamp {
    /// 0001-01-01T00:00:00Z in epoch seconds.
    pub(crate) const MIN_SECONDS: i64 = MIN_SECONDS;
    /// 9999-12-31T23:59:59Z in epoch seconds.
    pub(crate) const MAX_SECONDS: i64 = MAX_SECONDS;

    /// The error for an instant outside years 1 to 9999.
    pub(crate) fn out_of_range_error(what: impl fmt::Display) -> TimestampError {
        out_of_range(what)
    }

    /// From microseconds since the Unix epoch.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let at = Timestamp::from_unix_micros(-1).unwrap();
    /// assert_eq!(at.to_string(), "1969-12-31T23:59:59.999999Z");
    /// assert!(Timestamp::from_unix_micros(i64::MAX).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] for an instant outside years 1 to 9999.
    pub fn from_unix_micros(micros: i64) -> Result<Self, TimestampError> {
        if (MIN_MICROS..=MAX_MICROS).contains(&micros) {
            // Below 2^32 seconds (1834 to 2106) a double is within 0.24 µs of the instant,
            // so it always reads back to the same microsecond.
            let exact =
                micros % MICROS_PER_SECOND != 0 && micros.unsigned_abs() < EXACT_DOUBLE_MICROS;
            let wire_seconds = if exact {
                micros as f64 / MICROS_PER_SECOND as f64
            } else {
                f64::NAN
            };
            Ok(Timestamp {
                micros,
                wire_seconds,
            })
        } else {
            Err(out_of_range(format_args!(
                "{micros} microseconds since the epoch"
            )))
        }
    }

    /// From milliseconds since the Unix epoch.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let at = Timestamp::from_unix_millis(1_650_000_000_123).unwrap();
    /// assert_eq!(at.to_string(), "2022-04-15T05:20:00.123000Z");
    /// ```
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] for an instant outside years 1 to 9999.
    pub fn from_unix_millis(millis: i64) -> Result<Self, TimestampError> {
        millis
            .checked_mul(1_000)
            .ok_or_else(|| out_of_range(format_args!("{millis} milliseconds since the epoch")))
            .and_then(Self::from_unix_micros)
    }

    /// From whole seconds since the Unix epoch.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// assert_eq!(Timestamp::from_unix_seconds(0).unwrap().to_string(), "1970-01-01T00:00:00Z");
    /// assert!(Timestamp::from_unix_seconds(253_402_300_800).is_err(), "year 10000");
    /// ```
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] for an instant outside years 1 to 9999.
    pub fn from_unix_seconds(seconds: i64) -> Result<Self, TimestampError> {
        seconds
            .checked_mul(MICROS_PER_SECOND)
            .ok_or_else(|| out_of_range(format_args!("{seconds} seconds since the epoch")))
            .and_then(Self::from_unix_micros)
    }

    /// From fractional seconds since the Unix epoch, rounded to the microsecond (ties to
    /// even, as CPython's `datetime.fromtimestamp`).
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let at = Timestamp::from_unix_seconds_f64(1_563_223_656.5).unwrap();
    /// assert_eq!(at.unix_millis(), 1_563_223_656_500);
    /// assert!(Timestamp::from_unix_seconds_f64(f64::NAN).is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] for a number that is not finite, or an instant outside years
    /// 1 to 9999.
    pub fn from_unix_seconds_f64(seconds: f64) -> Result<Self, TimestampError> {
        if !seconds.is_finite() {
            return Err(TimestampError(format!("{seconds} is not a finite number")));
        }
        // The range check happens in f64 first: casting a huge float to i64 saturates.
        if seconds < MIN_SECONDS as f64 || seconds >= (MAX_SECONDS + 1) as f64 {
            // `1e300` displays as its 301 digits: shortened as a payload's number is.
            return Err(out_of_range(format_args!(
                "{} seconds since the epoch",
                Quoted::bare(&seconds.to_string())
            )));
        }
        // Whole seconds and the fraction apart: `seconds * 1e6` would round away the last
        // microsecond of dates past 2106, where the product outgrows f64's 53 bits. Ties go
        // to even, as CPython's `datetime.fromtimestamp` rounds them.
        let whole = seconds.floor();
        let fraction = ((seconds - whole) * MICROS_PER_SECOND as f64).round_ties_even() as i64;
        let at = Self::from_unix_micros(whole as i64 * MICROS_PER_SECOND + fraction)?;
        Ok(Timestamp {
            wire_seconds: seconds,
            ..at
        })
    }

    /// From an RFC 3339 date-time: `2023-04-17T17:40:39.940000-05:00`.
    ///
    /// What is accepted, exactly (and what [`json_schema`](crate::json_schema) says):
    ///
    /// - `YYYY-MM-DD`, then `T`, `t` or a space (RFC 3339 §5.6 allows the space; it is
    ///   what Python's `str(datetime)` writes), then `HH:MM:SS`;
    /// - optionally `.` and one or more digits: more than six are truncated to the
    ///   microsecond, as CPython's `datetime.fromisoformat` does (`.1234567` is
    ///   `.123456`);
    /// - `Z`, `z` or an offset `+HH:MM` / `-HH:MM`.
    ///
    /// The date must exist, hours run to 23, minutes and seconds to 59 (a leap second
    /// `:60` is refused: a `datetime` cannot hold it), and the instant, in UTC, must lie in
    /// years 1 to 9999.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let nanos = Timestamp::parse_rfc3339("2019-08-06 21:51:15.123456789+00:00").unwrap();
    /// assert_eq!(nanos.to_string(), "2019-08-06T21:51:15.123456Z");
    /// assert!(Timestamp::parse_rfc3339("2019-08-06x21:51:15Z").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// A [`TimestampError`] naming the component that could not be read (`the 'month'
    /// component could not be parsed`), for a leap second, or for an instant outside years 1
    /// to 9999.
    pub fn parse_rfc3339(text: &str) -> Result<Self, TimestampError> {
        // The text is the payload's: quoted shortened, so an error has one bounded size.
        let quoted = Quoted::backticks(text);
        let micros = rfc3339::parse(text.as_bytes()).map_err(|reason| {
            TimestampError(match reason {
                rfc3339::Reason::LeapSecond => {
                    format!("{quoted} is a leap second, which a datetime cannot hold")
                }
                reason => format!(
                    "{quoted} is neither epoch seconds nor an RFC 3339 date-time ({reason})"
                ),
            })
        })?;
        Self::from_unix_micros(micros).map_err(|_| out_of_range(quoted))
    }

    /// Microseconds since the Unix epoch.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let at: Timestamp = "1970-01-01T00:00:01.5Z".parse().unwrap();
    /// assert_eq!((at.unix_micros(), at.unix_millis(), at.unix_seconds_f64()), (1_500_000, 1_500, 1.5));
    /// ```
    pub const fn unix_micros(self) -> i64 {
        self.micros
    }

    /// Milliseconds since the Unix epoch (rounded down).
    pub const fn unix_millis(self) -> i64 {
        self.micros.div_euclid(1_000)
    }

    /// Fractional seconds since the Unix epoch, as the nearest `f64` (epoch seconds are
    /// what the AWS JSON wire sends; a timestamp read from the wire writes back the very
    /// number it was read from, whatever its notation, not this value).
    pub fn unix_seconds_f64(self) -> f64 {
        self.micros as f64 / MICROS_PER_SECOND as f64
    }

    /// As a `time::OffsetDateTime` in UTC (feature `time`).
    ///
    /// ```
    /// # #[cfg(feature = "time")] {
    /// use typed_dict::Timestamp;
    /// let at = Timestamp::from_unix_millis(1_650_000_000_123).unwrap();
    /// let offset = at.to_offset_date_time();
    /// assert_eq!((offset.year(), offset.millisecond()), (2022, 123));
    /// # }
    /// ```
    #[cfg(feature = "time")]
    pub fn to_offset_date_time(self) -> time::OffsetDateTime {
        // In range by construction: years 1 to 9999 are within `time`'s default range.
        time::OffsetDateTime::UNIX_EPOCH + time::Duration::microseconds(self.micros)
    }

    /// RFC 3339 in UTC, with microseconds when there are any: the [`Display`](fmt::Display)
    /// text.
    ///
    /// ```
    /// use typed_dict::Timestamp;
    /// let at = Timestamp::parse_rfc3339("2024-02-29 23:30:00-01:00").unwrap();
    /// assert_eq!(at.to_rfc3339(), "2024-03-01T00:30:00Z");
    /// ```
    pub fn to_rfc3339(self) -> String {
        self.to_string()
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

/// RFC 3339 in UTC: `2023-04-17T22:40:39.940000Z`, with six fractional digits when there
/// are any microseconds, none otherwise. [`Timestamp::parse_rfc3339`] (and [`FromStr`])
/// read it back to the same instant.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let seconds = self.micros.div_euclid(MICROS_PER_SECOND);
        let micros = self.micros.rem_euclid(MICROS_PER_SECOND);
        let (year, month, day) = civil::civil_from_days(seconds.div_euclid(86_400));
        let second_of_day = seconds.rem_euclid(86_400);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}",
            second_of_day / 3600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )?;
        if micros != 0 {
            write!(f, ".{micros:06}")?;
        }
        f.write_str("Z")
    }
}

/// Reads an RFC 3339 date-time, as [`Timestamp::parse_rfc3339`] does; not epoch seconds
/// (a number is JSON's business: `serde_json::from_str::<Timestamp>("1650000000")`).
///
/// ```
/// use typed_dict::Timestamp;
/// let at: Timestamp = "2022-04-15T07:20:00.123+02:00".parse().unwrap();
/// assert_eq!(at.to_string(), "2022-04-15T05:20:00.123000Z");
/// assert_eq!(at.to_string().parse::<Timestamp>(), Ok(at));
/// assert!("1650000000".parse::<Timestamp>().is_err());
/// ```
impl FromStr for Timestamp {
    type Err = TimestampError;

    fn from_str(text: &str) -> Result<Self, TimestampError> {
        Timestamp::parse_rfc3339(text)
    }
}

#[cfg(feature = "time")]
impl TryFrom<time::OffsetDateTime> for Timestamp {
    type Error = TimestampError;

    /// Sub-microsecond digits are truncated (a datetime holds microseconds).
    fn try_from(at: time::OffsetDateTime) -> Result<Self, TimestampError> {
        let micros = at.unix_timestamp_nanos().div_euclid(1_000);
        i64::try_from(micros)
            .map_err(|_| out_of_range(at))
            .and_then(Self::from_unix_micros)
    }
}

#[cfg(feature = "time")]
impl From<Timestamp> for time::OffsetDateTime {
    fn from(at: Timestamp) -> Self {
        at.to_offset_date_time()
    }
}

impl TryFrom<SystemTime> for Timestamp {
    type Error = TimestampError;

    /// Sub-microsecond digits are truncated (a datetime holds microseconds).
    fn try_from(at: SystemTime) -> Result<Self, TimestampError> {
        let micros = match at.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_micros()).ok(),
            Err(before) => i64::try_from(before.duration().as_nanos().div_ceil(1_000))
                .ok()
                .map(|micros| -micros),
        };
        micros
            .ok_or_else(|| out_of_range(format_args!("{at:?}")))
            .and_then(Self::from_unix_micros)
    }
}

impl From<Timestamp> for SystemTime {
    fn from(at: Timestamp) -> Self {
        let magnitude = Duration::from_micros(at.micros.unsigned_abs());
        if at.micros >= 0 {
            UNIX_EPOCH + magnitude
        } else {
            UNIX_EPOCH - magnitude
        }
    }
}

#[cfg(feature = "chrono")]
impl TryFrom<chrono::DateTime<chrono::Utc>> for Timestamp {
    type Error = TimestampError;

    /// Sub-microsecond digits are truncated (a datetime holds microseconds).
    fn try_from(at: chrono::DateTime<chrono::Utc>) -> Result<Self, TimestampError> {
        Self::from_unix_micros(at.timestamp_micros())
    }
}

#[cfg(feature = "chrono")]
impl From<Timestamp> for chrono::DateTime<chrono::Utc> {
    fn from(at: Timestamp) -> Self {
        // In range by construction: chrono covers far more than years 1 to 9999.
        chrono::DateTime::from_timestamp_micros(at.micros).unwrap_or_default()
    }
}

impl Serialize for Timestamp {
    /// Epoch seconds; an RFC 3339 string for the rare instants (far from today) whose
    /// microseconds a JSON double cannot carry, so that no digit is ever lost.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The double read, or the one worked out at construction: it maps back exactly.
        if !self.wire_seconds.is_nan() {
            return serializer.serialize_f64(self.wire_seconds);
        }
        if self.micros % MICROS_PER_SECOND == 0 {
            return serializer.serialize_i64(self.micros / MICROS_PER_SECOND);
        }
        // No double carries these microseconds (far from today): the exact text instead.
        let seconds = self.unix_seconds_f64();
        if Timestamp::from_unix_seconds_f64(seconds) == Ok(*self) {
            serializer.serialize_f64(seconds)
        } else {
            serializer.collect_str(self)
        }
    }
}

struct TimestampVisitor;

impl Visitor<'_> for TimestampVisitor {
    type Value = Timestamp;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("epoch seconds or an RFC 3339 date-time")
    }

    fn visit_i64<E: serde::de::Error>(self, seconds: i64) -> Result<Timestamp, E> {
        contract::timestamp_from_seconds(Seconds::Int(seconds)).map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, seconds: u64) -> Result<Timestamp, E> {
        contract::timestamp_from_seconds(Seconds::UInt(seconds)).map_err(E::custom)
    }

    fn visit_f64<E: serde::de::Error>(self, seconds: f64) -> Result<Timestamp, E> {
        contract::timestamp_from_seconds(Seconds::Float(seconds)).map_err(E::custom)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Timestamp, E> {
        Timestamp::parse_rfc3339(text).map_err(E::custom)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TimestampVisitor)
    }
}

impl TypedValue for Timestamp {
    const TYPE: ValueType = ValueType::Timestamp;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_edges_are_exact() {
        assert!(Timestamp::from_unix_seconds(MAX_SECONDS).is_ok());
        assert!(Timestamp::from_unix_seconds(MAX_SECONDS + 1).is_err());
        assert!(Timestamp::from_unix_seconds(MIN_SECONDS).is_ok());
        assert!(Timestamp::from_unix_seconds(MIN_SECONDS - 1).is_err());
        assert!(Timestamp::from_unix_seconds(i64::MAX).is_err());
        assert!(Timestamp::from_unix_seconds_f64(f64::NAN).is_err());
    }

    #[test]
    fn every_microsecond_survives_encoding_across_the_range() {
        let edges = [
            MIN_MICROS,
            MIN_MICROS + 1,
            -1,
            1,
            1_650_000_000_123_000,
            4_438_733_415_967_715,
            EXACT_DOUBLE_MICROS as i64 - 1,
            -(EXACT_DOUBLE_MICROS as i64) + 1,
            MAX_MICROS - 1,
            MAX_MICROS,
        ];
        for micros in edges {
            let at = Timestamp::from_unix_micros(micros).unwrap();
            let json = serde_json::to_string(&at).unwrap();
            let back: Timestamp = serde_json::from_str(&json).unwrap();
            assert_eq!(back, at, "{micros} encoded as {json}");
        }
        assert_eq!(
            serde_json::to_string(&Timestamp::from_unix_micros(MAX_MICROS).unwrap()).unwrap(),
            "\"9999-12-31T23:59:59.999999Z\""
        );
        // Every microsecond of the last second below the bound, where doubles are coarsest.
        let bound = EXACT_DOUBLE_MICROS as i64;
        for micros in ((bound - 1_000_000)..bound).chain((1 - bound)..(1_000_001 - bound)) {
            let at = Timestamp::from_unix_micros(micros).unwrap();
            let seconds = at.unix_seconds_f64();
            assert_eq!(
                Timestamp::from_unix_seconds_f64(seconds),
                Ok(at),
                "{micros}"
            );
        }
        let half: Timestamp = serde_json::from_str("0.0078125").unwrap();
        assert_eq!(half.unix_micros(), 7_812, "ties to even, as CPython");
        let negative_half: Timestamp = serde_json::from_str("-0.0078125").unwrap();
        assert_eq!(negative_half.unix_micros(), -7_812);
        let read: Timestamp = serde_json::from_str("4438733415.967715").unwrap();
        assert_eq!(read.unix_micros(), 4_438_733_415_967_715);
    }

    #[test]
    fn numbers_are_written_back_as_they_were_read() {
        for text in [
            "1650000000.123",
            "1563223656.0",
            "0.0",
            "1650000000.1234567",
            "-1.5",
        ] {
            let at: Timestamp = serde_json::from_str(text).unwrap();
            assert_eq!(serde_json::to_string(&at).unwrap(), text);
        }
        let exponent: Timestamp = serde_json::from_str("1.563223656E9").unwrap();
        assert_eq!(serde_json::to_string(&exponent).unwrap(), "1563223656.0");
        let whole: Timestamp = serde_json::from_str("1650000000").unwrap();
        assert_eq!(serde_json::to_string(&whole).unwrap(), "1650000000");
        let read: Timestamp = serde_json::from_str("1650000000.1234567").unwrap();
        assert_eq!(
            read,
            Timestamp::from_unix_micros(1_650_000_000_123_457).unwrap()
        );
    }

    fn micros(text: &str) -> Result<i64, TimestampError> {
        Timestamp::parse_rfc3339(text).map(Timestamp::unix_micros)
    }

    #[test]
    fn rfc3339_with_more_than_six_digits_is_truncated_like_cpython() {
        let base = 1_565_128_275_000_000;
        for (text, expected) in [
            ("2019-08-06T21:51:15Z", base),
            ("2019-08-06T21:51:15.1Z", base + 100_000),
            ("2019-08-06T21:51:15.123456Z", base + 123_456),
            ("2019-08-06T21:51:15.1234567Z", base + 123_456),
            ("2019-08-06T21:51:15.123456789Z", base + 123_456),
            ("2019-08-06T21:51:15.999999999999Z", base + 999_999),
            ("1969-12-31T23:59:59.9999999Z", -1),
            ("2019-08-06 21:51:15.431000+00:00", base + 431_000),
            ("2019-08-06t21:51:15z", base),
            ("2019-08-06T23:51:15+02:00", base),
            ("2019-08-06T16:21:15-05:30", base),
            ("2024-02-29T00:00:00Z", 1_709_164_800_000_000),
            ("0001-01-01T00:00:00Z", MIN_MICROS),
            ("9999-12-31T23:59:59.9999999Z", MAX_MICROS),
        ] {
            assert_eq!(micros(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn rfc3339_refuses_what_is_not_one() {
        for text in [
            "2019-08-06x21:51:15Z",
            "2019-08-06T21:51:15",
            "2019-08-06T21:51Z",
            "2019-08-06T21:51:15.Z",
            "2019-08-06T21:51:15ZZ",
            "2019-08-06T21:51:15+0000",
            "2019-08-06T21:51:15+24:00",
            "2019-08-06T24:00:00Z",
            "2019-08-06T21:60:00Z",
            "2019-13-06T21:51:15Z",
            "2019-02-29T21:51:15Z",
            "2019-04-31T21:51:15Z",
            "2019-00-06T21:51:15Z",
            "2019-08-00T21:51:15Z",
            "19-08-06T21:51:15Z",
            "2019/08/06T21:51:15Z",
            "2019-08-06T21:51:15\u{e9}",
            "0000-12-31T23:59:59Z",
            "0001-01-01T00:00:00+00:01",
            "",
        ] {
            assert!(micros(text).is_err(), "{text}");
        }
        assert_eq!(
            micros("2016-12-31T23:59:60Z").unwrap_err().to_string(),
            "`2016-12-31T23:59:60Z` is a leap second, which a datetime cannot hold"
        );
        assert_eq!(
            micros("Jul 11, 2018").unwrap_err().to_string(),
            "`Jul 11, 2018` is neither epoch seconds nor an RFC 3339 date-time (the 'year' component could not be parsed)"
        );
        assert_eq!(
            micros("0001-01-01T00:00:00+00:01").unwrap_err().to_string(),
            "`0001-01-01T00:00:00+00:01` is out of range (years 1 to 9999 are supported)"
        );
    }

    #[test]
    fn display_is_rfc3339_utc() {
        let at = Timestamp::from_unix_micros(1_681_771_239_940_000).unwrap();
        assert_eq!(at.to_string(), "2023-04-17T22:40:39.940000Z");
        assert_eq!(
            Timestamp::from_unix_seconds(0).unwrap().to_string(),
            "1970-01-01T00:00:00Z"
        );
    }
}
