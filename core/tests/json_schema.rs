//! The exported JSON Schema says what `validate` accepts for timestamps: checked here
//! with a standard validator, formats asserted.

use typed_dict::json_schema;
use typed_dict::{typed_dict, validate_schema, DecodeOptions, Mode, Timestamp, TypedDict};

#[typed_dict]
pub struct EventTypeDef {
    pub at: Timestamp,
}

fn schema_accepts(text: &str) -> bool {
    let schema = json_schema::for_type_def(EventTypeDef::schema(), Mode::Strict);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    validator.is_valid(&serde_json::json!({ "at": text }))
}

fn validate_accepts(text: &str) -> bool {
    let json = serde_json::to_vec(&serde_json::json!({ "at": text })).unwrap();
    validate_schema(&json, EventTypeDef::schema(), DecodeOptions::strict()).is_valid()
}

#[test]
fn schema_and_validate_agree_on_timestamp_strings() {
    for text in [
        "2019-08-06T21:51:15Z",
        "2019-08-06 21:51:15+00:00",
        "2026-11-30 22:43:11.431000+00:00",
        "2019-08-06t21:51:15.1234567z",
        "2019-08-06T21:51:15.123456789-05:30",
    ] {
        assert!(validate_accepts(text), "validate refuses {text}");
        assert!(schema_accepts(text), "the schema refuses {text}");
    }
    for text in [
        "2019-08-06x21:51:15Z",
        "2019-08-06T21:51:15",
        "2019-08-06",
        "yesterday",
        "2019-08-06T21:51:15.Z",
        "2019-08-06T21:51:15+0000",
    ] {
        assert!(!validate_accepts(text), "validate accepts {text}");
        assert!(!schema_accepts(text), "the schema accepts {text}");
    }
    // Only what a pattern cannot say is left to `validate`: the instant, offset applied,
    // outside years 1 to 9999.
    for text in ["0001-01-01T00:00:00+01:00", "9999-12-31 23:59:59-01:00"] {
        assert!(schema_accepts(text) && !validate_accepts(text), "{text}");
    }
    let schema = json_schema::for_type_def(EventTypeDef::schema(), Mode::Wire);
    let text = schema.to_string();
    assert!(
        !text.contains("date-time\""),
        "no `format: date-time` left: {text}"
    );
    assert!(text.contains(&serde_json::to_string(json_schema::RFC3339_PATTERN).unwrap()));
}

/// Fields that do not exist (month 13, day 32, hour 24, second 60, year 0, ...), in both
/// the `T` and the space form: the schema refuses each, as `validate` does (a standard
/// validator once accepted 375 of ~20,000 generated cases that `validate` refused).
#[test]
fn schema_refuses_impossible_fields_as_validate_does() {
    let impossible = [
        "2019-13-06T21:51:15Z",
        "2019-00-06T21:51:15Z",
        "2019-08-32T21:51:15Z",
        "2019-08-00T21:51:15Z",
        "2019-04-31T21:51:15Z",
        "2019-02-30T00:00:00Z",
        "2019-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2019-08-06T24:00:00Z",
        "2019-08-06T21:60:15Z",
        "2019-08-06T21:51:60Z",
        "0000-08-06T21:51:15Z",
        "2019-08-06T21:51:15+24:00",
        "2019-08-06T21:51:15+05:60",
    ];
    for text in impossible {
        let spaced = text.replacen('T', " ", 1);
        for text in [text, spaced.as_str()] {
            assert!(!validate_accepts(text), "validate accepts {text}");
            assert!(!schema_accepts(text), "the schema accepts {text}");
        }
    }
    let possible = [
        "2020-02-29T00:00:00Z",
        "2000-02-29 00:00:00+00:00",
        "0004-02-29T12:00:00Z",
        "2019-12-31T23:59:59.999999Z",
        "2019-04-30 00:00:00-23:59",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2019-01-31T00:00:00Z",
    ];
    for text in possible {
        assert!(validate_accepts(text), "validate refuses {text}");
        assert!(schema_accepts(text), "the schema refuses {text}");
    }
}

#[test]
fn boto3_output_saved_with_default_str_validates_in_wire_mode() {
    // `json.dumps(response, default=str)` writes datetimes as `str(datetime)`.
    let json = br#"{"at": "2026-11-30 22:43:11.431000+00:00"}"#;
    let event: EventTypeDef = typed_dict::decode(json, DecodeOptions::wire()).unwrap();
    assert_eq!(event.at.to_string(), "2026-11-30T22:43:11.431000Z");
    assert!(validate_schema(json, EventTypeDef::schema(), DecodeOptions::wire()).is_valid());
}

