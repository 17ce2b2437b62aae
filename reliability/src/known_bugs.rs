//! Framework bugs this suite found, probed at run time.
//!
//! Each bug has a test of its own that fails while the bug is there (`#[ignore]`d with the
//! reason until it is fixed). Meanwhile the [oracle](crate::oracle), and so the property
//! tests and fuzz targets, tolerate that one class of input, so they keep looking for
//! other bugs instead of finding the known one over and over. Each probe asks the library
//! itself, so the tolerance ends on its own the day the bug is fixed.

use std::sync::OnceLock;

use typed_dict::DecodeOptions;

use crate::codecs::codec;

/// A string value that is not UTF-8, under a key the shape does not declare.
pub const NON_UTF8_IN_SKIPPED_VALUE: &[u8] = b"{\"repositoryName\": \"web\", \"note\": \"\xFF\"}";

/// Whether strings the decoder skips (values of unknown keys, the rest of a value of the
/// wrong type) are still taken without a UTF-8 check, so that bytes which are not JSON
/// (RFC 8259 §8.1) decode. `serde_json`'s `IgnoredAny` does not check UTF-8, and
/// `typed_dict::decode` hands it the bytes unchecked.
pub fn skipped_values_skip_utf8_check() -> bool {
    static PRESENT: OnceLock<bool> = OnceLock::new();
    *PRESENT.get_or_init(|| {
        codec("CreateRepositoryRequestRequestTypeDef")
            .expect("an ecr-types TypeDef")
            .decode(NON_UTF8_IN_SKIPPED_VALUE, DecodeOptions::strict())
            .is_ok()
    })
}
