use typed_dict::typed_dict;

#[typed_dict(key = "Tag", value = "x")]
pub struct TagTypeDef {
    pub key: String,
}

#[typed_dict(closed, output = TagStatusOutputType, required = TagStatusKeys)]
pub enum TagStatusType {
    Any,
}

fn main() {}
