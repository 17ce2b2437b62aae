//! `__private::Keys` for a typed dict: its keys read one entry at a time into slots, and
//! written into a map someone else opened. Its own `Deserialize` and `Serialize` are built
//! on it (`de`, `ser`), and so are those of a typed dict that flattens it: a base's keys
//! join the outer object without buffering.
//!
//! The contract per key (missing and duplicate keys, `null`, wire mode) is here, once.
//!
//! `slots`, `read_key`, `read_unknown` and `finish` are `#[inline(always)]`: they are the
//! body of the runtime's one typed dict reader (`flatten::deserialize_into`), and with
//! plain `#[inline]` LLVM kept them apart often enough to cost decoding 1-2% more
//! instructions than the loop it replaced (callgrind, workloads 1 and 2).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use crate::model::{Field, Presence, TypedDict};

/// The slot of field `index` (a key's value read so far, or a base's slots).
pub fn slot(index: usize) -> syn::Ident {
    format_ident!("__v{}", index)
}

/// The slot of the extra-items field, filled by the typed dict's own `Deserialize`.
pub fn extra_slot() -> syn::Ident {
    format_ident!("__extra")
}

/// The slots struct and the `Keys` impl.
pub fn expand(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let generics = super::bounded(&model.generics);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let fields = fields(model);
    let slots = slots_struct(model, &generics);
    let has_extra = model.extra.is_some();
    let empty = empty_slots(model);
    let read_key = read_key(model);
    let read_unknown = super::de::read_unknown(model);
    let finish = finish(model);
    let key_count = key_count(model);
    let write_keys = write_keys(model);
    quote! {
        #slots
        #[automatically_derived]
        impl #impl_generics __td::Keys for #ident #ty_generics #where_clause {
            const FIELDS: &'static [__td::FieldSchema] = #fields;
            const NAME: &'static str = #name;
            const HAS_EXTRA: bool = #has_extra;
            type Slots = __Slots #ty_generics;
            #[inline(always)]
            fn slots() -> Self::Slots {
                #empty
            }
            #[inline(always)]
            fn read_key<'de, __A: __td::serde::de::MapAccess<'de>>(
                slots: &mut Self::Slots,
                key: &str,
                map: &mut __A,
            ) -> ::core::result::Result<bool, __A::Error> {
                #read_key
            }
            #[inline(always)]
            fn read_unknown<'de, __A: __td::serde::de::MapAccess<'de>>(
                slots: &mut Self::Slots,
                key: &mut __td::Cow<'de, str>,
                map: &mut __A,
            ) -> ::core::result::Result<(), __A::Error> {
                #read_unknown
            }
            #[inline(always)]
            fn finish<__E: __td::serde::de::Error>(
                slots: Self::Slots,
            ) -> ::core::result::Result<Self, __E> {
                #finish
            }
            #[inline]
            fn key_count(&self) -> usize {
                #key_count
            }
            #[inline]
            fn write_keys<__M: __td::serde::ser::SerializeMap>(
                &self,
                map: &mut __M,
            ) -> ::core::result::Result<(), __M::Error> {
                #write_keys
            }
        }
    }
}

