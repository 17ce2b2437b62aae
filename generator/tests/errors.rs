//! Every way the generator refuses its input, and what it says: the file, the TypedDict
//! and key, the layout entry.

mod common;

use common::{facts_json, generate, scratch};
use typed_dict_gen::{generate_project, Error, Facts, Layout, Release};

fn message(result: Result<impl std::fmt::Debug, Error>) -> String {
    result.expect_err("refused").to_string()
}

fn one_key(annotation: &str) -> String {
    facts_json(
        &format!(
            r#"[{{"name": "ThingTypeDef", "fields": [{{"key": "k", "required": true, "type": "{annotation}"}}]}}]"#
        ),
        "[]",
        r#"[{"name": "AType", "values": ["x"]}, {"name": "BType", "values": ["x"]}]"#,
    )
}

#[test]
fn facts_that_are_not_a_facts_document() {
    assert_eq!(
        message(Facts::from_json("{\n  \"package\": 1", "f.json")),
        "facts `f.json`: invalid type: integer `1`, expected a string at line 2 column 14"
    );
    assert!(message(Facts::from_json("[]", "f.json")).contains("expected struct Facts"));
    let unknown = r#"{"package": "p", "version": null, "type_defs": [], "aliases": [], "literals": [], "extra": 1}"#;
    assert!(message(Facts::from_json(unknown, "f.json")).contains("unknown field `extra`"));
}

