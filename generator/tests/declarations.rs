//! What the generator writes for each kind of stub construct.

mod common;

use common::{assert_all_in, facts_json, file, generate};
use typed_dict_gen::Construct;

#[test]
fn keys_get_a_rule_where_one_spells_them_and_key_attributes_for_the_rest() {
    let facts = facts_json(
        r#"[{"name": "SendMessageRequestTypeDef", "fields": [
            {"key": "QueueUrl", "required": true, "type": "str"},
            {"key": "MD5OfBody", "required": false, "type": "str"},
            {"key": "DelaySeconds", "required": false, "type": "int"},
            {"key": "MessageBody", "required": true, "type": "str"},
            {"key": "type", "required": false, "type": "str"},
            {"key": "detail-type", "required": false, "type": "str"},
            {"key": "self", "required": false, "type": "bool"}]}]"#,
        "[]",
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "/// The parameters of `SendMessage`.",
            "#[typed_dict(rename_all = \"PascalCase\")]",
            "#[non_exhaustive]",
            "    pub queue_url: String,",
            "    #[typed_dict(key = \"MD5OfBody\")]\n    pub md5_of_body: Option<String>,",
            "    pub delay_seconds: Option<i64>,",
            "    #[typed_dict(key = \"type\")]\n    pub r#type: Option<String>,",
            "    #[typed_dict(key = \"detail-type\")]\n    pub detail_type: Option<String>,",
            "    #[typed_dict(key = \"self\")]\n    pub self_: Option<bool>,",
        ],
    );
    assert_eq!(generated.deviations, []);
}

#[test]
fn the_default_spelling_needs_no_rule_and_rules_can_be_turned_off() {
    let facts = facts_json(
        r#"[{"name": "TagTypeDef", "fields": [
            {"key": "Key", "required": true, "type": "str"},
            {"key": "Value", "required": true, "type": "str"}]},
            {"name": "ImageTypeDef", "fields": [{"key": "imageId", "required": true, "type": "str"}]}]"#,
        "[]",
        "[]",
    );
    let shapes = file(&generate(&facts, "").unwrap(), "shapes.rs").to_owned();
    assert!(shapes.contains(
        "#[typed_dict]\n#[non_exhaustive]\npub struct ImageTypeDef {\n    pub image_id: String,"
    ));
    let off = generate(&facts, "rename_all = false").unwrap();
    assert!(
        file(&off, "shapes.rs").contains("    #[typed_dict(key = \"Key\")]\n    pub key: String,")
    );
}

#[test]
fn literals_are_open_enums_with_a_rule_or_their_values() {
    let facts = facts_json(
        "[]",
        "[]",
        r#"[{"name": "TagStatusType", "values": ["TAGGED", "UNTAGGED", "ANY"]},
            {"name": "RegionName", "values": ["us-east-1", "eu-west-1"]},
            {"name": "OddType", "values": ["1", "Unknown", "a.b", "a-b"]}]"#,
    );
    let literals = file(&generate(&facts, "").unwrap(), "literals.rs").to_owned();
    assert_all_in(
        &literals,
        &[
            "#[typed_dict(rename_all = \"SCREAMING_SNAKE_CASE\")]\n#[non_exhaustive]\npub enum TagStatusType {\n    Tagged,",
            "    #[typed_dict(value = \"us-east-1\")]\n    UsEast1,",
            "    #[typed_dict(value = \"1\")]\n    V1,",
            "    #[typed_dict(value = \"Unknown\")]\n    Unknown2,",
            "    #[typed_dict(value = \"a.b\")]\n    AB,",
            "    #[typed_dict(value = \"a-b\")]\n    AB2,",
            "    #[typed_dict(other)]\n    Unknown(UnknownValue),",
            "/// `from types_aiobotocore_demo.literals import OddType`",
        ],
    );
}

