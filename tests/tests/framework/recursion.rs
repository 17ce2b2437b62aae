//! Recursive shapes: `Option<Box<Self>>`, `List<Self>`, `Option<List<Self>>`, named boxes
//! and mutual recursion, through construction, encode, decode, validate, schema, Python
//! annotations and JSON Schema (the markdown pages are ecr-types' renderer now).

use serde_json::json;
use typed_dict::{typed_dict, DecodeOptions, ErrorKind, List, Mode, TypedDict};

use crate::errors_of;

/// A tree: every recursive spelling at once.
#[typed_dict(output = TreeOutput)]
pub struct Tree {
    pub name: String,
    pub parent: Option<Box<Self>>,
    pub children: List<Self>,
    pub more: Option<List<Tree>>,
    pub first: Option<Box<Tree>>,
}

/// Mutual recursion: a statement holds conditions, which may hold statements.
#[typed_dict]
pub struct StatementTypeDef {
    pub effect: String,
    pub condition: Option<Box<ConditionTypeDef>>,
}

#[typed_dict]
pub struct ConditionTypeDef {
    pub key: String,
    pub nested: Option<List<StatementTypeDef>>,
}

fn leaf(name: &str) -> Tree {
    Tree::new(TreeRequired {
        name: name.into(),
        children: vec![],
    })
}

#[test]
fn recursive_values_round_trip() {
    let tree = Tree::new(TreeRequired {
        name: "root".into(),
        children: vec![leaf("a"), leaf("b").with_parent(Box::new(leaf("root")))],
    })
    .with_first(Box::new(leaf("a")))
    .with_more(vec![leaf("c")]);
    let json = typed_dict::to_string(&tree).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        json!({
            "name": "root",
            "children": [
                {"name": "a", "children": []},
                {"name": "b", "parent": {"name": "root", "children": []}, "children": []}
            ],
            "more": [{"name": "c", "children": []}],
            "first": {"name": "a", "children": []}
        })
    );
    let back: Tree = typed_dict::from_str(&json).unwrap();
    assert_eq!(back, tree);
    let output: TreeOutput = typed_dict::from_str(&json).unwrap();
    assert_eq!(Tree::from(output), tree);
}

#[test]
fn errors_deep_in_a_recursive_shape_have_their_paths() {
    let errors = errors_of::<Tree>(
        r#"{"name": "r", "children": [{"name": "a", "children": [{"children": []}]}],
            "parent": {"name": 1, "children": []}}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        errors,
        vec![
            (
                ErrorKind::MissingKey,
                "$.children[0].children[0].name".to_owned()
            ),
            (ErrorKind::WrongType, "$.parent.name".to_owned()),
        ]
    );
    let mutual = errors_of::<StatementTypeDef>(
        r#"{"effect": "Allow", "condition": {"key": "k", "nested": [{"effect": 3}]}}"#,
        DecodeOptions::strict(),
    );
    assert_eq!(
        mutual,
        vec![(
            ErrorKind::WrongType,
            "$.condition.nested[0].effect".to_owned()
        )]
    );
    let report = typed_dict::validate_schema(
        br#"{"effect": "Allow", "condition": {"nested": []}}"#,
        StatementTypeDef::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(report.errors[0].path, "$.condition.key");
}

#[test]
fn box_is_invisible_in_the_schema_and_annotations() {
    let annotations: Vec<String> = Tree::schema()
        .fields
        .iter()
        .map(|field| field.value.python().to_string())
        .collect();
    assert_eq!(
        annotations,
        ["str", "Tree", "list[Tree]", "list[Tree]", "Tree"]
    );
    let condition = StatementTypeDef::schema().field("condition").unwrap();
    assert_eq!(condition.value.python().to_string(), "ConditionTypeDef");
}

#[test]
fn json_schema_refers_to_itself() {
    let schema = typed_dict::json_schema::for_type_def(Tree::schema(), Mode::Strict);
    let tree = &schema["$defs"]["Tree"];
    assert_eq!(
        tree["properties"]["parent"],
        json!({"$ref": "#/$defs/Tree"})
    );
    assert_eq!(
        tree["properties"]["children"],
        json!({"type": "array", "items": {"$ref": "#/$defs/Tree"}})
    );
    let mutual = typed_dict::json_schema::for_type_def(StatementTypeDef::schema(), Mode::Strict);
    assert_eq!(
        mutual["$defs"]["ConditionTypeDef"]["properties"]["nested"]["items"],
        json!({"$ref": "#/$defs/StatementTypeDef"})
    );
}
