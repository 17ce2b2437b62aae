//! The registry's look-ups, its closure over nested types, and the wire-mode declarations.

use std::collections::BTreeSet;

use ecr_types::{literal, literals, type_def, type_defs};
use typed_dict::{decode, DecodeOptions, ErrorKind, TypedDict, ValueType};

#[test]
fn every_schema_is_found_by_its_name() {
    assert_eq!(type_defs().count(), 124);
    assert_eq!(literals().count(), 26);
    for schema in type_defs() {
        assert!(std::ptr::eq(type_def(schema.name).unwrap(), schema));
    }
    for schema in literals() {
        assert!(std::ptr::eq(literal(schema.name).unwrap(), schema));
    }
    assert!(type_def("TagTypeDef").is_some());
    assert!(type_def("tagtypedef").is_none());
    assert!(type_def("ServiceName").is_none());
    assert!(literal("TagTypeDef").is_none());
    assert!(literal("ScanStatusType").is_some());
    // The registry hands out the very schemas the types carry.
    assert!(std::ptr::eq(
        type_def("ImageDetailTypeDef").unwrap(),
        ecr_types::ImageDetailTypeDef::schema()
    ));
}

/// Every nested TypeDef and literal a key refers to is in the registry too.
#[test]
fn the_registry_is_closed_under_nesting() {
    fn check(value: &ValueType, owner: &str, key: &str) {
        match value {
            ValueType::TypedDict(schema) => {
                let name = schema().name;
                assert!(type_def(name).is_some(), "{owner}.{key}: {name}");
            }
            ValueType::Literal(schema) => {
                assert!(
                    literal(schema.name).is_some(),
                    "{owner}.{key}: {}",
                    schema.name
                );
            }
            ValueType::Sequence(item) | ValueType::List(item) => check(item, owner, key),
            ValueType::Dict(keys, values) => {
                check(keys, owner, key);
                check(values, owner, key);
            }
            _ => {}
        }
    }
    for schema in type_defs() {
        for field in schema.fields {
            check(field.value, schema.name, field.key);
        }
    }
}

/// The keys wire mode lets the service leave out, by rule and by name. A change here is a
/// change of contract: each key has a comment at its declaration saying why.
#[test]
fn wire_optional_keys_are_exactly_the_documented_ones() {
    let declared: BTreeSet<(&str, &str)> = type_defs()
        .flat_map(|schema| {
            schema
                .fields
                .iter()
                .filter(|field| field.wire_optional)
                .map(move |field| (schema.name, field.key))
        })
        .collect();
    let mut expected = BTreeSet::new();
    for schema in type_defs().filter(|schema| schema.name.ends_with("ResponseTypeDef")) {
        assert!(
            schema.field("ResponseMetadata").is_some_and(|f| f.required),
            "{}",
            schema.name
        );
        expected.insert((schema.name, "ResponseMetadata"));
        if schema.field("nextToken").is_some() {
            expected.insert((schema.name, "nextToken"));
        }
    }
    expected.extend([
        ("ResponseMetadataTypeDef", "HostId"),
        (
            "DescribeImageScanFindingsResponseTypeDef",
            "imageScanFindings",
        ),
        ("GetLifecyclePolicyPreviewResponseTypeDef", "previewResults"),
        ("GetLifecyclePolicyPreviewResponseTypeDef", "summary"),
    ]);
    assert_eq!(declared, expected);
    // 39 responses, 6 of them paginated.
    assert_eq!(declared.len(), 39 + 6 + 4);
    for (type_name, key) in declared {
        let field = type_def(type_name).unwrap().field(key).unwrap();
        assert!(
            field.required,
            "{type_name}.{key} is wire_optional but NotRequired"
        );
    }
}

fn missing_keys(error: typed_dict::DecodeError) -> Vec<String> {
    error
        .errors()
        .iter()
        .map(|error| {
            assert_eq!(error.kind, ErrorKind::MissingKey, "{error}");
            error.path.clone()
        })
        .collect()
}

#[test]
fn a_service_response_decodes_in_wire_mode_and_names_its_gaps_in_strict_mode() {
    // A scan that failed: findings `null`, no `nextToken`, no `ResponseMetadata`.
    let json = br#"{
        "registryId": "123456789012",
        "repositoryName": "web",
        "imageId": {"imageTag": "0.1.21"},
        "imageScanStatus": {"status": "FAILED", "description": "UnsupportedImageError"},
        "imageScanFindings": null
    }"#;
    type Response = ecr_types::DescribeImageScanFindingsResponseTypeDef;
    let wire: Response = decode(json, DecodeOptions::wire()).unwrap();
    assert_eq!(
        wire.image_scan_status.status,
        Some(ecr_types::ScanStatusType::Failed)
    );
    assert!(wire.image_scan_findings.is_none());

    let strict = decode::<Response>(json, DecodeOptions::strict()).unwrap_err();
    let kinds: Vec<_> = strict.errors().iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&ErrorKind::NullNotAllowed), "{strict}");

    let json = br#"{"status": "IN_PROGRESS", "registryId": "123456789012",
        "repositoryName": "web", "lifecyclePolicyText": "{}"}"#;
    type Preview = ecr_types::GetLifecyclePolicyPreviewResponseTypeDef;
    let wire: Preview = decode(json, DecodeOptions::wire()).unwrap();
    assert!(wire.preview_results.is_none() && wire.summary.is_none());
    let strict = decode::<Preview>(json, DecodeOptions::strict()).unwrap_err();
    let mut missing = missing_keys(strict);
    missing.sort();
    assert_eq!(missing.len(), 4, "{missing:?}");
}

