use typed_dict::typed_dict;

#[typed_dict]
pub struct Fixed<T, const N: usize> {
    pub items: Vec<T>,
}

fn main() {}
