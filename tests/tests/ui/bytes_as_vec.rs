use typed_dict::{typed_dict, List, Sequence};

// Bytes are `Blob` (base64 on the wire), never Rust's byte buffer as a list of numbers.
#[typed_dict]
pub struct Upload {
    pub body: Vec<u8>,
    pub parts: Option<std::vec::Vec<u8>>,
    // A list of small integers, said so: accepted.
    pub levels: Option<List<u8>>,
    pub digest: Sequence<u8>,
}

fn main() {}