/// `Keys::FIELDS`: the keys' schemas; with bases, their fields joined to these at compile
/// time (which refuses a key declared twice), and a base with an `extra` field refused.
fn fields(model: &TypedDict) -> TokenStream {
    let owner = crate::case::unraw(&model.ident.to_string()).to_owned();
    let own = model.keys().map(|field| field_schema(&owner, field));
    let own = quote!(&[#(#own)*]);
    if model.bases().next().is_none() {
        return own;
    }
    let name = model.ident.to_string();
    let bases: Vec<TokenStream> = model
        .bases()
        .map(|base| {
            let (cfgs, ty) = (&base.cfgs, base.value_ty());
            let span = syn::spanned::Spanned::span(ty);
            let keys = quote_spanned!(span=> <#ty as __td::Keys>);
            quote! {
                #(#cfgs)*
                {
                    ::core::assert!(
                        !#keys::HAS_EXTRA,
                        "a typed dict with an `extra` field cannot be flattened: the keys no one declares belong to the typed dict that flattens it",
                    );
                    (#keys::NAME, #keys::FIELDS)
                }
            }
        })
        .collect();
    // The parts are listed twice (their total length is the array's, a const argument):
    // each a `const`, so evaluated once.
    quote! {
        {
            const __OWN: &[__td::FieldSchema] = #own;
            const __PARTS: &[(&str, &[__td::FieldSchema])] = &[#(#bases,)* (#name, __OWN)];
            &__td::concat_fields::<{ __td::fields_len(__PARTS) }>(#name, __PARTS)
        }
    }
}

/// One key's `FieldSchema` in `owner`, the typed dict.
fn field_schema(owner: &str, field: &Field) -> TokenStream {
    let Field {
        cfgs, ident, key, ..
    } = field;
    let rust_name = ident.to_string();
    let rust_name = crate::case::unraw(&rust_name);
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
    let schema = quote!(__td::field_schema(#rust_name, #key, #required, #wire_optional, #value));
    let schema = super::constraint::expand(owner, schema, &field.constraints);
    quote! {
        #(#cfgs)*
        #schema,
    }
}

/// `__Slots`: an `Option` per key (`None` until read), a base's own slots, and the
/// extra-items field's dict.
fn slots_struct(model: &TypedDict, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, _, where_clause) = generics.split_for_impl();
    let members = model.fields.iter().enumerate().map(|(index, field)| {
        let (cfgs, slot) = (&field.cfgs, slot(index));
        let ty = &field.ty;
        if field.is_key() {
            quote!(#(#cfgs)* #slot: ::core::option::Option<#ty>,)
        } else {
            quote!(#(#cfgs)* #slot: <#ty as __td::Keys>::Slots,)
        }
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (cfgs, slot) = (&extra.cfgs, extra_slot());
        quote!(#(#cfgs)* #slot: __td::Dict<::std::string::String, __td::JsonValue>,)
    });
    // The parameters may appear in no slot's type (a key of `Sequence<T>` does): a marker
    // uses them, covariant and `Send`/`Sync` whatever they are.
    let marker = (!model.generics.params.is_empty()).then(|| {
        let ident = &model.ident;
        let (_, ty_generics, _) = model.generics.split_for_impl();
        quote!(__marker: ::core::marker::PhantomData<fn() -> #ident #ty_generics>,)
    });
    quote! {
        #[doc(hidden)]
        pub struct __Slots #impl_generics #where_clause {
            #(#members)*
            #extra
            #marker
        }
    }
}

fn empty_slots(model: &TypedDict) -> TokenStream {
    let members = model.fields.iter().enumerate().map(|(index, field)| {
        let (cfgs, slot) = (&field.cfgs, slot(index));
        if field.is_key() {
            quote!(#(#cfgs)* #slot: ::core::option::Option::None,)
        } else {
            let ty = field.value_ty();
            quote!(#(#cfgs)* #slot: <#ty as __td::Keys>::slots(),)
        }
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (cfgs, slot) = (&extra.cfgs, extra_slot());
        quote!(#(#cfgs)* #slot: __td::Dict::new(),)
    });
    let marker =
        (!model.generics.params.is_empty()).then(|| quote!(__marker: ::core::marker::PhantomData,));
    quote!(__Slots { #(#members)* #extra #marker })
}

/// The own keys' arms, then each base asked in turn.
fn read_key(model: &TypedDict) -> TokenStream {
    let arms = model
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| field.is_key())
        .map(|(index, field)| {
            let (cfgs, key, slot) = (&field.cfgs, &field.key, slot(index));
            let function = if field.is_option() {
                "next_nullable"
            } else {
                "next_value"
            };
            let read = super::field_fn(field, function);
            quote! {
                #(#cfgs)*
                #key => {
                    if slots.#slot.is_some() {
                        return ::core::result::Result::Err(__td::duplicate_key(#key));
                    }
                    #read(map, &mut slots.#slot)?;
                    ::core::result::Result::Ok(true)
                }
            }
        });
    let bases = model
        .fields
        .iter()
        .enumerate()
        .filter(|(_, field)| !field.is_key())
        .map(|(index, field)| {
            let (cfgs, slot, ty) = (&field.cfgs, slot(index), field.value_ty());
            quote! {
                #(#cfgs)*
                if <#ty as __td::Keys>::read_key(&mut slots.#slot, key, map)? {
                    return ::core::result::Result::Ok(true);
                }
            }
        });
    quote! {
        let _ = (&slots, &map);
        match key {
            #(#arms)*
            _ => {
                #(#bases)*
                ::core::result::Result::Ok(false)
            }
        }
    }
}

fn finish(model: &TypedDict) -> TokenStream {
    let values = model.fields.iter().enumerate().map(|(index, field)| {
        let (cfgs, key, slot) = (&field.cfgs, &field.key, slot(index));
        let value = match field.presence {
            _ if !field.is_key() => {
                let ty = field.value_ty();
                quote!(<#ty as __td::Keys>::finish::<__E>(slots.#slot)?)
            }
            Presence::Required => quote! {
                match slots.#slot {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(__td::missing_key(#key))
                    }
                }
            },
            Presence::NotRequired => quote!(slots.#slot.flatten()),
            Presence::WireOptional => quote! {
                match slots.#slot {
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
        let ident = &field.ident;
        quote!(#(#cfgs)* #ident: #value,)
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (cfgs, ident, slot) = (&extra.cfgs, &extra.ident, extra_slot());
        quote!(#(#cfgs)* #ident: slots.#slot,)
    });
    let ident = &model.ident;
    quote! {
        let _ = &slots;
        ::core::result::Result::Ok(#ident { #(#values)* #extra })
    }
}

fn key_count(model: &TypedDict) -> TokenStream {
    let required_count = model
        .keys()
        .filter(|field| !field.is_option() && field.cfgs.is_empty())
        .count();
    let counts = model.fields.iter().filter_map(|field| {
        let Field { cfgs, ident, .. } = field;
        if !field.is_key() {
            let ty = field.value_ty();
            return Some(
                quote!(#(#cfgs)* { len += <#ty as __td::Keys>::key_count(&self.#ident); }),
            );
        }
        match (field.is_option(), cfgs.is_empty()) {
            (false, true) => None,
            (false, false) => Some(quote!(#(#cfgs)* { len += 1; })),
            (true, _) => Some(quote!(#(#cfgs)* { len += self.#ident.is_some() as usize; })),
        }
    });
    quote! {
        #[allow(unused_mut)]
        let mut len: usize = #required_count;
        #(#counts)*
        len
    }
}

/// The bases' keys first, wherever their fields are written, then the own keys in order.
fn write_keys(model: &TypedDict) -> TokenStream {
    let bases = model.bases().map(|field| {
        let Field { cfgs, ident, .. } = field;
        let ty = field.value_ty();
        quote!(#(#cfgs)* <#ty as __td::Keys>::write_keys(&self.#ident, map)?;)
    });
    let entries = model.keys().map(|field| {
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
                        #write(map, #key, value)?;
                    }
                }
            }
        } else {
            quote! {
                #(#cfgs)*
                {
                    #write(map, #key, &self.#ident)?;
                }
            }
        }
    });
    quote! {
        let _ = &map;
        #(#bases)*
        #(#entries)*
        ::core::result::Result::Ok(())
    }
}
