use typed_dict::{typed_dict, Blob};

#[typed_dict]
pub struct MaybeText(pub Option<String>);

#[typed_dict]
pub struct Keyed(#[typed_dict(key = "blob")] pub Blob);

#[typed_dict(closed, output = PayloadOutput)]
pub struct Payload(pub Blob);

#[typed_dict]
pub struct Small(pub u128);

pub struct Plain;

#[typed_dict]
pub struct NotAValue(pub Plain);

#[typed_dict]
pub struct Pair(pub String, pub String);

// Uses of an alias with errors still type-check.
pub fn uses(payload: &Payload) -> Payload {
    payload.clone()
}

fn main() {}
