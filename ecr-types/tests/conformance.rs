//! Conformance with upstream: every TypeDef, key and literal of the vendored
//! documentation (`spec/`) against the catalog's static schemas.

mod support;

use std::collections::HashMap;
use std::fmt;

use typed_dict::schema::PythonStyle;
use typed_dict::{LiteralSchema, TypedDictSchema, ValueType};

use support::{parse_literals, parse_type_defs, SpecKey, SpecLiteral, SpecTypeDef};

const TYPE_DEFS_MD: &str = include_str!("../spec/type_defs.md");
const LITERALS_MD: &str = include_str!("../spec/literals.md");

/// Annotations as release 2.1 writes them (`List[...]`, botocore's blob union).
fn style() -> &'static PythonStyle {
    ecr_types::CATALOG.python_style()
}

/// One way the catalog and the documentation disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Difference {
    /// The TypeDef or literal type.
    type_name: String,
    /// The key (TypeDefs) or value (literals) concerned, if the difference is that narrow.
    key: Option<String>,
    /// What differs, in words.
    what: String,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.key {
            Some(key) => write!(f, "`{}`.`{}`: {}", self.type_name, key, self.what),
            None => write!(f, "`{}`: {}", self.type_name, self.what),
        }
    }
}

/// Equal and total counts, and every difference.
#[derive(Debug, Default)]
struct Comparison {
    type_defs: (usize, usize),
    keys: (usize, usize),
    literals: (usize, usize),
    differences: Vec<Difference>,
}

impl Comparison {
    fn differ(&mut self, type_name: &str, key: Option<&str>, what: String) {
        self.differences.push(Difference {
            type_name: type_name.to_owned(),
            key: key.map(str::to_owned),
            what,
        });
    }

    fn summary(&self) -> String {
        format!(
            "type defs: {}/{} equal, keys: {}/{} equal, literals: {}/{} equal",
            self.type_defs.0,
            self.type_defs.1,
            self.keys.0,
            self.keys.1,
            self.literals.0,
            self.literals.1
        )
    }
}

/// For each name present on both sides, its position among the names both sides have, on
/// each side: an insertion or removal does not make everything after it "out of order".
fn common_positions<'a>(
    ours: impl Iterator<Item = &'a str> + Clone,
    theirs: impl Iterator<Item = &'a str> + Clone,
) -> HashMap<&'a str, (usize, usize)> {
    let in_ours: Vec<&str> = ours.clone().collect();
    let in_theirs: Vec<&str> = theirs.clone().collect();
    let ours: Vec<&str> = ours.filter(|name| in_theirs.contains(name)).collect();
    let theirs: Vec<&str> = theirs.filter(|name| in_ours.contains(name)).collect();
    ours.iter()
        .enumerate()
        .filter_map(|(index, name)| {
            let other = theirs.iter().position(|other| other == name)?;
            Some((*name, (index, other)))
        })
        .collect()
}

/// Compares the documentation's text with the schemas, in order.
fn compare(
    type_defs_md: &str,
    literals_md: &str,
    type_defs: &[&TypedDictSchema],
    literals: &[&LiteralSchema],
) -> Result<Comparison, String> {
    let mut comparison = Comparison::default();
    compare_type_defs(&mut comparison, &parse_type_defs(type_defs_md)?, type_defs);
    compare_literals(&mut comparison, &parse_literals(literals_md)?, literals);
    Ok(comparison)
}

/// Reports the names `names` lists more than once (the position maps would hide them).
fn duplicates<'a>(comparison: &mut Comparison, side: &str, names: impl Iterator<Item = &'a str>) {
    let mut seen = Vec::new();
    for name in names {
        if seen.contains(&name) {
            comparison.differ(name, None, format!("listed twice in the {side}"));
        }
        seen.push(name);
    }
}

fn compare_type_defs(
    comparison: &mut Comparison,
    spec_type_defs: &[SpecTypeDef],
    type_defs: &[&TypedDictSchema],
) {
    duplicates(
        comparison,
        "spec",
        spec_type_defs.iter().map(|t| t.name.as_str()),
    );
    duplicates(comparison, "catalog", type_defs.iter().map(|t| t.name));
    let positions = common_positions(
        spec_type_defs.iter().map(|t| t.name.as_str()),
        type_defs.iter().map(|t| t.name),
    );
    for spec in spec_type_defs {
        comparison.type_defs.1 += 1;
        comparison.keys.1 += spec.keys.len();
        let Some(schema) = type_defs.iter().find(|schema| schema.name == spec.name) else {
            comparison.differ(&spec.name, None, "in the spec, not in the catalog".into());
            continue;
        };
        let mut equal = true;
        let (spec_at, catalog_at) = positions[spec.name.as_str()];
        if spec_at != catalog_at {
            equal = false;
            let what = out_of_order("TypeDef", spec_at, catalog_at);
            comparison.differ(&spec.name, None, what);
        }
        let before = comparison.keys.0;
        compare_keys(comparison, spec, schema);
        let keys_equal = comparison.keys.0 - before == spec.keys.len();
        equal &= keys_equal && schema.fields.len() == spec.keys.len();
        comparison.type_defs.0 += usize::from(equal);
    }
    for schema in type_defs {
        if !spec_type_defs.iter().any(|spec| spec.name == schema.name) {
            comparison.differ(schema.name, None, "in the catalog, not in the spec".into());
        }
    }
}

