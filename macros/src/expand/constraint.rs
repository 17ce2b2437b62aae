//! A field's constraints in the static schema: `constrained_field(..)` around its
//! `FieldSchema`, from a `static` (a pattern keeps its compiled form in one of its own, and
//! the constraints of items, keys and values live in theirs).
//! A field without constraints gets nothing: thousands of shapes compile as before.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::attr::Number;
use crate::constraint::Constraints;

/// `schema` (a key's `FieldSchema` in the typed dict `owner`) with its constraints, each
/// judged against the key's value type when the `const` holding it is evaluated: the
/// macro cannot see what an alias, a union or a typed dict is, the compiler can. Without
/// constraints, `schema` as it is: thousands of shapes compile as before.
pub fn expand(owner: &str, schema: TokenStream, constraints: &Constraints) -> TokenStream {
    if constraints.is_empty() {
        return schema;
    }
    let built = built(constraints);
    quote! {
        __td::constrained_field(#owner, #schema, {
            static CONSTRAINTS: __td::Constraints = #built;
            &CONSTRAINTS
        })
    }
}

/// The `Constraints` value, its items', keys' and values' each in a `static` of its own.
fn built(constraints: &Constraints) -> TokenStream {
    let mut value = quote!(__td::Constraints::new());
    if let Some((_, min)) = constraints.min_length {
        value.extend(quote!(.min_length(#min)));
    }
    if let Some((_, max)) = constraints.max_length {
        value.extend(quote!(.max_length(#max)));
    }
    if let Some(pattern) = &constraints.pattern {
        value.extend(quote! {
            .pattern({
                static PATTERN: __td::Pattern = __td::Pattern::new(#pattern);
                &PATTERN
            })
        });
    }
    if let Some((_, ge)) = constraints.ge {
        let ge = bound(ge);
        value.extend(quote!(.ge(#ge)));
    }
    if let Some((_, le)) = constraints.le {
        let le = bound(le);
        value.extend(quote!(.le(#le)));
    }
    let nested = [
        (quote!(items), &constraints.items),
        (quote!(keys), &constraints.keys),
        (quote!(values), &constraints.values),
    ];
    for (method, inner) in nested {
        if let Some((_, inner)) = inner {
            let inner = built(inner);
            value.extend(quote! {
                .#method({
                    static CONSTRAINTS: __td::Constraints = #inner;
                    &CONSTRAINTS
                })
            });
        }
    }
    value
}

/// The bound as a literal, its sign a token of its own (a literal token is unsigned).
fn bound(number: Number) -> TokenStream {
    let negative = number.as_f64().is_sign_negative();
    let sign = if negative { quote!(-) } else { quote!() };
    match number {
        Number::Int(value) => {
            let literal = Literal::u128_unsuffixed(value.unsigned_abs());
            quote!(__td::Bound::Int(#sign #literal))
        }
        Number::Float(value) => {
            let literal = Literal::f64_unsuffixed(value.abs());
            quote!(__td::Bound::Float(#sign #literal))
        }
    }
}
