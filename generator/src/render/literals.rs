//! Literal types as open `#[typed_dict]` enums.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::text::{doc_lines, module_doc, string_literal};
use super::{header, render_uses, Context};
use crate::annotation::Expr;
use crate::error::{invalid, Result};
use crate::modules::union_members;
use crate::names::{variant_name, variant_value, Rule, VARIANT_RULES};
use crate::vocabulary::{Import, Ty};

/// The variant of every literal that holds a value the release does not list.
pub const OTHER_VARIANT: &str = "Unknown";

const LITERALS_DOC: &str = "The literal types: the sets of strings some keys take, and the names of the paginators and waiters. Every one is open: wire mode keeps a value the release does not list (AWS adds values) in the `{other}` variant and reports it as a warning; strict mode, `FromStr` and `TryFrom` reject it.";

/// What `literals.rs` says of the literals and unions written in place, when there are some.
const WRITTEN_DOC: &str = "Then the literals and unions the stub writes in place, in a key's annotation, rather than naming them: declared here so that each key renders as the stub writes it.";

/// What `literals.rs` says of the Python-only types after them, when there are some.
const PYTHON_ONLY_DOC: &str = "And the Python-only types the stub names: types with no JSON form (a callable, a stream, a client), rendered as the stub writes them and refused by decoding.";

