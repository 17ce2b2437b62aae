//! The `encode_extra` fuzz target's body: arbitrary bytes build a typed dict with an
//! extra-items field ([`ExtraOuter`], [`ExtraInner`]), with adversarial extra entries:
//! keys equal to declared keys, keys differing from them by case, escapes, Unicode
//! variants or invisible characters, empty and huge keys, nested JSON values up to and
//! past the decoder's nesting limit. Then it holds `typed_dict::to_string` and `to_vec`
//! to the rule that encoding never lies (see [`fuzz_encode_extra`]).

use serde_json::{Map, Number, Value};
use typed_dict::{decode, typed_dict, DecodeOptions, Dict, ErrorKind, JsonValue, List, TypedDict};

use crate::codecs::Codec;
use crate::fuzz::parse_unique;
use crate::oracle;

/// An open shape with every kind of declared key next to its extra-items field: Required,
/// NotRequired, `wire_optional`, keys that need escapes in JSON (quote, backslash,
/// control characters), non-ASCII keys, a blank key, nested open shapes alone, in a
/// list and in a dict, and a `JsonValue` field.
#[typed_dict]
pub struct ExtraOuter {
    /// Required.
    pub name: String,
    /// NotRequired.
    pub count: Option<i64>,
    /// NotRequired float: NaN and infinity make encoding fail.
    pub ratio: Option<f64>,
    /// Required, but wire mode tolerates its absence.
    #[typed_dict(wire_optional)]
    pub next_token: Option<String>,
    /// A key with a quote, a backslash and a slash.
    #[typed_dict(key = "quote\"back\\slash/")]
    pub escaped: Option<bool>,
    /// A key with control characters.
    #[typed_dict(key = "tab\tline\ncontrol\u{1}\u{7f}")]
    pub controls: Option<String>,
    /// A key with a precomposed `é`, a line separator and an astral character.
    #[typed_dict(key = "caf\u{e9}\u{2028}\u{1f600}")]
    pub unicode: Option<i64>,
    /// A key of one space (the empty key cannot be declared; it can be an extra key).
    #[typed_dict(key = " ")]
    pub space: Option<String>,
    /// A nested open shape.
    pub inner: Option<ExtraInner>,
    /// A list of open shapes.
    pub items: Option<List<ExtraInner>>,
    /// A dict of open shapes.
    pub by_name: Option<Dict<String, ExtraInner>>,
    /// Any JSON, declared.
    pub payload: Option<JsonValue>,
    /// Every other key.
    #[typed_dict(extra)]
    pub extra: Dict<String, JsonValue>,
}

/// The open shape nested in [`ExtraOuter`], itself nesting once more through `child`.
#[typed_dict]
pub struct ExtraInner {
    /// Required.
    pub id: String,
    /// Required, but wire mode tolerates its absence.
    #[typed_dict(wire_optional)]
    pub marker: Option<String>,
    /// A Required float: NaN and infinity make encoding fail.
    pub weight: f64,
    /// The same shape, nested.
    pub child: Option<Box<ExtraInner>>,
    /// Every other key.
    #[typed_dict(extra)]
    pub extra: Dict<String, JsonValue>,
}

/// The decoder's nesting limit (serde_json's): JSON nested deeper than this many arrays
/// and objects is malformed to it.
pub const NESTING_LIMIT: usize = 127;

/// How deep the generator nests JSON values: past [`NESTING_LIMIT`], so both sides of it
/// are tried.
const MAX_GENERATED_DEPTH: usize = 160;

/// How many times a huge key repeats its unit, at most.
const MAX_REPEAT: usize = 1 << 16;

/// Reads the fuzzer's bytes as choices; past the end every choice is 0 (the shortest one:
/// no entry, an empty string, `null`).
pub struct Choices<'a> {
    data: &'a [u8],
}

impl<'a> Choices<'a> {
    /// Choices from these bytes.
    pub fn new(data: &'a [u8]) -> Self {
        Choices { data }
    }

    /// The next byte, or 0 past the end.
    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&first, rest)) => {
                self.data = rest;
                first
            }
            None => 0,
        }
    }

    /// A number in `0..bound` (`bound` > 0) from one byte.
    pub fn below(&mut self, bound: usize) -> usize {
        usize::from(self.byte()) % bound
    }

    /// The next eight bytes, little-endian.
    pub fn u64(&mut self) -> u64 {
        u64::from_le_bytes(std::array::from_fn(|_| self.byte()))
    }

    /// The next two bytes, little-endian.
    pub fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
}

