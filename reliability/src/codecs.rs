//! From a TypeDef's name to its Rust type: the catalog hands out schemas, the tests need
//! `decode::<T>` and `encode` for the very type behind each one.
//!
//! [`CODECS`] lists all 124 TypeDefs of the crate root and [`LATEST_CODECS`] all 181 of
//! `ecr_types::latest`, each in its catalog's order: both are expanded from the catalogs'
//! own lists (`ecr_types::for_each_type_def!`, `for_each_latest_type_def!`), and a test
//! checks them against [`ecr_types::CATALOG`] and `ecr_types::latest::CATALOG`.

use std::fmt::Debug;

use typed_dict::{DecodeOptions, Error, TypedDict, TypedDictSchema};

/// What one decode → encode → decode did with a payload that decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTrip {
    /// The first decoded value, encoded again.
    pub encoded: Vec<u8>,
    /// `Ok` when the encoding decodes (with the same options) into a value equal to the
    /// first; otherwise why not.
    pub stable: Result<(), String>,
}

/// `decode::<T>` and `encode` for one typed dict, without naming `T`.
#[derive(Clone, Copy)]
pub struct Codec {
    /// `T::schema`.
    pub schema: fn() -> &'static TypedDictSchema,
    /// Decodes as `T`; on success encodes the value, decodes the encoding again with the
    /// same options and compares the two values.
    pub round_trip: fn(&[u8], DecodeOptions) -> Result<RoundTrip, Error>,
}

impl Codec {
    /// The codec of `T`.
    pub const fn of<T: TypedDict + PartialEq + Debug>() -> Codec {
        Codec {
            schema: T::schema,
            round_trip: round_trip::<T>,
        }
    }

    /// The type's name.
    pub fn name(&self) -> &'static str {
        (self.schema)().name
    }

    /// The type's static schema.
    pub fn schema(&self) -> &'static TypedDictSchema {
        (self.schema)()
    }

    /// Decodes `json` as the type; the error as `typed_dict::decode` reports it.
    pub fn decode(&self, json: &[u8], options: DecodeOptions) -> Result<RoundTrip, Error> {
        (self.round_trip)(json, options)
    }
}

impl Debug for Codec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Codec({})", self.name())
    }
}

fn round_trip<T: TypedDict + PartialEq + Debug>(
    json: &[u8],
    options: DecodeOptions,
) -> Result<RoundTrip, Error> {
    let first: T = typed_dict::decode(json, options)?;
    let encoded = typed_dict::to_vec(&first).expect("encoding a typed dict never fails");
    let stable = match typed_dict::decode::<T>(&encoded, options) {
        Ok(second) if second == first => Ok(()),
        Ok(second) => Err(format!(
            "the encoding decodes into a different value:\n  first:  {first:?}\n  second: {second:?}\n  encoding: {}",
            String::from_utf8_lossy(&encoded)
        )),
        Err(error) => Err(format!(
            "the encoding does not decode: {error}\n  encoding: {}",
            String::from_utf8_lossy(&encoded)
        )),
    };
    Ok(RoundTrip { encoded, stable })
}

/// A static table of codecs from a catalog's `for_each_*type_def!` list.
macro_rules! codecs {
    ($(#[$doc:meta])* $table:ident ; $($name:ident = $ty:path),* $(,)?) => {
        $(#[$doc])*
        pub static $table: &[Codec] = &[$(Codec::of::<$ty>(),)*];
    };
}

ecr_types::for_each_type_def!(codecs;
    /// Every TypeDef's codec of the crate root (2.1), in the order of [`ecr_types::CATALOG`].
    CODECS
);

ecr_types::for_each_latest_type_def!(codecs;
    /// Every TypeDef's codec of `ecr_types::latest` (3.10.0), in the order of
    /// `ecr_types::latest::CATALOG`.
    LATEST_CODECS
);

/// Every codec: both modules' (the root's, then the latest's), then the shapes of a
/// Rust author's own vocabulary ([`crate::own_types`]) and of the rest of the stubs'
/// ([`crate::vocabulary`]).
pub fn all_codecs() -> impl Iterator<Item = &'static Codec> {
    CODECS
        .iter()
        .chain(LATEST_CODECS)
        .chain(crate::own_types::OWN_CODECS)
        .chain(crate::vocabulary::VOCABULARY_CODECS)
}

/// The codec of the ecr-types TypeDef called `name`.
pub fn codec(name: &str) -> Option<&'static Codec> {
    CODECS.iter().find(|codec| codec.name() == name)
}

/// The codec of the `ecr_types::latest` TypeDef called `name`.
pub fn latest_codec(name: &str) -> Option<&'static Codec> {
    LATEST_CODECS.iter().find(|codec| codec.name() == name)
}

/// The codec of the TypeDef (of either module) whose schema is `schema` (by identity).
pub fn codec_of(schema: &'static TypedDictSchema) -> Option<&'static Codec> {
    all_codecs().find(|codec| std::ptr::eq(codec.schema(), schema))
}
