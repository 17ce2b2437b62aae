//! `Timestamp`'s own calendar (no datetime crate in core) checked against the `time`
//! crate across Python's whole range, and the conversions of the `time` feature.

use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};
use typed_dict::Timestamp;

/// 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z in microseconds.
const FIRST: i64 = -62_135_596_800_000_000;
const LAST: i64 = 253_402_300_799_999_999;

/// `time`'s reading of an instant, written the way `Timestamp` writes it: UTC, `Z`, six
/// fractional digits when there are microseconds.
fn reference(micros: i64) -> String {
    let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000).unwrap();
    let fraction = match at.microsecond() {
        0 => String::new(),
        micros => format!(".{micros:06}"),
    };
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{fraction}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Instants spread over the whole range, plus the edges: years 1 and 9999, leap days
/// (2000, 2024, 1600 and the missing 1900 one), the epoch and the seconds around it.
fn instants() -> Vec<i64> {
    let day = 86_400_000_000;
    let mut instants = vec![
        FIRST,
        FIRST + 1,
        FIRST + day - 1,
        LAST,
        LAST - 999_999,
        LAST - day,
        0,
        -1,
        1,
        -1_000_000,
        -999_999,
        -day,
        -day - 1,
        951_782_400_000_000,     // 2000-02-29T00:00:00Z
        951_868_799_999_999,     // 2000-02-29T23:59:59.999999Z
        1_709_164_800_000_000,   // 2024-02-29
        -11_670_998_400_000_000, // 1600-02-29
        -2_203_891_200_000_000,  // 1900-03-01 (1900 has no leap day)
        -2_203_977_600_000_000,  // 1900-02-28
        253_370_678_400_000_000, // 9998-12-31
        -62_104_060_800_000_000, // 0002-01-01
    ];
    // A walk with an irregular stride, so every month, hour and digit count comes up.
    let mut at = FIRST;
    let mut stride = 1_234_567_891_234_i64;
    while at <= LAST {
        instants.push(at);
        at += stride;
        stride = stride * 7 % 31_415_926_535_897 + 1;
    }
    instants
}

#[test]
fn display_agrees_with_the_time_crate_across_the_range() {
    let instants = instants();
    assert!(instants.len() > 10_000, "{}", instants.len());
    for micros in instants {
        let at = Timestamp::from_unix_micros(micros).unwrap();
        assert_eq!(at.to_string(), reference(micros), "{micros}");
        assert_eq!(at.to_rfc3339(), at.to_string());
    }
    assert_eq!(
        Timestamp::from_unix_micros(FIRST).unwrap().to_string(),
        "0001-01-01T00:00:00Z"
    );
    assert_eq!(
        Timestamp::from_unix_micros(LAST).unwrap().to_string(),
        "9999-12-31T23:59:59.999999Z"
    );
    for (micros, text) in [
        (-1, "1969-12-31T23:59:59.999999Z"),
        (-11_670_998_400_000_000, "1600-02-29T00:00:00Z"),
        (-2_203_891_200_000_000, "1900-03-01T00:00:00Z"),
        (951_868_799_999_999, "2000-02-29T23:59:59.999999Z"),
        (253_370_678_400_000_000, "9998-12-31T00:00:00Z"),
    ] {
        assert_eq!(
            Timestamp::from_unix_micros(micros).unwrap().to_string(),
            text
        );
    }
}

#[test]
fn display_reads_back_to_the_same_instant() {
    for micros in instants() {
        let at = Timestamp::from_unix_micros(micros).unwrap();
        let text = at.to_string();
        assert_eq!(Timestamp::parse_rfc3339(&text), Ok(at), "{text}");
        assert_eq!(text.parse::<Timestamp>(), Ok(at), "{text}");
    }
}

#[test]
fn parsing_agrees_with_the_time_crate_at_any_offset() {
    let mut checked = 0;
    for micros in instants() {
        let at = OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000).unwrap();
        for offset in [0, 3600, -19_800, 86_340, -86_340] {
            let offset = UtcOffset::from_whole_seconds(offset).unwrap();
            let Some(local) = at.checked_to_offset(offset) else {
                continue;
            };
            // `time` writes no local date before year 1 or after 9999.
            let Ok(text) = local.format(&Rfc3339) else {
                continue;
            };
            let parsed = Timestamp::parse_rfc3339(&text).map(Timestamp::unix_micros);
            assert_eq!(parsed, Ok(micros), "{text}");
            checked += 1;
        }
    }
    assert!(checked > 50_000, "{checked}");
}

#[test]
fn converts_to_and_from_offset_date_time() {
    for micros in instants() {
        let at = Timestamp::from_unix_micros(micros).unwrap();
        let offset: OffsetDateTime = at.into();
        assert_eq!(offset, at.to_offset_date_time());
        assert_eq!(offset.offset(), UtcOffset::UTC);
        assert_eq!(
            offset.unix_timestamp_nanos(),
            i128::from(micros) * 1_000,
            "{micros}"
        );
        assert_eq!(Timestamp::try_from(offset), Ok(at));
    }
    // Nanoseconds are truncated toward the past, as a datetime holds microseconds.
    let nanos = OffsetDateTime::UNIX_EPOCH - Duration::nanoseconds(1);
    assert_eq!(Timestamp::try_from(nanos).unwrap().unix_micros(), -1);
    let local = OffsetDateTime::UNIX_EPOCH.to_offset(UtcOffset::from_hms(2, 0, 0).unwrap());
    assert_eq!(Timestamp::try_from(local).unwrap().unix_micros(), 0);
    // Beyond Python's range.
    let year_zero = OffsetDateTime::from_unix_timestamp(FIRST / 1_000_000 - 1).unwrap();
    assert!(Timestamp::try_from(year_zero).is_err());
}
