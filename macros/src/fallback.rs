//! When the declaration has errors, emit the item anyway (minus our helper attributes)
//! next to the errors, so the user sees those errors and not a cascade of "cannot find
//! type" follow-ons (the habit of thiserror's fallback).

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::{Data, DeriveInput, Fields};

use crate::attr;
use crate::ctxt::Ctxt;

/// The item as written, stripped of `#[typed_dict(...)]`, followed by the errors.
pub fn emit(mut input: DeriveInput, cx: Ctxt) -> TokenStream {
    input.attrs.retain(|a| !attr::is_helper(a));
    match &mut input.data {
        Data::Struct(data) => strip_fields(&mut data.fields),
        Data::Enum(data) => {
            for variant in &mut data.variants {
                variant.attrs.retain(|a| !attr::is_helper(a));
                strip_fields(&mut variant.fields);
            }
        }
        Data::Union(data) => {
            for field in &mut data.fields.named {
                field.attrs.retain(|a| !attr::is_helper(a));
            }
        }
    }
    let mut tokens = input.into_token_stream();
    tokens.extend(cx.into_compile_errors());
    tokens
}

fn strip_fields(fields: &mut Fields) {
    for field in fields.iter_mut() {
        field.attrs.retain(|a| !attr::is_helper(a));
    }
}
