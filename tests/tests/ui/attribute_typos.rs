use typed_dict::typed_dict;

#[typed_dict(closd)]
pub struct Container {
    pub a: String,
}

#[typed_dict]
pub struct Field {
    #[typed_dict(wire_optinal)]
    pub b: Option<String>,
    #[typed_dict(kye = "C")]
    pub c: String,
}

#[typed_dict]
pub enum Variant {
    #[typed_dict(valeu = "X")]
    X,
}

#[typed_dict(rename_all = "camelcase")]
pub struct CaseMixUp {
    pub a: String,
}

#[typed_dict(rename_all = "PascalCse")]
pub enum Misspelled {
    A,
}

#[typed_dict(rename_all = "Title Case")]
pub enum NoSuchRule {
    A,
}

fn main() {}
