//! One call from JSON to a typed dict: the serde fast path for valid input, the
//! schema walk for every error of invalid input.

use crate::error::{DecodeError, ErrorKind, ValidationError};
use crate::options::{DecodeOptions, Scope};
use crate::validate::validate;
use crate::TypedDict;

/// Decodes JSON text in strict mode.
pub fn from_str<T: TypedDict>(json: &str) -> Result<T, DecodeError> {
    decode(json.as_bytes(), DecodeOptions::strict())
}

/// Decodes JSON bytes in strict mode.
pub fn from_slice<T: TypedDict>(json: &[u8]) -> Result<T, DecodeError> {
    decode(json, DecodeOptions::strict())
}

/// Decodes JSON bytes with the given options.
///
/// Valid input costs one serde pass. Invalid input is walked once more to report every
/// problem with its JSON path; no partly-filled value is ever returned.
pub fn decode<T: TypedDict>(json: &[u8], options: DecodeOptions) -> Result<T, DecodeError> {
    let fast = {
        let _scope = Scope::enter(options);
        serde_json::from_slice::<T>(json)
    };
    fast.map_err(|fast_error| {
        let schema = T::schema();
        let mut errors = validate(json, schema, options).errors;
        if errors.is_empty() {
            // The walk and the fast path disagree: report the parser's words, never `Ok`.
            errors.push(ValidationError {
                kind: ErrorKind::Other,
                path: "$".to_owned(),
                message: fast_error.to_string(),
            });
        }
        DecodeError::new(schema.name, errors)
    })
}
