//! Error floods: inputs built so that every few bytes are one more problem, to hold the
//! report's memory to its bound (issue 12), and the peak heap of checking them.

use ecr_types::DescribeImagesResponseTypeDef;
use typed_dict::{typed_dict, DecodeOptions, Dict, List, TypedDict};

use crate::alloc::{measure, Usage};

/// A shape whose dict keys lead to lists, so a long key stands above many errors.
#[typed_dict]
pub struct LongKeysTypeDef {
    /// Lists of ints under arbitrary keys.
    pub by_key: Dict<String, List<i64>>,
}

/// `{"imageDetails":[{"imageTags":[1,1,...]}]}`: `items` wrong-typed tags, one error
/// every two bytes.
pub fn wrong_tags(items: usize) -> Vec<u8> {
    let mut json = br#"{"imageDetails":[{"imageTags":["#.to_vec();
    json.reserve(items * 2 + 8);
    for index in 0..items {
        if index > 0 {
            json.push(b',');
        }
        json.push(b'1');
    }
    json.extend_from_slice(b"]}]}");
    json
}

/// A valid wire payload with `count` repeated unknown keys: one warning every six bytes.
pub fn unknown_keys(count: usize) -> Vec<u8> {
    let mut json = br#"{"imageDetails":[]"#.to_vec();
    json.reserve(count * 6 + 2);
    for _ in 0..count {
        json.extend_from_slice(br#","u":0"#);
    }
    json.push(b'}');
    json
}

/// One key of `key_len` bytes whose list holds `items` strings where ints belong.
pub fn long_key(key_len: usize, items: usize) -> Vec<u8> {
    let mut json = br#"{"byKey":{""#.to_vec();
    json.extend(std::iter::repeat_n(b'k', key_len));
    json.extend_from_slice(br#"":["#);
    for index in 0..items {
        if index > 0 {
            json.push(b',');
        }
        json.extend_from_slice(br#""x""#);
    }
    json.extend_from_slice(b"]}}");
    json
}

/// Peak heap of `validate` and of `decode` of `json` as `T`, and the validation report's
/// error and warning counts.
pub fn peaks<T: TypedDict>(json: &[u8], options: DecodeOptions) -> FloodPeaks {
    let (report, validate) = measure(|| typed_dict::validate_schema(json, T::schema(), options));
    let (decoded, decode) = measure(|| typed_dict::decode::<T>(json, options).map(drop));
    FloodPeaks {
        validate,
        decode,
        errors: report.error_count(),
        kept_errors: report.errors.len(),
        warnings: report.warning_count(),
        kept_warnings: report.warnings.len(),
        decoded: decoded.is_ok(),
    }
}

/// What [`peaks`] measured.
#[derive(Debug)]
pub struct FloodPeaks {
    /// Heap of `validate`.
    pub validate: Usage,
    /// Heap of `decode`.
    pub decode: Usage,
    /// Errors found.
    pub errors: usize,
    /// Errors kept.
    pub kept_errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Warnings kept.
    pub kept_warnings: usize,
    /// Whether `decode` succeeded.
    pub decoded: bool,
}

impl FloodPeaks {
    /// The larger of the two peaks.
    pub fn peak(&self) -> usize {
        self.validate.peak.max(self.decode.peak)
    }
}

/// The bound issue 12 sets: ten times the input plus 64 MiB.
pub fn bound(input: usize) -> usize {
    10 * input + (64 << 20)
}

/// Decodes as the ECR response, for the flood of wrong tags.
pub type Images = DescribeImagesResponseTypeDef;
