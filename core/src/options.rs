//! Decode options, and the per-thread slot through which the serde fast path reads them.
//! The crate root re-exports what users name ([`DecodeOptions`], [`Mode`], [`ModeError`]);
//! the guard [`DecodeOptions::scope`] returns, [`OptionsScope`], lives here.
//!
//! `serde::Deserialize` has no room for run-time parameters, so the options of the decode
//! in progress live in a thread-local. Generated code reads it only on the rare paths (a
//! `null`, a missing key, an unknown key), so valid strict input never touches it.

use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// Which contract a payload is checked against.
///
/// Not exhaustive: a later release may add a mode, so a `match` needs a `_` arm.
///
/// ```
/// use typed_dict::{DecodeOptions, Mode};
///
/// let mode: Mode = "wire".parse().unwrap();
/// assert_eq!(mode, Mode::Wire);
/// assert_eq!(mode.as_str(), "wire");
/// assert_eq!(Mode::default().to_string(), "strict");
/// assert!(DecodeOptions::strict().mode(mode).is_wire());
/// let error = "lenient".parse::<Mode>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown mode `lenient`; expected `strict` or `wire`");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Mode {
    /// The upstream stub's contract, exactly: Required keys must be present, `null` is
    /// never a value.
    #[default]
    Strict,
    /// JSON as the service sends it: `null` means absent, and Required keys declared
    /// `wire_optional` may be left out.
    Wire,
}

impl Mode {
    /// Every mode, strict first (a slice: a later release may add one).
    pub const ALL: &'static [Mode] = &[Mode::Strict, Mode::Wire];

    /// The mode's name: `strict` or `wire`, as [`FromStr`] reads it and the `ecr-types`
    /// command line's JSON report writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Mode::Strict => "strict",
            Mode::Wire => "wire",
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Mode {
    type Err = ModeError;

    /// `strict` or `wire`, exactly (lowercase).
    fn from_str(text: &str) -> Result<Self, ModeError> {
        Mode::ALL
            .iter()
            .copied()
            .find(|mode| mode.as_str() == text)
            .ok_or_else(|| ModeError(text.to_owned()))
    }
}

/// A name that is not a [`Mode`]'s, from [`Mode::from_str`].
///
/// ```
/// use typed_dict::{Mode, ModeError};
///
/// assert_eq!("wire".parse::<Mode>(), Ok(Mode::Wire));
/// let error: ModeError = "lenient".parse::<Mode>().unwrap_err();
/// assert_eq!(error.to_string(), "unknown mode `lenient`; expected `strict` or `wire`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModeError(String);

impl fmt::Display for ModeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown mode `{}`; expected `strict` or `wire`",
            crate::error::Escaped(&self.0)
        )
    }
}

impl std::error::Error for ModeError {}

/// How to decode: the [`Mode`], whether unknown keys are errors, and how many errors and
/// warnings a report keeps.
///
/// Start from [`strict`](DecodeOptions::strict) (the [`Default`]) or
/// [`wire`](DecodeOptions::wire) and change what you need with the builder methods, each
/// named after its field. The fields are public to read (and to assign on a value you
/// own); the struct is not exhaustive, so it cannot be written as a struct literal and a
/// later release can add options without breaking your code.
///
/// ```
/// use typed_dict::{DecodeOptions, Mode};
///
/// let options = DecodeOptions::wire().deny_unknown(true).max_errors(10);
/// assert_eq!(options.mode, Mode::Wire);
/// assert!(options.deny_unknown);
/// assert_eq!(options.max_errors, 10);
/// assert_eq!(DecodeOptions::default(), DecodeOptions::strict());
/// assert_eq!(DecodeOptions::strict().mode(Mode::Wire), DecodeOptions::wire());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// Strict (default) or wire.
    pub mode: Mode,
    /// Reject keys the shape does not declare, even in open typed dicts.
    pub deny_unknown: bool,
    /// How many errors, and separately how many warnings, a report keeps
    /// ([`DEFAULT_MAX_ERRORS`](DecodeOptions::DEFAULT_MAX_ERRORS) unless set). The rest are
    /// counted, not kept: an input of any size is then reported in bounded memory.
    pub max_errors: usize,
    /// Check the field constraints (`min_length`, `max_length`, `pattern`, `ge`, `le`,
    /// and those of a list's items and a dict's keys and values): off by default, so that strict mode is the stub's contract, which has none.
    pub constraints: bool,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions::strict()
    }
}

