//! Python-only types: what the stub annotates but no JSON can hold (`Callable[..., Any]`,
//! `StreamingBody`, a client object). `#[typed_dict(python = "...")]` on a unit struct
//! declares one ([`ValueType::PythonOnly`](crate::ValueType::PythonOnly)); these are the
//! errors its generated serde impls give, worded as the walk words its own.

use crate::schema::PythonOnlySchema;

/// Why a Python-only type's value cannot be read: what decoding says (the walk reports the
/// same as a `wrong_type` at the value's path).
pub fn no_json_form<E: serde::de::Error>(schema: &PythonOnlySchema) -> E {
    E::custom(format_args!(
        "{} ({}) is a Python-only type: no JSON value is one",
        schema.python, schema.name
    ))
}

/// Why a Python-only type's value cannot be written.
pub fn no_json_form_to_encode<E: serde::ser::Error>(schema: &PythonOnlySchema) -> E {
    E::custom(format_args!(
        "cannot encode {} ({}): a Python-only type has no JSON form",
        schema.python, schema.name
    ))
}
