//! A union's value is read once per member, and decode must judge it as the validation
//! walk does. Through the crate's own parser the union buffers its value as text, which
//! each member reads again with the same parser: a key given twice inside a member (a
//! typed dict, a `Dict`, a `HashMap`, a `BTreeMap`, a member of a nested union) is a
//! `duplicate_key` for decode as for `validate`, in strict and wire mode; the nesting
//! limit counts from the whole document on both paths. Valid values still decode to the
//! first member that takes them, and through a foreign deserializer (serde_json's own)
//! the union still decodes, buffered as a `JsonValue` as before.

mod common;

use std::collections::{BTreeMap, HashMap};

use serde_json::Value as JsonValue;

use typed_dict::{typed_dict, Dict, ErrorKind, List};

#[typed_dict]
pub struct Point {
    pub x: i64,
    pub y: Option<i64>,
}

#[typed_dict]
pub struct Named {
    pub name: String,
}

/// Typed dicts as members.
#[typed_dict]
pub enum Shape {
    Point(Point),
    Named(Named),
}

/// Every dict type as a member, told apart by their values' types.
#[typed_dict]
pub enum Table {
    Ordered(Dict<String, i64>),
    Hashed(HashMap<String, String>),
    Sorted(BTreeMap<String, bool>),
}

/// A union inside a union.
#[typed_dict]
pub enum Outer {
    Inner(Table),
    Items(List<HashMap<String, i64>>),
}

/// Anything at all, to nest as deep as the limit allows.
#[typed_dict]
pub enum Deep {
    Number(i64),
    Anything(JsonValue),
}

#[typed_dict]
pub struct Holder {
    pub shape: Option<Shape>,
    pub table: Option<Table>,
    pub outer: Option<Outer>,
    pub shapes: Option<List<Shape>>,
    pub deep: Option<Deep>,
}

use common::{errors, kinds_at, options};

