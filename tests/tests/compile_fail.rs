//! The compile-fail suite: every misuse of `#[typed_dict]` gets a message that names the
//! offending field, key or value. Snapshots live next to the cases in `ui/`; after a
//! deliberate change, regenerate with `TRYBUILD=overwrite` and review the diff.

#[test]
fn compile_fail() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*.rs");
}
