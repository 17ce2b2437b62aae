use typed_dict::{typed_dict, List, Sequence};

// Bytes are `Blob` (base64 on the wire), never a list of small integers.
#[typed_dict]
pub struct Upload {
    pub body: Vec<u8>,
    pub parts: Option<List<u8>>,
    pub digest: Sequence<u8>,
}

fn main() {}
