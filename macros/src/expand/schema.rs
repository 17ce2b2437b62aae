//! The static schema: `TypedDict` and `TypedValue` for a typed dict.

use proc_macro2::TokenStream;
use quote::quote;

use crate::case::unraw;
use crate::model::TypedDict;

/// `TypedDict::schema` and `TypedValue::TYPE`.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let closed = model.closed;
    let extra_items = match &model.extra {
        Some(extra) => {
            let name = unraw(&extra.ident.to_string()).to_owned();
            quote!(::core::option::Option::Some(#name))
        }
        None => quote!(::core::option::Option::None),
    };
    let generics = super::bounded(&model.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let schema = if model.generics.type_params().next().is_none() {
        quote! {
            static SCHEMA: __td::TypedDictSchema = __td::typed_dict_schema(
                #name,
                <#ident as __td::Keys>::FIELDS,
                #closed,
                #extra_items,
            );
            &SCHEMA
        }
    } else {
        // One schema per instantiation, named as Python writes it (`Page[Tag]`); the
        // fields are an associated `const`, `'static` though they depend on `T`.
        let params = model.generics.type_params().map(|param| {
            let param = &param.ident;
            if model.is_output {
                quote!(&<<#param as __td::HasOutput>::Output as __td::TypedValue>::TYPE)
            } else {
                quote!(&<#param as __td::TypedValue>::TYPE)
            }
        });
        quote! {
            __td::generic_schema::<Self>(|| {
                __td::typed_dict_schema(
                    __td::generic_name(#name, &[#(#params),*]),
                    <Self as __td::Keys>::FIELDS,
                    #closed,
                    #extra_items,
                )
            })
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics __td::TypedDict for #ident #ty_generics #where_clause {
            #[inline]
            fn schema() -> &'static __td::TypedDictSchema {
                #schema
            }
        }
        #[automatically_derived]
        impl #impl_generics __td::TypedValue for #ident #ty_generics #where_clause {
            const TYPE: __td::ValueType =
                __td::ValueType::TypedDict(<#ident #ty_generics as __td::TypedDict>::schema);
            #[inline]
            fn deserialize_into<'de, __D: __td::serde::Deserializer<'de>>(
                deserializer: __D,
                slot: &mut ::core::option::Option<Self>,
            ) -> ::core::result::Result<(), __D::Error> {
                __td::deserialize_typed_dict_into(deserializer, slot)
            }
        }
    }
}
