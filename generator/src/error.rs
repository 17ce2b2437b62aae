//! The generator's one error type: every failure names what it is about (a file, a
//! TypedDict and key, a layout entry) so that it can be fixed without reading the code.

use std::fmt;
use std::path::PathBuf;

/// Why generation failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// A facts document is not the JSON the generator reads.
    Facts {
        /// The document (its path, or a name given by the caller).
        origin: String,
        /// What is wrong, with its line and column.
        message: String,
    },
    /// A service model file (botocore's `service-2`, `paginators-1` or `waiters-2` JSON)
    /// is not one, or says something the generator cannot write.
    Model {
        /// The file, as the layout names it.
        origin: String,
        /// What is wrong, and where.
        message: String,
    },
    /// A layout file is not valid TOML or not a layout.
    Layout {
        /// The layout (its path).
        origin: String,
        /// What is wrong, with its line where the reader knows it.
        message: String,
    },
    /// An annotation of the facts is not a type expression.
    Annotation {
        /// `TypedDict.key` or the alias it belongs to.
        owner: String,
        /// The annotation as the facts write it.
        text: String,
        /// What is wrong, and where in the text.
        message: String,
    },
    /// The facts and the layout disagree, or the facts hold something no declaration can
    /// be written for.
    Invalid(String),
    /// `rustfmt` (or the Python facts extraction) could not run or refused its input.
    Tool(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Facts { origin, message } => write!(f, "facts `{origin}`: {message}"),
            Error::Layout { origin, message } => write!(f, "layout `{origin}`: {message}"),
            Error::Model { origin, message } => write!(f, "model `{origin}`: {message}"),
            Error::Annotation {
                owner,
                text,
                message,
            } => write!(f, "`{owner}`: annotation `{text}`: {message}"),
            Error::Invalid(message) | Error::Tool(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The generator's `Result`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An [`Error::Invalid`] from a message.
pub(crate) fn invalid(message: impl Into<String>) -> Error {
    Error::Invalid(message.into())
}

/// A maker of [`Error::Annotation`]s for one annotation of `owner`.
pub(crate) fn annotation_error<'a>(
    owner: &'a str,
    text: &'a str,
) -> impl Fn(String) -> Error + Copy + 'a {
    move |message| Error::Annotation {
        owner: owner.to_owned(),
        text: text.to_owned(),
        message,
    }
}

/// Reads a file, naming it in the error.
pub(crate) fn read(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}