#[test]
fn output_variants_pair_where_the_macro_derives_them_exactly() {
    let facts = facts_json(
        r#"[{"name": "RuleTypeDef", "fields": [{"key": "tags", "required": true, "type": "Sequence[str]"}]},
            {"name": "RuleOutputTypeDef", "fields": [{"key": "tags", "required": true, "type": "list[str]"}]},
            {"name": "OtherTypeDef", "fields": [{"key": "at", "required": true, "type": "TimestampTypeDef"},
                                               {"key": "rules", "required": false, "type": "Sequence[RuleUnionTypeDef]"},
                                               {"key": "body", "required": true, "type": "BlobTypeDef"}]},
            {"name": "OtherOutputTypeDef", "fields": [{"key": "at", "required": true, "type": "datetime"},
                                                     {"key": "rules", "required": false, "type": "list[RuleOutputTypeDef]"},
                                                     {"key": "body", "required": true, "type": "bytes"}]},
            {"name": "NoteTypeDef", "fields": [{"key": "text", "required": true, "type": "TextTypeDef"}]},
            {"name": "NoteOutputTypeDef", "fields": [{"key": "text", "required": true, "type": "str"}]}]"#,
        r#"[{"name": "RuleUnionTypeDef", "type": "Union[RuleTypeDef, RuleOutputTypeDef]"},
            {"name": "TimestampTypeDef", "type": "Union[datetime, str]"},
            {"name": "BlobTypeDef", "type": "Union[str, bytes, IO[Any], StreamingBody]"},
            {"name": "TextTypeDef", "type": "Union[str, int]"}]"#,
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "#[typed_dict(output = RuleOutputTypeDef)]\n#[non_exhaustive]\npub struct RuleTypeDef {",
            // Through the aliases' own output counterparts: the union's output member,
            // `datetime` for the timestamp union, `bytes` for the blob alias.
            "#[typed_dict(output = OtherOutputTypeDef)]\n#[non_exhaustive]\npub struct OtherTypeDef {",
            "#[typed_dict(output = RuleOutputTypeDef)]\npub enum RuleUnionTypeDef {\n    Input(RuleTypeDef),\n    Output(RuleOutputTypeDef),\n}",
            "#[typed_dict(output = Timestamp)]\npub enum TimestampTypeDef {\n    Datetime(Timestamp),\n    Str(String),\n}",
            "#[typed_dict(python = \"Union[str, bytes, IO[Any], StreamingBody]\", output = Blob)]\npub struct BlobTypeDef(pub Blob);",
            // A union with no output counterpart is its own output: `str` is not what the
            // macro derives, so both are declared.
            "#[typed_dict]\npub enum TextTypeDef {",
            "pub struct NoteOutputTypeDef {",
        ],
    );
    for derived in ["RuleOutputTypeDef", "OtherOutputTypeDef"] {
        assert!(
            !shapes.contains(&format!("pub struct {derived}")),
            "{shapes}"
        );
    }
    assert_eq!(generated.deviations, []);
}

#[test]
fn a_union_whose_output_only_the_pairs_show_gets_it_where_they_agree() {
    let facts = facts_json(
        r#"[{"name": "AttributeValueTypeDef", "fields": [{"key": "S", "required": false, "type": "str"}]},
            {"name": "ItemTypeDef", "fields": [{"key": "Key", "required": true, "type": "Mapping[str, UniversalTypeDef]"}]},
            {"name": "ItemOutputTypeDef", "fields": [{"key": "Key", "required": true, "type": "dict[str, AttributeValueTypeDef]"}]},
            {"name": "OtherTypeDef", "fields": [{"key": "v", "required": true, "type": "EitherTypeDef"}]},
            {"name": "OtherOutputTypeDef", "fields": [{"key": "v", "required": true, "type": "AttributeValueTypeDef"}]},
            {"name": "ThirdTypeDef", "fields": [{"key": "v", "required": true, "type": "EitherTypeDef"}]},
            {"name": "ThirdOutputTypeDef", "fields": [{"key": "v", "required": true, "type": "str"}]}]"#,
        r#"[{"name": "UniversalTypeDef", "type": "Union[AttributeValueTypeDef, str, int]"},
            {"name": "EitherTypeDef", "type": "Union[AttributeValueTypeDef, str]"}]"#,
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "#[typed_dict(output = AttributeValueTypeDef)]\npub enum UniversalTypeDef {",
            "#[typed_dict(rename_all = \"PascalCase\", output = ItemOutputTypeDef)]",
            // The pairs disagree on `EitherTypeDef`'s output: it is its own, and both
            // variants of each pair are declared.
            "#[typed_dict]\npub enum EitherTypeDef {",
            "pub struct OtherOutputTypeDef {",
            "pub struct ThirdOutputTypeDef {",
        ],
    );
    assert!(!shapes.contains("pub struct ItemOutputTypeDef"), "{shapes}");
    assert_eq!(generated.deviations, []);
}

