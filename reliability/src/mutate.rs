//! Deterministic mutations, of JSON values and of raw bytes, driven by a small
//! pseudo-random generator so that the replay loop needs no fuzzer and no `rand`.

use serde_json::{Map, Value};

/// xorshift64*: small, fast, deterministic for a given seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value; zero is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15 | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// One of `items` (not empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability 1/`n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// Byte strings that make JSON interesting when spliced into it.
pub const TOKENS: &[&[u8]] = &[
    b"null",
    b"true",
    b"false",
    b"0",
    b"-0",
    b"1e300",
    b"-1e300",
    b"1e999",
    b"1.5",
    b"9223372036854775807",
    b"9223372036854775808",
    b"-9223372036854775809",
    b"18446744073709551616",
    b"253402300800",
    b"NaN",
    b"Infinity",
    b"\"\"",
    b"\"yesterday\"",
    b"\"2022-01-01\"",
    b"\"2022-01-01T00:00:00Z\"",
    b"\"mutable\"",
    b"\"MUTABLE\"",
    b"\"CRITICAL\"",
    b"\"!!!!\"",
    b"\"AAAA\"",
    b"\"\\ud800\"",
    b"\"\\u0000\"",
    b"[]",
    b"{}",
    b"[[[[[[[[",
    b"{\"a\":",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"\xC3\xA9",
    b",",
    b":",
    b"\"",
    b"\\",
    b"}",
    b"]",
];

/// Applies one to four random byte-level mutations: bit flips, insertions, deletions,
/// truncation, duplicated or moved ranges, and [`TOKENS`] spliced in.
pub fn mutate_bytes(data: &mut Vec<u8>, rng: &mut Rng) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let len = data.len();
        match rng.below(9) {
            0 if len > 0 => {
                let at = rng.below(len);
                data[at] ^= 1 << rng.below(8);
            }
            1 => {
                let at = rng.below(len + 1);
                data.insert(at, rng.next_u64() as u8);
            }
            2 if len > 0 => {
                let at = rng.below(len);
                let end = (at + 1 + rng.below(8)).min(len);
                data.drain(at..end);
            }
            3 if len > 0 => data.truncate(rng.below(len)),
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(32)).min(len);
                let chunk = data[start..end].to_vec();
                let at = rng.below(data.len() + 1);
                data.splice(at..at, chunk);
            }
            5 if len > 0 => {
                let at = rng.below(len);
                data[at] = *rng.pick(b"{}[]\",:\\0-.eE ");
            }
            _ => {
                let token = *rng.pick(TOKENS);
                let at = rng.below(len + 1);
                if rng.one_in(2) && at < len {
                    let end = (at + 1 + rng.below(6)).min(len);
                    data.splice(at..end, token.iter().copied());
                } else {
                    data.splice(at..at, token.iter().copied());
                }
            }
        }
    }
}

/// Strings that are almost right for some value kind.
const ODD_STRINGS: &[&str] = &[
    "",
    "yesterday",
    "2022-01-01",
    "2022-13-01T00:00:00Z",
    "2022-01-01T00:00:00",
    "2022-01-01T00:00:00.1234567Z",
    "10000-01-01T00:00:00Z",
    "mutable",
    "Mutable",
    "MUTABLE",
    "IMMUTABLE",
    "CRITICAL",
    "critical",
    "!!!!",
    "AAA",
    "AAAA",
    "AA==",
    "é",
    "\u{0}",
    "💥",
];

/// Numbers at the edges of the value kinds.
fn odd_number(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => Value::from(i64::MAX),
        1 => Value::from(i64::MIN),
        2 => Value::from(i64::MAX as u64 + 1),
        3 => Value::from(u64::MAX),
        4 => Value::from(1e300),
        5 => Value::from(-1e300),
        6 => Value::from(1.5),
        7 => Value::from(253_402_300_800_i64),
        8 => Value::from(-62_135_596_801_i64),
        9 => Value::from(1_650_000_000.123),
        10 => Value::from(-0.0),
        _ => Value::from(rng.next_u64() as i64 >> rng.below(64)),
    }
}

/// A small random JSON value: a scalar, an empty container, or a one-level container.
pub fn random_leaf(rng: &mut Rng, keys: &[&str]) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => Value::Bool(rng.one_in(2)),
        2 => odd_number(rng),
        3 => Value::from(*rng.pick(ODD_STRINGS)),
        4 => Value::Array(Vec::new()),
        5 => Value::Object(Map::new()),
        6 => Value::Array(vec![odd_number(rng), Value::from(*rng.pick(ODD_STRINGS))]),
        _ => {
            let mut map = Map::new();
            if !keys.is_empty() {
                map.insert(
                    (*rng.pick(keys)).to_owned(),
                    Value::from(*rng.pick(ODD_STRINGS)),
                );
            }
            Value::Object(map)
        }
    }
}

/// Applies one random mutation somewhere inside `value`: a node replaced (by null, a
/// scalar of another kind, an edge number, an almost-right string, an empty container),
/// wrapped in a list, a string's case changed, a key removed or added (from `keys`, so
/// that added keys are often declared ones).
pub fn mutate_value(value: &mut Value, rng: &mut Rng, keys: &[&str]) {
    let count = count_nodes(value);
    let target = rng.below(count);
    let mut seen = 0;
    mutate_node(value, target, &mut seen, rng, keys);
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn mutate_node(value: &mut Value, target: usize, seen: &mut usize, rng: &mut Rng, keys: &[&str]) {
    if *seen == target {
        *seen += 1;
        mutate_here(value, rng, keys);
        return;
    }
    *seen += 1;
    match value {
        Value::Array(items) => {
            for item in items {
                mutate_node(item, target, seen, rng, keys);
            }
        }
        Value::Object(map) => {
            for item in map.values_mut() {
                mutate_node(item, target, seen, rng, keys);
            }
        }
        _ => {}
    }
}

fn mutate_here(value: &mut Value, rng: &mut Rng, keys: &[&str]) {
    match rng.below(10) {
        0 => *value = Value::Null,
        1 => *value = random_leaf(rng, keys),
        2 => *value = odd_number(rng),
        3 => *value = Value::from(*rng.pick(ODD_STRINGS)),
        4 => *value = Value::Array(vec![value.take()]),
        5 => match value {
            Value::String(text) => {
                *text = if rng.one_in(2) {
                    text.to_lowercase()
                } else {
                    text.to_uppercase()
                }
            }
            Value::Number(_) => *value = odd_number(rng),
            _ => *value = Value::from(*rng.pick(ODD_STRINGS)),
        },
        6 | 7 => match value {
            Value::Object(map) if !map.is_empty() => {
                let key = map
                    .keys()
                    .nth(rng.below(map.len()))
                    .cloned()
                    .unwrap_or_default();
                map.remove(&key);
            }
            Value::Array(items) if !items.is_empty() => {
                let at = rng.below(items.len());
                items.remove(at);
            }
            _ => *value = Value::Null,
        },
        _ => match value {
            Value::Object(map) => {
                let key = if !keys.is_empty() && !rng.one_in(4) {
                    (*rng.pick(keys)).to_owned()
                } else {
                    (*rng.pick(ODD_STRINGS)).to_owned()
                };
                map.insert(key, random_leaf(rng, keys));
            }
            Value::Array(items) => items.push(random_leaf(rng, keys)),
            _ => *value = Value::Object(Map::new()),
        },
    }
}
