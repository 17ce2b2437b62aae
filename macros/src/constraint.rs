//! A field's constraints (`min_length`, `max_length`, `pattern`, `ge`, `le`, and those of
//! its items, keys or values) as the model holds them: what was written, with where.
//! `check::constraint` judges them and `expand::constraint` writes them into the static
//! schema.

use proc_macro2::Span;
use syn::LitStr;

use crate::attr::{self, Number};

/// The constraints of one field, or of its items, keys or values; all `None` for most
/// fields.
#[derive(Clone, Default)]
pub struct Constraints {
    pub min_length: Option<(Span, u64)>,
    pub max_length: Option<(Span, u64)>,
    pub pattern: Option<LitStr>,
    pub ge: Option<(Span, Number)>,
    pub le: Option<(Span, Number)>,
    /// `items(...)`, with where `items` is written.
    pub items: Option<(Span, Box<Constraints>)>,
    /// `keys(...)`.
    pub keys: Option<(Span, Box<Constraints>)>,
    /// `values(...)`.
    pub values: Option<(Span, Box<Constraints>)>,
}

impl Constraints {
    /// The constraints among a field's settings.
    pub fn from_settings(settings: &attr::Field) -> Constraints {
        Constraints::from_bounds(&settings.bounds)
    }

    fn from_bounds(bounds: &attr::Bounds) -> Constraints {
        fn with_span<T: Clone>(setting: &attr::Attr<T>) -> Option<(Span, T)> {
            Some((setting.span()?, setting.get()?.clone()))
        }
        let nested = |setting: &attr::Attr<Box<attr::Bounds>>| {
            Some((
                setting.span()?,
                Box::new(Constraints::from_bounds(setting.get()?)),
            ))
        };
        Constraints {
            min_length: with_span(&bounds.min_length),
            max_length: with_span(&bounds.max_length),
            pattern: bounds.pattern.get().cloned(),
            ge: with_span(&bounds.ge),
            le: with_span(&bounds.le),
            items: nested(&bounds.items),
            keys: nested(&bounds.keys),
            values: nested(&bounds.values),
        }
    }

    /// Whether none is set: the field's schema is then what it was before constraints.
    pub fn is_empty(&self) -> bool {
        self.min_length.is_none()
            && self.max_length.is_none()
            && self.pattern.is_none()
            && self.ge.is_none()
            && self.le.is_none()
            && self.items.is_none()
            && self.keys.is_none()
            && self.values.is_none()
    }
}
