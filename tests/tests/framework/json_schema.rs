//! JSON Schema derived from the static schema (validated against real payloads with a
//! validator crate in ecr-types' CLI tests; here: its structure).

use serde_json::json;
use typed_dict::json_schema::{for_type_def, DRAFT};
use typed_dict::{Mode, TypedDict};
use typed_dict_tests::*;

#[test]
fn required_keys_properties_and_defs() {
    let schema = for_type_def(DescribeImagesResponseTypeDef::schema(), Mode::Strict);
    assert_eq!(schema["$schema"], DRAFT);
    assert_eq!(schema["$ref"], "#/$defs/DescribeImagesResponseTypeDef");
    let defs = &schema["$defs"];
    let root = &defs["DescribeImagesResponseTypeDef"];
    assert_eq!(
        root["required"],
        json!(["imageDetails", "nextToken", "ResponseMetadata"])
    );
    assert_eq!(root["additionalProperties"], json!(true));
    assert_eq!(
        root["properties"]["imageDetails"]["items"]["$ref"],
        "#/$defs/ImageDetailTypeDef"
    );
    assert_eq!(
        defs["ScanStatusType"]["enum"],
        json!(["IN_PROGRESS", "COMPLETE", "FAILED", "UNSUPPORTED_IMAGE"])
    );
    let counts = &defs["ImageScanFindingsSummaryTypeDef"]["properties"]["findingSeverityCounts"];
    assert_eq!(
        counts["propertyNames"]["$ref"],
        "#/$defs/FindingSeverityType"
    );
    assert_eq!(counts["additionalProperties"]["type"], "integer");
    let pushed = &defs["ImageDetailTypeDef"]["properties"]["imagePushedAt"];
    // A pattern, not `format: date-time`: the space Python writes is accepted.
    assert_eq!(
        pushed["anyOf"][1]["pattern"],
        typed_dict::json_schema::RFC3339_PATTERN
    );
}

#[test]
fn wire_mode_drops_wire_optional_keys_from_required_and_allows_null() {
    let schema = for_type_def(DescribeImagesResponseTypeDef::schema(), Mode::Wire);
    let root = &schema["$defs"]["DescribeImagesResponseTypeDef"];
    assert_eq!(root["required"], json!(["imageDetails"]));
    assert_eq!(root["properties"]["nextToken"]["if"]["type"], "null");
    assert_eq!(root["properties"]["nextToken"]["else"]["type"], "string");
}

#[test]
fn closed_and_extra_items() {
    let closed = for_type_def(ClosedPointTypeDef::schema(), Mode::Strict);
    assert_eq!(
        closed["$defs"]["ClosedPointTypeDef"]["additionalProperties"],
        json!(false)
    );
    let blob = for_type_def(UploadLayerPartRequestRequestTypeDef::schema(), Mode::Strict);
    let blob =
        &blob["$defs"]["UploadLayerPartRequestRequestTypeDef"]["properties"]["layerPartBlob"];
    assert_eq!(blob["contentEncoding"], "base64");
}
