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
        let constraints = super::constraint::expand(&field.constraints);
        quote! {
            #(#cfgs)*
            __td::field_schema(#rust_name, #key, #required, #wire_optional, #value)#constraints,
        }
    });
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
                &[#(#fields)*],
                #closed,
                #extra_items,
            );
            &SCHEMA
        }
    } else {
        // One schema per instantiation, named as Python writes it (`Page[Tag]`); the
        // fields are a `const` block, promoted to `'static` though they depend on `T`.
        let params = model.generics.type_params().map(|param| {
            let param = &param.ident;
            quote!(&<#param as __td::TypedValue>::TYPE)
        });
        quote! {
            __td::generic_schema::<Self>(|| {
                __td::typed_dict_schema(
                    __td::generic_name(#name, &[#(#params),*]),
                    const { &[#(#fields)*] },
                    #closed,
                    #extra_items,
                )
            })
        }
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics __td::TypedDict for #ident #ty_generics #where_clause {
            fn schema() -> &'static __td::TypedDictSchema {
                #schema
            }
        }
        #[automatically_derived]
        impl #impl_generics __td::TypedValue for #ident #ty_generics #where_clause {
            const TYPE: __td::ValueType =
                __td::ValueType::TypedDict(<#ident #ty_generics as __td::TypedDict>::schema);
        }
    }
}
