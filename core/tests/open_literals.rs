//! Open literal types in the walk: an unlisted value is an `unknown_literal` warning in wire
//! mode (a field, a list item, a dict key), an `invalid_literal` error in strict mode and
//! for closed literals. Schemas are built by hand: the walk reads only `LiteralSchema`.

use typed_dict::json_schema;
use typed_dict::{
    validate_schema, DecodeOptions, ErrorKind, FieldSchema, LiteralSchema, Mode, TypedDictSchema,
    ValueType,
};

static OPEN: LiteralSchema =
    LiteralSchema::new("ScanStatusType", &["ACTIVE", "FAILED"]).with_open(true);
static CLOSED: LiteralSchema = LiteralSchema::new("TagStatusType", &["TAGGED", "UNTAGGED"]);
static STATUS: ValueType = ValueType::Literal(&OPEN);
static TAG_STATUS: ValueType = ValueType::Literal(&CLOSED);
static STATUSES: ValueType = ValueType::List(&STATUS);
static COUNTS: ValueType = ValueType::Dict(&STATUS, &ValueType::Int);

const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
    FieldSchema::new(key, key, value).with_required(false)
}

static SHAPE: TypedDictSchema = TypedDictSchema::new(
    "ScanTypeDef",
    &[
        field("status", &STATUS),
        field("statuses", &STATUSES),
        field("counts", &COUNTS),
        field("tagStatus", &TAG_STATUS),
    ],
);

fn kinds(errors: &[typed_dict::ValidationError]) -> Vec<(ErrorKind, &str)> {
    errors.iter().map(|e| (e.kind, e.path.as_str())).collect()
}

const PAYLOAD: &str = r#"{"status": "ARCHIVED", "statuses": ["ACTIVE", "LIMIT_EXCEEDED"], "counts": {"FAILED": 1, "IMAGE_ARCHIVED": 2}}"#;

#[test]
fn wire_mode_keeps_unlisted_values_of_open_literals_as_warnings() {
    let report = validate_schema(PAYLOAD.as_bytes(), &SHAPE, DecodeOptions::wire());
    assert!(report.is_valid(), "{:?}", report.errors);
    assert_eq!(
        kinds(&report.warnings),
        [
            (ErrorKind::UnknownLiteral, "$.status"),
            (ErrorKind::UnknownLiteral, "$.statuses[1]"),
            (ErrorKind::UnknownLiteral, "$.counts.IMAGE_ARCHIVED"),
        ]
    );
    assert_eq!(
        report.warnings[0].message,
        "'ARCHIVED' is not a known ScanStatusType value, kept as sent (wire mode); known: 'ACTIVE' or 'FAILED'"
    );
    assert!(report.warnings[2]
        .message
        .starts_with("key 'IMAGE_ARCHIVED' is not a known"));
    assert_eq!(
        report.warnings[0].to_string().rsplit('[').next(),
        Some("unknown_literal]")
    );
}

#[test]
fn strict_mode_rejects_them_as_invalid_literals() {
    for options in [
        DecodeOptions::strict(),
        DecodeOptions::strict().deny_unknown(true),
    ] {
        let report = validate_schema(PAYLOAD.as_bytes(), &SHAPE, options);
        assert!(report.warnings.is_empty());
        assert_eq!(
            kinds(&report.errors),
            [
                (ErrorKind::InvalidLiteral, "$.status"),
                (ErrorKind::InvalidLiteral, "$.statuses[1]"),
                (ErrorKind::InvalidLiteral, "$.counts.IMAGE_ARCHIVED"),
            ]
        );
        assert_eq!(
            report.errors[0].message,
            "'ARCHIVED' is not a valid ScanStatusType; expected 'ACTIVE' or 'FAILED'"
        );
    }
}

#[test]
fn closed_literals_stay_errors_in_wire_mode() {
    let report = validate_schema(
        br#"{"tagStatus": "ANY", "status": "ACTIVE"}"#,
        &SHAPE,
        DecodeOptions::wire(),
    );
    assert_eq!(
        kinds(&report.errors),
        [(ErrorKind::InvalidLiteral, "$.tagStatus")]
    );
    assert!(report.warnings.is_empty());
}

#[test]
fn unknown_values_of_open_literals_still_must_be_strings() {
    let report = validate_schema(
        br#"{"status": 1, "statuses": [null]}"#,
        &SHAPE,
        DecodeOptions::wire(),
    );
    assert_eq!(
        kinds(&report.errors),
        [
            (ErrorKind::WrongType, "$.status"),
            (ErrorKind::NullNotAllowed, "$.statuses[0]")
        ]
    );
}

#[test]
fn the_wire_json_schema_accepts_any_string_for_an_open_literal() {
    let wire = json_schema::for_type_def(&SHAPE, Mode::Wire);
    let strict = json_schema::for_type_def(&SHAPE, Mode::Strict);
    assert_eq!(wire["$defs"]["ScanStatusType"]["type"], "string");
    assert!(wire["$defs"]["ScanStatusType"].get("enum").is_none());
    assert_eq!(
        wire["$defs"]["ScanStatusType"]["examples"],
        serde_json::json!(["ACTIVE", "FAILED"])
    );
    assert_eq!(
        wire["$defs"]["TagStatusType"]["enum"],
        serde_json::json!(["TAGGED", "UNTAGGED"])
    );
    assert_eq!(
        strict["$defs"]["ScanStatusType"]["enum"],
        serde_json::json!(["ACTIVE", "FAILED"])
    );
    let payload: serde_json::Value = serde_json::from_str(PAYLOAD).unwrap();
    assert!(jsonschema::validator_for(&wire).unwrap().is_valid(&payload));
    assert!(!jsonschema::validator_for(&strict)
        .unwrap()
        .is_valid(&payload));
}
