use typed_dict::typed_dict;

#[typed_dict(closed = true, output = "ShapeOutput", crate = typed_dict)]
pub struct Shape {
    #[typed_dict(key = QueueUrl)]
    pub queue_url: String,
    #[typed_dict(key)]
    pub tags: Option<String>,
    #[typed_dict(wire_optional = true)]
    pub next_token: Option<String>,
}

#[typed_dict(rename_all)]
pub enum Status {
    #[typed_dict(value = Active)]
    Active,
    #[typed_dict(other = "x")]
    Unknown,
}

fn main() {}
