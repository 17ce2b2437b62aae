//! The all-errors path: a walk over the JSON, driven by the static schema, that records
//! every problem with its JSON path instead of stopping at the first.
//!
//! It reads the text itself (no JSON tree, no serde visitor), on the JSON layer's reader:
//! the same grammar as serde_json (malformed input is reported in serde_json's words, at
//! its line and column),
//! the same timestamp, blob and literal checks as the serde fast path, so both agree on
//! what is valid; numbers are judged from their digits, so `1e400` in an `int` field is
//! one error among the others rather than a document that cannot be read.

pub(crate) mod path;
mod sink;
mod walk;

use std::borrow::Cow;

use crate::error::{ErrorKind, ValidationError};
use crate::json::error::{position, Malformed, EMPTY_INPUT};
use crate::json::read::Lexer;
use crate::options::DecodeOptions;
use crate::schema::{TypedDictSchema, TypedValue, ValueType};

use walk::Walk;

/// The outcome of checking one payload as one type: errors, and warnings (unknown keys
/// the shape tolerates, since newer service versions add keys; in wire mode, values of
/// open literal types that the declaration does not list).
///
/// At most [`DecodeOptions::max_errors`] errors and as many warnings are kept; the rest
/// are counted in [`more_errors`](Report::more_errors) and
/// [`more_warnings`](Report::more_warnings). It displays the pydantic way (see its
/// `Display`), and an invalid one is what an [`Error`](crate::Error) holds.
///
/// Not exhaustive (it may gain fields): read the fields, and build one with
/// [`Report::new`].
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, ErrorKind};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let json = br#"{"Key": 1, "Colour": "red"}"#;
/// let report = typed_dict::validate::<TagTypeDef>(json, DecodeOptions::strict());
/// assert!(!report.is_valid());
/// assert_eq!(report.errors[0].kind, ErrorKind::WrongType);
/// assert_eq!(report.warnings[0].kind, ErrorKind::UnknownKey);
/// assert_eq!(
///     report.to_string(),
///     "1 validation error for TagTypeDef\n  \
///      $.Key: expected str, got int [wrong_type]\n  \
///      warning: $.Colour: unknown key `Colour`: TagTypeDef does not declare it [unknown_key]"
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// What the payload was checked as: a typed dict's name, or the annotation of a list
    /// or dict of them (`list[TagTypeDef]`).
    pub type_name: Cow<'static, str>,
    /// Problems that make the payload invalid, in document order (the first ones, when
    /// there are more than the options keep).
    pub errors: Vec<ValidationError>,
    /// Tolerated surprises, in document order (the first ones, likewise).
    pub warnings: Vec<ValidationError>,
    /// Errors found beyond the kept ones.
    pub more_errors: usize,
    /// Warnings found beyond the kept ones.
    pub more_warnings: usize,
}

impl Report {
    /// A report on a payload checked as `type_name`, of these errors and warnings, each in
    /// document order, none counted beyond them.
    pub fn new(
        type_name: impl Into<Cow<'static, str>>,
        errors: Vec<ValidationError>,
        warnings: Vec<ValidationError>,
    ) -> Self {
        Report {
            type_name: type_name.into(),
            errors,
            warnings,
            more_errors: 0,
            more_warnings: 0,
        }
    }

    /// The same report, saying that `more` errors were found beyond the kept ones.
    pub fn with_more_errors(self, more: usize) -> Self {
        Report {
            more_errors: more,
            ..self
        }
    }

    /// The same report, saying that `more` warnings were found beyond the kept ones.
    pub fn with_more_warnings(self, more: usize) -> Self {
        Report {
            more_warnings: more,
            ..self
        }
    }

    /// The report as a `Result`, for `?`: `Ok` with the report (its warnings) when the
    /// payload is valid, otherwise the [`Error`](crate::Error) that decoding the payload
    /// fails with (the same errors, the same count beyond them).
    ///
    /// ```
    /// use typed_dict::{typed_dict, DecodeOptions};
    ///
    /// #[typed_dict]
    /// pub struct TagTypeDef {
    ///     #[typed_dict(key = "Key")]
    ///     pub key: String,
    /// }
    ///
    /// let check = |json: &[u8]| {
    ///     typed_dict::validate::<TagTypeDef>(json, DecodeOptions::wire()).into_result()
    /// };
    /// assert_eq!(check(br#"{"Key": "a", "New": 1}"#).unwrap().warning_count(), 1);
    /// let error = check(br#"{"Key": 7}"#).unwrap_err();
    /// assert_eq!(error.to_string(), "1 validation error for TagTypeDef\n  $.Key: expected str, got int [wrong_type]");
    /// ```
    ///
    /// # Errors
    ///
    /// An [`Error`](crate::Error) of the report's errors when there is any.
    pub fn into_result(self) -> crate::Result<Report> {
        if self.is_valid() {
            return Ok(self);
        }
        Err(crate::Error::from_report(self))
    }