fn compare_literals(
    comparison: &mut Comparison,
    spec_literals: &[SpecLiteral],
    literals: &[&LiteralSchema],
) {
    duplicates(
        comparison,
        "spec",
        spec_literals.iter().map(|l| l.name.as_str()),
    );
    duplicates(comparison, "catalog", literals.iter().map(|l| l.name));
    let positions = common_positions(
        spec_literals.iter().map(|l| l.name.as_str()),
        literals.iter().map(|l| l.name),
    );
    for spec in spec_literals {
        comparison.literals.1 += 1;
        let Some(schema) = literals.iter().find(|schema| schema.name == spec.name) else {
            comparison.differ(&spec.name, None, "in the spec, not in the catalog".into());
            continue;
        };
        let before = comparison.differences.len();
        let (spec_at, catalog_at) = positions[spec.name.as_str()];
        if spec_at != catalog_at {
            let what = out_of_order("literal", spec_at, catalog_at);
            comparison.differ(&spec.name, None, what);
        }
        for value in &spec.values {
            if !schema.values.contains(&value.as_str()) {
                let what = "value in the spec, not in the catalog".into();
                comparison.differ(&spec.name, Some(value), what);
            }
        }
        for value in schema.values {
            if !spec.values.iter().any(|spec| spec == value) {
                let what = "value in the catalog, not in the spec".into();
                comparison.differ(&spec.name, Some(value), what);
            }
        }
        let common = common_positions(
            spec.values.iter().map(String::as_str),
            schema.values.iter().copied(),
        );
        for value in &spec.values {
            match common.get(value.as_str()) {
                Some(&(spec_at, catalog_at)) if spec_at != catalog_at => {
                    let what = out_of_order("value", spec_at, catalog_at);
                    comparison.differ(&spec.name, Some(value), what);
                }
                _ => {}
            }
        }
        comparison.literals.0 += usize::from(comparison.differences.len() == before);
    }
    for schema in literals {
        if !spec_literals.iter().any(|spec| spec.name == schema.name) {
            comparison.differ(schema.name, None, "in the catalog, not in the spec".into());
        }
    }
}

/// Compares one TypeDef's keys: presence, order, Required flag, annotation.
fn compare_keys(comparison: &mut Comparison, spec: &SpecTypeDef, schema: &TypedDictSchema) {
    let positions = common_positions(
        spec.keys.iter().map(|k| k.name.as_str()),
        schema.fields.iter().map(|f| f.key),
    );
    for key in &spec.keys {
        let Some(field) = schema.field(&key.name) else {
            comparison.differ(
                &spec.name,
                Some(&key.name),
                format!(
                    "key in the spec ({} `{}`), not in the catalog",
                    presence(key.required),
                    key.annotation
                ),
            );
            continue;
        };
        let mut equal = true;
        let (spec_at, catalog_at) = positions[key.name.as_str()];
        if spec_at != catalog_at {
            equal = false;
            comparison.differ(
                &spec.name,
                Some(&key.name),
                out_of_order("key", spec_at, catalog_at),
            );
        }
        if key.required != field.required {
            equal = false;
            comparison.differ(
                &spec.name,
                Some(&key.name),
                format!(
                    "{} in the spec, {} in the catalog",
                    presence(key.required),
                    presence(field.required)
                ),
            );
        }
        let rendered = field.value.python_with(style()).to_string();
        if key.annotation != rendered {
            equal = false;
            comparison.differ(
                &spec.name,
                Some(&key.name),
                format!(
                    "type `{}` in the spec, `{rendered}` in the catalog",
                    key.annotation
                ),
            );
        }
        if let Some(problem) = see_problem(key, field.value) {
            equal = false;
            comparison.differ(&spec.name, Some(&key.name), problem);
        }
        comparison.keys.0 += usize::from(equal);
    }
    for field in schema.fields {
        if !spec.keys.iter().any(|key| key.name == field.key) {
            comparison.differ(
                &spec.name,
                Some(field.key),
                format!(
                    "key in the catalog ({} `{}`), not in the spec",
                    presence(field.required),
                    field.value.python_with(style())
                ),
            );
        }
    }
}