#[test]
fn the_vocabulary_of_issue_21_is_declared_exactly() {
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "tags", "required": false, "type": "Mapping[str, str]"},
            {"key": "maybe", "required": true, "type": "str | None"},
            {"key": "extra", "required": false, "type": "dict[str, Any] | None"},
            {"key": "callback", "required": false, "type": "Callable[..., Any] | None"},
            {"key": "body", "required": true, "type": "StreamingBody"},
            {"key": "numbers", "required": false, "type": "set[int]"},
            {"key": "raw", "required": false, "type": "bytes"},
            {"key": "only", "required": false, "type": "Literal['x']"},
            {"key": "named", "required": false, "type": "NamedType"}]}]"#,
        r#"[{"name": "BlobTypeDef", "type": "Union[str, bytes, IO[Any], StreamingBody]"},
            {"name": "ClientTypeDef", "type": "BaseClient"},
            {"name": "ValueTypeDef", "type": "Union[bytes, bytearray, str, Decimal, set[str], Mapping[str, Any], None]"}]"#,
        r#"[{"name": "OnlyType", "values": ["x"]}, {"name": "NamedType", "values": ["y"]}]"#,
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "pub tags: Option<Mapping<String, String>>,",
            "pub maybe: Nullable<String>,",
            "pub extra: Option<Nullable<Dict<String, JsonValue>>>,",
            "pub callback: Option<Nullable<Callable>>,",
            "pub body: StreamingBody,",
            "pub numbers: Option<Set<i64>>,",
            "pub raw: Option<Blob>,",
            "pub only: Option<OnlyType>,",
            "pub named: Option<NamedType>,",
            "#[typed_dict(python = \"Union[str, bytes, IO[Any], StreamingBody]\", output = Blob)]\npub struct BlobTypeDef(pub Blob);",
            "pub struct ClientTypeDef(pub BaseClient);",
            "    Bytes(Blob),\n    Bytearray(ByteArray),\n    Str(String),\n    Decimal(Decimal),\n    SetStr(Set<String>),\n    MappingStrAny(Mapping<String, JsonValue>),\n    Null(NoneType),",
        ],
    );
    let literals = file(&generated, "literals.rs");
    assert_all_in(
        literals,
        &[
            // Written in place by the stub: rendered so.
            "#[typed_dict(rename_all = \"snake_case\", inline)]\n#[non_exhaustive]\npub enum OnlyType {",
            // Named by the stub: rendered by its name.
            "#[typed_dict(rename_all = \"snake_case\")]\n#[non_exhaustive]\npub enum NamedType {",
            "#[typed_dict(python = \"Callable[..., Any]\")]\npub struct Callable;",
            "#[typed_dict(python = \"StreamingBody\")]\npub struct StreamingBody;",
            "#[typed_dict(python = \"BaseClient\")]\npub struct BaseClient;",
        ],
    );
    // The stream types of the blob's union are not declared: the alias is a `Blob`.
    assert!(!literals.contains("pub struct IO;"), "{literals}");
    assert_eq!(generated.deviations, []);
}

