//! Writes the code for a checked model.

mod docs;
mod literal;
mod output;
mod typed_dict;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::attr::Container;
use crate::ctxt::Ctxt;
use crate::model::{self, Item};
use crate::{check, fallback};

/// The whole macro: parse, model, check, then expand (or fall back).
pub fn typed_dict(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut cx = Ctxt::default();
    let container = Container::parse(&mut cx, args);
    let input: DeriveInput = match syn::parse2(input.clone()) {
        Ok(input) => input,
        Err(_) => {
            let error = syn::Error::new_spanned(
                &input,
                "#[typed_dict] goes on a struct with named fields (a typed dict) or a fieldless enum (a literal)",
            );
            let mut tokens = input;
            tokens.extend(error.to_compile_error());
            return tokens;
        }
    };
    let item = model::build(&mut cx, &container, &input);
    if let Some(item) = &item {
        check::check(&mut cx, item);
    }
    match item {
        Some(item) if !cx.has_errors() => match item {
            Item::TypedDict(model) => typed_dict::expand(&model),
            Item::Literal(model) => literal::expand(&model),
        },
        _ => fallback::emit(input, cx),
    }
}
