//! The typed-dict contract, one rule a function: what each mode makes of `null`, of an
//! absent key, of a key the shape does not declare, of a value an open literal does not
//! list, of a number where a timestamp belongs.
//!
//! Both readers ask these functions: the serde path (the code `#[typed_dict]` generates
//! and the `Deserialize` impls of the value types, through [`crate::__private`]) and the
//! schema walk behind `validate`, `validate_value` and every decode error. A rule changed
//! here changes decode, `validate` and `validate_value` together; the differential tests
//! (`reliability`'s and `core/tests/contract.rs`) drive both over each rule.
//!
//! The rules that need no decision between paths live with the data they judge and are
//! named here for the reader: the grammar, duplicate keys and nesting depth in
//! [`crate::json`] ([`MAX_DEPTH`](crate::json::MAX_DEPTH)); the calendar and its bounds in
//! [`crate::Timestamp`]; base64 in [`crate::Blob`]; what an integer or float token means in
//! [`crate::json::number`], where `Number::as_int_within` (is this token an integer within
//! the type's [`IntegerRange`](crate::schema::IntegerRange)?) and `Number::as_f32` are the
//! one rule for every integer width and for `f32`: the walk asks them, and so does the
//! fast path's parser when a type's own `Deserialize` asks for that width.
//!
//! A dict key where an `int` key belongs is judged by [`int_key`]: the walk asks it for
//! every key of a `dict[int, X]`, and so do the integer types' dict-key reading
//! ([`TypedValue`](crate::TypedValue)'s key path, which `Dict`, `HashMap` and `BTreeMap`
//! read their keys through).

use std::fmt;

use crate::error::Quoted;
use crate::options::DecodeOptions;
use crate::schema::{IntegerRange, LiteralSchema, ValueType};
use crate::{Timestamp, TimestampError};

/// What a JSON `null` is, where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Null {
    /// A value: `Any` holds `null` (Python's `None`), in both modes.
    Value,
    /// The key is absent: botocore drops `null`s, so wire mode reads a `null` key so.
    Absent,
    /// An error (`null_not_allowed`).
    NotAllowed,
}

/// Whether `value_type` holds `null` as one of its values: `Any`, a nullable value
/// (`X | None`), `None`, an alias of one, a union with such a member. Anywhere else (a list
/// item, a dict's value, the whole document) `null` is an error in either mode: there is
/// no key to leave out.
pub(crate) fn holds_null(value_type: &ValueType) -> bool {
    match value_type.resolved() {
        ValueType::Any | ValueType::Nullable(_) | ValueType::None => true,
        ValueType::Union(union) => union.members.iter().any(holds_null),
        // A type of one's own holds `null` when its base JSON type does (`Any`).
        ValueType::Custom(custom) => holds_null(custom.base),
        _ => false,
    }
}

/// A `null` as a key's value. `options` is asked only when the type does not hold `null`,
/// so the serde path reads its thread-local options on this (rare) path alone.
#[inline]
pub(crate) fn null_in_key(value_type: &ValueType, options: impl FnOnce() -> DecodeOptions) -> Null {
    if holds_null(value_type) {
        Null::Value
    } else if options().is_wire() {
        Null::Absent
    } else {
        Null::NotAllowed
    }
}

/// Whether a key may be absent: a NotRequired key always; a Required one only when it is
/// `wire_optional` (the service leaves it out although the stub says Required) and the
/// payload is read in wire mode.
#[inline]
pub(crate) fn may_be_absent(
    required: bool,
    wire_optional: bool,
    options: impl FnOnce() -> DecodeOptions,
) -> bool {
    !required || (wire_optional && options().is_wire())
}

/// What a key the shape does not declare is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnknownKey {
    /// Tolerated (newer service versions add keys): skipped, a warning in reports.
    Tolerated,
    /// An error (`unknown_key`): the shape is closed, or the options deny unknown keys.
    Refused,
}

/// A key the shape does not declare (and that no `extra` field keeps).
#[inline]
pub(crate) fn unknown_key(closed: bool, options: impl FnOnce() -> DecodeOptions) -> UnknownKey {
    if closed || options().deny_unknown {
        UnknownKey::Refused
    } else {
        UnknownKey::Tolerated
    }
}

