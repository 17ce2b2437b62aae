// `#[non_exhaustive]` on a typed dict holds for its output variant too, in every crate but
// the declaring one.
use typed_dict_tests::{Growing, GrowingOutput};

fn main() {
    let _ = Growing { names: vec![].into(), note: None };
    let _ = GrowingOutput { names: vec![].into(), note: None };
    // What other crates do instead: compiles.
    let built = Growing::new(typed_dict_tests::GrowingRequired { names: vec![].into() });
    let _ = built.with_note("n");
}
