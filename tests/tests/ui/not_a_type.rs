use typed_dict::typed_dict;

#[typed_dict]
fn describe_images() {}

fn main() {}
