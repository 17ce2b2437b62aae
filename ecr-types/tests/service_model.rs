//! What the releases carry from botocore's service model (`spec/ecr-service-2-*.json`):
//! every operation by its three names, every key's documentation, every constraint. The
//! expected values are computed here from the model files, not copied from the tables.

use std::path::PathBuf;

use ecr_types::catalog::Catalog;
use serde_json::Value;
use typed_dict::schema::{Bound, Constraints};
use typed_dict::{DecodeOptions, ErrorKind, TypedDictSchema};

struct Release {
    catalog: &'static Catalog,
    model: Value,
    paginators: Value,
}

fn spec(file: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("spec")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn releases() -> [Release; 2] {
    let release = |catalog: &'static Catalog| {
        let version = catalog.botocore_version();
        Release {
            catalog,
            model: spec(&format!("ecr-service-2-botocore-{version}.json")),
            paginators: spec(&format!("ecr-paginators-1-botocore-{version}.json")),
        }
    };
    [
        release(&ecr_types::CATALOG),
        release(&ecr_types::latest::CATALOG),
    ]
}

#[test]
fn the_releases_name_their_models() {
    assert_eq!(ecr_types::CATALOG.botocore_version(), "1.23.24");
    assert_eq!(ecr_types::latest::CATALOG.botocore_version(), "1.43.117");
}

#[test]
fn every_operation_resolves_by_its_three_names() {
    let mut counts = Vec::new();
    for release in releases() {
        let ops = release.model["operations"].as_object().unwrap();
        assert_eq!(release.catalog.operations().len(), ops.len());
        for (name, model_op) in ops {
            let op = release
                .catalog
                .operation(name)
                .unwrap_or_else(|| panic!("{name}"));
            assert_eq!(op.name, name);
            assert_eq!(
                release.catalog.operation(op.method),
                Some(op),
                "{}",
                op.method
            );
            assert_eq!(release.catalog.operation(&op.cli_command()), Some(op));
            assert_eq!(op.method.replace('_', ""), name.to_lowercase(), "{name}");
            // An operation whose input has keys has a request TypeDef holding them.
            let input = model_op["input"]["shape"].as_str();
            let members = input.map_or(0, |s| {
                release.model["shapes"][s]["members"]
                    .as_object()
                    .map_or(0, |m| m.len())
            });
            if members > 0 {
                let request = op
                    .request
                    .unwrap_or_else(|| panic!("{name} has no request"));
                assert!(release.catalog.type_def(request).is_some(), "{request}");
            }
            if let Some(response) = op.response {
                assert!(release.catalog.type_def(response).is_some(), "{response}");
            }
            let paginated = release.paginators["pagination"].get(name.as_str());
            assert_eq!(op.paginator.is_some(), paginated.is_some(), "{name}");
        }
        counts.push(ops.len());
    }
    assert_eq!(counts, [41, 58]);
    let latest = &ecr_types::latest::CATALOG;
    let describe = latest.operation("DescribeImages").unwrap();
    assert_eq!(describe.request, Some("DescribeImagesRequestTypeDef"));
    assert_eq!(
        describe.paginator.unwrap().request,
        Some("DescribeImagesRequestPaginateTypeDef")
    );
    let scan = latest.operation("describe_image_scan_findings").unwrap();
    assert_eq!(scan.waiters[0].name, "ImageScanComplete");
    assert_eq!(scan.waiters[0].method, "image_scan_complete");
    assert_eq!(
        scan.waiters[0].request,
        Some("DescribeImageScanFindingsRequestWaitTypeDef")
    );
    assert_eq!(
        latest.operation("get-download-url-for-layer").unwrap().name,
        "GetDownloadUrlForLayer"
    );
    assert!(latest.operation("describe-image").is_none());
    assert!(latest.operation("DESCRIBEIMAGES").is_none());
    assert!(latest.operation("").is_none());
}

/// The model shape a TypeDef declares, found as a reader would: through the catalog's
/// operations for requests and responses, by name for the rest.
fn shape_of<'m>(release: &'m Release, type_def: &str) -> Option<&'m Value> {
    let model = &release.model;
    for op in release.catalog.operations() {
        let model_op = &model["operations"][op.name];
        let requests = [op.request, op.paginator.and_then(|p| p.request)]
            .into_iter()
            .chain(op.waiters.iter().map(|w| w.request));
        if requests.flatten().any(|r| r == type_def) {
            return model["shapes"].get(model_op["input"]["shape"].as_str()?);
        }
        if op.response == Some(type_def) {
            return model["shapes"].get(model_op["output"]["shape"].as_str()?);
        }
    }
    let stem = type_def.strip_suffix("TypeDef")?;
    let stem = match stem.strip_suffix("Output") {
        Some(input)
            if release
                .catalog
                .type_def(&format!("{input}TypeDef"))
                .is_some() =>
        {
            input
        }
        _ => stem,
    };
    model["shapes"].get(stem)
}

