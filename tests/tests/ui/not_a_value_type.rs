use typed_dict::{typed_dict, List};

pub struct Plain {
    pub value: String,
}

#[typed_dict]
pub struct Holder {
    pub plain: Plain,
}

#[typed_dict]
pub struct Wrapped {
    pub maybe: Option<Plain>,
    pub many: List<Plain>,
}

fn main() {}
