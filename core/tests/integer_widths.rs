//! Every integer width (`i8` to `i64`, `u8` to `u64`, `isize`, `usize`) and `f32`, through
//! both readers: for each width its ends decode exactly; one past either end, a token of
//! 40 digits, `1e20` and `1e400` are `integer_out_of_range` naming the type and its range;
//! `-0` is the integer 0; a float token (`1.0`, `1e2`) within the range is `wrong_type`,
//! as for `i64`. Each token stands at a key, in a list, in a sequence, as a dict value and
//! boxed, beside another error of the document; `decode`, `validate::<T>` and
//! `validate_schema` report the very same errors. The expected outcome comes from std's
//! own conversions (`T::try_from`), not from typed-dict's ranges.
//!
//! Then `f32`'s edges, the JSON Schema bounds of each width (checked with a standard
//! validator against `validate`), and proptest strategies that stay in range.

use std::fmt::Debug;

use proptest::prelude::*;
use serde_json::{json, Value as Json};
use typed_dict::schema::IntegerRange;
use typed_dict::{
    typed_dict, DecodeOptions, Dict, ErrorKind, List, Mode, Sequence, TypedDict, TypedValue,
    ValidationError, ValueType,
};

/// A typed dict holding one integer type everywhere a value goes, and the facts the test
/// compares with: the type's name and ends, as std gives them.
trait Width: TypedDict {
    /// The integer type.
    type Int: Copy + Debug + PartialEq + TryFrom<i128> + TypedValue;
    /// The Rust name, as messages give it.
    const NAME: &'static str;
    /// `Int::MIN`.
    const MIN: i128;
    /// `Int::MAX`.
    const MAX: i128;
    /// Every integer the typed dict holds, in document order.
    fn values(&self) -> Vec<i128>;
}

macro_rules! widths {
    ($($name:ident: $ty:ident),* $(,)?) => {$(
        /// Every place a value goes, holding one integer type.
        #[typed_dict]
        pub struct $name {
            pub value: Option<$ty>,
            pub items: Option<List<$ty>>,
            pub seq: Option<Sequence<$ty>>,
            pub by_name: Option<Dict<String, $ty>>,
            pub boxed: Option<Box<$ty>>,
            pub note: Option<String>,
        }

        impl Width for $name {
            type Int = $ty;
            const NAME: &'static str = stringify!($ty);
            const MIN: i128 = $ty::MIN as i128;
            const MAX: i128 = $ty::MAX as i128;

            fn values(&self) -> Vec<i128> {
                let mut values = Vec::new();
                values.extend(self.value.map(|value| value as i128));
                values.extend(self.items.iter().flatten().map(|&value| value as i128));
                values.extend(self.seq.iter().flatten().map(|&value| value as i128));
                values.extend(self.by_name.iter().flat_map(|dict| dict.values()).map(|&value| value as i128));
                values.extend(self.boxed.as_deref().map(|&value| value as i128));
                values
            }
        }
    )*};
}

widths! {
    I8TypeDef: i8, I16TypeDef: i16, I32TypeDef: i32, I64TypeDef: i64, IsizeTypeDef: isize,
    U8TypeDef: u8, U16TypeDef: u16, U32TypeDef: u32, U64TypeDef: u64, UsizeTypeDef: usize,
}

/// What a token should be where an integer of `W` belongs.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Int(i128),
    OutOfRange,
    WrongType,
}

/// The token's outcome for `W`, by std's conversions: an integer literal is its exact
/// value; a float literal is the double it reads as, in range when its floor and ceiling
/// both convert.
fn outcome<W: Width>(raw: &str) -> Outcome {
    let fits = |value: i128| W::Int::try_from(value).is_ok();
    if !raw.contains(['.', 'e', 'E']) {
        return match raw.parse::<i128>() {
            Ok(value) if fits(value) => Outcome::Int(value),
            _ => Outcome::OutOfRange,
        };
    }
    let double: f64 = raw.parse().unwrap();
    if double.is_finite() && fits(double.floor() as i128) && fits(double.ceil() as i128) {
        Outcome::WrongType
    } else {
        Outcome::OutOfRange
    }
}

