use typed_dict::{typed_dict, List, TypedDict};

#[typed_dict(closd)]
pub struct Broken {
    pub name: String,
    pub tags: Option<List<String>>,
}

#[typed_dict]
pub enum BrokenLiteral {
    A,
    #[typed_dict(value = "A")]
    B,
}

#[typed_dict]
pub struct Holder {
    pub broken: Option<Broken>,
    pub literal: BrokenLiteral,
}

fn main() {
    let broken = Broken::new(BrokenRequired { name: "n".into() }).with_tags(vec!["t".to_owned()]);
    let _ = typed_dict::to_string(&broken);
    let _ = broken.clone() == broken;
    let _ = format!("{broken:?}");
    let _ = Broken::schema();
    let _ = typed_dict::from_str::<Broken>("{}");
    let _ = BrokenLiteral::A.as_str();
    let _ = "A".parse::<BrokenLiteral>();
    let holder = Holder::new(HolderRequired { literal: BrokenLiteral::B });
    let _ = typed_dict::to_string(&holder);
}
