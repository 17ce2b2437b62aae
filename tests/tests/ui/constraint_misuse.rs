use typed_dict::{typed_dict, Blob, Dict, JsonValue, List, Timestamp};

#[typed_dict]
pub struct Misused {
    #[typed_dict(pattern = "[0-9]+")]
    pub count: i64,
    #[typed_dict(ge = 1)]
    pub name: String,
    #[typed_dict(le = 5)]
    pub names: List<String>,
    #[typed_dict(min_length = 1)]
    pub ratio: f64,
    #[typed_dict(max_length = 3)]
    pub flag: bool,
    #[typed_dict(pattern = "[a-z]+")]
    pub created: Option<Timestamp>,
    #[typed_dict(pattern = "[A-Z]+")]
    pub data: Blob,
    #[typed_dict(le = 2)]
    pub labels: Dict<String, String>,
    #[typed_dict(ge = 0.5)]
    pub whole: Option<u32>,
    #[typed_dict(max_length = 2)]
    pub any: JsonValue,
    #[typed_dict(extra, max_length = 2)]
    pub rest: Dict<String, JsonValue>,
}

fn main() {}
