//! Shapes nobody here wrote: types from `macro_rules!` fragments, `Self`, keys named like
//! generated items, a `#[no_implicit_prelude]` module, more than one attribute, and the
//! user's own derives.

use std::collections::HashSet;

use typed_dict::{typed_dict, DecodeOptions, Literal, TypedDict};

/// Declares a shape from `$t:ty` fragments, which reach the macro in invisible groups.
macro_rules! declare_from_fragments {
    ($name:ident, $optional:ty, $required:ty) => {
        #[typed_dict]
        pub struct $name {
            pub count: $optional,
            pub name: $required,
        }
    };
}

declare_from_fragments!(FromFragments, Option<i64>, String);

#[test]
fn types_from_macro_fragments_classify_like_written_ones() {
    let schema = FromFragments::schema();
    assert!(
        !schema.fields[0].required,
        "Option<i64> from a fragment is NotRequired"
    );
    assert!(schema.fields[1].required);
    let decoded: FromFragments = typed_dict::from_str(r#"{"name": "a"}"#).unwrap();
    assert_eq!(decoded.count, None);
    let set = FromFragments::new(FromFragmentsRequired { name: "a".into() }).with_count(3);
    assert_eq!(
        typed_dict::to_string(&set).unwrap(),
        r#"{"count":3,"name":"a"}"#
    );
}

/// Every key named like something generated.
#[typed_dict]
pub struct Collisions {
    pub new: String,
    pub schema: Option<String>,
    pub default: Option<String>,
    pub from: Option<String>,
    pub clone: Option<i64>,
    pub eq: Option<bool>,
    pub into: Option<String>,
    pub builder: Option<String>,
    pub required: Option<String>,
    pub extra: Option<String>,
    pub r#gen: Option<String>,
}

/// The same names, without a Required key, so `Default` exists.
#[typed_dict]
pub struct CollisionsWithDefault {
    pub default: Option<String>,
    pub new: Option<String>,
}

#[test]
fn keys_named_like_generated_items_keep_those_items_working() {
    let value = Collisions::new(CollisionsRequired { new: "n".into() })
        .with_schema("s")
        .with_default("d")
        .with_from("f")
        .with_clone(1)
        .with_eq(true)
        .with_into("i")
        .with_builder("b")
        .with_required("r")
        .with_extra("e")
        .with_gen("g");
    assert_eq!(Collisions::schema().name, "Collisions");
    assert_eq!(Collisions::schema().fields.len(), 11);
    let copy = value.clone();
    assert!(copy.eq(&value));
    assert_eq!(copy.clone, Some(1));
    let from = Collisions::from(CollisionsRequired { new: "n".into() });
    assert_eq!(from.new, "n");
    let json = typed_dict::to_string(&value).unwrap();
    assert_eq!(
        json,
        r#"{"new":"n","schema":"s","default":"d","from":"f","clone":1,"eq":true,"into":"i","builder":"b","required":"r","extra":"e","gen":"g"}"#
    );
    assert_eq!(typed_dict::from_str::<Collisions>(&json).unwrap(), value);
    let empty = CollisionsWithDefault::default();
    assert_eq!(empty, CollisionsWithDefault::new());
    assert_eq!(empty.with_default("x").default.as_deref(), Some("x"));
}

/// AWS uses `ALL` as a value; `NONE` and `VALUES` are as likely.
#[typed_dict]
#[allow(clippy::upper_case_acronyms)]
pub enum FilterType {
    ALL,
    VALUES,
    NONE,
    Some,
}

#[test]
fn literal_variants_named_like_generated_consts_work() {
    assert_eq!(FilterType::ALL.as_str(), "ALL");
    assert_eq!(FilterType::NONE.to_string(), "NONE");
    assert_eq!(<FilterType as Literal>::ALL.len(), 4);
    assert_eq!(
        <FilterType as Literal>::VALUES,
        ["ALL", "VALUES", "NONE", "Some"]
    );
    assert_eq!("VALUES".parse::<FilterType>(), Ok(FilterType::VALUES));
    let decoded: FilterType = serde_json::from_str(r#""Some""#).unwrap();
    assert_eq!(decoded, FilterType::Some);
}

/// A shape named like another's companion (`QueueRequired` beside `Queue`): the
/// companion is named explicitly.
#[typed_dict(required = QueueKeys)]
pub struct Queue {
    pub url: String,
}

#[typed_dict]
pub struct QueueRequired {
    pub name: String,
}

#[test]
fn a_companion_can_be_named_to_avoid_a_collision() {
    let queue = Queue::new(QueueKeys { url: "u".into() });
    assert_eq!(queue.url, "u");
    let shape = QueueRequired::new(QueueRequiredRequired { name: "q".into() });
    assert_eq!(typed_dict::to_string(&shape).unwrap(), r#"{"name":"q"}"#);
}

/// Names like a companion's that do not clash with it: in another module or block, under
/// a `cfg` that is off, in the value namespace, or brought in by a glob (which a
/// declaration shadows). The macro reads the file to word a real clash; none of these may
/// be taken for one.
mod near_misses {
    use typed_dict::typed_dict;

    #[cfg(any())]
    pub struct TopicRequired;

    #[allow(non_snake_case, dead_code)]
    fn TopicRequired() {}

    #[allow(unused_imports)]
    use super::globbed::*;

    mod elsewhere {
        #[allow(dead_code)]
        pub struct TopicRequired;
    }

    #[allow(dead_code)]
    fn in_a_block() {
        struct TopicRequired;
        let _ = TopicRequired;
    }

    #[typed_dict]
    pub struct Topic {
        pub arn: String,
    }

    #[test]
    fn a_name_that_does_not_clash_is_left_alone() {
        let topic = Topic::new(TopicRequired { arn: "a".into() });
        assert_eq!(typed_dict::to_string(&topic).unwrap(), r#"{"arn":"a"}"#);
    }

    #[test]
    fn a_typed_dict_in_a_function_beside_its_own_types() {
        #[typed_dict]
        struct Tag {
            key: String,
        }

        #[typed_dict]
        struct Tagged {
            tags: Vec<Tag>,
        }

        let tagged = Tagged::new(TaggedRequired {
            tags: vec![Tag::new(TagRequired { key: "k".into() })],
        });
        assert_eq!(
            typed_dict::to_string(&tagged).unwrap(),
            r#"{"tags":[{"key":"k"}]}"#
        );
    }
}

/// An import of a function or a macro under a companion's name does not clash either (the
/// companion is a braced struct, in the type namespace only), and nor does a struct that
/// a `cfg` inside `cfg_attr` removes.
mod imported_near_misses {
    use typed_dict::typed_dict;

    mod helpers {
        pub fn make() {}
    }

    use helpers::make as StreamRequired;

    macro_rules! shard {
        () => {};
    }

    pub(crate) use shard as ShardRequired;

    #[cfg_attr(all(), cfg(any()))]
    pub struct StreamRequired;

    #[typed_dict]
    pub struct Stream {
        pub name: String,
    }

    #[typed_dict]
    pub struct Shard {
        pub id: String,
    }

    #[test]
    fn imports_of_other_namespaces_are_left_alone() {
        // The imports, in their own namespaces, beside the companions in theirs.
        StreamRequired();
        ShardRequired!();
        let stream = Stream::new(StreamRequired { name: "s".into() });
        let shard = Shard::new(ShardRequired { id: "i".into() });
        assert_eq!(typed_dict::to_string(&stream).unwrap(), r#"{"name":"s"}"#);
        assert_eq!(typed_dict::to_string(&shard).unwrap(), r#"{"id":"i"}"#);
    }
}

mod globbed {
    #[allow(dead_code)]
    pub struct TopicRequired;
}

/// Everything generated works without the prelude.
#[no_implicit_prelude]
mod without_prelude {
    #[::typed_dict::typed_dict(output = NodeOutput)]
    pub struct Node {
        pub name: ::std::string::String,
        pub tags: ::std::option::Option<::typed_dict::Sequence<::std::string::String>>,
        pub next: ::std::option::Option<::std::boxed::Box<Self>>,
        pub kind: ::std::option::Option<Kind>,
        #[typed_dict(extra)]
        pub extra: ::typed_dict::Dict<::std::string::String, ::typed_dict::JsonValue>,
    }

    #[::typed_dict::typed_dict(rename_all = "kebab-case")]
    pub enum Kind {
        LeafNode,
        Branch,
    }

    #[::typed_dict::typed_dict(closed)]
    pub struct Empty {
        pub only: ::std::option::Option<i64>,
    }
}

#[test]
fn generated_code_needs_no_prelude() {
    use without_prelude::*;
    let node = Node::new(NodeRequired { name: "a".into() })
        .with_kind(Kind::LeafNode)
        .with_next(Box::new(Node::new(NodeRequired { name: "b".into() })));
    let json = typed_dict::to_string(&node).unwrap();
    assert_eq!(
        json,
        r#"{"name":"a","next":{"name":"b"},"kind":"leaf-node"}"#
    );
    let output: NodeOutput = typed_dict::from_str(&json).unwrap();
    assert_eq!(Node::from(output), node);
    assert_eq!(Empty::default(), Empty::new());
}

/// A second `#[typed_dict(...)]` on the same item is merged, never dropped.
#[typed_dict]
#[typed_dict(closed)]
pub struct MergedAttributes {
    pub a: Option<i64>,
}

#[test]
fn a_second_attribute_is_merged() {
    assert!(MergedAttributes::schema().closed);
    let errors = crate::errors_of::<MergedAttributes>(r#"{"b": 1}"#, DecodeOptions::strict());
    assert_eq!(errors.len(), 1);
}

/// The user's own derives, below the attribute: the macro implements only the rest.
#[typed_dict]
#[derive(Debug, Clone, PartialEq)]
pub struct DerivesEverything {
    pub id: String,
}

#[typed_dict]
#[derive(Default, Debug)]
pub struct DerivesDefault {
    pub id: Option<String>,
}

#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DerivedLiteral {
    Active,
    Inactive,
}

#[test]
fn user_derives_are_kept_and_not_implemented_twice() {
    let value = DerivesEverything::new(DerivesEverythingRequired { id: "x".into() });
    assert_eq!(format!("{value:?}"), r#"DerivesEverything { id: "x" }"#);
    assert_eq!(value.clone(), value);
    assert_eq!(DerivesDefault::default(), DerivesDefault::new());
    let set: HashSet<DerivedLiteral> = [DerivedLiteral::Active, DerivedLiteral::Active].into();
    assert_eq!(set.len(), 1);
    assert!(DerivedLiteral::Active < DerivedLiteral::Inactive);
    assert_eq!(DerivedLiteral::Inactive.to_string(), "INACTIVE");
}

#[test]
fn generated_debug_reads_like_derived_debug() {
    let value = Collisions::new(CollisionsRequired { new: "n".into() }).with_gen("g");
    let debug = format!("{value:?}");
    assert!(
        debug.starts_with(r#"Collisions { new: "n", schema: None"#),
        "{debug}"
    );
    assert!(debug.ends_with(r#"gen: Some("g") }"#), "{debug}");
}
