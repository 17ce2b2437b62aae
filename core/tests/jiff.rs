//! The `jiff` feature: `Timestamp` to and from `jiff::Timestamp` and `jiff::Zoned`.

use proptest::prelude::*;
use typed_dict::Timestamp;

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z in microseconds: `Timestamp`'s
/// range.
const FIRST: i64 = -62_135_596_800_000_000;
const LAST: i64 = 253_402_300_799_999_999;
/// 9999-12-30T22:00:00.999999Z: the last microsecond `jiff::Timestamp` holds.
const JIFF_LAST: i64 = 253_402_207_200_999_999;

fn jiff_at(text: &str) -> jiff::Timestamp {
    text.parse().unwrap()
}

fn timestamp(micros: i64) -> Timestamp {
    Timestamp::from_unix_micros(micros).unwrap()
}

#[test]
fn the_first_instant_converts_both_ways() {
    let at = jiff::Timestamp::try_from(timestamp(FIRST)).unwrap();
    assert_eq!(at, jiff_at("0001-01-01T00:00:00Z"));
    assert_eq!(Timestamp::try_from(at).unwrap(), timestamp(FIRST));
}

#[test]
fn the_last_instant_jiff_holds_converts_both_ways_and_later_ones_are_errors() {
    let at = jiff::Timestamp::try_from(timestamp(JIFF_LAST)).unwrap();
    assert_eq!(at, jiff_at("9999-12-30T22:00:00.999999Z"));
    assert_eq!(Timestamp::try_from(at).unwrap(), timestamp(JIFF_LAST));
    assert_eq!(jiff::Timestamp::MAX.as_microsecond(), JIFF_LAST);
    for micros in [JIFF_LAST + 1, LAST] {
        assert!(
            jiff::Timestamp::try_from(timestamp(micros)).is_err(),
            "{micros}"
        );
        assert!(
            jiff::Zoned::try_from(timestamp(micros)).is_err(),
            "{micros}"
        );
    }
}

#[test]
fn an_instant_before_year_1_is_an_error() {
    let before = jiff_at("0000-12-31T23:59:59.999999Z");
    let error = Timestamp::try_from(before).unwrap_err();
    assert!(
        error.to_string().contains("out of range (years 1 to 9999"),
        "{error}"
    );
    assert!(Timestamp::try_from(jiff::Timestamp::MIN).is_err());
    // Nanoseconds past the first instant are still in range.
    let just_after = jiff::Timestamp::from_nanosecond(i128::from(FIRST) * 1000 + 1).unwrap();
    assert_eq!(Timestamp::try_from(just_after).unwrap(), timestamp(FIRST));
    // Half a microsecond before it is the microsecond before it: out of range.
    let just_before = jiff::Timestamp::from_nanosecond(i128::from(FIRST) * 1000 - 500).unwrap();
    assert!(Timestamp::try_from(just_before).is_err());
}

#[test]
fn microseconds_are_kept_and_nanoseconds_cut_towards_the_past() {
    let at = jiff_at("2023-04-17T22:40:39.000001Z");
    assert_eq!(
        Timestamp::try_from(at).unwrap().unix_micros(),
        1_681_771_239_000_001
    );
    let at = jiff_at("2023-04-17T22:40:39.000001999Z");
    assert_eq!(
        Timestamp::try_from(at).unwrap().unix_micros(),
        1_681_771_239_000_001
    );
    // Before the epoch too: half a microsecond before it is the microsecond before it.
    let before = jiff::Timestamp::from_nanosecond(-500).unwrap();
    assert_eq!(Timestamp::try_from(before).unwrap().unix_micros(), -1);
    assert_eq!(
        Timestamp::try_from(before).unwrap().to_rfc3339(),
        "1969-12-31T23:59:59.999999Z"
    );
}

#[test]
fn zoned_date_times_give_their_instant_and_come_back_in_utc() {
    let zoned: jiff::Zoned = "2023-04-17T17:40:39.940001-05:00[-05:00]".parse().unwrap();
    let timestamp = Timestamp::try_from(&zoned).unwrap();
    assert_eq!(timestamp.to_rfc3339(), "2023-04-17T22:40:39.940001Z");
    assert_eq!(Timestamp::try_from(zoned.clone()).unwrap(), timestamp);
    let back = jiff::Zoned::try_from(timestamp).unwrap();
    assert_eq!(back.time_zone(), &jiff::tz::TimeZone::UTC);
    assert_eq!(back.timestamp(), zoned.timestamp());
    assert_eq!(back.to_string(), "2023-04-17T22:40:39.940001+00:00[UTC]");
}

proptest! {
    #[test]
    fn every_instant_round_trips_and_agrees_with_chrono_and_time(micros in FIRST..=JIFF_LAST) {
        let timestamp = timestamp(micros);
        let at = jiff::Timestamp::try_from(timestamp).unwrap();
        prop_assert_eq!(at.as_microsecond(), micros);
        prop_assert_eq!(Timestamp::try_from(at).unwrap(), timestamp);
        let chrono = chrono::DateTime::<chrono::Utc>::from(timestamp);
        prop_assert_eq!(at.as_nanosecond(), i128::from(chrono.timestamp_micros()) * 1000);
        let time = time::OffsetDateTime::from(timestamp);
        prop_assert_eq!(at.as_nanosecond(), time.unix_timestamp_nanos());
        prop_assert_eq!(at.to_string().parse::<jiff::Timestamp>().unwrap(), at);
        prop_assert_eq!(Timestamp::parse_rfc3339(&at.to_string()).unwrap(), timestamp);
    }
}
