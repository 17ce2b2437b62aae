//! The string scan's scalar path (what targets without SIMD take), run in this test
//! binary's own process: its one test sets `TYPED_DICT_SIMD=scalar` before anything is
//! scanned, then reads, validates and writes strings of every length around the SIMD
//! widths with every kind of stop at every offset, and compares with serde_json. A whole
//! suite runs on the scalar path with `TYPED_DICT_SIMD=scalar cargo test` (or `sse2`).

use typed_dict::{typed_dict, DecodeOptions};

#[typed_dict]
pub struct NamedTypeDef {
    pub name: String,
    pub tags: Vec<String>,
}

/// Strings of plain runs of many lengths, with a quote, backslash escape, `\u` escape,
/// raw control character or non-ASCII character at each offset.
fn strings() -> Vec<String> {
    let run = "abc\u{e9}def\u{1F600}ghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let chars: Vec<char> = run.chars().cycle().take(80).collect();
    let mut out = Vec::new();
    for len in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 64, 70] {
        let base: String = chars[..len].iter().collect();
        out.push(format!("\"{base}\""));
        for stop in [
            "\\\"",
            "\\\\",
            "\\n",
            "\\u00e9",
            "\\ud83d\\ude00",
            "\u{1}",
            "\u{1f}",
        ] {
            for at in 0..=len {
                let (head, tail): (String, String) = (
                    chars[..at].iter().collect(),
                    chars[at..len].iter().collect(),
                );
                out.push(format!("\"{head}{stop}{tail}\""));
            }
        }
    }
    out
}

#[test]
fn the_scalar_path_reads_and_writes_what_serde_json_does() {
    // The only test of this binary: no other thread has scanned a string yet, and the
    // path is picked on the first scan.
    std::env::set_var("TYPED_DICT_SIMD", "scalar");
    assert_eq!(typed_dict::__private::simd_path(), "scalar");
    for string in strings() {
        let json = format!(r#"{{"name": {string}, "tags": [{string}, "x"]}}"#);
        let expected = serde_json::from_str::<String>(&string).ok();
        let decoded = typed_dict::decode::<NamedTypeDef>(json.as_bytes(), DecodeOptions::strict());
        let report = typed_dict::validate::<NamedTypeDef>(json.as_bytes(), DecodeOptions::strict());
        assert_eq!(decoded.is_ok(), report.is_valid(), "{json}");
        match (&expected, decoded) {
            (Some(value), Ok(decoded)) => {
                assert_eq!(&decoded.name, value, "{json}");
                assert_eq!(decoded.tags[0], *value, "{json}");
                assert_eq!(
                    typed_dict::to_string(&decoded.name).unwrap(),
                    serde_json::to_string(value).unwrap(),
                    "{json}"
                );
            }
            (None, Err(_)) => {}
            (expected, decoded) => {
                panic!("{json}: serde_json {expected:?}, typed-dict {decoded:?}")
            }
        }
    }
    // The scan also stops at bytes above ASCII, where UTF-8 is checked: broken UTF-8 at
    // every offset of every length is the one error, as it is on the SIMD paths.
    let chars: Vec<u8> = b"abcdefghijklmnopqrstuvwxyz0123456789".repeat(3);
    for len in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 48, 64, 70] {
        for at in 0..=len {
            for bad in [&b"\xff"[..], b"\xe2\x82", b"\xc3\xa9\xed\xa0\x80"] {
                let string = [&b"\""[..], &chars[..at], bad, &chars[at..len], b"\""].concat();
                let json = [&b"{\"name\": \"n\", \"tags\": ["[..], &string, b"]}"].concat();
                let decoded = typed_dict::decode::<NamedTypeDef>(&json, DecodeOptions::strict());
                let report = typed_dict::validate::<NamedTypeDef>(&json, DecodeOptions::strict());
                let error = decoded.expect_err(&format!("{json:?}"));
                assert!(error.to_string().contains("not UTF-8 text"), "{error}");
                assert_eq!(error.errors(), &report.errors[..], "{json:?}");
            }
        }
    }
}
