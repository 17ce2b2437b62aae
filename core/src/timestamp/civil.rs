//! Proleptic Gregorian dates from and to day counts since 1970-01-01, after Howard
//! Hinnant's `days_from_civil` and `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>).
//!
//! A dozen lines of arithmetic instead of a datetime crate: `time` (with `deranged`) was
//! the longest step of a dependent crate's clean build, on the critical path before
//! `typed-dict`, for nothing but this calendar. Conversions to and from `time`, `chrono`
//! and `jiff` types stay available behind the features of those names.

/// Days from 1970-01-01 to a date (negative before it).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date (year, month 1 to 12, day 1 to 31) `days` after 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    // Counted from 0000-03-01, so that a leap day ends its year of the era.
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both in range by construction: month 1 to 12, day 1 to 31.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates() {
        for (days, date) in [
            (0, (1970, 1, 1)),
            (-1, (1969, 12, 31)),
            (-719_162, (1, 1, 1)),
            (2_932_896, (9999, 12, 31)),
            (11_016, (2000, 2, 29)),
            (11_017, (2000, 3, 1)),
            (-25_509, (1900, 2, 28)),
            (-25_508, (1900, 3, 1)),
            (19_782, (2024, 2, 29)),
        ] {
            assert_eq!(civil_from_days(days), date, "{days}");
            let (year, month, day) = date;
            assert_eq!(
                days_from_civil(year, i64::from(month), i64::from(day)),
                days,
                "{date:?}"
            );
        }
    }

    #[test]
    fn every_day_of_years_1_to_9999_maps_back() {
        let mut expected = (1, 1, 1);
        for days in -719_162..=2_932_896 {
            let date = civil_from_days(days);
            assert_eq!(date, expected, "{days}");
            let (year, month, day) = date;
            assert_eq!(
                days_from_civil(year, i64::from(month), i64::from(day)),
                days
            );
            expected = next_day(date);
        }
    }

    /// The day after, counted the slow way.
    fn next_day((year, month, day): (i64, u8, u8)) -> (i64, u8, u8) {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let length = match month {
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => 31,
        };
        match (day < length, month < 12) {
            (true, _) => (year, month, day + 1),
            (false, true) => (year, month + 1, 1),
            (false, false) => (year + 1, 1, 1),
        }
    }
}
