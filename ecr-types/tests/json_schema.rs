//! The JSON Schema derived from the static schema, checked with a real JSON Schema
//! validator on valid and invalid payloads.

use serde_json::{json, Value};
use typed_dict::json_schema::{for_all, for_type_def};
use typed_dict::Mode;

fn validator(name: &str, mode: Mode) -> jsonschema::Validator {
    let schema = for_type_def(ecr_types::CATALOG.type_def(name).unwrap(), mode);
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|error| panic!("schema of {name} is invalid: {error}"))
}

fn payload(name: &str) -> Value {
    let path = format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn every_type_def_has_a_valid_schema_document() {
    for schema in ecr_types::CATALOG.type_defs() {
        for mode in [Mode::Strict, Mode::Wire] {
            let document = for_type_def(schema, mode);
            assert!(
                jsonschema::meta::is_valid(&document),
                "{} ({mode:?})",
                schema.name
            );
            assert!(
                jsonschema::validator_for(&document).is_ok(),
                "{}",
                schema.name
            );
        }
    }
    let all = for_all(ecr_types::CATALOG.type_defs(), Mode::Strict);
    assert_eq!(
        all["$defs"].as_object().unwrap().len(),
        124 + 16,
        "every TypeDef and used literal"
    );
}

#[test]
fn the_service_response_is_valid_in_wire_mode_and_strict_names_the_missing_keys() {
    let response = payload("describe-images.json");
    assert!(validator("DescribeImagesResponseTypeDef", Mode::Wire).is_valid(&response));
    let strict = validator("DescribeImagesResponseTypeDef", Mode::Strict);
    let messages: Vec<String> = strict
        .iter_errors(&response)
        .map(|e| e.to_string())
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("\"nextToken\" is a required property"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("\"ResponseMetadata\" is a required property"),
        "{messages:?}"
    );
}

#[test]
fn invalid_payload_is_rejected_at_each_problem() {
    let invalid = payload("describe-images-invalid.json");
    let wire = validator("DescribeImagesResponseTypeDef", Mode::Wire);
    let paths: Vec<String> = wire
        .iter_errors(&invalid)
        .map(|e| e.instance_path.to_string())
        .collect();
    for expected in [
        "/imageDetails/0/imageSizeInBytes",
        "/imageDetails/0/imageTags/1",
        "/nextToken",
    ] {
        assert!(
            paths.iter().any(|path| path == expected),
            "{expected} not in {paths:?}"
        );
    }
    // `DONE` is a value ScanStatusType does not list: ECR's literals are open, so wire
    // mode keeps it (validate warns), and only the strict schema rejects it.
    let status = "/imageDetails/0/imageScanStatus/status";
    assert!(!paths.iter().any(|path| path == status), "{paths:?}");
    let strict = validator("DescribeImagesResponseTypeDef", Mode::Strict);
    assert!(strict
        .iter_errors(&invalid)
        .any(|e| e.instance_path.to_string() == status));
}

#[test]
fn literals_closedness_timestamps_and_blobs() {
    let request = validator("UploadLayerPartRequestRequestTypeDef", Mode::Strict);
    let valid = json!({"repositoryName": "web", "uploadId": "6cb4b5a1-0f5b-4a0e-8a47-4d0e9b4c4f3a", "partFirstByte": 0, "partLastByte": 4, "layerPartBlob": "bGF5ZXI="});
    assert!(request.is_valid(&valid));
    let mut bad_blob = valid.clone();
    bad_blob["layerPartBlob"] = json!("not base64!");
    assert!(!request.is_valid(&bad_blob));
    let mut float_int = valid.clone();
    float_int["partFirstByte"] = json!(1.5);
    assert!(!request.is_valid(&float_int));

    let mutability = validator("PutImageTagMutabilityRequestRequestTypeDef", Mode::Strict);
    assert!(
        mutability.is_valid(&json!({"repositoryName": "web", "imageTagMutability": "IMMUTABLE"}))
    );
    assert!(
        !mutability.is_valid(&json!({"repositoryName": "web", "imageTagMutability": "mutable"}))
    );

    let token = validator("AuthorizationDataTypeDef", Mode::Strict);
    assert!(token.is_valid(&json!({"expiresAt": 1650000000.123})));
    assert!(token.is_valid(&json!({"expiresAt": "2023-04-17T17:40:39.940000-05:00"})));
    assert!(!token.is_valid(&json!({"expiresAt": true})));
    assert!(!token.is_valid(&json!({"expiresAt": 1e300})));
    assert!(
        !token.is_valid(&json!({"proxyEndpoint": null})),
        "strict: null is never a value"
    );
    assert!(
        validator("AuthorizationDataTypeDef", Mode::Wire).is_valid(&json!({"proxyEndpoint": null}))
    );
}
