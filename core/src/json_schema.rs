//! JSON Schema (draft 2020-12) derived from the static schema.
