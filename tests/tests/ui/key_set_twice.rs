use typed_dict::typed_dict;

#[typed_dict]
pub struct CreateRepositoryRequestRequestTypeDef {
    pub repository_name: String,
}

fn main() {
    let _ = CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {
        repository_name: "a".into(),
        repository_name: "b".into(),
    });
}
