//! No data lost: every modeled key, every millisecond and every digit survives
//! decode → encode; keys from a newer service version survive in an extra-items field;
//! a payload that fails gives an error, never part of a value.

use serde_json::Value;
use typed_dict::{decode, typed_dict, DecodeOptions, Dict, ErrorKind, Timestamp};
use typed_dict_reliability::codecs::{codec, Codec};
use typed_dict_reliability::corpus::corpus_dir;
use typed_dict_reliability::mutate::Rng;
use typed_dict_reliability::oracle::{self, Outcome};
use typed_dict_reliability::reference;
use typed_dict_reliability::strategy::EXACT_FRACTION_SECONDS;

/// The number tokens of a JSON text, as written but for the exponent's spelling, in order
/// (strings skipped).
fn number_tokens(json: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = json.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '-' | '0'..='9' => {
                let mut token = c.to_string();
                while let Some(&c) = chars.peek() {
                    if c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-') {
                        token.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                // The same number: `1e+308` and `1E308` are `1e308`.
                tokens.push(token.replace('E', "e").replace("e+", "e"));
            }
            _ => {}
        }
    }
    tokens
}

/// Decodes `json` as `name` with `options`, encodes it, and checks that nothing changed:
/// the same JSON value, and the very same number tokens, digit for digit.
fn assert_survives(name: &str, options: DecodeOptions, json: &str) {
    let codec = codec(name).unwrap_or_else(|| panic!("no TypeDef {name}"));
    assert_survives_as(codec, options, json);
}

fn assert_survives_as(codec: &Codec, options: DecodeOptions, json: &str) {
    let input: Value = serde_json::from_str(json).unwrap();
    let Outcome::Decoded(encoded) = oracle::check_against_reference(codec, &input, options) else {
        panic!("{} did not decode: {json}", codec.name());
    };
    assert_eq!(
        encoded,
        input,
        "{} changed in decode → encode",
        codec.name()
    );
    let text = String::from_utf8(codec.decode(json.as_bytes(), options).unwrap().encoded).unwrap();
    let mut before = number_tokens(json);
    let mut after = number_tokens(&text);
    before.sort();
    after.sort();
    assert_eq!(before, after, "{}: digits changed\n  {text}", codec.name());
}