/// A `Literal['EXPIRE']` annotation renders the same for any one-value literal: the literal
/// it names in `(see [ImageActionTypeType](..))` is checked here.
fn see_problem(key: &SpecKey, value: &ValueType) -> Option<String> {
    let used = match value {
        ValueType::Literal(literal) => Some(literal.name),
        _ => None,
    };
    match (key.see.as_deref(), used) {
        (Some(see), Some(used)) if see != used => Some(format!(
            "the spec's literal is `{see}`, the catalog's `{used}`"
        )),
        (Some(see), None) => Some(format!(
            "the spec's literal is `{see}`, the catalog has no literal"
        )),
        _ => None,
    }
}

/// Positions count from 0, among the names both sides have.
fn out_of_order(what: &str, spec_at: usize, catalog_at: usize) -> String {
    format!("{what} out of order: {spec_at} in the spec, {catalog_at} in the catalog")
}

fn presence(required: bool) -> &'static str {
    if required {
        "Required"
    } else {
        "NotRequired"
    }
}

fn catalog_compare(type_defs_md: &str, literals_md: &str) -> Comparison {
    let type_defs: Vec<_> = ecr_types::CATALOG.type_defs().collect();
    let literals: Vec<_> = ecr_types::CATALOG.literals().collect();
    compare(type_defs_md, literals_md, &type_defs, &literals).expect("the spec parses")
}

#[test]
fn catalog_matches_the_upstream_documentation() {
    let comparison = catalog_compare(TYPE_DEFS_MD, LITERALS_MD);
    println!("{}", comparison.summary());
    for difference in &comparison.differences {
        println!("  {difference}");
    }
    assert!(
        comparison.differences.is_empty(),
        "{} differences from spec/ ({}):\n{}",
        comparison.differences.len(),
        comparison.summary(),
        comparison
            .differences
            .iter()
            .map(|d| format!("  {d}\n"))
            .collect::<String>()
    );
    // The spec's own counts, so that a parser reading nothing cannot pass.
    assert_eq!(comparison.type_defs, (124, 124));
    assert_eq!(comparison.keys, (428, 428));
    assert_eq!(comparison.literals, (26, 26));
}

/// Replaces `from` by `to` in the `## heading` section, where it must occur exactly once.
fn edit_section(markdown: &str, heading: &str, from: &str, to: &str) -> String {
    let start = markdown
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no section `{heading}`"))
        + 1;
    let end = markdown[start + 3..]
        .find("\n## ")
        .map_or(markdown.len(), |end| start + 3 + end);
    let section = &markdown[start..end];
    assert_eq!(section.matches(from).count(), 1, "`{from}` in `{heading}`");
    format!(
        "{}{}{}",
        &markdown[..start],
        section.replacen(from, to, 1),
        &markdown[end..]
    )
}

