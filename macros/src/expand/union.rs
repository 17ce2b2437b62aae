//! Code for a named union: the enum, `From` each member type, serde (encode the member
//! held; decode the first member that accepts the value), the static schema, and the
//! standard traits through each member's `TypedValue` impl.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Member, Union};
use crate::ty::spelled;

use super::{docs, output, self_type};

/// Everything generated for one union.
pub fn expand(model: &Union) -> TokenStream {
    let Union {
        attrs,
        vis,
        ident,
        krate,
        members,
        ..
    } = model;
    let name = ident.to_string();
    let docs = docs::union_members(model);
    let variants = members.iter().map(|member| {
        let Member { attrs, ident, .. } = member;
        let ty = &member.value.ty;
        let doc = (!docs::has_doc(attrs)).then(|| {
            let line = format!(" A `{}`.", spelled(ty));
            quote!(#[doc = #line])
        });
        quote!(#(#attrs)* #doc #ident(#ty),)
    });
    let idents: Vec<_> = members.iter().map(|member| &member.ident).collect();
    let types: Vec<_> = members.iter().map(|member| &member.value.ty).collect();
    let serialize_value: Vec<_> = members
        .iter()
        .map(|member| super::value_fn(&member.value.ty, "serialize_value"))
        .collect();
    let read_member: Vec<_> = members
        .iter()
        .map(|member| super::value_fn(&member.value.ty, "read_member"))
        .collect();
    let member_types = members
        .iter()
        .map(|member| self_type::value_type(&member.value, ident));
    let self_type = self_type::declare(
        members.iter().map(|member| &member.value),
        ident,
        quote!(__td::ValueType::Union(&SCHEMA)),
    );
    let std_traits = std_traits(model);
    let inline = model.inline;
    let output = match &model.output {
        // The output member's values convert back through the member's `From`.
        Some(member) => output::through(
            ident,
            &syn::parse_quote!(#member),
            quote!(#ident::from(output)),
        ),
        None => output::itself(ident),
    };
    quote! {
        #(#attrs)*
        #docs
        #vis enum #ident {
            #(#variants)*
        }

        #[doc(hidden)]
        const _: () = {
            use #krate::__private as __td;

            #std_traits

            #(
                #[automatically_derived]
                impl ::core::convert::From<#types> for #ident {
                    #[inline]
                    fn from(value: #types) -> Self {
                        #ident::#idents(value)
                    }
                }
            )*

            // Statics, not consts: a member may hold the union itself (`List<Self>`, as
            // Python's recursive aliases), and statics may refer to each other in a cycle.
            static SCHEMA: __td::UnionSchema =
                __td::union_schema(#name, &[#(#member_types),*], #inline);
            #self_type

            #[automatically_derived]
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType = __td::ValueType::Union(&SCHEMA);

                fn serialize_value<__S: __td::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    match self {
                        #(#ident::#idents(value) => #serialize_value(value, serializer),)*
                    }
                }
            }

            #output

            #[automatically_derived]
            impl __td::serde::Serialize for #ident {
                fn serialize<__S: __td::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    // With the float check: a union is only ever a key's value.
                    __td::TypedValue::serialize_value(self, serializer)
                }
            }

            #[automatically_derived]
            impl<'de> __td::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: __td::serde::Deserializer<'de>>(
                    deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    // Buffered once (as text from the crate's own parser, so that each
                    // member reads it as the walk does), then offered to each member in
                    // declaration order.
                    let value = __td::buffer_union(deserializer)?;
                    #(
                        if let ::core::option::Option::Some(member) = #read_member(&value) {
                            return ::core::result::Result::Ok(#ident::#idents(member));
                        }
                    )*
                    ::core::result::Result::Err(__td::no_union_member(&SCHEMA))
                }
            }
        };
    }
}

/// `Debug`, `Clone` and `PartialEq`, unless derived.
fn std_traits(model: &Union) -> TokenStream {
    let ident = &model.ident;
    let mut tokens = TokenStream::new();
    if !model.derives.has("Debug") {
        let arms = model.members.iter().map(|member| {
            let variant = &member.ident;
            let label = crate::case::unraw(&variant.to_string()).to_owned();
            let debug = super::value_fn(&member.value.ty, "debug_value");
            quote!(#ident::#variant(value) => f.debug_tuple(#label).field(#debug(value)).finish(),)
        });
        tokens.extend(quote! {
            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match self {
                        #(#arms)*
                    }
                }
            }
        });
    }
    if !model.derives.has("Clone") {
        let arms = model.members.iter().map(|member| {
            let variant = &member.ident;
            let clone = super::value_fn(&member.value.ty, "clone_value");
            quote!(#ident::#variant(value) => #ident::#variant(#clone(value)),)
        });
        tokens.extend(quote! {
            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    match self {
                        #(#arms)*
                    }
                }
            }
        });
    }
    if !model.derives.has("PartialEq") {
        let arms = model.members.iter().map(|member| {
            let variant = &member.ident;
            let eq = super::value_fn(&member.value.ty, "eq_value");
            quote!((#ident::#variant(value), #ident::#variant(other)) => #eq(value, other),)
        });
        // Values of different members differ, even when they would encode alike.
        let different = (model.members.len() > 1).then(|| quote!(_ => false,));
        tokens.extend(quote! {
            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    match (self, other) {
                        #(#arms)*
                        #different
                    }
                }
            }
        });
    }
    tokens
}
