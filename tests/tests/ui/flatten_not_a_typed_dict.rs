use typed_dict::{typed_dict, Dict, JsonValue};

#[typed_dict]
pub struct Labelled {
    #[typed_dict(flatten)]
    pub label: String,
}

#[typed_dict]
pub struct Catchall {
    pub name: String,
    #[typed_dict(extra)]
    pub rest: Dict<String, JsonValue>,
}

#[typed_dict]
pub struct Child {
    #[typed_dict(flatten)]
    pub base: Catchall,
}

fn main() {}
