//! `Deserialize` for a typed dict: its keys (and its bases') read through `Keys` (see
//! `keys`), the keys it does not declare kept, skipped or refused (closed dicts), with
//! wire mode read from the decode in progress.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::TypedDict;

/// The `Deserialize` impl: each key offered to `Keys::read_key` (the typed dict's own
/// keys, then its bases'), the rest to the extra-items field or the unknown-key rule.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let expecting = format!("an object ({name})");
    let unknown = match (&model.extra, model.closed) {
        (Some(_), _) => {
            let slot = super::keys::extra_slot();
            quote! {
                let value = __td::serde::de::MapAccess::next_value::<__td::JsonValue>(&mut map)?;
                if slots.#slot.insert(::core::mem::take(&mut key).into_owned(), value).is_some() {
                    return ::core::result::Result::Err(__td::duplicate_extra_key());
                }
            }
        }
        (None, closed) => quote! {
            __td::skip_unknown(&mut map, &key, #name, #closed)?;
        },
    };
    let generics = super::bounded(&model.generics);
    let (_, ty_generics, where_clause) = generics.split_for_impl();
    let mut with_de = generics.clone();
    with_de.params.insert(0, syn::parse_quote!('de));
    let (de_impl_generics, _, _) = with_de.split_for_impl();
    let (impl_generics, _, _) = generics.split_for_impl();
    // The visitor names the type, so it takes its parameters (unused otherwise: a
    // `PhantomData` of a function returning the type, which keeps it covariant and
    // `Send`/`Sync` whatever the parameters are).
    let (visitor, visitor_new) = if model.generics.params.is_empty() {
        (
            quote!(
                struct __Visitor;
            ),
            quote!(__Visitor),
        )
    } else {
        (
            quote! {
                struct __Visitor #impl_generics (
                    ::core::marker::PhantomData<fn() -> #ident #ty_generics>
                ) #where_clause;
            },
            quote!(__Visitor(::core::marker::PhantomData)),
        )
    };
    quote! {
        #[automatically_derived]
        impl #de_impl_generics __td::serde::Deserialize<'de> for #ident #ty_generics #where_clause {
            fn deserialize<__D: __td::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                #visitor
                impl #de_impl_generics __td::serde::de::Visitor<'de> for __Visitor #ty_generics #where_clause {
                    type Value = #ident #ty_generics;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A: __td::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::core::result::Result<#ident #ty_generics, __A::Error> {
                        let mut slots = <#ident #ty_generics as __td::Keys>::slots();
                        let mut key = __td::Cow::Borrowed("");
                        while let ::core::option::Option::Some(()) =
                            __td::serde::de::MapAccess::next_key_seed(&mut map, __td::KeySeed(&mut key))?
                        {
                            if !<#ident #ty_generics as __td::Keys>::read_key(&mut slots, &key, &mut map)? {
                                #unknown
                            }
                        }
                        <#ident #ty_generics as __td::Keys>::finish(slots)
                    }
                }
                __td::serde::Deserializer::deserialize_map(deserializer, #visitor_new)
            }
        }
    }
}
