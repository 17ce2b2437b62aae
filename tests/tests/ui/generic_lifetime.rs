use typed_dict::typed_dict;

#[typed_dict]
pub struct Borrowed<'a, T> {
    pub name: &'a str,
    pub items: Vec<T>,
}

fn main() {}
