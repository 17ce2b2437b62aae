use typed_dict::typed_dict;

#[typed_dict]
pub struct EmptyTypeDef;

fn main() {}
