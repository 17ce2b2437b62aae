//! Validation errors: what went wrong, where (as a JSON path), in words and as data.

use std::borrow::Cow;
use std::fmt;

mod escape;
mod render;

pub use escape::Escaped;
pub use render::{MoreProblems, ReportDisplay};

/// What kind of problem a [`ValidationError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not JSON (or nests deeper than the parser allows). The variant may
    /// gain fields (a byte offset, say): match it with `..`, and build one with
    /// [`ErrorKind::malformed_json`].
    #[non_exhaustive]
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
    /// [`ErrorKind::MalformedJson`] at a 1-based line and column, as decoding reports it.
    ///
    /// ```
    /// use typed_dict::{typed_dict, ErrorKind};
    ///
    /// #[typed_dict]
    /// pub struct Tag {
    ///     pub key: String,
    /// }
    ///
    /// let error = typed_dict::from_str::<Tag>("{\n  oops\n}").unwrap_err();
    /// assert_eq!(error.errors()[0].kind, ErrorKind::malformed_json(2, 3));
    /// match error.errors()[0].kind {
    ///     ErrorKind::MalformedJson { line, column, .. } => assert_eq!((line, column), (2, 3)),
    ///     // The enum grows with new kinds: code that matches keeps a catch-all arm.
    ///     other => panic!("{}", other.code()),
    /// }
    /// ```
    pub const fn malformed_json(line: usize, column: usize) -> Self {
        ErrorKind::MalformedJson { line, column }
    }

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
///
/// The fields hold the text as found (a key with a newline keeps it); `Display` writes
/// `path: message [kind]` with the characters a payload could forge output with
/// [`Escaped`].
///
/// Not exhaustive: it may gain fields (a severity, the offending value); build one with
/// [`ValidationError::new`].
///
/// ```
/// use typed_dict::{ErrorKind, ValidationError};
///
/// let error = ValidationError::new(ErrorKind::MissingKey, "$.repositoryName", "missing required key");
/// assert_eq!(error.kind.code(), "missing_key");
/// assert_eq!(error.to_string(), "$.repositoryName: missing required key [missing_key]");
/// let forged = ValidationError::new(ErrorKind::UnknownKey, "$['a\nb']", "unknown key");
/// assert_eq!(forged.to_string(), r"$['a\nb']: unknown key [unknown_key]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ValidationError {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where, as a JSON path: `$.imageDetails[2].imageScanStatus.status`.
    pub path: String,
    /// In words.
    pub message: String,
}

impl ValidationError {
    /// A problem of `kind` at `path` (a JSON path from `$`), described by `message`.
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        ValidationError {
            kind,
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            Escaped(&self.path),
            Escaped(&self.message),
            self.kind
        )
    }
}

impl std::error::Error for ValidationError {}

/// Every problem that kept a payload from decoding as one typed dict (or list, or dict of
/// them).
///
/// Displays like pydantic, as [`ReportDisplay`] does for a [`Report`](crate::Report):
/// `2 validation errors for DescribeImagesResponseTypeDef`, then one indented line per
/// kept error, then `... and 4,999,000 more errors` when the report kept only the first
/// ones (see [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors)).
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, ErrorKind};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
///     #[typed_dict(key = "Value")]
///     pub value: String,
/// }
///
/// let error = typed_dict::from_str::<TagTypeDef>(r#"{"Key": 1}"#).unwrap_err();
/// assert_eq!(error.type_name(), "TagTypeDef");
/// assert_eq!(error.error_count(), 2);
/// assert_eq!(error.errors()[1].kind, ErrorKind::MissingKey);
/// assert_eq!(
///     error.to_string(),
///     "2 validation errors for TagTypeDef\n  \
///      $.Key: expected str, got int [wrong_type]\n  \
///      $.Value: missing required key `Value` [missing_key]"
/// );
/// ```
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
        ReportDisplay::decode_error(self).fmt(f)
    }
}

impl std::error::Error for DecodeError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_counts_like_pydantic() {
        let error =
            |path: &str| ValidationError::new(ErrorKind::MissingKey, path, "missing required key");
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
        let error = ValidationError::new(ErrorKind::WrongType, "$.a[0]", "expected str, got int");
        let shortened = DecodeError::new("T", vec![error.clone(); 2]).with_more_errors(4_999_998);
        assert_eq!(shortened.error_count(), 5_000_000);
        assert_eq!(
            shortened.to_string(),
            "5,000,000 validation errors for T\n  $.a[0]: expected str, got int [wrong_type]\n  \
             $.a[0]: expected str, got int [wrong_type]\n  ... and 4,999,998 more errors"
        );
        let one_more = DecodeError::new("T", vec![error]).with_more_errors(1);
        assert!(one_more.to_string().ends_with("... and 1 more error"));
        assert_eq!(
            DecodeError::new("T", Vec::new()).to_string(),
            "0 validation errors for T",
            "an error report never reads `ok`"
        );
    }

    #[test]
    fn display_escapes_what_a_payload_wrote() {
        let error = ValidationError::new(
            ErrorKind::InvalidTimestamp,
            "$['\u{1b}]0;owned\u{7}']",
            "`\n2 validation errors for T\u{202e}` is not a timestamp",
        );
        let shown = DecodeError::new("T", vec![error]).to_string();
        assert_eq!(
            shown,
            "1 validation error for T\n  $['\\u{1b}]0;owned\\u{7}']: \
             `\\n2 validation errors for T\\u{202e}` is not a timestamp [invalid_timestamp]"
        );
        assert_eq!(shown.lines().count(), 2, "no line of the payload's own");
    }
}
