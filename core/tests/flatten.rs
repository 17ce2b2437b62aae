//! Inheritance: `#[typed_dict(flatten)]` bases, whose keys join the typed dict's own at
//! the same level of the object, as a Python TypedDict's base classes' do.

mod common;

use common::{errors, kinds_at, options};
use typed_dict::{
    typed_dict, DecodeOptions, ErrorKind, HasOutput, List, Sequence, TypedDict, TypedValue,
};

/// A base of its own, with a Required and a NotRequired key.
#[typed_dict]
#[derive(Debug)]
pub struct Resource {
    pub resource_arn: String,
    pub tags: Option<Sequence<String>>,
}

/// A second base.
#[typed_dict]
#[derive(Debug)]
pub struct Audited {
    pub created_by: Option<String>,
    pub version: i64,
}

/// `class Repository(Resource, Audited)`: the bases' keys, then its own.
#[typed_dict]
#[derive(Debug)]
pub struct Repository {
    pub repository_name: String,
    #[typed_dict(flatten)]
    pub resource: Resource,
    #[typed_dict(flatten)]
    pub audited: Audited,
    pub image_count: Option<i64>,
}

/// The same keys declared flat, to compare against.
#[typed_dict]
#[derive(Debug)]
pub struct FlatRepository {
    pub resource_arn: String,
    pub tags: Option<Sequence<String>>,
    pub created_by: Option<String>,
    pub version: i64,
    pub repository_name: String,
    pub image_count: Option<i64>,
}

/// Two levels: a base that has a base of its own.
#[typed_dict(closed)]
#[derive(Debug)]
pub struct MirroredRepository {
    #[typed_dict(flatten)]
    pub repository: Repository,
    pub upstream_url: String,
}

const FULL: &str = r#"{"resourceArn": "arn:aws:ecr:r", "tags": ["a"], "createdBy": "me", "version": 3, "repositoryName": "web", "imageCount": 2}"#;

fn repository() -> Repository {
    Repository::new(RepositoryRequired {
        repository_name: "web".into(),
        resource: Resource::new(ResourceRequired {
            resource_arn: "arn:aws:ecr:r".into(),
        })
        .with_tags(vec!["a".to_owned()]),
        audited: Audited::new(AuditedRequired { version: 3 }).with_created_by("me"),
    })
    .with_image_count(2)
}

#[test]
fn the_schema_lists_the_bases_keys_first_then_the_own() {
    let schema = Repository::schema();
    let keys: Vec<(&str, bool)> = schema
        .fields
        .iter()
        .map(|field| (field.key, field.required))
        .collect();
    assert_eq!(
        keys,
        [
            ("resourceArn", true),
            ("tags", false),
            ("createdBy", false),
            ("version", true),
            ("repositoryName", true),
            ("imageCount", false),
        ]
    );
    let flat: Vec<&str> = FlatRepository::schema()
        .fields
        .iter()
        .map(|f| f.key)
        .collect();
    let keys: Vec<&str> = schema.fields.iter().map(|f| f.key).collect();
    assert_eq!(keys, flat);
    // Two levels deep, the same flat list, then the own key.
    let nested: Vec<&str> = MirroredRepository::schema()
        .fields
        .iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(nested[..6], keys[..]);
    assert_eq!(nested[6], "upstreamUrl");
    assert_eq!(
        <Repository as TypedValue>::TYPE.python().to_string(),
        "Repository"
    );
}

#[test]
fn decodes_and_encodes_at_one_level() {
    for options in options() {
        let decoded: Repository = typed_dict::decode(FULL.as_bytes(), options).unwrap();
        assert_eq!(decoded, repository());
    }
    // Encoded with the bases' keys first, as the flat declaration writes them.
    let flat: FlatRepository = typed_dict::from_str(FULL).unwrap();
    assert_eq!(
        typed_dict::to_string(&repository()).unwrap(),
        typed_dict::to_string(&flat).unwrap()
    );
    assert_eq!(
        typed_dict::to_string(&repository()).unwrap(),
        FULL.replace(": ", ":").replace(", ", ",")
    );
}

