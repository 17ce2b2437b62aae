use typed_dict::typed_dict;

#[typed_dict]
pub struct Unnamed {
    #[typed_dict(key = "")]
    pub name: String,
}

fn main() {}
