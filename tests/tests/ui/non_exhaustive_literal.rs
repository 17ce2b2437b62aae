// A `#[non_exhaustive]` literal is matched with a catch-all arm in other crates: a value
// a later release lists would otherwise break the match.
use typed_dict_tests::GrowingStatus;

fn main() {
    match GrowingStatus::Active {
        GrowingStatus::Active => {}
        GrowingStatus::Unknown(_) => {}
    }
}
