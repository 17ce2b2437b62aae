//! Conformance of `ecr_types::latest` with the stub it declares: the catalog against
//! `spec/types-aiobotocore-ecr-3.10.0.json` (the facts of types-aiobotocore-ecr 3.10.0), for
//! every TypeDef (name, order, keys in order, Required flags, annotation text exactly as the
//! stub writes it), every literal (name, order, values in order) and every alias (name,
//! order, the definition's text).
#![cfg(feature = "latest")]

use std::fmt::Write as _;

use serde_json::Value;
use typed_dict::{TypedDictSchema, ValueType};

const FACTS: &str = include_str!("../spec/types-aiobotocore-ecr-3.10.0.json");

/// An annotation as 3.10 writes it, in the catalog's style: the builtin generics
/// `list[...]` and `dict[...]` (2.1 writes `List[...]` and `Dict[...]`).
fn annotation(value: &ValueType) -> String {
    value
        .python_with(ecr_types::latest::CATALOG.python_style())
        .to_string()
}

fn facts() -> Value {
    serde_json::from_str(FACTS).expect("the facts file is JSON")
}

fn array<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is an array"))
}

fn str_of<'a>(value: &'a Value, key: &str) -> &'a str {
    value[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is a string in {value}"))
}

/// Every difference between one stub TypedDict and its schema, as lines.
fn type_def_differences(stub: &Value, schema: &TypedDictSchema, out: &mut Vec<String>) -> usize {
    let name = schema.name;
    let stub_fields = array(stub, "fields");
    let mut equal_keys = 0;
    for (index, stub_field) in stub_fields.iter().enumerate() {
        let key = str_of(stub_field, "key");
        let required = stub_field["required"].as_bool().unwrap();
        let stub_type = str_of(stub_field, "type");
        let Some(field) = schema.fields.get(index) else {
            out.push(format!(
                "{name}.{key}: key {index} in the stub, not in the catalog"
            ));
            continue;
        };
        let rendered = annotation(field.value);
        let mut equal = true;
        if field.key != key {
            out.push(format!(
                "{name}: key {index} is `{key}` in the stub, `{}` in the catalog",
                field.key
            ));
            equal = false;
        }
        if field.required != required {
            out.push(format!(
                "{name}.{key}: Required {required} in the stub, {} in the catalog",
                field.required
            ));
            equal = false;
        }
        if rendered != stub_type {
            out.push(format!(
                "{name}.{key}: `{stub_type}` in the stub, `{rendered}` in the catalog"
            ));
            equal = false;
        }
        equal_keys += usize::from(equal);
    }
    for field in schema.fields.iter().skip(stub_fields.len()) {
        out.push(format!(
            "{name}.{}: key in the catalog, not in the stub",
            field.key
        ));
    }
    equal_keys
}

