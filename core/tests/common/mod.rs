//! What the integration tests share: driving every reader over one payload and checking
//! that they agree.

use std::fmt::Debug;

use typed_dict::{DecodeOptions, ErrorKind, TypedDict, ValidationError};

/// Strict and wire mode.
pub fn options() -> [DecodeOptions; 2] {
    [DecodeOptions::strict(), DecodeOptions::wire()]
}

/// The errors `validate` reports for `json` as a `T` with `options`, after checking that
/// `validate_schema` reports the same and that `decode` accepts exactly when there are
/// none, with the same errors otherwise.
pub fn errors<T: TypedDict + Debug>(json: &str, options: DecodeOptions) -> Vec<ValidationError> {
    let by_type = typed_dict::validate::<T>(json.as_bytes(), options);
    let by_schema = typed_dict::validate_schema(json.as_bytes(), T::schema(), options);
    assert_eq!(by_type.errors, by_schema.errors, "{json}");
    let decoded = typed_dict::decode::<T>(json.as_bytes(), options);
    match &decoded {
        Ok(_) => assert_eq!(by_type.errors, [], "decode accepted {json}"),
        Err(error) => assert_eq!(error.errors(), by_type.errors, "{json}"),
    }
    by_type.errors
}

/// Each error's kind and path.
pub fn kinds_at(errors: &[ValidationError]) -> Vec<(ErrorKind, &str)> {
    errors
        .iter()
        .map(|error| (error.kind, error.path.as_str()))
        .collect()
}
