//! The output variant of a typed dict (`output = XOutputTypeDef`), and the conversions
//! between a type and its output counterpart.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{GenericArgument, PathArguments, Type};

use crate::model::{Field, Presence, TypedDict};

/// The output variant's declaration (expanded by `#[typed_dict]` in turn), the
/// conversion from it, and the `Output` impl; or the identity `Output` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let Some(output) = &model.output else {
        return itself(ident);
    };
    let conversions = model.fields.iter().map(|field| {
        let Field {
            cfgs,
            ident,
            value_ty,
            ..
        } = field;
        let convert = quote!(<#value_ty as __td::Output>::into_input);
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
        impl __td::Output for #ident {
            type Output = #output;
            #[inline]
            fn into_input(output: #output) -> #ident {
                #ident::from(output)
            }
        }
    }
}

/// `Output` for a type that is its own output counterpart.
pub fn itself(ident: &syn::Ident) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl __td::Output for #ident {
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
    let doc = format!(
        " The output variant of [`{ident}`]: the same keys, with `List` for every `Sequence` and output variants for nested typed dicts. Converts into [`{ident}`] with `From`."
    );
    let closed = model.closed.then(|| quote!(closed));
    let fields = model.fields.iter().map(|field| {
        let Field {
            attrs,
            vis,
            ident,
            key,
            value_ty,
            ..
        } = field;
        let value = output_type(value_ty);
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
        #[::typed_dict::typed_dict(#closed)]
        #vis struct #output {
            #(#fields)*
            #extra
        }
    }
}

/// The output counterpart of a value type, spelled out for the wrappers the framework
/// knows (so docs read `List<String>`) and left to the `Output` trait for the rest.
fn output_type(ty: &Type) -> TokenStream {
    let Type::Path(path) = ty else {
        return quote!(<#ty as ::typed_dict::__private::Output>::Output);
    };
    let last = path.path.segments.last();
    let name = last
        .map(|segment| segment.ident.to_string())
        .unwrap_or_default();
    let args: Vec<&Type> = match last.map(|segment| &segment.arguments) {
        Some(PathArguments::AngleBracketed(args)) => args
            .args
            .iter()
            .filter_map(|arg| match arg {
                GenericArgument::Type(ty) => Some(ty),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    match (name.as_str(), args.as_slice()) {
        ("String" | "i64" | "f64" | "bool" | "Timestamp" | "Blob", []) if path.qself.is_none() => {
            quote!(#ty)
        }
        ("Sequence" | "List" | "Vec", [item]) => {
            let item = output_type(item);
            quote!(::typed_dict::List<#item>)
        }
        ("Dict", [key, value]) => {
            let value = output_type(value);
            quote!(::typed_dict::Dict<#key, #value>)
        }
        _ => quote!(<#ty as ::typed_dict::__private::Output>::Output),
    }
}
