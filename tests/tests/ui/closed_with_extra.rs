use typed_dict::{typed_dict, Dict};

#[typed_dict(closed)]
pub struct RepositoryTypeDef {
    pub repository_name: String,
    #[typed_dict(extra)]
    pub extra: Dict<String, serde_json::Value>,
}

fn main() {}
