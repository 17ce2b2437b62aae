//! The conversions between a typed dict and its output variant (`output =
//! XOutputTypeDef`), or the identity conversion. The output variant itself is a typed dict
//! of the model's, expanded as any other.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, TypedDict};

/// The conversion from the output variant and the `HasOutput` impl; or the identity
/// `HasOutput` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let Some(output_model) = model.output.as_deref() else {
        if model.generics.params.is_empty() {
            return itself(ident);
        }
        // A generic typed dict without `output = ..` is its own output counterpart.
        let generics = super::bounded(&model.generics);
        let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
        return quote! {
            #[automatically_derived]
            impl #impl_generics __td::HasOutput for #ident #ty_generics #where_clause {
                type Output = Self;
                #[inline]
                fn into_input(output: Self) -> Self {
                    output
                }
            }
        };
    };
    let conversions = model.fields.iter().map(|field| {
        let Field { cfgs, ident, .. } = field;
        if field.how.is_some() {
            // A foreign type is its own output counterpart.
            return quote!(#(#cfgs)* #ident: output.#ident,);
        }
        let value_ty = field.value_ty();
        let convert = quote!(<#value_ty as __td::HasOutput>::into_input);
        if field.is_option() {
            quote!(#(#cfgs)* #ident: output.#ident.map(#convert),)
        } else {
            quote!(#(#cfgs)* #ident: #convert(output.#ident),)
        }
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote!(#(#cfgs)* #ident: output.#ident,)
    });
    // The output variant's generics: the input's, with the bounds its fields need.
    let generics = super::bounded(&output_model.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let output = &output_model.ident;
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#output #ty_generics> for #ident #ty_generics #where_clause {
            #[inline]
            fn from(output: #output #ty_generics) -> Self {
                #ident { #(#conversions)* #extra }
            }
        }
        #[automatically_derived]
        impl #impl_generics __td::HasOutput for #ident #ty_generics #where_clause {
            type Output = #output #ty_generics;
            #[inline]
            fn into_input(output: #output #ty_generics) -> Self {
                <Self as ::core::convert::From<#output #ty_generics>>::from(output)
            }
        }
    }
}

/// `HasOutput` for a type that is its own output counterpart.
pub fn itself(ident: &syn::Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl __td::HasOutput for #ident {
            type Output = #ident;
            #[inline]
            fn into_input(output: #ident) -> #ident {
                output
            }
        }
    }
}

/// `HasOutput` for a union or alias whose output counterpart is another type (`output =
/// X`): `into_input` turns the `X` named `output` back into the type with `convert`.
pub fn through(ident: &syn::Ident, output: &syn::Type, convert: TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl __td::HasOutput for #ident {
            type Output = #output;
            #[inline]
            fn into_input(output: #output) -> #ident {
                #convert
            }
        }
    }
}
