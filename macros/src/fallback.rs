//! When the declaration has errors, emit the item anyway (minus our helper attributes)
//! next to the errors, with stub impls of everything the type normally has (thiserror's
//! habit): uses of the type elsewhere then compile, and the user sees one error per
//! mistake instead of a cascade at every use.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};
use syn::{Data, DeriveInput, Fields, Ident};

use crate::attr;
use crate::derives::Derives;
use crate::expand;
use crate::model::{Item, TypedDict};
use crate::symbol::TYPED_DICT;

/// The item, its generated companions where the model allows, stub impls, and the errors.
pub fn emit(
    input: DeriveInput,
    item: Option<&Item>,
    krate: &syn::Path,
    errors: syn::Error,
) -> TokenStream {
    // Stubs would name the type without its parameters: a generic declaration gets the
    // item alone, and its errors.
    if !input.generics.params.is_empty() {
        let mut tokens = as_written_alone(input);
        tokens.extend(errors.to_compile_error());
        return tokens;
    }
    let mut tokens = match item {
        Some(Item::TypedDict(model)) => typed_dict(model, krate),
        Some(Item::Union(_)) => as_written(input, krate, Some(Kind::Union)),
        Some(Item::Alias(_)) => as_written(input, krate, Some(Kind::Alias)),
        Some(Item::PythonOnly(_)) => as_written(input, krate, Some(Kind::PythonOnly)),
        _ => as_written(input, krate, None),
    };
    tokens.extend(errors.to_compile_error());
    tokens
}

/// The typed dict, its companion and constructors, stubs, and the same for its output
/// variant (whose field types the model holds).
fn typed_dict(model: &TypedDict, krate: &syn::Path) -> TokenStream {
    let mut tokens = expand::item(model);
    tokens.extend(expand::companion(model));
    let constructors = expand::constructors(model);
    let stubs = stubs(&model.ident, Kind::TypedDict, &model.derives);
    tokens.extend(quote! {
        #[doc(hidden)]
        #[allow(deprecated, unused)]
        const _: () = {
            use #krate::__private as __td;
            #constructors
            #stubs
        };
    });
    if let Some(output) = &model.output {
        tokens.extend(typed_dict(output, krate));
    }
    tokens
}

/// The item as written, stripped of our attributes (and serde's), with stubs of what the
/// `kind` of item has (by default, what its data says: a typed dict or a literal).
fn as_written(mut input: DeriveInput, krate: &syn::Path, kind: Option<Kind>) -> TokenStream {
    // A data-carrying variant cannot be `Copy`; the model reported why.
    let unit_enum = match &input.data {
        Data::Enum(data) => data
            .variants
            .iter()
            .all(|variant| matches!(variant.fields, Fields::Unit)),
        _ => true,
    };
    let dropped: &[&str] = if unit_enum { &[] } else { &["Copy"] };
    let (attrs, derives) = Derives::take_without(&attr::kept(&input.attrs), dropped);
    input.attrs = attrs;
    let kind = match &mut input.data {
        Data::Struct(data) => {
            strip_fields(&mut data.fields);
            kind.unwrap_or(Kind::TypedDict)
        }
        Data::Enum(data) => {
            let unit = data
                .variants
                .iter()
                .all(|variant| matches!(variant.fields, Fields::Unit));
            for variant in &mut data.variants {
                variant.attrs = attr::kept(&variant.attrs);
                strip_fields(&mut variant.fields);
            }
            kind.unwrap_or(Kind::Literal { unit })
        }
        Data::Union(data) => {
            for field in &mut data.fields.named {
                field.attrs = attr::kept(&field.attrs);
            }
            return input.into_token_stream();
        }
    };
    let stubs = stubs(&input.ident, kind, &derives);
    let mut tokens = input.into_token_stream();
    tokens.extend(quote! {
        #[doc(hidden)]
        #[allow(unused)]
        const _: () = {
            use #krate::__private as __td;
            #stubs
        };
    });
    tokens
}

/// The item as written, stripped of our attributes (and serde's), without stubs.
fn as_written_alone(mut input: DeriveInput) -> TokenStream {
    input.attrs = attr::kept(&input.attrs);
    match &mut input.data {
        Data::Struct(data) => strip_fields(&mut data.fields),
        Data::Enum(data) => {
            for variant in &mut data.variants {
                variant.attrs = attr::kept(&variant.attrs);
                strip_fields(&mut variant.fields);
            }
        }
        Data::Union(data) => {
            for field in &mut data.fields.named {
                field.attrs = attr::kept(&field.attrs);
            }
        }
    }
    input.into_token_stream()
}

fn strip_fields(fields: &mut Fields) {
    for field in fields.iter_mut() {
        field.attrs = attr::kept(&field.attrs);
    }
}

enum Kind {
    TypedDict,
    Literal { unit: bool },
    Union,
    Alias,
    PythonOnly,
}