/// Characters that make keys and strings interesting: JSON escapes, invisible and
/// combining characters, separators, surrogate neighbours, the last code point.
const ODD_CHARS: [char; 16] = [
    '"',
    '\\',
    '/',
    '\u{e9}',
    '\u{301}',
    '\u{200b}',
    '\u{feff}',
    '\u{2028}',
    '\u{2029}',
    '\u{1f600}',
    '\u{d7ff}',
    '\u{e000}',
    '\u{fffd}',
    '\u{ff21}',
    '\u{10ffff}',
    '\u{0}',
];

fn char_from(byte: u8) -> char {
    if byte < 0x80 {
        char::from(byte)
    } else {
        ODD_CHARS[usize::from(byte) % ODD_CHARS.len()]
    }
}

fn string(choices: &mut Choices) -> String {
    let len = choices.below(24);
    (0..len).map(|_| char_from(choices.byte())).collect()
}

/// A float: mostly finite, sometimes NaN or an infinity (which encoding must refuse).
fn float(choices: &mut Choices) -> f64 {
    match choices.below(16) {
        0..=5 => f64::from_bits(choices.u64()),
        6 => f64::from(choices.byte()),
        7 => -0.0,
        8 => [f64::MAX, f64::MIN_POSITIVE, 5e-324, -f64::MAX][choices.below(4)],
        9..=13 => f64::from(choices.u16()) / 1000.0,
        14 => f64::NAN,
        _ => [f64::INFINITY, f64::NEG_INFINITY][choices.below(2)],
    }
}

/// A finite float, as a `JsonValue` holds it.
fn finite(choices: &mut Choices) -> Number {
    Number::from_f64(f64::from_bits(choices.u64())).unwrap_or_else(|| Number::from(0))
}

/// Every key the two shapes declare.
fn all_declared_keys() -> impl Iterator<Item = &'static str> {
    ExtraOuter::schema()
        .fields
        .iter()
        .chain(ExtraInner::schema().fields)
        .map(|field| field.key)
}

/// Whether `schema` declares `key`, read off the field list (not the library's lookup).
fn declares(fields: &[typed_dict::FieldSchema], key: &str) -> bool {
    fields.iter().any(|field| field.key == key)
}

/// A key for an extra entry of a shape declaring `declared`: the declared key itself, a
/// near miss of one, a key another shape declares, the empty key, a huge key, or any
/// string.
fn key(choices: &mut Choices, declared: &[&'static str]) -> String {
    let base = declared[choices.below(declared.len())];
    match choices.below(16) {
        0 => base.to_owned(),
        1 => toggle_case(base),
        2 => format!("{base} "),
        3 => format!("\u{feff}{base}"),
        4 => {
            let mut chars: Vec<char> = base.chars().collect();
            let at = choices.below(chars.len() + 1);
            chars.insert(at, char_from(choices.byte()));
            chars.into_iter().collect()
        }
        // The other normal form: decomposed where the key has a precomposed `é`.
        5 => base.replace('\u{e9}', "e\u{301}"),
        // The key as its JSON string literal, escapes and all, with or without quotes.
        6 => serde_json::to_string(base).expect("a string encodes"),
        7 => {
            let quoted = serde_json::to_string(base).expect("a string encodes");
            quoted[1..quoted.len() - 1].to_owned()
        }
        // Every character spelled as a `\u` escape, as text.
        8 => base
            .encode_utf16()
            .map(|unit| format!("\\u{unit:04x}"))
            .collect(),
        9 => base.chars().take(choices.below(base.len() + 1)).collect(),
        10 => base.repeat(2),
        11 => base
            .chars()
            .map(|c| match c {
                'a'..='z' => char::from_u32(u32::from(c) - 'a' as u32 + 0xff41).unwrap_or(c),
                _ => c,
            })
            .collect(),
        12 => {
            let keys: Vec<&str> = all_declared_keys().collect();
            keys[choices.below(keys.len())].to_owned()
        }
        13 => String::new(),
        14 => {
            let unit = match choices.below(3) {
                0 => base.to_owned(),
                1 => char_from(choices.byte()).to_string(),
                _ => string(choices),
            };
            let times = usize::from(choices.u16()) % MAX_REPEAT + 1;
            unit.repeat(times.min(MAX_REPEAT / unit.len().max(1)).max(1))
        }
        _ => string(choices),
    }
}

fn toggle_case(key: &str) -> String {
    let mut chars = key.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => "X".to_owned(),
    }
}

