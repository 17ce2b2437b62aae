//! Workload 4: workload 1 with one item in a hundred broken, each in one of several ways,
//! and the list of errors a decoder must report for it.
//!
//! Every key of `ImageDetailTypeDef` and of the typed dicts inside it is NotRequired, so
//! no item can miss a Required key: the missing-key errors are injected into the envelope
//! (`nextToken`, `ResponseMetadata.RequestId`), which strict mode requires.

use ecr_types::DescribeImagesResponseTypeDef;
use typed_dict::{ErrorKind, ValidationError};

/// One error injected into a payload: what a decoder must report, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Injected {
    /// The kind of error.
    pub kind: ErrorKind,
    /// Its JSON path, as typed-dict renders it.
    pub path: String,
    /// What was done, in words.
    pub what: &'static str,
}

/// The ways an item is broken, in rotation.
const BREAKAGES: usize = 9;

/// Workload 1 (`value`) encoded with every `every`-th item broken, and what was broken.
pub fn describe_images(
    value: &DescribeImagesResponseTypeDef,
    every: usize,
) -> (Vec<u8>, Vec<Injected>) {
    let mut injected = Vec::new();
    let mut out = String::from("{\"imageDetails\":[");
    for (index, item) in value.image_details.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        let json = typed_dict::to_string(item).expect("item encodes");
        if index % every == every / 3 {
            let (broken, error) = break_item(&json, index, (index / every) % BREAKAGES);
            out.push_str(&broken);
            injected.push(error);
        } else {
            out.push_str(&json);
        }
    }
    // The envelope, from the same value with no items: `{"imageDetails":[],...}`.
    let envelope = DescribeImagesResponseTypeDef {
        image_details: Vec::new(),
        next_token: value.next_token.clone(),
        response_metadata: value.response_metadata.clone(),
    };
    let envelope = typed_dict::to_string(&envelope).expect("envelope encodes");
    let mut rest = envelope
        .strip_prefix("{\"imageDetails\":[")
        .expect("imageDetails comes first")
        .to_owned();
    // Missing Required keys: nextToken (strict mode requires it) and RequestId.
    rest = remove_key(&rest, "nextToken");
    injected.push(Injected {
        kind: ErrorKind::MissingKey,
        path: "$.nextToken".to_owned(),
        what: "Required key nextToken removed",
    });
    rest = remove_key(&rest, "RequestId");
    injected.push(Injected {
        kind: ErrorKind::MissingKey,
        path: "$.ResponseMetadata.RequestId".to_owned(),
        what: "Required key ResponseMetadata.RequestId removed",
    });
    out.push_str(&rest);
    (out.into_bytes(), injected)
}

/// Breaks one item's JSON in the `way`-th way (falling back to another way when the item
/// lacks the key that way needs).
fn break_item(json: &str, index: usize, way: usize) -> (String, Injected) {
    let at = |tail: &str| format!("$.imageDetails[{index}].{tail}");
    let has = |key: &str| json.contains(&format!("\"{key}\":"));
    let way = match way {
        6 if !has("findingSeverityCounts") => 0,
        7 if !has("imageTags") => 3,
        way => way,
    };
    let (key, new, kind, path, what) = match way {
        0 => (
            "status",
            "\"DONE\"",
            ErrorKind::InvalidLiteral,
            at("imageScanStatus.status"),
            "scan status literal 'DONE'",
        ),
        1 => (
            "imagePushedAt",
            "\"yesterday\"",
            ErrorKind::InvalidTimestamp,
            at("imagePushedAt"),
            "timestamp 'yesterday'",
        ),
        2 => (
            "imagePushedAt",
            "253402300800.5",
            ErrorKind::InvalidTimestamp,
            at("imagePushedAt"),
            "timestamp after year 9999",
        ),
        3 => (
            "imageSizeInBytes",
            "\"1234\"",
            ErrorKind::WrongType,
            at("imageSizeInBytes"),
            "string for an int",
        ),
        4 => (
            "imageScanStatus",
            "\"COMPLETE\"",
            ErrorKind::WrongType,
            at("imageScanStatus"),
            "string for a typed dict",
        ),
        5 => (
            "artifactMediaType",
            "null",
            ErrorKind::NullNotAllowed,
            at("artifactMediaType"),
            "null in strict mode",
        ),
        6 => (
            "findingSeverityCounts",
            "{\"SEVERE\":3}",
            ErrorKind::InvalidLiteral,
            at("imageScanFindingsSummary.findingSeverityCounts.SEVERE"),
            "severity key literal 'SEVERE'",
        ),
        7 => (
            "imageTags",
            "[\"latest\",42]",
            ErrorKind::WrongType,
            at("imageTags[1]"),
            "int in a list of str",
        ),
        _ => (
            "imageSizeInBytes",
            "1.5",
            ErrorKind::WrongType,
            at("imageSizeInBytes"),
            "float for an int",
        ),
    };
    (replace_value(json, key, new), Injected { kind, path, what })
}

