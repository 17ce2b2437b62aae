use typed_dict::typed_dict;

#[typed_dict]
pub struct TagTypeDef(String, String);

fn main() {}