#[test]
fn realistic_payloads_survive_decode_then_encode() {
    let responses = [
        (
            "DescribeImagesResponseTypeDef",
            r#"{
                "imageDetails": [
                    {
                        "registryId": "012345678910",
                        "repositoryName": "ubuntu",
                        "imageDigest": "sha256:4a1c6567c38904384ebc64e35b7eeddd8451110c299e3368d2210066487d97e5",
                        "imageTags": ["latest", "22.04", "日本語", "💥", ""],
                        "imageSizeInBytes": 9007199254740993,
                        "imagePushedAt": 1650000000.123,
                        "imageScanStatus": {"status": "COMPLETE", "description": "The scan was completed successfully."},
                        "imageScanFindingsSummary": {
                            "imageScanCompletedAt": 1650000001.5,
                            "vulnerabilitySourceUpdatedAt": 1649999999,
                            "findingSeverityCounts": {"CRITICAL": 1, "HIGH": 9223372036854775807, "LOW": 0, "UNDEFINED": -9223372036854775808}
                        },
                        "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
                        "artifactMediaType": "application/vnd.docker.container.image.v1+json"
                    },
                    {"imageDigest": "sha256:0001", "imagePushedAt": -1.001, "imageTags": []}
                ],
                "nextToken": "eyJ0b2tlbiI6IjEifQ=="
            }"#,
        ),
        (
            "DescribeImageScanFindingsResponseTypeDef",
            r#"{
                "registryId": "012345678910",
                "repositoryName": "web",
                "imageId": {"imageDigest": "sha256:00", "imageTag": "v1"},
                "imageScanStatus": {"status": "COMPLETE", "description": "ok"},
                "imageScanFindings": {
                    "imageScanCompletedAt": 1700000000.999,
                    "vulnerabilitySourceUpdatedAt": 1699999999.001,
                    "findingSeverityCounts": {"CRITICAL": 2, "MEDIUM": 17},
                    "findings": [
                        {"name": "CVE-2021-44228", "uri": "https://nvd.nist.gov/vuln/detail/CVE-2021-44228", "severity": "CRITICAL",
                         "attributes": [{"key": "CVSS3_SCORE", "value": "10.0"}, {"key": "package_name"}]}
                    ],
                    "enhancedFindings": [
                        {
                            "awsAccountId": "012345678910",
                            "description": "Apache Log4j2 JNDI features ...",
                            "findingArn": "arn:aws:inspector2:us-east-1:012345678910:finding/0",
                            "firstObservedAt": 1650000000.123,
                            "lastObservedAt": 1650086400.5,
                            "packageVulnerabilityDetails": {
                                "cvss": [{"baseScore": 9.8, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "source": "NVD", "version": "3.1"},
                                         {"baseScore": 0.1, "source": "GHSA", "version": "2.0"}],
                                "referenceUrls": ["https://logging.apache.org/log4j/2.x/security.html"],
                                "relatedVulnerabilities": [],
                                "source": "NVD",
                                "sourceUrl": "https://nvd.nist.gov",
                                "vendorCreatedAt": 1639094400,
                                "vendorSeverity": "CRITICAL",
                                "vendorUpdatedAt": 1639180800.25,
                                "vulnerabilityId": "CVE-2021-44228",
                                "vulnerablePackages": [{"arch": "noarch", "epoch": 0, "filePath": "app/lib/log4j-core-2.14.1.jar", "name": "log4j-core", "packageManager": "JAR", "release": "", "sourceLayerHash": "sha256:01", "version": "2.14.1"}]
                            },
                            "remediation": {"recommendation": {"text": "Upgrade to 2.17.1", "url": "https://example.com/fix"}},
                            "resources": [{"details": {"awsEcrContainerImage": {"architecture": "amd64", "imageHash": "sha256:00", "imageTags": ["v1"], "platform": "LINUX", "pushedAt": 1649999000.7, "registry": "012345678910", "repositoryName": "web"}},
                                           "id": "arn:aws:ecr:us-east-1:012345678910:repository/web/sha256:00", "tags": {"team": "ü", "cost-centre": "42"}, "type": "AWS_ECR_CONTAINER_IMAGE"}],
                            "score": 9.8,
                            "scoreDetails": {"cvss": {"adjustments": [{"metric": "AV", "reason": "network"}], "score": 7.5, "scoreSource": "NVD", "scoringVector": "CVSS:3.1/AV:N", "version": "3.1"}},
                            "severity": "CRITICAL",
                            "status": "ACTIVE",
                            "title": "CVE-2021-44228 - log4j-core",
                            "type": "PACKAGE_VULNERABILITY",
                            "updatedAt": 1650000100.01
                        }
                    ]
                },
                "ResponseMetadata": {"RequestId": "5f1e", "HostId": "", "HTTPStatusCode": 200, "HTTPHeaders": {"x-amzn-requestid": "5f1e", "content-type": "application/x-amz-json-1.1"}, "RetryAttempts": 0}
            }"#,
        ),
        (
            "GetLifecyclePolicyPreviewResponseTypeDef",
            r#"{
                "registryId": "012345678910",
                "repositoryName": "project-a/amazon-ecs-sample",
                "lifecyclePolicyText": "{\"rules\":[{\"rulePriority\":1,\"description\":\"Expire images older than 14 days\",\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":14},\"action\":{\"type\":\"expire\"}}]}",
                "status": "COMPLETE",
                "nextToken": "t",
                "previewResults": [
                    {"imageTags": [], "imageDigest": "sha256:01", "imagePushedAt": 1483574034.853, "action": {"type": "EXPIRE"}, "appliedRulePriority": 1},
                    {"imageDigest": "sha256:02", "imagePushedAt": 1483574038, "action": {}, "appliedRulePriority": 9223372036854775807}
                ],
                "summary": {"expiringImageTotalCount": 2},
                "ResponseMetadata": {"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 3}
            }"#,
        ),
        (
            "GetAuthorizationTokenResponseTypeDef",
            r#"{"authorizationData": [{"authorizationToken": "QVdTOmV5SndZWGxzYjJGa0lqb2lVVk01TjJkd1lu", "expiresAt": 1650043200.5, "proxyEndpoint": "https://012345678910.dkr.ecr.us-east-1.amazonaws.com"}]}"#,
        ),
    ];
    for (name, json) in responses {
        assert_survives(name, DecodeOptions::wire(), json);
    }
    let requests = [
        (
            "PutReplicationConfigurationRequestRequestTypeDef",
            r#"{"replicationConfiguration": {"rules": [{"destinations": [{"region": "eu-west-1", "registryId": "012345678910"}, {"region": "ap-southeast-2", "registryId": "109876543210"}], "repositoryFilters": [{"filter": "prod-", "filterType": "PREFIX_MATCH"}]}, {"destinations": []}]}}"#,
        ),
        (
            "UploadLayerPartRequestRequestTypeDef",
            r#"{"repositoryName": "web", "uploadId": "0a1b", "partFirstByte": 0, "partLastByte": 9223372036854775807, "layerPartBlob": "AAECA/+A/w==", "registryId": "012345678910"}"#,
        ),
        (
            "CreateRepositoryRequestRequestTypeDef",
            r#"{"repositoryName": "ünïcödé/репозиторий", "tags": [{"Key": "k\"ey", "Value": "v\\alue\u0000"}, {"Key": "🔑"}], "imageTagMutability": "IMMUTABLE", "imageScanningConfiguration": {"scanOnPush": false}, "encryptionConfiguration": {"encryptionType": "KMS", "kmsKey": "arn:aws:kms:us-east-1:012345678910:key/0"}}"#,
        ),
    ];
    for (name, json) in requests {
        assert_survives(name, DecodeOptions::strict(), json);
        assert_survives(name, DecodeOptions::wire(), json);
    }
}

