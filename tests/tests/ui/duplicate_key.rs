use typed_dict::typed_dict;

#[typed_dict]
pub struct ResponseMetadataTypeDef {
    pub request_id: String,
    #[typed_dict(key = "requestId")]
    pub request: String,
}

fn main() {}