#[test]
fn every_kind_of_difference_is_reported_with_its_type_and_key() {
    let mut type_defs = TYPE_DEFS_MD.to_owned();
    // A flipped Required flag: `value` joins `key` under "Required fields:".
    type_defs = edit_section(&type_defs, "AttributeTypeDef", "Optional fields:\n\n", "");
    // A changed type.
    type_defs = edit_section(
        &type_defs,
        "LayerTypeDef",
        "- `layerSize`: `int`",
        "- `layerSize`: `float`",
    );
    // A key the catalog lacks, and one the spec lacks.
    type_defs = edit_section(
        &type_defs,
        "TagTypeDef",
        "- `Value`: `str`",
        "- `Value`: `str`\n- `Owner`: `str`",
    );
    type_defs = edit_section(&type_defs, "LayerTypeDef", "- `mediaType`: `str`\n", "");
    // Two keys swapped.
    type_defs = edit_section(
        &type_defs,
        "ImageIdentifierTypeDef",
        "- `imageDigest`: `str`\n- `imageTag`: `str`",
        "- `imageTag`: `str`\n- `imageDigest`: `str`",
    );
    // Another one-value literal behind the same `Literal['EXPIRE']`.
    type_defs = edit_section(
        &type_defs,
        "LifecyclePolicyRuleActionTypeDef",
        "[ImageActionTypeType]",
        "[RepositoryFilterTypeType]",
    );
    // A TypeDef the catalog lacks.
    type_defs.push_str(
        "\n## ExtraTypeDef\n\n```python\n\
         from types_aiobotocore_ecr.type_defs import ExtraTypeDef\n\
         ```\n\nRequired fields:\n\n- `extra`: `str`\n",
    );
    let mut literals = LITERALS_MD.to_owned();
    // An extra literal value, and a missing one.
    literals = edit_section(
        &literals,
        "TagStatusType",
        "- `UNTAGGED`",
        "- `UNTAGGED`\n- `SOMETIMES`",
    );
    literals = edit_section(&literals, "ScanTypeType", "- `ENHANCED`\n", "");

    let comparison = catalog_compare(&type_defs, &literals);
    let reported = |type_name: &str, key: Option<&str>, words: &str| {
        comparison
            .differences
            .iter()
            .any(|d| d.type_name == type_name && d.key.as_deref() == key && d.what.contains(words))
    };
    let expected = [
        (
            "AttributeTypeDef",
            Some("value"),
            "Required in the spec, NotRequired in the catalog",
        ),
        (
            "LayerTypeDef",
            Some("layerSize"),
            "type `float` in the spec, `int` in the catalog",
        ),
        (
            "TagTypeDef",
            Some("Owner"),
            "key in the spec (NotRequired `str`), not in the catalog",
        ),
        (
            "LayerTypeDef",
            Some("mediaType"),
            "key in the catalog (NotRequired `str`), not in the spec",
        ),
        (
            "ImageIdentifierTypeDef",
            Some("imageTag"),
            "key out of order: 0 in the spec, 1 in the catalog",
        ),
        (
            "ImageIdentifierTypeDef",
            Some("imageDigest"),
            "key out of order: 1 in the spec, 0 in the catalog",
        ),
        (
            "LifecyclePolicyRuleActionTypeDef",
            Some("type"),
            "`RepositoryFilterTypeType`, the catalog's `ImageActionTypeType`",
        ),
        ("ExtraTypeDef", None, "in the spec, not in the catalog"),
        (
            "TagStatusType",
            Some("SOMETIMES"),
            "value in the spec, not in the catalog",
        ),
        (
            "ScanTypeType",
            Some("ENHANCED"),
            "value in the catalog, not in the spec",
        ),
    ];
    for (type_name, key, words) in expected {
        assert!(
            reported(type_name, key, words),
            "not reported: {type_name} {key:?} {words}\nreported:\n{:#?}",
            comparison.differences
        );
    }
    assert_eq!(
        comparison.differences.len(),
        expected.len(),
        "{:#?}",
        comparison.differences
    );
    // Every TypeDef but the five touched (and the added one) still equal; likewise keys.
    assert_eq!(comparison.type_defs, (124 - 5, 125));
    assert_eq!(comparison.keys, (428 - 6, 428 + 2 - 1));
    assert_eq!(comparison.literals, (26 - 2, 26));
    assert_eq!(
        comparison.differences[0].to_string(),
        "`AttributeTypeDef`.`value`: Required in the spec, NotRequired in the catalog"
    );
}

#[test]
fn catalog_order_and_extra_entries_are_reported() {
    let mut type_defs: Vec<_> = ecr_types::CATALOG.type_defs().collect();
    type_defs.swap(0, 1);
    type_defs.pop();
    let mut literals: Vec<_> = ecr_types::CATALOG.literals().collect();
    literals.reverse();
    literals.push(literals[0]);
    let comparison = compare(TYPE_DEFS_MD, LITERALS_MD, &type_defs, &literals).unwrap();
    let names: Vec<String> = comparison
        .differences
        .iter()
        .map(ToString::to_string)
        .collect();
    let swapped = "`AttributeTypeDef`: TypeDef out of order: 0 in the spec, 1 in the catalog";
    assert!(names.iter().any(|name| name == swapped), "{names:#?}");
    assert!(
        names.contains(&"`WaiterConfigTypeDef`: in the spec, not in the catalog".to_owned()),
        "{names:#?}"
    );
    let twice = "`WaiterName`: listed twice in the catalog";
    assert!(names.iter().any(|name| name == twice), "{names:#?}");
    assert_eq!(comparison.type_defs, (121, 124));
    // Reversed, no literal keeps its place: 26 has no middle.
    assert_eq!(comparison.literals, (0, 26));
}

#[test]
fn a_spec_that_cannot_be_read_is_an_error_not_a_pass() {
    let broken = edit_section(TYPE_DEFS_MD, "AttributeTypeDef", "Required fields:\n", "");
    let error = compare(&broken, LITERALS_MD, &[], &[]).unwrap_err();
    assert!(error.contains("AttributeTypeDef"), "{error}");
    let broken = edit_section(
        TYPE_DEFS_MD,
        "TagTypeDef",
        "import TagTypeDef",
        "import LabelTypeDef",
    );
    let error = compare(&broken, LITERALS_MD, &[], &[]).unwrap_err();
    assert!(error.contains("TagTypeDef"), "{error}");
}
