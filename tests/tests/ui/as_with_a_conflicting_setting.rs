use typed_dict::{typed_dict, Dict, JsonValue};

pub struct Region(pub String);

#[typed_dict]
pub struct Placement {
    #[typed_dict(python = "RegionName")]
    pub region: String,
    #[typed_dict(extra, as = "Any")]
    pub rest: Dict<String, JsonValue>,
}

fn main() {}
