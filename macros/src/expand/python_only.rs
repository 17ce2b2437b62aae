//! Code for a Python-only type: the unit struct, its static schema, and serde impls that
//! refuse every value (no JSON form), naming the type.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::PythonOnly;

use super::{docs, output};

/// Everything generated for one Python-only type.
pub fn expand(model: &PythonOnly) -> TokenStream {
    let PythonOnly {
        attrs,
        vis,
        ident,
        krate,
        python,
        derives,
    } = model;
    let name = ident.to_string();
    let docs = docs::python_only(model);
    let mut std_traits = TokenStream::new();
    if !derives.has("Debug") {
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::fmt::Debug for #ident {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#name)
                }
            }
        });
    }
    if !derives.has("Clone") {
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::clone::Clone for #ident {
                #[inline]
                fn clone(&self) -> Self {
                    #ident
                }
            }
        });
    }
    if !derives.has("PartialEq") {
        std_traits.extend(quote! {
            #[automatically_derived]
            impl ::core::cmp::PartialEq for #ident {
                #[inline]
                fn eq(&self, _: &Self) -> bool {
                    true
                }
            }
        });
    }
    let output = output::itself(ident);
    quote! {
        #(#attrs)*
        #docs
        #vis struct #ident;

        #[doc(hidden)]
        const _: () = {
            use #krate::__private as __td;

            #std_traits

            static SCHEMA: __td::PythonOnlySchema = __td::python_only_schema(#name, #python);

            #[automatically_derived]
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType = __td::ValueType::PythonOnly(&SCHEMA);
            }

            #output

            #[automatically_derived]
            impl __td::serde::Serialize for #ident {
                fn serialize<__S: __td::serde::Serializer>(
                    &self,
                    _: __S,
                ) -> ::core::result::Result<__S::Ok, __S::Error> {
                    ::core::result::Result::Err(__td::no_json_form_to_encode(&SCHEMA))
                }
            }

            #[automatically_derived]
            impl<'de> __td::serde::Deserialize<'de> for #ident {
                fn deserialize<__D: __td::serde::Deserializer<'de>>(
                    _: __D,
                ) -> ::core::result::Result<Self, __D::Error> {
                    ::core::result::Result::Err(__td::no_json_form(&SCHEMA))
                }
            }
        };
    }
}
