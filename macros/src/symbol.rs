//! Attribute names, each spelled once, as serde_derive's `internals/symbol.rs`: parsing
//! compares paths with these constants, and suggestions, messages and generated code
//! print them, so a name cannot drift between the places that use it.

use std::fmt::{self, Display};

use syn::{Ident, Path};

/// One attribute name.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Symbol(&'static str);

/// The macro itself, and its helper attribute on fields and variants.
pub const TYPED_DICT: Symbol = Symbol("typed_dict");

/// `closed`: unknown keys are rejected (PEP 728 `closed=True`).
pub const CLOSED: Symbol = Symbol("closed");
/// `rename_all = "..."`: how names become keys or literal values.
pub const RENAME_ALL: Symbol = Symbol("rename_all");
/// `output = X`: also declare the output variant.
pub const OUTPUT: Symbol = Symbol("output");
/// `required = X`: the name of the Required-keys companion.
pub const REQUIRED: Symbol = Symbol("required");
/// `crate = "..."`: where the runtime is.
pub const CRATE: Symbol = Symbol("crate");
/// `key = "..."`: a field's wire key.
pub const KEY: Symbol = Symbol("key");
/// `wire_optional`: Required in the schema, but the service may leave it out.
pub const WIRE_OPTIONAL: Symbol = Symbol("wire_optional");
/// `extra`: the field that keeps undeclared keys.
pub const EXTRA: Symbol = Symbol("extra");
/// `as = "str"`: the JSON type of a field's foreign type, whose own serde impls read it.
pub const AS: Symbol = Symbol("as");
/// `python = "UUID"`: the Python annotation of an `as` field's foreign type; on a named
/// alias, what the stub's `X = ...` line writes; on a unit struct, a Python-only type.
pub const PYTHON: Symbol = Symbol("python");
/// `inline`: a union or literal rendered in place at each use, not by its name.
pub const INLINE: Symbol = Symbol("inline");
/// `min_length = 1`: the least length of a field's value (pydantic's `Field` name).
pub const MIN_LENGTH: Symbol = Symbol("min_length");
/// `max_length = 256`: the greatest length of a field's value.
pub const MAX_LENGTH: Symbol = Symbol("max_length");
/// `pattern = "..."`: a regular expression a field's whole string must match.
pub const PATTERN: Symbol = Symbol("pattern");
/// `ge = 1`: the least value of a field's number (inclusive).
pub const GE: Symbol = Symbol("ge");
/// `le = 1000`: the greatest value of a field's number (inclusive).
pub const LE: Symbol = Symbol("le");
/// `items(...)`: the constraints on each item of a field's list.
pub const ITEMS: Symbol = Symbol("items");
/// `keys(...)`: the constraints on each key of a field's dict.
pub const KEYS: Symbol = Symbol("keys");
/// `values(...)`: the constraints on each value of a field's dict.
pub const VALUES: Symbol = Symbol("values");
/// `value = "..."`: a literal variant's wire string.
pub const VALUE: Symbol = Symbol("value");
/// `other`: the variant of an open literal that holds unlisted values.
pub const OTHER: Symbol = Symbol("other");

/// `#[serde(...)]`, which means nothing under `#[typed_dict]` and is pointed at ours.
pub const SERDE: Symbol = Symbol("serde");
/// serde's `rename`, which users reach for (ours is `key` or `value`).
pub const RENAME: Symbol = Symbol("rename");
/// serde's `deny_unknown_fields` (ours is `closed`).
pub const DENY_UNKNOWN_FIELDS: Symbol = Symbol("deny_unknown_fields");
/// `flatten`: a field holding a base typed dict, whose keys join the outer one's (serde's
/// name for it).
pub const FLATTEN: Symbol = Symbol("flatten");

/// `#[cfg(...)]`, repeated on generated code for a field.
pub const CFG: Symbol = Symbol("cfg");
/// `#[derive(...)]`, read for the traits the user implements.
pub const DERIVE: Symbol = Symbol("derive");
/// `#[doc = "..."]`.
pub const DOC: Symbol = Symbol("doc");
/// `#[non_exhaustive]`, carried to the output variant.
pub const NON_EXHAUSTIVE: Symbol = Symbol("non_exhaustive");
/// The lint attributes, repeated on generated items (`expect` becomes `allow`).
pub const ALLOW: Symbol = Symbol("allow");
/// See [`ALLOW`].
pub const WARN: Symbol = Symbol("warn");
/// See [`ALLOW`].
pub const DENY: Symbol = Symbol("deny");
/// See [`ALLOW`].
pub const FORBID: Symbol = Symbol("forbid");
/// See [`ALLOW`].
pub const EXPECT: Symbol = Symbol("expect");
/// Built-in attributes that leave their item as written, which the macro reads in the
/// struct's file (`siblings`): `#[repr(..)]`.
pub const REPR: Symbol = Symbol("repr");
/// See [`REPR`].
pub const MUST_USE: Symbol = Symbol("must_use");
/// See [`REPR`].
pub const DEPRECATED: Symbol = Symbol("deprecated");
/// See [`REPR`]. (So is `#[inline]`, spelled as our own [`INLINE`] setting.)
pub const AUTOMATICALLY_DERIVED: Symbol = Symbol("automatically_derived");

impl Symbol {
    /// The name.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl PartialEq<Symbol> for &Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.0)
    }
}
