//! Code for a typed dict struct: the struct, its Required-keys companion and
//! constructor, setters, the static schema, and serde impls that enforce the contract.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use crate::model::{self, Field, Presence, TypedDict};

use super::{docs, output};

/// Everything generated for one typed dict.
pub fn expand(model: &TypedDict) -> TokenStream {
    let item = item(model);
    let required = required_companion(model);
    let constructors = constructors(model);
    let schema = schema(model);
    let serialize = serialize(model);
    let deserialize = deserialize(model);
    let output_declaration = output::declaration(model);
    let output = output::expand(model);
    quote! {
        #item
        #required
        #output_declaration
        #[doc(hidden)]
        // Deprecating a key is the user's business; the generated code must still read it.
        #[allow(deprecated)]
        const _: () = {
            use ::typed_dict::__private as __td;
            #constructors
            #schema
            #serialize
            #deserialize
            #output
        };
    }
}

fn item(model: &TypedDict) -> TokenStream {
    let TypedDict {
        attrs, vis, ident, ..
    } = model;
    let docs = docs::typed_dict_keys(model);
    let fields = model.fields.iter().map(|field| {
        let Field {
            attrs,
            vis,
            ident,
            ty,
            ..
        } = field;
        let doc = docs::field_doc(field);
        quote!(#(#attrs)* #doc #vis #ident: #ty,)
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (attrs, vis, ident, ty) = (&extra.attrs, &extra.vis, &extra.ident, &extra.ty);
        let doc = (!docs::has_doc(attrs))
            .then(|| quote!(#[doc = " The keys this shape does not declare, kept as they came."]));
        quote!(#(#attrs)* #doc #vis #ident: #ty,)
    });
    quote! {
        #(#attrs)*
        #docs
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #vis struct #ident {
            #(#fields)*
            #extra
        }
    }
}

fn required_fields(model: &TypedDict) -> impl Iterator<Item = &Field> {
    model.fields.iter().filter(|field| field.is_required())
}

fn companion_ident(model: &TypedDict) -> syn::Ident {
    format_ident!("{}Required", model.ident)
}

/// `XRequired { .. }`: a struct literal of the Required keys. Leaving one out is rustc's
/// own "missing field `repository_name`" error, which names the key and costs nothing to
/// compile (a typestate builder costs 10-20× more).
fn required_companion(model: &TypedDict) -> TokenStream {
    if required_fields(model).next().is_none() {
        return TokenStream::new();
    }
    let vis = &model.vis;
    let ident = &model.ident;
    let companion = companion_ident(model);
    let doc = format!(
        "The Required keys of [`{ident}`]: build one with a struct literal and pass it to [`{ident}::new`]."
    );
    let fields = required_fields(model).map(|field| {
        let Field {
            cfgs,
            ident,
            value_ty,
            key,
            ..
        } = field;
        let doc = format!("Key `{key}`.");
        quote!(#(#cfgs)* #[doc = #doc] pub #ident: #value_ty,)
    });
    quote! {
        #[doc = #doc]
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
        #vis struct #companion {
            #(#fields)*
        }
    }
}

fn constructors(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let inits = model.fields.iter().map(|field| {
        let Field { cfgs, ident, .. } = field;
        match field.presence {
            Presence::Required => quote!(#(#cfgs)* #ident: required.#ident,),
            Presence::WireOptional => {
                quote!(#(#cfgs)* #ident: ::core::option::Option::Some(required.#ident),)
            }
            Presence::NotRequired => quote!(#(#cfgs)* #ident: ::core::option::Option::None,),
        }
    });
    let extra_init = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote!(#(#cfgs)* #ident: ::core::default::Default::default(),)
    });
    let setters = model
        .fields
        .iter()
        .filter(|field| field.presence == Presence::NotRequired)
        .map(|field| {
            let Field {
                cfgs,
                ident,
                value_ty,
                key,
                ..
            } = field;
            let doc = format!("Sets the NotRequired key `{key}`.");
            quote! {
                #(#cfgs)*
                #[doc = #doc]
                #[must_use]
                pub fn #ident(mut self, value: impl ::core::convert::Into<#value_ty>) -> Self {
                    self.#ident = ::core::option::Option::Some(value.into());
                    self
                }
            }
        });
    let new = if required_fields(model).next().is_some() {
        let companion = companion_ident(model);
        let doc =
            format!("A `{ident}` with its Required keys set and every NotRequired key absent.");
        quote! {
            #[doc = #doc]
            pub fn new(required: #companion) -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    } else {
        let doc = format!("A `{ident}` with every key absent.");
        quote! {
            #[doc = #doc]
            pub fn new() -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    };
    let default = match required_fields(model).next() {
        None => quote! {
            #[automatically_derived]
            impl ::core::default::Default for #ident {
                fn default() -> Self { #ident::new() }
            }
        },
        Some(_) => {
            let companion = companion_ident(model);
            quote! {
                #[automatically_derived]
                impl ::core::convert::From<#companion> for #ident {
                    fn from(required: #companion) -> Self { #ident::new(required) }
                }
            }
        }
    };
    quote! {
        #[automatically_derived]
        impl #ident {
            #new
            #(#setters)*
        }
        #default
    }
}

fn schema(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let name = ident.to_string();
    let closed = model.closed;
    let fields = model.fields.iter().map(|field| {
        let Field {
            cfgs,
            ident,
            key,
            value_ty,
            ..
        } = field;
        let rust_name = ident.to_string();
        let rust_name = rust_name.strip_prefix("r#").unwrap_or(&rust_name);
        let required = field.is_required();
        let wire_optional = field.presence == Presence::WireOptional;
        // The span puts an unsupported type's trait error on the field's type.
        let value = quote_spanned!(value_ty_span(value_ty)=> &<#value_ty as __td::Value>::TYPE);
        quote! {
            #(#cfgs)*
            __td::FieldSchema {
                rust_name: #rust_name,
                key: #key,
                required: #required,
                wire_optional: #wire_optional,
                value: #value,
            },
        }
    });
    let extra_items = match &model.extra {
        Some(extra) => {
            let name = extra.ident.to_string();
            quote!(::core::option::Option::Some(#name))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #[automatically_derived]
        impl __td::TypedDict for #ident {
            fn schema() -> &'static __td::TypedDictSchema {
                static SCHEMA: __td::TypedDictSchema = __td::TypedDictSchema {
                    name: #name,
                    fields: &[#(#fields)*],
                    closed: #closed,
                    extra_items: #extra_items,
                };
                &SCHEMA
            }
        }
        #[automatically_derived]
        impl __td::Value for #ident {
            const TYPE: __td::ValueType =
                __td::ValueType::TypedDict(<#ident as __td::TypedDict>::schema);
        }
    }
}

fn value_ty_span(ty: &syn::Type) -> proc_macro2::Span {
    syn::spanned::Spanned::span(ty)
}

fn serialize(model: &TypedDict) -> TokenStream {
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
            cfgs,
            ident,
            key,
            value_ty,
            ..
        } = field;
        // Only values that may hold a float go through the check; the rest serialize as
        // they are.
        let value = if model::may_hold_float(value_ty) {
            quote!(&__td::Encoded(value))
        } else {
            quote!(value)
        };
        if field.is_option() {
            quote! {
                #(#cfgs)*
                {
                    if let ::core::option::Option::Some(value) = &self.#ident {
                        map.serialize_entry(#key, #value)?;
                    }
                }
            }
        } else {
            quote! {
                #(#cfgs)*
                {
                    let value = &self.#ident;
                    map.serialize_entry(#key, #value)?;
                }
            }
        }
    });
    let extra = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote! {
            #(#cfgs)*
            {
                len += self.#ident.len();
            }
        }
    });
    let extra_entries = model.extra.as_ref().map(|extra| {
        let (cfgs, ident) = (&extra.cfgs, &extra.ident);
        quote! {
            #(#cfgs)*
            {
                for (key, value) in self.#ident.iter() {
                    map.serialize_entry(key, value)?;
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl __td::serde::Serialize for #ident {
            fn serialize<__S: __td::serde::Serializer>(
                &self,
                serializer: __S,
            ) -> ::core::result::Result<__S::Ok, __S::Error> {
                use __td::serde::ser::SerializeMap as _;
                #[allow(unused_mut)]
                let mut len: usize = #required_count;
                #(#counts)*
                #extra
                let mut map = serializer.serialize_map(::core::option::Option::Some(len))?;
                #(#entries)*
                #extra_entries
                map.end()
            }
        }
    }
}

fn deserialize(model: &TypedDict) -> TokenStream {
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
        let Field {
            cfgs,
            key,
            value_ty,
            ..
        } = field;
        let read = if field.is_option() {
            quote!(map.next_value_seed(__td::Nullable::<#value_ty>::new())?)
        } else {
            quote!(map.next_value::<#value_ty>()?)
        };
        quote! {
            #(#cfgs)*
            #key => {
                if #slot.is_some() {
                    return ::core::result::Result::Err(__td::duplicate_key(#key));
                }
                #slot = ::core::option::Option::Some(#read);
            }
        }
    });
    let unknown_arm = match (&model.extra, model.closed) {
        (Some(_), _) => quote! {
            _ => {
                let value = map.next_value::<__td::JsonValue>()?;
                if extra.insert(key.into_owned(), value).is_some() {
                    return ::core::result::Result::Err(__td::duplicate_extra_key());
                }
            }
        },
        (None, true) => quote! {
            _ => return ::core::result::Result::Err(__td::unknown_key(&key, #name)),
        },
        (None, false) => quote! {
            _ => __td::skip_unknown(&mut map, &key, #name)?,
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
                    ::core::option::Option::None if __td::is_wire() => ::core::option::Option::None,
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
    quote! {
        #[automatically_derived]
        impl<'de> __td::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: __td::serde::Deserializer<'de>>(
                deserializer: __D,
            ) -> ::core::result::Result<Self, __D::Error> {
                struct __Visitor;
                impl<'de> __td::serde::de::Visitor<'de> for __Visitor {
                    type Value = #ident;
                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<__A: __td::serde::de::MapAccess<'de>>(
                        self,
                        mut map: __A,
                    ) -> ::core::result::Result<#ident, __A::Error> {
                        #(#declarations)*
                        #extra_declaration
                        while let ::core::option::Option::Some(key) = map.next_key_seed(__td::KeySeed)? {
                            match &*key {
                                #(#arms)*
                                #unknown_arm
                            }
                        }
                        #(#finals)*
                        ::core::result::Result::Ok(#ident { #(#inits)* #extra_init })
                    }
                }
                deserializer.deserialize_map(__Visitor)
            }
        }
    }
}