#[test]
fn unions_and_literals_written_in_place_are_declared_inline() {
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "either", "required": true, "type": "str | list[str]"},
            {"key": "conditions", "required": false, "type": "list[Any] | dict[str, Any] | None"},
            {"key": "key", "required": false, "type": "str | bytes"},
            {"key": "nothing", "required": false, "type": "str | None | int"},
            {"key": "mode", "required": false, "type": "Literal['a', 'b']"},
            {"key": "again", "required": false, "type": "Sequence[Literal['a', 'b']]"},
            {"key": "format", "required": false, "type": "Literal['text/csv']"}]},
            {"name": "OtherTypeDef", "fields": [{"key": "key", "required": true, "type": "str | bytes"}]}]"#,
        "[]",
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "pub either: StrOrListStr,",
            "pub conditions: Option<Nullable<ListAnyOrDictStrAny>>,",
            "pub key: Option<StrOrBytes>,",
            "pub nothing: Option<StrOrNullOrInt>,",
            "pub mode: Option<AOrBLiteral>,",
            "pub again: Option<Sequence<AOrBLiteral>>,",
            "pub format: Option<TextCsvLiteral>,",
            // One declaration for every key that writes the same text.
            "pub key: StrOrBytes,",
            "use crate::demo::literals::{\n    AOrBLiteral, ListAnyOrDictStrAny, StrOrBytes, StrOrListStr, StrOrNullOrInt, TextCsvLiteral,\n};",
        ],
    );
    let literals = file(&generated, "literals.rs");
    assert_all_in(
        literals,
        &[
            "use typed_dict::{typed_dict, Blob, Dict, JsonValue, List, NoneType, UnknownValue};",
            "/// `Literal['a', 'b']`: a literal the stub writes in place and does not name.\n#[typed_dict(rename_all = \"snake_case\", inline)]\n#[non_exhaustive]\npub enum AOrBLiteral {\n    A,\n    B,",
            "#[typed_dict(inline)]\n#[non_exhaustive]\npub enum TextCsvLiteral {\n    #[typed_dict(value = \"text/csv\")]\n    TextCsv,",
            "/// `str | list[str]`: a union the stub writes in place.\n#[typed_dict(inline)]\npub enum StrOrListStr {\n    Str(String),\n    ListStr(List<String>),\n}",
            "pub enum ListAnyOrDictStrAny {\n    ListAny(List<JsonValue>),\n    DictStrAny(Dict<String, JsonValue>),\n}",
            "pub enum StrOrBytes {\n    Str(String),\n    Bytes(Blob),\n}",
            "pub enum StrOrNullOrInt {\n    Str(String),\n    Null(NoneType),\n    Int(i64),\n}",
        ],
    );
    assert_eq!(literals.matches("pub enum StrOrBytes").count(), 1);
    assert_eq!(generated.deviations, []);
}

#[test]
fn a_typing_stub_writes_its_unions_with_union_and_optional() {
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "tags", "required": true, "type": "List[str]"},
            {"key": "either", "required": true, "type": "Union[str, List[str]]"},
            {"key": "maybe", "required": false, "type": "Optional[Union[str, bytes]]"}]}]"#,
        "[]",
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert!(shapes.contains("pub either: StrOrListStr,"), "{shapes}");
    assert!(
        shapes.contains("pub maybe: Option<Nullable<StrOrBytes>>,"),
        "{shapes}"
    );
    assert_eq!(generated.deviations, []);
    let tables = file(&generated, "tables.rs");
    assert!(
        tables.contains("pub static PYTHON_STYLE: PythonStyle = PythonStyle::TYPING;"),
        "{tables}"
    );
}

#[test]
fn a_stub_of_builtin_generics_and_typing_unions_is_rendered_so() {
    // Older stubs write `list[str]` beside `Optional[str]`: the release's unions follow
    // the stub, not its generics.
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "tags", "required": true, "type": "list[str]"},
            {"key": "maybe", "required": true, "type": "Optional[str]"},
            {"key": "either", "required": false, "type": "Union[str, int]"}]}]"#,
        "[]",
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    assert_eq!(generated.deviations, []);
    let tables = file(&generated, "tables.rs");
    assert!(
        tables.contains(
            "pub static PYTHON_STYLE: PythonStyle = PythonStyle::BUILTINS.with_pipe_unions(false);"
        ),
        "{tables}"
    );
}

