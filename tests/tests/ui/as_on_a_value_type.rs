use typed_dict::{typed_dict, List};

#[typed_dict]
pub struct Placement {
    #[typed_dict(as = "str")]
    pub region: String,
    #[typed_dict(as = "int")]
    pub counts: Option<List<i64>>,
}

fn main() {}
