use typed_dict::typed_dict;

#[typed_dict]
pub struct Page<T> {
    pub items: Vec<T>,
}

fn main() {}
