#![doc = include_str!("../README.md")]
// The `#[typed_dict]` attribute macro. Use it through the `typed-dict` crate, which
// re-exports it, documents it, and holds the runtime the generated code calls.
//
// The work happens in stages, as in serde_derive: `attr` reads the helper attributes
// (names from `symbol`), `model` records what was declared (classifying every field type
// once, in `ty`), `check` judges every rule on those facts, and `expand` writes the code.
// Every error found along the way is collected in a `ctxt::Ctxt` and reported in one
// build; when there are errors, `fallback` still emits the item and stub impls of
// everything it would have, so users see those errors and not follow-ons.
#![warn(missing_docs)]

mod attr;
mod case;
mod check;
mod constraint;
mod ctxt;
mod custom;
mod derives;
mod expand;
mod fallback;
mod krate;
mod model;
mod siblings;
mod suggest;
mod symbol;
mod ty;

use proc_macro::TokenStream;

/// Declares a typed dict (on a struct with named fields), a literal type (on an enum of unit
/// variants), a union (on an enum of one-field tuple variants) or a named alias (on a tuple
/// struct with one field).
/// The reference, with every attribute, is the documentation of `typed_dict::typed_dict`.
#[proc_macro_attribute]
pub fn typed_dict(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::typed_dict(args.into(), input.into()).into()
}
