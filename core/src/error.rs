//! Validation errors: what went wrong, where (as a JSON path), in words and as data.

use std::borrow::Cow;
use std::fmt;

mod escape;
mod quote;
mod render;

pub use crate::validate::Report;
pub use escape::Escaped;
pub(crate) use quote::Quoted;

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
    /// A value of the right JSON type that a type of one's own (a
    /// [`ValueType::Custom`](crate::ValueType::Custom): `Uuid`, `IpAddr`, a field with
    /// `#[typed_dict(as = "str")]`) does not accept: the message is its own.
    InvalidValue,
    /// A number beyond what a 64-bit float holds (`1e400`), where a float is expected.
    NumberOutOfRange,
    /// A key given twice in one object.
    DuplicateKey,
    /// A dict key that is not what the dict's key type reads: for an integer key type
    /// (`Dict<i64, V>`, Python's `dict[int, X]`), a key that is not a decimal integer as
    /// `str(n)` writes one (`+1`, `01`, `1.0`, ` 1`). One outside the key type's range is
    /// `integer_out_of_range`.
    InvalidKey,
    /// A value that breaks one of its key's constraints (`min_length`, `max_length`,
    /// `pattern`, `ge`, `le`), or an item, dict key or dict value that breaks its own
    /// (reported at its path); reported only when
    /// [`DecodeOptions::constraints`](crate::DecodeOptions::constraints) is on.
    ConstraintViolation,
    /// Encoding: a value JSON cannot hold (a NaN or infinite float), or an `extra` entry
    /// whose key the typed dict declares.
    Unencodable,
    /// Reading the payload from an `io::Read`, or writing to an `io::Write`, failed.
    Io,
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
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::InvalidKey => "invalid_key",
            ErrorKind::ConstraintViolation => "constraint_violation",
            ErrorKind::Unencodable => "unencodable",
            ErrorKind::Io => "io",
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

/// What can go wrong reading or writing typed dicts: this crate's `serde_json::Error`.
///
/// Reading, it holds every problem that kept a payload from decoding (up to
/// [`DecodeOptions::max_errors`](crate::DecodeOptions::max_errors), the rest counted),
/// each with its JSON path: the [`Report`] of the payload, which is never valid. Writing,
/// it holds the one value that JSON cannot hold. Reading from an `io::Read`, the I/O
/// failure.
///
/// Displays like pydantic, as its [`Report`] does:
/// `2 validation errors for DescribeImagesResponseTypeDef`, then one indented line per
/// kept error, then `... and 4,999,000 more errors` when the report kept only the first
/// ones. It is as small as a pointer, so a `Result<T, Error>` costs no more than `T`'s.
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
/// assert!(error.is_data());
/// assert_eq!(
///     error.to_string(),
///     "2 validation errors for TagTypeDef\n  \
///      $.Key: expected str, got int [wrong_type]\n  \
///      $.Value: missing required key `Value` [missing_key]"
/// );
///
/// let error = typed_dict::from_str::<TagTypeDef>("{\"Key\": ").unwrap_err();
/// assert!(error.is_eof() && !error.is_syntax(), "cut short, as serde_json says");
/// assert_eq!((error.line(), error.column()), (1, 8));
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    report: Box<Report>,
}

/// What kind of failure an [`Error`] is, as serde_json's `Category` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// Reading or writing the bytes failed (an `io::Read` or `io::Write`).
    Io,
    /// The input is not JSON (or not UTF-8, or empty) before its end.
    Syntax,
    /// The JSON is well-formed but does not hold the typed dict's values (or, writing, a
    /// value has no JSON form).
    Data,
    /// The input ends before the JSON does.
    Eof,
}

/// A `Result` whose error is this crate's [`Error`], as `serde_json::Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The former name of [`Error`].
#[deprecated(
    since = "0.2.0",
    note = "renamed `typed_dict::Error`, as serde_json names its own"
)]
pub type DecodeError = Error;

