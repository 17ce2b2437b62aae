use typed_dict::typed_dict;

// Every `#[serde(...)]` is pointed at what to write instead (`rename` and `rename_all`
// are in serde_attributes.rs).
#[typed_dict]
#[serde(deny_unknown_fields)]
pub struct Strict {
    #[serde(flatten)]
    pub rest: String,
    #[serde(default)]
    pub name: String,
    #[serde]
    pub size: i64,
}

#[typed_dict]
pub enum Status {
    Active,
    #[serde(other)]
    Unknown,
}

fn main() {}
