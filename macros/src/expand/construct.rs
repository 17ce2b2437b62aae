//! The struct itself, its Required-keys companion, the constructor, the `with_<field>`
//! setters, and `Default` or `From<companion>`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, Presence, TypedDict};

use super::docs;

/// The struct as declared, minus our helper attributes, with generated docs for what the
/// user left undocumented.
pub fn item(model: &TypedDict) -> TokenStream {
    let TypedDict {
        attrs, vis, ident, ..
    } = model;
    let docs = docs::typed_dict_keys(model);
    let fields = model.fields.iter().map(|field| {
        let Field {
            attrs,
            vis,
            ident,
            ty,
            ..
        } = field;
        let doc = docs::field_doc(field);
        quote!(#(#attrs)* #doc #vis #ident: #ty,)
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (attrs, vis, ident, ty) = (&extra.attrs, &extra.vis, &extra.ident, &extra.ty);
        let doc = (!docs::has_doc(attrs))
            .then(|| quote!(#[doc = " The keys this shape does not declare, kept as they came."]));
        quote!(#(#attrs)* #doc #vis #ident: #ty,)
    });
    quote! {
        #(#attrs)*
        #docs
        #vis struct #ident {
            #(#fields)*
            #extra
        }
    }
}

fn required_fields(model: &TypedDict) -> impl Iterator<Item = &Field> {
    model.fields.iter().filter(|field| field.is_required())
}

/// `XRequired { .. }`: a struct literal of the Required keys. Leaving one out is rustc's
/// own "missing field `repository_name`" error, which names the key and costs nothing to
/// compile (a typestate builder costs 10-20× more).
pub fn companion(model: &TypedDict) -> TokenStream {
    if required_fields(model).next().is_none() {
        return TokenStream::new();
    }
    let vis = &model.vis;
    let ident = &model.ident;
    let companion = &model.companion;
    let lints = &model.lints;
    let doc = format!(
        "The Required keys of [`{ident}`]: build one with a struct literal and pass it to [`{ident}::new`]."
    );
    let fields = required_fields(model).map(|field| {
        let Field {
            cfgs, lints, ident, ..
        } = field;
        let value_ty = field.value_ty();
        let doc = format!("Key `{}`.", field.key);
        quote!(#(#cfgs)* #(#lints)* #[doc = #doc] pub #ident: #value_ty,)
    });
    let span = ident.span();
    quote::quote_spanned! {span=>
        #[doc = #doc]
        #(#lints)*
        #vis struct #companion {
            #(#fields)*
        }
    }
}

/// `new`, the setters, and `Default` (no Required keys) or `From<XRequired>`.
pub fn constructors(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let lints = &model.lints;
    let inits = model.fields.iter().map(|field| {
        let Field { cfgs, ident, .. } = field;
        match field.presence {
            Presence::Required => quote!(#(#cfgs)* #ident: required.#ident,),
            Presence::WireOptional => {
                quote!(#(#cfgs)* #ident: ::core::option::Option::Some(required.#ident),)
            }
            Presence::NotRequired => quote!(#(#cfgs)* #ident: ::core::option::Option::None,),
        }
    });
    let extra_init = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote!(#(#cfgs)* #ident: ::core::default::Default::default(),)
    });
    let setters = model
        .fields
        .iter()
        .filter(|field| field.presence == Presence::NotRequired)
        .map(|field| {
            let Field {
                cfgs, lints, ident, ..
            } = field;
            let value_ty = field.value_ty();
            let setter = field.setter();
            let doc = format!("Sets the NotRequired key `{}`.", field.key);
            quote! {
                #(#cfgs)*
                #(#lints)*
                #[doc = #doc]
                #[must_use]
                pub fn #setter(mut self, value: impl ::core::convert::Into<#value_ty>) -> Self {
                    self.#ident = ::core::option::Option::Some(::core::convert::Into::into(value));
                    self
                }
            }
        });
    let has_required = required_fields(model).next().is_some();
    let companion = &model.companion;
    let new = if has_required {
        let doc =
            format!("A `{ident}` with its Required keys set and every NotRequired key absent.");
        quote! {
            #[doc = #doc]
            pub fn new(required: #companion) -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    } else {
        let doc = format!("A `{ident}` with every key absent.");
        quote! {
            #[doc = #doc]
            pub fn new() -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    };
    let conversion = if has_required {
        quote! {
            #[automatically_derived]
            impl ::core::convert::From<#companion> for #ident {
                fn from(required: #companion) -> Self { #ident::new(required) }
            }
        }
    } else if model.derives.has("Default") {
        TokenStream::new()
    } else {
        quote! {
            #[automatically_derived]
            impl ::core::default::Default for #ident {
                fn default() -> Self { #ident::new() }
            }
        }
    };
    quote! {
        #[automatically_derived]
        #(#lints)*
        impl #ident {
            #new
            #(#setters)*
        }
        #conversion
    }
}
