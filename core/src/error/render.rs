//! The one text rendering of a failure report: what [`Report`] and [`Error`](crate::Error)
//! display, and what the `ecr-types` command line prints.

use std::fmt;

use super::{Escaped, Report};

impl fmt::Display for Report {
    /// The report shown the pydantic way:
    ///
    /// ```text
    /// 3 validation errors for DescribeImagesResponseTypeDef
    ///   $.imageDetails[0].imageTags[1]: null is not allowed, expected str [null_not_allowed]
    ///   $.nextToken: expected str, got int [wrong_type]
    ///   ... and 1 more error
    ///   warning: $.imageDetails[0].newKey: unknown key `newKey`: ImageDetailTypeDef does not declare it [unknown_key]
    /// ```
    ///
    /// A header (`N validation errors for T`, or `ok` for a valid report), then one
    /// indented line per kept error, `... and N more errors` when the report kept only the
    /// first ones, then the warnings, each marked `warning: `, likewise closed by
    /// `... and N more warnings`. Counts have a comma every three digits (`4,999,000`).
    /// Text that can come from a payload is [`Escaped`]: a payload cannot forge a line.
    /// No newline at the end.
    ///
    /// The alternate form (`{:#}`) writes a report whose one problem concerns the document
    /// as a whole (at `$`: not JSON, not UTF-8, empty) on one line, `message [code]`, as
    /// the command line prints it; any other report as the plain form does.
    ///
    /// ```
    /// use typed_dict::{ErrorKind, Report, ValidationError};
    ///
    /// let report = Report::new(
    ///     "ImageTypeDef",
    ///     vec![ValidationError::new(ErrorKind::WrongType, "$.size", "expected int, got str")],
    ///     vec![ValidationError::new(ErrorKind::UnknownKey, "$.new\u{1b}", "unknown key")],
    /// )
    /// .with_more_errors(2);
    /// assert_eq!(
    ///     report.to_string(),
    ///     "3 validation errors for ImageTypeDef\n  \
    ///      $.size: expected int, got str [wrong_type]\n  \
    ///      ... and 2 more errors\n  \
    ///      warning: $.new\\u{1b}: unknown key [unknown_key]"
    /// );
    /// assert_eq!(Report::new("ImageTypeDef", vec![], vec![]).to_string(), "ok");
    ///
    /// let empty = Report::new(
    ///     "ImageTypeDef",
    ///     vec![ValidationError::new(ErrorKind::Other, "$", "empty input: expected a JSON object")],
    ///     Vec::new(),
    /// );
    /// assert_eq!(format!("{empty:#}"), "empty input: expected a JSON object [other]");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            if let ([only], 0, [], 0) = (
                self.errors.as_slice(),
                self.more_errors,
                self.warnings.as_slice(),
                self.more_warnings,
            ) {
                if only.path == "$" {
                    let code = only.kind.code();
                    return write!(f, "{} [{code}]", Escaped(&only.message));
                }
            }
        }
        let count = self.error_count();
        if count == 0 {
            f.write_str("ok")?;
        } else {
            let plural = if count == 1 { "" } else { "s" };
            write!(
                f,
                "{} validation error{plural} for {}",
                Thousands(count),
                Escaped(&self.type_name)
            )?;
        }
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        if self.more_errors > 0 {
            write!(f, "\n  {}", MoreProblems::errors(self.more_errors))?;
        }
        for warning in &self.warnings {
            write!(f, "\n  warning: {warning}")?;
        }
        if self.more_warnings > 0 {
            write!(f, "\n  {}", MoreProblems::warnings(self.more_warnings))?;
        }
        Ok(())
    }
}

/// The line that closes a shortened list: `... and 4,999,000 more errors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MoreProblems {
    count: usize,
    noun: &'static str,
}

impl MoreProblems {
    /// For `count` errors that were counted but not kept.
    fn errors(count: usize) -> Self {
        MoreProblems {
            count,
            noun: "error",
        }
    }

    /// For `count` warnings that were counted but not kept.
    fn warnings(count: usize) -> Self {
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

/// A count with a comma every three digits: `4,999,000`. Shared with [`super::quote`],
/// which names a long value's length so.
pub(super) struct Thousands(pub(super) usize);

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
    fn counts_have_thousands_separators() {
        for (count, text) in [
            (0, "0"),
            (999, "999"),
            (1000, "1,000"),
            (123_456_789, "123,456,789"),
        ] {
            assert_eq!(Thousands(count).to_string(), text);
        }
        assert_eq!(
            MoreProblems::errors(4_999_000).to_string(),
            "... and 4,999,000 more errors"
        );
        assert_eq!(
            MoreProblems::warnings(1).to_string(),
            "... and 1 more warning"
        );
    }
}
