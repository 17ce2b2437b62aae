use typed_dict::{typed_dict, Dict, List, Sequence};

#[typed_dict]
pub struct Nested {
    pub sizes: Option<List<u128>>,
    pub counts: Dict<String, i128>,
    pub names: Sequence<&'static str>,
    pub parent: Option<Box<char>>,
    pub by_number: Dict<f64, String>,
    pub maybe: List<Option<String>>,
    pub shared: Option<std::rc::Rc<String>>,
}

fn main() {}
