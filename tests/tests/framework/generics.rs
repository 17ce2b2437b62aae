//! Generic typed dicts: `Page<T>` decodes, validates, encodes and builds for every value
//! type `T`, with one static schema per instantiation, named as Python writes it.

use std::fmt::Debug;

use serde_json::json;
use typed_dict::{typed_dict, DecodeOptions, ErrorKind, List, Mode, TypedDict, TypedValue};

use crate::errors_of;

#[typed_dict]
pub struct ImageDetailTypeDef {
    #[typed_dict(key = "imageDigest")]
    pub image_digest: String,
    pub size: Option<i64>,
}

#[typed_dict]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// One page of results.
#[typed_dict]
pub struct Page<T> {
    pub items: List<T>,
    #[typed_dict(key = "nextToken")]
    pub next_token: Option<String>,
}

/// Only NotRequired keys name `T`: the companion has no parameter.
#[typed_dict]
pub struct Maybe<T> {
    pub label: String,
    pub value: Option<T>,
}

/// A bound and a where-clause of the user's own, kept.
pub trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for Tag {
    fn key(&self) -> &str {
        &self.key
    }
}

#[typed_dict]
pub struct Keyring<K: Keyed, V>
where
    V: Debug,
{
    pub first: K,
    pub values: List<V>,
}

impl<K: Keyed + TypedValue, V: Debug + TypedValue> Keyring<K, V> {
    fn first_key(&self) -> &str {
        self.first.key()
    }
}

fn image(digest: &str) -> ImageDetailTypeDef {
    ImageDetailTypeDef::new(ImageDetailTypeDefRequired {
        image_digest: digest.to_owned(),
    })
}

#[test]
fn decodes_and_encodes() {
    let json = r#"{"items":[{"imageDigest":"sha256:a"},{"imageDigest":"sha256:b","size":3}],"nextToken":"t"}"#;
    let page: Page<ImageDetailTypeDef> =
        typed_dict::decode(json.as_bytes(), DecodeOptions::strict()).unwrap();
    assert_eq!(page.items.len(), 2);
    assert_eq!(page.items[1].size, Some(3));
    assert_eq!(page.next_token.as_deref(), Some("t"));
    assert_eq!(typed_dict::to_string(&page).unwrap(), json);
}

#[test]
fn decode_and_validate_agree_on_errors_inside_t() {
    let json = r#"{"items":[{"imageDigest":"a"},{"imageDigest":3}]}"#;
    let errors = errors_of::<Page<ImageDetailTypeDef>>(json, DecodeOptions::strict());
    assert_eq!(
        errors,
        vec![(ErrorKind::WrongType, "$.items[1].imageDigest".to_owned())]
    );
    let report =
        typed_dict::validate::<Page<ImageDetailTypeDef>>(json.as_bytes(), DecodeOptions::strict());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].kind, ErrorKind::WrongType);
    assert_eq!(report.errors[0].path, "$.items[1].imageDigest");
    let missing = r#"{"items":[{}]}"#;
    assert_eq!(
        errors_of::<Page<ImageDetailTypeDef>>(missing, DecodeOptions::strict()),
        vec![(ErrorKind::MissingKey, "$.items[0].imageDigest".to_owned())]
    );
}

#[test]
fn builds_with_new_and_setters() {
    let page = Page::new(PageRequired {
        items: List::from(vec![image("a")]),
    })
    .with_next_token("t");
    assert_eq!(page.items[0].image_digest, "a");
    assert_eq!(page.next_token.as_deref(), Some("t"));
    assert_eq!(page.clone(), page);
    assert!(format!("{page:?}").starts_with("Page { items: "));
    let from: Page<Tag> = PageRequired { items: List::new() }.into();
    assert_eq!(from.next_token, None);

    let maybe: Maybe<Tag> = Maybe::new(MaybeRequired {
        label: "l".to_owned(),
    })
    .with_value(Tag::new(TagRequired {
        key: "k".to_owned(),
        value: "v".to_owned(),
    }));
    assert_eq!(maybe.value.unwrap().key, "k");
}

#[test]
fn one_schema_per_instantiation_named_as_python_writes_it() {
    let images = Page::<ImageDetailTypeDef>::schema();
    let tags = Page::<Tag>::schema();
    assert_eq!(images.name, "Page[ImageDetailTypeDef]");
    assert_eq!(tags.name, "Page[Tag]");
    assert!(!std::ptr::eq(images, tags));
    assert!(std::ptr::eq(images, Page::<ImageDetailTypeDef>::schema()));
    let items = images.field("items").unwrap();
    assert_eq!(items.value.python().to_string(), "list[ImageDetailTypeDef]");
    assert_eq!(
        tags.field("items").unwrap().value.python().to_string(),
        "list[Tag]"
    );
    assert_eq!(
        <Page<Tag> as TypedValue>::TYPE.python().to_string(),
        "Page[Tag]"
    );
    assert_eq!(
        <Page<String> as TypedValue>::TYPE.python().to_string(),
        "Page[str]"
    );
    assert!(!images.field("nextToken").unwrap().required);
}

#[test]
fn nested_generics() {
    let schema = Page::<Page<Tag>>::schema();
    assert_eq!(schema.name, "Page[Page[Tag]]");
    assert_eq!(
        schema.field("items").unwrap().value.python().to_string(),
        "list[Page[Tag]]"
    );
    let json = r#"{"items":[{"items":[{"key":"k","value":"v"}]},{"items":[{"key":"k"}]}]}"#;
    assert_eq!(
        errors_of::<Page<Page<Tag>>>(json, DecodeOptions::strict()),
        vec![(
            ErrorKind::MissingKey,
            "$.items[1].items[0].value".to_owned()
        )]
    );
    let report = typed_dict::validate::<Page<Page<Tag>>>(json.as_bytes(), DecodeOptions::strict());
    assert_eq!(report.errors[0].path, "$.items[1].items[0].value");
}

