//! Amazon DynamoDB's `AttributeValue`: a recursive shape (maps and lists of itself).

use td::{typed_dict, Blob, Dict, List, Sequence};

/// One attribute value; exactly one key is set. `M` and `L` hold attribute values again.
#[typed_dict(crate = "td", rename_all = "UPPERCASE")]
pub struct AttributeValue {
    pub s: Option<String>,
    pub n: Option<String>,
    pub b: Option<Blob>,
    pub ss: Option<Sequence<String>>,
    pub ns: Option<Sequence<String>>,
    pub bs: Option<Sequence<Blob>>,
    pub m: Option<Dict<String, Self>>,
    pub l: Option<List<Self>>,
    pub null: Option<bool>,
    pub bool: Option<bool>,
}

/// `GetItem` output: an item is a map of attribute values.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct GetItemOutput {
    pub item: Option<Dict<String, AttributeValue>>,
}

/// `Query` output, with the key to continue from.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct QueryOutput {
    pub items: Option<List<Dict<String, AttributeValue>>>,
    pub count: Option<i64>,
    pub last_evaluated_key: Option<Dict<String, AttributeValue>>,
}
