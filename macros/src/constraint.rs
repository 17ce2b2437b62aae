//! A field's constraints (`min_length`, `max_length`, `pattern`, `ge`, `le`) as the model
//! holds them: what was written, with where. `check::constraint` judges them and
//! `expand::constraint` writes them into the static schema.

use proc_macro2::Span;
use syn::LitStr;

use crate::attr::{self, Number};

/// The constraints of one field; all `None` for most fields.
#[derive(Clone, Default)]
pub struct Constraints {
    pub min_length: Option<(Span, u64)>,
    pub max_length: Option<(Span, u64)>,
    pub pattern: Option<LitStr>,
    pub ge: Option<(Span, Number)>,
    pub le: Option<(Span, Number)>,
}

impl Constraints {
    /// The constraints among a field's settings.
    pub fn from_settings(settings: &attr::Field) -> Constraints {
        fn with_span<T: Clone>(setting: &attr::Attr<T>) -> Option<(Span, T)> {
            Some((setting.span()?, setting.get()?.clone()))
        }
        Constraints {
            min_length: with_span(&settings.min_length),
            max_length: with_span(&settings.max_length),
            pattern: settings.pattern.get().cloned(),
            ge: with_span(&settings.ge),
            le: with_span(&settings.le),
        }
    }

    /// Whether none is set: the field's schema is then what it was before constraints.
    pub fn is_empty(&self) -> bool {
        self.min_length.is_none()
            && self.max_length.is_none()
            && self.pattern.is_none()
            && self.ge.is_none()
            && self.le.is_none()
    }
}
