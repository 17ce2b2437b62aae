//! How `validate` prints a report: pydantic-style text, or one JSON object per payload.
//!
//! The text report is core's rendering (`Report`'s `Display`, the same as a
//! [`typed_dict::Error`] displays) after the file name. Every piece of text that can
//! come from a payload or a file name (paths, messages, names) is escaped
//! ([`crate::escape`]): a payload cannot write a control character, a line of its own or a
//! bidi override to the terminal.

use std::io::{self, Write};

use serde::Serialize;
use typed_dict::{DecodeOptions, ErrorKind, Report, TypedDictSchema, ValidationError};

use crate::escape::{self, Escaped};

/// How `validate` prints its findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable, pydantic-style.
    Text,
    /// One JSON object per payload, one per line.
    Json,
}

/// One payload's outcome, with what it was checked against.
#[derive(Debug, Clone, Copy)]
pub struct PayloadReport<'a> {
    /// The file it was read from (`<stdin>` for standard input).
    pub file: &'a str,
    /// Its line, for a JSON Lines payload.
    pub line: Option<usize>,
    /// The TypeDef it was checked against.
    pub schema: &'static TypedDictSchema,
    /// The options it was checked with.
    pub options: DecodeOptions,
    /// What the check found.
    pub report: &'a Report,
}

/// `file: ok`, or the count and one indented line per error; warnings after, marked as
/// such; `... and N more errors` (and warnings) closing a list `--max-errors` shortened.
/// A JSON Lines payload is named `file:LINE`.
pub fn text(payload: &PayloadReport<'_>, out: &mut impl Write) -> io::Result<()> {
    let PayloadReport {
        file, line, report, ..
    } = payload;
    write!(out, "{}", Escaped(file))?;
    if let Some(line) = line {
        write!(out, ":{line}")?;
    }
    // The alternate form: a problem with the document as a whole reads best on one line.
    writeln!(out, ": {report:#}")
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    type_def: &'a str,
    mode: &'a str,
    valid: bool,
    errors: Vec<JsonError<'a>>,
    warnings: Vec<JsonError<'a>>,
    /// Errors found beyond those listed (`--max-errors`).
    more_errors: usize,
    /// Warnings found beyond those listed.
    more_warnings: usize,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    kind: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl<'a> From<&'a ValidationError> for JsonError<'a> {
    fn from(error: &'a ValidationError) -> Self {
        let (line, column) = match error.kind {
            ErrorKind::MalformedJson { line, column, .. } => (Some(line), Some(column)),
            _ => (None, None),
        };
        JsonError {
            path: &error.path,
            kind: error.kind.code(),
            message: &error.message,
            line,
            column,
        }
    }
}

/// The report in `format`.
pub fn write(format: Format, payload: &PayloadReport<'_>, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Text => text(payload, out),
        Format::Json => json(payload, out),
    }
}

/// One JSON object on one line; a JSON Lines payload carries its `line`.
pub fn json(payload: &PayloadReport<'_>, out: &mut impl Write) -> io::Result<()> {
    let report = JsonReport {
        file: payload.file,
        line: payload.line,
        type_def: payload.schema.name,
        mode: payload.options.mode.as_str(),
        valid: payload.report.is_valid(),
        errors: payload.report.errors.iter().map(JsonError::from).collect(),
        warnings: payload
            .report
            .warnings
            .iter()
            .map(JsonError::from)
            .collect(),
        more_errors: payload.report.more_errors,
        more_warnings: payload.report.more_warnings,
    };
    escape::write_json(&mut *out, &report)?;
    writeln!(out)
}
