use std::collections::HashSet;
use typed_dict::typed_dict;

#[typed_dict]
pub struct LayerTypeDef {
    pub layer_size: u128,
    pub media_type: Option<&'static str>,
    pub annotations: HashSet<String>,
    pub pair: (String, String),
}

fn main() {}