/// Whether a string a literal does not list is kept (as its `Other` variant, a warning in
/// reports) rather than refused: only an open literal, only in wire mode. A closed
/// literal never asks the options.
#[inline]
pub(crate) fn keeps_unlisted(
    literal: &LiteralSchema,
    options: impl FnOnce() -> DecodeOptions,
) -> bool {
    literal.open && options().is_wire()
}

/// A number token where a timestamp belongs, as the reader hands it over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Seconds {
    /// An integer token within the signed 64-bit range.
    Int(i64),
    /// An integer token above it, within the unsigned one.
    UInt(u64),
    /// Any other token, as its nearest double.
    Float(f64),
}

/// A timestamp given as seconds since the epoch: an integer exactly, a fraction to the
/// microsecond; years 1 to 9999.
#[inline]
pub(crate) fn timestamp_from_seconds(seconds: Seconds) -> Result<Timestamp, TimestampError> {
    match seconds {
        Seconds::Int(seconds) => Timestamp::from_unix_seconds(seconds),
        Seconds::UInt(seconds) => i64::try_from(seconds)
            .map_err(|_| {
                Timestamp::out_of_range_error(format_args!("{seconds} seconds since the epoch"))
            })
            .and_then(Timestamp::from_unix_seconds),
        Seconds::Float(seconds) => Timestamp::from_unix_seconds_f64(seconds),
    }
}

/// What an object key is where an `int` key belongs (`dict[int, X]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntKey {
    /// A decimal integer within the key type's range.
    Int(i128),
    /// A decimal integer outside it, however many digits.
    OutOfRange,
    /// Not a decimal integer as [`int_key`] spells one (`invalid_key`).
    NotAnInteger,
}

/// A dict key where an `int` key belongs: the text of `str(n)` for a Python `int` `n`,
/// and nothing else. That is an optional `-` and decimal digits, without a leading zero
/// (`0` alone is zero), and not `-0`. So one integer has exactly one key, the one encoding
/// writes, and keys are duplicates exactly when their texts are.
///
/// pydantic reads JSON keys of a `dict[int, X]` as lax ints in every mode (surrounding
/// whitespace, `+1`, `01`, `1.0`, `1_000`), and Python's `int()` takes all of those but
/// `1.0`; this rule keeps only the spelling both write, in both modes: the others are
/// `invalid_key`, as `1.0` in an `int` value is a wrong type rather than a `1`.
pub(crate) fn int_key(key: &str, range: &IntegerRange) -> IntKey {
    let (negative, digits) = match key.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, key),
    };
    let canonical = match digits.as_bytes() {
        [] => false,
        [b'0'] => !negative,
        [first, rest @ ..] => (b'1'..=b'9').contains(first) && rest.iter().all(u8::is_ascii_digit),
    };
    if !canonical {
        return IntKey::NotAnInteger;
    }
    // Every range lies within 20 digits; more is out of range, and cannot overflow below.
    if digits.len() > 20 {
        return IntKey::OutOfRange;
    }
    let magnitude = digits
        .bytes()
        .fold(0_i128, |value, digit| value * 10 + i128::from(digit - b'0'));
    let value = if negative { -magnitude } else { magnitude };
    if range.contains(value) {
        IntKey::Int(value)
    } else {
        IntKey::OutOfRange
    }
}

/// What is wrong with a key [`int_key`] refused, in a message's words (the walk's and the
/// serde path's): `` key `01` is not an int: ... ``.
pub(crate) struct IntKeyProblem<'a>(
    pub(crate) &'a str,
    pub(crate) &'a IntegerRange,
    pub(crate) IntKey,
);

