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