/// The tokens every width is tried with: its ends and one past them, `-0`, floats,
/// exponents, and tokens too large for any width.
fn tokens<W: Width>() -> Vec<String> {
    let mut tokens: Vec<String> = [
        W::MIN,
        W::MAX,
        W::MIN - 1,
        W::MAX + 1,
        W::MIN + 1,
        W::MAX - 1,
    ]
    .iter()
    .map(i128::to_string)
    .collect();
    tokens.extend(
        [
            "0",
            "-0",
            "7",
            "-7",
            "1.0",
            "-0.0",
            "1.5",
            "-1.5",
            "1e2",
            "1E2",
            "2.55e2",
            "2.56e2",
            "-1.28e2",
            "-1.29e2",
            "6.5536e4",
            "1e20",
            "-1e20",
            "1e400",
            "-1e400",
            "99999999999999999999999999999999999999",
            "9999999999999999999999999999999999999999",
            "-9999999999999999999999999999999999999999",
            "340282366920938463463374607431768211456",
        ]
        .map(str::to_owned),
    );
    tokens.push(format!("{}.5", W::MAX));
    tokens.push(format!("{}.5", W::MIN));
    tokens.push(format!("{}.0", W::MAX));
    tokens.push(format!("{}e0", W::MIN));
    tokens
}

fn strict() -> DecodeOptions {
    DecodeOptions::strict()
}

/// The errors both validators report for `json` as a `W`, checked equal to each other.
fn validated<W: Width>(json: &str) -> Vec<ValidationError> {
    let by_type = typed_dict::validate::<W>(json.as_bytes(), strict()).errors;
    let by_schema = typed_dict::validate_schema(json.as_bytes(), W::schema(), strict()).errors;
    assert_eq!(by_type, by_schema, "{json}");
    by_type
}

