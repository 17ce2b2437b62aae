//! Values AWS added to ECR's literal types after the 2.1 release (issue 10), read through
//! the 2.1 shapes: every literal of `ecr-types` is open, so wire mode keeps such a value,
//! reports it as an `unknown_literal` warning at its path and writes it back byte for
//! byte; strict mode holds the release's contract and rejects it as `invalid_literal`.
//!
//! The values are those of `corpus/model/ecr-service-2-botocore-1.44.8.json` (the late-2026
//! service model) that 2.1 does not list.

use ecr_types::*;
use typed_dict::{decode, validate_schema, DecodeOptions, ErrorKind, TypedDict};

/// One value in one place: the literal, the response it comes in (compact, keys in
/// declaration order, so the encoding must give back the very bytes) and its path.
struct Newer {
    literal: &'static str,
    value: &'static str,
    json: &'static str,
    path: &'static str,
}

const TAG_MUTABILITY: [Newer; 2] = [
    Newer {
        literal: "ImageTagMutabilityType",
        value: "IMMUTABLE_WITH_EXCLUSION",
        json: r#"{"repositories":[{"repositoryName":"web","imageTagMutability":"IMMUTABLE_WITH_EXCLUSION"}]}"#,
        path: "$.repositories[0].imageTagMutability",
    },
    Newer {
        literal: "ImageTagMutabilityType",
        value: "MUTABLE_WITH_EXCLUSION",
        json: r#"{"repositories":[{"repositoryName":"web","imageTagMutability":"MUTABLE"},{"repositoryName":"api","imageTagMutability":"MUTABLE_WITH_EXCLUSION"}]}"#,
        path: "$.repositories[1].imageTagMutability",
    },
];

const ENCRYPTION: Newer = Newer {
    literal: "EncryptionTypeType",
    value: "KMS_DSSE",
    json: r#"{"repositories":[{"repositoryName":"web","encryptionConfiguration":{"encryptionType":"KMS_DSSE","kmsKey":"arn:aws:kms:us-east-1:123456789012:key/1a2b"}}]}"#,
    path: "$.repositories[0].encryptionConfiguration.encryptionType",
};

const SCAN_STATUS: [Newer; 3] = [
    Newer {
        literal: "ScanStatusType",
        value: "LIMIT_EXCEEDED",
        json: r#"{"imageDetails":[{"imageDigest":"sha256:cb86","imageScanStatus":{"status":"LIMIT_EXCEEDED","description":"Scan limit exceeded."}}]}"#,
        path: "$.imageDetails[0].imageScanStatus.status",
    },
    Newer {
        literal: "ScanStatusType",
        value: "IMAGE_ARCHIVED",
        json: r#"{"imageDetails":[{"imageDigest":"sha256:4f24","imageScanStatus":{"status":"IMAGE_ARCHIVED"}}]}"#,
        path: "$.imageDetails[0].imageScanStatus.status",
    },
    Newer {
        literal: "ScanStatusType",
        value: "IMAGE_SIZE_EXCEEDED",
        json: r#"{"imageDetails":[{"imageDigest":"sha256:82f1","imageScanStatus":{"status":"COMPLETE"}},{"imageDigest":"sha256:4f24","imageScanStatus":{"status":"IMAGE_SIZE_EXCEEDED"}}]}"#,
        path: "$.imageDetails[1].imageScanStatus.status",
    },
];

const LAYER_AVAILABILITY: Newer = Newer {
    literal: "LayerAvailabilityType",
    value: "ARCHIVED",
    json: r#"{"layers":[{"layerDigest":"sha256:a1b2","layerAvailability":"ARCHIVED","layerSize":1024}],"failures":[]}"#,
    path: "$.layers[0].layerAvailability",
};

const IMAGE_ACTION: Newer = Newer {
    literal: "ImageActionTypeType",
    value: "TRANSITION",
    json: r#"{"registryId":"123456789012","repositoryName":"web","lifecyclePolicyText":"{}","status":"COMPLETE","previewResults":[{"imageDigest":"sha256:4f24","action":{"type":"TRANSITION"},"appliedRulePriority":1}]}"#,
    path: "$.previewResults[0].action.type",
};