/// (TypeDef, key, member shape) for every key of a release the model has.
fn model_keys(release: &Release) -> Vec<(&'static TypedDictSchema, &'static str, &Value, &Value)> {
    let mut keys = Vec::new();
    for schema in release.catalog.type_defs() {
        let Some(shape) = shape_of(release, schema.name) else {
            continue;
        };
        for field in schema.fields {
            if let Some(member) = shape["members"].get(field.key) {
                let target = &release.model["shapes"][member["shape"].as_str().unwrap()];
                keys.push((schema, field.key, member, target));
            }
        }
    }
    keys
}

/// Checks the constraints declared at `place` against those of the model's `target` shape,
/// following a list's member shape (`items`) and a map's key and value shapes (`keys`,
/// `values`) down; whether the model has any, there or below.
fn check_constraints(
    model: &Value,
    place: &str,
    target: &Value,
    declared: Option<&Constraints>,
) -> bool {
    let shape = |reference: &Value| &model["shapes"][reference["shape"].as_str().unwrap()];
    let nested: Vec<(&str, &Value)> = match target["type"].as_str().unwrap() {
        "list" => vec![("items", shape(&target["member"]))],
        "map" => vec![
            ("keys", shape(&target["key"])),
            ("values", shape(&target["value"])),
        ],
        _ => Vec::new(),
    };
    let (min, max) = (target["min"].as_i64(), target["max"].as_i64());
    let pattern = target["pattern"].as_str();
    let mut constrained = min.is_some() || max.is_some() || pattern.is_some();
    for (what, inner) in nested {
        let inner_declared = declared.and_then(|c| match what {
            "items" => c.items,
            "keys" => c.keys,
            _ => c.values,
        });
        let place = format!("{place} ({what})");
        constrained |= check_constraints(model, &place, inner, inner_declared);
    }
    if !constrained {
        assert!(
            declared.is_none(),
            "{place} has constraints the model lacks"
        );
        return false;
    }
    let c = declared.unwrap_or_else(|| panic!("{place} carries none"));
    match target["type"].as_str().unwrap() {
        "integer" | "long" => {
            assert_eq!(c.ge, min.map(|n| Bound::Int(n.into())), "{place}");
            assert_eq!(c.le, max.map(|n| Bound::Int(n.into())), "{place}");
        }
        _ => {
            assert_eq!(c.min_length, min.map(|n| n as u64), "{place}");
            assert_eq!(c.max_length, max.map(|n| n as u64), "{place}");
        }
    }
    assert_eq!(c.pattern.is_some(), pattern.is_some(), "{place}");
    if let (Some(declared), Some(model)) = (c.pattern, pattern) {
        // Java's shorthand classes are written out as ASCII classes; the rest is as is.
        if !model.contains("\\w") && !model.contains("\\S") && !model.contains("\\d") {
            assert_eq!(declared.as_str(), model, "{place}");
        }
    }
    true
}

/// Whether the model's `target` shape is a list or map whose items, keys or values it
/// constrains.
fn constrains_items(model: &Value, target: &Value) -> bool {
    let constrained = |reference: &Value| {
        let shape = &model["shapes"][reference["shape"].as_str().unwrap()];
        ["min", "max", "pattern"]
            .iter()
            .any(|k| shape.get(k).is_some())
            || constrains_items(model, shape)
    };
    match target["type"].as_str().unwrap() {
        "list" => constrained(&target["member"]),
        "map" => constrained(&target["key"]) || constrained(&target["value"]),
        _ => false,
    }
}