#[typed_dict]
pub struct ConstrainedTypeDef {
    #[typed_dict(min_length = 2, max_length = 5, pattern = "[a-z]+(?:-[a-z]+)*")]
    pub name: String,
    #[typed_dict(ge = 1, le = 100)]
    pub count: Option<u8>,
    #[typed_dict(ge = -0.5, le = 0.5)]
    pub ratio: Option<f64>,
    #[typed_dict(min_length = 1, max_length = 2)]
    pub tags: Option<typed_dict::Sequence<String>>,
    #[typed_dict(max_length = 1)]
    pub labels: Option<typed_dict::Dict<String, String>>,
    #[typed_dict(min_length = 1, max_length = 3)]
    pub digest: Option<typed_dict::Blob>,
    /// A blob through a named alias (the latest ECR module's `BlobTypeDef`).
    #[typed_dict(min_length = 1, max_length = 3)]
    pub part: Option<PartBlob>,
}

/// A named alias of a blob.
#[typed_dict]
pub struct PartBlob(pub typed_dict::Blob);

/// The constraints as JSON Schema keywords, and a standard validator agreeing with
/// `validate` (constraints on) on payloads inside and outside each bound.
#[test]
fn constraints_become_json_schema_keywords() {
    use serde_json::json;
    for mode in [Mode::Strict, Mode::Wire] {
        let schema = json_schema::for_type_def(ConstrainedTypeDef::schema(), mode);
        let properties = &schema["$defs"]["ConstrainedTypeDef"]["properties"];
        let at = |key: &str| match mode {
            Mode::Wire => properties[key]["else"].clone(),
            _ => properties[key].clone(),
        };
        let name = at("name");
        assert_eq!(
            (&name["minLength"], &name["maxLength"]),
            (&json!(2), &json!(5))
        );
        assert_eq!(name["pattern"], "^(?:[a-z]+(?:-[a-z]+)*)$");
        // The constraint is tighter than u8's own range.
        let count = at("count");
        assert_eq!(
            (&count["minimum"], &count["maximum"]),
            (&json!(1), &json!(100))
        );
        let ratio = at("ratio");
        assert_eq!(
            (&ratio["minimum"], &ratio["maximum"]),
            (&json!(-0.5), &json!(0.5))
        );
        let tags = at("tags");
        assert_eq!(
            (&tags["minItems"], &tags["maxItems"]),
            (&json!(1), &json!(2))
        );
        assert_eq!(at("labels")["maxProperties"], json!(1));
        // A blob's bounds, through an alias or not, are those of the base64 text.
        for key in ["digest", "part"] {
            let blob = at(key);
            assert_eq!(
                (&blob["minLength"], &blob["maxLength"]),
                (&json!(4), &json!(4)),
                "{key}: {blob}"
            );
        }
    }
    let schema = json_schema::for_type_def(ConstrainedTypeDef::schema(), Mode::Strict);
    let validator = jsonschema::validator_for(&schema).unwrap();
    let checked = DecodeOptions::strict().constraints(true);
    let payloads = [
        (json!({"name": "ab"}), true),
        (json!({"name": "web-app", "count": 1}), false),
        (json!({"name": "a"}), false),
        (json!({"name": "Web"}), false),
        (json!({"name": "ab-"}), false),
        (json!({"name": "ab", "count": 100, "ratio": -0.5}), true),
        (json!({"name": "ab", "count": 0}), false),
        (json!({"name": "ab", "count": 101}), false),
        (json!({"name": "ab", "ratio": 0.75}), false),
        (
            json!({"name": "ab", "tags": ["x"], "labels": {"k": "v"}}),
            true,
        ),
        (json!({"name": "ab", "tags": []}), false),
        (json!({"name": "ab", "tags": ["x", "y", "z"]}), false),
        (json!({"name": "ab", "labels": {"a": "1", "b": "2"}}), false),
        (json!({"name": "ab", "digest": "AAEC"}), true),
        (json!({"name": "ab", "digest": "AAECAw=="}), false),
        (json!({"name": "ab", "part": "AAEC"}), true),
        (json!({"name": "ab", "part": "AAECAw=="}), false),
    ];
    for (payload, valid) in payloads {
        let bytes = serde_json::to_vec(&payload).unwrap();
        let report = validate_schema(&bytes, ConstrainedTypeDef::schema(), checked);
        assert_eq!(report.is_valid(), valid, "validate on {payload}: {report}");
        assert_eq!(
            validator.is_valid(&payload),
            valid,
            "the schema on {payload}"
        );
    }
}

