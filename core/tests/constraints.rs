//! Field constraints at the edges: a hand-built pattern that does not compile, recursive
//! and union shapes reaching constrained keys, long values quoted short, and the serde
//! calls that do not check constraints.

use serde::de::DeserializeSeed;
use typed_dict::schema::{Constraints, Pattern};
use typed_dict::{
    typed_dict, DecodeOptions, DecodeSeed, ErrorKind, FieldSchema, List, TypedDictSchema, ValueType,
};

fn checked() -> DecodeOptions {
    DecodeOptions::strict().constraints(true)
}

#[test]
fn a_hand_built_pattern_that_does_not_compile_is_reported_never_a_panic() {
    static BROKEN: Pattern = Pattern::new("[a-");
    static NAME: Constraints = Constraints::new().pattern(&BROKEN);
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "Named",
        &[FieldSchema::new("name", "name", &ValueType::Str).with_constraints(&NAME)],
    );
    assert!(BROKEN.matches("a").is_err());
    let report = typed_dict::validate_schema(br#"{"name": "a"}"#, &SHAPE, checked());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].kind, ErrorKind::ConstraintViolation);
    assert!(
        report.errors[0]
            .message
            .starts_with("pattern [a- cannot be checked: "),
        "{}",
        report.errors[0].message
    );
    // Unchecked, nothing is compiled or reported.
    assert!(
        typed_dict::validate_schema(br#"{"name": "a"}"#, &SHAPE, DecodeOptions::strict())
            .is_valid()
    );
}

#[test]
fn a_pattern_matches_whole_strings_and_cannot_escape_its_anchors() {
    // Judged alone, `a)|(?:b` does not compile; wrapped as `^(?:a)|(?:b)$` it would, and
    // would match any string starting with `a`.
    static ESCAPING: Pattern = Pattern::new("a)|(?:b");
    assert!(ESCAPING.matches("abc").is_err());
    static WORDS: Pattern = Pattern::new(r"\w+|x");
    assert_eq!(WORDS.matches("ab_9"), Ok(true));
    assert_eq!(WORDS.matches("x"), Ok(true));
    assert_eq!(WORDS.matches("ab-9"), Ok(false));
    // `\w` is ASCII, as in Java and so in botocore's patterns: ECR refuses `é`.
    assert_eq!(WORDS.matches("café"), Ok(false));
    // Characters, not bytes: `.` is one character, however many bytes it takes.
    static ONE: Pattern = Pattern::new(".");
    assert_eq!(ONE.matches("é"), Ok(true));
}

/// Recursive: the search for constrained keys must stop.
#[typed_dict]
pub struct Node {
    #[typed_dict(max_length = 3)]
    pub name: String,
    pub children: Option<List<Node>>,
}

#[typed_dict]
pub struct Loop {
    pub next: Option<Box<Loop>>,
}

#[test]
fn recursive_shapes_are_checked_at_every_depth() {
    let json = br#"{"name": "a", "children": [{"name": "b", "children": [{"name": "long"}]}]}"#;
    let error = typed_dict::decode::<Node>(json, checked()).unwrap_err();
    assert_eq!(error.errors()[0].path, "$.children[0].children[0].name");
    assert!(typed_dict::decode::<Node>(json, DecodeOptions::strict()).is_ok());
    // A recursive shape without constraints decodes with the option on, as without.
    assert!(typed_dict::decode::<Loop>(br#"{"next": {"next": {}}}"#, checked()).is_ok());
}

#[typed_dict]
pub struct Short {
    #[typed_dict(max_length = 2)]
    pub code: String,
}

#[typed_dict]
pub enum ShortOrNumber {
    Short(Short),
    Number(i64),
}

#[typed_dict]
pub struct Holder {
    pub value: ShortOrNumber,
}

#[test]
fn a_union_member_reaches_its_constraints() {
    let json = br#"{"value": {"code": "abc"}}"#;
    let report = typed_dict::validate::<Holder>(json, checked());
    assert_eq!(report.errors[0].path, "$.value.code");
    let error = typed_dict::decode::<Holder>(json, checked()).unwrap_err();
    assert_eq!(error.errors(), report.errors.as_slice());
    assert!(typed_dict::decode::<Holder>(br#"{"value": 5}"#, checked()).is_ok());
}

#[test]
fn a_long_value_is_quoted_short_in_its_message() {
    #[typed_dict]
    pub struct Tag {
        #[typed_dict(pattern = "[a-z]*")]
        pub value: String,
    }
    let long = "A".repeat(400);
    let json = format!(r#"{{"value": "{long}"}}"#);
    let error = typed_dict::decode::<Tag>(json.as_bytes(), checked()).unwrap_err();
    assert_eq!(
        error.errors()[0].message,
        format!(
            "'{}...{}' (400 characters) does not match [a-z]*",
            "A".repeat(25),
            "A".repeat(24)
        )
    );
}

#[test]
fn serde_calls_do_not_check_constraints() {
    let json = r#"{"code": "abc"}"#;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let short = DecodeSeed::<Short>::new(checked())
        .deserialize(&mut deserializer)
        .unwrap();
    assert_eq!(short.code, "abc");
}

#[typed_dict]
pub struct Long {
    pub code: String,
}

/// The first member takes `{"code": "abc"}` but for its constraint.
#[typed_dict]
pub enum ShortOrLong {
    Short(Short),
    Long(Long),
}

#[test]
fn a_union_member_is_chosen_by_its_constraints_when_they_are_checked() {
    let json = br#"{"code": "abc"}"#;
    // The walk takes the second member: so must decoding, not return the first.
    assert!(typed_dict::validate::<ShortOrLong>(json, checked()).is_valid());
    let value = typed_dict::decode::<ShortOrLong>(json, checked()).unwrap();
    assert!(matches!(value, ShortOrLong::Long(_)), "{value:?}");
    // Unchecked, the first member takes it, as ever.
    let value = typed_dict::decode::<ShortOrLong>(json, DecodeOptions::strict()).unwrap();
    assert!(matches!(value, ShortOrLong::Short(_)), "{value:?}");
    // In a list, each item chooses on its own.
    let list = br#"[{"code": "ab"}, {"code": "abc"}]"#;
    let values = typed_dict::decode::<List<ShortOrLong>>(list, checked()).unwrap();
    assert!(
        matches!(values[0], ShortOrLong::Short(_)) && matches!(values[1], ShortOrLong::Long(_))
    );
}

/// A named alias of a blob, as the latest ECR module declares `BlobTypeDef`.
#[typed_dict]
pub struct Payload(pub typed_dict::Blob);

#[typed_dict]
pub struct Upload {
    #[typed_dict(min_length = 2, max_length = 4)]
    pub part: Payload,
    #[typed_dict(max_length = 4)]
    pub parts: Option<List<Payload>>,
}

#[test]
fn a_blob_alias_is_bounded_in_decoded_bytes() {
    // 4 bytes are 8 base64 characters: within the bound as a blob, not as a string.
    let four = br#"{"part": "AAECAw=="}"#;
    assert!(typed_dict::validate::<Upload>(four, checked()).is_valid());
    assert!(typed_dict::decode::<Upload>(four, checked()).is_ok());
    let five = br#"{"part": "AAECAwQ="}"#;
    let report = typed_dict::validate::<Upload>(five, checked());
    let messages: Vec<&str> = report.errors.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages, ["blob of 5 bytes is longer than 4"]);
    let error = typed_dict::decode::<Upload>(five, checked()).unwrap_err();
    assert_eq!(error.errors(), report.errors.as_slice());
}

#[typed_dict]
pub struct Tagged {
    #[typed_dict(
        max_length = 3,
        items(min_length = 1, max_length = 4, pattern = "[a-z0-9.-]+")
    )]
    pub image_tags: typed_dict::Sequence<String>,
    #[typed_dict(keys(max_length = 3, pattern = "[a-z]+"), values(max_length = 2))]
    pub labels: Option<typed_dict::Dict<String, String>>,
    #[typed_dict(keys(le = 9), values(ge = 0))]
    pub counts: Option<std::collections::BTreeMap<u8, i64>>,
    #[typed_dict(items(max_length = 1, items(pattern = "[a-z]")))]
    pub grid: Option<List<List<String>>>,
    #[typed_dict(items(max_length = 2))]
    pub parts: Option<typed_dict::Sequence<Payload>>,
}

/// Every violation of items, keys and values at once, each at its own path, by `decode`,
/// `validate` and `validate_value` alike; none without `constraints(true)`.
#[test]
fn items_keys_and_values_are_checked_at_their_paths() {
    use typed_dict::TypedValue;
    let json = br#"{
        "imageTags": ["v1", "", "Latest", "ok"],
        "labels": {"team": "ab", "x": "abc", "ok": "a"},
        "counts": {"10": 1, "3": -1},
        "grid": [["a", "b"], ["C"]],
        "parts": ["AAE=", "AAEC"]
    }"#;
    let report = typed_dict::validate::<Tagged>(json, checked());
    let found: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("$.imageTags", "list of 4 items is longer than 3"),
            ("$.imageTags[1]", "string of 0 characters is shorter than 1"),
            ("$.imageTags[1]", "'' does not match [a-z0-9.-]+"),
            ("$.imageTags[2]", "string of 6 characters is longer than 4"),
            ("$.imageTags[2]", "'Latest' does not match [a-z0-9.-]+"),
            ("$.labels.team", "key of 4 characters is longer than 3"),
            ("$.labels.x", "string of 3 characters is longer than 2"),
            ("$.counts['10']", "10 is greater than 9"),
            ("$.counts['3']", "-1 is less than 0"),
            ("$.grid[0]", "list of 2 items is longer than 1"),
            ("$.grid[1][0]", "'C' does not match [a-z]"),
            ("$.parts[1]", "blob of 3 bytes is longer than 2"),
        ]
    );
    assert!(report
        .errors
        .iter()
        .all(|e| e.kind == ErrorKind::ConstraintViolation));
    let error = typed_dict::decode::<Tagged>(json, checked()).unwrap_err();
    assert_eq!(error.errors(), report.errors.as_slice());
    let by_value = typed_dict::validate_value(json, &Tagged::TYPE, checked());
    assert_eq!(by_value.errors, report.errors);
    // Not asked: the stub's contract only.
    assert!(typed_dict::decode::<Tagged>(json, DecodeOptions::strict()).is_ok());
    assert!(typed_dict::validate::<Tagged>(json, DecodeOptions::wire()).is_valid());
}

