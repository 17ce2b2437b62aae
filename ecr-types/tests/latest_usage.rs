//! `ecr_types::latest` as a user writes with it (issue 11, point 2): the configurations ECR
//! users really round-trip, read from one response and passed into the next request with
//! no field copied by hand. The request keys take the unions upstream declares
//! (`XUnionTypeDef = Union[XTypeDef, XOutputTypeDef]`), so the output variant a response
//! holds goes in as it is.
#![cfg(feature = "latest")]

use ecr_types::latest::*;
use typed_dict::{decode, validate_schema, DecodeOptions, Sequence, TypedDict};

const ACCOUNT: &str = "123456789012";

/// What `DescribeRegistry` sends (no `ResponseMetadata`: wire mode): the replication
/// configuration of the ECR user guide's example, two rules, one with a filter.
const DESCRIBE_REGISTRY: &str = r#"{
    "registryId": "123456789012",
    "replicationConfiguration": {
        "rules": [
            {
                "destinations": [{"region": "eu-west-1", "registryId": "123456789012"}],
                "repositoryFilters": [{"filter": "prod", "filterType": "PREFIX_MATCH"}]
            },
            {
                "destinations": [
                    {"region": "us-west-2", "registryId": "210987654321"},
                    {"region": "ap-southeast-2", "registryId": "123456789012"}
                ]
            }
        ]
    }
}"#;

/// What `GetRegistryScanningConfiguration` sends (the shared corpus's
/// `GetRegistryScanningConfigurationResponseTypeDef__cdk-eks-blueprints__1.json`).
const GET_REGISTRY_SCANNING_CONFIGURATION: &str = r#"{
    "registryId": "123456789012",
    "scanningConfiguration": {
        "scanType": "ENHANCED",
        "rules": [
            {
                "scanFrequency": "CONTINUOUS_SCAN",
                "repositoryFilters": [{"filter": "prod", "filterType": "WILDCARD"}]
            },
            {
                "scanFrequency": "SCAN_ON_PUSH",
                "repositoryFilters": [{"filter": "*", "filterType": "WILDCARD"}]
            }
        ]
    }
}"#;

/// The value under `key` of a JSON document.
fn section(json: &str, key: &str) -> serde_json::Value {
    let mut document: serde_json::Value = serde_json::from_str(json).unwrap();
    document[key].take()
}

/// What a request encodes to, as a JSON value (compared key for key, order aside).
fn encoded<T: TypedDict>(request: &T) -> serde_json::Value {
    serde_json::from_str(&typed_dict::to_string(request).unwrap()).unwrap()
}

