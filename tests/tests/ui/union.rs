use typed_dict::typed_dict;

#[typed_dict]
pub union Bits {
    pub int: i64,
    pub float: f64,
}

fn main() {}
