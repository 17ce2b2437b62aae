use typed_dict::{typed_dict, List};

// Unions, literals and named aliases name one schema: no parameters.
#[typed_dict]
pub enum Either<T> {
    Left(T),
    Right(String),
}

#[typed_dict]
pub enum Color<T> {
    Red,
}

#[typed_dict]
pub struct Items<T>(pub List<T>);

fn main() {}
