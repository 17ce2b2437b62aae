//! The static schema renders each value type as the upstream Python annotation.

use typed_dict::schema::PythonStyle;
use typed_dict::{TypedDict, ValueType};
use typed_dict_tests::*;

/// The annotations as types-aiobotocore-ecr 2.1 writes them: `typing` generics, and the
/// stream types botocore accepts for a blob.
const BOTOCORE_2_1: PythonStyle =
    PythonStyle::TYPING.with_blob("Union[bytes, IO[bytes], StreamingBody]");

fn rendered<T: TypedDict>() -> Vec<(String, bool, String)> {
    T::schema()
        .fields
        .iter()
        .map(|field| {
            (
                field.key.to_owned(),
                field.required,
                field.value.python_with(&BOTOCORE_2_1).to_string(),
            )
        })
        .collect()
}

#[test]
fn value_types_render_as_python_annotations() {
    let owned = |rows: &[(&str, bool, &str)]| -> Vec<(String, bool, String)> {
        rows.iter()
            .map(|(k, r, t)| (k.to_string(), *r, t.to_string()))
            .collect()
    };
    assert_eq!(
        rendered::<CreateRepositoryRequestRequestTypeDef>(),
        owned(&[
            ("repositoryName", true, "str"),
            ("registryId", false, "str"),
            ("tags", false, "Sequence[TagTypeDef]"),
            ("imageTagMutability", false, "ImageTagMutabilityType"),
        ])
    );
    assert_eq!(
        rendered::<ImageScanFindingsSummaryTypeDef>(),
        owned(&[
            ("imageScanCompletedAt", false, "datetime"),
            (
                "findingSeverityCounts",
                false,
                "Dict[FindingSeverityType, int]"
            ),
        ])
    );
    assert_eq!(
        rendered::<UploadLayerPartRequestRequestTypeDef>()[4],
        (
            "layerPartBlob".to_owned(),
            true,
            "Union[bytes, IO[bytes], StreamingBody]".to_owned()
        )
    );
    assert_eq!(rendered::<ImageDetailTypeDef>()[3].2, "List[str]");
    assert_eq!(rendered::<CvssScoreTypeDef>()[0].2, "float");
    assert_eq!(rendered::<ResponseMetadataTypeDef>()[3].2, "Dict[str, str]");
}

#[test]
fn schema_names_fields_and_nested_types() {
    let schema = ImageDetailTypeDef::schema();
    assert_eq!(schema.name, "ImageDetailTypeDef");
    let status = schema.field("imageScanStatus").unwrap();
    assert_eq!(status.rust_name, "image_scan_status");
    assert_eq!(
        status.value.typed_dict().unwrap().name,
        "ImageScanStatusTypeDef"
    );
    let action = LifecyclePolicyRuleActionTypeDef::schema();
    assert_eq!(action.fields[0].rust_name, "type");
    let ValueType::Literal(literal) = action.fields[0].value else {
        panic!("not a literal")
    };
    assert_eq!(literal.name, "ImageActionTypeType");
    assert_eq!(literal.values, ["EXPIRE"]);
}

#[test]
fn schema_is_static() {
    let first: *const _ = TagTypeDef::schema();
    let second: *const _ = TagTypeDef::schema();
    assert_eq!(first, second);
}

#[test]
fn the_default_style_is_builtin_generics_and_bytes() {
    let rendered = |field: &typed_dict::FieldSchema| field.value.python().to_string();
    let summary = ImageScanFindingsSummaryTypeDef::schema();
    assert_eq!(
        rendered(&summary.fields[1]),
        "dict[FindingSeverityType, int]"
    );
    assert_eq!(
        rendered(&ImageDetailTypeDef::schema().fields[3]),
        "list[str]"
    );
    let upload = UploadLayerPartRequestRequestTypeDef::schema();
    assert_eq!(rendered(&upload.fields[4]), "bytes");
    assert_eq!(PythonStyle::default(), PythonStyle::BUILTINS);
    // Sequence has one spelling in every style.
    let create = CreateRepositoryRequestRequestTypeDef::schema();
    assert_eq!(
        create.fields[2]
            .value
            .python_with(&BOTOCORE_2_1)
            .to_string(),
        rendered(&create.fields[2])
    );
}

/// `Serialize` on the schema types writes the stub's facts, annotations in the builtin
/// style; `describe` writes them in any style.
#[test]
fn schemas_serialize_as_the_stub_facts() {
    let schema = serde_json::to_value(ImageScanFindingsSummaryTypeDef::schema()).unwrap();
    assert_eq!(
        schema,
        serde_json::json!({
            "name": "ImageScanFindingsSummaryTypeDef",
            "fields": [
                {"key": "imageScanCompletedAt", "required": false, "type": "datetime"},
                {"key": "findingSeverityCounts", "required": false, "type": "dict[FindingSeverityType, int]"},
            ],
        })
    );
    let typing = ImageScanFindingsSummaryTypeDef::schema().describe(&BOTOCORE_2_1);
    assert_eq!(
        serde_json::to_value(typing).unwrap()["fields"][1]["type"],
        "Dict[FindingSeverityType, int]"
    );
    // Keys in the stub's order: name, then fields (and `closed` only when closed).
    let text = serde_json::to_string(TagTypeDef::schema()).unwrap();
    assert_eq!(
        text,
        r#"{"name":"TagTypeDef","fields":[{"key":"Key","required":false,"type":"str"},{"key":"Value","required":false,"type":"str"}]}"#
    );
    let closed = serde_json::to_value(ClosedPointTypeDef::schema()).unwrap();
    assert_eq!(closed["closed"], true);
    assert!(schema.get("closed").is_none());
}

#[test]
fn literal_and_value_type_schemas_serialize() {
    use typed_dict::{Literal, TypedValue};

    let literal = serde_json::to_value(<ImageActionTypeType as Literal>::SCHEMA).unwrap();
    assert_eq!(
        literal,
        serde_json::json!({"name": "ImageActionTypeType", "values": ["EXPIRE"]})
    );
    // A named value type is its definition; any other its annotation.
    let named = serde_json::to_value(<TagTypeDef as TypedValue>::TYPE).unwrap();
    assert_eq!(named["name"], "TagTypeDef");
    let unnamed = <typed_dict::Sequence<TagTypeDef> as TypedValue>::TYPE;
    assert_eq!(
        serde_json::to_value(unnamed).unwrap(),
        "Sequence[TagTypeDef]"
    );
    assert_eq!(
        serde_json::to_value(unnamed.describe(&PythonStyle::TYPING)).unwrap(),
        "Sequence[TagTypeDef]"
    );
    let dict = <typed_dict::Dict<String, Vec<i64>> as TypedValue>::TYPE;
    assert_eq!(
        serde_json::to_value(dict.describe(&PythonStyle::TYPING)).unwrap(),
        "Dict[str, List[int]]"
    );
}
