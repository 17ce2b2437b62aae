use typed_dict::typed_dict;

pub struct Region(pub String);

#[typed_dict]
pub struct Placement {
    #[typed_dict(as = "strr")]
    pub region: Region,
    #[typed_dict(as = "string")]
    pub backup: Region,
}

fn main() {}
