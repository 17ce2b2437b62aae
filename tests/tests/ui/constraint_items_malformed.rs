use typed_dict::{typed_dict, List};

#[typed_dict]
pub struct ItemsMalformed {
    #[typed_dict(items = 3)]
    pub a: List<String>,
    #[typed_dict(items)]
    pub b: List<String>,
    #[typed_dict(items())]
    pub c: List<String>,
    #[typed_dict(items(min_length = -1))]
    pub d: List<String>,
    #[typed_dict(items(maxlength = 1))]
    pub e: List<String>,
    #[typed_dict(items(key = "x"))]
    pub f: List<String>,
    #[typed_dict(items(max_length = 1, max_length = 2))]
    pub g: List<String>,
    #[typed_dict(items(max_length = 1), items(min_length = 1))]
    pub h: List<String>,
    #[typed_dict(items(pattern = "[a-"))]
    pub i: List<String>,
    #[typed_dict(items(items))]
    pub j: List<List<String>>,
    #[typed_dict(values(wire_optional))]
    pub k: List<String>,
}

fn main() {}
