//! Constraints on value types the macro cannot see into (aliases, unions, typed dicts) are
//! judged when the schema is evaluated: each one that cannot apply is a compile-time error
//! naming the typed dict, the key and the constraint, never a bound left unchecked.
use typed_dict::{typed_dict, Blob, List};

#[typed_dict]
pub struct BlobTypeDef(pub Blob);

#[typed_dict]
pub struct Count(pub i64);

#[typed_dict]
pub struct Tag {
    pub key: String,
}

#[typed_dict]
pub enum NameOrCount {
    Name(String),
    Count(i64),
}

#[typed_dict]
pub struct PatternOnBlob {
    #[typed_dict(pattern = "[a-z]+")]
    pub body: BlobTypeDef,
}

#[typed_dict]
pub struct LengthOfNumber {
    #[typed_dict(max_length = 3)]
    pub count: Count,
}

#[typed_dict]
pub struct BoundOfTypedDict {
    #[typed_dict(ge = 1)]
    pub tag: Tag,
}

#[typed_dict]
pub struct LengthOfUnion {
    #[typed_dict(min_length = 1)]
    pub value: NameOrCount,
}

#[typed_dict]
pub struct ItemsOfTypedDicts {
    #[typed_dict(items(max_length = 3))]
    pub tags: List<Tag>,
}

/// What fits through an alias compiles: a blob's length in bytes, a number's bound.
#[typed_dict]
pub struct Fine {
    #[typed_dict(max_length = 10)]
    pub body: BlobTypeDef,
    #[typed_dict(le = 10)]
    pub count: Count,
}

fn main() {}
