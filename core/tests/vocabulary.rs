//! The rest of the stubs' vocabulary (issue 21): input mappings, nullable values, inline
//! unions, output variants through unions and aliases, an alias's own Python text, named
//! one-value literals, Python-only types and DynamoDB's value unions. Each renders what
//! the stub writes, decode and `validate` agree on it in strict and wire mode, it encodes
//! back to what was read, and its JSON Schema and proptest payloads say what `validate`
//! accepts.

mod common;

use common::{errors, kinds_at, options};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, TestRng, TestRunner};
use typed_dict::schema::PythonStyle;
use typed_dict::{
    typed_dict, Blob, ByteArray, Decimal, DecodeOptions, Dict, ErrorKind, HasOutput, JsonValue,
    List, Mapping, Mode, NoneType, Nullable, Sequence, Set, Timestamp, TypedDict, TypedValue,
    UnknownValue, ValueType,
};

// ---- the declarations, as a careful user writes them from the stubs ----

/// `StorageClassType`'s one value in a newer stub: a named literal, rendered by its name.
#[typed_dict]
pub enum ChecksumModeType {
    ENABLED,
}

/// What an older stub writes in place: `Literal['EXPIRE']`.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE", inline)]
pub enum ImageActionType {
    Expire,
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

/// `str | bytes`, written in the key's annotation.
#[typed_dict(inline)]
pub enum StrOrBytes {
    Str(String),
    Bytes(Blob),
}

/// `list[Any] | dict[str, Any]`, nullable where it is used.
#[typed_dict(inline)]
pub enum Conditions {
    List(List<JsonValue>),
    Dict(Dict<String, JsonValue>),
}

/// `Callable[..., Any]`.
#[typed_dict(python = "Callable[..., Any]")]
pub struct Callback;

/// s3's `TransferConfig`.
#[typed_dict(python = "TransferConfig")]
pub struct TransferConfig;

/// `StreamingBody`, a Required key of a response.
#[typed_dict(python = "StreamingBody")]
pub struct StreamingBody;

/// `TimestampTypeDef = Union[datetime, str]`, whose output is `datetime`.
#[typed_dict(python = "Union[datetime, str]", output = Timestamp)]
pub struct TimestampTypeDef(pub Timestamp);

/// `BlobTypeDef = Union[str, bytes, IO[Any], StreamingBody]`, whose output is `bytes`.
#[typed_dict(python = "Union[str, bytes, IO[Any], StreamingBody]", output = Blob)]
pub struct BlobTypeDef(pub Blob);

#[typed_dict(output = RuleOutputTypeDef, rename_all = "PascalCase")]
pub struct RuleTypeDef {
    pub filters: Sequence<String>,
}

/// `RuleUnionTypeDef = Union[RuleTypeDef, RuleOutputTypeDef]`, whose output is the
/// output member.
#[typed_dict(output = RuleOutputTypeDef)]
pub enum RuleUnionTypeDef {
    Input(RuleTypeDef),
    Output(RuleOutputTypeDef),
}

#[typed_dict(output = PutObjectOutputTypeDef)]
#[allow(non_snake_case)]
pub struct PutObjectTypeDef {
    pub Metadata: Option<Mapping<String, String>>,
    pub Expires: Option<TimestampTypeDef>,
    pub Body: Option<BlobTypeDef>,
    pub Rules: Option<Sequence<RuleUnionTypeDef>>,
    pub SSECustomerKey: Option<StrOrBytes>,
    pub ChecksumMode: Option<ChecksumModeType>,
}

#[typed_dict]
#[allow(non_snake_case)]
pub struct UploadFileTypeDef {
    pub Filename: Nullable<String>,
    pub ExtraArgs: Option<Nullable<Dict<String, JsonValue>>>,
    pub Callback: Option<Nullable<Callback>>,
    pub Config: Option<Nullable<TransferConfig>>,
    pub Conditions: Option<Nullable<Conditions>>,
    pub Action: Option<ImageActionType>,
}

#[typed_dict]
#[allow(non_snake_case)]
pub struct GetObjectOutputTypeDef {
    pub Body: StreamingBody,
}

/// `TableAttributeValueTypeDef`, as DynamoDB's stub lists its members.
#[typed_dict]
pub enum TableAttributeValueTypeDef {
    Bytes(Blob),
    ByteArray(ByteArray),
    Str(String),
    Int(i64),
    Decimal(Decimal),
    Bool(bool),
    IntSet(Set<i64>),
    DecimalSet(Set<Decimal>),
    StrSet(Set<String>),
    BytesSet(Set<Blob>),
    ByteArraySet(Set<ByteArray>),
    List(Sequence<JsonValue>),
    Map(Mapping<String, JsonValue>),
    Nothing(NoneType),
}

#[typed_dict]
#[allow(non_snake_case)]
pub struct PutItemInputTableTypeDef {
    pub Item: Mapping<String, TableAttributeValueTypeDef>,
}

/// `ConditionBaseImportTypeDef = Union[str, ConditionBase]`.
#[typed_dict(python = "ConditionBase")]
pub struct ConditionBase;

#[typed_dict]
pub enum ConditionBaseImportTypeDef {
    Str(String),
    Condition(ConditionBase),
}

#[typed_dict]
#[allow(non_snake_case)]
pub struct QueryInputTableTypeDef {
    pub KeyConditionExpression: Option<ConditionBaseImportTypeDef>,
}

fn annotation<T: TypedDict>(key: &str) -> String {
    T::schema().field(key).unwrap().value.python().to_string()
}

fn typing_annotation<T: TypedDict>(key: &str) -> String {
    let value = T::schema().field(key).unwrap().value;
    value.python_with(&PythonStyle::TYPING).to_string()
}

// ---- 1. Mapping[K, V] ----

#[test]
fn a_mapping_renders_mapping_and_its_output_is_a_dict() {
    assert_eq!(
        annotation::<PutObjectTypeDef>("Metadata"),
        "Mapping[str, str]"
    );
    assert_eq!(
        annotation::<PutObjectOutputTypeDef>("Metadata"),
        "dict[str, str]"
    );
    assert_eq!(
        typing_annotation::<PutObjectOutputTypeDef>("Metadata"),
        "Dict[str, str]"
    );
    let item = annotation::<PutItemInputTableTypeDef>("Item");
    assert_eq!(item, "Mapping[str, TableAttributeValueTypeDef]");
}

#[test]
fn a_mapping_reads_as_a_dict_in_both_modes() {
    for options in options() {
        assert_eq!(
            errors::<PutObjectTypeDef>(r#"{"Metadata": {"a": "b", "c": "d"}}"#, options),
            []
        );
        let found = errors::<PutObjectTypeDef>(r#"{"Metadata": {"a": 1, "a": "b"}}"#, options);
        assert_eq!(
            kinds_at(&found),
            [
                (ErrorKind::WrongType, "$.Metadata.a"),
                (ErrorKind::DuplicateKey, "$.Metadata.a")
            ]
        );
        let found = errors::<PutObjectTypeDef>(r#"{"Metadata": ["a"]}"#, options);
        assert_eq!(found[0].message, "expected Mapping[str, str], got list");
    }
    let json = r#"{"Metadata":{"z":"1","a":"2"}}"#;
    let put: PutObjectTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(typed_dict::to_string(&put).unwrap(), json, "order kept");
}

#[test]
fn an_output_dict_flows_back_into_a_mapping() {
    let output: PutObjectOutputTypeDef =
        typed_dict::from_str(r#"{"Metadata": {"team": "infra"}}"#).unwrap();
    let metadata: &Dict<String, String> = output.Metadata.as_ref().unwrap();
    assert_eq!(metadata["team"], "infra");
    let input = PutObjectTypeDef::from(output);
    let mapping: &Mapping<String, String> = input.Metadata.as_ref().unwrap();
    assert_eq!(mapping.get("team").map(String::as_str), Some("infra"));
    let built = PutObjectTypeDef::new().with_Metadata([("a", "b")]);
    assert_eq!(
        typed_dict::to_string(&built).unwrap(),
        r#"{"Metadata":{"a":"b"}}"#
    );
}

// ---- 2. Nullable values, apart from NotRequired keys ----

#[test]
fn nullable_values_render_with_none_in_each_style() {
    assert_eq!(annotation::<UploadFileTypeDef>("Filename"), "str | None");
    assert_eq!(
        typing_annotation::<UploadFileTypeDef>("Filename"),
        "Optional[str]"
    );
    assert_eq!(
        annotation::<UploadFileTypeDef>("ExtraArgs"),
        "dict[str, Any] | None"
    );
    let schema = UploadFileTypeDef::schema();
    assert!(schema.field("Filename").unwrap().required);
    assert!(!schema.field("ExtraArgs").unwrap().required);
}

#[test]
fn null_is_a_nullable_value_in_both_modes_and_absent_is_apart() {
    for options in options() {
        let upload: UploadFileTypeDef = typed_dict::decode(
            br#"{"Filename": null, "ExtraArgs": null, "Callback": null}"#,
            options,
        )
        .unwrap();
        assert_eq!(upload.Filename, Nullable::Null);
        assert_eq!(upload.ExtraArgs, Some(Nullable::Null));
        assert_eq!(upload.Callback, Some(Nullable::Null));
        assert_eq!(upload.Config, None);
        assert_eq!(
            typed_dict::to_string(&upload).unwrap(),
            r#"{"Filename":null,"ExtraArgs":null,"Callback":null}"#
        );
        assert_eq!(
            errors::<UploadFileTypeDef>(r#"{"Filename": "a"}"#, options),
            []
        );
        // A Required nullable key must be there, `null` or not.
        let found = errors::<UploadFileTypeDef>("{}", options);
        assert_eq!(kinds_at(&found), [(ErrorKind::MissingKey, "$.Filename")]);
        let found = errors::<UploadFileTypeDef>(r#"{"Filename": 7}"#, options);
        assert_eq!(kinds_at(&found), [(ErrorKind::WrongType, "$.Filename")]);
        assert_eq!(found[0].message, "expected str, got int");
        let found = errors::<UploadFileTypeDef>(
            r#"{"Filename": null, "ExtraArgs": {"a": null, "b": [1]}}"#,
            options,
        );
        assert_eq!(found, []);
    }
}

#[test]
fn a_nullable_item_holds_null_where_a_plain_one_does_not() {
    for options in options() {
        let read: List<Nullable<i64>> = typed_dict::decode(b"[1, null, 3]", options).unwrap();
        assert_eq!(
            read,
            [Nullable::Value(1), Nullable::Null, Nullable::Value(3)]
        );
        let report = typed_dict::validate::<List<Nullable<i64>>>(b"[1, null, \"x\"]", options);
        assert_eq!(kinds_at(&report.errors), [(ErrorKind::WrongType, "$[2]")]);
        assert!(typed_dict::decode::<List<Nullable<i64>>>(b"[1, null, \"x\"]", options).is_err());
    }
}

// ---- 3. Inline unions ----

#[test]
fn an_inline_union_renders_its_members_at_the_key() {
    assert_eq!(
        annotation::<PutObjectTypeDef>("SSECustomerKey"),
        "str | bytes"
    );
    assert_eq!(
        typing_annotation::<PutObjectTypeDef>("SSECustomerKey"),
        "Union[str, bytes]"
    );
    assert_eq!(
        annotation::<UploadFileTypeDef>("Conditions"),
        "list[Any] | dict[str, Any] | None"
    );
    // Its definition and name are still there for messages and catalogs.
    let union = <StrOrBytes as TypedValue>::TYPE;
    assert_eq!(union.name(), Some("StrOrBytes"));
    assert_eq!(
        union
            .python_definition_with(&PythonStyle::BUILTINS)
            .to_string(),
        "Union[str, bytes]"
    );
}

#[test]
fn an_inline_union_reads_as_a_named_one() {
    for options in options() {
        let put: PutObjectTypeDef =
            typed_dict::decode(br#"{"SSECustomerKey": "c2VjcmV0"}"#, options).unwrap();
        // The first member that accepts the value: `str`.
        assert_eq!(
            put.SSECustomerKey,
            Some(StrOrBytes::Str("c2VjcmV0".to_owned()))
        );
        let found = errors::<PutObjectTypeDef>(r#"{"SSECustomerKey": 1}"#, options);
        assert_eq!(found[0].message, "expected str | bytes, got int");
        let found = errors::<UploadFileTypeDef>(
            r#"{"Filename": null, "Conditions": [1, {"a": 2}]}"#,
            options,
        );
        assert_eq!(found, []);
    }
}

// ---- 4. Output variants through unions and aliases ----

#[test]
fn outputs_go_through_unions_to_the_output_member_and_through_aliases() {
    assert_eq!(
        annotation::<PutObjectTypeDef>("Rules"),
        "Sequence[RuleUnionTypeDef]"
    );
    assert_eq!(
        annotation::<PutObjectOutputTypeDef>("Rules"),
        "list[RuleOutputTypeDef]"
    );
    assert_eq!(
        annotation::<PutObjectTypeDef>("Expires"),
        "TimestampTypeDef"
    );
    assert_eq!(annotation::<PutObjectOutputTypeDef>("Expires"), "datetime");
    assert_eq!(annotation::<PutObjectTypeDef>("Body"), "BlobTypeDef");
    assert_eq!(annotation::<PutObjectOutputTypeDef>("Body"), "bytes");

    let json = r#"{"Expires":1704164645,"Body":"aGk=","Rules":[{"Filters":["a"]}]}"#;
    let output: PutObjectOutputTypeDef = typed_dict::from_str(json).unwrap();
    let rules: &List<RuleOutputTypeDef> = output.Rules.as_ref().unwrap();
    let expires: &Timestamp = output.Expires.as_ref().unwrap();
    let body: &Blob = output.Body.as_ref().unwrap();
    assert_eq!((rules.len(), body.as_bytes()), (1, &b"hi"[..]));
    assert_eq!(expires.to_string(), "2024-01-02T03:04:05Z");
    let first = rules[0].clone();
    let input = PutObjectTypeDef::from(output);
    assert!(matches!(
        &input.Rules.as_ref().unwrap()[0],
        RuleUnionTypeDef::Output(_)
    ));
    assert_eq!(typed_dict::to_string(&input).unwrap(), json);
    let union = RuleUnionTypeDef::into_input(first);
    assert!(matches!(union, RuleUnionTypeDef::Output(_)));
}

// ---- 5. An alias's own Python text ----

#[test]
fn an_alias_renders_its_own_text_beside_plain_bytes() {
    let style = PythonStyle::BUILTINS;
    let blob = <BlobTypeDef as TypedValue>::TYPE;
    assert_eq!(
        blob.python_definition_with(&style).to_string(),
        "Union[str, bytes, IO[Any], StreamingBody]"
    );
    assert_eq!(ValueType::Blob.python_with(&style).to_string(), "bytes");
    let timestamp = <TimestampTypeDef as TypedValue>::TYPE;
    assert_eq!(
        timestamp.python_definition_with(&style).to_string(),
        "Union[datetime, str]"
    );
    let ValueType::Alias(alias) = blob else {
        unreachable!()
    };
    assert_eq!(
        serde_json::to_value(alias).unwrap(),
        serde_json::json!({"name": "BlobTypeDef", "type": "Union[str, bytes, IO[Any], StreamingBody]"})
    );
    // The wire format is the target's.
    for options in options() {
        let found = errors::<PutObjectTypeDef>(r#"{"Body": "%%"}"#, options);
        assert_eq!(kinds_at(&found), [(ErrorKind::InvalidBase64, "$.Body")]);
    }
}

// ---- 6. Named one-value literals ----

#[test]
fn a_named_one_value_literal_renders_its_name_and_an_inline_one_its_values() {
    assert_eq!(
        annotation::<PutObjectTypeDef>("ChecksumMode"),
        "ChecksumModeType"
    );
    assert_eq!(
        annotation::<UploadFileTypeDef>("Action"),
        "Literal['EXPIRE']"
    );
    let literal = <ChecksumModeType as TypedValue>::TYPE;
    assert_eq!(
        literal
            .python_definition_with(&PythonStyle::BUILTINS)
            .to_string(),
        "Literal['ENABLED']"
    );
    for options in options() {
        let found = errors::<PutObjectTypeDef>(r#"{"ChecksumMode": "DISABLED"}"#, options);
        assert_eq!(
            kinds_at(&found),
            [(ErrorKind::InvalidLiteral, "$.ChecksumMode")]
        );
    }
}

// ---- 7. Python-only types, and DynamoDB's value unions ----

#[test]
fn python_only_types_render_verbatim_and_refuse_every_value() {
    assert_eq!(
        annotation::<UploadFileTypeDef>("Callback"),
        "Callable[..., Any] | None"
    );
    assert_eq!(
        annotation::<UploadFileTypeDef>("Config"),
        "TransferConfig | None"
    );
    assert_eq!(
        annotation::<GetObjectOutputTypeDef>("Body"),
        "StreamingBody"
    );
    for options in options() {
        for value in [r#""f""#, "1", "{}", "[]", "true"] {
            let json = format!(r#"{{"Filename": null, "Callback": {value}}}"#);
            let found = errors::<UploadFileTypeDef>(&json, options);
            assert_eq!(
                kinds_at(&found),
                [(ErrorKind::WrongType, "$.Callback")],
                "{value}"
            );
            assert!(
                found[0]
                    .message
                    .starts_with("expected Callable[..., Any] (Callback, a Python-only type"),
                "{}",
                found[0].message
            );
        }
        let found = errors::<GetObjectOutputTypeDef>(r#"{"Body": "data"}"#, options);
        assert_eq!(kinds_at(&found), [(ErrorKind::WrongType, "$.Body")]);
        let found = errors::<GetObjectOutputTypeDef>("{}", options);
        assert_eq!(kinds_at(&found), [(ErrorKind::MissingKey, "$.Body")]);
    }
    // `null` where the type is not nullable: a NotRequired key's rule.
    let strict = errors::<GetObjectOutputTypeDef>(r#"{"Body": null}"#, DecodeOptions::strict());
    assert_eq!(kinds_at(&strict), [(ErrorKind::NullNotAllowed, "$.Body")]);
    let wire = errors::<GetObjectOutputTypeDef>(r#"{"Body": null}"#, DecodeOptions::wire());
    assert_eq!(kinds_at(&wire), [(ErrorKind::MissingKey, "$.Body")]);
}

#[test]
fn a_python_only_value_does_not_encode() {
    let upload = UploadFileTypeDef::new(UploadFileTypeDefRequired {
        Filename: Nullable::Null,
    })
    .with_Callback(Nullable::Value(Callback));
    let error = typed_dict::to_string(&upload).unwrap_err();
    assert!(
        error.to_string().contains(
            "cannot encode Callable[..., Any] (Callback): a Python-only type has no JSON form"
        ),
        "{error}"
    );
    let error = typed_dict::from_str::<GetObjectOutputTypeDef>(r#"{"Body": 1}"#).unwrap_err();
    assert_eq!(error.errors()[0].path, "$.Body");
}

#[test]
fn a_union_with_a_python_only_member_reads_the_others() {
    for options in options() {
        let query: QueryInputTableTypeDef =
            typed_dict::decode(br#"{"KeyConditionExpression": "a = :a"}"#, options).unwrap();
        assert!(matches!(
            query.KeyConditionExpression,
            Some(ConditionBaseImportTypeDef::Str(_))
        ));
        let found = errors::<QueryInputTableTypeDef>(r#"{"KeyConditionExpression": 1}"#, options);
        assert_eq!(found[0].kind, ErrorKind::WrongType);
    }
}

#[test]
fn dynamodb_value_unions_read_the_json_forms_of_their_members() {
    let union = <TableAttributeValueTypeDef as TypedValue>::TYPE;
    assert_eq!(
        union
            .python_definition_with(&PythonStyle::BUILTINS)
            .to_string(),
        "Union[bytes, bytearray, str, int, Decimal, bool, set[int], set[Decimal], set[str], \
         set[bytes], set[bytearray], Sequence[Any], Mapping[str, Any], None]"
    );
    let json = r#"{"Item":{"b":"aGk=","s":"plain text","n":7,"d":1.5,"t":true,"ns":[1,2],"ds":[1.5],"l":["a",null],"m":{"k":null},"z":null}}"#;
    for options in options() {
        assert_eq!(errors::<PutItemInputTableTypeDef>(json, options), []);
        let item: PutItemInputTableTypeDef = typed_dict::decode(json.as_bytes(), options).unwrap();
        let get = |key: &str| item.Item.get(key).unwrap();
        // The first member that accepts the value, in the stub's order.
        assert!(matches!(get("b"), TableAttributeValueTypeDef::Bytes(_)));
        assert!(matches!(get("s"), TableAttributeValueTypeDef::Str(_)));
        assert!(matches!(get("n"), TableAttributeValueTypeDef::Int(7)));
        assert!(matches!(get("d"), TableAttributeValueTypeDef::Decimal(d) if d.as_f64() == 1.5));
        assert!(matches!(get("ns"), TableAttributeValueTypeDef::IntSet(_)));
        assert!(matches!(
            get("ds"),
            TableAttributeValueTypeDef::DecimalSet(_)
        ));
        assert!(matches!(get("l"), TableAttributeValueTypeDef::List(_)));
        assert!(matches!(get("m"), TableAttributeValueTypeDef::Map(_)));
        assert!(matches!(
            get("z"),
            TableAttributeValueTypeDef::Nothing(NoneType)
        ));
        assert_eq!(typed_dict::to_string(&item).unwrap(), json);
    }
}

#[test]
fn bytearray_decimal_and_none_refuse_what_is_not_theirs() {
    #[typed_dict]
    pub struct Parts {
        pub data: Option<ByteArray>,
        pub amount: Option<Decimal>,
        pub nothing: Option<NoneType>,
        pub names: Option<Set<String>>,
    }
    for options in options() {
        let found = errors::<Parts>(r#"{"data": "%%", "amount": "1", "names": [1]}"#, options);
        assert_eq!(
            kinds_at(&found),
            [
                (ErrorKind::InvalidValue, "$.data"),
                (ErrorKind::WrongType, "$.amount"),
                (ErrorKind::WrongType, "$.names[0]"),
            ]
        );
        let found = errors::<Parts>(r#"{"nothing": 1}"#, options);
        assert_eq!(found[0].message, "expected None, got int");
        assert_eq!(errors::<Parts>(r#"{"nothing": null}"#, options), []);
        let parts: Parts = typed_dict::decode(br#"{"nothing": null}"#, options).unwrap();
        assert_eq!(parts.nothing, Some(NoneType));
    }
    assert_eq!(
        Parts::schema()
            .field("data")
            .unwrap()
            .value
            .python()
            .to_string(),
        "bytearray"
    );
}

// ---- JSON Schema and proptest for every construct ----

fn runner() -> TestRunner {
    TestRunner::new_with_rng(
        Config {
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    )
}

/// Payloads generated for `T` are valid for it (decode and validate agreeing), and the
/// JSON Schema accepts them; they decode and encode back to the same JSON value.
fn generated_payloads_are_valid<T: TypedDict + std::fmt::Debug>() {
    let mut runner = runner();
    for (mode, options) in [
        (Mode::Strict, DecodeOptions::strict()),
        (Mode::Wire, DecodeOptions::wire()),
    ] {
        let schema = typed_dict::json_schema::for_type_def(T::schema(), mode);
        let validator = jsonschema::options().build(&schema).unwrap();
        let strategy = typed_dict::proptest::any_json::<T>(mode);
        for _ in 0..64 {
            let payload = strategy.new_tree(&mut runner).unwrap().current();
            let text = payload.to_string();
            assert_eq!(errors::<T>(&text, options), [], "{text}");
            assert!(validator.is_valid(&payload), "the schema refuses {text}");
        }
    }
}

#[test]
fn generated_payloads_are_valid_and_the_json_schema_accepts_them() {
    generated_payloads_are_valid::<PutObjectTypeDef>();
    generated_payloads_are_valid::<PutObjectOutputTypeDef>();
    generated_payloads_are_valid::<UploadFileTypeDef>();
    generated_payloads_are_valid::<PutItemInputTableTypeDef>();
    generated_payloads_are_valid::<QueryInputTableTypeDef>();
}

#[test]
fn the_json_schema_refuses_what_validate_refuses() {
    let schema = typed_dict::json_schema::for_type_def(UploadFileTypeDef::schema(), Mode::Strict);
    let validator = jsonschema::options().build(&schema).unwrap();
    for json in [
        r#"{"Filename": null, "Callback": "f"}"#,
        r#"{"Filename": 1}"#,
        r#"{"Filename": null, "Conditions": 1}"#,
        "{}",
    ] {
        let value: JsonValue = serde_json::from_str(json).unwrap();
        assert!(!validator.is_valid(&value), "{json}");
        assert_ne!(
            errors::<UploadFileTypeDef>(json, DecodeOptions::strict()),
            []
        );
    }
    let value = serde_json::json!({"Filename": null, "Callback": null, "ExtraArgs": null});
    assert!(validator.is_valid(&value));
}

// ---- the constructs inside recursive shapes and around foreign types ----

#[typed_dict]
pub struct Tree {
    pub name: String,
    pub children: Option<Mapping<String, Self>>,
    pub parent: Option<Nullable<Box<Self>>>,
}

#[typed_dict]
pub struct Cluster {
    #[typed_dict(as = "str")]
    pub leader: Option<Nullable<std::net::SocketAddr>>,
    #[typed_dict(as = "str")]
    pub followers: Option<Mapping<String, std::net::SocketAddr>>,
}

#[test]
fn a_recursive_shape_holds_itself_in_a_mapping_and_a_nullable() {
    assert_eq!(annotation::<Tree>("children"), "Mapping[str, Tree]");
    assert_eq!(annotation::<Tree>("parent"), "Tree | None");
    for options in options() {
        let json = r#"{"name": "a", "parent": null, "children": {"b": {"name": "b", "parent": {"name": "a"}}}}"#;
        assert_eq!(errors::<Tree>(json, options), []);
        let found = errors::<Tree>(
            r#"{"name": "a", "children": {"b": {"parent": 1}}}"#,
            options,
        );
        assert_eq!(
            kinds_at(&found),
            [
                (ErrorKind::WrongType, "$.children.b.parent"),
                (ErrorKind::MissingKey, "$.children.b.name")
            ]
        );
    }
}

#[test]
fn a_foreign_type_may_be_nullable_or_in_a_mapping() {
    assert_eq!(annotation::<Cluster>("leader"), "str | None");
    assert_eq!(annotation::<Cluster>("followers"), "Mapping[str, str]");
    for options in options() {
        let cluster: Cluster = typed_dict::decode(
            br#"{"leader": null, "followers": {"a": "10.0.0.1:80"}}"#,
            options,
        )
        .unwrap();
        assert_eq!(cluster.leader, Some(Nullable::Null));
        let found = errors::<Cluster>(r#"{"leader": "nowhere", "followers": {"a": 1}}"#, options);
        assert_eq!(
            kinds_at(&found),
            [
                (ErrorKind::InvalidValue, "$.leader"),
                (ErrorKind::WrongType, "$.followers.a")
            ]
        );
    }
}

// ---- constraints on the new value types ----

#[typed_dict]
pub struct Limited {
    #[typed_dict(min_length = 1)]
    pub name: Option<Nullable<String>>,
    #[typed_dict(max_length = 1)]
    pub tags: Option<Mapping<String, String>>,
    #[typed_dict(min_length = 1)]
    pub names: Option<Set<String>>,
}

#[test]
fn constraints_apply_to_a_nullable_value_a_mapping_and_a_set() {
    let checked = [
        DecodeOptions::strict().constraints(true),
        DecodeOptions::wire().constraints(true),
    ];
    for options in checked {
        assert_eq!(
            errors::<Limited>(
                r#"{"name": null, "tags": {"a": "b"}, "names": ["x"]}"#,
                options
            ),
            []
        );
        let found = errors::<Limited>(
            r#"{"name": "", "tags": {"a": "b", "c": "d"}, "names": []}"#,
            options,
        );
        assert_eq!(
            kinds_at(&found),
            [
                (ErrorKind::ConstraintViolation, "$.name"),
                (ErrorKind::ConstraintViolation, "$.tags"),
                (ErrorKind::ConstraintViolation, "$.names")
            ]
        );
    }
}
