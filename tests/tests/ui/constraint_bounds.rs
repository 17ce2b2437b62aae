use typed_dict::typed_dict;

#[typed_dict]
pub struct Crossed {
    #[typed_dict(min_length = 10, max_length = 2)]
    pub name: String,
    #[typed_dict(ge = 5, le = -5)]
    pub count: i64,
    #[typed_dict(ge = 1.5, le = 1.25)]
    pub ratio: f64,
    #[typed_dict(min_length = 3, max_length = 3, ge = 1, le = 1)]
    pub exact: Option<String>,
}

fn main() {}
