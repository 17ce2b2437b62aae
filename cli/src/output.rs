//! How `validate` prints a report: pydantic-style text, or one JSON object per file.

use std::io::{self, Write};

use serde::Serialize;
use typed_dict::{DecodeOptions, Report, TypedDictSchema, ValidationError};

use crate::validate::mode_name;

/// One payload's outcome, with what it was checked against.
pub struct FileReport<'a> {
    pub file: &'a str,
    pub schema: &'static TypedDictSchema,
    pub options: DecodeOptions,
    pub report: &'a Report,
}

/// `file: ok`, or the count and one line per error; warnings after, marked as such.
pub fn text(file: &FileReport<'_>, out: &mut impl Write) -> io::Result<()> {
    let FileReport {
        file,
        schema,
        report,
        ..
    } = file;
    match report.errors.as_slice() {
        [] => writeln!(out, "{file}: ok")?,
        // A problem with the document as a whole reads best on one line.
        [only] if only.path == "$" => writeln!(out, "{file}: {} [{}]", only.message, only.kind)?,
        errors => {
            let plural = if errors.len() == 1 { "" } else { "s" };
            writeln!(
                out,
                "{file}: {} validation error{plural} for {}",
                errors.len(),
                schema.name
            )?;
            for error in errors {
                writeln!(out, "  {error}")?;
            }
        }
    }
    for warning in &report.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    type_def: &'a str,
    mode: &'a str,
    valid: bool,
    errors: Vec<JsonError<'a>>,
    warnings: Vec<JsonError<'a>>,
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
            typed_dict::ErrorKind::MalformedJson { line, column } => (Some(line), Some(column)),
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

/// One JSON object on one line.
pub fn json(file: &FileReport<'_>, out: &mut impl Write) -> io::Result<()> {
    let report = JsonReport {
        file: file.file,
        type_def: file.schema.name,
        mode: mode_name(file.options),
        valid: file.report.is_valid(),
        errors: file.report.errors.iter().map(JsonError::from).collect(),
        warnings: file.report.warnings.iter().map(JsonError::from).collect(),
    };
    serde_json::to_writer(&mut *out, &report)?;
    writeln!(out)
}
