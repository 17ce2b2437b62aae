//! Builds a `CreateRepository` request the way a Rust service calling ECR would, and
//! encodes it as the JSON body boto3 would send.
//!
//! ```sh
//! cargo run -p ecr-types --example build_request
//! ```

use ecr_types::{
    CreateRepositoryRequestRequestTypeDef, CreateRepositoryRequestRequestTypeDefRequired,
    ImageScanningConfigurationTypeDef, ImageTagMutabilityType, TagTypeDef,
};
use typed_dict::{DecodeOptions, TypedDict};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The Required keys go in the companion struct: leaving one out does not compile.
    let request =
        CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {
            repository_name: "web".into(),
        })
        // Every NotRequired key has a `with_` setter taking anything that converts.
        .with_image_tag_mutability(ImageTagMutabilityType::Immutable)
        .with_image_scanning_configuration(
            ImageScanningConfigurationTypeDef::new().with_scan_on_push(true),
        )
        .with_tags(vec![
            TagTypeDef::new().with_key("team").with_value("platform"),
            TagTypeDef::new().with_key("cost-center").with_value("42"),
        ]);

    // Keys in declaration order, wire names, absent keys left out.
    let body = typed_dict::to_string(&request)?;
    println!("{body}");
    assert_eq!(
        body,
        r#"{"repositoryName":"web","tags":[{"Key":"team","Value":"platform"},{"Key":"cost-center","Value":"42"}],"imageTagMutability":"IMMUTABLE","imageScanningConfiguration":{"scanOnPush":true}}"#
    );

    // What is built is valid for the stub's strict contract.
    let report = typed_dict::validate_schema(
        body.as_bytes(),
        CreateRepositoryRequestRequestTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert!(report.is_valid());
    Ok(())
}

#[test]
fn runs() {
    main().unwrap();
}