/// Impls with bodies that are never run (the build fails), so that the type's uses type-check.
fn stubs(ident: &Ident, kind: Kind, derives: &Derives) -> TokenStream {
    let message = format!("#[{TYPED_DICT}] reported an error");
    let unreachable = quote!(::core::unreachable!(#message));
    let name = ident.to_string();
    let mut tokens = quote! {
        impl __td::serde::Serialize for #ident {
            fn serialize<__S: __td::serde::Serializer>(&self, _: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                #unreachable
            }
        }
        impl<'de> __td::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: __td::serde::Deserializer<'de>>(_: __D) -> ::core::result::Result<Self, __D::Error> {
                #unreachable
            }
        }
        impl __td::HasOutput for #ident {
            type Output = #ident;
            fn into_input(output: #ident) -> #ident { output }
        }
    };
    let mut traits = vec![
        (
            "Debug",
            quote!(impl ::core::fmt::Debug for #ident {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #unreachable }
            }),
        ),
        (
            "Clone",
            quote!(impl ::core::clone::Clone for #ident {
                fn clone(&self) -> Self { #unreachable }
            }),
        ),
        (
            "PartialEq",
            quote!(impl ::core::cmp::PartialEq for #ident {
                fn eq(&self, _: &Self) -> bool { #unreachable }
            }),
        ),
    ];
    match kind {
        Kind::TypedDict => tokens.extend(quote! {
            impl __td::TypedDict for #ident {
                fn schema() -> &'static __td::TypedDictSchema { #unreachable }
            }
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType =
                    __td::ValueType::TypedDict(<#ident as __td::TypedDict>::schema);
            }
            // A typed dict that flattens this one then compiles too, keys unknown.
            impl __td::Keys for #ident {
                const FIELDS: &'static [__td::FieldSchema] = &[];
                const NAME: &'static str = #name;
                const HAS_EXTRA: bool = false;
                type Slots = ();
                fn slots() {}
                fn read_key<'de, __A: __td::serde::de::MapAccess<'de>>(
                    _: &mut (),
                    _: &str,
                    _: &mut __A,
                ) -> ::core::result::Result<bool, __A::Error> {
                    #unreachable
                }
                fn read_unknown<'de, __A: __td::serde::de::MapAccess<'de>>(
                    _: &mut (),
                    _: &mut __td::Cow<'de, str>,
                    _: &mut __A,
                ) -> ::core::result::Result<(), __A::Error> {
                    #unreachable
                }
                fn finish<__E: __td::serde::de::Error>(_: ()) -> ::core::result::Result<Self, __E> {
                    #unreachable
                }
                fn key_count(&self) -> usize { #unreachable }
                fn write_keys<__M: __td::serde::ser::SerializeMap>(
                    &self,
                    _: &mut __M,
                ) -> ::core::result::Result<(), __M::Error> {
                    #unreachable
                }
            }
        }),
        Kind::Union => tokens.extend(quote! {
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType =
                    __td::ValueType::Union(&__td::union_schema(#name, &[], false));
            }
        }),
        Kind::Alias => tokens.extend(quote! {
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType =
                    __td::ValueType::Alias(&__td::alias_schema(#name, &__td::ValueType::Any, ::core::option::Option::None));
            }
        }),
        Kind::PythonOnly => tokens.extend(quote! {
            impl __td::TypedValue for #ident {
                const TYPE: __td::ValueType =
                    __td::ValueType::PythonOnly(&__td::python_only_schema(#name, ""));
            }
        }),
        Kind::Literal { unit } => {
            tokens.extend(quote! {
                impl __td::Literal for #ident {
                    const SCHEMA: __td::LiteralSchema = __td::literal_schema(#name, &[], false, false);
                    const ALL: &'static [Self] = &[];
                    fn as_str(&self) -> &str { #unreachable }
                }
                impl __td::TypedValue for #ident {
                    const TYPE: __td::ValueType =
                        __td::ValueType::Literal(&<#ident as __td::Literal>::SCHEMA);
                }
                impl ::core::fmt::Display for #ident {
                    fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result { #unreachable }
                }
                impl ::core::str::FromStr for #ident {
                    type Err = __td::LiteralError;
                    fn from_str(_: &str) -> ::core::result::Result<Self, __td::LiteralError> { #unreachable }
                }
                impl #ident {
                    /// The wire string.
                    pub fn as_str(&self) -> &'static str { #unreachable }
                }
            });
            traits.extend([
                ("Eq", quote!(impl ::core::cmp::Eq for #ident {})),
                ("PartialOrd", quote!(impl ::core::cmp::PartialOrd for #ident {
                    fn partial_cmp(&self, _: &Self) -> ::core::option::Option<::core::cmp::Ordering> { #unreachable }
                })),
                ("Ord", quote!(impl ::core::cmp::Ord for #ident {
                    fn cmp(&self, _: &Self) -> ::core::cmp::Ordering { #unreachable }
                })),
                ("Hash", quote!(impl ::core::hash::Hash for #ident {
                    fn hash<__H: ::core::hash::Hasher>(&self, _: &mut __H) { #unreachable }
                })),
            ]);
            if unit {
                traits.push(("Copy", quote!(impl ::core::marker::Copy for #ident {})));
            }
        }
    }
    for (name, stub) in traits {
        if !derives.has(name) {
            tokens.extend(stub);
        }
    }
    tokens
}
