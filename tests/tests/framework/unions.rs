//! Named unions (`#[typed_dict]` on an enum of one-field tuple variants) and named aliases
//! (`#[typed_dict]` on a one-field tuple struct): encoding writes the member held;
//! decoding and validation take the first member that accepts the value, in order; errors
//! keep their JSON paths; the schema names the type where a key uses it and renders the
//! definition on request; JSON Schema says `anyOf` (union) or the target (alias).

use typed_dict::schema::PythonStyle;
use typed_dict::{
    typed_dict, Blob, DecodeOptions, ErrorKind, List, Mode, Sequence, TypedDict, TypedValue,
    ValueType,
};

use crate::errors_of;

/// An input shape with its output variant, as upstream pairs them.
#[typed_dict(output = RuleOutput)]
pub struct Rule {
    pub scan_frequency: String,
    pub filters: Sequence<String>,
}

/// Either variant: what a request takes.
#[typed_dict]
pub enum RuleUnion {
    Input(Rule),
    Output(RuleOutput),
}

/// A union of two scalar types.
#[typed_dict]
pub enum StrOrInt {
    Str(String),
    Int(i64),
}

/// A named alias of the blob type.
#[typed_dict]
pub struct Payload(pub Blob);

/// A request taking unions and an alias wherever a key may stand.
#[typed_dict]
pub struct PutRules {
    pub scan_type: String,
    pub rules: Option<Sequence<RuleUnion>>,
    pub first: Option<RuleUnion>,
    pub label: Option<StrOrInt>,
    pub labels: Option<List<StrOrInt>>,
    pub payload: Option<Payload>,
}

/// A response with the output variant, as a service returns it.
#[typed_dict]
pub struct GetRules {
    pub rules: List<RuleOutput>,
}

fn put(json: &str, options: DecodeOptions) -> PutRules {
    typed_dict::decode(json.as_bytes(), options).unwrap()
}

#[test]
fn a_union_encodes_the_member_it_holds() {
    let input = Rule::new(RuleRequired {
        scan_frequency: "SCAN_ON_PUSH".into(),
        filters: ["web"].into(),
    });
    let request = PutRules::new(PutRulesRequired {
        scan_type: "BASIC".into(),
    })
    .with_first(input.clone())
    .with_label(7)
    .with_labels(vec![StrOrInt::from("a".to_owned()), 2.into()])
    .with_payload(Blob::from(b"hi".to_vec()));
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        r#"{"scanType":"BASIC","first":{"scanFrequency":"SCAN_ON_PUSH","filters":["web"]},"label":7,"labels":["a",2],"payload":"aGk="}"#
    );
    assert_eq!(request.first, Some(RuleUnion::Input(input)));
    assert_eq!(
        request.payload.as_deref(),
        Some(&Blob::from(b"hi".to_vec()))
    );
}

#[test]
fn decoding_takes_the_first_member_that_accepts_the_value() {
    let json = r#"{"scanType":"BASIC","first":{"scanFrequency":"MANUAL","filters":[]},"label":"x","labels":[1,"2"]}"#;
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        let decoded = put(json, options);
        // Both rule variants accept the object: the first one listed wins.
        assert!(matches!(decoded.first, Some(RuleUnion::Input(_))));
        assert_eq!(decoded.label, Some(StrOrInt::Str("x".into())));
        assert_eq!(
            decoded.labels,
            Some(vec![StrOrInt::Int(1), StrOrInt::Str("2".into())])
        );
        // And it is written back exactly.
        assert_eq!(typed_dict::to_string(&decoded).unwrap(), json);
    }
}

#[test]
fn values_of_different_members_differ() {
    assert_ne!(StrOrInt::Str("1".into()), StrOrInt::Int(1));
    assert_eq!(StrOrInt::Int(1), StrOrInt::from(1));
    assert_eq!(format!("{:?}", StrOrInt::Int(1)), "Int(1)");
    assert_eq!(
        format!("{:?}", Payload(Blob::from(vec![1]))),
        format!("Payload({:?})", Blob::from(vec![1]))
    );
}

