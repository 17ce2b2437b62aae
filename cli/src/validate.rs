//! `ecr-types validate`: read each payload once, walk it against the schema, report.

use std::fs;
use std::io::{self, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use typed_dict::{DecodeOptions, Mode, TypedDictSchema};

use crate::output::{self, FileReport};
use crate::{Failure, Format};

/// The decode options the flags ask for.
pub fn options(wire: bool, deny_unknown: bool) -> DecodeOptions {
    let options = if wire {
        DecodeOptions::wire()
    } else {
        DecodeOptions::strict()
    };
    options.deny_unknown(deny_unknown)
}

/// Validates every file; the exit status is the worst outcome.
pub fn run(
    schema: &'static TypedDictSchema,
    files: &[impl AsRef<Path>],
    options: DecodeOptions,
    format: Format,
    out: &mut impl Write,
) -> Result<ExitCode, Failure> {
    let mut any_invalid = false;
    let mut any_unreadable = false;
    for file in files {
        let path = file.as_ref();
        let name = display_name(path);
        match read(path) {
            Ok(bytes) => {
                let report = typed_dict::validate(&bytes, schema, options);
                any_invalid |= !report.is_valid();
                let file_report = FileReport {
                    file: &name,
                    schema,
                    options,
                    report: &report,
                };
                match format {
                    Format::Text => output::text(&file_report, out)?,
                    Format::Json => output::json(&file_report, out)?,
                }
            }
            Err(message) => {
                any_unreadable = true;
                out.flush()?;
                eprintln!("error: {message}");
            }
        }
    }
    Ok(match (any_unreadable, any_invalid) {
        (true, _) => ExitCode::from(2),
        (false, true) => ExitCode::from(1),
        (false, false) => ExitCode::SUCCESS,
    })
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

/// Reads a whole payload once; the walk then streams over these bytes.
fn read(path: &Path) -> Result<Vec<u8>, String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))?;
        return Ok(bytes);
    }
    let shown = path.display();
    if path.is_dir() {
        return Err(format!("cannot read `{shown}`: it is a directory"));
    }
    fs::read(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => format!("cannot read `{shown}`: no such file"),
        io::ErrorKind::PermissionDenied => format!("cannot read `{shown}`: permission denied"),
        _ => format!("cannot read `{shown}`: {error}"),
    })
}

/// The mode's name, for output.
pub fn mode_name(options: DecodeOptions) -> &'static str {
    match options.mode {
        Mode::Strict => "strict",
        Mode::Wire => "wire",
    }
}