/// `{"imagePushedAt": <number>}` decoded as an `ImageDetailTypeDef`.
fn pushed_at(number: &str) -> (Timestamp, String) {
    let json = format!(r#"{{"imagePushedAt": {number}}}"#);
    let image: ecr_types::ImageDetailTypeDef = decode(json.as_bytes(), DecodeOptions::strict())
        .unwrap_or_else(|error| panic!("{json}: {error}"));
    let at = image.image_pushed_at.unwrap();
    let encoded = typed_dict::to_string(&image).unwrap();
    let written = encoded
        .strip_prefix(r#"{"imagePushedAt":"#)
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap()
        .to_owned();
    (at, written)
}

/// Every millisecond and every microsecond of 1833 to 2106, written as epoch seconds,
/// decodes to exactly that instant and is written back digit for digit.
#[test]
fn every_millisecond_survives_in_the_exact_window() {
    let mut rng = Rng::new(20_221_231);
    let span = (EXACT_FRACTION_SECONDS.end - EXACT_FRACTION_SECONDS.start) as u64;
    for round in 0..20_000 {
        let seconds = EXACT_FRACTION_SECONDS.start + (rng.next_u64() % span) as i64;
        let (fraction, scale) = if round % 2 == 0 {
            ((rng.next_u64() % 1000) as i64, 1000)
        } else {
            ((rng.next_u64() % 1_000_000) as i64, 1_000_000)
        };
        let total = seconds as i128 * scale + i128::from(fraction);
        let number = serde_json::to_string(&(total as f64 / scale as f64)).unwrap();
        let (at, written) = pushed_at(&number);
        assert_eq!(
            i128::from(at.unix_micros()),
            total * (1_000_000 / scale),
            "{number}"
        );
        // A double is written back as it was read, `.0` included.
        assert_eq!(written, number, "{number}");
    }
    // The realistic ones, named.
    for (number, micros, written) in [
        ("1650000000.123", 1_650_000_000_123_000, "1650000000.123"),
        ("1448875853.241", 1_448_875_853_241_000, "1448875853.241"),
        (
            "1563223656.000001",
            1_563_223_656_000_001,
            "1563223656.000001",
        ),
        // The same double, in its shortest spelling: the same JSON value.
        ("1.563223656E9", 1_563_223_656_000_000, "1563223656.0"),
        ("1.563223656e+9", 1_563_223_656_000_000, "1563223656.0"),
        ("1565128275.0", 1_565_128_275_000_000, "1565128275.0"),
        ("0.0", 0, "0.0"),
        ("-0.5", -500_000, "-0.5"),
        ("253402300799", 253_402_300_799_000_000, "253402300799"),
        ("-62135596800", -62_135_596_800_000_000, "-62135596800"),
    ] {
        let (at, out) = pushed_at(number);
        assert_eq!(
            (at.unix_micros(), out.as_str()),
            (micros, written),
            "{number}"
        );
    }
}

/// RFC 3339 renderings from the corpus decode to the right instant and are written back
/// as the epoch seconds they stand for.
#[test]
fn rfc3339_timestamps_keep_their_instant() {
    for (text, written) in [
        ("2021-09-23T11:39:30-05:00", "1632415170"),
        ("2023-04-17T17:40:39.940000-05:00", "1681771239.94"),
        ("2023-09-04T05:35:37+00:00", "1693805737"),
        ("2022-05-17T06:56:13.652000+00:00", "1652770573.652"),
        ("2022-05-17T06:56:13.652Z", "1652770573.652"),
        ("1970-01-01T00:00:00.000001Z", "1e-6"),
        ("0001-01-01T00:00:00Z", "-62135596800"),
        ("9999-12-31T23:59:59Z", "253402300799"),
    ] {
        let (_, out) = pushed_at(&format!("\"{text}\""));
        assert_eq!(out, written, "{text}");
        let micros = reference::rfc3339_micros(text).unwrap();
        assert_eq!(pushed_at(&out).0.unix_micros(), micros, "{text}");
    }
}

/// Fractional timestamps far from 1970, where a double no longer tells microseconds
/// apart: a number is read as the double it is (rounded to the microsecond, as CPython's
/// `datetime.fromtimestamp` reads it) and written back digit for digit; a microsecond
/// given as RFC 3339 comes back as the same instant (written as RFC 3339 when no double
/// carries it). Found broken by this suite (decode → encode moved such instants by a
/// microsecond or more); fixed in 44d0c2a.
#[test]
fn fractional_timestamps_survive_in_every_year() {
    for number in [
        "7258118400.001", // 2200-01-01T00:00:00.001Z
        "253402300799.999",
        "9999999999.123",
        "32503680000.5",
        "-62135596799.999",
        "-9999999999.001",
    ] {
        let (at, written) = pushed_at(number);
        let double: f64 = number.parse().unwrap();
        assert_eq!(
            Some(at.unix_micros()),
            reference::f64_micros(double),
            "{number}"
        );
        assert_eq!(written, number, "{number}");
    }
    for text in [
        "2300-01-01T00:00:00.000001Z",
        "2242-03-16T12:56:32.087630+00:00",
        "1684-07-28T00:12:24.135385+00:00",
        "9999-12-31T23:59:59.999999Z",
        "0001-01-01T00:00:00.000001Z",
    ] {
        let (at, written) = pushed_at(&format!("\"{text}\""));
        assert_eq!(
            at.unix_micros(),
            reference::rfc3339_micros(text).unwrap(),
            "{text}"
        );
        assert_eq!(pushed_at(&written).0, at, "{text} written as {written}");
    }
    let mut rng = Rng::new(7);
    for _ in 0..20_000 {
        let span = (reference::MAX_SECONDS - reference::MIN_SECONDS) as u64;
        let micros = (reference::MIN_SECONDS + (rng.next_u64() % span) as i64) * 1_000_000
            + (rng.next_u64() % 1_000_000) as i64;
        let at = Timestamp::from_unix_micros(micros).unwrap();
        let json = serde_json::to_string(&at).unwrap();
        let back: Timestamp = serde_json::from_str(&json).unwrap();
        assert_eq!(back, at, "{micros} written as {json}");
    }
}

/// The repository shape as the 2022 stubs have it, plus an extra-items field: what a
/// client built in 2022 holds of a response from a newer service version.
#[typed_dict]
pub struct RepositoryWithFutureKeysTypeDef {
    pub repository_arn: Option<String>,
    pub registry_id: Option<String>,
    pub repository_name: Option<String>,
    pub repository_uri: Option<String>,
    pub created_at: Option<Timestamp>,
    pub image_tag_mutability: Option<ecr_types::ImageTagMutabilityType>,
    pub image_scanning_configuration: Option<ecr_types::ImageScanningConfigurationTypeDef>,
    #[typed_dict(extra)]
    pub extra: Dict<String, Value>,
}

/// A `DescribeRepositories` item from a newer service version: keys the 2022 shape lacks
/// (`imageTagMutabilityExclusionFilters`, a KMS_DSSE encryption configuration, ...) and
/// values of every JSON kind, at the edges.
const FUTURE_REPOSITORY: &str = r#"{
    "repositoryArn": "arn:aws:ecr:us-east-1:012345678910:repository/web",
    "registryId": "012345678910",
    "repositoryName": "web",
    "repositoryUri": "012345678910.dkr.ecr.us-east-1.amazonaws.com/web",
    "createdAt": 1650000000.123,
    "imageTagMutability": "MUTABLE",
    "imageScanningConfiguration": {"scanOnPush": true},
    "imageTagMutabilityExclusionFilters": [{"filter": "latest", "filterType": "WILDCARD"}],
    "encryptionConfiguration": {"encryptionType": "KMS_DSSE", "kmsKey": "arn:aws:kms:us-east-1:012345678910:key/0"},
    "futureCount": 18446744073709551615,
    "futureSigned": -9223372036854775808,
    "futureRatio": 0.1,
    "futureHuge": 1.7976931348623157e308,
    "futureTiny": 5e-324,
    "futureNull": null,
    "futureFlag": false,
    "futureNested": {"a": [1, 2.5, "x", true, null, {}, []], "b": {"c": {"d": "deep"}}},
    "ключ": "значение",
    "odd 'key'": "\"quoted\\\" \u0000 \ud83d\udca5"
}"#;

#[test]
fn keys_from_a_newer_service_version_survive_in_extra_items() {
    static FUTURE: Codec = Codec::of::<RepositoryWithFutureKeysTypeDef>();
    static FIXTURE: Codec = Codec::of::<typed_dict_tests::RepositoryWithExtrasTypeDef>();
    for options in [
        DecodeOptions::strict(),
        DecodeOptions::wire(),
        DecodeOptions::strict().deny_unknown(true),
    ] {
        assert_survives_as(&FUTURE, options, FUTURE_REPOSITORY);
    }
    let decoded: RepositoryWithFutureKeysTypeDef =
        decode(FUTURE_REPOSITORY.as_bytes(), DecodeOptions::strict()).unwrap();
    assert_eq!(decoded.extra.len(), 12);
    assert_eq!(
        decoded.created_at.unwrap().unix_micros(),
        1_650_000_000_123_000
    );
    // The framework's own fixture: a Required key, a NotRequired one, the rest kept.
    let fixture = r#"{"repositoryName": "web", "scanOnPush": true, "imageTagMutabilityExclusionFilters": [{"filter": "v*", "filterType": "WILDCARD"}], "createdAt": "2024-01-01T00:00:00Z", "n": 12345678901234567890, "f": 9.8}"#;
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        assert_survives_as(&FIXTURE, options, fixture);
    }
}

