//! Markdown docs in the upstream format, derived from the static schema.
