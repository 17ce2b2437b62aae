//! Raw bytes through `ecr-types validate`'s report renderer: the TypeDef, options and file
//! name come from the first bytes, the payload from the rest; the text and JSON reports
//! must hold no raw control, format or bidi character from the payload, and no forged line
//! (`ecr_types_cli::fuzz::text_report`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    ecr_types_cli::fuzz::text_report(data);
});