/// `literals.rs`: every literal of the release, then the Python-only types its keys and
/// aliases name.
pub(super) fn literals_file(cx: &Context<'_>) -> Result<String> {
    let used = used_types(cx);
    let python_only: BTreeMap<&str, &str> = used
        .iter()
        .filter_map(|ty| match ty {
            Ty::PythonOnly { name, python } => Some((name.as_str(), python.as_str())),
            _ => None,
        })
        .collect();
    let inline: BTreeSet<&str> = used
        .iter()
        .filter_map(|ty| match ty {
            Ty::OneValueLiteral { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    // One declaration per name: the same text written in many keys is one type.
    let mut written: BTreeMap<&str, &Ty> = BTreeMap::new();
    for ty in &used {
        if let Ty::InlineLiteral { name, .. } | Ty::InlineUnion { name, .. } = ty {
            match written.insert(name.as_str(), ty) {
                // Two texts whose words are the same (`Literal['a-b']`, `Literal['a_b']`):
                // one of them would be declared for both.
                Some(other) if other != ty => {
                    let style = cx.vocabulary.style;
                    return Err(invalid(format!(
                        "`{}` and `{}` written in place would both be declared as `{name}`",
                        other.python(style),
                        ty.python(style)
                    )));
                }
                _ => {}
            }
        }
    }
    let written_literals: BTreeMap<&str, &[String]> = (written.iter())
        .filter_map(|(name, ty)| match ty {
            Ty::InlineLiteral { values, .. } => Some((*name, values.as_slice())),
            _ => None,
        })
        .collect();
    let written_unions: BTreeMap<&str, &Ty> = (written.iter())
        .filter(|(_, ty)| matches!(ty, Ty::InlineUnion { .. }))
        .map(|(name, ty)| (*name, *ty))
        .collect();
    let mut doc = LITERALS_DOC.replace("{other}", OTHER_VARIANT);
    if !written_literals.is_empty() || !written_unions.is_empty() {
        doc = format!("{doc} {WRITTEN_DOC}");
    }
    if !python_only.is_empty() {
        doc = format!("{doc} {PYTHON_ONLY_DOC}");
    }
    let mut body = Vec::new();
    for (name, values) in cx.release.literals() {
        let mut doc = doc_lines(&literal_summary(cx, name)?, "");
        doc.push("///".into());
        doc.push(format!(
            "/// `from {}.literals import {name}`",
            cx.release.facts.package
        ));
        body.push(String::new());
        body.extend(render_literal(cx, name, values, inline.contains(name), doc));
    }
    for (name, values) in written_literals {
        let ty = Ty::InlineLiteral {
            name: name.to_owned(),
            values: values.to_vec(),
        };
        let python = ty.python(cx.vocabulary.style);
        let doc = doc_lines(
            &format!("`{python}`: a literal the stub writes in place and does not name."),
            "",
        );
        body.push(String::new());
        body.extend(render_literal(cx, name, values, true, doc));
    }
    let mut imports = BTreeSet::from([Import::Framework("UnknownValue")]);
    for (name, ty) in written_unions {
        let Ty::InlineUnion { members, .. } = ty else {
            continue;
        };
        let python = ty.python(cx.vocabulary.style);
        body.push(String::new());
        body.extend(doc_lines(
            &format!("`{python}`: a union the stub writes in place."),
            "",
        ));
        body.push("#[typed_dict(inline)]".into());
        body.push(format!("pub enum {name} {{"));
        for (variant, member) in members {
            body.push(format!("    {variant}({}),", member.rust(&mut imports)));
        }
        body.push("}".into());
    }
    let mut lines = module_doc(&doc);
    lines.extend(header(cx.release));
    lines.push(String::new());
    lines.extend(render_uses(
        cx,
        &imports,
        &format!("{}::literals", cx.release.path),
    ));
    lines.extend(body);
    for (name, python) in python_only {
        lines.push(String::new());
        lines.extend(doc_lines(
            &format!("`{python}`: a Python-only type, with no JSON form."),
            "",
        ));
        lines.push(format!(
            "#[typed_dict(python = {})]",
            string_literal(python)
        ));
        lines.push(format!("pub struct {name};"));
    }
    Ok(lines.join("\n") + "\n")
}

/// Every value type the release's keys and aliases are declared with (and every type
/// inside those), as the vocabulary resolves them; an annotation it cannot read is
/// reported where it is declared.
fn used_types(cx: &Context<'_>) -> Vec<Ty> {
    let mut found = Vec::new();
    let mut resolve = |expr: &Expr, place: &str| {
        if let Ok(resolved) = cx.vocabulary.value(expr, place) {
            resolved.ty.walk(&mut |ty| found.push(ty.clone()));
        }
    };
    let facts = &cx.release.facts;
    for type_def in &facts.type_defs {
        for field in &type_def.fields {
            if let Ok(expr) = Expr::parse(&field.annotation) {
                resolve(&expr, &format!("{}.{}", type_def.name, field.key));
            }
        }
    }
    // A union alias declares a variant per member; a blob alias declares a `Blob`, not
    // the stream types its union names.
    for alias in &facts.aliases {
        let Ok(expr) = Expr::parse(&alias.definition) else {
            continue;
        };
        if super::shapes::is_blob_alias(cx, &alias.definition) {
            continue;
        }
        for member in expr.union_members().unwrap_or_default() {
            resolve(member, &alias.name);
        }
        // An alias declared as a union enum is the union: its text is no union in place.
        let enum_alias = union_members(&alias.definition).is_some()
            || cx.vocabulary.exact_union(&alias.definition).is_some();
        if !enum_alias {
            resolve(&expr, &alias.name);
        }
    }
    found
}

/// A variant name per value, distinct, none of them [`OTHER_VARIANT`].
pub(crate) fn literal_variants(values: &[String]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from([OTHER_VARIANT.to_owned()]);
    values
        .iter()
        .map(|value| {
            let base = variant_name(value);
            let mut variant = base.clone();
            let mut counter = 2;
            while !taken.insert(variant.clone()) {
                variant = format!("{base}{counter}");
                counter += 1;
            }
            variant
        })
        .collect()
}

/// One literal under its `doc`; `inline` when the release writes it in place
/// (`Literal['EXPIRE']`).
fn render_literal(
    cx: &Context<'_>,
    name: &str,
    values: &[String],
    inline: bool,
    doc: Vec<String>,
) -> Vec<String> {
    let variants = literal_variants(values);
    let allowed = |rule: &Option<Rule>| match (rule, &cx.layout.literal_rules) {
        (Some(Rule(rule)), Some(rules)) => rules.iter().any(|r| r == rule),
        _ => true,
    };
    let rule = VARIANT_RULES.into_iter().filter(allowed).find(|rule| {
        variants
            .iter()
            .zip(values)
            .all(|(variant, value)| variant_value(*rule, variant) == *value)
    });
    let mut lines = doc;
    let mut settings = Vec::new();
    if let Some(Some(Rule(rule))) = rule {
        settings.push(format!("rename_all = \"{rule}\""));
    }
    if inline {
        settings.push("inline".to_owned());
    }
    lines.push(if settings.is_empty() {
        "#[typed_dict]".into()
    } else {
        format!("#[typed_dict({})]", settings.join(", "))
    });
    if cx.release.non_exhaustive {
        lines.push("#[non_exhaustive]".into());
    }
    lines.push(format!("pub enum {name} {{"));
    for (variant, value) in variants.iter().zip(values) {
        if rule.is_none() {
            lines.push(format!(
                "    #[typed_dict(value = {})]",
                string_literal(value)
            ));
        }
        lines.push(format!("    {variant},"));
    }
    // Open: wire mode keeps a value AWS added after the release (issue 10).
    lines.extend([
        "    #[typed_dict(other)]".into(),
        format!("    {OTHER_VARIANT}(UnknownValue),"),
        "}".into(),
    ]);
    lines
}

fn literal_summary(cx: &Context<'_>, name: &str) -> Result<String> {
    if let Some(summary) = cx.layout.literal_summaries.get(name) {
        return Ok(summary.clone());
    }
    for (suffix, what) in [("PaginatorName", "paginator"), ("WaiterName", "waiter")] {
        if let Some(stem) = name.strip_suffix(suffix).filter(|stem| !stem.is_empty()) {
            return Ok(format!("The name of the `{stem}` {what}."));
        }
    }
    if cx.layout.strict_summaries {
        return Err(invalid(format!(
            "no summary for the literal {name} in [literal_summaries] of the layout"
        )));
    }
    Ok(format!(
        "The `{name}` literal of {}.",
        cx.release.facts.distribution()
    ))
}
