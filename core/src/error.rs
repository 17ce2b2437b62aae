//! Validation errors: what went wrong, where (as a JSON path), in words and as data.

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
    /// An integer outside the signed 64-bit range.
    IntegerOutOfRange,
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

/// Every problem that kept a payload from decoding as one typed dict.
///
/// Displays like pydantic: `2 validation errors for DescribeImagesResponseTypeDef`, then
/// one indented line per error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    type_name: &'static str,
    errors: Vec<ValidationError>,
}

impl DecodeError {
    /// An error report for `type_name`. `errors` should not be empty.
    pub fn new(type_name: &'static str, errors: Vec<ValidationError>) -> Self {
        DecodeError { type_name, errors }
    }

    /// The typed dict the payload was decoded as.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// Every problem, in document order.
    pub fn errors(&self) -> &[ValidationError] {
        &self.errors
    }

    /// Every problem, by value.
    pub fn into_errors(self) -> Vec<ValidationError> {
        self.errors
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors.len();
        let plural = if count == 1 { "" } else { "s" };
        write!(f, "{count} validation error{plural} for {}", self.type_name)?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

/// One step of a JSON path.
#[derive(Debug, Clone)]
pub(crate) enum Segment {
    Key(String),
    Index(usize),
}

/// Renders `$`, then `.key` for identifier-like keys, `['odd key']` for others and `[3]`
/// for list positions.
pub(crate) fn render_path(segments: &[Segment]) -> String {
    let mut path = String::from("$");
    for segment in segments {
        match segment {
            Segment::Index(index) => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Segment::Key(key) if is_identifier(key) => {
                path.push('.');
                path.push_str(key);
            }
            Segment::Key(key) => {
                path.push_str("['");
                for c in key.chars() {
                    if c == '\'' || c == '\\' {
                        path.push('\\');
                    }
                    path.push(c);
                }
                path.push_str("']");
            }
        }
    }
    path
}

fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_quote_keys_that_are_not_identifiers() {
        let segments = [
            Segment::Key("imageDetails".into()),
            Segment::Index(2),
            Segment::Key("it's odd".into()),
            Segment::Key("".into()),
        ];
        assert_eq!(
            render_path(&segments),
            r"$.imageDetails[2]['it\'s odd']['']"
        );
    }

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
}
