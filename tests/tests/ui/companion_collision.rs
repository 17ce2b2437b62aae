use typed_dict::typed_dict;

#[typed_dict]
pub struct Queue {
    pub url: String,
}

#[typed_dict]
pub struct QueueRequired {
    pub name: String,
}

fn main() {}