#[test]
fn a_response_passes_into_a_request_through_setters_and_sequences() {
    let response: GetRules = typed_dict::from_str(
        r#"{"rules": [{"scanFrequency": "CONTINUOUS_SCAN", "filters": ["a", "b"]}]}"#,
    )
    .unwrap();
    let first = response.rules[0].clone();
    // `List<RuleOutput>` into `Sequence<RuleUnion>`, and one `RuleOutput` into `RuleUnion`:
    // no field is copied by hand.
    let request = PutRules::new(PutRulesRequired {
        scan_type: "ENHANCED".into(),
    })
    .with_rules(response.rules)
    .with_first(first);
    let rules = request.rules.as_ref().unwrap();
    assert!(matches!(&rules[0], RuleUnion::Output(rule) if rule.filters == ["a", "b"]));
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        r#"{"scanType":"ENHANCED","rules":[{"scanFrequency":"CONTINUOUS_SCAN","filters":["a","b"]}],"first":{"scanFrequency":"CONTINUOUS_SCAN","filters":["a","b"]}}"#
    );
}

#[test]
fn a_json_type_no_member_takes_is_one_wrong_type_naming_the_union() {
    let json = r#"{"scanType":"BASIC","label":true,"labels":[1,null,1.5],"first":"rule"}"#;
    let error = typed_dict::from_str::<PutRules>(json).unwrap_err();
    let found: Vec<(ErrorKind, &str, &str)> = error
        .errors()
        .iter()
        .map(|e| (e.kind, e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                ErrorKind::WrongType,
                "$.label",
                "expected StrOrInt (Union[str, int]), got bool"
            ),
            (
                ErrorKind::NullNotAllowed,
                "$.labels[1]",
                "null is not allowed, expected StrOrInt (Union[str, int])"
            ),
            (
                ErrorKind::WrongType,
                "$.labels[2]",
                "expected StrOrInt (Union[str, int]), got float"
            ),
            (
                ErrorKind::WrongType,
                "$.first",
                "expected RuleUnion (Union[Rule, RuleOutput]), got str"
            ),
        ]
    );
}

#[test]
fn otherwise_the_closest_member_explains_with_paths_inside_the_value() {
    // Both rule variants miss `filters` and find a wrong `scanFrequency`: the first
    // member's errors are reported (a tie), at paths inside the union's value.
    let json = r#"{"scanType":"BASIC","rules":[{"scanFrequency":"MANUAL","filters":[]},{"scanFrequency":3}]}"#;
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        assert_eq!(
            errors_of::<PutRules>(json, options),
            [
                (ErrorKind::WrongType, "$.rules[1].scanFrequency".to_owned()),
                (ErrorKind::MissingKey, "$.rules[1].filters".to_owned()),
            ]
        );
    }
    let report =
        typed_dict::validate_schema(json.as_bytes(), PutRules::schema(), DecodeOptions::strict());
    assert_eq!(report.errors[0].message, "expected str, got int");
}

#[test]
fn strict_and_wire_mode_hold_inside_a_member() {
    // `null` for a NotRequired key of the member: absent in wire mode, an error in strict.
    #[typed_dict]
    pub struct Optional {
        pub name: String,
        pub note: Option<String>,
    }
    #[typed_dict]
    pub enum NameOrNumber {
        Named(Optional),
        Number(i64),
    }
    #[typed_dict]
    pub struct Holder {
        pub value: NameOrNumber,
    }
    let json = r#"{"value":{"name":"a","note":null,"extra":1}}"#;
    let wire: Holder = typed_dict::decode(json.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(matches!(&wire.value, NameOrNumber::Named(named) if named.note.is_none()));
    let report =
        typed_dict::validate_schema(json.as_bytes(), Holder::schema(), DecodeOptions::wire());
    assert!(report.is_valid());
    // The member's unknown key is still a warning, at its path.
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].path, "$.value.extra");
    assert_eq!(
        errors_of::<Holder>(json, DecodeOptions::strict()),
        [(ErrorKind::NullNotAllowed, "$.value.note".to_owned())]
    );
}