#[test]
fn what_the_framework_cannot_say_is_emitted_nearest_and_reported() {
    // A stub that writes unions both ways: the framework spells them one way a release
    // (its generics' here), so the keys written the other way are reported.
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "either", "required": true, "type": "Union[str, list[str]]"},
            {"key": "conditions", "required": false, "type": "list[Any] | dict[str, Any] | None"},
            {"key": "maybe", "required": true, "type": "Optional[str]"},
            {"key": "frozen", "required": false, "type": "frozenset[int]"},
            {"key": "other", "required": false, "type": "SomethingElse"},
            {"key": "twice", "required": false, "type": "str | str"},
            {"key": "mixed", "required": false, "type": "str | SomethingElse"},
            {"key": "repeated", "required": false, "type": "Literal['a', 'a']"},
            {"key": "quoted", "required": false, "type": "Literal[\"it's\"]"}]}]"#,
        "[]",
        "[]",
    );
    let generated = generate(&facts, "").unwrap();
    let shapes = file(&generated, "shapes.rs");
    assert_all_in(
        shapes,
        &[
            "pub either: StrOrListStr,",
            "pub conditions: Option<Nullable<ListAnyOrDictStrAny>>,",
            "pub maybe: Nullable<String>,",
            "pub frozen: Option<List<i64>>,",
            "pub other: Option<JsonValue>,",
            "pub twice: Option<JsonValue>,",
            "pub mixed: Option<JsonValue>,",
            "pub repeated: Option<String>,",
            "pub quoted: Option<ItSLiteral>,",
        ],
    );
    let found: Vec<(Construct, &str, &str, &str)> = generated
        .deviations
        .iter()
        .map(|(_, d)| {
            (
                d.construct,
                d.place.as_str(),
                d.stub.as_str(),
                d.emitted.as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                Construct::InlineUnion,
                "ThingTypeDef.either",
                "Union[str, list[str]]",
                "str | list[str]"
            ),
            (
                Construct::Nullable,
                "ThingTypeDef.maybe",
                "Optional[str]",
                "str | None"
            ),
            (
                Construct::PythonOnly,
                "ThingTypeDef.frozen",
                "frozenset[int]",
                "list[int]"
            ),
            (
                Construct::PythonOnly,
                "ThingTypeDef.other",
                "SomethingElse",
                "Any"
            ),
            (
                Construct::InlineUnion,
                "ThingTypeDef.twice",
                "str | str",
                "Any"
            ),
            (
                Construct::PythonOnly,
                "ThingTypeDef.mixed",
                "str | SomethingElse",
                "Any"
            ),
            (
                Construct::InlineLiteral,
                "ThingTypeDef.repeated",
                "Literal['a', 'a']",
                "str"
            ),
            (
                Construct::InlineLiteral,
                "ThingTypeDef.quoted",
                "Literal[\"it's\"]",
                "Literal['it's']"
            ),
        ]
    );
    assert_eq!(
        generated.deviations[0].1.to_string(),
        "inline_union, ThingTypeDef.either, `Union[str, list[str]]`, `str | list[str]`"
    );
}

#[test]
fn two_texts_written_in_place_that_would_share_a_name_are_an_error() {
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [
            {"key": "one", "required": true, "type": "Literal['a-b', 'c']"},
            {"key": "two", "required": true, "type": "Literal['a_b', 'c']"}]}]"#,
        "[]",
        "[]",
    );
    let error = generate(&facts, "").unwrap_err().to_string();
    assert_eq!(
        error,
        "`Literal['a-b', 'c']` and `Literal['a_b', 'c']` written in place would both be declared as `ABOrCLiteral`"
    );
}

