//! The `ecr-types` binary, driven as a user drives it: every command, flag and error case.

mod common;

use std::path::PathBuf;

use common::{ecr_types, example, run, validate, validate_stdin};
use serde_json::Value;

#[test]
fn valid_payload_prints_ok_and_exits_0() {
    let file = example("describe-images.json");
    let run = validate(&[
        "--wire",
        "DescribeImagesResponseTypeDef",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{}: ok\n", file.display()));
}

#[test]
fn strict_mode_names_the_keys_the_service_leaves_out() {
    let file = example("describe-images.json");
    let run = validate(&["DescribeImagesResponseTypeDef", file.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "{}: 2 validation errors for DescribeImagesResponseTypeDef",
            file.display()
        )
    );
    assert_eq!(
        lines[1],
        "  $.nextToken: missing required key `nextToken` [missing_key]"
    );
    assert_eq!(
        lines[2],
        "  $.ResponseMetadata: missing required key `ResponseMetadata` [missing_key]"
    );
}

#[test]
fn invalid_payload_lists_every_error_with_path_kind_and_message() {
    let file = example("describe-images-invalid.json");
    let run = validate(&[
        "--wire",
        "DescribeImagesResponseTypeDef",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    // The literal values the release does not list are kept in wire mode (ecr-types'
    // literals are open): warnings, after the errors.
    let expected = [
        "4 validation errors for DescribeImagesResponseTypeDef",
        "  $.imageDetails[0].imageTags[1]: null is not allowed, expected str [null_not_allowed]",
        "  $.imageDetails[0].imageSizeInBytes: expected int, got str [wrong_type]",
        "  $.imageDetails[0].imagePushedAt: invalid timestamp: `Jul 11, 2018 10:17:44 PM`",
        "  $.nextToken: expected str, got int [wrong_type]",
        "  warning: $.imageDetails[0].imageScanStatus.status: 'DONE' is not a known ScanStatusType value, kept as sent (wire mode); known: 'ACTIVE', ",
        "  warning: $.imageDetails[0].imageScanFindingsSummary.findingSeverityCounts.SEVERE: key 'SEVERE' is not a known FindingSeverityType value",
    ];
    for (line, expected) in run.stdout.lines().zip(expected) {
        assert!(
            line.contains(expected),
            "{line:?} should contain {expected:?}"
        );
    }
    assert_eq!(run.stdout.lines().count(), expected.len());
}

#[test]
fn several_files_each_get_a_verdict_and_the_worst_exit_status() {
    let valid = example("describe-images.json");
    let invalid = example("describe-images-invalid.json");
    let run = validate(&[
        "--wire",
        "DescribeImagesResponseTypeDef",
        valid.to_str().unwrap(),
        invalid.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.starts_with(&format!(
        "{}: ok\n{}: 4 validation errors",
        valid.display(),
        invalid.display()
    )));
}

#[test]
fn standard_input_is_read_by_default_and_with_dash() {
    let body = br#"{"repositoryName": "web"}"#;
    let default = validate_stdin("CreateRepositoryRequestRequestTypeDef", body);
    assert_eq!(
        (default.code, default.stdout.as_str()),
        (0, "<stdin>: ok\n")
    );
    let dash = run(ecr_types()
        .args(["validate", "CreateRepositoryRequestRequestTypeDef", "-"])
        .write_stdin(&body[..]));
    assert_eq!((dash.code, dash.stdout.as_str()), (0, "<stdin>: ok\n"));
}

#[test]
fn json_format_gives_one_object_per_file_with_errors_as_data() {
    let valid = example("describe-images.json");
    let invalid = example("describe-images-invalid.json");
    let run = validate(&[
        "--wire",
        "--format",
        "json",
        "DescribeImagesResponseTypeDef",
        valid.to_str().unwrap(),
        invalid.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    let objects: Vec<Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(objects.len(), 2);
    assert_eq!(objects[0]["valid"], true);
    assert_eq!(objects[0]["mode"], "wire");
    assert_eq!(objects[0]["errors"], serde_json::json!([]));
    assert_eq!(objects[1]["valid"], false);
    assert_eq!(objects[1]["type_def"], "DescribeImagesResponseTypeDef");
    let errors = objects[1]["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4);
    let warnings = objects[1]["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 2);
    assert_eq!(warnings[0]["kind"], "unknown_literal");
    assert_eq!(
        warnings[0]["path"],
        "$.imageDetails[0].imageScanStatus.status"
    );
    assert_eq!(errors[1]["path"], "$.imageDetails[0].imageSizeInBytes");
    assert_eq!(errors[1]["kind"], "wrong_type");
    assert_eq!(errors[1]["message"], "expected int, got str");
}

#[test]
fn unknown_keys_are_warnings_unless_denied() {
    let body = br#"{"repositoryName": "web", "imageTagMutabilityExclusionFilters": []}"#;
    let warned = validate_stdin("CreateRepositoryRequestRequestTypeDef", body);
    assert_eq!(warned.code, 0);
    assert_eq!(
        warned.stdout,
        "<stdin>: ok\n  warning: $.imageTagMutabilityExclusionFilters: unknown key `imageTagMutabilityExclusionFilters`: CreateRepositoryRequestRequestTypeDef does not declare it [unknown_key]\n"
    );
    let denied = run(ecr_types()
        .args([
            "validate",
            "--deny-unknown",
            "CreateRepositoryRequestRequestTypeDef",
        ])
        .write_stdin(&body[..]));
    assert_eq!(denied.code, 1);
    assert!(
        denied.stdout.contains("[unknown_key]") && !denied.stdout.contains("warning"),
        "{}",
        denied.stdout
    );
}

#[test]
fn constraints_flag_is_taken_in_either_mode() {
    // A payload within ECR's constraints: the flag is accepted in either mode and changes
    // nothing (tests/operations.rs has payloads that break them).
    let file = example("describe-images.json");
    for mode in [&["--wire"][..], &[]] {
        let mut args = vec!["--constraints"];
        args.extend_from_slice(mode);
        args.extend(["DescribeImagesResponseTypeDef", file.to_str().unwrap()]);
        let checked = validate(&args);
        let mut plain_args: Vec<&str> = mode.to_vec();
        plain_args.extend(["DescribeImagesResponseTypeDef", file.to_str().unwrap()]);
        let plain = validate(&plain_args);
        assert_eq!((checked.code, &checked.stdout), (plain.code, &plain.stdout));
    }
}

#[test]
fn unknown_type_def_suggests_the_closest_names() {
    let run = validate(&["DescribeImageResponseTypeDef", "x.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unknown TypeDef `DescribeImageResponseTypeDef`; did you mean `DescribeImagesResponseTypeDef`, `DescribeRegistryResponseTypeDef`, `DescribeImagesFilterTypeDef`?\n"
    );
    let literal = validate(&["ScanStatusType", "x.json"]);
    assert_eq!(literal.code, 2);
    assert!(
        literal
            .stderr
            .contains("`ScanStatusType` is a literal type, not a TypeDef"),
        "{}",
        literal.stderr
    );
    let far = validate(&["zzz", "x.json"]);
    assert_eq!(
        far.stderr,
        "error: unknown TypeDef `zzz`; `ecr-types list` shows them all\n"
    );
}

#[test]
fn unreadable_inputs_are_one_line_errors_with_exit_2() {
    let missing = validate(&["TagTypeDef", "/no/such/file.json"]);
    assert_eq!(
        (missing.code, missing.stderr.as_str()),
        (2, "error: cannot read `/no/such/file.json`: no such file\n")
    );
    let locked = std::env::temp_dir().join(format!("ecr-types-locked-{}.json", std::process::id()));
    std::fs::write(&locked, "{}").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; the case only exists for other users.
    if std::fs::read(&locked).is_err() {
        let denied = validate(&["TagTypeDef", locked.to_str().unwrap()]);
        assert_eq!(denied.code, 2);
        assert!(
            denied.stderr.ends_with("permission denied\n"),
            "{}",
            denied.stderr
        );
    }
    std::fs::remove_file(&locked).unwrap();

    let valid = example("describe-images.json");
    let mixed = validate(&[
        "--wire",
        "DescribeImagesResponseTypeDef",
        "/no/such/file.json",
        valid.to_str().unwrap(),
    ]);
    assert_eq!(mixed.code, 2, "an I/O error outranks validity");
    assert!(
        mixed.stdout.ends_with(": ok\n"),
        "the other file is still checked"
    );
}

#[test]
fn input_that_is_not_a_json_object_gets_one_clear_line_and_exit_1() {
    let cases: [(&[u8], &str); 6] = [
        (b"", "<stdin>: empty input: expected a JSON object [malformed_json]\n"),
        (b"  \n", "<stdin>: empty input: expected a JSON object [malformed_json]\n"),
        (b"{\"Key\": \"\xff\"}", "<stdin>: not UTF-8 text: invalid byte at offset 9 (line 1, column 10) [malformed_json]\n"),
        (b"{\n  \"Key\": \"a\",\n}", "<stdin>: malformed JSON: trailing comma at line 3 column 1 [malformed_json]\n"),
        (b"[]", "<stdin>: expected object (TagTypeDef), got list [wrong_type]\n"),
        (b"\xef\xbb\xbf{}", "<stdin>: malformed JSON: expected value at line 1 column 1 [malformed_json]\n"),
    ];
    for (input, expected) in cases {
        let run = validate_stdin("TagTypeDef", input);
        assert_eq!((run.code, run.stdout.as_str()), (1, expected), "{input:?}");
    }
}

#[test]
fn list_and_show() {
    let types = run(ecr_types().arg("list"));
    assert_eq!(types.code, 0);
    let names: Vec<&str> = types.stdout.lines().collect();
    assert_eq!(names.len(), 124);
    assert_eq!(
        (names[0], names[123]),
        ("AttributeTypeDef", "WaiterConfigTypeDef")
    );
    let literals = run(ecr_types().args(["list", "--literals"]));
    assert_eq!(literals.stdout.lines().count(), 26);

    let shown = run(ecr_types().args(["show", "--no-docs", "ListImagesResponseTypeDef"]));
    assert_eq!(shown.code, 0);
    assert_eq!(
        shown.stdout,
        "ListImagesResponseTypeDef\nfrom types_aiobotocore_ecr.type_defs import ListImagesResponseTypeDef\n\n\
         Required fields:\n  imageIds: List[ImageIdentifierTypeDef]\n  nextToken: str  (may be absent in wire mode)\n  \
         ResponseMetadata: ResponseMetadataTypeDef  (may be absent in wire mode)\n"
    );
    let literal = run(ecr_types().args(["show", "TagStatusType"]));
    assert_eq!(
        literal.stdout,
        "TagStatusType\nfrom types_aiobotocore_ecr.literals import TagStatusType\n\nValues:\n  ANY\n  TAGGED\n  UNTAGGED\n"
    );
    let unknown = run(ecr_types().args(["show", "TagStatus"]));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("did you mean `TagStatusType`"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn schema_prints_json_schema_for_one_or_all() {
    let one = run(ecr_types().args(["schema", "TagTypeDef"]));
    assert_eq!(one.code, 0);
    let document: Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(
        document["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(document["$ref"], "#/$defs/TagTypeDef");
    let wire = run(ecr_types().args(["schema", "--wire", "ListImagesResponseTypeDef"]));
    let wire: Value = serde_json::from_str(&wire.stdout).unwrap();
    assert_eq!(
        wire["$defs"]["ListImagesResponseTypeDef"]["required"],
        serde_json::json!(["imageIds"])
    );
    let all = run(ecr_types().args(["schema", "--all"]));
    let all: Value = serde_json::from_str(&all.stdout).unwrap();
    assert!(all["$defs"]["WaiterConfigTypeDef"].is_object());
    let neither = run(ecr_types().arg("schema"));
    assert_eq!(neither.code, 2);
    let unknown = run(ecr_types().args(["schema", "Nope"]));
    assert_eq!(unknown.code, 2);
}

#[test]
fn describe_json_is_the_whole_schema_in_upstream_order() {
    let described = run(ecr_types().args(["describe", "--json"]));
    assert_eq!(described.code, 0);
    assert!(described.stdout.starts_with(
        r#"{"type_defs":[{"name":"AttributeTypeDef","fields":[{"key":"key","required":true,"type":"str"},{"key":"value","required":false,"type":"str"}]},"#
    ));
    let document: Value = serde_json::from_str(&described.stdout).unwrap();
    assert_eq!(document["type_defs"].as_array().unwrap().len(), 124);
    let fields: usize = document["type_defs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["fields"].as_array().unwrap().len())
        .sum();
    assert_eq!(fields, 428);
    let literals = document["literals"].as_array().unwrap();
    let encryption = literals
        .iter()
        .find(|l| l["name"] == "EncryptionTypeType")
        .unwrap();
    assert_eq!(encryption["values"], serde_json::json!(["AES256", "KMS"]));
    let without_flag = run(ecr_types().arg("describe"));
    assert_eq!(without_flag.code, 2);
}

#[test]
fn docs_are_byte_identical_to_the_vendored_upstream_pages() {
    let type_defs = run(ecr_types().args(["docs", "type-defs"]));
    assert_eq!(type_defs.code, 0);
    assert!(
        type_defs.stdout == include_str!("../../ecr-types/spec/type_defs.md"),
        "type_defs.md differs"
    );
    let literals = run(ecr_types().args(["docs", "literals"]));
    assert!(
        literals.stdout == include_str!("../../ecr-types/spec/literals.md"),
        "literals.md differs"
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    for command in [
        &[][..],
        &["validate"],
        &["list"],
        &["show"],
        &["schema"],
        &["describe"],
        &["docs"],
    ] {
        let help = run(ecr_types().args(command).arg("--help"));
        assert_eq!(help.code, 0, "{command:?}");
        assert!(
            help.stdout.contains("Example"),
            "{command:?}: {}",
            help.stdout
        );
    }
    let usage = run(ecr_types().args(["validate"]));
    assert_eq!(usage.code, 2, "missing TypeDef is a usage error");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ecr-types"))
        .args(["docs", "type-defs"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty());
}

/// JSONTestSuite (`../shared/corpus/jsontestsuite/`, third-party, read in place) through
/// the binary: every `n_` file is malformed JSON (exit 1), every `y_` file decodes or gets
/// a typed validation error, and nothing panics or overflows the stack.
#[test]
fn jsontestsuite_through_the_binary() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/jsontestsuite");
    if !dir.is_dir() {
        eprintln!(
            "skipped: ../shared/corpus/jsontestsuite not found (third-party corpus, read in place)"
        );
        return;
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    for mode in [&[][..], &["--wire"]] {
        let result = run(ecr_types()
            .args(["validate", "--format", "json"])
            .args(mode)
            .arg("CreateRepositoryRequestRequestTypeDef")
            .args(&files));
        assert_eq!(result.code, 1, "some files are invalid");
        let reports: Vec<Value> = result
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        assert_eq!(reports.len(), files.len(), "one report per file");
        let (mut rejected, mut accepted_or_typed) = (0, 0);
        for (file, report) in files.iter().zip(&reports) {
            let name = file.file_name().unwrap().to_str().unwrap();
            let kinds: Vec<&str> = report["errors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["kind"].as_str().unwrap())
                .collect();
            if name.starts_with("n_") {
                assert_eq!(kinds, ["malformed_json"], "{name}");
                rejected += 1;
            } else if name.starts_with("y_") {
                assert!(!kinds.contains(&"malformed_json"), "{name}: {kinds:?}");
                accepted_or_typed += 1;
            }
        }
        eprintln!("jsontestsuite via ecr-types validate {mode:?}: {rejected} n_ files malformed, {accepted_or_typed} y_ files decoded or typed errors");
        assert!(rejected > 150 && accepted_or_typed > 80);
    }
}

/// A large payload is read once and walked without building a tree: the binary's peak
/// memory stays near the file's size (checked through the child's peak RSS).
#[test]
fn a_large_payload_is_held_in_memory_once() {
    let item = r#"{"registryId":"123456789012","repositoryName":"web","imageDigest":"sha256:4f70ef7a4d29e8c0c302b13e25962d8f7a0bd304c6e1f0d2b6f1f9e5e7c2d7a1","imageTags":["latest","v1.4.2"],"imageSizeInBytes":28753125,"imagePushedAt":1681771239.94,"imageScanStatus":{"status":"COMPLETE","description":"The scan was completed successfully."},"imageScanFindingsSummary":{"imageScanCompletedAt":1681771302.117,"findingSeverityCounts":{"HIGH":2,"LOW":12}}}"#;
    let count = 48 * 1024 * 1024 / item.len();
    let mut payload = String::with_capacity(count * (item.len() + 1) + 32);
    payload.push_str(r#"{"imageDetails":["#);
    for index in 0..count {
        if index > 0 {
            payload.push(',');
        }
        payload.push_str(item);
    }
    payload.push_str("]}");
    let path = std::env::temp_dir().join(format!("ecr-types-large-{}.json", std::process::id()));
    std::fs::write(&path, &payload).unwrap();
    let size_kib = payload.len() as i64 / 1024;
    drop(payload);

    let child = common::ecr_types_process()
        .args(["validate", "--wire", "DescribeImagesResponseTypeDef"])
        .arg(&path)
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let (code, peak_kib) = common::wait_with_peak_rss(child);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 0);
    assert!(
        peak_kib < size_kib * 3 / 2 + 16 * 1024,
        "peak RSS {peak_kib} KiB for a {size_kib} KiB payload"
    );
}

// ---------------------------------------------------------------------------------------
// `--api 2.1|latest`: every command reads the release it names (issue 11, point 5).
// ---------------------------------------------------------------------------------------

/// The stub facts of the release `--api latest` declares.
const LATEST_FACTS: &str = include_str!("../../ecr-types/spec/types-aiobotocore-ecr-3.10.0.json");

fn stdout_json(args: &[&str]) -> Value {
    let run = run(ecr_types().args(args));
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn describe_latest_is_the_stub_facts_document() {
    let facts: Value = serde_json::from_str(LATEST_FACTS).unwrap();
    let described = stdout_json(&["describe", "--json", "--api", "latest"]);
    // Exactly: names, order, keys, Required flags, annotation text, alias definitions,
    // literal values.
    for key in ["type_defs", "aliases", "literals"] {
        assert!(
            described[key] == facts[key],
            "`{key}` differs from the facts"
        );
    }
    assert_eq!(facts["type_defs"].as_array().unwrap().len(), 181);
    assert_eq!(facts["aliases"].as_array().unwrap().len(), 4);
    assert_eq!(facts["literals"].as_array().unwrap().len(), 43);
    // Nothing the facts do not have.
    for key in described.as_object().unwrap().keys() {
        assert!(facts.get(key).is_some(), "`{key}` is not in the facts");
    }
}

#[test]
fn show_prints_an_alias_definition_in_the_release_style() {
    let union = run(ecr_types().args([
        "show",
        "--api",
        "latest",
        "ReplicationConfigurationUnionTypeDef",
    ]));
    assert_eq!(union.code, 0, "{}", union.stderr);
    assert_eq!(
        union.stdout,
        "ReplicationConfigurationUnionTypeDef\nfrom types_aiobotocore_ecr.type_defs import ReplicationConfigurationUnionTypeDef\n\nReplicationConfigurationUnionTypeDef = Union[ReplicationConfigurationTypeDef, ReplicationConfigurationOutputTypeDef]\n"
    );
    let blob = run(ecr_types().args(["show", "--api", "latest", "BlobTypeDef"]));
    assert!(
        blob.stdout
            .ends_with("\nBlobTypeDef = Union[str, bytes, IO[Any], StreamingBody]\n"),
        "{}",
        blob.stdout
    );
    // A key names the alias.
    let upload =
        run(ecr_types().args(["show", "--api", "latest", "UploadLayerPartRequestTypeDef"]));
    assert!(
        upload.stdout.contains("  layerPartBlob: BlobTypeDef\n"),
        "{}",
        upload.stdout
    );
    // An alias has no JSON Schema of its own; 2.1 has no aliases.
    let schema = run(ecr_types().args(["schema", "--api", "latest", "BlobTypeDef"]));
    assert_eq!(schema.code, 2);
    assert!(
        schema
            .stderr
            .contains("`BlobTypeDef` is an alias, not a TypeDef"),
        "{}",
        schema.stderr
    );
    let old = run(ecr_types().args(["show", "BlobTypeDef"]));
    assert_eq!(old.code, 2);
    assert!(old.stderr.contains("use `--api latest`"), "{}", old.stderr);
}

#[test]
fn describe_2_1_is_the_seed_release_in_its_own_style() {
    let facts: Value = serde_json::from_str(include_str!(
        "../../ecr-types/spec/types-aiobotocore-ecr-2.1.1.json"
    ))
    .unwrap();
    let default = stdout_json(&["describe", "--json"]);
    assert_eq!(
        stdout_json(&["describe", "--json", "--api", "2.1"]),
        default
    );
    assert_eq!(default["type_defs"], facts["type_defs"]);
    // The upstream pages 2.1 reproduces leave out the module-wide `ServiceName`.
    let literals: Vec<&Value> = facts["literals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|literal| literal["name"] != "ServiceName")
        .collect();
    assert_eq!(
        default["literals"].as_array().unwrap().len(),
        literals.len()
    );
    for literal in literals {
        assert!(
            default["literals"].as_array().unwrap().contains(literal),
            "{literal}"
        );
    }
}

#[test]
fn list_reads_the_release_api_names() {
    let facts: Value = serde_json::from_str(LATEST_FACTS).unwrap();
    let names = |key: &str| -> String {
        facts[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|entry| format!("{}\n", entry["name"].as_str().unwrap()))
            .collect()
    };
    let type_defs = run(ecr_types().args(["list", "--api", "latest"]));
    assert_eq!(type_defs.code, 0);
    assert_eq!(type_defs.stdout, names("type_defs"));
    let literals = run(ecr_types().args(["list", "--literals", "--api", "latest"]));
    assert_eq!(literals.stdout, names("literals"));
    // The flag may also stand before the command.
    let before = run(ecr_types().args(["--api", "latest", "list"]));
    assert_eq!(before.stdout, type_defs.stdout);
    let default = run(ecr_types().arg("list"));
    assert_eq!(default.stdout.lines().count(), 124);
    assert_eq!(
        run(ecr_types().args(["list", "--api", "2.1"])).stdout,
        default.stdout
    );
}

#[test]
fn show_writes_annotations_as_the_release_does() {
    let latest = run(ecr_types().args([
        "show",
        "--no-docs",
        "--api",
        "latest",
        "ImageScanFindingsTypeDef",
    ]));
    assert_eq!(latest.code, 0, "{}", latest.stderr);
    assert_eq!(
        latest.stdout,
        "ImageScanFindingsTypeDef\n\
         from types_aiobotocore_ecr.type_defs import ImageScanFindingsTypeDef\n\n\
         Optional fields:\n  \
         imageScanCompletedAt: datetime\n  \
         vulnerabilitySourceUpdatedAt: datetime\n  \
         findingSeverityCounts: dict[FindingSeverityType, int]\n  \
         findings: list[ImageScanFindingTypeDef]\n  \
         enhancedFindings: list[EnhancedImageScanFindingTypeDef]\n"
    );
    let seed = run(ecr_types().args(["show", "--no-docs", "ImageScanFindingsTypeDef"]));
    assert!(
        seed.stdout
            .contains("  findingSeverityCounts: Dict[FindingSeverityType, int]\n  findings: List[ImageScanFindingTypeDef]\n"),
        "{}",
        seed.stdout
    );
    // The key names the alias, as the stub writes it; `show BlobTypeDef` prints the
    // definition in the release's blob style.
    let blob = run(ecr_types().args(["show", "--api", "latest", "UploadLayerPartRequestTypeDef"]));
    assert!(
        blob.stdout.contains("  layerPartBlob: BlobTypeDef\n"),
        "{}",
        blob.stdout
    );
    // A literal only 3.10 has.
    let literal = run(ecr_types().args(["show", "--api", "latest", "SigningStatusType"]));
    assert_eq!(literal.code, 0);
    assert!(
        literal
            .stdout
            .ends_with("\nValues:\n  COMPLETE\n  FAILED\n  IN_PROGRESS\n"),
        "{}",
        literal.stdout
    );
}

#[test]
fn a_name_of_the_other_release_says_which_api_has_it() {
    let seed = run(ecr_types().args(["show", "CreateRepositoryRequestTypeDef"]));
    assert_eq!(seed.code, 2);
    assert_eq!(
        seed.stderr,
        "error: `CreateRepositoryRequestTypeDef` is in release latest (types-aiobotocore-ecr 3.10.0), not in 2.1 (2.1.1); use `--api latest`\n"
    );
    let latest = validate(&[
        "--api",
        "latest",
        "CreateRepositoryRequestRequestTypeDef",
        "x.json",
    ]);
    assert_eq!(latest.code, 2);
    assert_eq!(
        latest.stderr,
        "error: `CreateRepositoryRequestRequestTypeDef` is in release 2.1 (types-aiobotocore-ecr 2.1.1), not in latest (3.10.0); use `--api 2.1`\n"
    );
    let schema = run(ecr_types().args(["schema", "SigningStatusType"]));
    assert!(
        schema.stderr.contains("use `--api latest`"),
        "{}",
        schema.stderr
    );
    // Names no release has get the suggestions of the release asked for.
    let far = run(ecr_types().args(["schema", "--api", "latest", "zzz"]));
    assert_eq!(
        far.stderr,
        "error: unknown TypeDef `zzz`; `ecr-types list --api latest` shows them all\n"
    );
    let close = validate(&["--api", "latest", "CreateRepositoryRequstTypeDef", "x.json"]);
    assert!(
        close
            .stderr
            .starts_with("error: unknown TypeDef `CreateRepositoryRequstTypeDef`; did you mean `CreateRepositoryRequestTypeDef`"),
        "{}",
        close.stderr
    );
    let literal = validate(&["--api", "latest", "SigningStatusType", "x.json"]);
    assert!(
        literal
            .stderr
            .contains("`ecr-types show --api latest SigningStatusType` lists its values"),
        "{}",
        literal.stderr
    );
}

#[test]
fn validate_checks_against_the_release_api_names() {
    // A 3.10 request: `imageTagMutabilityExclusionFilters` is a key 2.1 does not have.
    let request = br#"{"repositoryName": "web", "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION",
        "imageTagMutabilityExclusionFilters": [{"filterType": "WILDCARD", "filter": "latest*"}]}"#;
    let latest = run(ecr_types()
        .args([
            "validate",
            "--api",
            "latest",
            "CreateRepositoryRequestTypeDef",
            "-",
        ])
        .write_stdin(request.to_vec()));
    assert_eq!(latest.code, 0, "{}{}", latest.stdout, latest.stderr);
    assert_eq!(latest.stdout, "<stdin>: ok\n");
    // The same payload against 2.1's request: a value 2.1 does not know, a key it does not
    // declare.
    let seed = validate_stdin("CreateRepositoryRequestRequestTypeDef", request);
    assert_eq!(seed.code, 1, "{}", seed.stdout);
    assert!(
        seed.stdout.contains("imageTagMutability"),
        "{}",
        seed.stdout
    );
    assert!(
        seed.stdout.contains("imageTagMutabilityExclusionFilters"),
        "{}",
        seed.stdout
    );
    // Errors are reported against the latest shapes too.
    let invalid = run(ecr_types()
        .args([
            "validate",
            "--api",
            "latest",
            "CreateRepositoryRequestTypeDef",
            "-",
        ])
        .write_stdin(&br#"{"imageTagMutability": "SOMETIMES"}"#[..]));
    assert_eq!(invalid.code, 1);
    assert!(
        invalid.stdout.contains("repositoryName"),
        "{}",
        invalid.stdout
    );
    assert!(invalid.stdout.contains("SOMETIMES"), "{}", invalid.stdout);
}

#[test]
fn schema_and_docs_read_the_release_api_names() {
    let schema = stdout_json(&[
        "schema",
        "--api",
        "latest",
        "CreateRepositoryRequestTypeDef",
    ]);
    assert_eq!(schema["$ref"], "#/$defs/CreateRepositoryRequestTypeDef");
    let request = &schema["$defs"]["CreateRepositoryRequestTypeDef"];
    assert!(
        request["properties"]["imageTagMutabilityExclusionFilters"].is_object(),
        "{schema:#}"
    );
    let facts: Value = serde_json::from_str(LATEST_FACTS).unwrap();
    let all = stdout_json(&["schema", "--api", "latest", "--all"]);
    for type_def in facts["type_defs"].as_array().unwrap() {
        let name = type_def["name"].as_str().unwrap();
        assert!(all["$defs"].get(name).is_some(), "{name}");
    }
    assert!(all["$defs"]
        .get("CreateRepositoryRequestRequestTypeDef")
        .is_none());
    let seed = stdout_json(&["schema", "--all"]);
    assert!(seed["$defs"]
        .get("CreateRepositoryRequestRequestTypeDef")
        .is_some());
    assert!(seed["$defs"]
        .get("CreateRepositoryRequestTypeDef")
        .is_none());

    let docs = run(ecr_types().args(["docs", "--api", "latest", "type-defs"]));
    assert_eq!(docs.code, 0);
    // A section per TypeDef and per alias.
    assert_eq!(docs.stdout.matches("\n## ").count(), 181 + 4);
    assert!(docs.stdout.contains(
        "- `findingSeverityCounts`:\n  `dict`\\[[FindingSeverityType](./literals.md#findingseveritytype), `int`\\]\n"
    ));
    assert!(
        !docs.stdout.contains("`Dict`\\["),
        "no typing generics in 3.10's page"
    );
    assert!(docs
        .stdout
        .contains("- `layerPartBlob`: [BlobTypeDef](./type_defs.md#blobtypedef)\n"));
    assert!(docs.stdout.contains(
        "Definition:\n\n- `Union`\\[`str`, `bytes`, `IO`\\[`Any`\\], `StreamingBody`\\]\n"
    ));
    let literals = run(ecr_types().args(["docs", "--api", "latest", "literals"]));
    assert_eq!(literals.stdout.matches("\n## ").count(), 43);
}

#[test]
fn api_takes_only_the_known_releases() {
    let wrong = run(ecr_types().args(["list", "--api", "3.10"]));
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("[possible values: 2.1, latest]"),
        "{}",
        wrong.stderr
    );
    let help = run(ecr_types().args(["describe", "--help"]));
    assert!(help.stdout.contains("--api <API>"), "{}", help.stdout);
}

// ---------------------------------------------------------------------------------------
// Values AWS added to the literal types after 2.1 (issue 10), through the binary: every
// literal of ecr-types is open, so `validate --wire` keeps the value, prints an
// `unknown_literal` warning and exits 0; strict mode holds the release and exits 1.
// ---------------------------------------------------------------------------------------

/// Each value issue 10 names (the exact spellings of the late-2026 service model), with a
/// 2.1 response it comes in, the literal and the path.
const NEWER_VALUES: [(&str, &str, &str, &str, &str); 12] = [
    (
        "DescribeRepositoriesResponseTypeDef",
        r#"{"repositories":[{"repositoryName":"web","imageTagMutability":"IMMUTABLE_WITH_EXCLUSION"}]}"#,
        "ImageTagMutabilityType",
        "IMMUTABLE_WITH_EXCLUSION",
        "$.repositories[0].imageTagMutability",
    ),
    (
        "DescribeRepositoriesResponseTypeDef",
        r#"{"repositories":[{"repositoryName":"web","imageTagMutability":"MUTABLE_WITH_EXCLUSION"}]}"#,
        "ImageTagMutabilityType",
        "MUTABLE_WITH_EXCLUSION",
        "$.repositories[0].imageTagMutability",
    ),
    (
        "DescribeRepositoriesResponseTypeDef",
        r#"{"repositories":[{"repositoryName":"web","encryptionConfiguration":{"encryptionType":"KMS_DSSE"}}]}"#,
        "EncryptionTypeType",
        "KMS_DSSE",
        "$.repositories[0].encryptionConfiguration.encryptionType",
    ),
    (
        "DescribeImagesResponseTypeDef",
        r#"{"imageDetails":[{"imageScanStatus":{"status":"LIMIT_EXCEEDED"}}]}"#,
        "ScanStatusType",
        "LIMIT_EXCEEDED",
        "$.imageDetails[0].imageScanStatus.status",
    ),
    (
        "DescribeImagesResponseTypeDef",
        r#"{"imageDetails":[{"imageScanStatus":{"status":"IMAGE_ARCHIVED"}}]}"#,
        "ScanStatusType",
        "IMAGE_ARCHIVED",
        "$.imageDetails[0].imageScanStatus.status",
    ),
    (
        "DescribeImagesResponseTypeDef",
        r#"{"imageDetails":[{"imageScanStatus":{"status":"IMAGE_SIZE_EXCEEDED"}}]}"#,
        "ScanStatusType",
        "IMAGE_SIZE_EXCEEDED",
        "$.imageDetails[0].imageScanStatus.status",
    ),
    (
        "BatchCheckLayerAvailabilityResponseTypeDef",
        r#"{"layers":[{"layerDigest":"sha256:a1b2","layerAvailability":"ARCHIVED"}],"failures":[]}"#,
        "LayerAvailabilityType",
        "ARCHIVED",
        "$.layers[0].layerAvailability",
    ),
    (
        "GetLifecyclePolicyPreviewResponseTypeDef",
        r#"{"registryId":"1","repositoryName":"web","lifecyclePolicyText":"{}","status":"COMPLETE","previewResults":[{"action":{"type":"TRANSITION"}}]}"#,
        "ImageActionTypeType",
        "TRANSITION",
        "$.previewResults[0].action.type",
    ),
    (
        "BatchGetImageResponseTypeDef",
        r#"{"images":[],"failures":[{"failureCode":"UpstreamAccessDenied"}]}"#,
        "ImageFailureCodeType",
        "UpstreamAccessDenied",
        "$.failures[0].failureCode",
    ),
    (
        "BatchGetImageResponseTypeDef",
        r#"{"images":[],"failures":[{"failureCode":"UpstreamTooManyRequests"}]}"#,
        "ImageFailureCodeType",
        "UpstreamTooManyRequests",
        "$.failures[0].failureCode",
    ),
    (
        "BatchGetImageResponseTypeDef",
        r#"{"images":[],"failures":[{"failureCode":"UpstreamUnavailable"}]}"#,
        "ImageFailureCodeType",
        "UpstreamUnavailable",
        "$.failures[0].failureCode",
    ),
    (
        "BatchGetImageResponseTypeDef",
        r#"{"images":[],"failures":[{"failureCode":"ImageInaccessible"}]}"#,
        "ImageFailureCodeType",
        "ImageInaccessible",
        "$.failures[0].failureCode",
    ),
];

#[test]
fn newer_literal_values_pass_wire_mode_with_a_warning_and_fail_strict_mode() {
    for (type_def, payload, literal, value, path) in NEWER_VALUES {
        let wire = run(ecr_types()
            .args(["validate", "--wire", type_def])
            .write_stdin(payload));
        assert_eq!(wire.code, 0, "{value}: {}{}", wire.stdout, wire.stderr);
        let warning = format!(
            "<stdin>: ok\n  warning: {path}: '{value}' is not a known {literal} value, kept as sent (wire mode); known: '"
        );
        assert!(wire.stdout.starts_with(&warning), "{}", wire.stdout);
        assert!(
            wire.stdout.ends_with("' [unknown_literal]\n"),
            "{}",
            wire.stdout
        );
        assert_eq!(wire.stdout.lines().count(), 2, "{}", wire.stdout);

        let strict = validate_stdin(type_def, payload.as_bytes());
        assert_eq!(strict.code, 1, "{value}: {}", strict.stdout);
        let error = format!("  {path}: '{value}' is not a valid {literal}; expected '");
        assert!(
            strict
                .stdout
                .lines()
                .any(|line| line.starts_with(&error) && line.ends_with("' [invalid_literal]")),
            "{}",
            strict.stdout
        );
        assert!(!strict.stdout.contains("warning"), "{}", strict.stdout);
    }
}

#[test]
fn newer_literal_values_are_warnings_as_data_in_json_format() {
    let (type_def, payload, _, value, path) = NEWER_VALUES[3];
    let wire = run(ecr_types()
        .args(["validate", "--wire", "--format", "json", type_def])
        .write_stdin(payload));
    assert_eq!(wire.code, 0);
    let report: Value = serde_json::from_str(wire.stdout.trim_end()).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["errors"], serde_json::json!([]));
    let warnings = report["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0]["kind"], "unknown_literal");
    assert_eq!(warnings[0]["path"], path);
    assert!(warnings[0]["message"]
        .as_str()
        .unwrap()
        .starts_with(&format!("'{value}' is not a known ScanStatusType value")));
}
