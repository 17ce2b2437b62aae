//! Calls to the runtime crate's hooks: one per declared type for each optional
//! integration (`schemars`). Whether a hook expands to anything depends on the runtime
//! crate's features, which generated code cannot test itself (`cfg(feature)` in the
//! user's crate would test the user's features).

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Item, TypedDict};

/// The hook calls for one item, placed beside it.
pub fn expand(item: &Item) -> TokenStream {
    let (krate, ident, kind, deps) = match item {
        Item::TypedDict(model) => return typed_dict(model),
        Item::Literal(model) => (&model.krate, &model.ident, quote!(named), Vec::new()),
        Item::Union(model) => {
            let deps = model.members.iter().map(|member| {
                let ty = &member.value.ty;
                quote!(#ty)
            });
            (&model.krate, &model.ident, quote!(inline), deps.collect())
        }
        // No JSON form, and no named type to collect.
        Item::PythonOnly(model) => (&model.krate, &model.ident, quote!(inline), Vec::new()),
        Item::Alias(model) => {
            let ty = &model.target.ty;
            (
                &model.krate,
                &model.ident,
                quote!(inline),
                vec![quote!(#ty)],
            )
        }
    };
    call(krate, ident, kind, deps)
}

/// The hook calls for one typed dict (an item's, or an output variant's).
pub fn typed_dict(model: &TypedDict) -> TokenStream {
    // The hooks name the type without parameters: a generic typed dict has none (its
    // instantiations reach schemars through the typed dicts that use them, if at all).
    if !model.generics.params.is_empty() {
        return TokenStream::new();
    }
    // A foreign type (`as = "..."`) has no schema of its own to collect.
    let deps = model
        .fields
        .iter()
        .filter(|field| field.how.is_none())
        .map(|field| {
            let (cfgs, ty) = (&field.cfgs, field.value_ty());
            quote!(#(#cfgs)* #ty)
        });
    call(&model.krate, &model.ident, quote!(named), deps.collect())
}

fn call(
    krate: &syn::Path,
    ident: &syn::Ident,
    kind: TokenStream,
    deps: Vec<TokenStream>,
) -> TokenStream {
    quote! {
        #krate::__private::json_schema! { #kind #ident [#(#deps),*] }
    }
}
