//! Behaviour tests of the typed-dict framework, one module per concern.

mod attributes;
mod constraints;
mod construction;
mod declaration;
mod decode_errors;
mod generics;
mod hygiene;
mod json_schema;
mod literals;
mod modes;
mod naming;
mod open_closed;
mod open_literals;
mod output;
mod recursion;
mod schema;
mod sequences;
mod timestamps;
mod unions;
mod values;

/// Decodes in strict mode and returns the error kinds and paths, in order.
pub fn errors_of<T: typed_dict::TypedDict + std::fmt::Debug>(
    json: &str,
    options: typed_dict::DecodeOptions,
) -> Vec<(typed_dict::ErrorKind, String)> {
    let error = typed_dict::decode::<T>(json.as_bytes(), options).expect_err("decode should fail");
    error
        .errors()
        .iter()
        .map(|error| (error.kind, error.path.clone()))
        .collect()
}
