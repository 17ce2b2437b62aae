//! Round trips of realistic payloads: one request and one response (at least) of every ECR
//! operation, as fixtures in `tests/payloads/`.
//!
//! A fixture is `payloads/<TypeDefName>.json`, or `payloads/<TypeDefName>.<variant>.json`
//! for a second payload of the same shape. Each is written in canonical form: keys in
//! declaration order, `Dict` entries sorted, timestamps as epoch seconds with their
//! fraction. For each, [`round_trip`] checks that it
//!
//! 1. decodes in strict mode, unknown keys denied (responses carry a full
//!    `ResponseMetadata`, so they satisfy the stubs' contract), and the schema walk of
//!    [`typed_dict::validate`] finds nothing to report either;
//! 2. encodes back to the same JSON value, and to the very same text once whitespace is
//!    taken out (so key order and number notation are checked too);
//! 3. decodes from its own encoding to an equal Rust value;
//! 4. decodes in wire mode to that same value (a complete payload means the same in both).
//!
//! The table of types comes from the catalog (`ecr_types::for_each_type_def!`); the tests
//! check that every Request and Response TypeDef of the spec has a fixture file, that each
//! file belongs to a TypeDef, and that the fixtures exercise every key of every shape they
//! reach.
//!
//! Every TypeDef of both modules (`ecr_types::latest` too) also round-trips its *full*
//! value: every key present, each value the first its type allows, written in canonical
//! form from the schema alone ([`full_value`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{Debug, Write as _};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value as Json;
use typed_dict::{decode, DecodeOptions, TypedDict, TypedDictSchema, ValueType};

fn payloads_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/payloads")
}

/// The TypeDef a fixture file is for: its name up to the first `.`.
fn type_name_of(file: &Path) -> String {
    let name = file.file_name().unwrap().to_string_lossy();
    name.split('.').next().unwrap().to_owned()
}

