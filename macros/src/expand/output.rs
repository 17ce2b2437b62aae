//! The output variant of a typed dict (`output = XOutputTypeDef`), and the conversions
//! between a type and its output counterpart.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, Presence, TypedDict};
use crate::symbol::NON_EXHAUSTIVE;

/// The conversion from the output variant and the `HasOutput` impl; or the identity
/// `HasOutput` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let Some(output) = &model.output else {
        return itself(ident);
    };
    let conversions = model.fields.iter().map(|field| {
        let Field { cfgs, ident, .. } = field;
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
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<#output> for #ident {
            fn from(output: #output) -> Self {
                #ident { #(#conversions)* #extra }
            }
        }
        #[automatically_derived]
        impl __td::HasOutput for #ident {
            type Output = #output;
            #[inline]
            fn into_input(output: #output) -> #ident {
                <#ident as ::core::convert::From<#output>>::from(output)
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

/// The output struct, declared with `#[typed_dict]` so it gets everything a typed dict
/// gets. Emitted outside the private const block: it is public API.
pub fn declaration(model: &TypedDict) -> TokenStream {
    let Some(output) = &model.output else {
        return TokenStream::new();
    };
    let ident = &model.ident;
    let vis = &model.vis;
    let krate = &model.krate;
    let lints = &model.lints;
    // The output variant grows with its input: a `#[non_exhaustive]` shape has a
    // non-exhaustive output variant.
    let non_exhaustive = model
        .attrs
        .iter()
        .filter(|attr| attr.path() == NON_EXHAUSTIVE);
    let doc = format!(
        " The output variant of [`{ident}`]: the same keys, with `List` for every `Sequence` and output variants for nested typed dicts. Converts into [`{ident}`] with `From`."
    );
    let mut args = Vec::new();
    if model.closed {
        args.push(quote!(closed));
    }
    if model.krate_given {
        let path = quote!(#krate).to_string().replace(' ', "");
        args.push(quote!(crate = #path));
    }
    let fields = model.fields.iter().map(|field| {
        let Field {
            attrs,
            vis,
            ident,
            key,
            ..
        } = field;
        let value = field.value.output(krate);
        let ty = if field.is_option() {
            quote!(::core::option::Option<#value>)
        } else {
            value
        };
        let wire_optional =
            (field.presence == Presence::WireOptional).then(|| quote!(, wire_optional));
        quote!(#(#attrs)* #[typed_dict(key = #key #wire_optional)] #vis #ident: #ty,)
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (attrs, vis, ident, ty) = (&extra.attrs, &extra.vis, &extra.ident, &extra.ty);
        quote!(#(#attrs)* #[typed_dict(extra)] #vis #ident: #ty,)
    });
    quote! {
        #[doc = #doc]
        #[#krate::typed_dict(#(#args),*)]
        #(#lints)*
        #(#non_exhaustive)*
        #vis struct #output {
            #(#fields)*
            #extra
        }
    }
}
