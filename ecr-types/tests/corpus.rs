//! Real ECR payloads from public sources (`../shared/corpus/payloads/`, third-party data
//! read in place) through strict and wire mode, each with the outcome its kind calls for:
//!
//! - request bodies and published sub-objects are valid in both modes;
//! - response bodies from the service or the AWS CLI are valid in wire mode, and strict
//!   mode reports exactly the keys the service leaves out (`ResponseMetadata`, `nextToken`
//!   on the last page, `HostId`, a `null` of a failed scan);
//! - recorded boto3 responses (Cloud Custodian's placebo) are first converted from the
//!   recorder's encoding: datetime objects become epoch seconds, and a partial
//!   `ResponseMetadata` is dropped;
//! - timestamps that are not timestamps (CloudTrail's locale strings) are errors in both;
//! - `_invalid_json/` holds payloads published as broken JSON: malformed in both.
//!
//! `SOURCES.md` beside the payloads says, per file, which of these applies (its `checks:`
//! line). Without the corpus folder the test reports that it skipped.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use typed_dict::{DecodeOptions, ErrorKind};

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/payloads");
    dir.is_dir().then_some(dir)
}

/// The `checks:` line of each file in `SOURCES.md`.
fn checks(sources: &str) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut current = None;
    for line in sources.lines() {
        if let Some(name) = line
            .strip_prefix("### `")
            .and_then(|rest| rest.strip_suffix('`'))
        {
            current = Some(name.to_owned());
            files.push((name.to_owned(), String::new()));
        } else if let (Some(_), Some(check)) = (&current, line.strip_prefix("- checks: ")) {
            files.last_mut().unwrap().1 = check.to_owned();
        }
    }
    files
}

type Found = BTreeSet<(String, String)>;

fn kinds(errors: &[typed_dict::ValidationError]) -> Found {
    errors
        .iter()
        .map(|e| (e.kind.code().to_owned(), e.path.clone()))
        .collect()
}

/// Placebo stores datetimes as `{"__class__": "datetime", "year": ..}` objects.
fn convert_recorded_datetimes(value: &mut Value) {
    match value {
        Value::Object(map) if map.get("__class__") == Some(&Value::from("datetime")) => {
            *value = Value::from(epoch_seconds(map));
        }
        Value::Object(map) => map.values_mut().for_each(convert_recorded_datetimes),
        Value::Array(items) => items.iter_mut().for_each(convert_recorded_datetimes),
        _ => {}
    }
}

/// The recorder wrote naive local times; as UTC they are off by the recorder's offset,
/// which does not matter for validation.
fn epoch_seconds(fields: &Map<String, Value>) -> f64 {
    let get = |key: &str| fields.get(key).and_then(Value::as_i64).unwrap_or(0);
    let month = time::Month::try_from(get("month") as u8).unwrap();
    let date = time::Date::from_calendar_date(get("year") as i32, month, get("day") as u8).unwrap();
    let at = date
        .with_hms_micro(
            get("hour") as u8,
            get("minute") as u8,
            get("second") as u8,
            get("microsecond") as u32,
        )
        .unwrap()
        .assume_utc();
    at.unix_timestamp() as f64 + f64::from(at.microsecond()) / 1e6
}

const METADATA_KEYS: [&str; 4] = [
    "RequestId",
    "HTTPStatusCode",
    "HTTPHeaders",
    "RetryAttempts",
];

/// Undoes the recorder's encoding: datetimes, and a `ResponseMetadata` it kept only part of.
fn normalize_recording(payload: &mut Value) {
    convert_recorded_datetimes(payload);
    let partial = payload
        .get("ResponseMetadata")
        .and_then(Value::as_object)
        .is_some_and(|metadata| METADATA_KEYS.iter().any(|key| !metadata.contains_key(*key)));
    if partial {
        payload.as_object_mut().unwrap().remove("ResponseMetadata");
    }
}

