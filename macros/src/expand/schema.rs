//! The static schema: `TypedDict` and `TypedValue` for a typed dict.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use crate::case::unraw;
use crate::model::{Field, Presence, TypedDict};

/// `TypedDict::schema` and `TypedValue::TYPE`.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let closed = model.closed;
    let fields = model.fields.iter().map(|field| {
        let Field {
            cfgs, ident, key, ..
        } = field;
        let rust_name = ident.to_string();
        let rust_name = unraw(&rust_name);
        let required = field.is_required();
        let wire_optional = field.presence == Presence::WireOptional;
        let value_ty = field.value_ty();
        // The span puts an unsupported type's trait error on the field's type.
        let span = syn::spanned::Spanned::span(value_ty);
        let value = match &field.how {
            Some(how) => {
                let marker = &how.marker;
                quote_spanned!(span=> &<#value_ty as __td::Value<__td::As<#marker>>>::TYPE)
            }
            None => quote_spanned!(span=> &<#value_ty as __td::Value>::TYPE),
        };
        quote! {
            #(#cfgs)*
            __td::field_schema(#rust_name, #key, #required, #wire_optional, #value),
        }
    });
    let extra_items = match &model.extra {
        Some(extra) => {
            let name = unraw(&extra.ident.to_string()).to_owned();
            quote!(::core::option::Option::Some(#name))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #[automatically_derived]
        impl __td::TypedDict for #ident {
            fn schema() -> &'static __td::TypedDictSchema {
                static SCHEMA: __td::TypedDictSchema = __td::typed_dict_schema(
                    #name,
                    &[#(#fields)*],
                    #closed,
                    #extra_items,
                );
                &SCHEMA
            }
        }
        #[automatically_derived]
        impl __td::TypedValue for #ident {
            const TYPE: __td::ValueType =
                __td::ValueType::TypedDict(<#ident as __td::TypedDict>::schema);
        }
    }
}