#[test]
fn every_constrained_key_carries_its_constraint() {
    let mut counts = Vec::new();
    for release in releases() {
        let (mut constrained, mut with_items) = (0, 0);
        for (schema, key, _, target) in model_keys(&release) {
            let field = schema.field(key).unwrap();
            let place = format!("{}.{key}", schema.name);
            if check_constraints(&release.model, &place, target, field.constraints) {
                constrained += 1;
            }
            if constrains_items(&release.model, target) {
                with_items += 1;
            }
        }
        let declared = release
            .catalog
            .type_defs()
            .flat_map(|s| s.fields)
            .filter(|f| f.constraints.is_some())
            .count();
        assert_eq!(
            declared, constrained,
            "no constraint the model does not have"
        );
        let declared_items = release
            .catalog
            .type_defs()
            .flat_map(|s| s.fields)
            .filter_map(|f| f.constraints)
            .filter(|c| c.items.is_some() || c.keys.is_some() || c.values.is_some())
            .count();
        assert_eq!(declared_items, with_items, "every item constraint declared");
        counts.push((constrained, with_items));
    }
    eprintln!("constrained keys, and those with item constraints (2.1, latest): {counts:?}");
    assert!(
        counts.iter().all(|&(n, items)| n > 100 && items > 10),
        "{counts:?}"
    );
}

#[test]
fn every_documented_key_has_its_description() {
    let mut counts = Vec::new();
    for release in releases() {
        let mut documented = 0;
        for (schema, key, member, target) in model_keys(&release) {
            let model_doc = member.get("documentation").or(target.get("documentation"));
            let description = release.catalog.description(schema.name, key);
            assert_eq!(
                description.is_some(),
                model_doc.is_some(),
                "{}.{key}",
                schema.name
            );
            if let Some(text) = description {
                assert!(
                    !text.contains("<p>") && !text.contains("</"),
                    "{}.{key}: {text}",
                    schema.name
                );
                documented += 1;
            }
        }
        // Keys the model lacks say where they come from.
        let metadata = release
            .catalog
            .description("DescribeImagesResponseTypeDef", "ResponseMetadata")
            .unwrap();
        assert!(
            metadata.starts_with("Not in the service model: boto3 adds it"),
            "{metadata}"
        );
        let from_model = documented;
        let added = release.catalog.described_keys() - from_model;
        counts.push((from_model, added));
    }
    eprintln!("documented keys from the model, and boto3's own (2.1, latest): {counts:?}");
    assert!(counts.iter().all(|&(n, _)| n > 300), "{counts:?}");
    let latest = &ecr_types::latest::CATALOG;
    let config = latest.description("DescribeImagesRequestPaginateTypeDef", "PaginationConfig");
    assert!(config.unwrap().contains("`MaxItems`"));
    let doc = latest
        .type_def_description("CreateRepositoryRequestTypeDef")
        .unwrap();
    assert!(doc.starts_with("Creates a repository."), "{doc}");
    assert!(latest
        .description("CreateRepositoryRequestTypeDef", "noSuchKey")
        .is_none());
}

/// A request of `T` checked with constraints, by decode and by validate: the messages of
/// each, which must agree.
fn violations<T>(json: &str) -> Vec<(String, String)>
where
    T: typed_dict::TypedDict,
{
    let options = DecodeOptions::strict().constraints(true);
    let report = typed_dict::validate::<T>(json.as_bytes(), options);
    let found: Vec<(String, String)> = report
        .errors
        .iter()
        .map(|e| {
            assert_eq!(e.kind, ErrorKind::ConstraintViolation, "{e:?}");
            (e.path.clone(), e.message.clone())
        })
        .collect();
    match typed_dict::decode::<T>(json.as_bytes(), options) {
        Ok(_) => assert!(found.is_empty()),
        Err(error) => {
            let decoded: Vec<(String, String)> = error
                .errors()
                .iter()
                .map(|e| (e.path.clone(), e.message.clone()))
                .collect();
            assert_eq!(decoded, found);
        }
    }
    // Without constraints, strict mode is the stub's contract: each passes.
    assert!(typed_dict::validate::<T>(json.as_bytes(), DecodeOptions::strict()).is_valid());
    found
}

