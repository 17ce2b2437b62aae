//! The bad-input catalogue: every row names an input, a shape and a mode, and the exact
//! errors it must get (kind and JSON path, in order; line and column for malformed JSON)
//! and the unknown-key warnings `validate` must give. Each row also goes through the
//! oracle (decode agrees with validate, no panic).

use typed_dict::{validate_schema, DecodeOptions, ErrorKind};
use typed_dict_reliability::codecs::{codec, Codec};
use typed_dict_reliability::oracle;

use ErrorKind::{
    DuplicateKey, IntegerOutOfRange, InvalidBase64, InvalidLiteral, InvalidTimestamp, MissingKey,
    NullNotAllowed, NumberOutOfRange, UnknownKey, WrongType,
};

const fn malformed(line: usize, column: usize) -> ErrorKind {
    ErrorKind::malformed_json(line, column)
}

const STRICT: DecodeOptions = DecodeOptions::strict();
const WIRE: DecodeOptions = DecodeOptions::wire();
const DENY: DecodeOptions = DecodeOptions::strict().deny_unknown(true);

/// How a row's input is made.
enum Input {
    Text(&'static str),
    Bytes(&'static [u8]),
    Built(fn() -> Vec<u8>),
}

/// One row of the catalogue.
struct Case {
    name: &'static str,
    shape: Shape,
    options: DecodeOptions,
    input: Input,
    errors: Vec<(ErrorKind, &'static str)>,
    warnings: &'static [&'static str],
}

/// Which typed dict a row decodes as.
#[derive(Clone, Copy)]
enum Shape {
    Ecr(&'static str),
    Fixture(&'static Codec),
}

impl Shape {
    fn codec(self) -> &'static Codec {
        match self {
            Shape::Ecr(name) => codec(name).unwrap_or_else(|| panic!("no TypeDef {name}")),
            Shape::Fixture(codec) => codec,
        }
    }
}

static CLOSED: Codec = Codec::of::<typed_dict_tests::ClosedPointTypeDef>();
static EXTRAS: Codec = Codec::of::<typed_dict_tests::RepositoryWithExtrasTypeDef>();
static RESPONSE: Codec = Codec::of::<typed_dict_tests::DescribeImagesResponseTypeDef>();
static NUMBERS: Codec = Codec::of::<NumbersTypeDef>();

/// Ints where the ECR shapes have none: in a list.
#[typed_dict::typed_dict]
pub struct NumbersTypeDef {
    pub counts: Option<typed_dict::List<i64>>,
}

const CREATE: Shape = Shape::Ecr("CreateRepositoryRequestRequestTypeDef");
const UPLOAD: Shape = Shape::Ecr("UploadLayerPartRequestRequestTypeDef");
const IMAGE: Shape = Shape::Ecr("ImageDetailTypeDef");
const SUMMARY: Shape = Shape::Ecr("ImageScanFindingsSummaryTypeDef");
const REPLICATION: Shape = Shape::Ecr("PutReplicationConfigurationRequestRequestTypeDef");
const METADATA: Shape = Shape::Ecr("ResponseMetadataTypeDef");
const CVSS: Shape = Shape::Ecr("CvssScoreTypeDef");

/// `[` a hundred thousand times, as the value of `repositoryName`.
fn deep_in_value() -> Vec<u8> {
    let mut json = br#"{"repositoryName":"#.to_vec();
    json.extend(std::iter::repeat_n(b'[', 100_000));
    json.extend(std::iter::repeat_n(b']', 100_000));
    json.push(b'}');
    json
}

/// `{"a":` a hundred thousand times, as the value of an unknown key (skipped, not walked).
fn deep_in_unknown_key() -> Vec<u8> {
    let mut json = br#"{"repositoryName":"web","deep":"#.to_vec();
    for _ in 0..100_000 {
        json.extend_from_slice(br#"{"a":"#);
    }
    json.push(b'1');
    json.extend(std::iter::repeat_n(b'}', 100_001));
    json
}

/// A hundred thousand nested lists as an extra item, which is kept as a `Value`.
fn deep_in_extra_item() -> Vec<u8> {
    let mut json = br#"{"repositoryName":"web","deep":"#.to_vec();
    json.extend(std::iter::repeat_n(b'[', 100_000));
    json.extend(std::iter::repeat_n(b']', 100_000));
    json.push(b'}');
    json
}

/// A hundred thousand nested lists as the second image tag.
fn deep_in_list_item() -> Vec<u8> {
    let mut json = br#"{"imageTags":["latest","#.to_vec();
    json.extend(std::iter::repeat_n(b'[', 100_000));
    json.extend(std::iter::repeat_n(b']', 100_000));
    json.extend_from_slice(b"]}");
    json
}

/// A hundred thousand `[` and nothing else.
fn unclosed_top_level() -> Vec<u8> {
    vec![b'['; 100_000]
}

/// A top-level document a hundred thousand arrays deep.
fn deep_top_level() -> Vec<u8> {
    let mut json = vec![b'['; 100_000];
    json.extend(std::iter::repeat_n(b']', 100_000));
    json
}

/// A 310-digit integer where an int belongs, then a wrong type.
fn int_of_310_digits() -> Vec<u8> {
    format!(
        r#"{{"imageSizeInBytes": {}, "imageDigest": 1}}"#,
        "9".repeat(310)
    )
    .into_bytes()
}

/// A 310-digit integer where a timestamp belongs.
fn timestamp_of_310_digits() -> Vec<u8> {
    format!(r#"{{"imagePushedAt": -{}}}"#, "9".repeat(310)).into_bytes()
}

/// A 64 MiB string where an integer belongs.
fn huge_string_for_int() -> Vec<u8> {
    let mut json = br#"{"imageSizeInBytes":""#.to_vec();
    json.extend(std::iter::repeat_n(b'x', 64 << 20));
    json.extend_from_slice(br#""}"#);
    json
}

/// A 64 MiB string as an invalid literal, followed by a second error.
fn huge_string_for_literal() -> Vec<u8> {
    let mut json = br#"{"repositoryName":"web","imageTagMutability":""#.to_vec();
    json.extend(std::iter::repeat_n(b'm', 64 << 20));
    json.extend_from_slice(br#"","registryId":1}"#);
    json
}

/// An array of 200,000 image tags, the last one a number.
fn long_list_error_at_the_end() -> Vec<u8> {
    let mut json = br#"{"imageTags":["#.to_vec();
    for _ in 0..200_000 {
        json.extend_from_slice(br#""latest","#);
    }
    json.extend_from_slice(b"7]}");
    json
}

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        // Not JSON at all.
        Case { name: "empty input", shape: CREATE, options: STRICT, input: Input::Text(""), errors: vec![(malformed(1, 0), "$")], warnings: &[] },
        Case { name: "only whitespace", shape: CREATE, options: STRICT, input: Input::Text(" \n\t "), errors: vec![(malformed(1, 0), "$")], warnings: &[] },
        Case { name: "truncated object", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web""#), errors: vec![(malformed(1, 24), "$")], warnings: &[] },
        Case { name: "truncated inside a string", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "we"#), errors: vec![(malformed(1, 22), "$")], warnings: &[] },
        Case { name: "truncated after a colon, second line", shape: CREATE, options: WIRE, input: Input::Text("{\n  \"repositoryName\":"), errors: vec![(malformed(2, 19), "$")], warnings: &[] },
        Case { name: "trailing garbage", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web"} x"#), errors: vec![(malformed(1, 27), "$")], warnings: &[] },
        Case { name: "a second document", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web"} {}"#), errors: vec![(malformed(1, 27), "$")], warnings: &[] },
        Case { name: "trailing comma", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web",}"#), errors: vec![(malformed(1, 26), "$")], warnings: &[] },
        Case { name: "a byte order mark", shape: CREATE, options: STRICT, input: Input::Bytes(b"\xEF\xBB\xBF{\"repositoryName\": \"web\"}"), errors: vec![(malformed(1, 1), "$")], warnings: &[] },
        Case { name: "invalid UTF-8 in a declared string", shape: CREATE, options: STRICT, input: Input::Bytes(b"{\"repositoryName\": \"w\xFFb\"}"), errors: vec![(malformed(1, 22), "$")], warnings: &[] },
        Case { name: "invalid UTF-8 in a key", shape: CREATE, options: STRICT, input: Input::Bytes(b"{\"repository\xC3Name\": \"web\"}"), errors: vec![(malformed(1, 13), "$")], warnings: &[] },
        Case { name: "NaN", shape: CVSS, options: STRICT, input: Input::Text(r#"{"baseScore": NaN}"#), errors: vec![(malformed(1, 15), "$")], warnings: &[] },
        Case { name: "Infinity", shape: CVSS, options: STRICT, input: Input::Text(r#"{"baseScore": Infinity}"#), errors: vec![(malformed(1, 15), "$")], warnings: &[] },
        Case { name: "-Infinity", shape: CVSS, options: WIRE, input: Input::Text(r#"{"baseScore": -Infinity}"#), errors: vec![(malformed(1, 16), "$")], warnings: &[] },
        Case { name: "a float literal too large for f64", shape: CVSS, options: STRICT, input: Input::Text(r#"{"baseScore": 1e400}"#), errors: vec![(NumberOutOfRange, "$.baseScore")], warnings: &[] },
        Case { name: "single quotes", shape: CREATE, options: STRICT, input: Input::Text("{'repositoryName': 'web'}"), errors: vec![(malformed(1, 2), "$")], warnings: &[] },
        Case { name: "a comment", shape: CREATE, options: STRICT, input: Input::Text("{\"repositoryName\": \"web\" /* c */}"), errors: vec![(malformed(1, 26), "$")], warnings: &[] },
        Case { name: "a raw control character in a string", shape: CREATE, options: STRICT, input: Input::Text("{\"repositoryName\": \"w\u{1}b\"}"), errors: vec![(malformed(1, 22), "$")], warnings: &[] },
        // Deep nesting: where a value is built (extra items) the parser's limit of 128
        // levels makes it malformed; where it is only skipped (a wrong type, an unknown
        // key) it is skipped without recursion. Either way: no stack overflow.
        Case { name: "nesting 100,000 levels deep in a value", shape: CREATE, options: STRICT, input: Input::Built(deep_in_value), errors: vec![(WrongType, "$.repositoryName")], warnings: &[] },
        Case { name: "nesting 100,000 levels deep in a list item", shape: IMAGE, options: WIRE, input: Input::Built(deep_in_list_item), errors: vec![(WrongType, "$.imageTags[1]")], warnings: &[] },
        Case { name: "nesting 100,000 levels deep under an unknown key", shape: CREATE, options: STRICT, input: Input::Built(deep_in_unknown_key), errors: vec![], warnings: &["$.deep"] },
        Case { name: "nesting 100,000 levels deep under an unknown key, denied", shape: CREATE, options: DENY, input: Input::Built(deep_in_unknown_key), errors: vec![(UnknownKey, "$.deep")], warnings: &[] },
        Case { name: "nesting 100,000 levels deep in an extra item", shape: Shape::Fixture(&EXTRAS), options: STRICT, input: Input::Built(deep_in_extra_item), errors: vec![(malformed(1, 158), "$")], warnings: &[] },
        Case { name: "nesting 100,000 levels deep at the top", shape: CREATE, options: WIRE, input: Input::Built(deep_top_level), errors: vec![(WrongType, "$")], warnings: &[] },
        Case { name: "100,000 unclosed lists at the top", shape: CREATE, options: STRICT, input: Input::Built(unclosed_top_level), errors: vec![(malformed(1, 100_000), "$")], warnings: &[] },

        // JSON, but not an object.
        Case { name: "a top-level array", shape: CREATE, options: STRICT, input: Input::Text(r#"[{"repositoryName": "web"}]"#), errors: vec![(WrongType, "$")], warnings: &[] },
        Case { name: "a top-level string", shape: CREATE, options: STRICT, input: Input::Text(r#""web""#), errors: vec![(WrongType, "$")], warnings: &[] },
        Case { name: "a top-level number", shape: CREATE, options: WIRE, input: Input::Text("42"), errors: vec![(WrongType, "$")], warnings: &[] },
        Case { name: "top-level null", shape: CREATE, options: WIRE, input: Input::Text("null"), errors: vec![(NullNotAllowed, "$")], warnings: &[] },

        // Keys.
        Case { name: "a declared key twice", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "a", "repositoryName": "b"}"#), errors: vec![(DuplicateKey, "$.repositoryName")], warnings: &[] },
        Case { name: "a declared key twice, the first null (wire)", shape: CREATE, options: WIRE, input: Input::Text(r#"{"repositoryName": "a", "registryId": null, "registryId": "1"}"#), errors: vec![(DuplicateKey, "$.registryId")], warnings: &[] },
        Case { name: "a dict key twice", shape: METADATA, options: STRICT, input: Input::Text(r#"{"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {"a": "1", "a": "2"}, "RetryAttempts": 0}"#), errors: vec![(DuplicateKey, "$.HTTPHeaders.a")], warnings: &[] },
        Case { name: "a literal dict key twice", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"HIGH": 1, "HIGH": 2}}"#), errors: vec![(DuplicateKey, "$.findingSeverityCounts.HIGH")], warnings: &[] },
        // Validation compares a typed dict's next declared key, and a listed literal dict
        // key, where it lies: the rows around that comparison.
        Case { name: "a declared key written with escapes, then plainly", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryN\u0061me": "a", "repositoryName": "b"}"#), errors: vec![(DuplicateKey, "$.repositoryName")], warnings: &[] },
        Case { name: "a key one byte longer than a declared key", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryNameX": "web"}"#), errors: vec![(MissingKey, "$.repositoryName")], warnings: &["$.repositoryNameX"] },
        Case { name: "a key one byte shorter than a declared key", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryNam": "web"}"#), errors: vec![(MissingKey, "$.repositoryName")], warnings: &["$.repositoryNam"] },
        Case { name: "a declared key followed by an escape", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName\n": "web"}"#), errors: vec![(MissingKey, "$.repositoryName")], warnings: &["$['repositoryName\n']"] },
        Case { name: "a declared key without its colon", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName" "web"}"#), errors: vec![(malformed(1, 19), "$")], warnings: &[] },
        Case { name: "a declared key at the end of the input", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName""#), errors: vec![(malformed(1, 17), "$")], warnings: &[] },
        Case { name: "a declared key cut short by the end of the input", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryNa"#), errors: vec![(malformed(1, 14), "$")], warnings: &[] },
        Case { name: "whitespace around a declared key's colon", shape: CREATE, options: STRICT, input: Input::Text("{\"repositoryName\" \n:\t\"web\" , \"registryId\"  :  \"1\"}"), errors: vec![], warnings: &[] },
        Case { name: "declared keys out of order, one twice", shape: CREATE, options: STRICT, input: Input::Text(r#"{"imageTagMutability": "MUTABLE", "repositoryName": "a", "imageTagMutability": "MUTABLE"}"#), errors: vec![(DuplicateKey, "$.imageTagMutability")], warnings: &[] },
        Case { name: "a literal dict key written with escapes, then plainly", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"HIG\u0048": 1, "HIGH": 2}}"#), errors: vec![(DuplicateKey, "$.findingSeverityCounts.HIGH")], warnings: &[] },
        Case { name: "literal dict keys out of order, one twice", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"LOW": 1, "CRITICAL": 2, "LOW": 3}}"#), errors: vec![(DuplicateKey, "$.findingSeverityCounts.LOW")], warnings: &[] },
        Case { name: "an unlisted literal dict key twice", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"SEVERE": 1, "HIGH": 2, "SEVERE": 3}}"#), errors: vec![(InvalidLiteral, "$.findingSeverityCounts.SEVERE"), (DuplicateKey, "$.findingSeverityCounts.SEVERE"), (InvalidLiteral, "$.findingSeverityCounts.SEVERE")], warnings: &[] },
        Case { name: "an unlisted literal dict key twice (wire)", shape: SUMMARY, options: WIRE, input: Input::Text(r#"{"findingSeverityCounts": {"SEVERE": 1, "SEVERE": 3}}"#), errors: vec![(DuplicateKey, "$.findingSeverityCounts.SEVERE")], warnings: &["$.findingSeverityCounts.SEVERE", "$.findingSeverityCounts.SEVERE"] },
        Case { name: "an extra key twice", shape: Shape::Fixture(&EXTRAS), options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "x": 1, "x": 2}"#), errors: vec![(DuplicateKey, "$.x")], warnings: &[] },
        Case { name: "unknown key in an open dict: a warning", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutabilityExclusionFilters": []}"#), errors: vec![], warnings: &["$.imageTagMutabilityExclusionFilters"] },
        Case { name: "unknown key in an open dict, denied", shape: CREATE, options: DENY, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutabilityExclusionFilters": []}"#), errors: vec![(UnknownKey, "$.imageTagMutabilityExclusionFilters")], warnings: &[] },
        Case { name: "unknown key deep in an open dict, denied", shape: REPLICATION, options: DENY, input: Input::Text(r#"{"replicationConfiguration": {"rules": [{"destinations": [{"region": "eu-west-1", "registryId": "1", "odd key": 1}]}]}}"#), errors: vec![(UnknownKey, "$.replicationConfiguration.rules[0].destinations[0]['odd key']")], warnings: &[] },
        Case { name: "unknown key in a closed dict", shape: Shape::Fixture(&CLOSED), options: STRICT, input: Input::Text(r#"{"x": 1, "y": 2, "z": 3}"#), errors: vec![(UnknownKey, "$.z")], warnings: &[] },
        Case { name: "unknown key in a closed dict (wire)", shape: Shape::Fixture(&CLOSED), options: WIRE, input: Input::Text(r#"{"x": 1, "z": null, "y": 2}"#), errors: vec![(UnknownKey, "$.z")], warnings: &[] },
        Case { name: "unknown keys captured as extra items", shape: Shape::Fixture(&EXTRAS), options: DENY, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutabilityExclusionFilters": [{"filter": "v*"}], "x": null}"#), errors: vec![], warnings: &[] },

        // Presence and null.
        Case { name: "a missing required key", shape: CREATE, options: STRICT, input: Input::Text("{}"), errors: vec![(MissingKey, "$.repositoryName")], warnings: &[] },
        Case { name: "a missing required key deep inside a list", shape: REPLICATION, options: STRICT, input: Input::Text(r#"{"replicationConfiguration": {"rules": [{"destinations": [{"region": "eu-west-1", "registryId": "1"}]}, {"destinations": [{"region": "us-east-1"}]}]}}"#), errors: vec![(MissingKey, "$.replicationConfiguration.rules[1].destinations[0].registryId")], warnings: &[] },
        Case { name: "null for a Required key (wire): missing", shape: CREATE, options: WIRE, input: Input::Text(r#"{"repositoryName": null}"#), errors: vec![(MissingKey, "$.repositoryName")], warnings: &[] },
        Case { name: "null for a wire-optional key (strict)", shape: Shape::Fixture(&RESPONSE), options: STRICT, input: Input::Text(r#"{"imageDetails": [], "nextToken": null}"#), errors: vec![(NullNotAllowed, "$.nextToken"), (MissingKey, "$.ResponseMetadata")], warnings: &[] },
        Case { name: "absent wire-optional keys (wire)", shape: Shape::Fixture(&RESPONSE), options: WIRE, input: Input::Text(r#"{"imageDetails": [], "nextToken": null}"#), errors: vec![], warnings: &[] },
        Case { name: "null as a list item (wire too)", shape: IMAGE, options: WIRE, input: Input::Text(r#"{"imageTags": ["latest", null]}"#), errors: vec![(NullNotAllowed, "$.imageTags[1]")], warnings: &[] },
        Case { name: "null as a dict value (wire too)", shape: SUMMARY, options: WIRE, input: Input::Text(r#"{"findingSeverityCounts": {"HIGH": null}}"#), errors: vec![(NullNotAllowed, "$.findingSeverityCounts.HIGH")], warnings: &[] },

        // Numbers.
        Case { name: "an integer above i64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 9223372036854775808}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "an integer below i64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -9223372036854775809}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "an integer above u64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 100000000000000000000}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "an integer in exponent notation above i64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 1e19}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "a float where an int is expected", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 1.5}"#), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "a whole float where an int is expected", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 1.0}"#), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "an exponent where an int is expected", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 1e3, "partLastByte": 2, "layerPartBlob": ""}"#), errors: vec![(WrongType, "$.partFirstByte")], warnings: &[] },
        Case { name: "-0 where an int is expected", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -0.0}"#), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "an int out of range as a dict value", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"HIGH": 18446744073709551616}}"#), errors: vec![(IntegerOutOfRange, "$.findingSeverityCounts.HIGH")], warnings: &[] },

        // Literals.
        Case { name: "a literal in the wrong case", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutability": "mutable"}"#), errors: vec![(InvalidLiteral, "$.imageTagMutability")], warnings: &[] },
        // ecr-types' literals are open: wire mode keeps a value AWS added since, with a warning.
        Case { name: "an unknown literal", shape: CREATE, options: WIRE, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION"}"#), errors: vec![], warnings: &["$.imageTagMutability"] },
        Case { name: "an unknown literal, strict", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutability": "IMMUTABLE_WITH_EXCLUSION"}"#), errors: vec![(InvalidLiteral, "$.imageTagMutability")], warnings: &[] },
        Case { name: "an empty literal", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "imageTagMutability": ""}"#), errors: vec![(InvalidLiteral, "$.imageTagMutability")], warnings: &[] },
        Case { name: "a literal dict key in the wrong case", shape: SUMMARY, options: STRICT, input: Input::Text(r#"{"findingSeverityCounts": {"critical": 1}}"#), errors: vec![(InvalidLiteral, "$.findingSeverityCounts.critical")], warnings: &[] },
        Case { name: "a literal with trailing space", shape: REPLICATION, options: STRICT, input: Input::Text(r#"{"replicationConfiguration": {"rules": [{"destinations": [], "repositoryFilters": [{"filter": "a", "filterType": "PREFIX_MATCH "}]}]}}"#), errors: vec![(InvalidLiteral, "$.replicationConfiguration.rules[0].repositoryFilters[0].filterType")], warnings: &[] },

        // Blobs.
        Case { name: "a blob that is not base64", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": "!!!!"}"#), errors: vec![(InvalidBase64, "$.layerPartBlob")], warnings: &[] },
        Case { name: "a blob without padding", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": "AAA"}"#), errors: vec![(InvalidBase64, "$.layerPartBlob")], warnings: &[] },
        Case { name: "a blob in URL-safe base64", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": "-_-_"}"#), errors: vec![(InvalidBase64, "$.layerPartBlob")], warnings: &[] },
        Case { name: "a blob with non-canonical trailing bits", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": "AB=="}"#), errors: vec![(InvalidBase64, "$.layerPartBlob")], warnings: &[] },
        Case { name: "a blob as a list of bytes", shape: UPLOAD, options: STRICT, input: Input::Text(r#"{"repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "layerPartBlob": [1, 2]}"#), errors: vec![(WrongType, "$.layerPartBlob")], warnings: &[] },

        // Timestamps.
        Case { name: "timestamp: yesterday", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "yesterday"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: 1e300", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": 1e300}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: -1e300", shape: IMAGE, options: WIRE, input: Input::Text(r#"{"imagePushedAt": -1e300}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: a date without time", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2022-04-15"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: no offset", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2022-04-15T05:20:00"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: a CloudTrail locale string", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "Jul 11, 2018 10:17:44 PM"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: epoch seconds in a string", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "1650000000"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: month 13", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2022-13-01T00:00:00Z"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: year 10000 in seconds", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": 253402300800}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: before year 1 in seconds", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": -62135596801}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: an integer above i64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": 9223372036854775808}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: a leap second", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2016-12-31T23:59:60Z"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: nanoseconds, truncated to the microsecond", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2022-04-15T05:20:00.123456789Z"}"#), errors: vec![], warnings: &[] },
        Case { name: "timestamp: .NET's seven digits", shape: IMAGE, options: WIRE, input: Input::Text(r#"{"imagePushedAt": "2022-04-15T05:20:00.1234567+00:00"}"#), errors: vec![], warnings: &[] },
        Case { name: "timestamp: a space for the T (boto3 default=str)", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2026-11-30 22:43:11.431000+00:00"}"#), errors: vec![], warnings: &[] },
        Case { name: "timestamp: another separator", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2026-11-30x22:43:11Z"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: February 29 of a common year", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2023-02-29T00:00:00Z"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: a dot without digits", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": "2023-02-28T00:00:00.Z"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: 1e400", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": 1e400, "imageSizeInBytes": "x"}"#), errors: vec![(InvalidTimestamp, "$.imagePushedAt"), (WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "timestamp: a 310-digit integer", shape: IMAGE, options: STRICT, input: Input::Built(timestamp_of_310_digits), errors: vec![(InvalidTimestamp, "$.imagePushedAt")], warnings: &[] },
        Case { name: "timestamp: -0", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": -0}"#), errors: vec![], warnings: &[] },

        // Numbers, judged from their digits.
        Case { name: "int: -0 is 0", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -0}"#), errors: vec![], warnings: &[] },
        Case { name: "int: -0 in a list of ints is 0", shape: Shape::Fixture(&NUMBERS), options: WIRE, input: Input::Text(r#"{"counts": [-0, 0, -0]}"#), errors: vec![], warnings: &[] },
        Case { name: "int: -0.0 is a float", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -0.0}"#), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "int: i64::MIN written as a float", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -9223372036854775808.0}"#), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "int: i64::MIN", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": -9223372036854775808}"#), errors: vec![], warnings: &[] },
        Case { name: "int: 1e400, then another error", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 1e400, "imageDigest": 1}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes"), (WrongType, "$.imageDigest")], warnings: &[] },
        Case { name: "int: a 310-digit integer, then another error", shape: IMAGE, options: WIRE, input: Input::Built(int_of_310_digits), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes"), (WrongType, "$.imageDigest")], warnings: &[] },
        Case { name: "int: 2^64", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageSizeInBytes": 18446744073709551616}"#), errors: vec![(IntegerOutOfRange, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "float: a 310-digit integer", shape: CVSS, options: STRICT, input: Input::Text(r#"{"baseScore": -1e309}"#), errors: vec![(NumberOutOfRange, "$.baseScore")], warnings: &[] },
        Case { name: "float: 1e-400 underflows to 0", shape: CVSS, options: STRICT, input: Input::Text(r#"{"baseScore": 1e-400}"#), errors: vec![], warnings: &[] },
        Case { name: "number: 1e400 under an unknown key is skipped", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"later": [1e400, -0, 1e99999]}"#), errors: vec![], warnings: &["$.later"] },
        Case { name: "number: 1e400 where a str belongs", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imageDigest": 1e400}"#), errors: vec![(WrongType, "$.imageDigest")], warnings: &[] },
        Case { name: "number: 1e400 kept in an extra-items field", shape: Shape::Fixture(&EXTRAS), options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "later": {"size": 1e400}}"#), errors: vec![(NumberOutOfRange, "$.later.size")], warnings: &[] },

        // Where serde_json parses a container rather than skips one, it names a trailing comma.
        Case { name: "a trailing comma in an object", shape: CREATE, options: STRICT, input: Input::Text("{\"repositoryName\": \"web\",}"), errors: vec![(malformed(1, 26), "$")], warnings: &[] },
        Case { name: "a trailing comma in a list", shape: CREATE, options: WIRE, input: Input::Text("{\"repositoryName\": \"web\", \"tags\": [{\"Key\": \"k\"},]}"), errors: vec![(malformed(1, 49), "$")], warnings: &[] },
        Case { name: "a trailing comma under an unknown key", shape: CREATE, options: WIRE, input: Input::Text("{\"repositoryName\": \"web\", \"x\": [1,]}"), errors: vec![(malformed(1, 35), "$")], warnings: &[] },
        Case { name: "a lone surrogate in a checked string", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "\uDC00"}"#), errors: vec![(malformed(1, 26), "$")], warnings: &[] },
        Case { name: "a lone surrogate under an unknown key is skipped", shape: CREATE, options: STRICT, input: Input::Text(r#"{"repositoryName": "web", "x": "\uDC00"}"#), errors: vec![], warnings: &["$.x"] },
        Case { name: "timestamp: an object", shape: IMAGE, options: STRICT, input: Input::Text(r#"{"imagePushedAt": {"__class__": "datetime", "year": 2019}}"#), errors: vec![(WrongType, "$.imagePushedAt")], warnings: &[] },

        // Sizes.
        Case { name: "a 64 MiB string where an int is expected", shape: IMAGE, options: STRICT, input: Input::Built(huge_string_for_int), errors: vec![(WrongType, "$.imageSizeInBytes")], warnings: &[] },
        Case { name: "a 64 MiB invalid literal, then another error", shape: CREATE, options: STRICT, input: Input::Built(huge_string_for_literal), errors: vec![(InvalidLiteral, "$.imageTagMutability"), (WrongType, "$.registryId")], warnings: &[] },
        Case { name: "the only error at the end of a 200,000-item list", shape: IMAGE, options: STRICT, input: Input::Built(long_list_error_at_the_end), errors: vec![(WrongType, "$.imageTags[200000]")], warnings: &[] },

        // Many errors at once: every one reported, in document order.
        Case {
            name: "several errors in one document",
            shape: CREATE,
            options: STRICT,
            input: Input::Text(r#"{"registryId": null, "tags": [{"Key": 1}, "x", {"Value": null}], "imageTagMutability": "mutable", "imageScanningConfiguration": {"scanOnPush": "yes"}, "encryptionConfiguration": {"kmsKey": "k"}, "repositoryName": 7}"#),
            errors: vec![
                (NullNotAllowed, "$.registryId"),
                (WrongType, "$.tags[0].Key"),
                (WrongType, "$.tags[1]"),
                (NullNotAllowed, "$.tags[2].Value"),
                (InvalidLiteral, "$.imageTagMutability"),
                (WrongType, "$.imageScanningConfiguration.scanOnPush"),
                (MissingKey, "$.encryptionConfiguration.encryptionType"),
                (WrongType, "$.repositoryName"),
            ],
            warnings: &[],
        },
        Case {
            name: "several errors, unknown keys denied",
            shape: SUMMARY,
            options: DENY,
            input: Input::Text(r#"{"imageScanCompletedAt": "soon", "findingSeverityCounts": {"HIGH": "1", "SEVERE": 2}, "scanner": "x", "vulnerabilitySourceUpdatedAt": true}"#),
            errors: vec![
                (InvalidTimestamp, "$.imageScanCompletedAt"),
                (WrongType, "$.findingSeverityCounts.HIGH"),
                (InvalidLiteral, "$.findingSeverityCounts.SEVERE"),
                (UnknownKey, "$.scanner"),
                (WrongType, "$.vulnerabilitySourceUpdatedAt"),
            ],
            warnings: &[],
        },
    ]
}

/// One field of each value kind, the shape it is in, the other keys that shape needs, and
/// the JSON path of the field.
struct KindField {
    kind: &'static str,
    shape: Shape,
    prefix: &'static str,
    key: &'static str,
}

#[rustfmt::skip]
const KIND_FIELDS: &[KindField] = &[
    KindField { kind: "str", shape: CREATE, prefix: r#""repositoryName": "web", "#, key: "registryId" },
    KindField { kind: "int", shape: IMAGE, prefix: "", key: "imageSizeInBytes" },
    KindField { kind: "float", shape: CVSS, prefix: "", key: "baseScore" },
    KindField { kind: "bool", shape: Shape::Ecr("ImageScanningConfigurationTypeDef"), prefix: "", key: "scanOnPush" },
    KindField { kind: "datetime", shape: IMAGE, prefix: "", key: "imagePushedAt" },
    KindField { kind: "bytes", shape: UPLOAD, prefix: r#""repositoryName": "r", "uploadId": "u", "partFirstByte": 0, "partLastByte": 1, "#, key: "layerPartBlob" },
    KindField { kind: "Sequence", shape: CREATE, prefix: r#""repositoryName": "web", "#, key: "tags" },
    KindField { kind: "List", shape: IMAGE, prefix: "", key: "imageTags" },
    KindField { kind: "Dict", shape: SUMMARY, prefix: "", key: "findingSeverityCounts" },
    KindField { kind: "TypedDict", shape: CREATE, prefix: r#""repositoryName": "web", "#, key: "imageScanningConfiguration" },
    KindField { kind: "Literal", shape: CREATE, prefix: r#""repositoryName": "web", "#, key: "imageTagMutability" },
];

/// The JSON values every kind is tried with.
const VALUES: [&str; 7] = ["null", "true", "7", "7.5", r#""text""#, "[]", "{}"];

/// What a value of `VALUES` gets as a key of `kind` in strict mode: `None` when valid.
fn matrix_expectation(kind: &str, value: &str) -> Option<ErrorKind> {
    let valid = match (kind, value) {
        (_, "null") => return Some(NullNotAllowed),
        ("str", r#""text""#) | ("bool", "true") | ("int", "7") => true,
        ("float" | "datetime", "7" | "7.5") => true,
        ("bytes", r#""text""#) => true, // "text" is four base64 characters
        ("Sequence" | "List", "[]") | ("Dict" | "TypedDict", "{}") => true,
        ("datetime", r#""text""#) => return Some(InvalidTimestamp),
        ("Literal", r#""text""#) => return Some(InvalidLiteral),
        _ => false,
    };
    (!valid).then_some(WrongType)
}

/// Runs one row: the errors decode reports, the errors and warnings validate reports, and
/// the oracle's invariants.
fn run(
    name: &str,
    codec: &Codec,
    options: DecodeOptions,
    json: &[u8],
    errors: &[(ErrorKind, &str)],
    warnings: &[&str],
) -> Result<(), String> {
    let got: Vec<(ErrorKind, String)> = match codec.decode(json, options) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .errors()
            .iter()
            .map(|e| (e.kind, e.path.clone()))
            .collect(),
    };
    let want: Vec<(ErrorKind, String)> = errors
        .iter()
        .map(|(kind, path)| (*kind, (*path).to_owned()))
        .collect();
    if got != want {
        return Err(format!(
            "{name} ({}, {options:?}):\n    want {want:?}\n    got  {got:?}",
            codec.name()
        ));
    }
    let report = validate_schema(json, codec.schema(), options);
    let got_warnings: Vec<&str> = report.warnings.iter().map(|w| w.path.as_str()).collect();
    let kinds_ok = report.warnings.iter().all(|w| {
        w.kind == UnknownKey || (w.kind == ErrorKind::UnknownLiteral && options.is_wire())
    });
    if got_warnings != warnings || !kinds_ok {
        return Err(format!(
            "{name}: warnings: want {warnings:?}, got {:?}",
            report.warnings
        ));
    }
    std::panic::catch_unwind(|| oracle::check(codec, json, options))
        .map_err(|_| format!("{name}: the oracle failed (see the panic above)"))?;
    Ok(())
}

#[test]
fn every_bad_input_gets_its_error_kind_and_path() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let json = match &case.input {
            Input::Text(text) => text.as_bytes().to_vec(),
            Input::Bytes(bytes) => bytes.to_vec(),
            Input::Built(build) => build(),
        };
        if let Err(failure) = run(
            case.name,
            case.shape.codec(),
            case.options,
            &json,
            &case.errors,
            case.warnings,
        ) {
            failures.push(failure);
        }
    }
    println!("catalogue: {} hand-written rows", cases.len());
    assert!(cases.len() >= 40);
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Every value kind against null and every JSON type, strict mode: 11 kinds x 7 values.
#[test]
fn every_value_kind_against_every_json_type() {
    let mut failures = Vec::new();
    let mut rows = 0;
    for field in KIND_FIELDS {
        for value in VALUES {
            rows += 1;
            let json = format!("{{{}\"{}\": {value}}}", field.prefix, field.key);
            let path = format!("$.{}", field.key);
            let expected: Vec<(ErrorKind, &str)> = matrix_expectation(field.kind, value)
                .map(|kind| (kind, path.as_str()))
                .into_iter()
                .collect();
            let name = format!("{} <- {value}", field.kind);
            if let Err(failure) = run(
                &name,
                field.shape.codec(),
                STRICT,
                json.as_bytes(),
                &expected,
                &[],
            ) {
                failures.push(failure);
            }
        }
    }
    println!("catalogue: {rows} kind x JSON type rows");
    assert!(
        failures.is_empty(),
        "{} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Bytes that are not UTF-8 are not JSON (RFC 8259 §8.1), wherever they stand: also where
/// the decoder only skips a value (an unknown key's, or the rest of a value of the wrong
/// type), which `serde_json`'s `IgnoredAny` does not check.
///
/// Found by this suite: `typed_dict::from_slice::<CreateRepositoryRequestRequestTypeDef>(
/// b"{\"repositoryName\": \"web\", \"note\": \"\xFF\"}")` was `Ok`; fixed in e23cc6c.
#[test]
fn bytes_that_are_not_utf8_are_malformed_wherever_they_stand() {
    let rows: [(&str, Shape, DecodeOptions, &[u8]); 5] = [
        (
            "under an unknown key",
            CREATE,
            STRICT,
            b"{\"repositoryName\": \"web\", \"note\": \"\xFF\"}",
        ),
        (
            "in the rest of a value of the wrong type",
            CREATE,
            WIRE,
            b"{\"repositoryName\": [\"\xFF\"]}",
        ),
        ("in a top-level array", CREATE, STRICT, b"[\"\xFF\"]"),
        (
            "under an unknown key, denied",
            CREATE,
            DENY,
            b"{\"repositoryName\": \"web\", \"n\": [1, \"\xC3\"]}",
        ),
        (
            "in a closed dict's unknown key",
            Shape::Fixture(&CLOSED),
            STRICT,
            b"{\"x\": 1, \"y\": 2, \"z\": \"\xE2\x82\"}",
        ),
    ];
    let mut failures = Vec::new();
    for (name, shape, options, json) in rows {
        let got: Vec<(ErrorKind, String)> = match shape.codec().decode(json, options) {
            Ok(_) => Vec::new(),
            Err(error) => error
                .errors()
                .iter()
                .map(|e| (e.kind, e.path.clone()))
                .collect(),
        };
        if !matches!(&got[..], [(ErrorKind::MalformedJson { .. }, path)] if path == "$") {
            failures.push(format!(
                "{name} ({options:?}): want [(MalformedJson, \"$\")], got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A leap second (`23:59:60`, valid RFC 3339) is no `datetime` (Python rejects second 60
/// too), so `InvalidTimestamp` is right, and the message says it is a leap second (the
/// `time` crate reads `:60` as `:59.999999999`, which once made the library blame
/// "sub-microsecond digits" the input does not have).
#[test]
fn a_leap_second_is_reported_as_a_leap_second() {
    let error = typed_dict::from_str::<ecr_types::ImageDetailTypeDef>(
        r#"{"imagePushedAt": "2016-12-31T23:59:60Z"}"#,
    )
    .unwrap_err();
    let [only] = error.errors() else {
        panic!("{error}");
    };
    assert_eq!(
        (only.kind, only.path.as_str()),
        (InvalidTimestamp, "$.imagePushedAt")
    );
    assert!(
        !only.message.contains("sub-microsecond") && only.message.contains("leap second"),
        "{}",
        only.message
    );
}

/// Open literal types, on a hand-built schema (the walk and the reference read only the
/// `LiteralSchema`): an unlisted value is an `unknown_literal` warning in wire mode, as a
/// field, a list item and a dict key, and an `invalid_literal` error in strict mode; a
/// closed literal stays an error. The reference checker agrees, kind and path.
#[test]
fn open_literal_values_are_warnings_in_wire_mode_only() {
    use typed_dict::{FieldSchema, LiteralSchema, TypedDictSchema, ValueType};
    use typed_dict_reliability::reference;
    use ErrorKind::UnknownLiteral;

    static OPEN: LiteralSchema =
        LiteralSchema::new("ScanStatusType", &["ACTIVE", "FAILED"]).with_open(true);
    static SHUT: LiteralSchema = LiteralSchema::new("TagStatusType", &["TAGGED"]);
    static STATUS: ValueType = ValueType::Literal(&OPEN);
    static TAG: ValueType = ValueType::Literal(&SHUT);
    static LIST: ValueType = ValueType::List(&STATUS);
    static COUNTS: ValueType = ValueType::Dict(&STATUS, &ValueType::Int);
    const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
        FieldSchema::new(key, key, value).with_required(false)
    }
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "ScanTypeDef",
        &[
            field("status", &STATUS),
            field("statuses", &LIST),
            field("counts", &COUNTS),
            field("tag", &TAG),
        ],
    );

    type Rows = &'static [(
        DecodeOptions,
        &'static [(ErrorKind, &'static str)],
        &'static [(ErrorKind, &'static str)],
    )];
    let payloads: [(&str, Rows); 3] = [
        (
            r#"{"counts": {"IMAGE_ARCHIVED": 1}, "status": "ARCHIVED", "statuses": ["ACTIVE", "LIMIT_EXCEEDED", ""]}"#,
            &[
                (
                    WIRE,
                    &[],
                    &[
                        (UnknownLiteral, "$.counts.IMAGE_ARCHIVED"),
                        (UnknownLiteral, "$.status"),
                        (UnknownLiteral, "$.statuses[1]"),
                        (UnknownLiteral, "$.statuses[2]"),
                    ],
                ),
                (
                    STRICT,
                    &[
                        (InvalidLiteral, "$.counts.IMAGE_ARCHIVED"),
                        (InvalidLiteral, "$.status"),
                        (InvalidLiteral, "$.statuses[1]"),
                        (InvalidLiteral, "$.statuses[2]"),
                    ],
                    &[],
                ),
                (
                    DENY,
                    &[
                        (InvalidLiteral, "$.counts.IMAGE_ARCHIVED"),
                        (InvalidLiteral, "$.status"),
                        (InvalidLiteral, "$.statuses[1]"),
                        (InvalidLiteral, "$.statuses[2]"),
                    ],
                    &[],
                ),
            ],
        ),
        (
            r#"{"status": "FAILED", "tag": "UNTAGGED"}"#,
            &[
                (WIRE, &[(InvalidLiteral, "$.tag")], &[]),
                (STRICT, &[(InvalidLiteral, "$.tag")], &[]),
            ],
        ),
        (
            r#"{"later": 1, "status": null, "statuses": [null, "NEW"]}"#,
            &[
                (
                    WIRE,
                    &[(NullNotAllowed, "$.statuses[0]")],
                    &[(UnknownKey, "$.later"), (UnknownLiteral, "$.statuses[1]")],
                ),
                (
                    STRICT,
                    &[
                        (NullNotAllowed, "$.status"),
                        (NullNotAllowed, "$.statuses[0]"),
                        (InvalidLiteral, "$.statuses[1]"),
                    ],
                    &[(UnknownKey, "$.later")],
                ),
            ],
        ),
    ];
    for (json, rows) in payloads {
        for &(options, errors, warnings) in rows {
            let report = validate_schema(json.as_bytes(), &SHAPE, options);
            let got = |list: &[typed_dict::ValidationError]| -> Vec<(ErrorKind, String)> {
                list.iter().map(|e| (e.kind, e.path.clone())).collect()
            };
            let want = |list: &[(ErrorKind, &str)]| -> Vec<(ErrorKind, String)> {
                list.iter().map(|(k, p)| (*k, (*p).to_owned())).collect()
            };
            assert_eq!(got(&report.errors), want(errors), "{json} {options:?}");
            assert_eq!(got(&report.warnings), want(warnings), "{json} {options:?}");
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            let expected = reference::check(&value, &SHAPE, options);
            assert_eq!(
                expected.errors,
                want(errors),
                "reference, {json} {options:?}"
            );
            assert_eq!(
                expected.warnings,
                want(warnings),
                "reference, {json} {options:?}"
            );
        }
    }
}

/// The other integer widths and `f32`, on a hand-built schema: the walk and the reference
/// checker agree, kind and path, on each width's ends and one past them, floats inside and
/// outside a range, tokens beyond 64 bits, and `f32`'s edges; a valid payload's canonical
/// form keeps its integers.
#[test]
fn integer_widths_and_f32_agree_with_the_reference() {
    use typed_dict::schema::IntegerRange;
    use typed_dict::{FieldSchema, TypedDictSchema, ValueType};
    use typed_dict_reliability::reference;
    use ErrorKind::{NumberOutOfRange, WrongType};

    static U8: ValueType = ValueType::Integer(&IntegerRange::U8);
    static I16: ValueType = ValueType::Integer(&IntegerRange::I16);
    static U64: ValueType = ValueType::Integer(&IntegerRange::U64);
    static U32S: ValueType = ValueType::List(&ValueType::Integer(&IntegerRange::U32));
    static I8S: ValueType =
        ValueType::Dict(&ValueType::Str, &ValueType::Integer(&IntegerRange::I8));
    const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
        FieldSchema::new(key, key, value).with_required(false)
    }
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "WidthsTypeDef",
        &[
            field("u8", &U8),
            field("i16", &I16),
            field("u64", &U64),
            field("u32s", &U32S),
            field("i8s", &I8S),
            field("f32", &ValueType::Float32),
        ],
    );

    let cases: [(&str, &[(ErrorKind, &str)]); 9] = [
        (
            r#"{"u8": 255, "i16": -32768, "u64": 18446744073709551615, "u32s": [0, 4294967295], "i8s": {"a": -128, "b": 127}, "f32": 3.4028235e38}"#,
            &[],
        ),
        (
            r#"{"u8": 256, "i16": 32768, "u64": 18446744073709551616, "u32s": [-1, 4294967296], "i8s": {"a": -129, "b": 128}, "f32": 3.5e38}"#,
            &[
                (IntegerOutOfRange, "$.u8"),
                (IntegerOutOfRange, "$.i16"),
                (IntegerOutOfRange, "$.u64"),
                (IntegerOutOfRange, "$.u32s[0]"),
                (IntegerOutOfRange, "$.u32s[1]"),
                (IntegerOutOfRange, "$.i8s.a"),
                (IntegerOutOfRange, "$.i8s.b"),
                (NumberOutOfRange, "$.f32"),
            ],
        ),
        (
            r#"{"u8": 1.0, "i16": 1e2, "u64": 1.5, "u32s": [2.5e0], "i8s": {"a": -1.5}}"#,
            &[
                (WrongType, "$.u8"),
                (WrongType, "$.i16"),
                (WrongType, "$.u64"),
                (WrongType, "$.u32s[0]"),
                (WrongType, "$.i8s.a"),
            ],
        ),
        (
            r#"{"u8": 255.5, "i16": 1e20, "u64": -0.5, "u32s": [1e30], "i8s": {"a": -128.5}, "f32": -1e39}"#,
            &[
                (IntegerOutOfRange, "$.u8"),
                (IntegerOutOfRange, "$.i16"),
                (IntegerOutOfRange, "$.u64"),
                (IntegerOutOfRange, "$.u32s[0]"),
                (IntegerOutOfRange, "$.i8s.a"),
                (NumberOutOfRange, "$.f32"),
            ],
        ),
        (
            r#"{"u64": 99999999999999999999999999999999999999999, "u8": -1e30}"#,
            &[(IntegerOutOfRange, "$.u64"), (IntegerOutOfRange, "$.u8")],
        ),
        (
            r#"{"f32": 1e400, "u32s": [1e400]}"#,
            &[
                (NumberOutOfRange, "$.f32"),
                (IntegerOutOfRange, "$.u32s[0]"),
            ],
        ),
        (r#"{"f32": 1e-45, "u8": 0}"#, &[]),
        (
            r#"{"f32": "1", "u8": "1"}"#,
            &[(WrongType, "$.f32"), (WrongType, "$.u8")],
        ),
        (r#"{"f32": -3.4028235e38, "u64": 0}"#, &[]),
    ];
    for (json, errors) in cases {
        let want: Vec<(ErrorKind, String)> =
            errors.iter().map(|(k, p)| (*k, (*p).to_owned())).collect();
        let report = validate_schema(json.as_bytes(), &SHAPE, STRICT);
        let got: Vec<(ErrorKind, String)> = report
            .errors
            .iter()
            .map(|e| (e.kind, e.path.clone()))
            .collect();
        assert_eq!(got, want, "{json}");
        // serde_json refuses `1e400` (beyond the doubles): that payload is the walk's alone.
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
            continue;
        };
        let expected = reference::check(&value, &SHAPE, STRICT);
        // The reference walks a `Value`, whose map sorts its keys: compare as sets.
        let mut reference_errors = expected.errors.clone();
        let mut sorted = want.clone();
        reference_errors.sort_by(|a, b| a.1.cmp(&b.1));
        sorted.sort_by(|a, b| a.1.cmp(&b.1));
        assert_eq!(reference_errors, sorted, "reference, {json}");
        if want.is_empty() {
            let canonical = expected.canonical.unwrap();
            for key in ["u8", "i16", "u64", "u32s", "i8s"] {
                assert_eq!(canonical.get(key), value.get(key), "{json}: {key}");
            }
        }
    }
}

#[test]
fn integer_dict_keys_agree_with_the_reference() {
    use typed_dict::schema::IntegerRange;
    use typed_dict::{FieldSchema, TypedDictSchema, ValueType};
    use typed_dict_reliability::reference;
    use ErrorKind::{InvalidKey, WrongType};

    static BY_U8: ValueType =
        ValueType::Dict(&ValueType::Integer(&IntegerRange::U8), &ValueType::Str);
    static BY_I64: ValueType = ValueType::Dict(&ValueType::Int, &ValueType::Int);
    static BY_I16: ValueType = ValueType::List(&ValueType::Dict(
        &ValueType::Integer(&IntegerRange::I16),
        &ValueType::Bool,
    ));
    const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
        FieldSchema::new(key, key, value).with_required(false)
    }
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "IntKeysTypeDef",
        &[
            field("byU8", &BY_U8),
            field("byI64", &BY_I64),
            field("byI16", &BY_I16),
        ],
    );

    let cases: [(&str, &[(ErrorKind, &str)]); 6] = [
        (
            r#"{"byU8": {"0": "a", "255": "b"}, "byI64": {"-9223372036854775808": 1, "9223372036854775807": 2}, "byI16": [{"-32768": true, "32767": false}]}"#,
            &[],
        ),
        (
            r#"{"byU8": {"256": "a", "-1": "b"}, "byI64": {"9223372036854775808": 1}, "byI16": [{"32768": true}]}"#,
            &[
                (IntegerOutOfRange, "$.byU8['256']"),
                (IntegerOutOfRange, "$.byU8['-1']"),
                (IntegerOutOfRange, "$.byI64['9223372036854775808']"),
                (IntegerOutOfRange, "$.byI16[0]['32768']"),
            ],
        ),
        (
            r#"{"byU8": {"+1": "a", "01": "b", "-0": "c", " 1": "d", "1.0": "e", "1e2": "f"}}"#,
            &[
                (InvalidKey, "$.byU8['+1']"),
                (InvalidKey, "$.byU8['01']"),
                (InvalidKey, "$.byU8['-0']"),
                (InvalidKey, "$.byU8[' 1']"),
                (InvalidKey, "$.byU8['1.0']"),
                (InvalidKey, "$.byU8['1e2']"),
            ],
        ),
        (
            r#"{"byI64": {"x": 1, "": 2, "99999999999999999999999999999999999999999": 3}}"#,
            &[
                (InvalidKey, "$.byI64.x"),
                (InvalidKey, "$.byI64['']"),
                (
                    IntegerOutOfRange,
                    "$.byI64['99999999999999999999999999999999999999999']",
                ),
            ],
        ),
        (
            r#"{"byU8": {"7": 1}, "byI16": [{"x": 2}]}"#,
            &[
                (WrongType, "$.byU8['7']"),
                (InvalidKey, "$.byI16[0].x"),
                (WrongType, "$.byI16[0].x"),
            ],
        ),
        (r#"{"byU8": {}, "byI64": {"0": 0}}"#, &[]),
    ];
    for (json, errors) in cases {
        let want: Vec<(ErrorKind, String)> =
            errors.iter().map(|(k, p)| (*k, (*p).to_owned())).collect();
        let report = validate_schema(json.as_bytes(), &SHAPE, STRICT);
        let got: Vec<(ErrorKind, String)> = report
            .errors
            .iter()
            .map(|e| (e.kind, e.path.clone()))
            .collect();
        assert_eq!(got, want, "{json}");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        let expected = reference::check(&value, &SHAPE, STRICT);
        // The reference walks a `Value`, whose map sorts its keys: compare as sets.
        let mut reference_errors = expected.errors.clone();
        let mut sorted = want.clone();
        let order = |a: &(ErrorKind, String), b: &(ErrorKind, String)| {
            (a.1.as_str(), a.0.code()).cmp(&(b.1.as_str(), b.0.code()))
        };
        reference_errors.sort_by(order);
        sorted.sort_by(order);
        assert_eq!(reference_errors, sorted, "reference, {json}");
    }
}

/// Field constraints, on a hand-built schema: with `constraints(true)` the walk and the
/// reference checker agree, kind and path, on values inside, at and past each bound (a
/// string's characters and pattern, a list's items, a dict's entries, a blob's bytes, an
/// integer's and a float's bounds); without it, neither reports any.
#[test]
fn constraint_violations_agree_with_the_reference() {
    use typed_dict::schema::{Bound, Constraints, Pattern};
    use typed_dict::{FieldSchema, TypedDictSchema, ValueType};
    use ErrorKind::ConstraintViolation as Broken;

    static NAME_PATTERN: Pattern = Pattern::new("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    static NAME: Constraints = Constraints::new()
        .min_length(2)
        .max_length(4)
        .pattern(&NAME_PATTERN);
    static COUNT: Constraints = Constraints::new().ge(Bound::Int(1)).le(Bound::Int(10));
    static RATIO: Constraints = Constraints::new()
        .ge(Bound::Float(-0.5))
        .le(Bound::Float(0.5));
    static FEW: Constraints = Constraints::new().min_length(1).max_length(2);
    static STRINGS: ValueType = ValueType::List(&ValueType::Str);
    static LABELS: ValueType = ValueType::Dict(&ValueType::Str, &ValueType::Int);
    const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
        FieldSchema::new(key, key, value).with_required(false)
    }
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "ConstrainedTypeDef",
        &[
            field("name", &ValueType::Str).with_constraints(&NAME),
            field("count", &ValueType::Int).with_constraints(&COUNT),
            field("ratio", &ValueType::Float).with_constraints(&RATIO),
            field("tags", &STRINGS).with_constraints(&FEW),
            field("labels", &LABELS).with_constraints(&FEW),
            field("digest", &ValueType::Blob).with_constraints(&FEW),
        ],
    );

    let payloads: [(&str, &[(ErrorKind, &str)]); 9] = [
        (
            r#"{"name": "ab", "count": 1, "ratio": 0.5, "tags": ["x"], "labels": {"a": 1}, "digest": "AAE="}"#,
            &[],
        ),
        (r#"{"name": "a"}"#, &[(Broken, "$.name")]),
        (r#"{"name": "A_"}"#, &[(Broken, "$.name")]),
        // Too long and not of the pattern: two violations at one path.
        (
            r#"{"name": "Web_App"}"#,
            &[(Broken, "$.name"), (Broken, "$.name")],
        ),
        (r#"{"name": "日本語x"}"#, &[(Broken, "$.name")]),
        (
            // In key order: the reference reads a `serde_json::Map`, which sorts its keys.
            r#"{"count": 0, "labels": {"a": 1, "b": 2, "c": 3}, "ratio": 0.75, "tags": []}"#,
            &[
                (Broken, "$.count"),
                (Broken, "$.labels"),
                (Broken, "$.ratio"),
                (Broken, "$.tags"),
            ],
        ),
        (r#"{"digest": "AAECAw=="}"#, &[(Broken, "$.digest")]),
        (
            r#"{"count": 18446744073709551615}"#,
            &[(IntegerOutOfRange, "$.count")],
        ),
        // A value of the wrong type is not measured.
        (
            r#"{"tags": [1, 2, 3]}"#,
            &[
                (WrongType, "$.tags[0]"),
                (WrongType, "$.tags[1]"),
                (WrongType, "$.tags[2]"),
            ],
        ),
    ];
    constraints_agree_with_the_reference(&SHAPE, &payloads);
}

/// Constraints on a list's items and a dict's keys and values (an integer key's bounds
/// among them), items of items, and a blob's bounds through a named alias: the walk and
/// the reference checker agree, kind and path, each violation at the item's or entry's
/// path; without `constraints(true)`, neither reports any.
#[test]
fn item_constraint_violations_agree_with_the_reference() {
    use typed_dict::schema::{AliasSchema, Bound, Constraints, IntegerRange, Pattern};
    use typed_dict::{FieldSchema, TypedDictSchema, ValueType};
    use ErrorKind::ConstraintViolation as Broken;

    static WORD: Pattern = Pattern::new("[a-z]+");
    static TAG: Constraints = Constraints::new()
        .min_length(1)
        .max_length(3)
        .pattern(&WORD);
    static TAGS: Constraints = Constraints::new().max_length(3).items(&TAG);
    static KEY: Constraints = Constraints::new().max_length(2).pattern(&WORD);
    static COUNT: Constraints = Constraints::new().ge(Bound::Int(1)).le(Bound::Int(10));
    static LABELS: Constraints = Constraints::new().keys(&KEY).values(&COUNT);
    static SMALL: Constraints = Constraints::new().le(Bound::Int(9));
    static BY_NUMBER: Constraints = Constraints::new().keys(&SMALL);
    static ROW: Constraints = Constraints::new().max_length(1).items(&TAG);
    static GRID: Constraints = Constraints::new().items(&ROW);
    static FEW_BYTES: Constraints = Constraints::new().min_length(1).max_length(2);
    static PARTS: Constraints = Constraints::new().items(&FEW_BYTES);
    static PART: AliasSchema = AliasSchema::new("PartBlob", &ValueType::Blob);
    static PART_TYPE: ValueType = ValueType::Alias(&PART);
    static STRINGS: ValueType = ValueType::List(&ValueType::Str);
    static MAYBE_STRINGS: ValueType = ValueType::List(&ValueType::Nullable(&ValueType::Str));
    static COUNTS: ValueType = ValueType::Dict(&ValueType::Str, &ValueType::Int);
    static NUMBERED: ValueType =
        ValueType::Dict(&ValueType::Integer(&IntegerRange::U8), &ValueType::Str);
    static ROWS: ValueType = ValueType::List(&STRINGS);
    static PART_LIST: ValueType = ValueType::List(&PART_TYPE);
    const fn field(key: &'static str, value: &'static ValueType) -> FieldSchema {
        FieldSchema::new(key, key, value).with_required(false)
    }
    static SHAPE: TypedDictSchema = TypedDictSchema::new(
        "ItemsTypeDef",
        &[
            field("tags", &STRINGS).with_constraints(&TAGS),
            field("maybe", &MAYBE_STRINGS).with_constraints(&TAGS),
            field("labels", &COUNTS).with_constraints(&LABELS),
            field("numbered", &NUMBERED).with_constraints(&BY_NUMBER),
            field("grid", &ROWS).with_constraints(&GRID),
            field("part", &PART_TYPE).with_constraints(&FEW_BYTES),
            field("parts", &PART_LIST).with_constraints(&PARTS),
        ],
    );

    let payloads: [(&str, &[(ErrorKind, &str)]); 9] = [
        (
            r#"{"grid": [["ab"], []], "labels": {"ab": 1}, "maybe": [null, "x"], "numbered": {"9": "x"}, "part": "AAE=", "parts": ["AA==", "AAE="], "tags": ["abc"]}"#,
            &[],
        ),
        // The list's own bound first, then each item's, in order (`""` and `"Long"` each
        // break a length and the pattern).
        (
            r#"{"tags": ["", "ok", "Long", "x"]}"#,
            &[
                (Broken, "$.tags"),
                (Broken, "$.tags[0]"),
                (Broken, "$.tags[0]"),
                (Broken, "$.tags[2]"),
                (Broken, "$.tags[2]"),
            ],
        ),
        // `null` has nothing to measure.
        (r#"{"maybe": [null, "X"]}"#, &[(Broken, "$.maybe[1]")]),
        // A key (too long, not of the pattern) and a value, at the entry's path.
        (
            r#"{"labels": {"abc": 5, "b": 0, "c-": 1}}"#,
            &[
                (Broken, "$.labels.abc"),
                (Broken, "$.labels.b"),
                (Broken, "$.labels['c-']"),
            ],
        ),
        (
            r#"{"numbered": {"10": "x", "9": "y"}}"#,
            &[(Broken, "$.numbered['10']")],
        ),
        (
            r#"{"grid": [["a", "b"], ["C"]]}"#,
            &[(Broken, "$.grid[0]"), (Broken, "$.grid[1][0]")],
        ),
        // A blob alias counts decoded bytes: 3 bytes are 4 base64 characters.
        (r#"{"part": "AAEC"}"#, &[(Broken, "$.part")]),
        (
            r#"{"parts": ["", "AAEC", "AA=="]}"#,
            &[(Broken, "$.parts[0]"), (Broken, "$.parts[1]")],
        ),
        // A value with another problem is not measured, its items neither.
        (r#"{"tags": ["", 1]}"#, &[(WrongType, "$.tags[1]")]),
    ];
    constraints_agree_with_the_reference(&SHAPE, &payloads);
}

/// Each payload's errors with constraints checked, in every mode: validate and the
/// reference checker both give `errors` (path and kind); without the option, both give
/// only the errors that are no `constraint_violation`.
fn constraints_agree_with_the_reference(
    shape: &'static typed_dict::TypedDictSchema,
    payloads: &[(&str, &[(ErrorKind, &str)])],
) {
    use typed_dict_reliability::reference;
    use ErrorKind::ConstraintViolation as Broken;
    for &(json, errors) in payloads {
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        for options in [STRICT, WIRE, DENY] {
            let checked = options.constraints(true);
            let report = validate_schema(json.as_bytes(), shape, checked);
            let got: Vec<(ErrorKind, String)> = report
                .errors
                .iter()
                .map(|e| (e.kind, e.path.clone()))
                .collect();
            let want: Vec<(ErrorKind, String)> =
                errors.iter().map(|(k, p)| (*k, (*p).to_owned())).collect();
            assert_eq!(got, want, "{json} {checked:?}");
            assert_eq!(
                reference::check(&value, shape, checked).errors,
                want,
                "reference, {json}"
            );
            // Without the option: only the type errors.
            let unchecked: Vec<(ErrorKind, String)> = want
                .iter()
                .filter(|(kind, _)| *kind != Broken)
                .cloned()
                .collect();
            let report = validate_schema(json.as_bytes(), shape, options);
            let got: Vec<(ErrorKind, String)> = report
                .errors
                .iter()
                .map(|e| (e.kind, e.path.clone()))
                .collect();
            assert_eq!(got, unchecked, "{json} {options:?}");
            assert_eq!(reference::check(&value, shape, options).errors, unchecked);
        }
    }
}
