//! Writes the code for a checked model: one module per concern, as serde_derive splits
//! `ser.rs` and `de.rs`.

mod alias;
mod constraint;
mod construct;
mod de;
mod docs;
mod hooks;
mod keys;
mod literal;
mod output;
mod python_only;
mod schema;
mod self_type;
mod ser;
mod std_traits;
mod union;

#[cfg(test)]
mod tests;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::attr::Container;
use crate::ctxt::Ctxt;
use crate::model::{self, Item, TypedDict};
use crate::symbol::TYPED_DICT;
use crate::{check, fallback};

pub use construct::{companion, constructors, item};

/// The whole macro: parse, model, check, then expand (or fall back).
/// A path to `__private::Value`'s `function` for values of type `ty`, spanned at the
/// type: a type that is not a value type gets the one `TypedValue` error there, not one
/// per generated impl (a trait-qualified path: rustc reports the unmet bound once).
pub fn value_fn(ty: &syn::Type, function: &str) -> TokenStream {
    value_fn_as(ty, None, function)
}

/// [`value_fn`] for a typed dict's field: through `Value<As<Marker>>` for an `as` field.
pub fn field_fn(field: &model::Field, function: &str) -> TokenStream {
    value_fn_as(
        field.value_ty(),
        field.how.as_ref().map(|how| &how.marker),
        function,
    )
}

/// [`value_fn`], through `Value<As<marker>>` when there is a marker.
pub fn value_fn_as(ty: &syn::Type, marker: Option<&syn::Ident>, function: &str) -> TokenStream {
    let function = syn::Ident::new(function, proc_macro2::Span::call_site());
    let span = syn::spanned::Spanned::span(ty);
    match marker {
        Some(marker) => {
            quote::quote_spanned!(span=> <#ty as __td::Value<__td::As<#marker>>>::#function)
        }
        None => quote::quote_spanned!(span=> <#ty as __td::Value>::#function),
    }
}

/// The generics of a typed dict's impls of the runtime's traits: the user's own, bounds
/// and `where` clause kept, plus `T: TypedValue + 'static` for each type parameter (as
/// serde_derive adds `T: Serialize`): every value goes through `__private::Value`, and
/// each instantiation's schema is cached by its `TypeId`.
pub fn bounded(generics: &syn::Generics) -> syn::Generics {
    model::bound_params(generics, |param| {
        vec![syn::parse_quote!(#param: __td::TypedValue + 'static)]
    })
}

pub fn typed_dict(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut cx = Ctxt::new();
    let mut container = Container::new();
    container.parse(&mut cx, args);
    let input: DeriveInput = match syn::parse2(input.clone()) {
        Ok(input) => input,
        Err(_) => {
            cx.error_spanned_by(
                &input,
                format!("#[{TYPED_DICT}] goes on a struct with named fields (a typed dict), a one-field tuple struct (a named alias) or an enum (a literal or a union)"),
            );
            let errors = cx.check().expect_err("an error was just recorded");
            let mut tokens = input;
            tokens.extend(errors.to_compile_error());
            return tokens;
        }
    };
    container.merge_attrs(&mut cx, &input.attrs);
    let krate = crate::krate::resolve(&mut cx, container.krate.get());
    let built = model::build(&mut cx, &container, &krate, &input);
    check::check(&mut cx, &input, &container, built.as_ref());
    match (built, cx.check()) {
        (Ok(item), Ok(())) => {
            let mut tokens = match &item {
                Item::TypedDict(model) => expand_typed_dict(model),
                Item::Literal(model) => literal::expand(model),
                Item::Union(model) => union::expand(model),
                Item::Alias(model) => alias::expand(model),
                Item::PythonOnly(model) => python_only::expand(model),
            };
            tokens.extend(hooks::expand(&item));
            tokens
        }
        (built, Err(errors)) => fallback::emit(input, built.as_ref().ok(), &krate, errors),
        (Err(_), Ok(())) => {
            unreachable!("check reports every declaration the model cannot hold")
        }
    }
}

/// Everything generated for one typed dict.
fn expand_typed_dict(model: &TypedDict) -> TokenStream {
    let krate = &model.krate;
    let item = item(model);
    let companion = companion(model);
    // The output variant is a typed dict of the model's own, expanded here: the macro
    // does not call itself (no `#[typed_dict]` re-emitted, no `crate` path printed to a
    // string and parsed back).
    let output_declaration = model.output.as_deref().map(|output| {
        let mut tokens = expand_typed_dict(output);
        tokens.extend(hooks::typed_dict(output));
        tokens
    });
    let constructors = constructors(model);
    let std_traits = std_traits::typed_dict(model);
    let schema = schema::expand(model);
    let serialize = ser::expand(model);
    let deserialize = de::expand(model);
    let keys = keys::expand(model);
    let output = output::expand(model);
    let markers = model.fields.iter().filter_map(|field| {
        let how = field.how.as_ref()?;
        Some(crate::custom::declare(how, &field.value, &field.cfgs))
    });
    quote! {
        #item
        #companion
        #output_declaration
        #[doc(hidden)]
        // Deprecating a key is the user's business; the generated code must still read it.
        #[allow(deprecated)]
        const _: () = {
            use #krate::__private as __td;
            #(#markers)*
            #constructors
            #std_traits
            #schema
            #keys
            #serialize
            #deserialize
            #output
        };
    }
}
