use typed_dict::typed_dict;

#[typed_dict]
pub struct Resource {
    pub resource_arn: String,
}

#[typed_dict]
pub struct WithSettings {
    #[typed_dict(flatten, key = "resource")]
    pub resource: Resource,
}

#[typed_dict]
pub struct Optional {
    #[typed_dict(flatten)]
    pub resource: Option<Resource>,
}

#[typed_dict]
pub struct Recursive {
    #[typed_dict(flatten)]
    pub itself: Recursive,
}

#[typed_dict]
pub struct Generic<T> {
    pub items: typed_dict::List<T>,
    #[typed_dict(flatten)]
    pub resource: Resource,
}

#[typed_dict]
pub struct Both {
    #[typed_dict(flatten, extra)]
    pub rest: typed_dict::Dict<String, typed_dict::JsonValue>,
}

#[typed_dict]
pub struct Constrained {
    #[typed_dict(flatten, min_length = 1)]
    pub resource: Resource,
}

fn main() {}
