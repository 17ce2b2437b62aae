//! serde_json's API, keeping the contract: every entry point a serde_json user reaches for
//! first, each success and each error path, and `Error`'s classification beside
//! serde_json's own for the same text.

use std::io;

use serde::Serialize;
use typed_dict::serde_json::{self, json};
use typed_dict::{typed_dict, DecodeOptions, ErrorKind, List};

#[typed_dict]
pub struct TagTypeDef {
    #[typed_dict(key = "Key")]
    pub key: String,
    #[typed_dict(key = "Value")]
    pub value: Option<String>,
    #[typed_dict(key = "Weight")]
    pub weight: Option<f64>,
}

fn tag(key: &str) -> TagTypeDef {
    TagTypeDef::new(TagTypeDefRequired { key: key.into() })
}

/// A reader or writer that fails at once.
struct Broken;

impl io::Read for Broken {
    fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
        Err(io::Error::new(
            io::ErrorKind::ConnectionReset,
            "the peer left",
        ))
    }
}

impl io::Write for Broken {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::new(io::ErrorKind::BrokenPipe, "the pipe broke"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn from_reader_reads_all_then_decodes() {
    let tag: TagTypeDef = typed_dict::from_reader(&br#"{"Key": "a"}"#[..]).unwrap();
    assert_eq!(tag.key, "a");
    let invalid = typed_dict::from_reader::<_, TagTypeDef>(&br#"{"Key": 1}"#[..]).unwrap_err();
    assert_eq!(invalid.errors()[0].path, "$.Key");
    let failed = typed_dict::from_reader::<_, TagTypeDef>(Broken).unwrap_err();
    assert!(failed.is_io());
    assert_eq!(failed.errors()[0].kind, ErrorKind::Io);
    assert!(failed.to_string().contains("the peer left"), "{failed}");
    assert_eq!(failed.type_name(), "TagTypeDef");
}

#[test]
fn from_value_reports_every_problem_at_its_path() {
    let tag: TagTypeDef = typed_dict::from_value(json!({"Key": "a", "Weight": 0.5})).unwrap();
    assert_eq!(tag.weight, Some(0.5));
    let error = typed_dict::from_value::<List<TagTypeDef>>(json!([{"Key": 1}, {"Value": null}]))
        .unwrap_err();
    let paths: Vec<&str> = error.errors().iter().map(|e| e.path.as_str()).collect();
    // Document order; a missing key where its object closes.
    assert_eq!(paths, ["$[0].Key", "$[1].Value", "$[1].Key"]);
    assert!(error.is_data());
}

#[test]
fn encoding_entry_points_agree_with_each_other_and_serde_json() {
    let value = tag("a").with_value("b".to_owned()).with_weight(1.25);
    let compact = typed_dict::to_string(&value).unwrap();
    assert_eq!(compact, r#"{"Key":"a","Value":"b","Weight":1.25}"#);
    assert_eq!(typed_dict::to_vec(&value).unwrap(), compact.as_bytes());
    let mut written = Vec::new();
    typed_dict::to_writer(&mut written, &value).unwrap();
    assert_eq!(written, compact.as_bytes());

    let pretty = typed_dict::to_string_pretty(&value).unwrap();
    assert_eq!(pretty, serde_json::to_string_pretty(&value).unwrap());
    assert_eq!(
        typed_dict::to_vec_pretty(&value).unwrap(),
        pretty.as_bytes()
    );
    let mut written = Vec::new();
    typed_dict::to_writer_pretty(&mut written, &value).unwrap();
    assert_eq!(written, pretty.as_bytes());

    assert_eq!(
        typed_dict::to_value(&value).unwrap(),
        json!({"Key": "a", "Value": "b", "Weight": 1.25})
    );
}

#[test]
fn a_users_own_serde_struct_holding_typed_dicts_encodes() {
    #[derive(Serialize)]
    struct Envelope<'a> {
        request_id: &'a str,
        tags: Vec<TagTypeDef>,
        scores: Vec<f64>,
    }
    let envelope = Envelope {
        request_id: "r-1",
        tags: vec![tag("a")],
        scores: vec![0.5],
    };
    assert_eq!(
        typed_dict::to_string(&envelope).unwrap(),
        r#"{"request_id":"r-1","tags":[{"Key":"a"}],"scores":[0.5]}"#
    );
    // serde_json writes `null` for NaN; the contract refuses it at any depth, in every form.
    for float in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let bad = Envelope {
            scores: vec![float],
            ..Envelope {
                request_id: "r-1",
                tags: vec![],
                scores: vec![],
            }
        };
        assert!(serde_json::to_string(&bad).unwrap().contains("null"));
        let nested = Envelope {
            tags: vec![tag("a").with_weight(float)],
            ..Envelope {
                request_id: "r-1",
                tags: vec![],
                scores: vec![],
            }
        };
        for error in [
            typed_dict::to_string(&bad).unwrap_err(),
            typed_dict::to_vec_pretty(&nested).unwrap_err(),
            typed_dict::to_value(&bad).unwrap_err(),
            typed_dict::to_writer(Vec::new(), &nested).unwrap_err(),
        ] {
            assert_eq!(error.errors()[0].kind, ErrorKind::Unencodable);
            assert!(error.is_data());
            assert_eq!(
                error.to_string(),
                format!("cannot encode the float {float}: JSON has no NaN or infinity")
            );
        }
    }
}

#[test]
fn a_failing_writer_is_an_io_error_and_nothing_half_written() {
    let error = typed_dict::to_writer(Broken, &tag("a")).unwrap_err();
    assert!(error.is_io());
    assert_eq!(error.errors()[0].kind, ErrorKind::Io);
    assert!(error.to_string().contains("the pipe broke"));
    let error = typed_dict::to_writer_pretty(Broken, &tag("a")).unwrap_err();
    assert!(error.is_io());
}

#[test]
fn errors_classify_as_serde_json_classifies_the_same_text() {
    use serde_json::error::Category as Theirs;
    use typed_dict::error::Category as Ours;
    for text in [
        r#"{"Key": "a""#,
        r#"{"Key": "#,
        "",
        "   ",
        r#"{"Key" "a"}"#,
        r#"{"Key": tru}"#,
        "{\n  \"Key\": \"a\",\n  x\n}",
        r#"{"Key": "a"} x"#,
    ] {
        let ours = typed_dict::from_str::<TagTypeDef>(text).unwrap_err();
        let theirs = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        let expected = match theirs.classify() {
            Theirs::Io => Ours::Io,
            Theirs::Syntax => Ours::Syntax,
            Theirs::Data => Ours::Data,
            Theirs::Eof => Ours::Eof,
        };
        assert_eq!(ours.classify(), expected, "{text:?}: {ours}");
        if !text.trim().is_empty() {
            assert_eq!(
                (ours.line(), ours.column()),
                (theirs.line(), theirs.column()),
                "{text:?}"
            );
        }
    }
    let data = typed_dict::from_str::<TagTypeDef>(r#"{"Key": 1}"#).unwrap_err();
    assert_eq!(data.classify(), Ours::Data);
    assert_eq!((data.line(), data.column()), (0, 0));
}

#[test]
fn an_error_converts_into_an_io_error_of_the_matching_kind() {
    let cut: io::Error = typed_dict::from_str::<TagTypeDef>(r#"{"Key""#)
        .unwrap_err()
        .into();
    assert_eq!(cut.kind(), io::ErrorKind::UnexpectedEof);
    let data: io::Error = typed_dict::from_str::<TagTypeDef>("{}").unwrap_err().into();
    assert_eq!(data.kind(), io::ErrorKind::InvalidData);
    assert!(data.to_string().contains("missing required key `Key`"));
}

#[test]
fn validate_by_type_agrees_with_decode() {
    for text in [
        r#"{"Key": "a"}"#,
        r#"{"Key": 1, "Value": null}"#,
        r#"[{"Key": "a"}]"#,
        "{",
    ] {
        let report = typed_dict::validate::<TagTypeDef>(text.as_bytes(), DecodeOptions::strict());
        assert_eq!(report.type_name, "TagTypeDef");
        match typed_dict::from_str::<TagTypeDef>(text) {
            Ok(_) => assert!(report.is_valid(), "{text}"),
            Err(error) => assert_eq!(error.report(), &report, "{text}"),
        }
    }
}

#[test]
fn a_result_is_as_small_as_serde_jsons() {
    assert_eq!(
        std::mem::size_of::<typed_dict::Result<()>>(),
        std::mem::size_of::<serde_json::Result<()>>()
    );
}
