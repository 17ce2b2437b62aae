//! `Serialize` for a typed dict: its keys (see `keys`: the bases' first, then its own in
//! declaration order, absent `None`s left out, floats checked), then the undeclared keys
//! of the extra-items field.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::TypedDict;

/// The `Serialize` impl: the keys written by `Keys::write_keys` (the bases' first), then
/// the extra-items field's.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
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
                let mut len: usize = __td::Keys::key_count(self);
                #extra_len
                let mut map = __td::serde::Serializer::serialize_map(
                    serializer,
                    ::core::option::Option::Some(len),
                )?;
                __td::Keys::write_keys(self, &mut map)?;
                #extra_entries
                __td::serde::ser::SerializeMap::end(map)
            }
        }
    }
}
