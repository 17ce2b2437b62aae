use typed_dict::{typed_dict, Dict};

#[typed_dict]
pub struct RepositoryTypeDef {
    #[typed_dict(extra, key = "rest")]
    pub extra: Option<Dict<String, serde_json::Value>>,
    #[typed_dict(extra)]
    pub more: Dict<String, serde_json::Value>,
}

fn main() {}
