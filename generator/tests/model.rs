//! A release with a service model: documentation and constraints on the keys, and every
//! way a model file is refused.

mod common;

use std::path::Path;

use common::{facts_json, file, scratch};
use typed_dict_gen::model::{ModelLayout, ServiceModel};
use typed_dict_gen::{generate_release, Facts, Layout, Release};

/// A service model with one operation `PutThing` (input `PutThingRequest`) and `extra`
/// appended to its shapes.
fn service(extra_shapes: &str, member_doc: &str) -> String {
    format!(
        r#"{{"operations": {{"PutThing": {{"input": {{"shape": "PutThingRequest"}}, "documentation": "<p>Puts a <i>thing</i>.</p>"}}}},
        "shapes": {{
          "PutThingRequest": {{"type": "structure", "members": {{
             "name": {{"shape": "Name", "documentation": "{member_doc}"}},
             "count": {{"shape": "Count"}},
             "tags": {{"shape": "Tags", "documentation": "<p>Tags.</p>"}}}}}},
          "Name": {{"type": "string", "min": 2, "max": 8, "pattern": "[\\w-]+"}},
          "Count": {{"type": "integer", "min": 1, "max": 100, "documentation": "<p>How many.</p>"}},
          "Tags": {{"type": "list", "member": {{"shape": "Name"}}, "max": 3}}
          {extra_shapes}
        }}}}"#
    )
}

fn write_model(dir: &Path, service: &str, paginators: Option<&str>) -> ModelLayout {
    std::fs::write(dir.join("service.json"), service).unwrap();
    if let Some(paginators) = paginators {
        std::fs::write(dir.join("paginators.json"), paginators).unwrap();
    }
    ModelLayout {
        service: "service.json".into(),
        paginators: paginators.map(|_| "paginators.json".into()),
        waiters: None,
    }
}

fn model(name: &str, service: &str, paginators: Option<&str>) -> Result<ServiceModel, String> {
    let dir = scratch(name);
    let layout = write_model(&dir, service, paginators);
    ServiceModel::from_layout(&layout, &dir).map_err(|e| e.to_string())
}

fn release(model: ServiceModel) -> Release {
    let facts = facts_json(
        r#"[{"name": "PutThingRequestRequestTypeDef", "fields": [
            {"key": "name", "required": true, "type": "str"},
            {"key": "count", "required": false, "type": "int"},
            {"key": "tags", "required": false, "type": "Sequence[str]"},
            {"key": "PaginationConfig", "required": false, "type": "str"}]}]"#,
        "[]",
        "[]",
    );
    let facts = Facts::from_json(&facts, "demo.json").unwrap();
    let mut release = Release::new(
        "demo",
        facts,
        "demo.json".into(),
        "out/demo".into(),
        "crate::demo",
    )
    .unwrap();
    release.model = Some(model);
    release
}

#[test]
fn keys_get_the_models_documentation_and_constraints() {
    let model = model(
        "model-ok",
        &service(
            "",
            "<p>The <code>name</code>, see <a href=\\\"https://example.com/a\\\">this</a>.</p>",
        ),
        None,
    )
    .unwrap();
    let generated = generate_release(&release(model), &Layout::default()).unwrap();
    let shapes = file(&generated, "shapes.rs");
    for expected in [
        "/// Puts a *thing*.\n",
        "    /// The `name`, see [this](https://example.com/a).\n    #[typed_dict(min_length = 2, max_length = 8, pattern = \"[0-9A-Za-z_\\\\-]+\")]\n    pub name: String,",
        "    /// How many.\n    #[typed_dict(ge = 1, le = 100)]\n    pub count: Option<i64>,",
        // A list's member shape bounds each item.
        "    /// Tags.\n    #[typed_dict(\n        max_length = 3,\n        items(min_length = 2, max_length = 8, pattern = \"[0-9A-Za-z_\\\\-]+\")\n    )]\n    pub tags: Option<Sequence<String>>,",
        "    /// Not in the service model: botocore's paginator configuration",
    ] {
        assert!(shapes.contains(expected), "{expected}\nnot in:\n{shapes}");
    }
}

#[test]
fn model_files_that_are_not_one_are_named() {
    assert!(model("model-json", "{", None)
        .unwrap_err()
        .starts_with("model `service.json`: not a botocore model file: EOF"));
    let dangling = service(
        r#", "Gone": {"type": "structure", "members": {"x": {"shape": "Nope"}}}"#,
        "",
    );
    assert_eq!(
        model("model-dangling", &dangling, None).unwrap_err(),
        "model `service.json`: `Gone.x` names no shape `Nope`"
    );
    let dangling_key = service(
        r#", "Odd": {"type": "map", "key": {"shape": "Nope"}, "value": {"shape": "Name"}}"#,
        "",
    );
    assert_eq!(
        model("model-dangling-key", &dangling_key, None).unwrap_err(),
        "model `service.json`: `Odd.key` names no shape `Nope`"
    );
    let paginators = r#"{"pagination": {"ListThings": {"input_token": "t", "output_token": "t"}}}"#;
    assert_eq!(
        model("model-paginator", &service("", ""), Some(paginators)).unwrap_err(),
        "model `service.json`: `ListThings` names no operation `ListThings`"
    );
    let dir = scratch("model-missing");
    let layout = ModelLayout {
        service: "absent.json".into(),
        paginators: None,
        waiters: None,
    };
    let error = ServiceModel::from_layout(&layout, &dir)
        .unwrap_err()
        .to_string();
    assert!(error.contains("absent.json"), "{error}");
}

/// Generating with a model whose `Name` shape is `name`: the error, as a string.
fn refused(test: &str, name_shape: &str, doc: &str) -> String {
    let text = service("", doc).replace(
        r#""Name": {"type": "string", "min": 2, "max": 8, "pattern": "[\\w-]+"}"#,
        name_shape,
    );
    let model = model(test, &text, None).unwrap();
    generate_release(&release(model), &Layout::default())
        .unwrap_err()
        .to_string()
}

#[test]
fn what_the_attributes_cannot_say_is_refused() {
    assert_eq!(
        refused(
            "model-float",
            r#""Name": {"type": "string", "max": 2.5}"#,
            ""
        ),
        "model `service.json`: PutThingRequest.name: the model's max `2.5` is not a whole number"
    );
    assert_eq!(
        refused(
            "model-negative",
            r#""Name": {"type": "string", "min": -1}"#,
            ""
        ),
        "model `service.json`: PutThingRequest.name: the model's min -1 is a negative length"
    );
    assert_eq!(
        refused("model-bool", r#""Name": {"type": "boolean", "min": 1}"#, ""),
        "model `service.json`: PutThingRequest.name: bounds on a `boolean` shape, which has no length or number"
    );
    assert_eq!(
        refused(
            "model-pattern-kind",
            r#""Name": {"type": "integer", "pattern": "1"}"#,
            ""
        ),
        "model `service.json`: PutThingRequest.name: a pattern on a `integer` shape"
    );
    let lookahead = refused(
        "model-lookahead",
        r#""Name": {"type": "string", "pattern": "(?=a)a"}"#,
        "",
    );
    assert!(
        lookahead.starts_with("model `service.json`: PutThingRequest.name: the model's pattern `(?=a)a` (`(?=a)a` in Rust) does not compile:"),
        "{lookahead}"
    );
    assert_eq!(
        refused("model-html", r#""Name": {"type": "string"}"#, "<p>A <table>x</table></p>"),
        "model `service.json`: PutThingRequest.name: documentation holds `<table>`, which has no Markdown here"
    );
}