impl Error {
    /// The error of an invalid report. Every way to an `Error` goes through here, so none
    /// holds a valid report.
    pub(crate) fn from_report(report: Report) -> Self {
        debug_assert!(!report.is_valid(), "an error of a valid report");
        Error {
            report: Box::new(Report {
                warnings: Vec::new(),
                more_warnings: 0,
                ..report
            }),
        }
    }

    /// One problem with the document as a whole (at `$`).
    #[cold]
    pub(crate) fn document(
        type_name: impl Into<Cow<'static, str>>,
        kind: ErrorKind,
        message: impl Into<String>,
    ) -> Self {
        let error = ValidationError::new(kind, "$", message);
        Error::from_report(Report::new(type_name, vec![error], Vec::new()))
    }

    /// A value that has no JSON form, met while encoding.
    #[cold]
    pub(crate) fn encode(error: serde_json::Error) -> Self {
        let kind = if error.is_io() {
            ErrorKind::Io
        } else {
            ErrorKind::Unencodable
        };
        Error::document("", kind, error.to_string())
    }

    /// A failure of the reader or writer.
    #[cold]
    pub(crate) fn io(type_name: impl Into<Cow<'static, str>>, error: &std::io::Error) -> Self {
        Error::document(type_name, ErrorKind::Io, error.to_string())
    }

    /// What the payload was read as: a typed dict's name, or the annotation of a list or
    /// dict of them (`list[TagTypeDef]`). Empty for an encoding error.
    pub fn type_name(&self) -> &str {
        &self.report.type_name
    }

    /// The errors kept, in document order (the first
    /// [`max_errors`](crate::DecodeOptions::max_errors) of them).
    pub fn errors(&self) -> &[ValidationError] {
        &self.report.errors
    }

    /// Errors found beyond the kept ones.
    pub fn more_errors(&self) -> usize {
        self.report.more_errors
    }

    /// How many errors were found, kept or not.
    pub fn error_count(&self) -> usize {
        self.report.error_count()
    }

    /// The errors kept, by value.
    pub fn into_errors(self) -> Vec<ValidationError> {
        self.report.errors
    }

    /// The report of the payload: its errors and their count.
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// The report, by value.
    pub fn into_report(self) -> Report {
        *self.report
    }

    /// The first error kept.
    fn first(&self) -> Option<&ValidationError> {
        self.report.errors.first()
    }

    /// What kind of failure this is: the first error's, as serde_json classifies its own.
    pub fn classify(&self) -> Category {
        match self
            .first()
            .map(|error| (error.kind, error.message.as_str()))
        {
            Some((ErrorKind::Io, _)) => Category::Io,
            Some((ErrorKind::MalformedJson { .. }, message))
                if crate::json::error::says_eof(message) =>
            {
                Category::Eof
            }
            Some((ErrorKind::MalformedJson { .. }, _)) => Category::Syntax,
            _ => Category::Data,
        }
    }

    /// Whether reading or writing the bytes failed.
    pub fn is_io(&self) -> bool {
        self.classify() == Category::Io
    }

    /// Whether the input is not JSON before its end.
    pub fn is_syntax(&self) -> bool {
        self.classify() == Category::Syntax
    }

    /// Whether the JSON is well-formed but does not hold the typed dict's values.
    pub fn is_data(&self) -> bool {
        self.classify() == Category::Data
    }

    /// Whether the input ends before the JSON does.
    pub fn is_eof(&self) -> bool {
        self.classify() == Category::Eof
    }

    /// The line (from 1) of malformed JSON, as serde_json counts it; 0 for any other error.
    pub fn line(&self) -> usize {
        match self.first().map(|error| error.kind) {
            Some(ErrorKind::MalformedJson { line, .. }) => line,
            _ => 0,
        }
    }

    /// The column of malformed JSON, as serde_json counts it; 0 for any other error.
    pub fn column(&self) -> usize {
        match self.first().map(|error| error.kind) {
            Some(ErrorKind::MalformedJson { column, .. }) => column,
            _ => 0,
        }
    }
}