/// Any JSON value nested at most [`MAX_GENERATED_DEPTH`] levels below `depth`; object
/// keys drawn like extra keys, so declared keys appear inside values too.
fn json(choices: &mut Choices, depth: usize) -> Value {
    let room = depth < MAX_GENERATED_DEPTH;
    match choices.below(9) {
        0 => Value::Null,
        1 => Value::Bool(choices.byte() & 1 == 1),
        2 => Value::from(choices.u64() as i64),
        3 => Value::from(choices.u64() | 1 << 63),
        4 => Value::Number(finite(choices)),
        5 => Value::String(string(choices)),
        6 if room => {
            let len = choices.below(4);
            Value::Array((0..len).map(|_| json(choices, depth + 1)).collect())
        }
        7 if room => {
            let len = choices.below(4);
            let declared: Vec<&str> = all_declared_keys().collect();
            let mut map = Map::new();
            for _ in 0..len {
                let key = key(choices, &declared);
                map.insert(key, json(choices, depth + 1));
            }
            Value::Object(map)
        }
        // A chain of arrays and objects, to reach the nesting limit in few bytes.
        8 if room => {
            let levels = choices.below(MAX_GENERATED_DEPTH - depth + 1);
            let mut value = json(choices, MAX_GENERATED_DEPTH);
            for level in 0..levels {
                value = if level % 2 == 0 {
                    Value::Array(vec![value])
                } else {
                    Value::Object(Map::from_iter([("k".to_owned(), value)]))
                };
            }
            value
        }
        _ => Value::Null,
    }
}

fn extra_entries(
    choices: &mut Choices,
    schema: &'static typed_dict::TypedDictSchema,
    depth: usize,
) -> Dict<String, JsonValue> {
    let declared: Vec<&'static str> = schema.fields.iter().map(|field| field.key).collect();
    let mut extra = Dict::new();
    for _ in 0..choices.below(8) {
        let key = key(choices, &declared);
        extra.insert(key, json(choices, depth + 1));
    }
    extra
}

fn optional<T>(present: bool, make: impl FnOnce() -> T) -> Option<T> {
    present.then(make)
}

/// An [`ExtraInner`] at `depth` (its object's nesting level in the encoding).
pub fn build_inner(choices: &mut Choices, depth: usize, children: usize) -> ExtraInner {
    let flags = choices.byte();
    let id = string(choices);
    let weight = float(choices);
    let marker = optional(flags & 1 != 0, || string(choices));
    let child = optional(flags & 2 != 0 && children > 0, || {
        Box::new(build_inner(choices, depth + 1, children - 1))
    });
    let extra = extra_entries(choices, ExtraInner::schema(), depth);
    ExtraInner {
        id,
        marker,
        weight,
        child,
        extra,
    }
}

/// An [`ExtraOuter`] built from the bytes.
pub fn build_outer(choices: &mut Choices) -> ExtraOuter {
    let name = string(choices);
    let flags = choices.byte();
    let nested = choices.byte();
    let count = optional(flags & 1 != 0, || choices.u64() as i64);
    let ratio = optional(flags & 2 != 0, || float(choices));
    let next_token = optional(flags & 4 != 0, || string(choices));
    let escaped = optional(flags & 8 != 0, || choices.byte() & 1 == 1);
    let controls = optional(flags & 16 != 0, || string(choices));
    let unicode = optional(flags & 32 != 0, || choices.u64() as i64);
    let space = optional(flags & 64 != 0, || string(choices));
    // `Some(null)` included: null is a value of `Any` and reads back as itself.
    let payload = optional(flags & 128 != 0, || json(choices, 1));
    let inner = optional(nested & 1 != 0, || build_inner(choices, 2, 2));
    let items = optional(nested & 2 != 0, || {
        let len = choices.below(4);
        List::from_iter((0..len).map(|_| build_inner(choices, 3, 1)))
    });
    let by_name = optional(nested & 4 != 0, || {
        let mut dict = Dict::new();
        for _ in 0..choices.below(4) {
            let key = string(choices);
            dict.insert(key, build_inner(choices, 3, 1));
        }
        dict
    });
    let extra = extra_entries(choices, ExtraOuter::schema(), 1);
    ExtraOuter {
        name,
        count,
        ratio,
        next_token,
        escaped,
        controls,
        unicode,
        space,
        inner,
        items,
        by_name,
        payload,
        extra,
    }
}