/// A request is valid in strict mode by the catalog's own schema, as a client would send it.
fn assert_valid_request<T: TypedDict>(request: &T) {
    let text = typed_dict::to_vec(request).unwrap();
    let schema = CATALOG.type_def(T::schema().name).unwrap();
    let report = validate_schema(&text, schema, DecodeOptions::strict());
    assert!(report.is_valid(), "{:?}", report.errors);
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_replication_configuration_from_describe_registry_goes_into_put_replication_configuration() {
    let described: DescribeRegistryResponseTypeDef =
        decode(DESCRIBE_REGISTRY.as_bytes(), DecodeOptions::wire()).unwrap();
    assert_eq!(described.registry_id, ACCOUNT);
    let configuration: ReplicationConfigurationOutputTypeDef = described.replication_configuration;

    // The response's output variant is the request's union: `.into()`, nothing copied.
    let request = PutReplicationConfigurationRequestTypeDef::new(
        PutReplicationConfigurationRequestTypeDefRequired {
            replication_configuration: configuration.clone().into(),
        },
    );
    assert!(matches!(
        &request.replication_configuration,
        ReplicationConfigurationUnionTypeDef::Output(held) if *held == configuration
    ));
    assert_eq!(
        encoded(&request),
        serde_json::json!({
            "replicationConfiguration": section(DESCRIBE_REGISTRY, "replicationConfiguration")
        })
    );
    assert_valid_request(&request);

    // Read back, the first member that accepts the object is the input variant: the same
    // configuration, held as `Input`.
    let read: PutReplicationConfigurationRequestTypeDef =
        typed_dict::from_str(&typed_dict::to_string(&request).unwrap()).unwrap();
    assert_eq!(
        read.replication_configuration,
        ReplicationConfigurationUnionTypeDef::Input(ReplicationConfigurationTypeDef::from(
            configuration
        ))
    );
    assert_eq!(
        typed_dict::to_string(&read).unwrap(),
        typed_dict::to_string(&request).unwrap()
    );
}

#[test]
fn registry_scanning_rules_from_get_go_into_put_registry_scanning_configuration() {
    let response: GetRegistryScanningConfigurationResponseTypeDef = decode(
        GET_REGISTRY_SCANNING_CONFIGURATION.as_bytes(),
        DecodeOptions::wire(),
    )
    .unwrap();
    let configuration = response.scanning_configuration;
    let rules: Vec<RegistryScanningRuleOutputTypeDef> = configuration.rules.unwrap();
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[0].scan_frequency, ScanFrequencyType::ContinuousScan);

    // `List<RegistryScanningRuleOutputTypeDef>` into `Sequence<RegistryScanningRuleUnionTypeDef>`
    // through the setter: each rule converts on the way in.
    let request = PutRegistryScanningConfigurationRequestTypeDef::new()
        .with_scan_type(configuration.scan_type.unwrap())
        .with_rules(rules.clone());
    let held = request.rules.as_ref().unwrap();
    assert!(held.iter().zip(&rules).all(
        |(held, rule)| matches!(held, RegistryScanningRuleUnionTypeDef::Output(r) if r == rule)
    ));
    assert_eq!(
        encoded(&request),
        section(GET_REGISTRY_SCANNING_CONFIGURATION, "scanningConfiguration")
    );
    assert_valid_request(&request);

    // A new rule (the input variant) beside the returned ones (output variants), in one
    // sequence.
    let manual = RegistryScanningRuleTypeDef::new(RegistryScanningRuleTypeDefRequired {
        scan_frequency: ScanFrequencyType::Manual,
        repository_filters: [ScanningRepositoryFilterTypeDef::new(
            ScanningRepositoryFilterTypeDefRequired {
                filter: "sandbox-*".into(),
                filter_type: ScanningRepositoryFilterTypeType::Wildcard,
            },
        )]
        .into(),
    });
    let extended: Sequence<RegistryScanningRuleUnionTypeDef> = rules
        .into_iter()
        .map(RegistryScanningRuleUnionTypeDef::from)
        .chain([manual.into()])
        .collect();
    let request = request.with_rules(extended);
    let text = typed_dict::to_string(&request).unwrap();
    assert!(
        text.ends_with(
            r#"{"scanFrequency":"MANUAL","repositoryFilters":[{"filter":"sandbox-*","filterType":"WILDCARD"}]}]}"#
        ),
        "{text}"
    );
    assert_valid_request(&request);
}

/// A frequency AWS adds after the release is kept by a wire-mode read and passed on as it
/// came: open literals and unions together.
#[test]
fn a_value_the_release_does_not_list_passes_through_as_it_came() {
    let newer = GET_REGISTRY_SCANNING_CONFIGURATION.replace("SCAN_ON_PUSH", "SCAN_ON_SCHEDULE");
    let response: GetRegistryScanningConfigurationResponseTypeDef =
        decode(newer.as_bytes(), DecodeOptions::wire()).unwrap();
    let rules = response.scanning_configuration.rules.unwrap();
    assert!(!rules[1].scan_frequency.is_known());
    assert_eq!(rules[1].scan_frequency.as_str(), "SCAN_ON_SCHEDULE");
    let request = PutRegistryScanningConfigurationRequestTypeDef::new().with_rules(rules);
    assert!(typed_dict::to_string(&request)
        .unwrap()
        .contains(r#"{"scanFrequency":"SCAN_ON_SCHEDULE","#));
    // Strict mode holds the release's contract.
    assert!(decode::<GetRegistryScanningConfigurationResponseTypeDef>(
        newer.as_bytes(),
        DecodeOptions::strict()
    )
    .is_err());
}