/// Every `.json` file of `payloads/`, sorted.
fn all_fixture_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(payloads_dir())
        .expect("tests/payloads/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// The fixture files of one TypeDef: `<name>.json` and `<name>.<variant>.json`.
fn fixture_files(type_name: &str) -> Vec<PathBuf> {
    all_fixture_files()
        .into_iter()
        .filter(|file| type_name_of(file) == type_name)
        .collect()
}

/// The JSON text without the whitespace between tokens (strings are kept as they are).
fn minify(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for &byte in text {
        if in_string {
            out.push(byte);
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if !byte.is_ascii_whitespace() {
            in_string = byte == b'"';
            out.push(byte);
        }
    }
    out
}

/// Where two JSON values differ, one line per place, as JSON paths.
fn json_diff(path: &str, expected: &Json, actual: &Json, out: &mut Vec<String>) {
    match (expected, actual) {
        (Json::Object(expected), Json::Object(actual)) => {
            for (key, value) in expected {
                let at = format!("{path}.{key}");
                match actual.get(key) {
                    Some(other) => json_diff(&at, value, other, out),
                    None => out.push(format!("{at}: missing from the encoding")),
                }
            }
            for key in actual.keys().filter(|key| !expected.contains_key(*key)) {
                out.push(format!("{path}.{key}: not in the fixture"));
            }
        }
        (Json::Array(expected), Json::Array(actual)) if expected.len() == actual.len() => {
            for (index, (value, other)) in expected.iter().zip(actual).enumerate() {
                json_diff(&format!("{path}[{index}]"), value, other, out);
            }
        }
        _ if expected != actual => {
            out.push(format!("{path}: fixture {expected}, encoded {actual}"))
        }
        _ => {}
    }
}

/// The text around the first byte where two texts differ.
fn first_difference(expected: &[u8], actual: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(actual)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(actual.len()));
    let around = |text: &[u8]| {
        let start = at.saturating_sub(60);
        let end = (at + 60).min(text.len());
        String::from_utf8_lossy(&text[start..end]).into_owned()
    };
    format!(
        "at byte {at}:\n  fixture: …{}…\n  encoded: …{}…",
        around(expected),
        around(actual)
    )
}

/// Decodes, encodes, compares and decodes again; every check names the file.
fn round_trip<T: TypedDict + PartialEq + Debug>(file: &Path) {
    let name = file.display();
    let text = fs::read(file).unwrap_or_else(|err| panic!("{name}: {err}"));
    let fixture: Json =
        serde_json::from_slice(&text).unwrap_or_else(|err| panic!("{name}: not JSON: {err}"));

    let strict = DecodeOptions::strict().deny_unknown(true);
    let decoded: T = decode(&text, strict)
        .unwrap_or_else(|err| panic!("{name}: does not decode in strict mode: {err}"));
    // The schema walk (what reports errors, and what the command line runs) agrees.
    let report = typed_dict::validate_schema(&text, T::schema(), strict);
    assert!(
        report.errors.is_empty() && report.warnings.is_empty(),
        "{name}: the schema walk disagrees with decoding: {report:#?}"
    );

    let encoded =
        typed_dict::to_vec(&decoded).unwrap_or_else(|err| panic!("{name}: does not encode: {err}"));
    let reread: Json = serde_json::from_slice(&encoded)
        .unwrap_or_else(|err| panic!("{name}: the encoding is not JSON: {err}"));
    let mut differences = Vec::new();
    json_diff("$", &fixture, &reread, &mut differences);
    assert!(
        differences.is_empty() && reread == fixture,
        "{name}: the encoding is not the fixture's JSON:\n  {}",
        differences.join("\n  ")
    );
    let canonical = minify(&text);
    assert!(
        encoded == canonical,
        "{name}: same JSON, but not the fixture's text (key order, dict order or number notation) {}",
        first_difference(&canonical, &encoded)
    );

    let again: T = decode(&encoded, strict)
        .unwrap_or_else(|err| panic!("{name}: its own encoding does not decode: {err}"));
    assert_eq!(
        again, decoded,
        "{name}: decoding the encoding gives another value"
    );

    let wire: T = decode(&text, DecodeOptions::wire())
        .unwrap_or_else(|err| panic!("{name}: does not decode in wire mode: {err}"));
    assert_eq!(
        wire, decoded,
        "{name}: wire mode reads the complete payload differently"
    );
}

/// One TypeDef of a catalog, with what the tests need of its Rust type.
struct Entry {
    name: &'static str,
    schema: fn() -> &'static TypedDictSchema,
    /// [`round_trip`] as this type.
    round_trip: fn(&Path),
    /// Decodes in strict mode (unknown keys denied) and encodes again.
    re_encode: fn(&[u8]) -> Result<Vec<u8>, String>,
}

fn re_encode<T: TypedDict>(json: &[u8]) -> Result<Vec<u8>, String> {
    let value: T = decode(json, DecodeOptions::strict().deny_unknown(true))
        .map_err(|error| error.to_string())?;
    typed_dict::to_vec(&value).map_err(|error| error.to_string())
}

/// A catalog's table of [`Entry`], from the catalog's own list (`for_each_*type_def!`):
/// no list of shapes is kept here by hand.
macro_rules! entries {
    ($table:ident ; $($name:ident = $ty:path),* $(,)?) => {
        static $table: &[Entry] = &[$(
            Entry {
                name: stringify!($name),
                schema: <$ty as TypedDict>::schema,
                round_trip: round_trip::<$ty>,
                re_encode: re_encode::<$ty>,
            },
        )*];
    };
}

ecr_types::for_each_type_def!(entries; TABLE);
ecr_types::for_each_latest_type_def!(entries; LATEST_TABLE);

/// The message of a caught panic.
fn panic_message(panic: Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

/// Every fixture file, round-tripped as the TypeDef its name gives; every failure is
/// reported, each naming its file.
#[test]
fn every_fixture_round_trips() {
    let mut failures = Vec::new();
    let files = all_fixture_files();
    for file in &files {
        let name = type_name_of(file);
        let Some(entry) = TABLE.iter().find(|entry| entry.name == name) else {
            failures.push(format!("{}: no TypeDef {name}", file.display()));
            continue;
        };
        if let Err(panic) = std::panic::catch_unwind(|| (entry.round_trip)(file)) {
            failures.push(panic_message(panic));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert!(files.len() >= 80, "{} fixtures", files.len());
}

/// The operation a Request or Response TypeDef belongs to, if it is one.
fn operation_of(type_name: &str) -> Option<&str> {
    type_name
        .strip_suffix("RequestRequestTypeDef")
        .or_else(|| type_name.strip_suffix("ResponseTypeDef"))
}

/// The Request and Response TypeDefs of the spec, from the catalog.
fn operation_type_defs() -> Vec<&'static str> {
    ecr_types::CATALOG
        .type_defs()
        .map(|schema| schema.name)
        .filter(|name| operation_of(name).is_some())
        .collect()
}

#[test]
fn every_request_and_response_of_the_spec_has_a_fixture() {
    let mut missing = Vec::new();
    for name in operation_type_defs() {
        if fixture_files(name).is_empty() {
            missing.push(format!("{name} has no tests/payloads/{name}.json"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));

    // The spec's 41 operations: 37 take parameters, 39 return something.
    let type_defs = operation_type_defs();
    let operations: BTreeSet<&str> = type_defs.iter().filter_map(|n| operation_of(n)).collect();
    let requests = type_defs
        .iter()
        .filter(|n| n.ends_with("RequestRequestTypeDef"));
    let responses = type_defs.iter().filter(|n| n.ends_with("ResponseTypeDef"));
    assert_eq!(
        (operations.len(), requests.count(), responses.count()),
        (41, 37, 39),
        "{operations:#?}"
    );
}

#[test]
fn every_fixture_file_belongs_to_a_table_entry() {
    let listed: BTreeSet<&str> = TABLE.iter().map(|entry| entry.name).collect();
    let strays: Vec<String> = all_fixture_files()
        .iter()
        .filter(|file| !listed.contains(type_name_of(file).as_str()))
        .map(|file| file.display().to_string())
        .collect();
    assert!(
        strays.is_empty(),
        "fixtures no test reads (is the name a TypeDef of the catalog?):\n{}",
        strays.join("\n")
    );
    for tables in [
        (TABLE, ecr_types::CATALOG.type_defs().count()),
        (LATEST_TABLE, ecr_types::latest::CATALOG.type_defs().count()),
    ] {
        assert_eq!(tables.0.len(), tables.1);
    }
    for entry in TABLE {
        let schema = ecr_types::CATALOG.type_def(entry.name).unwrap();
        assert!(std::ptr::eq(schema, (entry.schema)()));
    }
    for entry in LATEST_TABLE {
        let schema = ecr_types::latest::CATALOG.type_def(entry.name).unwrap();
        assert!(std::ptr::eq(schema, (entry.schema)()));
    }
}

/// Records, for every typed dict the fixture's value passes through, which keys it has.
fn record_keys(
    value_type: &ValueType,
    value: &Json,
    seen: &mut BTreeMap<&'static str, BTreeSet<String>>,
) {
    match (value_type, value) {
        (ValueType::TypedDict(schema), Json::Object(object)) => {
            let schema = schema();
            let keys = seen.entry(schema.name).or_default();
            keys.extend(object.keys().cloned());
            for (key, value) in object {
                if let Some(field) = schema.field(key) {
                    record_keys(field.value, value, seen);
                }
            }
        }
        (ValueType::Sequence(item) | ValueType::List(item), Json::Array(items)) => {
            for value in items {
                record_keys(item, value, seen);
            }
        }
        (ValueType::Dict(_, item), Json::Object(object)) => {
            for value in object.values() {
                record_keys(item, value, seen);
            }
        }
        _ => {}
    }
}

/// Every key of every shape a fixture reaches is in some fixture, so each NotRequired key
/// is exercised, however deep: an absent key round-trips trivially, a present one does not.
#[test]
fn the_fixtures_exercise_every_key_of_every_shape_they_reach() {
    let mut seen = BTreeMap::new();
    for entry in TABLE {
        for file in fixture_files(entry.name) {
            let json: Json = serde_json::from_slice(&fs::read(&file).unwrap()).unwrap();
            record_keys(&ValueType::TypedDict(entry.schema), &json, &mut seen);
        }
    }
    let mut unexercised = Vec::new();
    let mut keys = 0;
    for schema in ecr_types::CATALOG.type_defs() {
        let Some(present) = seen.get(schema.name) else {
            unexercised.push(format!("{}: no fixture reaches it", schema.name));
            continue;
        };
        for field in schema.fields {
            keys += 1;
            if !present.contains(field.key) {
                unexercised.push(format!("{}.{}", schema.name, field.key));
            }
        }
    }
    assert!(
        unexercised.is_empty(),
        "not in any fixture:\n{}",
        unexercised.join("\n")
    );
    assert_eq!(seen.len(), 124, "every TypeDef is reached");
    assert!(keys > 400, "{keys}");
}

/// The canonical-text comparison itself: whitespace between tokens goes, whitespace and
/// escapes inside strings stay.
#[test]
fn minify_keeps_strings_intact() {
    let text = br#"{ "a b" : [ 1 ,	2 ],
        "c\"d \\" : "e \" f" }"#;
    assert_eq!(
        String::from_utf8(minify(text)).unwrap(),
        r#"{"a b":[1,2],"c\"d \\":"e \" f"}"#
    );
    let mut out = String::new();
    let mut lines = Vec::new();
    json_diff(
        "$",
        &serde_json::json!({"a": [1, {"b": 2}], "c": 3}),
        &serde_json::json!({"a": [1, {"b": 4}], "d": 3}),
        &mut lines,
    );
    for line in &lines {
        writeln!(out, "{line}").unwrap();
    }
    assert_eq!(
        out,
        "$.a[1].b: fixture 2, encoded 4\n$.c: missing from the encoding\n$.d: not in the fixture\n"
    );
}

/// Encodes a timestamp as the key of a shape and decodes it back.
fn timestamp_round_trip(micros: i64) -> Result<(), String> {
    use ecr_types::ImageDetailTypeDef;
    use typed_dict::Timestamp;

    let at = Timestamp::from_unix_micros(micros).unwrap();
    let detail = ImageDetailTypeDef::new().with_image_pushed_at(at);
    let text = typed_dict::to_string(&detail).unwrap();
    match typed_dict::from_str::<ImageDetailTypeDef>(&text) {
        Ok(back) if back == detail => Ok(()),
        Ok(back) => Err(format!(
            "{at:?} -> {text} -> {:?}",
            back.image_pushed_at.unwrap()
        )),
        Err(error) => Err(format!("{at:?} -> {text} -> {error}")),
    }
}

/// Every microsecond instant of the supported range (0001-01-01 to 9999-12-31, Python's
/// `datetime` range) survives its own encoding (sampled: a fixed-seed linear congruential
/// walk). Instants whose microseconds a JSON double cannot carry are written as RFC 3339.
#[test]
fn timestamps_round_trip_to_the_microsecond() {
    const FIRST: i64 = -62_135_596_800_000_000;
    const SPAN: u64 = (253_402_300_799_999_999 - FIRST + 1) as u64;
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut failures = Vec::new();
    for _ in 0..20_000 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let micros = FIRST + ((state >> 1) % SPAN) as i64;
        if let Err(failure) = timestamp_round_trip(micros) {
            failures.push(failure);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The edges that a naive `seconds * 1e6` conversion gets wrong.
#[test]
fn timestamps_round_trip_at_the_edges_of_the_range() {
    let failures: Vec<String> = [
        4_438_733_415_967_715,   // 2110-08-29T05:30:15.967715Z -> ...716Z
        9_000_000_000_000_001,   // 2255-03-14T16:00:00.000001Z -> ...000002Z
        253_402_300_799_999_999, // 9999-12-31T23:59:59.999999Z -> out of range
        253_402_300_799_000_001, // 9999-12-31T23:59:59.000001Z -> ...59Z
        -62_135_596_799_999_999, // 0001-01-01T00:00:00.000001Z -> ...00Z
    ]
    .into_iter()
    .filter_map(|micros| timestamp_round_trip(micros).err())
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The canonical JSON text of a value of `value_type` with every key present: the first
/// value each type allows (a literal's first value, one item per list and dict). Written
/// from the schema alone, in declaration order, so it is what encoding must give back.
fn full_value(value_type: &ValueType, depth: usize, out: &mut String) {
    assert!(depth < 16, "a recursive shape");
    match value_type {
        ValueType::Str => out.push_str("\"text\""),
        ValueType::Int => out.push_str("-42"),
        ValueType::Float => out.push_str("7.5"),
        ValueType::Bool => out.push_str("true"),
        ValueType::Timestamp => out.push_str("1700000000.123456"),
        ValueType::Blob => out.push_str("\"aGVsbG8=\""),
        ValueType::Sequence(item) | ValueType::List(item) => {
            out.push('[');
            full_value(item, depth + 1, out);
            out.push(']');
        }
        ValueType::Dict(key, value) => {
            out.push('{');
            full_value(key, depth + 1, out);
            out.push(':');
            full_value(value, depth + 1, out);
            out.push('}');
        }
        ValueType::TypedDict(schema) => {
            out.push('{');
            for (index, field) in schema().fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write!(out, "{}:", Json::from(field.key)).unwrap();
                full_value(field.value, depth + 1, out);
            }
            out.push('}');
        }
        ValueType::Literal(literal) => write!(out, "{}", Json::from(literal.values[0])).unwrap(),
        // The first member: decoding takes it, so encoding writes it back.
        ValueType::Union(union) => full_value(&union.members[0], depth + 1, out),
        ValueType::Alias(alias) => full_value(alias.target, depth + 1, out),
        ValueType::Any => out.push_str("null"),
        other => panic!("no full value for the value type {}", other.python()),
    }
}

/// Every TypeDef of both modules, with every key present, decodes in strict mode and
/// encodes back to the very same text: a round trip derived from the registries, so it
/// covers each shape `latest` adds without a fixture per shape.
#[test]
fn every_type_def_of_both_modules_round_trips_its_full_value() {
    let mut failures = Vec::new();
    let mut keys = 0;
    for (module, table) in [("ecr_types", TABLE), ("ecr_types::latest", LATEST_TABLE)] {
        for entry in table {
            let schema = (entry.schema)();
            keys += schema.fields.len();
            let mut text = String::new();
            full_value(&ValueType::TypedDict(entry.schema), 0, &mut text);
            match (entry.re_encode)(text.as_bytes()) {
                Ok(encoded) if encoded == text.as_bytes() => {}
                Ok(encoded) => failures.push(format!(
                    "{module}::{}: {}",
                    entry.name,
                    first_difference(text.as_bytes(), &encoded)
                )),
                Err(error) => failures.push(format!("{module}::{}: {error}\n  {text}", entry.name)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!((TABLE.len(), LATEST_TABLE.len()), (124, 181));
    assert_eq!(keys, 428 + 661);
}