    /// Whether the payload is valid.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty() && self.more_errors == 0
    }

    /// How many errors were found, kept or not.
    pub fn error_count(&self) -> usize {
        self.errors.len().saturating_add(self.more_errors)
    }

    /// How many warnings were found, kept or not.
    pub fn warning_count(&self) -> usize {
        self.warnings.len().saturating_add(self.more_warnings)
    }
}

/// Checks `json` as a `T` and reports every problem, without building a value: what to
/// call when only the verdict and the errors matter. `T` is a typed dict or any value
/// type ([`List<T>`](crate::List) of them, a [`Dict`](crate::Dict), a literal), as
/// [`decode`](crate::decode) reads it, and the two agree on every error.
///
/// Malformed JSON is reported alone, with its line and column, since nothing after a
/// syntax error can be trusted. Unknown keys of open typed dicts are warnings (errors with
/// [`DecodeOptions::deny_unknown`]); so are, in wire mode, values an open literal does not
/// list. Never fails: the [`Report`] is the outcome ([`Report::into_result`] for `?`).
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, List};
///
/// #[typed_dict]
/// pub struct PageTypeDef {
///     pub items: Vec<String>,
///     #[typed_dict(wire_optional)]
///     pub next_token: Option<String>,
/// }
///
/// let json = br#"{"items": ["a", 2], "nextToken": null}"#;
/// let strict = typed_dict::validate::<PageTypeDef>(json, DecodeOptions::strict());
/// let paths: Vec<&str> = strict.errors.iter().map(|e| e.path.as_str()).collect();
/// assert_eq!(paths, ["$.items[1]", "$.nextToken"]);
/// let wire = typed_dict::validate::<PageTypeDef>(json, DecodeOptions::wire());
/// assert_eq!(wire.error_count(), 1, "null means absent in wire mode");
///
/// let pages = typed_dict::validate::<List<PageTypeDef>>(b"[{}]", DecodeOptions::strict());
/// assert_eq!(pages.errors[0].path, "$[0].items");
/// assert_eq!(pages.type_name, "list[PageTypeDef]");
/// ```
pub fn validate<T: TypedValue>(json: &[u8], options: DecodeOptions) -> Report {
    let value_type: &'static ValueType = const { &T::TYPE };
    check_json(json, Expected::Value(value_type), options)
}

/// Checks `json` against the typed dict `schema`, as [`validate`] does for a type: for
/// schema-driven tools, on a schema chosen at run time (the `ecr-types validate` command).
///
/// Malformed JSON is reported alone, with its line and column, since nothing after a
/// syntax error can be trusted. Unknown keys of open typed dicts are warnings (errors with
/// [`DecodeOptions::deny_unknown`]); so are, in wire mode, values an open literal does not
/// list. Never fails: the [`Report`] is the outcome.
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, TypedDict};
///
/// #[typed_dict]
/// pub struct PageTypeDef {
///     pub items: Vec<String>,
///     #[typed_dict(wire_optional)]
///     pub next_token: Option<String>,
/// }
///
/// let json = br#"{"items": ["a", 2], "nextToken": null}"#;
/// let strict = typed_dict::validate_schema(json, PageTypeDef::schema(), DecodeOptions::strict());
/// let paths: Vec<&str> = strict.errors.iter().map(|e| e.path.as_str()).collect();
/// assert_eq!(paths, ["$.items[1]", "$.nextToken"]);
/// let wire = typed_dict::validate_schema(json, PageTypeDef::schema(), DecodeOptions::wire());
/// assert_eq!(wire.error_count(), 1, "null means absent in wire mode");
/// ```
pub fn validate_schema(
    json: &[u8],
    schema: &'static TypedDictSchema,
    options: DecodeOptions,
) -> Report {
    check_json(json, Expected::Shape(schema), options)
}

