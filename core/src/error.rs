//! Validation errors: what went wrong, where (as a JSON path), in words and as data.

use std::borrow::Cow;
use std::fmt;

/// What kind of problem a [`ValidationError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not JSON (or nests deeper than the parser allows).
    MalformedJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem (0 at the very start of empty input).
        column: usize,
    },
    /// A Required key is absent.
    MissingKey,
    /// A key the shape does not declare, in a closed dict or when unknown keys are denied.
    UnknownKey,
    /// A value of the wrong JSON type.
    WrongType,
    /// `null` where the contract has no room for it (strict mode).
    NullNotAllowed,
    /// A string that is not one of the literal's values.
    InvalidLiteral,
    /// A value an open literal type does not list, accepted in wire mode (a warning: the
    /// service added a value after the declaration was written).
    UnknownLiteral,
    /// A value that is not a timestamp in range.
    InvalidTimestamp,
    /// A blob string that is not standard base64.
    InvalidBase64,
    /// An integer outside the signed 64-bit range (whatever its notation: `1e400` and a
    /// 310-digit integer in an `int` field are out of range; `1.0` is a wrong type).
    IntegerOutOfRange,
    /// A number beyond what a 64-bit float holds (`1e400`), where a float is expected.
    NumberOutOfRange,
    /// A key given twice in one object.
    DuplicateKey,
    /// A problem the schema walk could not classify; reported with the parser's own message.
    Other,
}

impl ErrorKind {
    /// A stable snake_case code, as tools and the JSON output use it.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::MalformedJson { .. } => "malformed_json",
            ErrorKind::MissingKey => "missing_key",
            ErrorKind::UnknownKey => "unknown_key",
            ErrorKind::WrongType => "wrong_type",
            ErrorKind::NullNotAllowed => "null_not_allowed",
            ErrorKind::InvalidLiteral => "invalid_literal",
            ErrorKind::UnknownLiteral => "unknown_literal",
            ErrorKind::InvalidTimestamp => "invalid_timestamp",
            ErrorKind::InvalidBase64 => "invalid_base64",
            ErrorKind::IntegerOutOfRange => "integer_out_of_range",
            ErrorKind::NumberOutOfRange => "number_out_of_range",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::Other => "other",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One problem in one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where, as a JSON path: `$.imageDetails[2].imageScanStatus.status`.
    pub path: String,
    /// In words.
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.kind)
    }
}

impl std::error::Error for ValidationError {}

/// Every problem that kept a payload from decoding as one typed dict (or list, or dict of
/// them).
///
/// Displays like pydantic: `2 validation errors for DescribeImagesResponseTypeDef`, then
/// one indented line per kept error, then `... and 4,999,000 more errors` when the report
/// kept only the first ones (see [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    type_name: Cow<'static, str>,
    errors: Vec<ValidationError>,
    more_errors: usize,
}

impl DecodeError {
    /// An error report for `type_name`. `errors` should not be empty.
    pub fn new(type_name: impl Into<Cow<'static, str>>, errors: Vec<ValidationError>) -> Self {
        DecodeError {
            type_name: type_name.into(),
            errors,
            more_errors: 0,
        }
    }

    /// The same report, saying that `more` errors were found beyond the kept ones.
    pub fn with_more_errors(self, more: usize) -> Self {
        DecodeError {
            more_errors: more,
            ..self
        }
    }

    /// The type the payload was decoded as: a typed dict's name, or the Python annotation
    /// of the value type at the top (`List[ImageDetailTypeDef]`).
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The kept problems, in document order.
    pub fn errors(&self) -> &[ValidationError] {
        &self.errors
    }

    /// How many problems were found beyond the kept ones.
    pub fn more_errors(&self) -> usize {
        self.more_errors
    }

    /// How many problems were found: the kept ones and the rest.
    pub fn error_count(&self) -> usize {
        self.errors.len().saturating_add(self.more_errors)
    }

    /// The kept problems, by value.
    pub fn into_errors(self) -> Vec<ValidationError> {
        self.errors
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.error_count();
        let plural = if count == 1 { "" } else { "s" };
        write!(
            f,
            "{} validation error{plural} for {}",
            Thousands(count),
            self.type_name
        )?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        if self.more_errors > 0 {
            write!(f, "\n  {}", MoreProblems::errors(self.more_errors))?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// The line that closes a shortened list: `... and 4,999,000 more errors`.
///
/// ```
/// use typed_dict::MoreProblems;
/// assert_eq!(MoreProblems::errors(4_999_000).to_string(), "... and 4,999,000 more errors");
/// assert_eq!(MoreProblems::warnings(1).to_string(), "... and 1 more warning");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoreProblems {
    count: usize,
    noun: &'static str,
}

impl MoreProblems {
    /// For `count` errors that were counted but not kept.
    pub fn errors(count: usize) -> Self {
        MoreProblems {
            count,
            noun: "error",
        }
    }

    /// For `count` warnings that were counted but not kept.
    pub fn warnings(count: usize) -> Self {
        MoreProblems {
            count,
            noun: "warning",
        }
    }
}

impl fmt::Display for MoreProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = if self.count == 1 { "" } else { "s" };
        write!(
            f,
            "... and {} more {}{plural}",
            Thousands(self.count),
            self.noun
        )
    }
}

/// A count with a comma every three digits: `4,999,000`.
struct Thousands(usize);

impl fmt::Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                f.write_str(",")?;
            }
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_counts_like_pydantic() {
        let error = |path: &str| ValidationError {
            kind: ErrorKind::MissingKey,
            path: path.into(),
            message: "missing required key".into(),
        };
        let one = DecodeError::new("T", vec![error("$.a")]);
        assert_eq!(
            one.to_string(),
            "1 validation error for T\n  $.a: missing required key [missing_key]"
        );
        let two = DecodeError::new("T", vec![error("$.a"), error("$.b")]);
        assert!(two.to_string().starts_with("2 validation errors for T\n"));
    }

    #[test]
    fn display_counts_what_was_not_kept() {
        let error = ValidationError {
            kind: ErrorKind::WrongType,
            path: "$.a[0]".into(),
            message: "expected str, got int".into(),
        };
        let shortened = DecodeError::new("T", vec![error.clone(); 2]).with_more_errors(4_999_998);
        assert_eq!(shortened.error_count(), 5_000_000);
        assert_eq!(
            shortened.to_string(),
            "5,000,000 validation errors for T\n  $.a[0]: expected str, got int [wrong_type]\n  \
             $.a[0]: expected str, got int [wrong_type]\n  ... and 4,999,998 more errors"
        );
        let one_more = DecodeError::new("T", vec![error]).with_more_errors(1);
        assert!(one_more.to_string().ends_with("... and 1 more error"));
        for (count, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456_789, "123,456,789"),
        ] {
            assert_eq!(Thousands(count).to_string(), text);
        }
    }
}
