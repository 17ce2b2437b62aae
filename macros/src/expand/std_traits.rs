//! `Debug`, `Clone` and `PartialEq`, for the traits the user does not derive.
//!
//! Written out rather than derived, and every use of a field's type goes through
//! `<T as __private::Value>::…` spanned at that type: when the type is not a value type, rustc then
//! reports one error at the field ("`Plain` is not a typed dict value type"), identical at
//! every use and so printed once, instead of one error per trait.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Ident, Type};

use crate::derives::Derives;
use crate::model::TypedDict;

/// One field as these impls see it.
pub struct Member<'a> {
    pub cfgs: &'a [Attribute],
    pub ident: &'a Ident,
    /// The value type (`T` of an `Option<T>` field).
    pub value_ty: &'a Type,
    /// Whether the field is `Option<value_ty>`.
    pub option: bool,
    /// The marker of an `as` field.
    pub marker: Option<&'a Ident>,
}

/// The members of a typed dict: its fields, then the extra-items field.
pub fn members(model: &TypedDict) -> Vec<Member<'_>> {
    let mut members: Vec<Member<'_>> = model
        .fields
        .iter()
        .map(|field| Member {
            cfgs: &field.cfgs,
            ident: &field.ident,
            value_ty: field.value_ty(),
            option: field.is_option(),
            marker: field.how.as_ref().map(|how| &how.marker),
        })
        .collect();
    if let Some(extra) = &model.extra {
        members.push(Member {
            cfgs: &extra.cfgs,
            ident: &extra.ident,
            value_ty: &extra.ty,
            option: false,
            marker: None,
        });
    }
    members
}

/// The impls for a typed dict and its companion.
pub fn typed_dict(model: &TypedDict) -> TokenStream {
    let mut tokens = impls(
        &model.ident,
        &super::bounded(&model.generics),
        &members(model),
        &model.derives,
    );
    let required: Vec<Member<'_>> = model
        .fields
        .iter()
        .filter(|field| field.is_required())
        .map(|field| Member {
            cfgs: &field.cfgs,
            ident: &field.ident,
            value_ty: field.value_ty(),
            option: false,
            marker: field.how.as_ref().map(|how| &how.marker),
        })
        .collect();
    if !required.is_empty() {
        let generics = super::bounded(&super::construct::companion_generics(model));
        tokens.extend(impls(
            &model.companion,
            &generics,
            &required,
            &Derives::default(),
        ));
    }
    tokens
}

/// `Debug`, `Clone` and `PartialEq` for a struct of `members`, skipping derived ones.
pub fn impls(
    ident: &Ident,
    generics: &syn::Generics,
    members: &[Member<'_>],
    derives: &Derives,
) -> TokenStream {
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let via = |member: &Member<'_>, function: &str| {
        let form = if member.option { "option" } else { "value" };
        super::value_fn_as(
            member.value_ty,
            member.marker,
            &format!("{function}_{form}"),
        )
    };
    let mut tokens = TokenStream::new();
    if !derives.has("Debug") {
        let fields = members.iter().map(|member| {
            let (cfgs, ident) = (member.cfgs, member.ident);
            let label = crate::case::unraw(&ident.to_string()).to_owned();
            let debug = via(member, "debug");
            quote!(#(#cfgs)* { debug.field(#label, #debug(&self.#ident)); })
        });
        tokens.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Debug for #ident #ty_generics #where_clause {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    let mut debug = f.debug_struct(#name);
                    #(#fields)*
                    debug.finish()
                }
            }
        });
    }
    if !derives.has("Clone") {
        let fields = members.iter().map(|member| {
            let (cfgs, ident) = (member.cfgs, member.ident);
            let clone = via(member, "clone");
            quote!(#(#cfgs)* #ident: #clone(&self.#ident),)
        });
        tokens.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::clone::Clone for #ident #ty_generics #where_clause {
                #[inline]
                fn clone(&self) -> Self {
                    #ident { #(#fields)* }
                }
            }
        });
    }
    if !derives.has("PartialEq") {
        let fields = members.iter().map(|member| {
            let (cfgs, ident) = (member.cfgs, member.ident);
            let eq = via(member, "eq");
            quote! {
                #(#cfgs)*
                {
                    if !#eq(&self.#ident, &other.#ident) {
                        return false;
                    }
                }
            }
        });
        tokens.extend(quote! {
            #[automatically_derived]
            impl #impl_generics ::core::cmp::PartialEq for #ident #ty_generics #where_clause {
                #[inline]
                fn eq(&self, other: &Self) -> bool {
                    let _ = other;
                    #(#fields)*
                    true
                }
            }
        });
    }
    tokens
}