impl fmt::Display for IntKeyProblem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let IntKeyProblem(key, range, outcome) = *self;
        let key = Quoted::backticks(key);
        match outcome {
            IntKey::OutOfRange => write!(f, "key {key} is outside the range of {range}"),
            IntKey::NotAnInteger | IntKey::Int(_) => write!(
                f,
                "key {key} is not an int: int keys are decimal digits as `str(int)` writes them (no `+`, leading zeros, spaces or fraction)"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::UnionSchema;

    static ANY: ValueType = ValueType::Any;
    static STR: ValueType = ValueType::Str;
    static WITH_ANY: UnionSchema = UnionSchema::new("U", &[ValueType::Str, ValueType::Any]);
    static WITHOUT: UnionSchema = UnionSchema::new("V", &[ValueType::Str, ValueType::Int]);
    static NULLABLE: ValueType = ValueType::Nullable(&STR);
    static WITH_NONE: UnionSchema = UnionSchema::new("W", &[ValueType::Str, ValueType::None]);

    #[test]
    fn null_is_a_value_of_any_and_of_what_holds_it() {
        let strict = DecodeOptions::strict;
        let wire = DecodeOptions::wire;
        assert_eq!(null_in_key(&ANY, strict), Null::Value);
        assert_eq!(
            null_in_key(&ValueType::Union(&WITH_ANY), strict),
            Null::Value
        );
        assert_eq!(
            null_in_key(&ValueType::Union(&WITHOUT), strict),
            Null::NotAllowed
        );
        assert_eq!(null_in_key(&STR, strict), Null::NotAllowed);
        for holds in [&NULLABLE, &ValueType::None, &ValueType::Union(&WITH_NONE)] {
            assert_eq!(null_in_key(holds, strict), Null::Value);
            assert_eq!(null_in_key(holds, wire), Null::Value);
        }
        assert_eq!(null_in_key(&STR, wire), Null::Absent);
        let asked = std::cell::Cell::new(false);
        null_in_key(&ANY, || {
            asked.set(true);
            DecodeOptions::strict()
        });
        assert!(!asked.get(), "Any never reads the options");
    }

    #[test]
    fn absent_and_unknown_keys_by_mode() {
        let (strict, wire) = (DecodeOptions::strict, DecodeOptions::wire);
        assert!(may_be_absent(false, false, strict));
        assert!(!may_be_absent(true, false, wire));
        assert!(!may_be_absent(true, true, strict));
        assert!(may_be_absent(true, true, wire));
        assert_eq!(unknown_key(true, wire), UnknownKey::Refused);
        assert_eq!(unknown_key(false, wire), UnknownKey::Tolerated);
        let denying = || DecodeOptions::wire().deny_unknown(true);
        assert_eq!(unknown_key(false, denying), UnknownKey::Refused);
    }

    #[test]
    fn only_open_literals_keep_unlisted_values_and_only_in_wire_mode() {
        let open = LiteralSchema::new("L", &["A"]).with_open(true);
        let closed = LiteralSchema::new("L", &["A"]);
        assert!(keeps_unlisted(&open, DecodeOptions::wire));
        assert!(!keeps_unlisted(&open, DecodeOptions::strict));
        assert!(!keeps_unlisted(&closed, || unreachable!(
            "a closed literal asks nothing"
        )));
    }

    #[test]
    fn int_keys_are_the_digits_str_writes() {
        let i64_range = &IntegerRange::I64;
        for (key, value) in [
            ("0", 0),
            ("7", 7),
            ("-5", -5),
            ("9223372036854775807", i128::from(i64::MAX)),
            ("-9223372036854775808", i128::from(i64::MIN)),
        ] {
            assert_eq!(int_key(key, i64_range), IntKey::Int(value), "{key}");
        }
        for key in [
            "", "-", "+1", "01", "-01", "00", "-0", " 1", "1 ", "1.0", "1e2", "1_000", "0x1", "١",
            "１",
        ] {
            assert_eq!(int_key(key, i64_range), IntKey::NotAnInteger, "{key:?}");
        }
        for key in [
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            &"9".repeat(400),
        ] {
            assert_eq!(int_key(key, i64_range), IntKey::OutOfRange, "{key}");
        }
        assert_eq!(int_key("255", &IntegerRange::U8), IntKey::Int(255));
        assert_eq!(int_key("256", &IntegerRange::U8), IntKey::OutOfRange);
        assert_eq!(int_key("-1", &IntegerRange::U64), IntKey::OutOfRange);
        assert_eq!(
            int_key("18446744073709551615", &IntegerRange::U64),
            IntKey::Int(i128::from(u64::MAX))
        );
    }

    #[test]
    fn timestamps_from_every_kind_of_number() {
        assert!(timestamp_from_seconds(Seconds::Int(0)).is_ok());
        assert!(timestamp_from_seconds(Seconds::UInt(u64::MAX)).is_err());
        assert!(timestamp_from_seconds(Seconds::Float(1.5)).is_ok());
        assert!(timestamp_from_seconds(Seconds::Float(f64::NAN)).is_err());
        assert!(
            timestamp_from_seconds(Seconds::Int(253_402_300_800)).is_err(),
            "year 10000"
        );
    }
}
