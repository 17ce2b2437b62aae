use typed_dict::typed_dict;

#[typed_dict]
pub enum RetryAttempts {
    #[typed_dict(value = 1)]
    One,
    Two = 2,
}

fn main() {}
