use typed_dict::{typed_dict, Dict, List};

#[typed_dict]
pub struct ItemsCrossed {
    #[typed_dict(items(min_length = 5, max_length = 2))]
    pub tags: List<String>,
    #[typed_dict(keys(min_length = 4, max_length = 3), values(ge = 3, le = 1))]
    pub counts: Dict<String, i64>,
    #[typed_dict(items(items(min_length = 3, max_length = 1)))]
    pub grid: Option<List<List<String>>>,
}

fn main() {}