/// Why a value cannot be encoded, worked out from the value itself.
#[derive(Debug, Default)]
struct Unencodable {
    /// `(type, key)`: extra entries whose key the type declares.
    declared_in_extra: Vec<(&'static str, String)>,
    /// A declared float is NaN or infinite.
    non_finite: bool,
    /// A `wire_optional` key is absent somewhere (strict decoding will miss it).
    wire_optional_absent: bool,
}

impl Unencodable {
    fn any(&self) -> bool {
        !self.declared_in_extra.is_empty() || self.non_finite
    }

    fn extra(&mut self, schema: &'static typed_dict::TypedDictSchema, extra: &Dict<String, Value>) {
        for key in extra.keys() {
            if declares(schema.fields, key) {
                self.declared_in_extra.push((schema.name, key.clone()));
            }
        }
    }

    fn inner(&mut self, inner: &ExtraInner) {
        self.non_finite |= !inner.weight.is_finite();
        self.wire_optional_absent |= inner.marker.is_none();
        self.extra(ExtraInner::schema(), &inner.extra);
        if let Some(child) = &inner.child {
            self.inner(child);
        }
    }

    fn of(outer: &ExtraOuter) -> Self {
        let mut found = Unencodable {
            non_finite: outer.ratio.is_some_and(|ratio| !ratio.is_finite()),
            wire_optional_absent: outer.next_token.is_none(),
            ..Unencodable::default()
        };
        found.extra(ExtraOuter::schema(), &outer.extra);
        let inners = outer
            .inner
            .iter()
            .chain(outer.items.iter().flat_map(|items| items.iter()))
            .chain(outer.by_name.iter().flat_map(|dict| dict.values()));
        for inner in inners {
            found.inner(inner);
        }
        found
    }
}

/// The JSON an [`ExtraInner`] must encode to, built by hand (not through the library).
fn inner_json(inner: &ExtraInner) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), Value::from(inner.id.clone()));
    if let Some(marker) = &inner.marker {
        map.insert("marker".into(), Value::from(marker.clone()));
    }
    map.insert("weight".into(), Value::from(inner.weight));
    if let Some(child) = &inner.child {
        map.insert("child".into(), inner_json(child));
    }
    for (key, value) in inner.extra.iter() {
        map.insert(key.clone(), value.clone());
    }
    Value::Object(map)
}

/// The JSON an [`ExtraOuter`] must encode to, built by hand (not through the library).
fn outer_json(outer: &ExtraOuter) -> Value {
    let mut map = Map::new();
    map.insert("name".into(), Value::from(outer.name.clone()));
    let mut put = |key: &str, value: Option<Value>| {
        if let Some(value) = value {
            map.insert(key.to_owned(), value);
        }
    };
    put("count", outer.count.map(Value::from));
    put("ratio", outer.ratio.map(Value::from));
    put("nextToken", outer.next_token.clone().map(Value::from));
    put("quote\"back\\slash/", outer.escaped.map(Value::from));
    put(
        "tab\tline\ncontrol\u{1}\u{7f}",
        outer.controls.clone().map(Value::from),
    );
    put("caf\u{e9}\u{2028}\u{1f600}", outer.unicode.map(Value::from));
    put(" ", outer.space.clone().map(Value::from));
    put("inner", outer.inner.as_ref().map(inner_json));
    put(
        "items",
        outer
            .items
            .as_ref()
            .map(|items| Value::Array(items.iter().map(inner_json).collect())),
    );
    put(
        "byName",
        outer.by_name.as_ref().map(|dict| {
            Value::Object(
                dict.iter()
                    .map(|(key, inner)| (key.clone(), inner_json(inner)))
                    .collect(),
            )
        }),
    );
    put("payload", outer.payload.clone());
    for (key, value) in outer.extra.iter() {
        map.insert(key.clone(), value.clone());
    }
    Value::Object(map)
}

