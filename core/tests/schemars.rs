//! The `schemars` feature: every declared type's `JsonSchema` is the crate's own JSON
//! Schema (strict mode), its definitions registered in the generator's document.

use schemars::generate::SchemaSettings;
use schemars::{schema_for, JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};
use typed_dict::json_schema::for_type_def;
use typed_dict::{typed_dict, DecodeOptions, List, Mode, Sequence, TypedDict};

/// A literal with a value renamed on the wire, and an open one.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Severity {
    Low,
    High,
}

#[typed_dict(rename_all = "lowercase")]
pub enum Channel {
    Stable,
    Beta,
    #[typed_dict(other)]
    Unknown(typed_dict::UnknownValue),
}

#[typed_dict(rename_all = "PascalCase")]
pub struct Label {
    pub key: String,
    pub value: Option<String>,
}

/// Nested: typed dicts and literals through a sequence, a list, a dict and a plain key.
#[typed_dict]
pub struct Finding {
    pub name: String,
    pub severity: Severity,
    pub channel: Option<Channel>,
    pub labels: Option<Sequence<Label>>,
    pub counts: Option<typed_dict::Dict<Severity, i64>>,
    pub seen_at: Option<typed_dict::Timestamp>,
    pub evidence: Option<typed_dict::Blob>,
    pub primary: Option<Label>,
    pub history: Option<List<Label>>,
}

/// Recursive, through a list and a box.
#[typed_dict]
pub struct Tree {
    pub name: String,
    pub children: Option<List<Self>>,
    pub parent: Option<Box<Self>>,
}

/// What the generator registers for `T` is what the crate's own document defines.
fn assert_definitions_are_the_crate_s<T: TypedDict + JsonSchema>() {
    let name = T::schema().name;
    let mut generator = SchemaGenerator::default();
    let reference = generator.subschema_for::<T>();
    assert_eq!(
        reference.to_value(),
        json!({ "$ref": format!("#/$defs/{name}") }),
        "{name}"
    );
    let own = for_type_def(T::schema(), Mode::Strict);
    assert_eq!(
        Value::Object(generator.definitions().clone()),
        own["$defs"],
        "{name}"
    );
}

#[test]
fn a_nested_shape_registers_the_crate_s_definitions() {
    assert_definitions_are_the_crate_s::<Finding>();
    let mut generator = SchemaGenerator::default();
    generator.subschema_for::<Finding>();
    let mut names: Vec<&str> = generator.definitions().keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["Channel", "Finding", "Label", "Severity"]);
}

#[test]
fn a_recursive_shape_refers_to_itself_in_the_generator_s_document() {
    assert_definitions_are_the_crate_s::<Tree>();
    // As the root of a document, schemars refers to the root itself as `#`.
    let root = schema_for!(Tree).to_value();
    assert_eq!(root["properties"]["parent"], json!({ "$ref": "#" }));
    assert_eq!(
        root["properties"]["children"]["items"],
        json!({ "$ref": "#" })
    );
    let validator = jsonschema::validator_for(&root).unwrap();
    let deep =
        json!({"name": "a", "children": [{"name": "b", "parent": {"name": "a", "children": []}}]});
    assert!(validator.is_valid(&deep));
    let bad = json!({"name": "a", "children": [{"name": "b", "parent": {"name": 3}}]});
    let paths: Vec<String> = validator
        .iter_errors(&bad)
        .map(|error| error.instance_path.to_string())
        .collect();
    assert_eq!(paths, ["/children/0/parent/name"]);
}

#[test]
fn ecr_shapes_register_the_crate_s_definitions() {
    assert_definitions_are_the_crate_s::<ecr_types::DescribeImagesResponseTypeDef>();
    assert_definitions_are_the_crate_s::<ecr_types::CreateRepositoryRequestRequestTypeDef>();
    assert_definitions_are_the_crate_s::<ecr_types::PutLifecyclePolicyResponseTypeDef>();
    // A union and a named alias, written out where they are used.
    assert_definitions_are_the_crate_s::<
        ecr_types::latest::PutReplicationConfigurationRequestTypeDef,
    >();
    assert_definitions_are_the_crate_s::<ecr_types::latest::UploadLayerPartRequestTypeDef>();
}

#[test]
fn a_union_is_defined_as_the_crate_writes_it_where_used() {
    let mut generator = SchemaGenerator::default();
    let union = generator.subschema_for::<ecr_types::latest::RegistryScanningRuleUnionTypeDef>();
    let own_key = for_type_def(
        ecr_types::latest::PutRegistryScanningConfigurationRequestTypeDef::schema(),
        Mode::Strict,
    );
    let rules = &own_key["$defs"]["PutRegistryScanningConfigurationRequestTypeDef"]["properties"]
        ["rules"]["items"];
    assert_eq!(
        union.to_value(),
        json!({ "$ref": "#/$defs/RegistryScanningRuleUnionTypeDef" })
    );
    assert_eq!(
        generator.definitions()["RegistryScanningRuleUnionTypeDef"],
        *rules,
        "a union's own definition is what the crate writes where it is used"
    );
}

#[test]
fn literals_are_their_own_definitions() {
    let mut generator = SchemaGenerator::default();
    generator.subschema_for::<Severity>();
    generator.subschema_for::<Channel>();
    assert_eq!(
        generator.definitions()["Severity"],
        json!({ "type": "string", "title": "Severity", "enum": ["LOW", "HIGH"] })
    );
    // Open or not, the strict contract lists the known values.
    assert_eq!(
        generator.definitions()["Channel"],
        json!({ "type": "string", "title": "Channel", "enum": ["stable", "beta"] })
    );
}