impl DecodeOptions {
    /// The errors (and, separately, the warnings) a report keeps unless told otherwise.
    ///
    /// Kept errors also share a budget of text (paths and messages):
    /// [`KEPT_BYTES`](DecodeOptions::KEPT_BYTES) plus twice the input's size. Past either
    /// limit, problems are counted, not kept.
    pub const DEFAULT_MAX_ERRORS: usize = 1000;

    /// The text (paths and messages, in bytes) the kept errors and warnings of one report
    /// may hold together, beyond twice the input's size; the first error is always kept,
    /// whatever its size. A payload whose keys are megabytes long then cannot multiply
    /// them into gigabytes of paths.
    pub const KEPT_BYTES: usize = 16 << 20;

    /// Strict mode, unknown keys ignored: the default.
    pub const fn strict() -> Self {
        DecodeOptions {
            mode: Mode::Strict,
            deny_unknown: false,
            max_errors: Self::DEFAULT_MAX_ERRORS,
            constraints: false,
        }
    }

    /// Wire mode, unknown keys ignored.
    pub const fn wire() -> Self {
        DecodeOptions {
            mode: Mode::Wire,
            deny_unknown: false,
            max_errors: Self::DEFAULT_MAX_ERRORS,
            constraints: false,
        }
    }

    /// The same options keeping at most `max` errors and `max` warnings; the rest are
    /// counted ([`Report::more_errors`](crate::Report::more_errors),
    /// [`Error::more_errors`](crate::Error::more_errors)). `usize::MAX` keeps
    /// every one (memory then grows with the number of problems).
    ///
    /// ```
    /// use typed_dict::DecodeOptions;
    /// let options = DecodeOptions::wire().max_errors(10);
    /// assert_eq!(options.max_errors, 10);
    /// assert_eq!(DecodeOptions::strict().max_errors, DecodeOptions::DEFAULT_MAX_ERRORS);
    /// ```
    pub const fn max_errors(self, max: usize) -> Self {
        DecodeOptions {
            max_errors: max,
            ..self
        }
    }

    /// The same options in `mode`.
    pub const fn mode(self, mode: Mode) -> Self {
        DecodeOptions { mode, ..self }
    }

    /// The same options with unknown keys rejected (or not).
    pub const fn deny_unknown(self, deny: bool) -> Self {
        DecodeOptions {
            deny_unknown: deny,
            ..self
        }
    }

    /// The same options checking the field constraints (or not), in either mode: a value
    /// that breaks one is a `constraint_violation` at its key's path (an item's, key's or
    /// value's constraint at that item's or entry's path), with the bound and the value's
    /// measure. [`decode`](crate::decode()), [`validate`](crate::validate()),
    /// [`validate_value`](crate::validate_value) and
    /// [`validate_schema`](crate::validate_schema) check them; serde calls under a
    /// [`scope`](DecodeOptions::scope), [`DecodeSeed`](crate::DecodeSeed) and
    /// [`Wire`](crate::Wire) do not (they stop at the first problem, with serde's error),
    /// except that a union read from the crate's own parser takes, as `validate` does, the
    /// first member whose value meets its constraints.
    ///
    /// ```
    /// use typed_dict::{typed_dict, DecodeOptions, ErrorKind};
    ///
    /// #[typed_dict]
    /// pub struct ListImages {
    ///     #[typed_dict(min_length = 2, max_length = 256)]
    ///     pub repository_name: String,
    ///     #[typed_dict(ge = 1, le = 1000)]
    ///     pub max_results: Option<i64>,
    /// }
    ///
    /// let json = br#"{"repositoryName": "a", "maxResults": 5000}"#;
    /// assert!(typed_dict::decode::<ListImages>(json, DecodeOptions::strict()).is_ok());
    /// let checked = DecodeOptions::strict().constraints(true);
    /// let error = typed_dict::decode::<ListImages>(json, checked).unwrap_err();
    /// assert_eq!(error.errors()[0].kind, ErrorKind::ConstraintViolation);
    /// assert_eq!(
    ///     error.to_string(),
    ///     "2 validation errors for ListImages\n  \
    ///      $.repositoryName: string of 1 character is shorter than 2 [constraint_violation]\n  \
    ///      $.maxResults: 5000 is greater than 1000 [constraint_violation]"
    /// );
    /// ```
    pub const fn constraints(self, check: bool) -> Self {
        DecodeOptions {
            constraints: check,
            ..self
        }
    }

