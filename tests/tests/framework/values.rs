//! Value kinds: timestamps, blobs, integers, floats and dicts.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use typed_dict::{Blob, DecodeOptions, Dict, ErrorKind, Timestamp};
use typed_dict_tests::*;

use crate::errors_of;

fn completed_at(json_value: &str) -> Result<Timestamp, Vec<(ErrorKind, String)>> {
    let json = format!(r#"{{"imageScanCompletedAt": {json_value}}}"#);
    typed_dict::from_str::<ImageScanFindingsSummaryTypeDef>(&json)
        .map(|summary| summary.image_scan_completed_at.unwrap())
        .map_err(|error| {
            error
                .errors()
                .iter()
                .map(|e| (e.kind, e.path.clone()))
                .collect()
        })
}

#[test]
fn timestamps_read_every_json_number_notation() {
    let micros = |json: &str| completed_at(json).unwrap().unix_micros();
    assert_eq!(micros("1650000000"), 1_650_000_000_000_000);
    assert_eq!(micros("1650000000.123"), 1_650_000_000_123_000);
    assert_eq!(micros("1.563223656E9"), 1_563_223_656_000_000);
    assert_eq!(micros("1448875853.241"), 1_448_875_853_241_000);
    assert_eq!(micros("0.0"), 0);
    assert_eq!(micros("-1.5"), -1_500_000);
}

#[test]
fn timestamps_read_rfc3339_with_offsets_and_microseconds() {
    let at = |json: &str| completed_at(json).unwrap();
    assert_eq!(
        at(r#""2023-04-17T17:40:39.940000-05:00""#).to_string(),
        "2023-04-17T22:40:39.940000Z"
    );
    assert_eq!(
        at(r#""2021-09-23T11:39:30-05:00""#).unix_micros(),
        1_632_415_170_000_000
    );
    assert_eq!(
        at(r#""2023-09-04T05:35:37+00:00""#),
        at(r#""2023-09-04T05:35:37Z""#)
    );
    assert_eq!(
        at(r#""2022-05-17T06:56:13.652123Z""#).unix_micros() % 1_000_000,
        652_123
    );
    // Past the microsecond, digits are truncated, as CPython's `fromisoformat` does.
    assert_eq!(
        at(r#""2022-05-17T06:56:13.652123999Z""#).unix_micros() % 1_000_000,
        652_123
    );
}

#[test]
fn anything_else_is_an_invalid_timestamp() {
    for bad in [
        r#""Jul 11, 2018 10:17:44 PM""#,
        r#""yesterday""#,
        r#""2023-04-17""#,
        r#""2023-04-17T17:40:39""#,
        r#""2023-04-17x17:40:39Z""#,
        "1e300",
        "-1e300",
        "253402300800",
        "18446744073709551615",
    ] {
        assert_eq!(
            completed_at(bad),
            Err(vec![(
                ErrorKind::InvalidTimestamp,
                "$.imageScanCompletedAt".to_owned()
            )]),
            "{bad}"
        );
    }
    assert_eq!(
        completed_at("true"),
        Err(vec![(
            ErrorKind::WrongType,
            "$.imageScanCompletedAt".to_owned()
        )])
    );
}

#[test]
fn timestamps_encode_as_epoch_seconds_and_keep_milliseconds() {
    let encode =
        |micros: i64| serde_json::to_string(&Timestamp::from_unix_micros(micros).unwrap()).unwrap();
    assert_eq!(encode(1_650_000_000_000_000), "1650000000");
    assert_eq!(encode(1_650_000_000_123_000), "1650000000.123");
    assert_eq!(encode(1_681_771_239_940_123), "1681771239.940123");
    for micros in [1_650_000_000_123_000, 1_681_771_239_940_123, -1_500_000, 1] {
        let at = Timestamp::from_unix_micros(micros).unwrap();
        let back: Timestamp = serde_json::from_str(&serde_json::to_string(&at).unwrap()).unwrap();
        assert_eq!(back, at);
    }
}

#[test]
fn timestamps_convert_to_and_from_std_time_and_chrono() {
    let at = Timestamp::from_unix_millis(1_650_000_000_123).unwrap();
    let system: SystemTime = at.into();
    assert_eq!(
        system,
        UNIX_EPOCH + Duration::from_millis(1_650_000_000_123)
    );
    assert_eq!(Timestamp::try_from(system).unwrap(), at);
    let before_epoch = UNIX_EPOCH - Duration::from_micros(1_500_000);
    assert_eq!(
        Timestamp::try_from(before_epoch).unwrap().unix_micros(),
        -1_500_000
    );
    let chrono_at: chrono::DateTime<chrono::Utc> = at.into();
    assert_eq!(chrono_at.timestamp_millis(), 1_650_000_000_123);
    assert_eq!(Timestamp::try_from(chrono_at).unwrap(), at);
    let offset: time::OffsetDateTime = at.into();
    assert_eq!(Timestamp::try_from(offset).unwrap(), at);
    assert!(Timestamp::try_from(UNIX_EPOCH + Duration::from_secs(400_000_000_000)).is_err());
}

#[test]
fn blobs_are_base64_on_the_wire() {
    let json = r#"{"repositoryName":"r","uploadId":"u","partFirstByte":0,"partLastByte":4,"layerPartBlob":"bGF5ZXI="}"#;
    let part: UploadLayerPartRequestRequestTypeDef = typed_dict::from_str(json).unwrap();
    assert_eq!(part.layer_part_blob.as_bytes(), b"layer");
    assert_eq!(typed_dict::to_string(&part).unwrap(), json);
    assert_eq!(Blob::from("layer"), Blob::from(b"layer".to_vec()));
    assert_eq!(
        Blob::from_reader(std::io::Cursor::new(b"layer")).unwrap(),
        Blob::from(&b"layer"[..])
    );
    let bad = json.replace("bGF5ZXI=", "not base64!");
    assert_eq!(
        errors_of::<UploadLayerPartRequestRequestTypeDef>(&bad, DecodeOptions::strict()),
        vec![(ErrorKind::InvalidBase64, "$.layerPartBlob".to_owned())]
    );
}

#[test]
fn integers_are_i64_exactly() {
    let with = |value: &str| {
        format!(
            r#"{{"repositoryName":"r","uploadId":"u","partFirstByte":{value},"partLastByte":4,"layerPartBlob":""}}"#
        )
    };
    let extreme: UploadLayerPartRequestRequestTypeDef =
        typed_dict::from_str(&with("-9223372036854775808")).unwrap();
    assert_eq!(extreme.part_first_byte, i64::MIN);
    for (value, kind) in [
        ("9223372036854775808", ErrorKind::IntegerOutOfRange),
        ("-9223372036854775809", ErrorKind::IntegerOutOfRange),
        ("1e30", ErrorKind::IntegerOutOfRange),
        ("1.5", ErrorKind::WrongType),
        ("1.0", ErrorKind::WrongType),
        (r#""1""#, ErrorKind::WrongType),
    ] {
        assert_eq!(
            errors_of::<UploadLayerPartRequestRequestTypeDef>(
                &with(value),
                DecodeOptions::strict()
            ),
            vec![(kind, "$.partFirstByte".to_owned())],
            "{value}"
        );
    }
}

#[test]
fn floats_round_trip_exactly_and_accept_integers() {
    for text in ["9.8", "0.1", "1e-7", "123456789.123456789", "5"] {
        let json = format!(r#"{{"baseScore":{text}}}"#);
        let score: CvssScoreTypeDef = typed_dict::from_str(&json).unwrap();
        let expected: f64 = text.parse().unwrap();
        assert_eq!(score.base_score, Some(expected));
        let again: CvssScoreTypeDef =
            typed_dict::from_str(&typed_dict::to_string(&score).unwrap()).unwrap();
        assert_eq!(again, score);
    }
}

#[test]
fn dicts_reject_duplicate_keys() {
    let errors = errors_of::<ImageScanFindingsSummaryTypeDef>(
        r#"{"findingSeverityCounts": {"HIGH": 1, "HIGH": 2}}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        vec![(
            ErrorKind::DuplicateKey,
            "$.findingSeverityCounts.HIGH".to_owned()
        )]
    );
    let counts: Dict<String, i64> = [("a", 1)].into();
    assert_eq!(counts["a"], 1);
}

/// A Python dict keeps insertion order, and so does `Dict`: decoding then encoding gives
/// the object back as it was sent, for string keys, literal keys and extra items alike.
#[test]
fn dicts_keep_the_order_they_were_sent_in() {
    let scores = r#"{"bySource":{"nvd":[9.8],"amazon":[7.5],"ghsa":[1.0,2.5]}}"#;
    let decoded: ScoresTypeDef = typed_dict::from_str(scores).unwrap();
    let by_source = decoded.by_source.as_ref().unwrap();
    assert_eq!(
        by_source.keys().map(String::as_str).collect::<Vec<_>>(),
        ["nvd", "amazon", "ghsa"]
    );
    assert_eq!(typed_dict::to_string(&decoded).unwrap(), scores);

    let summary = r#"{"findingSeverityCounts":{"UNDEFINED":1,"CRITICAL":2,"LOW":3,"HIGH":4}}"#;
    let decoded: ImageScanFindingsSummaryTypeDef = typed_dict::from_str(summary).unwrap();
    assert_eq!(typed_dict::to_string(&decoded).unwrap(), summary);
    for mode in [DecodeOptions::strict(), DecodeOptions::wire()] {
        let decoded: ImageScanFindingsSummaryTypeDef =
            typed_dict::decode(summary.as_bytes(), mode).unwrap();
        assert_eq!(typed_dict::to_vec(&decoded).unwrap(), summary.as_bytes());
    }

    let extras = r#"{"repositoryName":"web","zeta":1,"alpha":{"b":1,"a":2},"mid":[]}"#;
    let decoded: RepositoryWithExtrasTypeDef = typed_dict::from_str(extras).unwrap();
    assert_eq!(
        decoded.extra.keys().map(String::as_str).collect::<Vec<_>>(),
        ["zeta", "alpha", "mid"]
    );
    // The extra values are `serde_json::Value`s, whose own objects sort their keys.
    assert_eq!(
        typed_dict::to_string(&decoded).unwrap(),
        r#"{"repositoryName":"web","zeta":1,"alpha":{"a":2,"b":1},"mid":[]}"#
    );
}

#[test]
fn floats_json_cannot_hold_are_an_encode_error_not_a_silent_null() {
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let score = CvssScoreTypeDef::new().with_base_score(bad);
        let error = typed_dict::to_string(&score).unwrap_err();
        assert!(
            error.to_string().contains("JSON has no NaN or infinity"),
            "{error}"
        );
        let nested = ScoresTypeDef::new().with_by_source([("nvd".to_owned(), vec![1.0, bad])]);
        assert!(typed_dict::to_string(&nested).is_err());
    }
    let fine = CvssScoreTypeDef::new().with_base_score(9.8);
    assert_eq!(
        typed_dict::to_string(&fine).unwrap(),
        r#"{"baseScore":9.8}"#
    );
}

/// A typed dict holding dicts, with every comparison trait derived: they agree with `==`,
/// which ignores a dict's order.
#[typed_dict::typed_dict]
#[derive(Eq, Hash, PartialOrd, Ord)]
pub struct Labelled {
    pub name: String,
    pub labels: Dict<String, String>,
    pub counts: Option<Dict<String, i64>>,
}

fn labelled(name: &str, labels: &[(&str, &str)]) -> Labelled {
    Labelled::new(LabelledRequired {
        name: name.into(),
        labels: labels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    })
}

fn hash_of(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, RandomState};
    // One hasher state for every value compared.
    thread_local!(static STATE: RandomState = RandomState::new());
    STATE.with(|state| state.hash_one(value))
}

#[test]
fn typed_dicts_holding_dicts_derive_eq_hash_and_ord_consistent_with_eq() {
    use std::cmp::Ordering;
    use std::collections::{BTreeMap, HashSet};

    let ab = labelled("x", &[("a", "1"), ("b", "2")]);
    let ba = labelled("x", &[("b", "2"), ("a", "1")]);
    assert_eq!(ab, ba);
    assert_eq!(hash_of(&ab), hash_of(&ba));
    assert_eq!(ab.cmp(&ba), Ordering::Equal);
    assert_eq!(ab.partial_cmp(&ba), Some(Ordering::Equal));
    let set: HashSet<Labelled> = [ab.clone(), ba.clone()].into_iter().collect();
    assert_eq!(set.len(), 1);

    // Dicts order as `BTreeMap`s of the same entries do: by their sorted entries.
    let samples: Vec<Vec<(&str, &str)>> = vec![
        vec![],
        vec![("a", "1")],
        vec![("a", "2")],
        vec![("b", "0"), ("a", "1")],
        vec![("a", "1"), ("c", "0")],
        vec![("b", "1")],
    ];
    for left in &samples {
        for right in &samples {
            let ours = labelled("x", left).cmp(&labelled("x", right));
            let btree = |entries: &Vec<(&str, &str)>| -> BTreeMap<String, String> {
                entries
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect()
            };
            assert_eq!(ours, btree(left).cmp(&btree(right)), "{left:?} {right:?}");
            assert_eq!(
                ours == Ordering::Equal,
                labelled("x", left) == labelled("x", right)
            );
        }
    }
    // Fields compare in declaration order: the name first.
    assert!(labelled("a", &[("z", "9")]) < labelled("b", &[]));
}

/// A dict keyed by a named alias of a literal checks its keys as the literal does, in
/// `validate` as in decode (the walk looks through the alias).
mod literal_keys_under_an_alias {
    use typed_dict::{typed_dict, DecodeOptions, Dict, ErrorKind, TypedDict};

    #[typed_dict]
    pub enum LevelType {
        HIGH,
        LOW,
    }

    #[typed_dict]
    #[derive(PartialEq, Eq, Hash)]
    pub struct LevelTypeDef(pub LevelType);

    #[typed_dict]
    pub struct Counts {
        pub counts: Dict<LevelTypeDef, i64>,
    }

    #[test]
    fn an_unlisted_key_is_refused_by_both() {
        let json = r#"{"counts": {"HIGH": 1, "MEDIUM": 2, "HIGH": 3}}"#;
        assert_eq!(
            crate::errors_of::<Counts>(json, DecodeOptions::strict()),
            [
                (ErrorKind::InvalidLiteral, "$.counts.MEDIUM".to_owned()),
                (ErrorKind::DuplicateKey, "$.counts.HIGH".to_owned()),
            ]
        );
        let report =
            typed_dict::validate_schema(json.as_bytes(), Counts::schema(), DecodeOptions::strict());
        let error =
            typed_dict::decode::<Counts>(json.as_bytes(), DecodeOptions::strict()).unwrap_err();
        assert_eq!(error.errors(), &report.errors[..]);
    }
}
