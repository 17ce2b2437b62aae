//! Conversions between [`Timestamp`] and `jiff`'s instants (feature `jiff`), beside the
//! `time` and `chrono` ones: through Unix microseconds, `Timestamp`'s public measure.

use crate::{Timestamp, TimestampError};

/// Sub-microsecond digits are dropped, rounding towards the past as cutting the digits of
/// the date-time does (`23:59:59.9999995` becomes `23:59:59.999999`, also before 1970); an
/// instant outside years 1 to 9999 is an error.
///
/// ```
/// use typed_dict::Timestamp;
///
/// let at: jiff::Timestamp = "2023-04-17T22:40:39.940123789Z".parse().unwrap();
/// let timestamp = Timestamp::try_from(at).unwrap();
/// assert_eq!(timestamp.to_rfc3339(), "2023-04-17T22:40:39.940123Z");
///
/// let error = Timestamp::try_from(jiff::Timestamp::MIN).unwrap_err();
/// assert!(error.to_string().contains("out of range"), "{error}");
/// ```
impl TryFrom<::jiff::Timestamp> for Timestamp {
    type Error = TimestampError;

    fn try_from(at: ::jiff::Timestamp) -> Result<Self, TimestampError> {
        let micros = at.as_nanosecond().div_euclid(1_000);
        // jiff's range (years -9999 to 9999) fits an i64 of microseconds; saturating keeps
        // the out-of-range error for anything else.
        let micros = i64::try_from(micros).unwrap_or(if micros < 0 { i64::MIN } else { i64::MAX });
        Timestamp::from_unix_micros(micros)
    }
}

/// Exact, for every `Timestamp` up to 9999-12-30T22:00:00.999999Z, the last instant jiff
/// holds (it keeps the local date in years -9999 to 9999 at any UTC offset); the last 26
/// hours of year 9999 are an error.
///
/// ```
/// use typed_dict::Timestamp;
///
/// let timestamp = Timestamp::from_unix_micros(1_681_771_239_940_000).unwrap();
/// let at = jiff::Timestamp::try_from(timestamp).unwrap();
/// assert_eq!(at.to_string(), "2023-04-17T22:40:39.94Z");
///
/// let last = Timestamp::parse_rfc3339("9999-12-31T23:59:59Z").unwrap();
/// assert!(jiff::Timestamp::try_from(last).is_err());
/// ```
impl TryFrom<Timestamp> for ::jiff::Timestamp {
    type Error = ::jiff::Error;

    fn try_from(at: Timestamp) -> Result<Self, ::jiff::Error> {
        // Seconds and nanoseconds, not `from_microsecond`, which stops a second short of
        // the last instant jiff holds.
        let micros = at.unix_micros();
        let nanos = micros.rem_euclid(1_000_000) * 1_000;
        // Below 10^9: the cast cannot wrap.
        ::jiff::Timestamp::new(micros.div_euclid(1_000_000), nanos as i32)
    }
}

/// The instant of a zoned date-time; its time zone is not kept (a `Timestamp` is an
/// instant). As for `jiff::Timestamp`, sub-microsecond digits are dropped.
///
/// ```
/// use typed_dict::Timestamp;
///
/// let zoned: jiff::Zoned = "2023-04-17T17:40:39.94-05:00[-05:00]".parse().unwrap();
/// let timestamp = Timestamp::try_from(&zoned).unwrap();
/// assert_eq!(timestamp.to_rfc3339(), "2023-04-17T22:40:39.940000Z");
/// ```
impl TryFrom<&::jiff::Zoned> for Timestamp {
    type Error = TimestampError;

    fn try_from(at: &::jiff::Zoned) -> Result<Self, TimestampError> {
        Timestamp::try_from(at.timestamp())
    }
}

/// See the impl for `&jiff::Zoned`.
impl TryFrom<::jiff::Zoned> for Timestamp {
    type Error = TimestampError;

    fn try_from(at: ::jiff::Zoned) -> Result<Self, TimestampError> {
        Timestamp::try_from(&at)
    }
}

/// In UTC, as the wire gives every timestamp; `.with_time_zone(...)` moves it to another
/// zone. An error where `jiff::Timestamp` has one (the last 26 hours of year 9999).
///
/// ```
/// use typed_dict::Timestamp;
///
/// let timestamp = Timestamp::parse_rfc3339("2023-04-17T17:40:39.940-05:00").unwrap();
/// let zoned = jiff::Zoned::try_from(timestamp).unwrap();
/// assert_eq!(zoned.to_string(), "2023-04-17T22:40:39.94+00:00[UTC]");
/// ```
impl TryFrom<Timestamp> for ::jiff::Zoned {
    type Error = ::jiff::Error;

    fn try_from(at: Timestamp) -> Result<Self, ::jiff::Error> {
        let at = ::jiff::Timestamp::try_from(at)?;
        Ok(::jiff::Zoned::new(at, ::jiff::tz::TimeZone::UTC))
    }
}