    /// Whether this is wire mode.
    pub const fn is_wire(self) -> bool {
        matches!(self.mode, Mode::Wire)
    }

    /// Applies these options to every typed dict deserialized on this thread, through any
    /// serde call, until the returned guard is dropped; then the previous options are back.
    ///
    /// For serde calls this crate does not make: `serde_json::from_reader`, a typed dict
    /// inside your own serde struct, a web framework's JSON extractor. Such a call stops at
    /// the first problem, with serde's error; [`decode`](crate::decode()) reports them all.
    /// See also [`DecodeSeed`](crate::DecodeSeed) and [`Wire`](crate::Wire).
    ///
    /// ```
    /// use serde::Deserialize;
    /// use typed_dict::{typed_dict, DecodeOptions};
    ///
    /// #[typed_dict]
    /// pub struct PageTypeDef {
    ///     #[typed_dict(wire_optional)]
    ///     pub next_token: Option<String>,
    /// }
    ///
    /// #[derive(Deserialize)]
    /// struct Envelope {
    ///     page: PageTypeDef,
    ///     source: String,
    /// }
    ///
    /// let json = br#"{"page": {"nextToken": null}, "source": "ecr"}"#;
    /// // Strict by default: `nextToken` is Required and null is no value.
    /// assert!(serde_json::from_reader::<_, Envelope>(&json[..]).is_err());
    /// let envelope: Envelope = {
    ///     let _wire = DecodeOptions::wire().scope();
    ///     serde_json::from_reader(&json[..]).unwrap()
    /// };
    /// assert_eq!(envelope.page.next_token, None);
    /// ```
    #[must_use = "the options apply only while the guard lives"]
    pub fn scope(self) -> OptionsScope {
        OptionsScope {
            _scope: Scope::enter(self),
            _not_send: PhantomData,
        }
    }

    /// The options in force on this thread: those of the innermost live
    /// [`scope`](DecodeOptions::scope) or decode, else [`DecodeOptions::strict`].
    pub fn current() -> DecodeOptions {
        current()
    }
}

/// Keeps [`DecodeOptions`] in force on this thread while it lives (from
/// [`DecodeOptions::scope`]). Not `Send`: the options belong to the thread that set them.
#[derive(Debug)]
pub struct OptionsScope {
    _scope: Scope,
    _not_send: PhantomData<*const ()>,
}

thread_local! {
    static CURRENT: Cell<DecodeOptions> = const { Cell::new(DecodeOptions::strict()) };
}

/// The options of the decode running on this thread (strict when none is).
pub(crate) fn current() -> DecodeOptions {
    CURRENT.with(Cell::get)
}

/// Sets the thread's options until dropped, then restores the previous ones, so nested and
/// panicking decodes leave the thread as they found it.
#[derive(Debug)]
pub(crate) struct Scope {
    previous: DecodeOptions,
}

impl Scope {
    pub(crate) fn enter(options: DecodeOptions) -> Scope {
        Scope {
            previous: CURRENT.with(|slot| slot.replace(options)),
        }
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        CURRENT.with(|slot| slot.set(self.previous));
    }
}
