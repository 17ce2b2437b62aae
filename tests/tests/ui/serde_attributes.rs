use serde::{Deserialize, Serialize};
use typed_dict::typed_dict;

#[typed_dict]
#[derive(Debug, Serialize, Deserialize)]
pub struct Migrating {
    #[serde(rename = "QueueUrl")]
    pub queue_url: String,
}

#[typed_dict]
#[serde(rename_all = "PascalCase")]
pub struct RenamedAll {
    pub queue_url: String,
}

#[typed_dict]
pub enum Status {
    #[serde(rename = "ACTIVE")]
    Active,
}

fn main() {
    // The types stay usable: no follow-on errors.
    let value = Migrating::new(MigratingRequired { queue_url: "q".into() });
    let _ = typed_dict::to_string(&value);
    let _ = Status::Active.as_str();
}
