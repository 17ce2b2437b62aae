//! The `#[typed_dict]` attribute macro. Use it through the `typed-dict` crate, which
//! re-exports it and holds the runtime the generated code calls.
//!
//! The work happens in stages, as in serde_derive: `attr` reads the helper attributes,
//! `model` builds the declaration's model, `check` applies the rules that span several
//! fields, and `expand` writes the code. Every error found along the way is collected in a
//! `ctxt::Ctxt` and reported in one build; when there are errors, `fallback` still emits
//! the item so users see those errors and not fifty follow-ons.

#![warn(missing_docs)]

mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod model;

use proc_macro::TokenStream;

/// Declares a typed dict (on a struct with named fields) or a literal type (on a
/// fieldless enum). See the `typed-dict` crate for the full story.
#[proc_macro_attribute]
pub fn typed_dict(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::typed_dict(args.into(), input.into()).into()
}
