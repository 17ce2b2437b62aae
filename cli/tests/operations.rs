//! The service model through the binary: operations (`list --operations`, `show`,
//! `validate --operation`), keys' descriptions (`show`, `schema`), and constraints.

mod common;

use std::fs;

use common::{ecr_types, example, run, validate, TempDir};
use serde_json::Value;

#[test]
fn list_operations_names_each_three_ways() {
    for (api, count) in [("2.1", 41), ("latest", 58)] {
        let listed = run(ecr_types().args(["list", "--operations", "--api", api]));
        assert_eq!(listed.code, 0, "{}", listed.stderr);
        let lines: Vec<&str> = listed.stdout.lines().collect();
        assert_eq!(lines.len(), count, "{api}");
        assert!(lines.contains(&"DescribeImages\tdescribe_images\tdescribe-images"));
    }
    let both = run(ecr_types().args(["list", "--operations", "--literals"]));
    assert_eq!(both.code, 2, "one list at a time");
}

#[test]
fn show_an_operation_by_any_of_its_names() {
    let shown: Vec<String> = ["DescribeImages", "describe_images", "describe-images"]
        .iter()
        .map(|name| {
            let run = run(ecr_types().args(["show", "--api", "latest", name]));
            assert_eq!(run.code, 0, "{}", run.stderr);
            run.stdout
        })
        .collect();
    assert!(shown.iter().all(|s| *s == shown[0]));
    let text = &shown[0];
    for line in [
        "DescribeImages\n",
        "boto3: client.describe_images(...)\n",
        "AWS CLI: aws ecr describe-images\n",
        "Request: DescribeImagesRequestTypeDef\n",
        "Response: DescribeImagesResponseTypeDef\n",
        "Paginator: client.get_paginator(\"describe_images\")\n",
        "  arguments: DescribeImagesRequestPaginateTypeDef\n",
        "  limit key: maxResults\n",
        "  result keys: imageDetails\n",
        "Returns metadata about the images in a repository.\n",
    ] {
        assert!(text.contains(line), "{line:?} not in {text}");
    }
    let waiter = run(ecr_types().args(["show", "DescribeImageScanFindings"]));
    assert!(
        waiter.stdout.contains(
            "client.get_waiter(\"image_scan_complete\"): Wait until an image scan is complete"
        ),
        "{}",
        waiter.stdout
    );
    let none = run(ecr_types().args(["show", "DescribeRegistry"]));
    assert!(none
        .stdout
        .contains("Request: (none: it takes no parameters)\n"));
}

#[test]
fn a_mistyped_operation_gets_suggestions_in_its_own_spelling() {
    let typo = run(ecr_types().args(["show", "describe-imagez"]));
    assert_eq!(typo.code, 2);
    assert!(
        typo.stderr.contains("did you mean `describe-images`"),
        "{}",
        typo.stderr
    );
    let newer = run(ecr_types().args(["show", "put-signing-configuration"]));
    assert!(
        newer.stderr.contains("is in release latest"),
        "{}",
        newer.stderr
    );
    let far = validate(&["--operation", "zzz", "x.json"]);
    assert_eq!(far.code, 2);
    assert_eq!(
        far.stderr,
        "error: unknown operation `zzz`; `ecr-types list --operations` shows them all\n"
    );
}

#[test]
fn show_prints_each_keys_description_wrapped() {
    let shown = run(ecr_types().args(["show", "CreateRepositoryRequestRequestTypeDef"]));
    assert_eq!(shown.code, 0);
    assert!(
        shown.stdout.contains(
            "  repositoryName: str\n      The name to use for the repository. The repository name may be specified\n"
        ),
        "{}",
        shown.stdout
    );
    // Standard output is no terminal here: descriptions wrap at 80 columns.
    assert!(shown
        .stdout
        .lines()
        .filter(|l| l.starts_with("      "))
        .all(|l| l.chars().count() <= 80));
    let metadata = run(ecr_types().args(["show", "CreateRepositoryResponseTypeDef"]));
    assert!(metadata
        .stdout
        .contains("      Not in the service model: boto3 adds it"));
    let bare =
        run(ecr_types().args(["show", "--no-docs", "CreateRepositoryRequestRequestTypeDef"]));
    assert!(!bare.stdout.contains("The name to use"));
    assert!(bare
        .stdout
        .contains("  repositoryName: str\n\nOptional fields:\n  registryId: str\n  tags:"));
}

#[test]
fn schema_carries_descriptions() {
    let one = run(ecr_types().args(["schema", "CreateRepositoryRequestRequestTypeDef"]));
    let document: Value = serde_json::from_str(&one.stdout).unwrap();
    let definition = &document["$defs"]["CreateRepositoryRequestRequestTypeDef"];
    assert!(definition["description"]
        .as_str()
        .unwrap()
        .starts_with("Creates a repository."));
    let name = &definition["properties"]["repositoryName"];
    assert!(name["description"]
        .as_str()
        .unwrap()
        .starts_with("The name to use for the repository."));
    assert_eq!(name["maxLength"], 256);
    // Nested TypeDefs are described too.
    assert!(document["$defs"]["TagTypeDef"]["properties"]["Key"]["description"].is_string());
}

#[test]
fn validate_an_operations_response_or_request() {
    let response = example("describe-images.json");
    let response = response.to_str().unwrap();
    let checked = validate(&["--wire", "--operation", "describe-images", response]);
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
    // The response is the default: the same payload is no request.
    let request = validate(&[
        "--wire",
        "--operation",
        "DescribeImages",
        "--request",
        response,
    ]);
    assert_eq!(request.code, 1, "{}", request.stdout);

    let dir = TempDir::new("operation-request");
    let file = dir.path().join("create.json");
    fs::write(&file, r#"{"repositoryName": "Web_App"}"#).unwrap();
    let file = file.to_str().unwrap();
    let plain = validate(&["--operation", "create_repository", "--request", file]);
    assert_eq!(plain.code, 0, "{}", plain.stdout);
    let constrained = validate(&[
        "--operation",
        "create-repository",
        "--request",
        "--constraints",
        file,
    ]);
    assert_eq!(constrained.code, 1);
    assert!(
        constrained.stdout.contains(
            "1 validation error for CreateRepositoryRequestRequestTypeDef\n  $.repositoryName: 'Web_App' does not match"
        ) && constrained.stdout.contains("[constraint_violation]"),
        "{}",
        constrained.stdout
    );

    let no_request = validate(&["--operation", "DescribeRegistry", "--request", file]);
    assert_eq!(no_request.code, 2);
    assert_eq!(
        no_request.stderr,
        "error: operation `DescribeRegistry` has no request TypeDef in release 2.1 (it takes no parameters)\n"
    );
    let alone = validate(&["--request", "CreateRepositoryRequestRequestTypeDef", file]);
    assert_eq!(alone.code, 2, "--request needs --operation");
}

#[test]
fn validate_an_operation_reads_standard_input_without_files() {
    let run = run(ecr_types()
        .args([
            "validate",
            "--operation",
            "TagResource",
            "--request",
            "--constraints",
        ])
        .write_stdin(br#"{"resourceArn": "arn", "tags": [{"Key": "k", "Value": "v"}]}"#.to_vec()));
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(run.stdout, "<stdin>: ok\n");
}