#[test]
fn a_key_that_is_not_of_its_pattern_is_quoted_as_a_key() {
    let json = br#"{"imageTags": [], "labels": {"AB": "a"}}"#;
    let report = typed_dict::validate::<Tagged>(json, checked());
    let found: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(found, [("$.labels.AB", "key 'AB' does not match [a-z]+")]);
}

#[test]
fn items_of_a_value_with_other_problems_are_not_measured() {
    // The wrong type is reported; the empty tag next to it is not measured.
    let json = br#"{"imageTags": ["", 5]}"#;
    let report = typed_dict::validate::<Tagged>(json, checked());
    let found: Vec<(&str, ErrorKind)> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.kind))
        .collect();
    assert_eq!(found, [("$.imageTags[1]", ErrorKind::WrongType)]);
}

#[test]
fn an_escaped_key_is_measured_as_the_text_it_stands_for() {
    // `\u0031\u0030` is the key `10`, and `t\u00e9am` the four characters of `téam`.
    let json = br#"{"imageTags": [], "counts": {"\u0031\u0030": 1}, "labels": {"t\u00e9am": "a"}}"#;
    let report = typed_dict::validate::<Tagged>(json, checked());
    let found: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("$.counts['10']", "10 is greater than 9"),
            ("$.labels['téam']", "key of 4 characters is longer than 3"),
            ("$.labels['téam']", "key 'téam' does not match [a-z]+"),
        ]
    );
}
