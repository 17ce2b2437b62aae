//! Code for a named alias: the newtype, `From` its target, `Deref` to it, serde as the
//! target's (the wire format does not change), the static schema, and the standard traits
//! through the target's `TypedValue` impl.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Alias;

use super::{docs, output, self_type};

/// Everything generated for one named alias.
pub fn expand(model: &Alias) -> TokenStream {
    let Alias {
        attrs,
        vis,
        ident,
        krate,
        field_attrs,
        field_vis,
        ..
    } = model;
    let target = &model.target.ty;
    let name = ident.to_string();
    let docs = docs::alias_target(model);
    let via = |function: &str| super::value_fn(target, function);
    let mut std_traits = TokenStream::new();
    if !model.derives.has("Debug") {
        let debug = via("debug_value");
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.debug_tuple(#name).field(#debug(&self.0)).finish()
                }
            }
        });
    }
    if !model.derives.has("Clone") {
        let clone = via("clone_value");
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    #ident(#clone(&self.0))
                }
            }
        });
    }
    if !model.derives.has("PartialEq") {
        let eq = via("eq_value");
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    #eq(&self.0, &other.0)
                }
            }
        });
    }
    let serialize_value = via("serialize_value");
    let deserialize = via("deserialize_value");
    let target_type = self_type::value_type(&model.target, ident);
    let self_type = self_type::declare(
        [&model.target],
        ident,
        quote!(__td::ValueType::Alias(&SCHEMA)),
    );
    let python = match &model.python {
        Some(python) => quote!(::core::option::Option::Some(#python)),
        None => quote!(::core::option::Option::None),
    };
    let output = match &model.output {
        // The target converts from its output counterpart (`Timestamp` from itself).
        Some(output) => output::through(
            ident,
            &syn::parse_quote!(#output),
            quote!(#ident(::core::convert::From::from(output))),
        ),
        None => output::itself(ident),
    };
    quote! {
        #(#attrs)*
        #docs
        #vis struct #ident(#(#field_attrs)* #field_vis #target);

        #[doc(hidden)]
        const _: () = {
            use #krate::__private as __td;

            #std_traits

            #[automatically_derived]
            impl ::core::convert::From<#target> for #ident {
                #[inline]
                fn from(value: #target) -> Self {
                    #ident(value)
                }
            }

            #[automatically_derived]
            impl ::core::ops::Deref for #ident {
                type Target = #target;
                #[inline]
                fn deref(&self) -> &#target {
                    &self.0
                }
            }

            #[automatically_derived]
            impl ::core::ops::DerefMut for #ident {
                #[inline]
                fn deref_mut(&mut self) -> &mut #target {
                    &mut self.0
                }
            }

            // Statics, as a union's: the target may hold the alias itself (`List<Self>`).
            static SCHEMA: __td::AliasSchema = __td::alias_schema(#name, &#target_type, #python);
            #self_type

            #[automatically_derived]
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType = __td::ValueType::Alias(&SCHEMA);

                #[inline]
                fn serialize_value<__S: __td::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    #serialize_value(&self.0, serializer)
                }

            }

            #output

            #[automatically_derived]
            impl __td::serde::Serialize for #ident {
                #[inline]
                fn serialize<__S: __td::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    // With the float check: an alias is only ever a key's value.
                    #serialize_value(&self.0, serializer)
                }
            }

            #[automatically_derived]
            impl<'de> __td::serde::Deserialize<'de> for #ident {
                #[inline]
                fn deserialize<__D: __td::serde::Deserializer<'de>>(
                    deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    #deserialize(deserializer).map(#ident)
                }
            }
        };
    }
}