/// A realistic response whose only error is its very last value: an error naming exactly
/// that one problem, never a value with the rest filled in.
#[test]
fn a_failed_decode_returns_only_the_error() {
    let name = "DescribeImagesResponseTypeDef";
    let valid = r#"{"imageDetails": [{"imageDigest": "sha256:1", "imageTags": ["a", "b"], "imagePushedAt": 1650000000.123}], "nextToken": "t"}"#;
    let cases: [(String, Vec<(ErrorKind, &str)>); 4] = [
        (
            valid.replace(r#""nextToken": "t""#, r#""nextToken": 5"#),
            vec![(ErrorKind::WrongType, "$.nextToken")],
        ),
        (
            valid.replace(r#""b"]"#, r#""b", null]"#),
            vec![(ErrorKind::NullNotAllowed, "$.imageDetails[0].imageTags[2]")],
        ),
        (
            format!("{valid}x"),
            vec![(ErrorKind::malformed_json(1, valid.len() + 1), "$")],
        ),
        (
            valid[..valid.len() - 1].to_owned(),
            vec![(ErrorKind::malformed_json(1, valid.len() - 1), "$")],
        ),
    ];
    let result: Result<ecr_types::DescribeImagesResponseTypeDef, _> =
        decode(valid.as_bytes(), DecodeOptions::wire());
    assert!(result.is_ok());
    for (json, expected) in cases {
        for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
            let result: Result<ecr_types::DescribeImagesResponseTypeDef, _> =
                decode(json.as_bytes(), options);
            let error = result.expect_err(&json);
            let got: Vec<(ErrorKind, &str)> = error
                .errors()
                .iter()
                .map(|e| (e.kind, e.path.as_str()))
                .filter(|(kind, path)| {
                    // Strict mode also misses the response's ResponseMetadata.
                    !(options == DecodeOptions::strict()
                        && *kind == ErrorKind::MissingKey
                        && *path == "$.ResponseMetadata")
                })
                .collect();
            assert_eq!(got, expected, "{json} ({options:?})");
            oracle::check(codec(name).unwrap(), json.as_bytes(), options);
        }
    }
    // A failed wire-mode decode leaves the thread in no mode: the next strict decode is
    // strict (null is refused), the next wire decode is wire.
    let null_token = br#"{"imageDetails": [], "nextToken": null, "ResponseMetadata": {"RequestId": "r", "HostId": "h", "HTTPStatusCode": 200, "HTTPHeaders": {}, "RetryAttempts": 0}}"#;
    let _ = decode::<ecr_types::DescribeImagesResponseTypeDef>(b"{", DecodeOptions::wire());
    assert!(decode::<ecr_types::DescribeImagesResponseTypeDef>(
        null_token,
        DecodeOptions::strict()
    )
    .is_err());
    let _ = decode::<ecr_types::DescribeImagesResponseTypeDef>(b"[", DecodeOptions::strict());
    assert!(
        decode::<ecr_types::DescribeImagesResponseTypeDef>(null_token, DecodeOptions::wire())
            .is_ok()
    );
}

/// Turns the cloud-custodian recorder's `{"__class__": "datetime", ...}` objects into
/// RFC 3339 strings (as UTC: the recorder's local zone is unknown, and only what survives
/// matters here).
fn convert_recorded_datetimes(value: &mut Value) {
    match value {
        Value::Object(map) if map.get("__class__") == Some(&Value::from("datetime")) => {
            let field = |name: &str| map.get(name).and_then(Value::as_i64).unwrap_or(0);
            *value = Value::from(format!(
                "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z",
                field("year"),
                field("month"),
                field("day"),
                field("hour"),
                field("minute"),
                field("second"),
                field("microsecond")
            ));
        }
        Value::Object(map) => map.values_mut().for_each(convert_recorded_datetimes),
        Value::Array(items) => items.iter_mut().for_each(convert_recorded_datetimes),
        _ => {}
    }
}

/// Every corpus payload named after a TypeDef, in wire mode: when the schema accepts it,
/// it decodes and encodes to exactly what the schema predicts (every modeled key kept,
/// unknown keys and nulls dropped, timestamps as epoch seconds); when it does not, decode
/// reports exactly the schema's errors.
#[test]
fn corpus_payloads_keep_every_modeled_key() {
    let Some(dir) = corpus_dir().map(|dir| dir.join("payloads")) else {
        println!("skipped: no corpus (../shared/corpus) in this checkout");
        return;
    };
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let (mut decoded, mut rejected, mut unmatched) = (0, 0, 0);
    for path in &files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(codec) = file.split("__").next().and_then(codec) else {
            unmatched += 1;
            continue;
        };
        let Ok(mut value) = serde_json::from_slice::<Value>(&std::fs::read(path).unwrap()) else {
            unmatched += 1;
            continue;
        };
        convert_recorded_datetimes(&mut value);
        for options in [DecodeOptions::wire(), DecodeOptions::strict()] {
            match oracle::check_against_reference(codec, &value, options) {
                Outcome::Decoded(_) if options.is_wire() => decoded += 1,
                Outcome::Rejected(errors) if options.is_wire() => {
                    rejected += 1;
                    println!("  {file}: rejected in wire mode: {errors:?}");
                }
                _ => {}
            }
        }
    }
    println!(
        "corpus payloads: {} files, {decoded} decode in wire mode with nothing lost, {rejected} rejected, {unmatched} not named after a TypeDef or not JSON",
        files.len()
    );
    assert!(decoded > 0);
}