#[test]
fn wire_mode_still_requires_the_other_required_keys() {
    // `layerDigest` is Required and not wire-optional.
    let json = br#"{"downloadUrl": "https://example.com/layer"}"#;
    let error =
        decode::<ecr_types::GetDownloadUrlForLayerResponseTypeDef>(json, DecodeOptions::wire())
            .unwrap_err();
    assert_eq!(error.errors().len(), 1, "{error}");
    assert!(error.errors()[0].message.contains("layerDigest"), "{error}");
}

/// `ecr_types::latest` has a registry with the same API, closed under nesting too.
#[test]
fn the_latest_registry_finds_every_schema_by_name() {
    use ecr_types::latest;

    assert_eq!(latest::type_defs().count(), 181);
    assert_eq!(latest::literals().count(), 43);
    for schema in latest::type_defs() {
        assert!(std::ptr::eq(latest::type_def(schema.name).unwrap(), schema));
        for field in schema.fields {
            let mut value = field.value;
            while let ValueType::Sequence(item) | ValueType::List(item) = value {
                value = item;
            }
            if let ValueType::TypedDict(nested) = value {
                let nested = nested();
                assert!(
                    std::ptr::eq(latest::type_def(nested.name).unwrap(), nested),
                    "{}.{}: {} is not the latest registry's",
                    schema.name,
                    field.key,
                    nested.name
                );
            }
        }
    }
    for schema in latest::literals() {
        assert!(std::ptr::eq(latest::literal(schema.name).unwrap(), schema));
    }
    // 3.10's request naming, and the output variants the macro derives.
    assert!(latest::type_def("CreateRepositoryRequestTypeDef").is_some());
    assert!(latest::type_def("CreateRepositoryRequestRequestTypeDef").is_none());
    assert!(std::ptr::eq(
        latest::type_def("ReplicationConfigurationOutputTypeDef").unwrap(),
        latest::ReplicationConfigurationOutputTypeDef::schema()
    ));
    // The two modules' shapes of one name are distinct types with distinct schemas.
    assert!(!std::ptr::eq(
        latest::type_def("RepositoryTypeDef").unwrap(),
        type_def("RepositoryTypeDef").unwrap()
    ));
    assert!(latest::literal("ServiceName").is_some() && literal("ServiceName").is_none());
}

/// The keys `latest` lets the service leave out in wire mode: every response's
/// `ResponseMetadata` and the decisions of `tools/layout.toml`, each with its evidence at
/// the declaration. 3.10 makes `nextToken` and `HostId` NotRequired, so neither is here.
#[test]
fn latest_wire_optional_keys_are_exactly_the_documented_ones() {
    use ecr_types::latest;

    let declared: BTreeSet<(&str, &str)> = latest::type_defs()
        .flat_map(|schema| {
            schema
                .fields
                .iter()
                .filter(|field| field.wire_optional)
                .map(move |field| (schema.name, field.key))
        })
        .collect();
    let mut expected: BTreeSet<(&str, &str)> = latest::type_defs()
        .filter(|schema| schema.name.ends_with("ResponseTypeDef"))
        .map(|schema| (schema.name, "ResponseMetadata"))
        .collect();
    assert_eq!(expected.len(), 56, "responses");
    expected.extend([
        (
            "DescribeImageScanFindingsResponseTypeDef",
            "imageScanFindings",
        ),
        ("GetLifecyclePolicyPreviewResponseTypeDef", "previewResults"),
        ("GetLifecyclePolicyPreviewResponseTypeDef", "summary"),
        (
            "PutImageTagMutabilityResponseTypeDef",
            "imageTagMutabilityExclusionFilters",
        ),
        ("ValidatePullThroughCacheRuleResponseTypeDef", "failure"),
    ]);
    for response in [
        "CreatePullThroughCacheRuleResponseTypeDef",
        "DeletePullThroughCacheRuleResponseTypeDef",
        "UpdatePullThroughCacheRuleResponseTypeDef",
        "ValidatePullThroughCacheRuleResponseTypeDef",
    ] {
        for key in ["credentialArn", "customRoleArn", "upstreamRepositoryPrefix"] {
            expected.insert((response, key));
        }
    }
    assert_eq!(declared, expected);
    for (type_name, key) in declared {
        let field = latest::type_def(type_name).unwrap().field(key).unwrap();
        assert!(
            field.required,
            "{type_name}.{key} is wire_optional but NotRequired"
        );
    }
    for schema in latest::type_defs() {
        if let Some(field) = schema.field("nextToken") {
            assert!(!field.required, "{}", schema.name);
        }
    }
}

#[test]
fn a_pull_through_cache_rule_without_credentials_decodes_in_wire_mode_only() {
    type Response = ecr_types::latest::CreatePullThroughCacheRuleResponseTypeDef;
    let json = br#"{"ecrRepositoryPrefix": "ecr-public", "upstreamRegistryUrl": "public.ecr.aws",
        "createdAt": 1700000000, "registryId": "123456789012", "upstreamRegistry": "ecr-public"}"#;
    let wire: Response = decode(json, DecodeOptions::wire()).unwrap();
    assert!(wire.credential_arn.is_none() && wire.custom_role_arn.is_none());
    let mut missing = missing_keys(decode::<Response>(json, DecodeOptions::strict()).unwrap_err());
    missing.sort();
    assert_eq!(
        missing,
        [
            "$.ResponseMetadata",
            "$.credentialArn",
            "$.customRoleArn",
            "$.upstreamRepositoryPrefix"
        ]
    );
    // `upstreamRegistry` is Required in wire mode too: the service always names it.
    let json = br#"{"ecrRepositoryPrefix": "p", "upstreamRegistryUrl": "u", "createdAt": 1,
        "registryId": "1"}"#;
    let error = decode::<Response>(json, DecodeOptions::wire()).unwrap_err();
    assert_eq!(missing_keys(error), ["$.upstreamRegistry"]);
}
