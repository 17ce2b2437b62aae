//! Shapes a Rust author writes for their own API (issue 20), put through the same
//! reliability checks as ecr-types' TypeDefs: every integer width and `f32`, std maps,
//! integer-keyed dicts, std's IP address types, a generic shape instantiated, and
//! inheritance through `#[typed_dict(flatten)]` bases. [`OWN_CODECS`] joins
//! [`all_codecs`](crate::codecs::all_codecs), so the property tests, the reference
//! checker and the `decode` fuzz target cover them.

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use typed_dict::{typed_dict, Dict, List, Sequence};

use crate::codecs::Codec;

/// Every integer width and `f32`, each NotRequired so payloads vary.
#[typed_dict]
#[derive(Debug)]
pub struct Widths {
    pub tiny: Option<i8>,
    pub small: Option<i16>,
    pub medium: Option<i32>,
    pub byte: Option<u8>,
    pub port: Option<u16>,
    pub max_results: u32,
    pub bytes: Option<u64>,
    pub index: Option<usize>,
    pub offset: Option<isize>,
    pub ratio: Option<f32>,
}

/// A page of any value type.
#[typed_dict]
#[derive(Debug)]
pub struct Page<T> {
    pub items: List<T>,
    pub next_token: Option<String>,
}

/// The first base: addresses and maps.
#[typed_dict]
#[derive(Debug)]
pub struct Endpoint {
    pub address: IpAddr,
    pub v4: Option<Ipv4Addr>,
    pub v6: Option<Ipv6Addr>,
    pub labels: Option<HashMap<String, String>>,
}

/// The second base: integer-keyed and ordered maps.
#[typed_dict]
#[derive(Debug)]
pub struct Counters {
    pub by_status: Option<BTreeMap<i64, u32>>,
    pub by_port: Option<Dict<u16, Sequence<String>>>,
}

/// A shape through two bases, holding a generic page of the other shapes.
#[typed_dict]
#[derive(Debug)]
pub struct Service {
    #[typed_dict(flatten)]
    pub endpoint: Endpoint,
    #[typed_dict(flatten)]
    pub counters: Counters,
    pub name: String,
    pub widths: Option<Page<Widths>>,
}

/// Every own shape's codec: the generic page instantiated, and the shape with bases.
pub static OWN_CODECS: &[Codec] = &[
    Codec::of::<Widths>(),
    Codec::of::<Page<Widths>>(),
    Codec::of::<Endpoint>(),
    Codec::of::<Counters>(),
    Codec::of::<Service>(),
];
