//! Raw bytes build a typed dict with extra-items fields at every level and adversarial
//! extra entries (declared keys, near misses by case, escapes and Unicode, empty and huge
//! keys, deep JSON); encoding must refuse it or write JSON that decodes back to an equal
//! value (`typed_dict_reliability::fuzz_encode_extra`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    typed_dict_reliability::fuzz_encode_extra(data);
});