const FAILURE_CODES: [Newer; 4] = [
    Newer {
        literal: "ImageFailureCodeType",
        value: "UpstreamAccessDenied",
        json: r#"{"images":[],"failures":[{"imageId":{"imageTag":"v1"},"failureCode":"UpstreamAccessDenied","failureReason":"The upstream registry denied access."}]}"#,
        path: "$.failures[0].failureCode",
    },
    Newer {
        literal: "ImageFailureCodeType",
        value: "UpstreamTooManyRequests",
        json: r#"{"images":[],"failures":[{"imageId":{"imageTag":"v1"},"failureCode":"UpstreamTooManyRequests","failureReason":"The upstream registry throttled the pull."}]}"#,
        path: "$.failures[0].failureCode",
    },
    Newer {
        literal: "ImageFailureCodeType",
        value: "UpstreamUnavailable",
        json: r#"{"images":[],"failures":[{"imageId":{"imageTag":"v1"},"failureCode":"UpstreamUnavailable","failureReason":"The upstream registry is unavailable."}]}"#,
        path: "$.failures[0].failureCode",
    },
    Newer {
        literal: "ImageFailureCodeType",
        value: "ImageInaccessible",
        json: r#"{"images":[],"failures":[{"imageId":{"imageTag":"v1"},"failureCode":"ImageInaccessible","failureReason":"The image is inaccessible."}]}"#,
        path: "$.failures[0].failureCode",
    },
];

/// The whole contract for one value, through `decode` and `validate` in both modes.
/// Returns the value decoded in wire mode, for the caller's typed checks.
fn check<T: TypedDict>(newer: &Newer) -> T {
    let Newer {
        literal,
        value,
        json,
        path,
    } = newer;
    assert!(
        json.contains(&format!("\"{value}\"")),
        "{value} is not in its payload"
    );
    // The 2.1 declaration does not list the value.
    let schema = CATALOG.literal(literal).unwrap();
    assert!(schema.open, "{literal} is open");
    assert!(!schema.allows(value), "{literal} lists {value}");

    // Wire: kept, and written back exactly.
    let kept: T = decode(json.as_bytes(), DecodeOptions::wire())
        .unwrap_or_else(|error| panic!("{value}: {error}"));
    assert_eq!(
        typed_dict::to_string(&kept).unwrap(),
        *json,
        "{value}: not written back byte for byte"
    );
    let report = validate_schema(json.as_bytes(), T::schema(), DecodeOptions::wire());
    assert!(report.is_valid(), "{value}: {:?}", report.errors);
    let warnings: Vec<(ErrorKind, &str)> = report
        .warnings
        .iter()
        .map(|w| (w.kind, w.path.as_str()))
        .collect();
    assert_eq!(warnings, [(ErrorKind::UnknownLiteral, *path)], "{value}");
    let message = &report.warnings[0].message;
    assert!(
        message.starts_with(&format!(
            "'{value}' is not a known {literal} value, kept as sent (wire mode); known: "
        )),
        "{message}"
    );
    for known in schema.values {
        assert!(message.contains(&format!("'{known}'")), "{message}");
    }

    // Strict: the release's contract.
    let error = decode::<T>(json.as_bytes(), DecodeOptions::strict()).unwrap_err();
    let literal_errors: Vec<(ErrorKind, &str)> = error
        .errors()
        .iter()
        .filter(|e| e.kind != ErrorKind::MissingKey)
        .map(|e| (e.kind, e.path.as_str()))
        .collect();
    assert_eq!(
        literal_errors,
        [(ErrorKind::InvalidLiteral, *path)],
        "{value}: {error}"
    );
    let strict = validate_schema(json.as_bytes(), T::schema(), DecodeOptions::strict());
    assert!(strict
        .errors
        .iter()
        .any(|e| e.kind == ErrorKind::InvalidLiteral && e.path == *path));
    assert!(strict.warnings.is_empty(), "{value}: {:?}", strict.warnings);
    kept
}

