//! The struct itself, its Required-keys companion, the constructor, the `with_<field>`
//! setters, and `Default` or `From<companion>`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Field, Presence, TypedDict};

use super::docs;

/// The struct as declared, minus our helper attributes, with generated docs for what the
/// user left undocumented.
pub fn item(model: &TypedDict) -> TokenStream {
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
    let (_, _, where_clause) = model.generics.split_for_impl();
    let params = &model.generics.params;
    let params = (!params.is_empty()).then(|| quote!(<#params>));
    quote! {
        #(#attrs)*
        #docs
        #vis struct #ident #params #where_clause {
            #(#fields)*
            #extra
        }
    }
}

/// The companion's generics: the type parameters its fields name (a parameter only
/// NotRequired keys use would be unused there), with the `where` predicates that name no
/// other parameter.
pub fn companion_generics(model: &TypedDict) -> syn::Generics {
    let mut generics = model.generics.clone();
    let dropped: Vec<syn::Ident> = model
        .generics
        .type_params()
        .map(|param| param.ident.clone())
        .filter(|param| !required_fields(model).any(|field| mentions_ty(field.value_ty(), param)))
        .collect();
    generics.params = generics
        .params
        .into_iter()
        .filter(|param| match param {
            syn::GenericParam::Type(param) => !dropped.contains(&param.ident),
            _ => true,
        })
        .collect();
    if let Some(where_clause) = &mut generics.where_clause {
        where_clause.predicates = where_clause
            .predicates
            .clone()
            .into_iter()
            .filter(|predicate| {
                !dropped
                    .iter()
                    .any(|param| mentions_tokens(quote!(#predicate), param))
            })
            .collect();
        if where_clause.predicates.is_empty() {
            generics.where_clause = None;
        }
    }
    generics
}

fn mentions_ty(ty: &syn::Type, param: &syn::Ident) -> bool {
    mentions_tokens(quote!(#ty), param)
}

fn mentions_tokens(tokens: TokenStream, param: &syn::Ident) -> bool {
    tokens.into_iter().any(|token| match token {
        proc_macro2::TokenTree::Ident(ident) => ident == *param,
        proc_macro2::TokenTree::Group(group) => mentions_tokens(group.stream(), param),
        _ => false,
    })
}

fn required_fields(model: &TypedDict) -> impl Iterator<Item = &Field> {
    model.fields.iter().filter(|field| field.is_required())
}

/// `XRequired { .. }`: a struct literal of the Required keys. Leaving one out is rustc's
/// own "missing field `repository_name`" error, which names the key and costs nothing to
/// compile (a typestate builder costs 10-20× more).
pub fn companion(model: &TypedDict) -> TokenStream {
    if !model.has_companion() {
        return TokenStream::new();
    }
    let vis = &model.vis;
    let ident = &model.ident;
    let companion = &model.companion;
    let lints = &model.lints;
    let doc = format!(
        "The Required keys of [`{ident}`]: build one with a struct literal and pass it to [`{ident}::new`]."
    );
    let fields = required_fields(model).map(|field| {
        let Field {
            cfgs, lints, ident, ..
        } = field;
        let value_ty = field.value_ty();
        let doc = if field.is_key() {
            format!("Key `{}`.", field.key)
        } else {
            format!(
                "The base `{}`: its Required keys.",
                crate::ty::spelled(value_ty)
            )
        };
        quote!(#(#cfgs)* #(#lints)* #[doc = #doc] pub #ident: #value_ty,)
    });
    let generics = companion_generics(model);
    let (_, _, where_clause) = generics.split_for_impl();
    let params = &generics.params;
    let params = (!params.is_empty()).then(|| quote!(<#params>));
    let span = ident.span();
    quote::quote_spanned! {span=>
        #[doc = #doc]
        #(#lints)*
        #vis struct #companion #params #where_clause {
            #(#fields)*
        }
    }
}

/// `new`, the setters, and `Default` (no Required keys) or `From<XRequired>`.
pub fn constructors(model: &TypedDict) -> TokenStream {
    let ident = &model.ident;
    let lints = &model.lints;
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
                cfgs, lints, ident, ..
            } = field;
            let value_ty = field.value_ty();
            let setter = field.setter();
            let doc = format!("Sets the NotRequired key `{}`.", field.key);
            quote! {
                #(#cfgs)*
                #(#lints)*
                #[doc = #doc]
                #[must_use]
                pub fn #setter(mut self, value: impl ::core::convert::Into<#value_ty>) -> Self {
                    self.#ident = ::core::option::Option::Some(::core::convert::Into::into(value));
                    self
                }
            }
        });
    let base_setters = model.bases().map(|field| {
        let Field {
            cfgs, lints, ident, ..
        } = field;
        let value_ty = field.value_ty();
        let setter = field.setter();
        let doc = format!(
            "Sets keys of the base `{}` with its own setters: `.{setter}(|base| base.with_...(..))`.",
            crate::ty::spelled(value_ty)
        );
        quote! {
            #(#cfgs)*
            #(#lints)*
            #[doc = #doc]
            #[must_use]
            pub fn #setter(mut self, set: impl ::core::ops::FnOnce(#value_ty) -> #value_ty) -> Self {
                self.#ident = set(self.#ident);
                self
            }
        }
    });
    let has_required = model.has_companion();
    let (impl_generics, ty_generics, where_clause) = model.generics.split_for_impl();
    let companion_generics = companion_generics(model);
    let (_, companion_ty_generics, _) = companion_generics.split_for_impl();
    let companion_ident = &model.companion;
    let companion = quote!(#companion_ident #companion_ty_generics);
    let companion = &companion;
    let new = if has_required {
        let doc =
            format!("A `{ident}` with its Required keys set and every NotRequired key absent.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn new(required: #companion) -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    } else {
        let doc = format!("A `{ident}` with every key absent.");
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn new() -> Self {
                #ident { #(#inits)* #extra_init }
            }
        }
    };
    let conversion = if has_required {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#companion> for #ident #ty_generics #where_clause {
                #[inline]
                fn from(required: #companion) -> Self { #ident::new(required) }
            }
        }
    } else if model.derives.has("Default") {
        TokenStream::new()
    } else {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::default::Default for #ident #ty_generics #where_clause {
                #[inline]
                fn default() -> Self { #ident::new() }
            }
        }
    };
    quote! {
        #[automatically_derived]
        #(#lints)*
        impl #impl_generics #ident #ty_generics #where_clause {
            #new
            #(#setters)*
            #(#base_setters)*
        }
        #conversion
    }
}
