use typed_dict::typed_dict;

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanStatusType {
    InProgress,
    #[typed_dict(value = "IN_PROGRESS")]
    Running,
}

fn main() {}
