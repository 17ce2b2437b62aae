//! Raw bytes decoded as the deep shapes (`typed_dict_reliability::fuzz::DEEP_SHAPES`) in
//! strict and wire mode, unknown keys allowed and denied, held to the oracle's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    typed_dict_reliability::fuzz_decode(data);
});
