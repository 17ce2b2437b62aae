//! The rest of the stubs' vocabulary (issue 21) put through the same reliability checks
//! as ecr-types' TypeDefs: an input mapping and its output dict, nullable values and keys
//! that are both NotRequired and nullable, an inline union, output variants through a
//! union and an alias, an alias with its own Python text, a Python-only type, and a
//! DynamoDB value union (`bytearray`, `Decimal`, `set[T]`, `None`). [`VOCABULARY_CODECS`]
//! joins [`all_codecs`](crate::codecs::all_codecs).

use typed_dict::{
    typed_dict, Blob, ByteArray, Decimal, Dict, JsonValue, List, Mapping, NoneType, Nullable,
    Sequence, Set, Timestamp,
};

use crate::codecs::Codec;

/// `str | bytes`.
#[typed_dict(inline)]
#[derive(Debug)]
pub enum StrOrBytes {
    Str(String),
    Bytes(Blob),
}

/// `Callable[..., Any]`: no payload holds one, so its keys are absent or `null`.
#[typed_dict(python = "Callable[..., Any]")]
#[derive(Debug)]
pub struct Callback;

/// `TimestampTypeDef = Union[datetime, str]`, output `datetime`.
#[typed_dict(python = "Union[datetime, str]", output = Timestamp)]
#[derive(Debug)]
pub struct TimestampTypeDef(pub Timestamp);

/// A shape with an output variant.
#[typed_dict(output = FilterOutput)]
#[derive(Debug)]
pub struct Filter {
    pub names: Sequence<String>,
}

/// `FilterUnion = Union[Filter, FilterOutput]`, output `FilterOutput`.
#[typed_dict(output = FilterOutput)]
#[derive(Debug)]
pub enum FilterUnion {
    Input(Filter),
    Output(FilterOutput),
}

/// DynamoDB's `TableAttributeValueTypeDef`, its members in the stub's order.
#[typed_dict]
#[derive(Debug)]
pub enum AttributeValue {
    Bytes(Blob),
    ByteArray(ByteArray),
    Str(String),
    Int(i64),
    Decimal(Decimal),
    Bool(bool),
    IntSet(Set<i64>),
    DecimalSet(Set<Decimal>),
    StrSet(Set<String>),
    BytesSet(Set<Blob>),
    List(Sequence<JsonValue>),
    Map(Mapping<String, JsonValue>),
    Nothing(NoneType),
}

/// Every construct, with an output variant.
#[typed_dict(output = VocabularyOutput)]
#[derive(Debug)]
pub struct Vocabulary {
    pub metadata: Option<Mapping<String, String>>,
    pub filename: Nullable<String>,
    pub extra_args: Option<Nullable<Dict<String, JsonValue>>>,
    pub counts: Option<List<Nullable<i64>>>,
    pub key: Option<StrOrBytes>,
    pub callback: Option<Nullable<Callback>>,
    pub expires: Option<TimestampTypeDef>,
    pub filters: Option<Sequence<FilterUnion>>,
    pub item: Option<Mapping<String, AttributeValue>>,
}

/// Every vocabulary shape's codec.
pub static VOCABULARY_CODECS: &[Codec] = &[
    Codec::of::<Vocabulary>(),
    Codec::of::<VocabularyOutput>(),
    Codec::of::<Filter>(),
];
