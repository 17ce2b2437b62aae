use typed_dict::typed_dict;

#[typed_dict]
pub struct ListImagesResponseTypeDef {
    #[typed_dict(wire_optional)]
    pub next_token: String,
}

fn main() {}