#[test]
fn keys_arrive_in_any_order() {
    let shuffled = r#"{"imageCount": 2, "version": 3, "repositoryName": "web", "tags": ["a"], "resourceArn": "arn:aws:ecr:r", "createdBy": "me"}"#;
    let decoded: Repository = typed_dict::from_str(shuffled).unwrap();
    assert_eq!(decoded, repository());
}

#[test]
fn a_base_keys_errors_are_at_the_childs_paths() {
    for options in options() {
        let errors = errors::<Repository>(
            r#"{"resourceArn": 1, "tags": [2], "version": "3", "repositoryName": "web"}"#,
            options,
        );
        assert_eq!(
            kinds_at(&errors),
            [
                (ErrorKind::WrongType, "$.resourceArn"),
                (ErrorKind::WrongType, "$.tags[0]"),
                (ErrorKind::WrongType, "$.version"),
            ]
        );
    }
    let errors = errors::<Repository>(r#"{"repositoryName": "web"}"#, DecodeOptions::strict());
    assert_eq!(
        kinds_at(&errors),
        [
            (ErrorKind::MissingKey, "$.resourceArn"),
            (ErrorKind::MissingKey, "$.version"),
        ]
    );
    let error = typed_dict::from_str::<Repository>(r#"{"repositoryName": "web"}"#).unwrap_err();
    assert!(error.to_string().contains("resourceArn"), "{error}");
}

#[test]
fn a_base_key_given_twice_is_a_duplicate() {
    let errors = errors::<Repository>(
        r#"{"resourceArn": "a", "version": 1, "resourceArn": "b", "repositoryName": "web"}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        kinds_at(&errors),
        [(ErrorKind::DuplicateKey, "$.resourceArn")]
    );
}

#[test]
fn the_outermost_typed_dict_decides_unknown_keys() {
    // `MirroredRepository` is closed: a key none of its bases declares is refused.
    let json = r#"{"resourceArn": "a", "version": 1, "repositoryName": "web", "upstreamUrl": "u", "other": 1}"#;
    let refused = errors::<MirroredRepository>(json, DecodeOptions::strict());
    assert_eq!(kinds_at(&refused), [(ErrorKind::UnknownKey, "$.other")]);
    // `Repository` is open: the same key is skipped.
    assert_eq!(errors::<Repository>(json, DecodeOptions::strict()), []);
    let nested: MirroredRepository = typed_dict::from_str(
        r#"{"resourceArn": "a", "version": 1, "repositoryName": "web", "upstreamUrl": "u"}"#,
    )
    .unwrap();
    assert_eq!(nested.repository.resource.resource_arn, "a");
    assert_eq!(nested.upstream_url, "u");
}

/// A base with an output variant, and a child whose output holds the base's.
#[typed_dict(output = TaggedOutput)]
#[derive(Debug)]
pub struct Tagged {
    pub tags: Sequence<String>,
}

#[typed_dict(output = ImageOutput)]
#[derive(Debug)]
pub struct Image {
    #[typed_dict(flatten)]
    pub tagged: Tagged,
    pub digest: String,
}

#[test]
fn the_output_variant_holds_the_bases_outputs() {
    let json = r#"{"tags": ["a"], "digest": "sha"}"#;
    let output: <Image as HasOutput>::Output = typed_dict::from_str(json).unwrap();
    let tagged: &TaggedOutput = &output.tagged;
    let tags: &List<String> = &tagged.tags;
    assert_eq!(tags, &["a".to_owned()]);
    let keys: Vec<&str> = ImageOutput::schema().fields.iter().map(|f| f.key).collect();
    assert_eq!(keys, ["tags", "digest"]);
    assert_eq!(
        ImageOutput::schema().fields[0].value.python().to_string(),
        "list[str]"
    );
    let input = Image::from(output);
    assert_eq!(
        typed_dict::to_string(&input).unwrap(),
        r#"{"tags":["a"],"digest":"sha"}"#
    );
}

/// `Child(Base)` with a generic base instantiated.
#[typed_dict]
#[derive(Debug)]
pub struct Page<T> {
    pub items: List<T>,
    pub next_token: Option<String>,
}

#[typed_dict]
#[derive(Debug)]
pub struct RepositoryPage {
    #[typed_dict(flatten)]
    pub page: Page<Resource>,
    pub registry_id: String,
}

#[test]
fn a_generic_base_instantiated() {
    let json = r#"{"items": [{"resourceArn": "a"}], "registryId": "1"}"#;
    let page: RepositoryPage = typed_dict::from_str(json).unwrap();
    assert_eq!(page.page.items[0].resource_arn, "a");
    let keys: Vec<&str> = RepositoryPage::schema()
        .fields
        .iter()
        .map(|f| f.key)
        .collect();
    assert_eq!(keys, ["items", "nextToken", "registryId"]);
    let errors = errors::<RepositoryPage>(
        r#"{"items": [{}], "registryId": "1"}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        kinds_at(&errors),
        [(ErrorKind::MissingKey, "$.items[0].resourceArn")]
    );
}

#[test]
fn setters_reach_through_to_the_bases() {
    let built = Repository::new(RepositoryRequired {
        repository_name: "web".into(),
        resource: Resource::new(ResourceRequired {
            resource_arn: "arn:aws:ecr:r".into(),
        }),
        audited: Audited::new(AuditedRequired { version: 3 }),
    })
    .with_resource(|base| base.with_tags(vec!["a".to_owned()]))
    .with_audited(|base| base.with_created_by("me"))
    .with_image_count(2);
    assert_eq!(built, repository());
}

#[test]
fn json_schema_lists_every_key_at_one_level() {
    let schema = typed_dict::json_schema::for_type_def(
        MirroredRepository::schema(),
        typed_dict::Mode::Strict,
    );
    let root = &schema["$defs"]["MirroredRepository"];
    // (serde_json's map is sorted.)
    let properties: Vec<&String> = root["properties"].as_object().unwrap().keys().collect();
    assert_eq!(
        properties,
        [
            "createdBy",
            "imageCount",
            "repositoryName",
            "resourceArn",
            "tags",
            "upstreamUrl",
            "version"
        ]
    );
    assert_eq!(
        root["required"],
        serde_json::json!(["resourceArn", "version", "repositoryName", "upstreamUrl"])
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    let valid: serde_json::Value = serde_json::from_str(
        r#"{"resourceArn": "a", "version": 1, "repositoryName": "web", "upstreamUrl": "u"}"#,
    )
    .unwrap();
    assert!(validator.is_valid(&valid));
    let missing_base_key =
        serde_json::json!({"version": 1, "repositoryName": "web", "upstreamUrl": "u"});
    assert!(!validator.is_valid(&missing_base_key));
}

#[test]
fn generated_values_and_payloads_cover_the_bases_keys() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    for _ in 0..64 {
        let value = typed_dict::proptest::any::<MirroredRepository>()
            .new_tree(&mut runner)
            .unwrap()
            .current();
        let json = typed_dict::to_string(&value).unwrap();
        assert_eq!(
            typed_dict::from_str::<MirroredRepository>(&json).unwrap(),
            value
        );
        let payload =
            typed_dict::proptest::any_json::<MirroredRepository>(typed_dict::Mode::Strict)
                .new_tree(&mut runner)
                .unwrap()
                .current();
        let text = payload.to_string();
        assert_eq!(
            errors::<MirroredRepository>(&text, DecodeOptions::strict()),
            [],
            "{text}"
        );
        assert!(payload.get("resourceArn").is_some() && payload.get("version").is_some());
    }
}

/// A base whose key is constrained.
#[typed_dict]
#[derive(Debug)]
pub struct Named {
    #[typed_dict(max_length = 3)]
    pub name: String,
}

#[typed_dict]
#[derive(Debug)]
pub struct NamedChild {
    #[typed_dict(flatten)]
    pub named: Named,
    pub size: i64,
}

#[test]
fn a_base_keys_constraints_hold_in_the_child() {
    let json = r#"{"name": "long", "size": 1}"#;
    assert_eq!(errors::<NamedChild>(json, DecodeOptions::strict()), []);
    let checked = DecodeOptions::strict().constraints(true);
    let errors = errors::<NamedChild>(json, checked);
    assert_eq!(
        kinds_at(&errors),
        [(ErrorKind::ConstraintViolation, "$.name")]
    );
}
