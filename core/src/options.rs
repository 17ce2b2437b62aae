//! Decode options, and the per-thread slot through which the serde fast path reads them.
//!
//! `serde::Deserialize` has no room for run-time parameters, so the options of the decode
//! in progress live in a thread-local. Generated code reads it only on the rare paths (a
//! `null`, a missing key, an unknown key), so valid strict input never touches it.

use std::cell::Cell;

/// Which contract a payload is checked against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// The upstream stub's contract, exactly: Required keys must be present, `null` is
    /// never a value.
    #[default]
    Strict,
    /// JSON as the service sends it: `null` means absent, and Required keys declared
    /// `wire_optional` may be left out.
    Wire,
}

/// How to decode: the [`Mode`] and whether unknown keys are errors.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct DecodeOptions {
    /// Strict (default) or wire.
    pub mode: Mode,
    /// Reject keys the shape does not declare, even in open typed dicts.
    pub deny_unknown: bool,
}

impl DecodeOptions {
    /// Strict mode, unknown keys ignored: the default.
    pub const fn strict() -> Self {
        DecodeOptions {
            mode: Mode::Strict,
            deny_unknown: false,
        }
    }

    /// Wire mode, unknown keys ignored.
    pub const fn wire() -> Self {
        DecodeOptions {
            mode: Mode::Wire,
            deny_unknown: false,
        }
    }

    /// The same options with unknown keys rejected (or not).
    pub const fn deny_unknown(self, deny: bool) -> Self {
        DecodeOptions {
            deny_unknown: deny,
            ..self
        }
    }

    /// Whether this is wire mode.
    pub const fn is_wire(self) -> bool {
        matches!(self.mode, Mode::Wire)
    }
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
