//! Dict keys that are still refused, in every dict type: floats, bools, timestamps, and
//! maps the macro does not know.
use std::collections::{BTreeMap, HashMap};

use typed_dict::{typed_dict, Dict, List, Timestamp};

#[typed_dict]
pub struct Keys {
    pub by_score: HashMap<f64, String>,
    pub by_flag: BTreeMap<bool, String>,
    pub by_ratio: Option<List<Dict<f32, i64>>>,
    pub by_time: HashMap<Timestamp, String>,
    pub by_list: BTreeMap<List<String>, String>,
    pub by_u128: HashMap<u128, String>,
    // Accepted: strings, every integer width, literals.
    pub by_id: HashMap<u64, BTreeMap<i8, Dict<String, HashMap<usize, bool>>>>,
}

fn main() {}
