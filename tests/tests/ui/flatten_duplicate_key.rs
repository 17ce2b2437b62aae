use typed_dict::typed_dict;

#[typed_dict]
pub struct Resource {
    pub resource_arn: String,
    pub name: Option<String>,
}

#[typed_dict]
pub struct Audited {
    pub version: i64,
    pub resource_arn: String,
}

// Declared by a base and by the typed dict itself.
#[typed_dict]
pub struct Repository {
    #[typed_dict(flatten)]
    pub resource: Resource,
    pub name: String,
}

// Declared by two bases.
#[typed_dict]
pub struct Image {
    #[typed_dict(flatten)]
    pub resource: Resource,
    #[typed_dict(flatten)]
    pub audited: Audited,
}

fn main() {}