#[test]
fn facts_whose_names_clash_or_are_empty() {
    let twice = facts_json(
        r#"[{"name": "AType", "fields": []}]"#,
        "[]",
        r#"[{"name": "AType", "values": ["x"]}]"#,
    );
    assert_eq!(
        message(Facts::from_json(&twice, "f.json")),
        "facts `f.json`: `AType` is both a TypedDict and a literal"
    );
    let key_twice = facts_json(
        r#"[{"name": "T", "fields": [{"key": "a", "required": true, "type": "str"}, {"key": "a", "required": true, "type": "int"}]}]"#,
        "[]",
        "[]",
    );
    assert_eq!(
        message(Facts::from_json(&key_twice, "f.json")),
        "facts `f.json`: `T` has the key `a` twice"
    );
    let empty = facts_json("[]", "[]", r#"[{"name": "E", "values": []}]"#);
    assert_eq!(
        message(Facts::from_json(&empty, "f.json")),
        "facts `f.json`: literal `E` has no values"
    );
    let not_a_name = facts_json(r#"[{"name": "a-b", "fields": []}]"#, "[]", "[]");
    assert_eq!(
        message(Facts::from_json(&not_a_name, "f.json")),
        "facts `f.json`: TypedDict `a-b` is not a name"
    );
}

#[test]
fn a_missing_file_is_named() {
    let error = message(Facts::from_path(std::path::Path::new(
        "/nonexistent/facts.json",
    )));
    assert!(error.starts_with("/nonexistent/facts.json: "), "{error}");
    let error = message(Layout::from_path(std::path::Path::new(
        "/nonexistent/layout.toml",
    )));
    assert!(error.starts_with("/nonexistent/layout.toml: "), "{error}");
}

#[test]
fn annotations_that_are_no_type_name_the_key() {
    assert_eq!(
        message(generate(&one_key("list[str"), "")),
        "`ThingTypeDef.k`: annotation `list[str`: expected `,` or `]` at the end"
    );
    assert_eq!(
        message(generate(&one_key("Literal[1]"), "")),
        "`ThingTypeDef.k`: annotation `Literal[1]`: expected a type at 8, found `1]`"
    );
    assert_eq!(
        message(generate(&one_key("dict[str]"), "")),
        "`ThingTypeDef.k`: annotation `dict[str]`: `dict` takes 2 argument(s), not 1"
    );
    assert_eq!(
        message(generate(&one_key("Literal[str]"), "")),
        "`ThingTypeDef.k`: annotation `Literal[str]`: literal value `str` is not a string"
    );
}

#[test]
fn literal_of_must_name_a_literal_of_that_one_value() {
    let facts = one_key("Literal['x']");
    let chosen = generate(&facts, "[literal_of]\n\"ThingTypeDef.k\" = \"BType\"").unwrap();
    assert!(common::file(&chosen, "shapes.rs").contains("pub k: BType,"));
    assert_eq!(
        message(generate(
            &facts,
            "[literal_of]\n\"ThingTypeDef.k\" = \"CType\""
        )),
        "`ThingTypeDef.k`: annotation `Literal['x']`: CType is not a literal of exactly ['x']"
    );
}

#[test]
fn layouts_that_are_not_a_layout() {
    assert!(message(Layout::from_toml("root = [", "l.toml"))
        .starts_with("layout `l.toml`: TOML parse error at line 1"));
    assert!(message(Layout::from_toml("colour = 1", "l.toml")).contains("unknown field `colour`"));
    assert_eq!(
        message(Layout::from_toml(
            "[[module]]\nname = \"a\"\ndoc = \"A.\"\nshape = []",
            "l.toml"
        )),
        "layout `l.toml`: module `a`: unknown entry `shape`"
    );
    assert_eq!(
        message(Layout::from_toml(
            "literal_rules = [\"Shouting\"]",
            "l.toml"
        )),
        "layout `l.toml`: literal_rules: unknown rule `Shouting`"
    );
}

#[test]
fn layouts_that_disagree_with_the_facts() {
    let facts = one_key("str");
    let module =
        |shapes: &str| format!("[[module]]\nname = \"m\"\ndoc = \"M.\"\nshapes = [{shapes}]\n");
    assert_eq!(
        message(generate(&facts, &module(""))),
        "demo: no module for [\"ThingTypeDef\"] (the layout's [[module]] tables)"
    );
    let twice = module("\"ThingTypeDef\"") + &module("\"ThingTypeDef\"").replace("\"m\"", "\"n\"");
    assert_eq!(
        message(generate(&facts, &twice)),
        "demo: ThingTypeDef is in both m and n"
    );
    assert_eq!(
        message(generate(&facts, "strict_summaries = true")),
        "no summary for ThingTypeDef in [summaries] of the layout"
    );
    let stale =
        "[[wire_optional.key]]\ntype_def = \"ThingTypeDef\"\nkey = \"gone\"\nreason = \"r\"";
    assert_eq!(
        message(generate(&facts, stale)),
        "wire_optional decisions that match no Required key: [(\"demo\", \"ThingTypeDef\", \"gone\")]"
    );
    let optional = facts.replace("\"required\": true", "\"required\": false");
    let on_optional =
        "[[wire_optional.key]]\ntype_def = \"ThingTypeDef\"\nkey = \"k\"\nreason = \"r\"";
    assert_eq!(
        message(generate(&optional, on_optional)),
        "demo: ThingTypeDef.k: wire_optional on a NotRequired key"
    );
}

#[test]
fn a_module_path_outside_the_crate_is_refused() {
    let facts = Facts::from_json(&one_key("str"), "f.json").unwrap();
    assert_eq!(
        message(Release::new(
            "r",
            facts,
            "f.json".into(),
            "out".into(),
            "sqs"
        )),
        "module path `sqs` does not start with `crate`"
    );
}

/// A project directory with one release: its layout gets `extra` lines.
fn project(name: &str, release_extra: &str, extra: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("facts.json"), one_key("str")).unwrap();
    let layout = format!(
        "{extra}\n[release.r]\nfacts = \"facts.json\"\ndir = \"src/r\"\npath = \"crate::r\"\n{release_extra}\n"
    );
    std::fs::write(dir.join("layout.toml"), layout).unwrap();
    dir.join("layout.toml")
}

#[test]
fn projects_whose_layout_names_what_no_release_has() {
    let layout = project("unknown-name", "", "[[module]]\nname = \"m\"\ndoc = \"M.\"\nshapes = [\"ThingTypeDef\", \"GoneTypeDef\"]\noperations = [\"Gone\"]");
    assert_eq!(
        message(generate_project(&layout)),
        "module m lists names no release has: [\"GoneTypeDef\", \"Gone\"]"
    );
    let layout = project("unknown-literal", "omit_literals = [\"CType\"]", "");
    assert_eq!(
        message(generate_project(&layout)),
        "release r: no literal `CType` to omit or list last"
    );
    let layout = project(
        "unknown-style",
        "python = { list = \"L\", dict = \"D\", blob = \"bytes\" }",
        "",
    );
    assert_eq!(
        message(generate_project(&layout)),
        "release r: no PythonStyle spells list and dict as L and D"
    );
    let layout = project("bad-release", "colour = 1", "");
    assert!(message(generate_project(&layout)).contains("release `r`: unknown field `colour`"));
}

#[test]
fn a_project_writes_then_checks_clean_and_finds_stale_files() {
    let layout = project("round-trip", "", "");
    let dir = layout.parent().unwrap().to_owned();
    let generated = generate_project(&layout).unwrap();
    let written = generated.write().unwrap();
    assert_eq!(written.changed.len(), 4);
    let report = generate_project(&layout).unwrap().check(&dir).unwrap();
    assert!(report.is_clean(), "{report:?}");
    let shapes = dir.join("src/r/shapes.rs");
    assert!(std::fs::read_to_string(&shapes)
        .unwrap()
        .contains("//! change the facts or `layout.toml`, not this file."));
    std::fs::write(dir.join("src/r/old.rs"), "").unwrap();
    std::fs::write(&shapes, "edited\n").unwrap();
    let report = generate_project(&layout).unwrap().check(&dir).unwrap();
    assert_eq!(report.changed, [shapes]);
    assert_eq!(report.stale, [dir.join("src/r/old.rs")]);
    assert!(
        report
            .diff
            .starts_with("--- a/src/r/shapes.rs\n+++ b/src/r/shapes.rs\n"),
        "{}",
        report.diff
    );
    assert!(report.diff.contains("-edited\n"));
}

#[test]
fn a_union_of_undeclared_shapes_is_refused() {
    let facts = facts_json(
        "[]",
        r#"[{"name": "RuleUnionTypeDef", "type": "Union[RuleTypeDef, RuleOutputTypeDef]"}]"#,
        "[]",
    );
    assert_eq!(
        message(generate(&facts, "")),
        "alias RuleUnionTypeDef: `RuleTypeDef` is not declared"
    );
}
