//! `Deserialize` for a typed dict: the strict contract in serde (missing and duplicate
//! keys, `null`, closed dicts), with wire mode read from the decode in progress.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::{Field, Presence, TypedDict};

/// The `Deserialize` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let expecting = format!("an object ({name})");
    let slots: Vec<_> = (0..model.fields.len())
        .map(|i| format_ident!("__v{}", i))
        .collect();
    let declarations = model.fields.iter().zip(&slots).map(|(field, slot)| {
        let Field { cfgs, ty, .. } = field;
        quote!(#(#cfgs)* let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;)
    });
    let arms = model.fields.iter().zip(&slots).map(|(field, slot)| {
        let Field { cfgs, key, .. } = field;
        let function = if field.is_option() {
            "next_nullable"
        } else {
            "next_value"
        };
        let read = super::field_fn(field, function);
        quote! {
            #(#cfgs)*
            #key => {
                if #slot.is_some() {
                    return ::core::result::Result::Err(__td::duplicate_key(#key));
                }
                #slot = ::core::option::Option::Some(#read(&mut map)?);
            }
        }
    });
    let unknown_arm = match (&model.extra, model.closed) {
        (Some(_), _) => quote! {
            _ => {
                let value = __td::serde::de::MapAccess::next_value::<__td::JsonValue>(&mut map)?;
                if extra.insert(key.into_owned(), value).is_some() {
                    return ::core::result::Result::Err(__td::duplicate_extra_key());
                }
            }
        },
        (None, closed) => quote! {
            _ => __td::skip_unknown(&mut map, &key, #name, #closed)?,
        },
    };
    let extra_declaration = model.extra.as_ref().map(|extra| {
        let cfgs = &extra.cfgs;
        quote!(#(#cfgs)* let mut extra = __td::Dict::<::std::string::String, __td::JsonValue>::new();)
    });
    let extra_init = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote!(#(#cfgs)* #ident: extra,)
    });
    let finals = model.fields.iter().zip(&slots).map(|(field, slot)| {
        let Field { cfgs, key, .. } = field;
        let value = match field.presence {
            Presence::Required => quote! {
                match #slot {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(__td::missing_key(#key))
                    }
                }
            },
            Presence::NotRequired => quote!(#slot.flatten()),
            Presence::WireOptional => quote! {
                match #slot {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None if __td::wire_optional_may_be_absent() => {
                        ::core::option::Option::None
                    }
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(__td::missing_key(#key))
                    }
                }
            },
        };
        quote!(#(#cfgs)* let #slot = #value;)
    });
    let inits = model.fields.iter().zip(&slots).map(|(field, slot)| {
        let Field { cfgs, ident, .. } = field;
        quote!(#(#cfgs)* #ident: #slot,)
    });
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
                        #(#declarations)*
                        #extra_declaration
                        while let ::core::option::Option::Some(key) =
                            __td::serde::de::MapAccess::next_key_seed(&mut map, __td::KeySeed)?
                        {
                            match &*key {
                                #(#arms)*
                                #unknown_arm
                            }
                        }
                        #(#finals)*
                        ::core::result::Result::Ok(#ident { #(#inits)* #extra_init })
                    }
                }
                __td::serde::Deserializer::deserialize_map(deserializer, #visitor_new)
            }
        }
    }
}
