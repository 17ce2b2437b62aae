use typed_dict::typed_dict;

#[typed_dict]
pub enum NeverType {}

fn main() {}
