//! The catalog's look-ups, its closure over nested types, and the wire-mode declarations.

use std::collections::BTreeSet;

use ecr_types::CATALOG;
use typed_dict::{decode, DecodeOptions, ErrorKind, TypedDict, ValueType};

#[test]
fn every_schema_is_found_by_its_name() {
    assert_eq!(CATALOG.type_defs().count(), 124);
    assert_eq!(CATALOG.literals().count(), 26);
    for schema in CATALOG.type_defs() {
        assert!(std::ptr::eq(CATALOG.type_def(schema.name).unwrap(), schema));
    }
    for schema in CATALOG.literals() {
        assert!(std::ptr::eq(CATALOG.literal(schema.name).unwrap(), schema));
    }
    assert!(CATALOG.type_def("TagTypeDef").is_some());
    assert!(CATALOG.type_def("tagtypedef").is_none());
    assert!(CATALOG.type_def("ServiceName").is_none());
    assert!(CATALOG.literal("TagTypeDef").is_none());
    assert!(CATALOG.literal("ScanStatusType").is_some());
    // The catalog hands out the very schemas the types carry.
    assert!(std::ptr::eq(
        CATALOG.type_def("ImageDetailTypeDef").unwrap(),
        ecr_types::ImageDetailTypeDef::schema()
    ));
}