#[test]
fn image_tag_mutability_with_exclusion() {
    for newer in &TAG_MUTABILITY {
        let page: DescribeRepositoriesResponseTypeDef = check(newer);
        let mutability = page
            .repositories
            .last()
            .unwrap()
            .image_tag_mutability
            .as_ref();
        match mutability.unwrap() {
            ImageTagMutabilityType::Mutable | ImageTagMutabilityType::Immutable => {
                panic!("{} is not one of 2.1's", newer.value)
            }
            ImageTagMutabilityType::Unknown(value) => assert_eq!(value.as_str(), newer.value),
        }
    }
}

#[test]
fn encryption_type_kms_dsse() {
    let page: DescribeRepositoriesResponseTypeDef = check(&ENCRYPTION);
    let encryption = page.repositories[0]
        .encryption_configuration
        .as_ref()
        .unwrap();
    assert_eq!(encryption.encryption_type.as_str(), "KMS_DSSE");
    assert!(!encryption.encryption_type.is_known());
    // The listed values are still the variants.
    assert_eq!(EncryptionTypeType::from_any("KMS"), EncryptionTypeType::Kms);
}

#[test]
fn scan_statuses_of_a_newer_service() {
    for newer in &SCAN_STATUS {
        let page: DescribeImagesResponseTypeDef = check(newer);
        let status = page
            .image_details
            .last()
            .unwrap()
            .image_scan_status
            .as_ref();
        let status = status.unwrap().status.as_ref().unwrap();
        assert_eq!(status.to_string(), newer.value);
        assert!(matches!(status, ScanStatusType::Unknown(_)));
        // `FromStr` stays strict, and lists what 2.1 allows.
        let error = newer.value.parse::<ScanStatusType>().unwrap_err();
        assert!(error.to_string().contains("'UNSUPPORTED_IMAGE'"), "{error}");
    }
}

#[test]
fn layer_availability_archived() {
    let answer: BatchCheckLayerAvailabilityResponseTypeDef = check(&LAYER_AVAILABILITY);
    let availability = answer.layers[0].layer_availability.as_ref().unwrap();
    assert_eq!(availability.as_str(), "ARCHIVED");
    assert_ne!(*availability, LayerAvailabilityType::Unavailable);
}

#[test]
fn image_action_transition() {
    let preview: GetLifecyclePolicyPreviewResponseTypeDef = check(&IMAGE_ACTION);
    let results = preview.preview_results.unwrap();
    let action = results[0].action.as_ref().unwrap().r#type.as_ref().unwrap();
    assert_eq!(action.as_str(), "TRANSITION");
    // The schema still says what 2.1 says: `Literal['EXPIRE']`.
    let rule = CATALOG
        .type_def("LifecyclePolicyRuleActionTypeDef")
        .unwrap();
    assert_eq!(
        rule.fields[0].value.python().to_string(),
        "Literal['EXPIRE']"
    );
}

#[test]
fn upstream_and_inaccessible_failure_codes() {
    for newer in &FAILURE_CODES {
        let answer: BatchGetImageResponseTypeDef = check(newer);
        let code = answer.failures[0].failure_code.as_ref().unwrap();
        assert_eq!(code.as_str(), newer.value);
        assert!(!code.is_known());
    }
}

/// Every value issue 10 names is one the late-2026 model lists and 2.1 does not.
#[test]
fn the_values_are_the_service_models() {
    let Some(model) = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/corpus/model/ecr-service-2-botocore-1.44.8.json"
    ))
    .ok() else {
        eprintln!("skipped: ../shared/corpus is absent");
        return;
    };
    let model: serde_json::Value = serde_json::from_str(&model).unwrap();
    let every = TAG_MUTABILITY
        .iter()
        .chain([&ENCRYPTION])
        .chain(&SCAN_STATUS)
        .chain([&LAYER_AVAILABILITY, &IMAGE_ACTION])
        .chain(&FAILURE_CODES);
    let mut count = 0;
    for newer in every {
        // `ImageTagMutabilityType` is the model's `ImageTagMutability`.
        let shape = newer.literal.strip_suffix("Type").unwrap();
        let values = model["shapes"][shape]["enum"].as_array().unwrap();
        assert!(
            values.iter().any(|v| v == newer.value),
            "{shape}: {}",
            newer.value
        );
        count += 1;
    }
    assert_eq!(count, 12);
}
