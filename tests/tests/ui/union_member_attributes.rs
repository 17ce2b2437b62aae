use typed_dict::typed_dict;

// A union member's variant has no discriminant, and its type no key of its own.
#[typed_dict]
#[repr(u8)]
pub enum Numbered {
    Text(String) = 1,
    Number(i64),
}

#[typed_dict]
pub enum Tagged {
    Text(#[typed_dict(key = "t")] String),
    Number(i64),
}

fn main() {}
