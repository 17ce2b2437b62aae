//! Recursive shapes: `Option<Box<Self>>`, `List<Self>`, `Option<List<Self>>`, named boxes
//! and mutual recursion, through construction, encode, decode, validate, schema, Python
//! annotations and JSON Schema (the markdown pages are ecr-types' renderer now).

use serde_json::json;
use typed_dict::{typed_dict, DecodeOptions, Dict, ErrorKind, List, Mode, TypedDict};

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

/// `Expr = Union[str, int, List[Expr], Dict[str, Expr]]`: a union that holds itself, as a
/// Python recursive alias does.
#[typed_dict]
pub enum Expr {
    Name(String),
    Number(i64),
    All(List<Expr>),
    Named(Dict<String, Self>),
}

/// A union reaching itself through a boxed typed dict member.
#[typed_dict]
pub enum Condition {
    Leaf(String),
    Group(Box<ConditionGroup>),
}

/// A typed dict inside [`Condition`], holding it again.
#[typed_dict]
pub struct ConditionGroup {
    pub all: List<Condition>,
    pub not: Option<Box<Condition>>,
}

/// A named alias that holds itself: `Nest = List[Nest]`.
#[typed_dict]
pub struct Nest(pub List<Self>);

/// A typed dict keyed by the recursive types.
#[typed_dict]
pub struct Query {
    pub expr: Expr,
    pub condition: Option<Condition>,
    pub nest: Option<Nest>,
}

#[test]
fn recursive_unions_and_aliases_round_trip() {
    let json = r#"{"expr":["a",1,{"k":["b",{}]}],"condition":{"all":["x",{"all":[],"not":"y"}]},"nest":[[],[[]]]}"#;
    let query: Query = typed_dict::from_str(json).unwrap();
    let Expr::All(items) = &query.expr else {
        panic!("a list: {:?}", query.expr)
    };
    assert_eq!(items[0], Expr::Name("a".into()));
    assert_eq!(items[1], Expr::Number(1));
    let Expr::Named(named) = &items[2] else {
        panic!("a dict: {:?}", items[2])
    };
    assert_eq!(
        named["k"],
        Expr::All(vec![Expr::Name("b".into()), Expr::Named(Dict::new())])
    );
    let Some(Condition::Group(group)) = &query.condition else {
        panic!("a group: {:?}", query.condition)
    };
    assert_eq!(group.all[0], Condition::Leaf("x".into()));
    assert_eq!(query.nest.as_ref().unwrap().0.len(), 2);
    assert_eq!(typed_dict::to_string(&query).unwrap(), json);
    // Errors deep inside keep their paths.
    let errors = errors_of::<Query>(r#"{"expr": ["a", [true]]}"#, DecodeOptions::strict());
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].1, "$.expr");
    let report = typed_dict::validate_schema(
        br#"{"expr": {"k": [1, "b"]}, "nest": [[], [3]]}"#,
        Query::schema(),
        DecodeOptions::strict(),
    );
    assert_eq!(report.errors.len(), 1, "{report:?}");
    assert_eq!(report.errors[0].path, "$.nest[1][0]");
}

#[test]
fn recursive_unions_are_named_in_annotations_and_json_schema() {
    let expr = Query::schema().field("expr").unwrap().value;
    assert_eq!(expr.python().to_string(), "Expr");
    assert_eq!(
        expr.python_definition_with(&typed_dict::schema::PythonStyle::BUILTINS)
            .to_string(),
        "Union[str, int, list[Expr], dict[str, Expr]]"
    );
    let schema = typed_dict::json_schema::for_type_def(Query::schema(), Mode::Strict);
    let properties = &schema["$defs"]["Query"]["properties"];
    // A recursive union is a definition of its own, referred to where it recurs.
    assert_eq!(properties["expr"], json!({"$ref": "#/$defs/Expr"}));
    let members = schema["$defs"]["Expr"]["anyOf"].as_array().unwrap();
    assert_eq!(members.len(), 4);
    assert_eq!(
        members[2],
        json!({"type": "array", "items": {"$ref": "#/$defs/Expr"}})
    );
    assert_eq!(properties["nest"], json!({"$ref": "#/$defs/Nest"}));
    assert_eq!(
        schema["$defs"]["Nest"],
        json!({"type": "array", "items": {"$ref": "#/$defs/Nest"}, "title": "Nest"})
    );
    // Through a typed dict, a union recurs too.
    assert_eq!(
        properties["condition"],
        json!({"$ref": "#/$defs/Condition"})
    );
    assert_eq!(
        schema["$defs"]["Condition"]["anyOf"][1],
        json!({"$ref": "#/$defs/ConditionGroup"})
    );
    assert_eq!(
        schema["$defs"]["ConditionGroup"]["properties"]["not"],
        json!({"$ref": "#/$defs/Condition"})
    );
}