/// How deep arrays and objects nest in JSON text (brackets inside strings do not count).
pub fn nesting_depth(json: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in json {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Fuzz target `encode_extra`: the bytes build an [`ExtraOuter`] (see [`build_outer`]),
/// which is encoded with `typed_dict::to_string`, `typed_dict::to_vec` and
/// `serde_json::to_value`. Encoding never lies:
///
/// - the three agree (the same bytes, or all fail);
/// - they fail exactly when an extra entry (at any level) has a key its type declares,
///   or a declared float is NaN or infinite, with an error naming one such key and its
///   type, or the float;
/// - otherwise the JSON has no key twice in any object and is exactly the JSON built by
///   hand from the value (every declared key where it belongs, every extra entry as
///   it was, nothing else);
/// - it decodes in wire mode to an equal value, and in strict mode too unless a
///   `wire_optional` key is absent (then strict mode reports only missing keys); both
///   decodes agree with `validate` and the reference checker (`oracle`);
/// - JSON nested deeper than the decoder's limit ([`NESTING_LIMIT`]) is the exception:
///   decoding it fails with malformed JSON alone, in every mode.
pub fn fuzz_encode_extra(data: &[u8]) {
    let value = build_outer(&mut Choices::new(data));
    let found = Unencodable::of(&value);
    let as_string = typed_dict::to_string(&value);
    let as_vec = typed_dict::to_vec(&value);
    let as_value = serde_json::to_value(&value);
    let context = || format!("value {value:?}, bytes {data:?}");
    match (&as_string, &as_vec, &as_value) {
        (Ok(text), Ok(bytes), Ok(tree)) => {
            assert!(
                !found.any(),
                "encoded what it must refuse ({found:?}): {}",
                context()
            );
            assert_eq!(
                text.as_bytes(),
                &bytes[..],
                "to_string and to_vec differ: {}",
                context()
            );
            check_encoding(&value, tree, bytes, &found);
        }
        (Err(a), Err(b), Err(c)) => {
            assert!(
                found.any(),
                "refused a value it can encode ({a}): {}",
                context()
            );
            assert_eq!(a.to_string(), b.to_string(), "{}", context());
            assert_eq!(a.to_string(), c.to_string(), "{}", context());
            let message = a.to_string();
            let names_a_declared_key = found.declared_in_extra.iter().any(|(name, key)| {
                message == format!("cannot encode {name}: its extra-items field holds `{key}`, a key {name} declares; set the field instead")
            });
            let names_a_float =
                found.non_finite && message.ends_with(": JSON has no NaN or infinity");
            assert!(
                names_a_declared_key || names_a_float,
                "an error that names no cause ({found:?}): {message}: {}",
                context()
            );
        }
        _ => panic!(
            "the encoders disagree: to_string {:?}, to_vec {:?}, to_value {:?}: {}",
            as_string.as_ref().map(|_| ()),
            as_vec.as_ref().map(|_| ()),
            as_value.as_ref().map(|_| ()),
            context()
        ),
    }
}

fn check_encoding(value: &ExtraOuter, tree: &Value, bytes: &[u8], found: &Unencodable) {
    static CODEC: Codec = Codec::of::<ExtraOuter>();
    let expected = outer_json(value);
    let context = || format!("value {value:?}, encoding {}", oracle::show(bytes));
    assert_eq!(
        tree,
        &expected,
        "to_value differs from the JSON built by hand: {}",
        context()
    );
    let [strict, wire, _, _] = oracle::check_all_modes(&CODEC, bytes);
    if nesting_depth(bytes) > NESTING_LIMIT {
        for outcome in [strict, wire] {
            let oracle::Outcome::Rejected(errors) = outcome else {
                panic!("decoded JSON deeper than the nesting limit: {}", context());
            };
            assert!(
                matches!(errors[..], [(ErrorKind::MalformedJson { .. }, _)]),
                "JSON deeper than the nesting limit, not malformed alone: {errors:?}: {}",
                context()
            );
        }
        return;
    }
    let parsed = parse_unique(bytes).unwrap_or_else(|| {
        panic!(
            "the encoding is not JSON, or has a key twice: {}",
            context()
        )
    });
    assert_eq!(
        parsed,
        expected,
        "the encoding differs from the JSON built by hand: {}",
        context()
    );
    for options in [DecodeOptions::strict(), DecodeOptions::wire()] {
        oracle::check_against_reference(&CODEC, &parsed, options);
    }
    let wire: ExtraOuter = decode(bytes, DecodeOptions::wire())
        .unwrap_or_else(|error| panic!("wire decode failed: {error}: {}", context()));
    assert_eq!(
        &wire,
        value,
        "wire decode gives a different value: {}",
        context()
    );
    match decode::<ExtraOuter>(bytes, DecodeOptions::strict()) {
        Ok(strict) => {
            assert!(
                !found.wire_optional_absent,
                "strict decode accepted an absent wire_optional key: {}",
                context()
            );
            assert_eq!(
                &strict,
                value,
                "strict decode gives a different value: {}",
                context()
            );
        }
        Err(error) => {
            assert!(
                found.wire_optional_absent
                    && error
                        .errors()
                        .iter()
                        .all(|e| e.kind == ErrorKind::MissingKey),
                "strict decode failed: {error}: {}",
                context()
            );
        }
    }
}
