//! One call from JSON to a typed dict: the serde fast path for valid input, the
//! schema walk for every error of invalid input.

use crate::error::{DecodeError, ErrorKind, ValidationError};
use crate::options::{DecodeOptions, Scope};
use crate::validate::{json_text, validate};
use crate::TypedDict;

/// Decodes JSON text in strict mode.
pub fn from_str<T: TypedDict>(json: &str) -> Result<T, DecodeError> {
    decode_text(json, DecodeOptions::strict())
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
    // UTF-8 is checked once, up front: parsing bytes checks it only inside the strings the
    // parser builds, so a bad byte under an ignored key would slip through.
    let text = json_text(json).map_err(|error| DecodeError::new(T::schema().name, vec![error]))?;
    decode_text(text, options)
}

fn decode_text<T: TypedDict>(text: &str, options: DecodeOptions) -> Result<T, DecodeError> {
    let fast = {
        let _scope = Scope::enter(options);
        serde_json::from_str::<T>(text)
    };
    fast.map_err(|fast_error| {
        let schema = T::schema();
        let mut errors = validate(text.as_bytes(), schema, options).errors;
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
