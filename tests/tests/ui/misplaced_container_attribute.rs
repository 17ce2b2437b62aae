use typed_dict::typed_dict;

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub struct TagTypeDef {
    pub key: String,
}

#[typed_dict(closed, output = TagStatusOutputType)]
pub enum TagStatusType {
    Any,
}

#[typed_dict(rename_all = "kebab-case")]
pub enum ScanFrequencyType {
    ScanOnPush,
}

fn main() {}