fn payload(name: &str) -> Value {
    let path = format!(
        "{}/../ecr-types/examples/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn a_schema_for_document_validates_a_real_response() {
    let document = schema_for!(ecr_types::DescribeImagesResponseTypeDef).to_value();
    assert_eq!(document["$schema"], typed_dict::json_schema::DRAFT);
    assert_eq!(document["title"], "DescribeImagesResponseTypeDef");
    let validator = jsonschema::validator_for(&document).unwrap();
    // The service leaves out the keys the stub calls Required on the last page; the strict
    // contract wants them.
    let mut response = payload("describe-images.json");
    let missing: Vec<String> = validator
        .iter_errors(&response)
        .map(|error| error.to_string())
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    response["nextToken"] = json!("eyJ0b2tlbiI6IjIifQ==");
    response["ResponseMetadata"] = json!({
        "RequestId": "8f5f4c4e-2d4b-4d8f-9b5e-3c2a1b0d9e8f",
        "HostId": "",
        "HTTPStatusCode": 200,
        "HTTPHeaders": {"content-type": "application/x-amz-json-1.1"},
        "RetryAttempts": 0
    });
    assert!(validator.is_valid(&response));
    // The crate's own validation agrees.
    let bytes = serde_json::to_vec(&response).unwrap();
    let report = typed_dict::validate_schema(
        &bytes,
        ecr_types::DescribeImagesResponseTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert!(report.is_valid(), "{report:?}");

    let invalid = payload("describe-images-invalid.json");
    let paths: Vec<String> = validator
        .iter_errors(&invalid)
        .map(|error| error.instance_path.to_string())
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
}

#[test]
fn an_openapi_generator_puts_the_definitions_under_its_own_path() {
    let mut generator = SchemaSettings::openapi3().into_generator();
    let reference = generator.subschema_for::<Finding>();
    assert_eq!(
        reference.to_value(),
        json!({ "$ref": "#/components/schemas/Finding" })
    );
    let own = for_type_def(Finding::schema(), Mode::Strict);
    let expected = own["$defs"]
        .to_string()
        .replace("#/$defs/", "#/components/schemas/");
    assert_eq!(
        Value::Object(generator.definitions().clone()),
        serde_json::from_str::<Value>(&expected).unwrap()
    );
}

#[test]
fn an_inlining_generator_writes_the_definitions_out() {
    let generator = SchemaSettings::draft2020_12()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator();
    let root = generator.into_root_schema_for::<Finding>().to_value();
    assert!(root.get("$defs").is_none(), "{root}");
    assert_eq!(
        root["properties"]["labels"]["items"]["properties"]["Key"],
        json!({ "type": "string" })
    );
    let validator = jsonschema::validator_for(&root).unwrap();
    assert!(validator.is_valid(&json!({
        "name": "CVE-1", "severity": "HIGH", "labels": [{"Key": "team"}],
        "counts": {"LOW": 1}
    })));
    assert!(!validator.is_valid(&json!({"name": "CVE-1", "severity": "High"})));
    assert!(
        !validator.is_valid(&json!({"name": "CVE-1", "severity": "LOW", "counts": {"MEDIUM": 1}}))
    );

    // Recursion stays a reference even when inlining.
    let tree = SchemaSettings::draft2020_12()
        .with(|settings| settings.inline_subschemas = true)
        .into_generator()
        .into_root_schema_for::<Tree>()
        .to_value();
    assert_eq!(tree["properties"]["parent"], json!({ "$ref": "#" }));
}

/// Two shapes of the same name in different modules, as `ecr_types::X` and
/// `ecr_types::latest::X` are.
mod v1 {
    use typed_dict::typed_dict;

    #[typed_dict]
    pub struct Item {
        pub id: String,
    }

    #[typed_dict]
    pub struct Page {
        pub items: typed_dict::List<Item>,
    }
}

mod v2 {
    use typed_dict::typed_dict;

    #[typed_dict]
    pub struct Item {
        pub id: i64,
    }

    #[typed_dict]
    pub struct Page {
        pub items: typed_dict::List<Item>,
    }
}

/// A user's own type holding both, the way an OpenAPI generator's derive would write it.
struct BothVersions;

impl JsonSchema for BothVersions {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "BothVersions".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let old = generator.subschema_for::<v1::Page>();
        let new = generator.subschema_for::<v2::Page>();
        schemars::json_schema!({
            "type": "object",
            "properties": { "old": old, "new": new },
        })
    }
}

#[test]
fn types_that_share_a_name_keep_apart() {
    let root = schema_for!(BothVersions).to_value();
    let defs = root["$defs"].as_object().unwrap();
    assert_eq!(
        defs["Item"]["properties"]["id"],
        json!({ "type": "string" })
    );
    assert_eq!(defs["Item2"]["properties"]["id"]["type"], "integer");
    assert_eq!(
        defs["Page"]["properties"]["items"]["items"],
        json!({ "$ref": "#/$defs/Item" })
    );
    assert_eq!(
        defs["Page2"]["properties"]["items"]["items"],
        json!({ "$ref": "#/$defs/Item2" })
    );
    let validator = jsonschema::validator_for(&root).unwrap();
    assert!(validator
        .is_valid(&json!({"old": {"items": [{"id": "a"}]}, "new": {"items": [{"id": 1}]}})));
    assert!(!validator.is_valid(&json!({"old": {"items": [{"id": 1}]}})));
    assert!(!validator.is_valid(&json!({"new": {"items": [{"id": "a"}]}})));
}