#[test]
fn an_alias_has_its_targets_wire_format_and_errors() {
    let decoded = put(
        r#"{"scanType":"BASIC","payload":"aGk="}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(decoded.payload.unwrap().0, Blob::from(b"hi".to_vec()));
    let json = r#"{"scanType":"BASIC","payload":"not base64!"}"#;
    assert_eq!(
        errors_of::<PutRules>(json, DecodeOptions::strict()),
        [(ErrorKind::InvalidBase64, "$.payload".to_owned())]
    );
    let report = typed_dict::validate_schema(
        br#"{"scanType":"BASIC","payload":1}"#,
        PutRules::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(
        report.errors[0].message,
        "expected bytes (base64 string), got int"
    );
}

#[test]
fn a_key_names_the_union_or_alias_and_the_definition_renders_in_the_callers_style() {
    let fields = PutRules::schema().fields;
    let rendered: Vec<String> = fields
        .iter()
        .map(|f| f.value.python().to_string())
        .collect();
    assert_eq!(
        rendered,
        [
            "str",
            "Sequence[RuleUnion]",
            "RuleUnion",
            "StrOrInt",
            "list[StrOrInt]",
            "Payload"
        ]
    );
    let union = <RuleUnion as TypedValue>::TYPE;
    let ValueType::Union(schema) = union else {
        panic!("a union: {union:?}");
    };
    assert_eq!(schema.name, "RuleUnion");
    assert_eq!(schema.members.len(), 2);
    assert_eq!(
        union
            .python_definition_with(&PythonStyle::TYPING)
            .to_string(),
        "Union[Rule, RuleOutput]"
    );
    assert_eq!(union.name(), Some("RuleUnion"));

    #[typed_dict]
    pub enum Lists {
        Strings(List<String>),
        Numbers(Sequence<i64>),
    }
    let lists = <Lists as TypedValue>::TYPE;
    assert_eq!(
        lists
            .python_definition_with(&PythonStyle::TYPING)
            .to_string(),
        "Union[List[str], Sequence[int]]"
    );
    assert_eq!(
        lists
            .python_definition_with(&PythonStyle::BUILTINS)
            .to_string(),
        "Union[list[str], Sequence[int]]"
    );

    let alias = <Payload as TypedValue>::TYPE;
    let ValueType::Alias(schema) = alias else {
        panic!("an alias: {alias:?}");
    };
    assert_eq!(schema.name, "Payload");
    assert_eq!(alias.python().to_string(), "Payload");
    const STREAMS: PythonStyle =
        PythonStyle::BUILTINS.with_blob("Union[str, bytes, IO[Any], StreamingBody]");
    assert_eq!(
        alias.python_definition_with(&STREAMS).to_string(),
        "Union[str, bytes, IO[Any], StreamingBody]"
    );
    assert!(matches!(alias.resolved(), ValueType::Blob));
    // Anything else renders its annotation either way.
    assert_eq!(
        ValueType::Int.python_definition_with(&STREAMS).to_string(),
        "int"
    );
}

#[test]
fn json_schema_says_any_of_for_a_union_and_the_target_for_an_alias() {
    let document = typed_dict::json_schema::for_type_def(PutRules::schema(), Mode::Strict);
    let properties = &document["$defs"]["PutRules"]["properties"];
    assert_eq!(
        properties["label"],
        serde_json::json!({ "anyOf": [
            { "type": "string" },
            { "type": "integer", "minimum": i64::MIN, "maximum": i64::MAX },
        ]})
    );
    assert_eq!(
        properties["first"],
        serde_json::json!({ "anyOf": [
            { "$ref": "#/$defs/Rule" },
            { "$ref": "#/$defs/RuleOutput" },
        ]})
    );
    assert_eq!(properties["payload"]["contentEncoding"], "base64");
    assert!(document["$defs"]["RuleOutput"].is_object());
}

#[test]
fn serde_callers_outside_decode_see_the_union_named() {
    // The fast path's own words, as serde callers outside `decode` see them.
    let error = serde_json::from_str::<StrOrInt>("true").unwrap_err();
    assert_eq!(
        error.to_string(),
        "the value is none of the members of StrOrInt (Union[str, int])"
    );
    let value: StrOrInt = serde_json::from_str("\"x\"").unwrap();
    assert_eq!(value, StrOrInt::Str("x".into()));
    let payload: Payload = serde_json::from_str("\"aGk=\"").unwrap();
    assert_eq!(serde_json::to_string(&payload).unwrap(), "\"aGk=\"");
}

/// A union or alias serializes as the stub's `X = ...` line: its name and definition.
#[test]
fn unions_and_aliases_serialize_as_their_definitions() {
    let union = <RuleUnion as TypedValue>::TYPE;
    let ValueType::Union(schema) = union else {
        panic!("a union: {union:?}");
    };
    let expected = serde_json::json!({"name": "RuleUnion", "type": "Union[Rule, RuleOutput]"});
    assert_eq!(serde_json::to_value(schema).unwrap(), expected);
    assert_eq!(serde_json::to_value(union).unwrap(), expected);

    const STREAMS: PythonStyle = PythonStyle::TYPING.with_blob("Union[bytes, IO[bytes]]");
    let alias = <Payload as TypedValue>::TYPE;
    assert_eq!(
        serde_json::to_value(alias).unwrap(),
        serde_json::json!({"name": "Payload", "type": "bytes"})
    );
    assert_eq!(
        serde_json::to_string(&alias.describe(&STREAMS)).unwrap(),
        r#"{"name":"Payload","type":"Union[bytes, IO[bytes]]"}"#
    );
}
