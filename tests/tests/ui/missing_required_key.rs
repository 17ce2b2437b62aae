use typed_dict::typed_dict;

#[typed_dict]
pub struct CreateRepositoryRequestRequestTypeDef {
    pub repository_name: String,
    pub registry_id: Option<String>,
}

fn main() {
    let _ = CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {});
}
