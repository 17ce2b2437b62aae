//! Collects every error of one expansion so a single build reports them all, as
//! serde_derive's `internals/ctxt.rs`: the errors must be taken with [`Ctxt::check`], and
//! a context dropped with its errors unread panics, so no error can be lost on the way.
//!
//! There is no way to throw errors away: the two scratch contexts that once did (a look
//! at a variant's `other` before the model parsed it for real, and the fallback reading
//! derives) are gone, since variants are parsed once and derives record serde's instead
//! of reporting them. A new scratch context would be a sign that something is parsed
//! twice.

use std::fmt::Display;

use quote::ToTokens;

/// The errors found so far.
pub struct Ctxt {
    /// `Some` until the errors are taken; `None` afterwards, which is what `Drop` tests.
    errors: Option<Vec<syn::Error>>,
}

impl Ctxt {
    /// A context with no errors yet.
    pub fn new() -> Ctxt {
        Ctxt {
            errors: Some(Vec::new()),
        }
    }

    /// Records an error spanning `tokens`.
    pub fn error_spanned_by(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// Records an error that was already built.
    pub fn push(&mut self, error: syn::Error) {
        self.errors
            .as_mut()
            .expect("errors were already taken")
            .push(error);
    }

    /// Takes the errors: every one of them combined into one `syn::Error`, or `Ok` when
    /// there were none.
    pub fn check(mut self) -> Result<(), syn::Error> {
        let errors = self.errors.take().expect("errors were already taken");
        // `reduce` keeps the order the errors were found in.
        match errors.into_iter().reduce(|mut first, next| {
            first.combine(next);
            first
        }) {
            Some(combined) => Err(combined),
            None => Ok(()),
        }
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        // While unwinding, the panic that started it is the one worth seeing.
        if self.errors.is_some() && !std::thread::panicking() {
            panic!("forgot to check for errors");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_returns_every_error_in_order() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(a), "first");
        cx.error_spanned_by(quote::quote!(b), "second");
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|error| error.to_string())
            .collect();
        assert_eq!(messages, ["first", "second"]);
        assert!(Ctxt::new().check().is_ok());
    }

    #[test]
    #[should_panic(expected = "forgot to check for errors")]
    fn dropping_unread_errors_panics() {
        let mut cx = Ctxt::new();
        cx.error_spanned_by(quote::quote!(a), "lost");
    }

    #[test]
    #[should_panic(expected = "forgot to check for errors")]
    fn dropping_an_unchecked_empty_context_panics_too() {
        // The check is what says there were no errors; forgetting it is the same bug.
        let _cx = Ctxt::new();
    }
}