/// What strict mode must report for a payload: exactly the keys the service leaves out.
fn expected_strict(type_def: &str, payload: &Value, check: &str) -> Found {
    let mut expected = Found::new();
    let missing = |path: &str| ("missing_key".to_owned(), path.to_owned());
    if type_def.ends_with("ResponseTypeDef") {
        match payload.get("ResponseMetadata") {
            None => expected.insert(missing("$.ResponseMetadata")),
            Some(metadata) if metadata.get("HostId").is_none() => {
                expected.insert(missing("$.ResponseMetadata.HostId"))
            }
            Some(_) => false,
        };
    }
    for part in check.split(" | ") {
        if part == "absent: nextToken" {
            expected.insert(missing("$.nextToken"));
        } else if let Some(path) = part.strip_prefix("null: ") {
            expected.insert(("null_not_allowed".to_owned(), path.to_owned()));
        }
    }
    expected
}

#[test]
fn real_payloads_validate_as_their_kind_requires() {
    let Some(dir) = corpus() else {
        eprintln!(
            "skipped: ../shared/corpus/payloads not found (third-party corpus, read in place)"
        );
        return;
    };
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).unwrap();
    let files = checks(&sources);
    let mut failures = Vec::new();
    let mut counts = [0usize; 3];
    for (file, check) in &files {
        let Some(type_def) = file.split("__").next().filter(|_| !file.starts_with('_')) else {
            continue;
        };
        if !dir.join(file).is_file() {
            // Listed among the sources, but published as broken JSON: the other test.
            assert!(
                dir.join("_invalid_json").join(file).is_file(),
                "{file} is listed but missing"
            );
            continue;
        }
        let schema = ecr_types::CATALOG
            .type_def(type_def)
            .unwrap_or_else(|| panic!("{file}: no TypeDef {type_def}"));
        let mut payload: Value =
            serde_json::from_slice(&std::fs::read(dir.join(file)).unwrap()).unwrap();
        if file.contains("__c7n-placebo__") {
            normalize_recording(&mut payload);
        }
        let bytes = serde_json::to_vec(&payload).unwrap();
        let strict = typed_dict::validate_schema(&bytes, schema, DecodeOptions::strict());
        let wire = typed_dict::validate_schema(&bytes, schema, DecodeOptions::wire());

        // A timestamp that is not a timestamp is an error in both modes.
        let bad_timestamp = check.contains("TS: other-string");
        let timestamp_errors = |errors: &[typed_dict::ValidationError]| -> Found {
            errors
                .iter()
                .filter(|e| e.kind == ErrorKind::InvalidTimestamp)
                .map(|e| ("invalid_timestamp".to_owned(), e.path.clone()))
                .collect()
        };
        let mut expected_wire = Found::new();
        let mut expected_strict = expected_strict(type_def, &payload, check);
        if bad_timestamp {
            let found = timestamp_errors(&wire.errors);
            if found.len() != 1 {
                failures.push(format!(
                    "{file}: expected one invalid timestamp, found {found:?}"
                ));
            }
            expected_wire.extend(found.clone());
            expected_strict.extend(found);
        }
        for (mode, report, expected) in [
            ("strict", &strict, &expected_strict),
            ("wire", &wire, &expected_wire),
        ] {
            let found = kinds(&report.errors);
            if &found != expected {
                failures.push(format!(
                    "{file} ({mode}): expected {expected:?}, found {found:?}"
                ));
            }
        }
        counts[0] += 1;
        counts[1] += usize::from(strict.is_valid());
        counts[2] += usize::from(wire.is_valid());
    }
    eprintln!(
        "corpus: {} payloads; {} valid in strict mode, {} in wire mode; every outcome as its kind requires",
        counts[0], counts[1], counts[2]
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(counts[0] >= 80, "SOURCES.md lists {} payloads", counts[0]);
}

#[test]
fn payloads_published_as_broken_json_are_malformed_in_both_modes() {
    let Some(dir) = corpus() else {
        eprintln!("skipped: ../shared/corpus/payloads not found");
        return;
    };
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.join("_invalid_json")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let schema = ecr_types::CATALOG
            .type_def(name.split("__").next().unwrap())
            .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
            let report = typed_dict::validate_schema(&bytes, schema, options);
            assert_eq!(report.errors.len(), 1, "{name}");
            assert!(
                matches!(report.errors[0].kind, ErrorKind::MalformedJson { .. }),
                "{name}: {:?}",
                report.errors
            );
        }
        seen += 1;
    }
    eprintln!("corpus: {seen} payload(s) published as broken JSON, each reported malformed with line and column");
    assert!(seen >= 1);
}