#[typed_dict]
pub struct ItemsTypeDef {
    #[typed_dict(
        max_length = 3,
        items(min_length = 1, max_length = 4, pattern = "[a-z]+")
    )]
    pub tags: Option<typed_dict::Sequence<String>>,
    #[typed_dict(keys(max_length = 2, pattern = "[a-z]+"), values(ge = 1))]
    pub labels: Option<typed_dict::Dict<String, i64>>,
    #[typed_dict(keys(ge = 2, le = 12))]
    pub by_number: Option<typed_dict::Dict<u8, String>>,
    #[typed_dict(items(min_length = 1, max_length = 3))]
    pub parts: Option<typed_dict::Nullable<typed_dict::Sequence<PartBlob>>>,
    /// No `u8` is 300 or more: no key can be.
    #[typed_dict(keys(ge = 300))]
    pub beyond: Option<typed_dict::Dict<u8, String>>,
}

/// Items', keys' and values' constraints become keywords of the item (`items`), key
/// (`propertyNames`) and value (`additionalProperties`) schemas, and a standard validator
/// agrees with `validate` (constraints on).
#[test]
fn item_constraints_become_json_schema_keywords() {
    use serde_json::json;
    let schema = json_schema::for_type_def(ItemsTypeDef::schema(), Mode::Strict);
    let properties = &schema["$defs"]["ItemsTypeDef"]["properties"];
    let tags = &properties["tags"];
    assert_eq!(tags["maxItems"], json!(3));
    assert_eq!(
        tags["items"],
        json!({"type": "string", "minLength": 1, "maxLength": 4, "pattern": "^(?:[a-z]+)$"})
    );
    let labels = &properties["labels"];
    assert_eq!(
        labels["propertyNames"],
        json!({"type": "string", "maxLength": 2, "pattern": "^(?:[a-z]+)$"})
    );
    assert_eq!(labels["additionalProperties"]["minimum"], json!(1));
    // An integer key's bounds narrow the pattern of its numerals.
    assert_eq!(
        properties["byNumber"]["propertyNames"],
        json!({"type": "string", "pattern": "^(?:(?:[2-9]|1(?:[0-2])))$"})
    );
    // Inside a nullable value, and a blob alias's bytes as base64 characters.
    assert_eq!(properties["beyond"]["propertyNames"], json!(false));
    let parts = &properties["parts"]["anyOf"][0]["items"];
    assert_eq!(
        (&parts["minLength"], &parts["maxLength"]),
        (&json!(4), &json!(4))
    );

    let validator = jsonschema::validator_for(&schema).unwrap();
    let checked = DecodeOptions::strict().constraints(true);
    let payloads = [
        (
            json!({"tags": ["ab"], "labels": {"ab": 1}, "byNumber": {"2": "x", "12": "y"}}),
            true,
        ),
        (json!({"tags": ["ab", "", "c", "d"]}), false),
        (json!({"tags": ["abcde"]}), false),
        (json!({"tags": ["A"]}), false),
        (json!({"labels": {"abc": 1}}), false),
        (json!({"labels": {"A": 1}}), false),
        (json!({"labels": {"a": 0}}), false),
        (json!({"byNumber": {"1": "x"}}), false),
        (json!({"byNumber": {"13": "x"}}), false),
        (json!({"parts": ["AAE=", null]}), false),
        (json!({"parts": ["AAE="]}), true),
        (json!({"parts": null}), true),
        (json!({"parts": ["AAECAw=="]}), false),
        (json!({"beyond": {}}), true),
        (json!({"beyond": {"255": "x"}}), false),
    ];
    for (payload, valid) in payloads {
        let bytes = serde_json::to_vec(&payload).unwrap();
        let report = validate_schema(&bytes, ItemsTypeDef::schema(), checked);
        assert_eq!(report.is_valid(), valid, "validate on {payload}: {report}");
        assert_eq!(
            validator.is_valid(&payload),
            valid,
            "the schema on {payload}"
        );
    }
}
