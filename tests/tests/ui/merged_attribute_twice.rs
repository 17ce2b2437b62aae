use typed_dict::typed_dict;

#[typed_dict(closed)]
#[typed_dict(closed, rename_all = "PascalCase")]
#[typed_dict(rename_all = "camelCase")]
pub struct Twice {
    pub a: String,
}

fn main() {}
