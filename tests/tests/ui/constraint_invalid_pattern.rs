use typed_dict::typed_dict;

#[typed_dict]
pub struct Patterns {
    #[typed_dict(pattern = "[a-z")]
    pub unclosed: String,
    #[typed_dict(pattern = "a{2,1}")]
    pub backwards: String,
    #[typed_dict(pattern = "(?<=a)b")]
    pub look_behind: String,
    #[typed_dict(pattern = "\\p{Klingon}")]
    pub unknown_class: String,
    #[typed_dict(pattern = "[\\p{L}\\p{N}_.:/=+\\-@]*")]
    pub unicode_class: String,
    #[typed_dict(pattern = "a)|(?:b")]
    pub closes_the_wrapper: String,
    #[typed_dict(pattern = "[\\w.:/=+\\-@]*(?i:arn)")]
    pub fine: String,
}

fn main() {}