#[test]
fn each_constraint_kind_passes_and_fails_on_real_shapes() {
    use ecr_types::latest::{BatchGetImageRequestTypeDef, CreateRepositoryRequestTypeDef};
    use ecr_types::{CreateRepositoryRequestRequestTypeDef, DescribeImagesRequestRequestTypeDef};

    let ok = r#"{"repositoryName": "team/web-app", "registryId": "123456789012"}"#;
    assert_eq!(violations::<CreateRepositoryRequestRequestTypeDef>(ok), []);
    assert_eq!(violations::<CreateRepositoryRequestTypeDef>(ok), []);
    // pattern
    let found =
        violations::<CreateRepositoryRequestRequestTypeDef>(r#"{"repositoryName": "Web_App"}"#);
    assert_eq!(found.len(), 1);
    assert!(
        found[0].1.starts_with("'Web_App' does not match"),
        "{found:?}"
    );
    assert_eq!(
        violations::<CreateRepositoryRequestTypeDef>(r#"{"repositoryName": "Web_App"}"#).len(),
        1
    );
    // min_length and max_length of a string (and the registry id's pattern)
    let found = violations::<CreateRepositoryRequestRequestTypeDef>(
        r#"{"repositoryName": "a", "registryId": "12"}"#,
    );
    assert_eq!(
        found,
        [
            (
                "$.repositoryName".to_owned(),
                "string of 1 character is shorter than 2".to_owned()
            ),
            (
                "$.registryId".to_owned(),
                "'12' does not match [0-9]{12}".to_owned()
            ),
        ]
    );
    let long = format!(r#"{{"repositoryName": "{}"}}"#, "a".repeat(257));
    let found = violations::<CreateRepositoryRequestTypeDef>(&long);
    assert_eq!(found[0].1, "string of 257 characters is longer than 256");
    // ge and le
    let images = |max: i64| format!(r#"{{"repositoryName": "web", "maxResults": {max}}}"#);
    assert_eq!(
        violations::<DescribeImagesRequestRequestTypeDef>(&images(1000)),
        []
    );
    assert_eq!(
        violations::<DescribeImagesRequestRequestTypeDef>(&images(5000))[0].1,
        "5000 is greater than 1000"
    );
    assert_eq!(
        violations::<DescribeImagesRequestRequestTypeDef>(&images(0))[0].1,
        "0 is less than 1"
    );
    // min_length and max_length of a list: items
    let ids = |n: usize| {
        let ids = vec![r#"{"imageTag": "v1"}"#; n].join(", ");
        format!(r#"{{"repositoryName": "web", "imageIds": [{ids}]}}"#)
    };
    assert_eq!(violations::<BatchGetImageRequestTypeDef>(&ids(1)), []);
    assert_eq!(
        violations::<BatchGetImageRequestTypeDef>(&ids(0))[0].1,
        "list of 0 items is shorter than 1"
    );
    assert_eq!(
        violations::<BatchGetImageRequestTypeDef>(&ids(101))[0].1,
        "list of 101 items is longer than 100"
    );
}

#[test]
fn a_blob_bound_counts_bytes() {
    let schema = ecr_types::latest::CATALOG
        .type_def("UploadLayerPartRequestTypeDef")
        .unwrap();
    let blob = schema.field("layerPartBlob").unwrap().constraints.unwrap();
    assert_eq!(
        (blob.min_length, blob.max_length),
        (Some(0), Some(20_971_520))
    );
    // `layerPartBlob` is a `BlobTypeDef`, a named alias of a blob: its bound counts the
    // decoded bytes. 15 728 641 bytes are 20 971 524 base64 characters, past the bound as
    // a string, within it as a blob.
    use ecr_types::latest::UploadLayerPartRequestTypeDef;
    let request = |bytes: usize| {
        let blob = typed_dict::Blob::from(vec![7u8; bytes]).to_base64();
        format!(
            r#"{{"repositoryName": "web", "uploadId": "6cb4b5a1-0f5b-4a0e-8a47-4d0e9b4c4f3a", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": "{blob}"}}"#
        )
    };
    assert_eq!(
        violations::<UploadLayerPartRequestTypeDef>(&request(15_728_641)),
        []
    );
    assert_eq!(
        violations::<UploadLayerPartRequestTypeDef>(&request(20_971_521)),
        [(
            "$.layerPartBlob".to_owned(),
            "blob of 20971521 bytes is longer than 20971520".to_owned()
        )]
    );
}

#[test]
fn an_item_bound_is_checked_at_the_items_path() {
    use ecr_types::latest::DescribeRepositoriesRequestTypeDef;
    let names = r#"{"repositoryNames": ["web", "a", "Web"]}"#;
    assert_eq!(
        violations::<DescribeRepositoriesRequestTypeDef>(names),
        [
            (
                "$.repositoryNames[1]".to_owned(),
                "string of 1 character is shorter than 2".to_owned()
            ),
            (
                "$.repositoryNames[2]".to_owned(),
                "'Web' does not match [a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*(\\/[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*)*".to_owned()
            ),
        ]
    );
    assert_eq!(
        violations::<DescribeRepositoriesRequestTypeDef>(r#"{"repositoryNames": ["web"]}"#),
        []
    );
}
