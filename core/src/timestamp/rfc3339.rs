//! RFC 3339 read byte by byte, without building anything but the instant.

use std::fmt;

use super::civil::days_from_civil;

/// Why a string is not an RFC 3339 date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reason {
    /// A numeric component that is missing, not digits, or out of its range.
    Component(&'static str),
    /// A `-`, `:` or `.` missing where it belongs.
    Literal,
    /// Neither `T`, `t` nor a space between date and time.
    Separator,
    /// Second 60.
    LeapSecond,
    /// Text after the offset.
    Trailing,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Component(name) => write!(f, "the '{name}' component could not be parsed"),
            Reason::Literal => f.write_str("a character literal was not valid"),
            Reason::Separator => {
                f.write_str("the date and the time must be separated by 'T' or a space")
            }
            Reason::LeapSecond => f.write_str("a leap second"),
            Reason::Trailing => f.write_str("unexpected trailing characters"),
        }
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn digits(&mut self, count: usize, name: &'static str) -> Result<i64, Reason> {
        let digits = self
            .bytes
            .get(self.at..self.at + count)
            .filter(|digits| digits.iter().all(u8::is_ascii_digit))
            .ok_or(Reason::Component(name))?;
        self.at += count;
        Ok(digits
            .iter()
            .fold(0, |value, digit| value * 10 + i64::from(digit - b'0')))
    }

    fn literal(&mut self, byte: u8) -> Result<(), Reason> {
        self.eat(|b| b == byte).map(drop).ok_or(Reason::Literal)
    }

    fn eat(&mut self, accept: impl Fn(u8) -> bool) -> Option<u8> {
        let byte = *self.bytes.get(self.at).filter(|&&b| accept(b))?;
        self.at += 1;
        Some(byte)
    }
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Microseconds since the epoch (not yet checked against years 1 to 9999).
pub(super) fn parse(bytes: &[u8]) -> Result<i64, Reason> {
    let mut cursor = Cursor { bytes, at: 0 };
    let year = cursor.digits(4, "year")?;
    cursor.literal(b'-')?;
    let month = cursor.digits(2, "month")?;
    if !(1..=12).contains(&month) {
        return Err(Reason::Component("month"));
    }
    cursor.literal(b'-')?;
    let day = cursor.digits(2, "day")?;
    if !(1..=days_in_month(year, month)).contains(&day) {
        return Err(Reason::Component("day"));
    }
    cursor
        .eat(|b| matches!(b, b'T' | b't' | b' '))
        .ok_or(Reason::Separator)?;
    let hour = cursor.digits(2, "hour")?;
    cursor.literal(b':')?;
    let minute = cursor.digits(2, "minute")?;
    cursor.literal(b':')?;
    let second = cursor.digits(2, "second")?;
    if hour > 23 {
        return Err(Reason::Component("hour"));
    }
    if minute > 59 {
        return Err(Reason::Component("minute"));
    }
    if second > 59 {
        return Err(if second == 60 {
            Reason::LeapSecond
        } else {
            Reason::Component("second")
        });
    }
    let mut micros = 0;
    if cursor.eat(|b| b == b'.').is_some() {
        let start = cursor.at;
        while cursor.eat(|b| b.is_ascii_digit()).is_some() {}
        let fraction = &bytes[start..cursor.at];
        if fraction.is_empty() {
            return Err(Reason::Component("subsecond"));
        }
        // Digits past the sixth are dropped (truncated), as CPython does.
        for position in 0..6 {
            let digit = fraction.get(position).map_or(0, |d| i64::from(d - b'0'));
            micros = micros * 10 + digit;
        }
    }
    let offset_seconds = match cursor.eat(|b| matches!(b, b'Z' | b'z' | b'+' | b'-')) {
        Some(b'Z' | b'z') => 0,
        Some(sign) => {
            let hours = cursor.digits(2, "offset hour")?;
            if hours > 23 {
                return Err(Reason::Component("offset hour"));
            }
            cursor.literal(b':')?;
            let minutes = cursor.digits(2, "offset minute")?;
            if minutes > 59 {
                return Err(Reason::Component("offset minute"));
            }
            let seconds = hours * 3600 + minutes * 60;
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        None => return Err(Reason::Component("offset hour")),
    };
    if cursor.at != bytes.len() {
        return Err(Reason::Trailing);
    }
    let seconds = days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        - offset_seconds;
    Ok(seconds * 1_000_000 + micros)
}
