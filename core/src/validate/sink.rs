//! Where the walk puts what it finds: the first errors and warnings, kept in full, and a
//! count of the rest, so that a flood of problems costs no more memory than a few.

use crate::error::{ErrorKind, ValidationError};
use crate::options::DecodeOptions;

use super::path::{render, Step};

/// Kept problems and the counts of those not kept.
pub(crate) struct Sink {
    pub(crate) errors: Vec<ValidationError>,
    pub(crate) warnings: Vec<ValidationError>,
    pub(crate) more_errors: usize,
    pub(crate) more_warnings: usize,
    max: usize,
    kept_bytes: usize,
    budget: usize,
}

/// Whether a problem makes the payload invalid or is only worth a mention.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

impl Sink {
    pub(crate) fn new(options: DecodeOptions, input_len: usize) -> Self {
        Sink {
            errors: Vec::new(),
            warnings: Vec::new(),
            more_errors: 0,
            more_warnings: 0,
            max: options.max_errors,
            kept_bytes: 0,
            budget: DecodeOptions::KEPT_BYTES.saturating_add(input_len.saturating_mul(2)),
        }
    }

    /// Takes over what another sink found (a union member's walk), under this sink's
    /// limits.
    pub(crate) fn absorb(&mut self, other: Sink) {
        for (severity, problems, more) in [
            (Severity::Error, other.errors, other.more_errors),
            (Severity::Warning, other.warnings, other.more_warnings),
        ] {
            for problem in problems {
                let ValidationError {
                    kind,
                    path,
                    message,
                } = problem;
                self.keep(severity, kind, || (path, message));
            }
            match severity {
                Severity::Error => self.more_errors += more,
                Severity::Warning => self.more_warnings += more,
            }
        }
    }

    /// How many errors were found so far, kept or not.
    pub(crate) fn error_count(&self) -> usize {
        self.errors.len() + self.more_errors
    }

    /// Records one problem at `path`; the message is written only if the problem is kept.
    pub(crate) fn record(
        &mut self,
        severity: Severity,
        kind: ErrorKind,
        path: &[Step<'_>],
        message: impl FnOnce() -> String,
    ) {
        self.keep(severity, kind, || (render(path), message()));
    }

    fn keep(
        &mut self,
        severity: Severity,
        kind: ErrorKind,
        written: impl FnOnce() -> (String, String),
    ) {
        let (kept, more) = match severity {
            Severity::Error => (&mut self.errors, &mut self.more_errors),
            Severity::Warning => (&mut self.warnings, &mut self.more_warnings),
        };
        // The budget is checked before the problem is written, so the first one is always
        // kept and at most one overshoots it.
        if kept.len() >= self.max || self.kept_bytes >= self.budget {
            *more += 1;
            return;
        }
        let (path, message) = written();
        self.kept_bytes = self
            .kept_bytes
            .saturating_add(path.len() + message.len() + std::mem::size_of::<ValidationError>());
        kept.push(ValidationError {
            kind,
            path,
            message,
        });
    }
}
