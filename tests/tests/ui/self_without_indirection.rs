use typed_dict::typed_dict;

// A Required key of the struct's own type: a struct cannot contain itself.
#[typed_dict]
pub struct Node {
    pub name: String,
    pub next: Node,
}

// The same spelled `Self`, and a NotRequired key without `Box`.
#[typed_dict]
pub struct Chain {
    pub next: Self,
    pub previous: Option<Chain>,
}

// A union member that is the union itself: decoding would offer the value to the
// union again without end.
#[typed_dict]
pub enum Wrapped {
    Leaf(String),
    Again(Box<Self>),
}

fn main() {}
