use typed_dict::{typed_dict, UnknownValue};

#[typed_dict]
pub enum Mixed {
    Named,
    Text(String),
}

#[typed_dict]
pub enum TwoFields {
    Pair(String, i64),
    Number(i64),
}

#[typed_dict]
pub enum StructVariant {
    Point { x: i64 },
    Number(i64),
}

#[typed_dict]
pub enum WithOther {
    Text(String),
    #[typed_dict(other)]
    Unknown(UnknownValue),
}

#[typed_dict]
pub enum Nothing {}

#[typed_dict]
pub enum OneMember {
    Text(String),
}

#[typed_dict]
pub enum SameTypeTwice {
    First(String),
    Second(String),
}

#[typed_dict]
pub enum WithValue {
    #[typed_dict(value = "text")]
    Text(String),
    Number(i64),
}

#[typed_dict(rename_all = "camelCase", closed)]
pub enum Settings {
    Text(String),
    Number(i64),
}

#[typed_dict]
pub enum Unsupported {
    Small(u128),
    Maybe(Option<String>),
}

pub struct Plain;

#[typed_dict]
pub enum NotAValue {
    Plain(Plain),
    Number(i64),
}

// Uses of a union with errors still type-check: only the errors above are reported.
pub fn uses(one: &OneMember, same: SameTypeTwice) -> (OneMember, bool) {
    (one.clone(), same == SameTypeTwice::First(String::new()))
}

fn main() {}