/// Checks `json` against any value type, as [`validate`] does for a typed dict: a list of
/// typed dicts, a dict of them, a literal, a timestamp. Paths start at the top value
/// (`$[3].imageTags`). Never fails: the [`Report`] is the outcome.
///
/// ```
/// use typed_dict::{typed_dict, DecodeOptions, List, TypedValue};
///
/// #[typed_dict]
/// pub struct TagTypeDef {
///     #[typed_dict(key = "Key")]
///     pub key: String,
/// }
///
/// let report = typed_dict::validate_value(
///     br#"[{"Key": "a"}, {"Key": 1}, {}]"#,
///     &<List<TagTypeDef> as TypedValue>::TYPE,
///     DecodeOptions::strict(),
/// );
/// let paths: Vec<&str> = report.errors.iter().map(|e| e.path.as_str()).collect();
/// assert_eq!(paths, ["$[1].Key", "$[2].Key"]);
/// ```
pub fn validate_value(
    json: &[u8],
    value_type: &'static ValueType,
    options: DecodeOptions,
) -> Report {
    check_json(json, Expected::Value(value_type), options)
}

/// The walk over JSON bytes, which checks their UTF-8 as it reads them.
fn check_json(json: &[u8], expected: Expected, options: DecodeOptions) -> Report {
    check(Lexer::new(json), expected, options)
}

/// The walk over the text `lex` reads, from its start.
pub(crate) fn check(lex: Lexer<'_>, expected: Expected, options: DecodeOptions) -> Report {
    let json = lex.bytes();
    let mut walk = Walk::new(lex, options);
    match walk.document(expected) {
        Ok(()) => {
            let sink = walk.sink;
            Report {
                type_name: expected.type_name(),
                errors: sink.errors,
                warnings: sink.warnings,
                more_errors: sink.more_errors,
                more_warnings: sink.more_warnings,
            }
        }
        Err(malformed) => Report::new(
            expected.type_name(),
            vec![unreadable(json, expected, malformed)],
            Vec::new(),
        ),
    }
}

/// The one error of input the walk could not read, by precedence: bytes that are not
/// UTF-8 anywhere in it (the walk checks only what it reached, and stops at the first
/// syntax error), then input holding nothing but whitespace, then the place it stops
/// being JSON.
#[cold]
fn unreadable(json: &[u8], expected: Expected, malformed: Malformed) -> ValidationError {
    let text = match json_text(json) {
        Ok(text) => text,
        Err(error) => return error,
    };
    if text.trim_start().is_empty() {
        let wanted = match expected {
            Expected::Shape(_) | Expected::Value(ValueType::TypedDict(_)) => "a JSON object",
            Expected::Value(_) => "a JSON value",
        };
        return malformed_at(1, 0, format!("{EMPTY_INPUT}: expected {wanted}"));
    }
    malformed_error(text, malformed)
}

pub(crate) use walk::Expected;

/// The error for text that stops being JSON, in the words (and at the line and column)
/// serde_json gives, which users of serde know.
fn malformed_error(text: &str, malformed: Malformed) -> ValidationError {
    let (line, column) = malformed.position(text.as_bytes());
    malformed_at(
        line,
        column,
        format!(
            "malformed JSON: {} at line {line} column {column}",
            malformed.syntax
        ),
    )
}

fn malformed_at(line: usize, column: usize, message: String) -> ValidationError {
    ValidationError {
        kind: ErrorKind::MalformedJson { line, column },
        path: "$".to_owned(),
        message,
    }
}

/// The input as text: JSON is UTF-8 (RFC 8259 §8.1) wherever a byte stands.
fn json_text(json: &[u8]) -> Result<&str, ValidationError> {
    // The SIMD check says only yes or no; std's finds the offset of a bad byte.
    if let Ok(text) = simdutf8::basic::from_utf8(json) {
        return Ok(text);
    }
    std::str::from_utf8(json).map_err(|error| {
        let offset = error.valid_up_to();
        // The column of the bad byte itself, from 1 (serde_json's count puts a byte it
        // consumed one on).
        let (line, column) = position(json, offset + 1);
        malformed_at(
            line,
            column,
            format!(
                "not UTF-8 text: invalid byte at offset {offset} (line {line}, column {column})"
            ),
        )
    })
}
