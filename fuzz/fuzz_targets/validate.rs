//! Raw bytes through `typed_dict::validate_schema` with the schema the first byte picks from the
//! ecr-types catalog (as the CLI's validate path picks one by name), then decoded as the
//! type behind it, held to the oracle's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    typed_dict_reliability::fuzz_validate(data);
});
