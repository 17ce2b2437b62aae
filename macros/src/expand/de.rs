//! `Deserialize` for a typed dict: one call to the runtime's typed dict reader, which
//! reads its keys (and its bases') through `Keys` (see `keys`); and `Keys::read_unknown`'s
//! body, the keys it does not declare kept, skipped or refused (closed dicts), with wire
//! mode read from the decode in progress.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::TypedDict;

/// The `Deserialize` impl: the runtime's one typed dict reader over this type's `Keys`.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let generics = super::bounded(&model.generics);
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    let mut with_de = generics.clone();
    with_de.params.insert(0, syn::parse_quote!('de));
    let (de_impl_generics, _, _) = with_de.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #de_impl_generics __td::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
            #[inline]
            fn deserialize<__D: __td::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                __td::deserialize_typed_dict(deserializer)
            }
        }
    }
}

/// `Keys::read_unknown`'s body: a key the typed dict does not declare kept in its
/// extra-items field, or skipped or refused (closed dicts), with wire mode read from the
/// decode in progress.
pub fn read_unknown(model: &TypedDict) -> TokenStream {
    let name = model.ident.to_string();
    match (&model.extra, model.closed) {
        (Some(_), _) => {
            let slot = super::keys::extra_slot();
            quote! {
                let value = __td::serde::de::MapAccess::next_value::<__td::JsonValue>(map)?;
                if slots.#slot.insert(::core::mem::take(key).into_owned(), value).is_some() {
                    return ::core::result::Result::Err(__td::duplicate_extra_key());
                }
                ::core::result::Result::Ok(())
            }
        }
        (None, closed) => quote! {
            let _ = &slots;
            __td::skip_unknown(map, key, #name, #closed)
        },
    }
}