/// Every nested TypeDef and literal a key refers to is in the catalog too.
#[test]
fn the_catalog_is_closed_under_nesting() {
    fn check(value: &ValueType, owner: &str, key: &str) {
        match value {
            ValueType::TypedDict(schema) => {
                let name = schema().name;
                assert!(CATALOG.type_def(name).is_some(), "{owner}.{key}: {name}");
            }
            ValueType::Literal(schema) => {
                assert!(
                    CATALOG.literal(schema.name).is_some(),
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
    for schema in CATALOG.type_defs() {
        for field in schema.fields {
            check(field.value, schema.name, field.key);
        }
    }
}

/// The keys wire mode lets the service leave out, by rule and by name. A change here is a
/// change of contract: each key has a comment at its declaration saying why.
#[test]
fn wire_optional_keys_are_exactly_the_documented_ones() {
    let declared: BTreeSet<(&str, &str)> = CATALOG
        .type_defs()
        .flat_map(|schema| {
            schema
                .fields
                .iter()
                .filter(|field| field.wire_optional)
                .map(move |field| (schema.name, field.key))
        })
        .collect();
    let mut expected = BTreeSet::new();
    for schema in CATALOG
        .type_defs()
        .filter(|schema| schema.name.ends_with("ResponseTypeDef"))
    {
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
        let field = CATALOG.type_def(type_name).unwrap().field(key).unwrap();
        assert!(
            field.required,
            "{type_name}.{key} is wire_optional but NotRequired"
        );
    }
}

fn missing_keys(error: typed_dict::Error) -> Vec<String> {
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

/// `ecr_types::latest` has a catalog with the same API, closed under nesting too.
#[test]
fn the_latest_catalog_finds_every_schema_by_name() {
    use ecr_types::latest;

    assert_eq!(latest::CATALOG.type_defs().count(), 181);
    assert_eq!(latest::CATALOG.literals().count(), 43);
    for schema in latest::CATALOG.type_defs() {
        assert!(std::ptr::eq(
            latest::CATALOG.type_def(schema.name).unwrap(),
            schema
        ));
        for field in schema.fields {
            let mut value = field.value;
            while let ValueType::Sequence(item) | ValueType::List(item) = value {
                value = item;
            }
            if let ValueType::TypedDict(nested) = value {
                let nested = nested();
                assert!(
                    std::ptr::eq(latest::CATALOG.type_def(nested.name).unwrap(), nested),
                    "{}.{}: {} is not the latest catalog's",
                    schema.name,
                    field.key,
                    nested.name
                );
            }
        }
    }
    for schema in latest::CATALOG.literals() {
        assert!(std::ptr::eq(
            latest::CATALOG.literal(schema.name).unwrap(),
            schema
        ));
    }
    // 3.10's request naming, and the output variants the macro derives.
    assert!(latest::CATALOG
        .type_def("CreateRepositoryRequestTypeDef")
        .is_some());
    assert!(latest::CATALOG
        .type_def("CreateRepositoryRequestRequestTypeDef")
        .is_none());
    assert!(std::ptr::eq(
        latest::CATALOG
            .type_def("ReplicationConfigurationOutputTypeDef")
            .unwrap(),
        latest::ReplicationConfigurationOutputTypeDef::schema()
    ));
    // The two modules' shapes of one name are distinct types with distinct schemas.
    assert!(!std::ptr::eq(
        latest::CATALOG.type_def("RepositoryTypeDef").unwrap(),
        CATALOG.type_def("RepositoryTypeDef").unwrap()
    ));
    assert!(
        latest::CATALOG.literal("ServiceName").is_some()
            && CATALOG.literal("ServiceName").is_none()
    );
}

/// The keys `latest` lets the service leave out in wire mode: every response's
/// `ResponseMetadata` and the decisions of `tools/layout.toml`, each with its evidence at
/// the declaration. 3.10 makes `nextToken` and `HostId` NotRequired, so neither is here.
#[test]
fn latest_wire_optional_keys_are_exactly_the_documented_ones() {
    use ecr_types::latest;

    let declared: BTreeSet<(&str, &str)> = latest::CATALOG
        .type_defs()
        .flat_map(|schema| {
            schema
                .fields
                .iter()
                .filter(|field| field.wire_optional)
                .map(move |field| (schema.name, field.key))
        })
        .collect();
    let mut expected: BTreeSet<(&str, &str)> = latest::CATALOG
        .type_defs()
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
        let field = latest::CATALOG
            .type_def(type_name)
            .unwrap()
            .field(key)
            .unwrap();
        assert!(
            field.required,
            "{type_name}.{key} is wire_optional but NotRequired"
        );
    }
    for schema in latest::CATALOG.type_defs() {
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

/// Each catalog says which release it is and how that release writes annotations.
#[test]
fn each_catalog_carries_its_release_and_annotation_style() {
    use ecr_types::latest;
    use typed_dict::schema::PythonStyle;

    assert_eq!(
        (CATALOG.package(), CATALOG.version()),
        ("types-aiobotocore-ecr", "2.1.1")
    );
    assert_eq!(
        (latest::CATALOG.package(), latest::CATALOG.version()),
        ("types-aiobotocore-ecr", "3.10.0")
    );
    assert_eq!(CATALOG.docs().module, "types_aiobotocore_ecr");
    assert_eq!(latest::CATALOG.docs(), CATALOG.docs());

    assert_eq!(
        *CATALOG.python_style(),
        PythonStyle::TYPING.with_blob("Union[bytes, IO[bytes], StreamingBody]")
    );
    assert_eq!(
        *latest::CATALOG.python_style(),
        PythonStyle::BUILTINS.with_blob("Union[str, bytes, IO[Any], StreamingBody]")
    );
    // The same kind of key, as each release writes it.
    let rendered = |catalog: &ecr_types::catalog::Catalog, type_def: &str, key: &str| {
        let field = catalog.type_def(type_def).unwrap().field(key).unwrap();
        field.value.python_with(catalog.python_style()).to_string()
    };
    assert_eq!(
        rendered(
            &CATALOG,
            "ImageScanFindingsTypeDef",
            "findingSeverityCounts"
        ),
        "Dict[FindingSeverityType, int]"
    );
    assert_eq!(
        rendered(
            &latest::CATALOG,
            "ImageScanFindingsTypeDef",
            "findingSeverityCounts"
        ),
        "dict[FindingSeverityType, int]"
    );
    assert_eq!(
        rendered(
            &CATALOG,
            "UploadLayerPartRequestRequestTypeDef",
            "layerPartBlob"
        ),
        "Union[bytes, IO[bytes], StreamingBody]"
    );
}

#[test]
fn catalogs_iterate_both_ways_with_their_length_and_debug_briefly() {
    let names: Vec<&str> = CATALOG.type_defs().map(|schema| schema.name).collect();
    let mut reversed: Vec<&str> = CATALOG
        .type_defs()
        .rev()
        .map(|schema| schema.name)
        .collect();
    reversed.reverse();
    assert_eq!(names, reversed);
    assert_eq!(CATALOG.type_defs().len(), names.len());
    assert_eq!(names.first(), Some(&"AttributeTypeDef"));
    assert_eq!(CATALOG.literals().last().unwrap().name, "WaiterName");

    let debug = format!("{:?}", ecr_types::latest::CATALOG);
    assert!(
        debug.starts_with("Catalog { package: \"types-aiobotocore-ecr\", version: \"3.10.0\", "),
        "{debug}"
    );
    assert!(debug.contains("type_defs: 181, literals: 43"), "{debug}");
    assert!(
        debug.len() < 400,
        "the tables are counted, not listed: {debug}"
    );
}

/// The aliases of `latest` (three unions of a shape and its output variant, and
/// `BlobTypeDef`) are found by name, in the stub's order; the keys that name one reach the
/// catalog's own alias, and each union's members are the catalog's own TypeDefs. 2.1 has
/// none.
#[test]
fn the_latest_catalog_finds_every_alias_and_keys_reach_them() {
    use ecr_types::latest;

    assert_eq!(CATALOG.aliases().len(), 0);
    assert!(CATALOG.alias("BlobTypeDef").is_none());
    let names: Vec<&str> = latest::CATALOG
        .aliases()
        .map(|alias| alias.name().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "BlobTypeDef",
            "RegistryScanningRuleUnionTypeDef",
            "ReplicationConfigurationUnionTypeDef",
            "SigningConfigurationUnionTypeDef",
        ]
    );
    for alias in latest::CATALOG.aliases() {
        let found = latest::CATALOG.alias(alias.name().unwrap()).unwrap();
        assert!(std::ptr::eq(found, alias));
        match alias {
            ValueType::Union(union) => {
                for member in union.members {
                    let ValueType::TypedDict(schema) = member else {
                        panic!("{}: a member is not a TypeDef", union.name);
                    };
                    let schema = schema();
                    assert!(std::ptr::eq(
                        latest::CATALOG.type_def(schema.name).unwrap(),
                        schema
                    ));
                }
            }
            ValueType::Alias(alias) => assert!(matches!(alias.target, ValueType::Blob)),
            other => panic!("not an alias: {other:?}"),
        }
    }
    assert!(latest::CATALOG.alias("TagTypeDef").is_none());

    let mut keys_naming_an_alias = Vec::new();
    for schema in latest::CATALOG.type_defs() {
        for field in schema.fields {
            let mut value = field.value;
            while let ValueType::Sequence(item) | ValueType::List(item) = value {
                value = item;
            }
            if let Some(name) = value.name() {
                if matches!(value, ValueType::Union(_) | ValueType::Alias(_)) {
                    assert!(latest::CATALOG.alias(name).is_some(), "{name}");
                    keys_naming_an_alias.push(format!("{}.{}", schema.name, field.key));
                }
            }
        }
    }
    assert_eq!(
        keys_naming_an_alias,
        [
            "PutRegistryScanningConfigurationRequestTypeDef.rules",
            "PutReplicationConfigurationRequestTypeDef.replicationConfiguration",
            "PutSigningConfigurationRequestTypeDef.signingConfiguration",
            "UploadLayerPartRequestTypeDef.layerPartBlob",
        ]
    );
}
