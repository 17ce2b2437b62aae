use typed_dict::typed_dict;

#[typed_dict]
pub enum ScanStatusType {
    Complete,
    Failed(String),
    InProgress { percent: i64 },
}

fn main() {}
