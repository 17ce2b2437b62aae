//! `project --plain-serde`: the compile-time baseline of `bench/compile_time.sh`, the same
//! shapes of every release of a layout as plain serde derives.

mod common;

use std::path::Path;

use typed_dict_gen::plain_serde::plain_serde_crate;
use typed_dict_gen::project_releases;

#[test]
fn ecr_types_shapes_as_plain_serde_derives() {
    let layout = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ecr-types/tools/layout.toml");
    let (layout, releases) = project_releases(&layout).unwrap();
    let out = common::scratch("plain-serde");
    plain_serde_crate(&releases, &layout, &out).unwrap();
    let lib = std::fs::read_to_string(out.join("src/lib.rs")).unwrap();
    for expected in [
        "#![allow(non_camel_case_types, dead_code, clippy::all)]\n\npub mod r2_1 {\n",
        "pub mod latest {\n",
        "    #[serde(rename = \"TAGGED\")]\n    Tagged,",
        "    #[serde(untagged)]\n    Unknown(String),\n}",
        "#[serde(untagged)]\npub enum RegistryScanningRuleUnionTypeDef {\n    Input(RegistryScanningRuleTypeDef),\n    Output(RegistryScanningRuleOutputTypeDef),\n}",
        "pub struct BlobTypeDef(pub String);",
        "    #[serde(rename = \"imageIds\")]\n    pub image_ids: Vec<ImageIdentifierTypeDef>,",
        "    #[serde(default, skip_serializing_if = \"Option::is_none\")]\n    pub max_results: Option<i64>,",
        "    pub finding_severity_counts: Option<BTreeMap<FindingSeverityType, i64>>,",
    ] {
        assert!(lib.contains(expected), "{expected}");
    }
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"ecr-serde-all\""));
    // No shape of ECR holds `Any`: the baseline depends on serde alone.
    assert!(!manifest.contains("serde_json"), "{manifest}");
}
