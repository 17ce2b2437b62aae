use typed_dict::typed_dict;

#[typed_dict]
pub struct TagTypeDef {
    pub key: Option<Option<String>>,
}

fn main() {}
