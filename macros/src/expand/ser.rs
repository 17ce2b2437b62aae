//! `Serialize` for a typed dict: keys in declaration order, absent `None`s, floats
//! checked, undeclared keys from the extra-items field after the declared ones.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, TypedDict};

/// The `Serialize` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let required_count = model
        .fields
        .iter()
        .filter(|field| !field.is_option() && field.cfgs.is_empty())
        .count();
    let counts = model.fields.iter().filter_map(|field| {
        let Field { cfgs, ident, .. } = field;
        match (field.is_option(), cfgs.is_empty()) {
            (false, true) => None,
            (false, false) => Some(quote!(#(#cfgs)* { len += 1; })),
            (true, _) => Some(quote!(#(#cfgs)* { len += self.#ident.is_some() as usize; })),
        }
    });
    let entries = model.fields.iter().map(|field| {
        let Field {
            cfgs, ident, key, ..
        } = field;
        // Only values that may hold a float go through the check.
        let function = if field.value.may_hold_float() {
            "serialize_checked_entry"
        } else {
            "serialize_entry"
        };
        let write = super::field_fn(field, function);
        if field.is_option() {
            quote! {
                #(#cfgs)*
                {
                    if let ::core::option::Option::Some(value) = &self.#ident {
                        #write(&mut map, #key, value)?;
                    }
                }
            }
        } else {
            quote! {
                #(#cfgs)*
                {
                    #write(&mut map, #key, &self.#ident)?;
                }
            }
        }
    });
    let extra_len = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote!(#(#cfgs)* { len += self.#ident.len(); })
    });
    let extra_entries = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote! {
            #(#cfgs)*
            {
                for (key, value) in self.#ident.iter() {
                    // A declared key written again would be a duplicate, or would decode
                    // into the field: encoding refuses it rather than lie.
                    __td::check_extra_key::<Self, __S::Error>(key)?;
                    __td::serde::ser::SerializeMap::serialize_entry(&mut map, key, value)?;
                }
            }
        }
    });
    let generics = super::bounded(&model.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics __td::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: __td::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                #[allow(unused_mut)]
                let mut len: usize = #required_count;
                #(#counts)*
                #extra_len
                let mut map = __td::serde::Serializer::serialize_map(
                    serializer,
                    ::core::option::Option::Some(len),
                )?;
                #(#entries)*
                #extra_entries
                __td::serde::ser::SerializeMap::end(map)
            }
        }
    }
}