#[test]
fn a_key_given_twice_inside_any_member_is_refused_by_both_paths() {
    for (json, path) in [
        (r#"{"shape": {"x": 1, "x": 2}}"#, "$.shape.x"),
        (
            r#"{"shape": {"x": "s", "y": "t", "name": "a", "name": "b"}}"#,
            "$.shape.name",
        ),
        (
            r#"{"shapes": [{"x": 1}, {"x": 1, "y": 2, "y": 3}]}"#,
            "$.shapes[1].y",
        ),
        (r#"{"table": {"a": 1, "a": 2}}"#, "$.table.a"),
        (r#"{"table": {"a": "x", "a": "y"}}"#, "$.table.a"),
        (
            r#"{"table": {"a": true, "b": false, "a": true}}"#,
            "$.table.a",
        ),
        (r#"{"outer": {"a": 1, "a": 1}}"#, "$.outer.a"),
    ] {
        for options in options() {
            let errors = errors::<Holder>(json, options);
            assert!(
                kinds_at(&errors).contains(&(ErrorKind::DuplicateKey, path)),
                "{json}: {errors:?}"
            );
        }
    }
}

/// In a nested union's list member too; `Items` and `Inner` (which takes no list) have one
/// error each, so the report is the first member's `wrong_type`, and decode refuses too.
#[test]
fn a_key_given_twice_in_a_list_member_beside_a_nested_union_is_refused() {
    for options in options() {
        let twice = errors::<Holder>(r#"{"outer": [{"a": 1}, {"b": 1, "b": 2}]}"#, options);
        assert_eq!(kinds_at(&twice), [(ErrorKind::WrongType, "$.outer")]);
        assert_eq!(
            errors::<Holder>(r#"{"outer": [{"a": 1}, {"b": 2}]}"#, options),
            []
        );
    }
}

/// `Named` refuses the key given twice, `Point` the missing `x`: one error each, so the
/// report is the first member's, and decode refuses the value too.
#[test]
fn a_member_refusing_only_a_key_given_twice_is_not_taken() {
    for options in options() {
        let errors = errors::<Holder>(r#"{"shape": {"name": "a", "name": "b"}}"#, options);
        assert_eq!(kinds_at(&errors), [(ErrorKind::MissingKey, "$.shape.x")]);
    }
}

#[test]
fn a_key_given_twice_in_the_typed_dict_around_the_union_is_still_refused() {
    for options in options() {
        let errors = errors::<Holder>(r#"{"shape": {"x": 1}, "shape": {"x": 1}}"#, options);
        assert_eq!(kinds_at(&errors), [(ErrorKind::DuplicateKey, "$.shape")]);
    }
}

#[test]
fn valid_unions_decode_to_the_first_member_that_takes_them() {
    let json = r#"{
        "shape": {"name": "n"},
        "table": {"a": "x", "b": "y"},
        "outer": [{"a": 1}],
        "shapes": [{"x": 1, "y": 2}, {"name": "m"}],
        "deep": [1, {"a": [null]}]
    }"#;
    for options in options() {
        assert_eq!(errors::<Holder>(json, options), []);
        let holder = typed_dict::decode::<Holder>(json.as_bytes(), options).unwrap();
        assert_eq!(
            holder.shape,
            Some(Shape::Named(Named {
                name: "n".to_owned()
            }))
        );
        assert_eq!(
            holder.table,
            Some(Table::Hashed(HashMap::from([
                ("a".to_owned(), "x".to_owned()),
                ("b".to_owned(), "y".to_owned()),
            ])))
        );
        assert_eq!(
            holder.outer,
            Some(Outer::Items(vec![HashMap::from([("a".to_owned(), 1)])]))
        );
        assert_eq!(
            holder.shapes,
            Some(vec![
                Shape::Point(Point { x: 1, y: Some(2) }),
                Shape::Named(Named {
                    name: "m".to_owned()
                }),
            ])
        );
        assert_eq!(
            holder.deep,
            Some(Deep::Anything(serde_json::json!([1, {"a": [null]}])))
        );
    }
    let table = |json: &str| typed_dict::from_str::<Holder>(json).unwrap().table;
    assert!(matches!(
        table(r#"{"table": {"a": 1}}"#),
        Some(Table::Ordered(_))
    ));
    assert!(matches!(
        table(r#"{"table": {"a": true}}"#),
        Some(Table::Sorted(_))
    ));
    // The member that takes the value first wins, even the empty object.
    assert!(matches!(table(r#"{"table": {}}"#), Some(Table::Ordered(_))));
    let outer = typed_dict::from_str::<Holder>(r#"{"outer": {"k": false}}"#).unwrap();
    assert!(matches!(outer.outer, Some(Outer::Inner(Table::Sorted(_)))));
    let deep = typed_dict::from_str::<Holder>(r#"{"deep": 7}"#).unwrap();
    assert_eq!(deep.deep, Some(Deep::Number(7)));
}

#[test]
fn a_value_no_member_takes_is_refused_by_both_paths() {
    for options in options() {
        for json in [
            r#"{"shape": {"x": "1"}}"#,
            r#"{"table": {"a": 1, "b": "x"}}"#,
            r#"{"outer": [{"a": "x"}]}"#,
            r#"{"shape": 1}"#,
        ] {
            assert_ne!(errors::<Holder>(json, options), [], "{json}");
        }
    }
}

/// The text a union re-reads starts where the union stands, so the nesting limit counts
/// from the document's top on both paths, around the limit.
#[test]
fn the_nesting_limit_counts_from_the_top_through_a_union() {
    for depth in 120..=130 {
        let json = format!(r#"{{"deep": {}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        for options in options() {
            errors::<Holder>(&json, options);
        }
    }
}

/// Through serde_json's own deserializer the union has no text to re-read: it buffers
/// the value as a `JsonValue`, as before, and decodes valid values alike.
#[test]
fn a_union_through_serde_json_still_decodes() {
    let json =
        r#"{"shape": {"x": 3}, "table": {"a": true}, "outer": [{"a": 1}], "deep": {"k": [1]}}"#;
    let ours = typed_dict::from_str::<Holder>(json).unwrap();
    let theirs: Holder = serde_json::from_str(json).unwrap();
    assert_eq!(theirs, ours);
    let from_value: Holder = serde_json::from_value(serde_json::from_str(json).unwrap()).unwrap();
    assert_eq!(from_value, ours);
    assert!(serde_json::from_str::<Holder>(r#"{"shape": {"x": "3"}}"#).is_err());
    // serde_json's map keeps the last value of a key given twice: its own choice, which
    // a `JsonValue` buffer cannot see past (the crate's readers refuse the key).
    let last: Holder = serde_json::from_str(r#"{"table": {"a": 1, "a": 2}}"#).unwrap();
    assert_eq!(
        last.table,
        Some(Table::Ordered(Dict::from_iter([("a".to_owned(), 2)])))
    );
}
