use typed_dict::typed_dict;

// The arguments' own errors are reported too, not only where the attribute cannot go.
#[typed_dict(closd)]
fn describe_images() {}

fn main() {}