fn check_width<W: Width>() {
    for raw in tokens::<W>() {
        let json = format!(
            r#"{{"value": {raw}, "items": [0, {raw}], "seq": [{raw}], "byName": {{"a": 1, "b": {raw}}}, "boxed": {raw}, "note": 5}}"#
        );
        let paths = ["$.value", "$.items[1]", "$.seq[0]", "$.byName.b", "$.boxed"];
        let decoded = typed_dict::decode::<W>(json.as_bytes(), strict());
        let errors = validated::<W>(&json);
        let decode_errors = decoded.as_ref().err().map(|error| error.errors().to_vec());
        assert_eq!(
            decode_errors.as_deref(),
            Some(&errors[..]),
            "decode and validate differ for {raw} as {}",
            W::NAME
        );
        let message = match outcome::<W>(&raw) {
            Outcome::Int(_) => None,
            Outcome::OutOfRange => Some((
                ErrorKind::IntegerOutOfRange,
                if W::NAME == "i64" {
                    format!("{raw} is outside the 64-bit integer range")
                } else {
                    format!(
                        "{raw} is outside the range of {} ({} to {})",
                        W::NAME,
                        W::MIN,
                        W::MAX
                    )
                },
            )),
            Outcome::WrongType => {
                Some((ErrorKind::WrongType, "expected int, got float".to_owned()))
            }
        };
        let mut expected: Vec<ValidationError> = match &message {
            Some((kind, message)) => paths
                .iter()
                .map(|path| ValidationError::new(*kind, *path, message.as_str()))
                .collect(),
            None => Vec::new(),
        };
        expected.push(ValidationError::new(
            ErrorKind::WrongType,
            "$.note",
            "expected str, got int",
        ));
        assert_eq!(errors, expected, "{raw} as {}", W::NAME);

        // Without the other error, a value in range decodes exactly, and nothing else does.
        let alone = json.replace(r#""note": 5"#, r#""note": "n""#);
        let decoded = typed_dict::decode::<W>(alone.as_bytes(), strict());
        match outcome::<W>(&raw) {
            Outcome::Int(value) => {
                let decoded = decoded.unwrap_or_else(|error| panic!("{raw}: {error}"));
                assert_eq!(decoded.values(), [value, 0, value, value, 1, value, value]);
                assert_eq!(validated::<W>(&alone), [], "{raw}");
                // What decodes encodes back as the same digits (`-0` as `0`).
                let encoded = typed_dict::to_string(&decoded).unwrap();
                let again = typed_dict::from_str::<W>(&encoded).unwrap();
                assert_eq!(again, decoded);
                assert!(
                    encoded.contains(&format!(r#""value":{value}"#)),
                    "{encoded}"
                );
            }
            _ => {
                let errors = decoded.unwrap_err().errors().to_vec();
                assert_eq!(errors, validated::<W>(&alone), "{raw}");
                assert_eq!(errors.len(), paths.len(), "{raw}");
            }
        }
    }
}

#[test]
fn every_width_judges_every_token_alike_in_decode_and_validate() {
    check_width::<I8TypeDef>();
    check_width::<I16TypeDef>();
    check_width::<I32TypeDef>();
    check_width::<I64TypeDef>();
    check_width::<IsizeTypeDef>();
    check_width::<U8TypeDef>();
    check_width::<U16TypeDef>();
    check_width::<U32TypeDef>();
    check_width::<U64TypeDef>();
    check_width::<UsizeTypeDef>();
}

#[test]
fn the_message_names_the_type_and_its_range() {
    let error = typed_dict::from_str::<U8TypeDef>(r#"{"value": 300}"#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "1 validation error for U8TypeDef\n  $.value: 300 is outside the range of u8 (0 to 255) [integer_out_of_range]"
    );
    let error = typed_dict::from_str::<U64TypeDef>(r#"{"items": [-1]}"#).unwrap_err();
    assert_eq!(
        error.errors()[0].message,
        "-1 is outside the range of u64 (0 to 18446744073709551615)"
    );
}

#[test]
fn top_level_lists_and_dicts_of_a_width() {
    let json = br#"[1, 256, -1, 1.0, 255]"#;
    let error = typed_dict::decode::<List<u8>>(json, strict()).unwrap_err();
    let kinds: Vec<(ErrorKind, &str)> = error
        .errors()
        .iter()
        .map(|error| (error.kind, error.path.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (ErrorKind::IntegerOutOfRange, "$[1]"),
            (ErrorKind::IntegerOutOfRange, "$[2]"),
            (ErrorKind::WrongType, "$[3]"),
        ]
    );
    assert_eq!(
        typed_dict::validate::<List<u8>>(json, strict()).errors,
        error.errors()
    );
    let ok: List<u8> = typed_dict::decode(b"[0, 255]", strict()).unwrap();
    assert_eq!(&ok[..], [0, 255]);
    let counts: Dict<String, i16> =
        typed_dict::decode(br#"{"a": -32768, "b": 32767}"#, strict()).unwrap();
    assert_eq!(counts.get("a"), Some(&i16::MIN));
    let report = typed_dict::validate::<Dict<String, i16>>(br#"{"a": 32768}"#, strict());
    assert_eq!(report.errors[0].path, "$.a");
}

#[test]
fn the_schema_knows_each_range_and_keeps_the_annotation_int() {
    fn range<T: TypedValue>() -> Option<&'static IntegerRange> {
        const { &T::TYPE }.integer_range()
    }
    assert_eq!(range::<u8>(), Some(&IntegerRange::U8));
    assert_eq!(range::<i64>(), Some(&IntegerRange::I64));
    assert_eq!(range::<usize>().unwrap().max, usize::MAX as i128);
    assert!(matches!(<i64 as TypedValue>::TYPE, ValueType::Int));
    assert!(
        matches!(<u32 as TypedValue>::TYPE, ValueType::Integer(range) if range.rust_type == "u32")
    );
    assert!(matches!(<f32 as TypedValue>::TYPE, ValueType::Float32));
    for annotation in [
        <u8 as TypedValue>::TYPE.python().to_string(),
        <List<u64> as TypedValue>::TYPE.python().to_string(),
        <Dict<String, i8> as TypedValue>::TYPE.python().to_string(),
        <f32 as TypedValue>::TYPE.python().to_string(),
    ] {
        assert!(["int", "list[int]", "dict[str, int]", "float"].contains(&annotation.as_str()));
    }
    assert_eq!(<Box<u16> as TypedValue>::TYPE.python().to_string(), "int");
}

/// `f32`s wherever a value goes.
#[typed_dict]
pub struct SingleTypeDef {
    pub value: Option<f32>,
    pub items: Option<List<f32>>,
    pub by_name: Option<Dict<String, f32>>,
    pub boxed: Option<Box<f32>>,
}

fn single_errors(json: &str) -> Vec<ValidationError> {
    let by_type = typed_dict::validate::<SingleTypeDef>(json.as_bytes(), strict()).errors;
    let by_schema =
        typed_dict::validate_schema(json.as_bytes(), SingleTypeDef::schema(), strict()).errors;
    assert_eq!(by_type, by_schema, "{json}");
    by_type
}

#[test]
fn f32_reads_its_whole_range_and_refuses_beyond_it() {
    for (raw, value) in [
        ("3.4028235e38", f32::MAX),
        ("-3.4028235e38", f32::MIN),
        // More digits than an f32 has, still rounding to the largest.
        ("340282356779733661637539395458142568447", f32::MAX),
        ("1.1754944e-38", f32::MIN_POSITIVE),
        ("1e-45", f32::from_bits(1)),
        ("1.4e-45", f32::from_bits(1)),
        ("-1e-45", -f32::from_bits(1)),
        ("1.1754942e-38", f32::from_bits(0x007f_ffff)),
        ("1e-50", 0.0),
        ("0.1", 0.1),
        ("7", 7.0),
        ("16777217", 16_777_216.0),
        ("1e2", 100.0),
    ] {
        let json = format!(
            r#"{{"value": {raw}, "items": [{raw}], "byName": {{"k": {raw}}}, "boxed": {raw}}}"#
        );
        let decoded = typed_dict::from_str::<SingleTypeDef>(&json)
            .unwrap_or_else(|error| panic!("{raw}: {error}"));
        assert_eq!(single_errors(&json), [], "{raw}");
        assert_eq!(
            decoded.value.map(f32::to_bits),
            Some(value.to_bits()),
            "{raw}"
        );
        assert_eq!(decoded.items.as_deref(), Some(&[value][..]));
        assert_eq!(decoded.boxed.as_deref(), Some(&value));
        // Encoded and read back, bit for bit.
        let again =
            typed_dict::from_str::<SingleTypeDef>(&typed_dict::to_string(&decoded).unwrap())
                .unwrap();
        assert_eq!(
            again.value.map(f32::to_bits),
            Some(value.to_bits()),
            "{raw}"
        );
    }
    // `-0` is the integer 0, as for `f64`; `-0.0` keeps its sign.
    let zero = typed_dict::from_str::<SingleTypeDef>(r#"{"value": -0, "items": [-0.0]}"#).unwrap();
    assert_eq!(zero.value.map(f32::to_bits), Some(0));
    assert_eq!(zero.items.unwrap()[0].to_bits(), (-0.0f32).to_bits());

    for raw in [
        "3.5e38",
        "-3.5e38",
        "340282356779733661637539395458142568448",
        "1e39",
        "1e400",
        "-1e400",
    ] {
        let json = format!(
            r#"{{"value": {raw}, "items": [1, {raw}], "byName": {{"k": {raw}}}, "boxed": {raw}, "extra": "x"}}"#
        );
        let message = format!("{raw} is outside the range of a 32-bit float");
        let expected: Vec<ValidationError> = ["$.value", "$.items[1]", "$.byName.k", "$.boxed"]
            .iter()
            .map(|path| ValidationError::new(ErrorKind::NumberOutOfRange, *path, message.as_str()))
            .collect();
        let error = typed_dict::from_str::<SingleTypeDef>(&json).unwrap_err();
        assert_eq!(error.errors(), expected, "{raw}");
        assert_eq!(single_errors(&json), expected, "{raw}");
    }
    let error = typed_dict::from_str::<SingleTypeDef>(r#"{"value": "1.5"}"#).unwrap_err();
    assert_eq!(error.errors()[0].message, "expected float, got str");
}

#[test]
fn a_non_finite_f32_is_not_encoded() {
    let value = SingleTypeDef {
        value: Some(f32::NAN),
        items: None,
        by_name: None,
        boxed: None,
    };
    assert!(typed_dict::to_string(&value).is_err());
    let value = SingleTypeDef {
        value: None,
        items: Some(List::from(vec![1.0, f32::INFINITY])),
        by_name: None,
        boxed: None,
    };
    assert!(typed_dict::to_string(&value).is_err());
}

/// The JSON Schema of a width states its ends, and a standard validator accepts what
/// `validate` accepts at and past them.
fn check_json_schema<W: Width>() {
    let document = typed_dict::json_schema::for_type_def(W::schema(), Mode::Strict);
    let name = W::schema().name;
    let properties = &document["$defs"][name]["properties"];
    for (key, schema) in [
        ("value", &properties["value"]),
        ("items", &properties["items"]["items"]),
        ("byName", &properties["byName"]["additionalProperties"]),
    ] {
        assert_eq!(schema["type"], "integer", "{name}.{key}");
        assert_eq!(
            schema["minimum"].to_string(),
            W::MIN.to_string(),
            "{name}.{key}"
        );
        assert_eq!(
            schema["maximum"].to_string(),
            W::MAX.to_string(),
            "{name}.{key}"
        );
    }
    let validator = jsonschema::validator_for(&document).unwrap();
    for value in [W::MIN, W::MAX, W::MIN - 1, W::MAX + 1, 0] {
        let text = format!(r#"{{"value": {value}, "items": [{value}]}}"#);
        let instance: Json = serde_json::from_str(&text).unwrap();
        // Past `u64`'s end serde_json holds a double, which the validator cannot compare
        // exactly (2^64 rounds to the maximum's own double).
        if instance["value"].is_f64() {
            continue;
        }
        assert_eq!(
            validator.is_valid(&instance),
            validated::<W>(&text).is_empty(),
            "{name}: {value}"
        );
    }
}

#[test]
fn json_schema_states_each_width_s_ends() {
    check_json_schema::<I8TypeDef>();
    check_json_schema::<I16TypeDef>();
    check_json_schema::<I32TypeDef>();
    check_json_schema::<I64TypeDef>();
    check_json_schema::<IsizeTypeDef>();
    check_json_schema::<U8TypeDef>();
    check_json_schema::<U16TypeDef>();
    check_json_schema::<U32TypeDef>();
    check_json_schema::<U64TypeDef>();
    check_json_schema::<UsizeTypeDef>();
}

#[test]
fn json_schema_bounds_f32_where_it_would_round_to_infinity() {
    let document = typed_dict::json_schema::for_type_def(SingleTypeDef::schema(), Mode::Strict);
    let validator = jsonschema::validator_for(&document).unwrap();
    for raw in [
        "3.4028235e38",
        "-3.4028235e38",
        "3.5e38",
        "-3.5e38",
        "1e39",
        "0.5",
        "1e-45",
    ] {
        let text = format!(r#"{{"value": {raw}}}"#);
        let instance: Json = serde_json::from_str(&text).unwrap();
        assert_eq!(
            validator.is_valid(&instance),
            single_errors(&text).is_empty(),
            "{raw}"
        );
    }
    assert_eq!(
        document["$defs"]["SingleTypeDef"]["properties"]["value"]["type"],
        json!("number")
    );
}

/// Payloads proptest generates for a width validate and decode: they never leave the range.
fn check_strategies<W: Width>() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let strategy = typed_dict::proptest::any_json::<W>(Mode::Strict);
    runner
        .run(&strategy, |payload| {
            let text = payload.to_string();
            prop_assert_eq!(validated::<W>(&text), []);
            let decoded = typed_dict::from_str::<W>(&text).unwrap();
            for value in decoded.values() {
                prop_assert!(W::MIN <= value && value <= W::MAX);
            }
            Ok(())
        })
        .unwrap();
    let range = const { &<W::Int as TypedValue>::TYPE }
        .integer_range()
        .unwrap();
    runner
        .run(&typed_dict::proptest::int_within(range), |value| {
            prop_assert!(W::Int::try_from(value).is_ok(), "{}", value);
            Ok(())
        })
        .unwrap();
}

#[test]
fn proptest_strategies_stay_in_range() {
    check_strategies::<I8TypeDef>();
    check_strategies::<I16TypeDef>();
    check_strategies::<I32TypeDef>();
    check_strategies::<I64TypeDef>();
    check_strategies::<IsizeTypeDef>();
    check_strategies::<U8TypeDef>();
    check_strategies::<U16TypeDef>();
    check_strategies::<U32TypeDef>();
    check_strategies::<U64TypeDef>();
    check_strategies::<UsizeTypeDef>();
}

proptest! {
    #[test]
    fn generated_f32s_decode_and_survive_a_round_trip(
        value in typed_dict::proptest::any::<SingleTypeDef>()
    ) {
        let text = typed_dict::to_string(&value).unwrap();
        prop_assert_eq!(single_errors(&text), []);
        let again = typed_dict::from_str::<SingleTypeDef>(&text).unwrap();
        prop_assert_eq!(
            again.value.map(f32::to_bits),
            value.value.map(f32::to_bits)
        );
    }
}