/// Where the value starting at `start` ends (exclusive). Handles strings with escapes and
/// nested containers; enough for the JSON serde_json writes.
fn value_end(json: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, &byte) in json[start..].iter().enumerate() {
        let at = start + offset;
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return at + 1;
                    }
                }
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return at,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return at + 1;
                }
            }
            b',' if depth == 0 => return at,
            _ => {}
        }
    }
    json.len()
}

/// `json` with the value of the first `"key":` replaced by `new`.
fn replace_value(json: &str, key: &str, new: &str) -> String {
    let needle = format!("\"{key}\":");
    let start = json.find(&needle).expect("the key is there") + needle.len();
    let end = value_end(json.as_bytes(), start);
    format!("{}{}{}", &json[..start], new, &json[end..])
}

/// `json` without the first `"key":value` member (and one separating comma).
fn remove_key(json: &str, key: &str) -> String {
    let needle = format!("\"{key}\":");
    let mut start = json.find(&needle).expect("the key is there");
    let mut end = value_end(json.as_bytes(), start + needle.len());
    if json.as_bytes().get(end) == Some(&b',') {
        end += 1;
    } else if start > 0 && json.as_bytes()[start - 1] == b',' {
        start -= 1;
    }
    format!("{}{}", &json[..start], &json[end..])
}

/// Checks that `errors` are exactly the injected ones: each injected error reported once
/// with its kind and path, and nothing else.
pub fn check_reported(errors: &[ValidationError], injected: &[Injected]) -> Result<(), String> {
    let mut problems = Vec::new();
    for expected in injected {
        let found = errors
            .iter()
            .filter(|e| e.kind == expected.kind && e.path == expected.path)
            .count();
        if found != 1 {
            problems.push(format!(
                "{} [{}] ({}) reported {found} times",
                expected.path, expected.kind, expected.what
            ));
        }
    }
    for error in errors {
        if !injected
            .iter()
            .any(|i| i.kind == error.kind && i.path == error.path)
        {
            problems.push(format!("unexpected error: {error}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} injected, {} reported:\n  {}",
            injected.len(),
            errors.len(),
            problems.join("\n  ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_end_finds_each_kind_of_value() {
        let json = br#"{"a":"x\"y","b":{"c":[1,"]"]},"d":12.5}"#;
        assert_eq!(&json[5..value_end(json, 5)], br#""x\"y""#);
        assert_eq!(&json[16..value_end(json, 16)], br#"{"c":[1,"]"]}"#);
        assert_eq!(&json[34..value_end(json, 34)], b"12.5");
    }

    #[test]
    fn replace_and_remove() {
        let json = r#"{"a":1,"b":{"c":2},"d":"e"}"#;
        assert_eq!(
            replace_value(json, "b", "null"),
            r#"{"a":1,"b":null,"d":"e"}"#
        );
        assert_eq!(remove_key(json, "a"), r#"{"b":{"c":2},"d":"e"}"#);
        assert_eq!(remove_key(json, "d"), r#"{"a":1,"b":{"c":2}}"#);
    }
}
