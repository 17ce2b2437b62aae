//! 128-bit integers are refused with advice: a JSON number beyond 64 bits does not
//! survive `serde_json` (`JsonValue`, `to_value`). Every narrower width is accepted.

use typed_dict::{typed_dict, Dict, List};

#[typed_dict]
pub struct Sizes {
    pub small: u8,
    pub count: Option<u32>,
    pub offsets: List<i16>,
    pub ratio: f32,
    pub total: u128,
    pub deltas: Option<Dict<String, i128>>,
}

fn main() {}