#[test]
fn a_name_given_to_a_type_written_in_place_that_the_stub_declares_is_an_error() {
    let facts = facts_json(
        r#"[{"name": "ThingTypeDef", "fields": [{"key": "key", "required": true, "type": "str | bytes"}]}]"#,
        r#"[{"name": "StrOrBytes", "type": "Union[str, int]"}]"#,
        "[]",
    );
    let error = generate(&facts, "").unwrap_err().to_string();
    assert_eq!(
        error,
        "`ThingTypeDef.key`: annotation `str | bytes`: `str, bytes` written in place would be declared as `StrOrBytes`, a name the stub declares"
    );
}

#[test]
fn a_layout_splits_modules_and_imports_across_them() {
    let facts = facts_json(
        r#"[{"name": "ListTagsRequestTypeDef", "fields": [{"key": "arn", "required": true, "type": "str"}]},
            {"name": "ListTagsResponseTypeDef", "fields": [{"key": "tags", "required": true, "type": "list[TagTypeDef]"},
                                                          {"key": "status", "required": false, "type": "StatusType"}]},
            {"name": "TagTypeDef", "fields": [{"key": "key", "required": true, "type": "str"}]}]"#,
        "[]",
        r#"[{"name": "StatusType", "values": ["ON", "OFF"]}]"#,
    );
    let layout = r#"
        api_reference = "https://example.com/API_{}.html"
        [[module]]
        name = "tagging"
        doc = "Tags: listing them."
        operations = ["ListTags"]
        [[module]]
        name = "common"
        doc = "Shared shapes."
        shapes = ["TagTypeDef"]
        [summaries]
        TagTypeDef = "A tag."
    "#;
    let generated = generate(&facts, layout).unwrap();
    let tagging = file(&generated, "tagging.rs");
    assert!(
        tagging.starts_with("//! Tags: listing them.\n"),
        "{tagging}"
    );
    assert!(
        tagging.contains("use crate::demo::common::TagTypeDef;"),
        "{tagging}"
    );
    assert!(
        tagging.contains("use crate::demo::literals::StatusType;"),
        "{tagging}"
    );
    assert!(
        tagging.contains("/// What [`ListTags`][api] returns.\n"),
        "{tagging}"
    );
    assert!(
        tagging.contains("/// [api]: https://example.com/API_ListTags.html\n"),
        "{tagging}"
    );
    assert!(file(&generated, "common.rs").contains("/// A tag.\n"));
    let tree = file(&generated, "mod.rs");
    assert!(tree.contains("//! | [`tagging`] | Tags |"), "{tree}");
    assert!(
        tree.contains("pub mod common;\npub mod literals;\npub mod tables;\npub mod tagging;"),
        "{tree}"
    );
    let tables = file(&generated, "tables.rs");
    assert!(
        tables.contains("pub static TYPE_DEFS: [fn() -> &'static TypedDictSchema; 3] = ["),
        "{tables}"
    );
    assert!(
        tables.contains("pub static PYTHON_STYLE: PythonStyle = PythonStyle::BUILTINS;"),
        "{tables}"
    );
}

#[test]
fn wire_optional_keys_carry_their_reason() {
    let facts = facts_json(
        r#"[{"name": "GetThingResponseTypeDef", "fields": [
            {"key": "thing", "required": true, "type": "str"},
            {"key": "ResponseMetadata", "required": true, "type": "str"}]}]"#,
        "[]",
        "[]",
    );
    let layout = r#"
        rename_all = false
        [wire_optional.response_metadata]
        reason = "boto3 adds it."
        [[wire_optional.key]]
        type_def = "GetThingResponseTypeDef"
        key = "thing"
        reason = "Left out when there is none."
    "#;
    let shapes = file(&generate(&facts, layout).unwrap(), "shapes.rs").to_owned();
    assert!(shapes.contains("    // Left out when there is none.\n    #[typed_dict(wire_optional)]\n    pub thing: Option<String>,"), "{shapes}");
    assert!(
        shapes.contains(
            "    // boto3 adds it.\n    #[typed_dict(key = \"ResponseMetadata\", wire_optional)]"
        ),
        "{shapes}"
    );
}
