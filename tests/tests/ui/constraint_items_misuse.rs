use typed_dict::{typed_dict, Dict, JsonValue, List, Sequence};

#[typed_dict]
pub struct ItemsMisused {
    #[typed_dict(items(min_length = 1))]
    pub name: String,
    #[typed_dict(keys(max_length = 3))]
    pub tags: List<String>,
    #[typed_dict(values(max_length = 3))]
    pub count: Option<i64>,
    #[typed_dict(items(pattern = "[0-9]+"))]
    pub counts: Sequence<i64>,
    #[typed_dict(items(ge = 1))]
    pub names: List<String>,
    #[typed_dict(items(ge = 0.5))]
    pub sizes: Option<List<u32>>,
    #[typed_dict(keys(ge = 1), values(max_length = 2))]
    pub flags: Dict<String, bool>,
    #[typed_dict(keys(min_length = 1))]
    pub by_number: Dict<u8, String>,
    #[typed_dict(keys(items(max_length = 1)))]
    pub labels: Dict<String, String>,
    #[typed_dict(items(items(pattern = "[a-z]+")))]
    pub grid: List<List<i64>>,
    #[typed_dict(extra, items(max_length = 2))]
    pub rest: Dict<String, JsonValue>,
}

fn main() {}
