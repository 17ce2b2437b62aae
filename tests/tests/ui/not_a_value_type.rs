use typed_dict::typed_dict;

pub struct Plain {
    pub value: String,
}

#[typed_dict]
pub struct Holder {
    pub plain: Plain,
}

fn main() {}
