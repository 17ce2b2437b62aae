use typed_dict::{typed_dict, Blob, Nullable, Timestamp};

// `inline` renders a union or literal in place: a typed dict or alias has nothing to inline.
#[typed_dict(inline)]
pub struct Shape {
    pub name: String,
}

#[typed_dict(inline)]
pub struct Alias(pub Blob);

// `python` is an alias's or a Python-only type's text, not a typed dict's or a literal's.
#[typed_dict(python = "Shape")]
pub struct Other {
    pub name: String,
}

#[typed_dict(python = "Literal['A']")]
pub enum Letter {
    A,
}

// A Python-only type says its annotation.
#[typed_dict(python = " ")]
pub struct Blank;

#[typed_dict(python = "Callable[..., Any]", closed, inline)]
pub struct Callback;

#[typed_dict(python = "")]
pub struct EmptyAlias(pub Timestamp);

// `output = X` on a union names one of its members.
#[typed_dict(output = TagOutput)]
pub enum TagUnion {
    Text(String),
    Number(i64),
}

// `inline` is a flag.
#[typed_dict(inline = true)]
pub enum Either {
    Text(String),
    Number(i64),
}

// A key that may be absent or null is `Option<Nullable<T>>`, not the other way round.
#[typed_dict]
pub struct Upload {
    pub filename: Nullable<Option<String>>,
}

fn main() {}
