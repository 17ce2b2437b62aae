use std::collections::HashMap;

use serde_json::Value;
use typed_dict::{typed_dict, Dict};

#[typed_dict]
pub struct StringsOnly {
    pub name: String,
    #[typed_dict(extra)]
    pub extra: Dict<String, String>,
}

#[typed_dict]
pub struct StdMap {
    pub name: String,
    #[typed_dict(extra)]
    pub extra: HashMap<String, Value>,
}

#[typed_dict]
pub struct WireOptionalExtra {
    pub name: String,
    #[typed_dict(extra, wire_optional)]
    pub extra: Dict<String, Value>,
}

fn main() {}