/// The schema a `$.a.b[0].c` path ends in, and the key it names, if it names one.
#[cfg(feature = "latest")]
fn parent_and_key(
    schema: &'static typed_dict::TypedDictSchema,
    path: &str,
) -> Option<(&'static typed_dict::TypedDictSchema, String)> {
    use typed_dict::ValueType;
    let mut parts: Vec<&str> = path
        .strip_prefix("$.")?
        .split('.')
        .flat_map(|part| part.split('['))
        .collect();
    let key = parts.pop()?.to_owned();
    let mut schema = schema;
    let mut value: Option<&ValueType> = None;
    for part in parts {
        if part.ends_with(']') {
            value = match value? {
                ValueType::Sequence(item) | ValueType::List(item) => Some(*item),
                _ => return None,
            };
        } else {
            value = Some(schema.field(part)?.value);
        }
        if let Some(nested) = value.and_then(ValueType::typed_dict) {
            schema = nested;
        }
    }
    Some((schema, key))
}

/// The same payloads against `ecr_types::latest`: ECR as of late 2026 still reads every one
/// in wire mode, knows every key they carry (no `unknown_key` warning), and strict mode
/// reports nothing but the keys declared `wire_optional`.
#[cfg(feature = "latest")]
#[test]
fn real_payloads_validate_against_the_latest_shapes_in_wire_mode() {
    let Some(dir) = corpus() else {
        eprintln!(
            "skipped: ../shared/corpus/payloads not found (third-party corpus, read in place)"
        );
        return;
    };
    let sources = std::fs::read_to_string(dir.join("SOURCES.md")).unwrap();
    let mut failures = Vec::new();
    let (mut seen, mut strict_valid, mut wire_optional_reported) = (0, 0, BTreeSet::new());
    for (file, check) in checks(&sources) {
        let Some(type_def) = file.split("__").next().filter(|_| !file.starts_with('_')) else {
            continue;
        };
        if !dir.join(&file).is_file() {
            continue;
        }
        // 3.10 names a request `XRequestTypeDef` where 2.1 wrote `XRequestRequestTypeDef`.
        let name = type_def.replace("RequestRequestTypeDef", "RequestTypeDef");
        let schema = ecr_types::latest::CATALOG
            .type_def(&name)
            .unwrap_or_else(|| panic!("{file}: no latest TypeDef {name}"));
        let mut payload: Value =
            serde_json::from_slice(&std::fs::read(dir.join(&file)).unwrap()).unwrap();
        if file.contains("__c7n-placebo__") {
            normalize_recording(&mut payload);
        }
        let bytes = serde_json::to_vec(&payload).unwrap();
        let wire = typed_dict::validate_schema(&bytes, schema, DecodeOptions::wire());
        let strict = typed_dict::validate_schema(&bytes, schema, DecodeOptions::strict());
        let bad_timestamp = check.contains("TS: other-string");
        for error in &wire.errors {
            if !(bad_timestamp && error.kind == ErrorKind::InvalidTimestamp) {
                failures.push(format!("{file} (wire): {}: {}", error.path, error.message));
            }
        }
        for warning in wire.warnings.iter().chain(&strict.warnings) {
            failures.push(format!(
                "{file}: warning {}: {}",
                warning.path, warning.message
            ));
        }
        for error in &strict.errors {
            if bad_timestamp && error.kind == ErrorKind::InvalidTimestamp {
                continue;
            }
            let declared = matches!(
                error.kind,
                ErrorKind::MissingKey | ErrorKind::NullNotAllowed
            ) && parent_and_key(schema, &error.path).is_some_and(|(parent, key)| {
                let field = parent.field(&key);
                if field.is_some_and(|field| field.wire_optional) {
                    wire_optional_reported.insert(format!("{}.{key}", parent.name));
                    true
                } else {
                    false
                }
            });
            if !declared {
                failures.push(format!(
                    "{file} (strict): {}: {}",
                    error.path, error.message
                ));
            }
        }
        seen += 1;
        strict_valid += usize::from(strict.is_valid());
    }
    eprintln!(
        "corpus against latest: {seen} payloads; wire mode reports no unknown key and no error \
         but the known bad timestamps; {strict_valid} valid in strict mode, which reports only \
         wire_optional keys: {wire_optional_reported:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(seen >= 80, "SOURCES.md lists {seen} payloads");
}
