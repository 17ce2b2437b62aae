use typed_dict::{typed_dict, UnknownValue};

#[typed_dict]
pub enum WrongType {
    A,
    #[typed_dict(other)]
    Other(String),
}

#[typed_dict]
pub enum Unit {
    A,
    #[typed_dict(other)]
    Other,
}

#[typed_dict]
pub enum Twice {
    A,
    #[typed_dict(other)]
    First(UnknownValue),
    #[typed_dict(other)]
    Second(UnknownValue),
}

#[typed_dict]
pub enum WithValue {
    A,
    #[typed_dict(other, value = "B")]
    Other(UnknownValue),
}

#[typed_dict]
#[derive(Clone, Copy)]
pub enum Copied {
    A,
    #[typed_dict(other)]
    Other(UnknownValue),
}

fn main() {}