#[test]
fn latest_catalog_matches_the_stub_facts() {
    let facts = facts();
    assert_eq!(str_of(&facts, "version"), "3.10.0");
    let stub_type_defs = array(&facts, "type_defs");
    let schemas: Vec<_> = ecr_types::latest::CATALOG.type_defs().collect();
    let mut differences = Vec::new();
    let (mut equal_type_defs, mut equal_keys, mut keys) = (0, 0, 0);
    for (index, stub) in stub_type_defs.iter().enumerate() {
        let name = str_of(stub, "name");
        keys += array(stub, "fields").len();
        let Some(schema) = schemas.get(index) else {
            differences.push(format!(
                "{name}: TypeDef {index} in the stub, not in the catalog"
            ));
            continue;
        };
        if schema.name != name {
            differences.push(format!(
                "TypeDef {index} is `{name}` in the stub, `{}` in the catalog",
                schema.name
            ));
            continue;
        }
        let before = differences.len();
        equal_keys += type_def_differences(stub, schema, &mut differences);
        equal_type_defs += usize::from(differences.len() == before);
    }
    for schema in schemas.iter().skip(stub_type_defs.len()) {
        differences.push(format!("{}: in the catalog, not in the stub", schema.name));
    }

    let stub_literals = array(&facts, "literals");
    let literals: Vec<_> = ecr_types::latest::CATALOG.literals().collect();
    let mut equal_literals = 0;
    for (index, stub) in stub_literals.iter().enumerate() {
        let name = str_of(stub, "name");
        let values: Vec<&str> = array(stub, "values")
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        match literals.get(index) {
            Some(literal) if literal.name == name && literal.values == values.as_slice() => {
                equal_literals += 1
            }
            Some(literal) => differences.push(format!(
                "literal {index}: `{name}` {values:?} in the stub, `{}` {:?} in the catalog",
                literal.name, literal.values
            )),
            None => differences.push(format!("{name}: literal in the stub, not in the catalog")),
        }
    }
    for literal in literals.iter().skip(stub_literals.len()) {
        differences.push(format!("{}: in the catalog, not in the stub", literal.name));
    }

    let stub_aliases = array(&facts, "aliases");
    let aliases: Vec<_> = ecr_types::latest::CATALOG.aliases().collect();
    let mut equal_aliases = 0;
    for (index, stub) in stub_aliases.iter().enumerate() {
        let (name, stub_type) = (str_of(stub, "name"), str_of(stub, "type"));
        match aliases.get(index) {
            Some(alias) => {
                let definition = alias
                    .python_definition_with(ecr_types::latest::CATALOG.python_style())
                    .to_string();
                if alias.name() == Some(name) && definition == stub_type {
                    equal_aliases += 1;
                } else {
                    differences.push(format!(
                        "alias {index}: `{name} = {stub_type}` in the stub, `{} = {definition}` in the catalog",
                        alias.name().unwrap_or("(no name)")
                    ));
                }
            }
            None => differences.push(format!("{name}: alias in the stub, not in the catalog")),
        }
    }
    for alias in aliases.iter().skip(stub_aliases.len()) {
        differences.push(format!(
            "{:?}: alias in the catalog, not in the stub",
            alias.name()
        ));
    }

    let mut summary = String::new();
    write!(
        summary,
        "type defs {equal_type_defs}/{}, keys {equal_keys}/{keys}, literals {equal_literals}/{}, aliases {equal_aliases}/{}",
        stub_type_defs.len(),
        stub_literals.len(),
        stub_aliases.len()
    )
    .unwrap();
    println!("{summary}");
    assert!(
        differences.is_empty(),
        "{summary}; differences:\n{differences:#?}"
    );
    // The stub's own counts, so that reading nothing cannot pass.
    assert_eq!(
        (
            stub_type_defs.len(),
            keys,
            stub_literals.len(),
            stub_aliases.len()
        ),
        (181, 661, 43, 4)
    );
    assert_eq!(
        (equal_type_defs, equal_keys, equal_literals, equal_aliases),
        (181, 661, 43, 4)
    );
}

#[test]
fn a_changed_stub_is_reported_key_by_key() {
    let mut facts = facts();
    let type_defs = facts["type_defs"].as_array_mut().unwrap();
    let tag = type_defs
        .iter_mut()
        .find(|t| t["name"] == "TagTypeDef")
        .unwrap();
    tag["fields"][0]["required"] = Value::Bool(false);
    tag["fields"][1]["type"] = Value::from("int");
    let schema = ecr_types::latest::CATALOG.type_def("TagTypeDef").unwrap();
    let mut differences = Vec::new();
    let equal = type_def_differences(tag, schema, &mut differences);
    assert_eq!(equal, 0);
    assert_eq!(
        differences,
        [
            "TagTypeDef.Key: Required false in the stub, true in the catalog",
            "TagTypeDef.Value: `int` in the stub, `str` in the catalog",
        ]
    );
    tag["fields"].as_array_mut().unwrap().pop();
    let mut differences = Vec::new();
    type_def_differences(tag, schema, &mut differences);
    assert!(differences.contains(&"TagTypeDef.Value: key in the catalog, not in the stub".into()));
}

#[test]
fn annotations_use_the_builtin_generics_of_3_10() {
    let schema = ecr_types::latest::CATALOG
        .type_def("ImageScanFindingsTypeDef")
        .unwrap();
    let rendered: Vec<String> = schema.fields.iter().map(|f| annotation(f.value)).collect();
    assert_eq!(
        rendered,
        [
            "datetime",
            "datetime",
            "dict[FindingSeverityType, int]",
            "list[ImageScanFindingTypeDef]",
            "list[EnhancedImageScanFindingTypeDef]",
        ]
    );
}
