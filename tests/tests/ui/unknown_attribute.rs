use typed_dict::typed_dict;

#[typed_dict(total = false)]
pub struct Container {
    pub a: String,
}

#[typed_dict]
pub struct Field {
    #[typed_dict(rename = "B")]
    pub b: String,
}

#[typed_dict]
pub enum Variant {
    #[typed_dict(rename = "X")]
    X,
}

fn main() {}