impl fmt::Display for Error {
    /// A payload's errors display as its [`Report`] does. An error that is not about a
    /// payload read as a type (encoding, writing: no type name) is its one message, as
    /// serde_json displays its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.report.errors.as_slice() {
            [only] if self.report.type_name.is_empty() => f.write_str(&only.message),
            _ => fmt::Display::fmt(&self.report, f),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("type_name", &self.report.type_name)
            .field("errors", &self.report.errors)
            .field("more_errors", &self.report.more_errors)
            .finish()
    }
}

impl std::error::Error for Error {}

/// For a `Deserialize` or `Serialize` impl of the user's that calls this crate: a custom
/// error is one problem of the document, at `$`.
impl serde::de::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::document("", ErrorKind::Other, message.to_string())
    }
}

impl serde::ser::Error for Error {
    #[cold]
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error::document("", ErrorKind::Unencodable, message.to_string())
    }
}

impl From<Error> for std::io::Error {
    /// An I/O error of the same kind as serde_json's conversion gives: `InvalidData` for
    /// a payload that is not what was expected, `UnexpectedEof` for one cut short.
    fn from(error: Error) -> Self {
        let kind = match error.classify() {
            Category::Eof => std::io::ErrorKind::UnexpectedEof,
            Category::Io => std::io::ErrorKind::Other,
            Category::Syntax | Category::Data => std::io::ErrorKind::InvalidData,
        };
        std::io::Error::new(kind, error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of a report of these errors, `more` counted beyond them.
    fn error_of(errors: Vec<ValidationError>, more: usize) -> Error {
        Report::new("T", errors, Vec::new())
            .with_more_errors(more)
            .into_result()
            .unwrap_err()
    }

    #[test]
    fn display_counts_like_pydantic() {
        let error =
            |path: &str| ValidationError::new(ErrorKind::MissingKey, path, "missing required key");
        let one = error_of(vec![error("$.a")], 0);
        assert_eq!(
            one.to_string(),
            "1 validation error for T\n  $.a: missing required key [missing_key]"
        );
        let two = error_of(vec![error("$.a"), error("$.b")], 0);
        assert!(two.to_string().starts_with("2 validation errors for T\n"));
    }

    #[test]
    fn display_counts_what_was_not_kept() {
        let error = ValidationError::new(ErrorKind::WrongType, "$.a[0]", "expected str, got int");
        let shortened = error_of(vec![error.clone(); 2], 4_999_998);
        assert_eq!(shortened.error_count(), 5_000_000);
        assert_eq!(
            shortened.to_string(),
            "5,000,000 validation errors for T\n  $.a[0]: expected str, got int [wrong_type]\n  \
             $.a[0]: expected str, got int [wrong_type]\n  ... and 4,999,998 more errors"
        );
        let one_more = error_of(vec![error], 1);
        assert!(one_more.to_string().ends_with("... and 1 more error"));
        assert!(
            Report::new("T", Vec::new(), Vec::new())
                .into_result()
                .is_ok(),
            "an error never holds a valid report, so it never reads `ok`"
        );
        let counted_only = error_of(Vec::new(), 3);
        assert!(counted_only
            .to_string()
            .starts_with("3 validation errors for T"));
    }

    #[test]
    fn display_escapes_what_a_payload_wrote() {
        let error = ValidationError::new(
            ErrorKind::InvalidTimestamp,
            "$['\u{1b}]0;owned\u{7}']",
            "`\n2 validation errors for T\u{202e}` is not a timestamp",
        );
        let shown = error_of(vec![error], 0).to_string();
        assert_eq!(
            shown,
            "1 validation error for T\n  $['\\u{1b}]0;owned\\u{7}']: \
             `\\n2 validation errors for T\\u{202e}` is not a timestamp [invalid_timestamp]"
        );
        assert_eq!(shown.lines().count(), 2, "no line of the payload's own");
    }
}