#[test]
fn user_bounds_and_where_clauses_are_kept() {
    let ring = Keyring::new(KeyringRequired {
        first: Tag::new(TagRequired {
            key: "k".to_owned(),
            value: "v".to_owned(),
        }),
        values: List::from(vec![1_i64, 2]),
    });
    assert_eq!(ring.first_key(), "k");
    assert_eq!(Keyring::<Tag, i64>::schema().name, "Keyring[Tag, int]");
    let json = typed_dict::to_string(&ring).unwrap();
    let back: Keyring<Tag, i64> =
        typed_dict::decode(json.as_bytes(), DecodeOptions::strict()).unwrap();
    assert_eq!(back, ring);
}

#[test]
fn json_schema_has_a_definition_per_instantiation() {
    #[typed_dict]
    pub struct Both {
        pub images: Page<ImageDetailTypeDef>,
        pub tags: Page<Tag>,
    }
    let schema = typed_dict::json_schema::for_type_def(Both::schema(), Mode::Strict);
    let defs = schema["$defs"].as_object().unwrap();
    let images = defs
        .keys()
        .find(|key| key.contains("ImageDetailTypeDef") && key.starts_with("Page"))
        .unwrap()
        .clone();
    let tags = defs
        .keys()
        .find(|key| key.contains("Tag") && key.starts_with("Page") && *key != &images)
        .unwrap()
        .clone();
    assert_ne!(images, tags);
    assert_eq!(
        defs[&images]["properties"]["items"]["items"],
        json!({"$ref": "#/$defs/ImageDetailTypeDef"})
    );
    assert_eq!(
        defs[&tags]["properties"]["items"]["items"],
        json!({"$ref": "#/$defs/Tag"})
    );
    assert_eq!(
        schema["$defs"]["Both"]["properties"]["images"]["$ref"],
        json!(format!("#/$defs/{images}"))
    );
}

/// A generic input shape with an output variant: `Sequence<T>` in, `List` of `T`'s output
/// out.
#[typed_dict(output = ImagePageOutput)]
pub struct ImagePage<T> {
    pub items: typed_dict::Sequence<T>,
    pub next_token: Option<String>,
}

#[typed_dict(output = ImageRefOutput)]
pub struct ImageRef {
    pub tags: typed_dict::Sequence<String>,
}

#[test]
fn the_output_variant_holds_the_arguments_outputs() {
    use typed_dict::HasOutput;
    let json = r#"{"items":[{"tags":["a"]}],"nextToken":"n"}"#;
    let output: <ImagePage<ImageRef> as HasOutput>::Output = typed_dict::from_str(json).unwrap();
    // `ImagePageOutput<ImageRef>` holds `ImageRefOutput`s, in a `List`.
    let items: &List<ImageRefOutput> = &output.items;
    let tags: &List<String> = &items[0].tags;
    assert_eq!(tags, &["a".to_owned()]);
    assert_eq!(
        ImagePageOutput::<ImageRef>::schema().name,
        "ImagePageOutput[ImageRefOutput]"
    );
    assert_eq!(ImagePage::<ImageRef>::schema().name, "ImagePage[ImageRef]");
    let field = ImagePageOutput::<ImageRef>::schema()
        .field("items")
        .unwrap();
    assert_eq!(field.value.python().to_string(), "list[ImageRefOutput]");
    let field = ImagePage::<ImageRef>::schema().field("items").unwrap();
    assert_eq!(field.value.python().to_string(), "Sequence[ImageRef]");
    // Back into the input, for the next request.
    let input = ImagePage::<ImageRef>::from(output);
    assert_eq!(typed_dict::to_string(&input).unwrap(), json);
    assert_eq!(input.next_token.as_deref(), Some("n"));
    // Decode and validate agree inside the output's items.
    let errors = errors_of::<ImagePageOutput<ImageRef>>(
        r#"{"items":[{"tags":[1]}]}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        [(ErrorKind::WrongType, "$.items[0].tags[0]".to_owned())]
    );
    let report = typed_dict::validate::<ImagePageOutput<ImageRef>>(
        br#"{"items":[{"tags":[1]}]}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(report.errors[0].path, "$.items[0].tags[0]");
}

/// `Self` in a generic typed dict is the item with its parameters: `Tree<T>`.
#[typed_dict]
pub struct Tree<T> {
    pub value: T,
    pub children: Option<List<Self>>,
}

#[test]
fn self_in_a_generic_shape_is_the_instantiation() {
    let tree: Tree<i64> =
        typed_dict::from_str(r#"{"value": 1, "children": [{"value": 2, "children": []}]}"#)
            .unwrap();
    let children = tree.children.as_ref().unwrap();
    assert_eq!(children[0].value, 2);
    assert_eq!(Tree::<i64>::schema().name, "Tree[int]");
    let field = Tree::<i64>::schema().field("children").unwrap();
    assert_eq!(field.value.python().to_string(), "list[Tree[int]]");
    let errors = errors_of::<Tree<i64>>(
        r#"{"value": 1, "children": [{"value": "x"}]}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        [(ErrorKind::WrongType, "$.children[0].value".to_owned())]
    );
}
