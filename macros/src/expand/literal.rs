//! Code for a literal enum: wire strings, parsing with every allowed value in the error,
//! `Display`, serde, and the static schema.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Literal;

use super::{docs, output};

/// The standard traits a literal has, derived unless the user derives them.
const DERIVED: &[(&str, &str)] = &[
    ("Debug", "::core::fmt::Debug"),
    ("Clone", "::core::clone::Clone"),
    ("Copy", "::core::marker::Copy"),
    ("PartialEq", "::core::cmp::PartialEq"),
    ("Eq", "::core::cmp::Eq"),
    ("PartialOrd", "::core::cmp::PartialOrd"),
    ("Ord", "::core::cmp::Ord"),
    ("Hash", "::core::hash::Hash"),
];

/// Everything generated for one literal.
pub fn expand(model: &Literal) -> TokenStream {
    let Literal {
        attrs,
        vis,
        ident,
        krate,
        variants,
        ..
    } = model;
    let name = ident.to_string();
    let docs = docs::literal_values(model);
    let variant_items = variants.iter().map(|variant| {
        let doc = (!docs::has_doc(&variant.attrs)).then(|| {
            let line = format!(" `'{}'`", variant.value);
            quote!(#[doc = #line])
        });
        let (attrs, variant) = (&variant.attrs, &variant.ident);
        quote!(#(#attrs)* #doc #variant,)
    });
    let other_item = model.other.as_ref().map(|other| {
        let (attrs, variant, ty) = (&other.attrs, &other.ident, &other.ty);
        let doc = (!docs::has_doc(attrs))
            .then(|| quote!(#[doc = " A value this declaration does not list, kept as sent (wire mode)."]));
        quote!(#(#attrs)* #doc #variant(#ty),)
    });
    let derives = derives(model);
    let variant_idents: Vec<_> = variants.iter().map(|variant| &variant.ident).collect();
    let values: Vec<_> = variants.iter().map(|variant| &variant.value).collect();
    let output = output::itself(ident);
    let open = model.other.is_some();
    let inline = model.inline;
    let inherent = match &model.other {
        None => quote! {
            #[automatically_derived]
            impl #ident {
                /// The wire string. The same signature as an open literal's, so code
                /// does not change when a literal opens.
                #[inline]
                pub fn as_str(&self) -> &str {
                    match self {
                        #(#ident::#variant_idents => #values,)*
                    }
                }
            }
        },
        Some(other) => {
            let other = &other.ident;
            let from_any_doc = format!(
                " Any string: the listed variant when there is one, `{other}` otherwise. (`FromStr` and `TryFrom` stay strict.)"
            );
            quote! {
                #[automatically_derived]
                impl #ident {
                    /// The wire string, listed or not.
                    #[inline]
                    pub fn as_str(&self) -> &str {
                        match self {
                            #(#ident::#variant_idents => #values,)*
                            #ident::#other(value) => value.as_str(),
                        }
                    }

                    /// Whether the value is one this declaration lists.
                    pub fn is_known(&self) -> bool {
                        !::core::matches!(self, #ident::#other(_))
                    }

                    #[doc = #from_any_doc]
                    #[inline]
                    pub fn from_any(text: &str) -> Self {
                        match <#ident as #krate::Literal>::__from_listed(text) {
                            ::core::option::Option::Some(known) => known,
                            ::core::option::Option::None => {
                                #ident::#other(#krate::__private::unknown_value(text))
                            }
                        }
                    }
                }
            }
        }
    };
    let (as_str_call, literal_extra) = if open {
        (
            quote!(#ident::as_str(self)),
            quote! {
                #[inline]
                fn is_known(&self) -> bool {
                    #ident::is_known(self)
                }
                #[inline]
                fn __from_any(text: &str) -> ::core::option::Option<Self> {
                    ::core::option::Option::Some(#ident::from_any(text))
                }
            },
        )
    } else {
        (quote!(#ident::as_str(self)), TokenStream::new())
    };
    quote! {
        #(#attrs)*
        #docs
        #derives
        #vis enum #ident {
            #(#variant_items)*
            #other_item
        }

        #inherent

        #[doc(hidden)]
        const _: () = {
            use #krate::__private as __td;

            #[automatically_derived]
            impl __td::Literal for #ident {
                const SCHEMA: __td::LiteralSchema =
                    __td::literal_schema(#name, &[#(#values),*], #open, #inline);
                const ALL: &'static [Self] = &[#(#ident::#variant_idents),*];
                #[inline]
                fn as_str(&self) -> &str {
                    #as_str_call
                }
                #literal_extra
            }

            #[automatically_derived]
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType =
                    __td::ValueType::Literal(&<#ident as __td::Literal>::SCHEMA);
            }

            #output

            #[automatically_derived]
            impl ::core::str::FromStr for #ident {
                type Err = __td::LiteralError;
                #[inline]
                fn from_str(text: &str) -> ::core::result::Result<Self, __td::LiteralError> {
                    <#ident as __td::Literal>::parse(text)
                }
            }

            #[automatically_derived]
            impl ::core::convert::TryFrom<&str> for #ident {
                type Error = __td::LiteralError;
                fn try_from(text: &str) -> ::core::result::Result<Self, __td::LiteralError> {
                    <#ident as __td::Literal>::parse(text)
                }
            }

            #[automatically_derived]
            impl ::core::fmt::Display for #ident {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#as_str_call)
                }
            }

            #[automatically_derived]
            impl __td::serde::Serialize for #ident {
                fn serialize<__S: __td::serde::Serializer>(
                    &self,
                    serializer: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    __td::serde::Serializer::serialize_str(serializer, #as_str_call)
                }
            }

            #[automatically_derived]
            impl<'de> __td::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: __td::serde::Deserializer<'de>>(
                    deserializer: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    __td::deserialize_literal(deserializer)
                }
            }
        };
    }
}

/// `#[derive(...)]` of the standard traits the user does not derive.
fn derives(model: &Literal) -> TokenStream {
    // An open literal holds a string: it is `Clone`, not `Copy`.
    let paths: Vec<syn::Path> = DERIVED
        .iter()
        .filter(|(name, _)| !model.derives.has(name))
        .filter(|(name, _)| model.other.is_none() || *name != "Copy")
        .map(|(_, path)| syn::parse_str(path).expect("a path"))
        .collect();
    if paths.is_empty() {
        return TokenStream::new();
    }
    quote!(#[derive(#(#paths),*)])
}
