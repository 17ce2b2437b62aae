use typed_dict::typed_dict;

#[typed_dict(closed, closed)]
pub struct Twice {
    #[typed_dict(key = "A", key = "B")]
    pub a: String,
}

fn main() {}
