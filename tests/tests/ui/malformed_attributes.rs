use typed_dict::typed_dict;

// The syntax of the attribute itself: each mistake is a parse error, reported where it is.
#[typed_dict(crate = "not a path")]
pub struct Facade {
    pub name: String,
}

#[typed_dict]
#[typed_dict = "closed"]
pub struct Assigned {
    pub name: String,
}

#[typed_dict]
pub struct Bare {
    #[typed_dict]
    pub name: String,
    #[typed_dict(key = )]
    pub size: i64,
}

fn main() {}
