use typed_dict::typed_dict;

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ImageTagMutabilityType {
    Mutable,
    Immutable,
}

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanStatusType {
    Complete,
}

#[typed_dict]
pub struct PutImageTagMutabilityRequestRequestTypeDef {
    pub image_tag_mutability: ImageTagMutabilityType,
}

fn main() {
    let _ = PutImageTagMutabilityRequestRequestTypeDef::new(
        PutImageTagMutabilityRequestRequestTypeDefRequired {
            image_tag_mutability: ScanStatusType::Complete,
        },
    );
    let _ = PutImageTagMutabilityRequestRequestTypeDefRequired {
        image_tag_mutability: "MUTABLE",
    };
}
