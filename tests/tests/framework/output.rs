//! Output variants derived from one declaration, flowing back into requests.

use typed_dict::{List, TypedDict};
use typed_dict_tests::*;

#[test]
fn output_variant_has_lists_and_nested_output_variants() {
    let schema = ReplicationConfigurationOutputTypeDef::schema();
    assert_eq!(schema.name, "ReplicationConfigurationOutputTypeDef");
    assert_eq!(
        schema.fields[0].value.python().to_string(),
        "list[ReplicationRuleOutputTypeDef]"
    );
    let rule = ReplicationRuleOutputTypeDef::schema();
    let rendered: Vec<String> = rule
        .fields
        .iter()
        .map(|f| f.value.python().to_string())
        .collect();
    assert_eq!(
        rendered,
        ["list[ReplicationDestinationTypeDef]", "list[str]"]
    );
    assert!(!rule.fields[1].required);
    let input = ReplicationConfigurationTypeDef::schema();
    assert_eq!(
        input.fields[0].value.python().to_string(),
        "Sequence[ReplicationRuleTypeDef]"
    );
}

#[test]
fn a_response_configuration_feeds_the_next_request() {
    let response: DescribeRegistryResponseTypeDef = typed_dict::from_str(
        r#"{"registryId": "1", "replicationConfiguration": {"rules": [
            {"destinations": [{"region": "eu-west-1", "registryId": "1"}], "repositoryFilters": ["web"]}
        ]}}"#,
    )
    .unwrap();
    let mut rules: List<ReplicationRuleOutputTypeDef> =
        response.replication_configuration.rules.clone();
    rules[0]
        .destinations
        .push(ReplicationDestinationTypeDef::new(
            ReplicationDestinationTypeDefRequired {
                region: "us-east-1".into(),
                registry_id: "1".into(),
            },
        ));
    let request = PutReplicationConfigurationRequestRequestTypeDef::new(
        PutReplicationConfigurationRequestRequestTypeDefRequired {
            replication_configuration: response.replication_configuration.into(),
        },
    );
    assert_eq!(
        request.replication_configuration.rules[0]
            .destinations
            .len(),
        1
    );
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        r#"{"replicationConfiguration":{"rules":[{"destinations":[{"region":"eu-west-1","registryId":"1"}],"repositoryFilters":["web"]}]}}"#
    );
    let edited = ReplicationConfigurationTypeDef::new(ReplicationConfigurationTypeDefRequired {
        rules: rules.into(),
    });
    assert_eq!(edited.rules[0].destinations.len(), 2);
}
