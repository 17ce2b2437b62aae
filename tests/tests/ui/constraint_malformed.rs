use typed_dict::typed_dict;

#[typed_dict]
pub struct Malformed {
    #[typed_dict(min_length = -1)]
    pub a: String,
    #[typed_dict(max_length = "3")]
    pub b: String,
    #[typed_dict(max_length)]
    pub c: String,
    #[typed_dict(ge = "1")]
    pub d: i64,
    #[typed_dict(le = x)]
    pub e: i64,
    #[typed_dict(pattern = 1)]
    pub f: String,
    #[typed_dict(max_length = 1.5)]
    pub g: String,
    #[typed_dict(max_length = 1, max_length = 2)]
    pub h: String,
    #[typed_dict(maxlength = 1)]
    pub i: String,
}

#[typed_dict(max_length = 3)]
pub struct OnTheStruct {
    pub a: String,
}

fn main() {}
