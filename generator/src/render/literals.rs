//! Literal types as open `#[typed_dict]` enums.

use std::collections::HashSet;

use super::text::{doc_lines, module_doc, string_literal};
use super::{header, Context};
use crate::error::{invalid, Result};
use crate::names::{variant_name, variant_value, Rule, VARIANT_RULES};

/// The variant of every literal that holds a value the release does not list.
pub const OTHER_VARIANT: &str = "Unknown";

const LITERALS_DOC: &str = "The literal types: the sets of strings some keys take, and the names of the paginators and waiters. Every one is open: wire mode keeps a value the release does not list (AWS adds values) in the `{other}` variant and reports it as a warning; strict mode, `FromStr` and `TryFrom` reject it.";

/// `literals.rs`: every literal of the release.
pub(super) fn literals_file(cx: &Context<'_>) -> Result<String> {
    let mut lines = module_doc(&LITERALS_DOC.replace("{other}", OTHER_VARIANT));
    lines.extend(header(cx.release));
    lines.extend([
        String::new(),
        "use typed_dict::{typed_dict, UnknownValue};".into(),
    ]);
    for (name, values) in cx.release.literals() {
        lines.push(String::new());
        lines.extend(render_literal(cx, name, values)?);
    }
    Ok(lines.join("\n") + "\n")
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

fn render_literal(cx: &Context<'_>, name: &str, values: &[String]) -> Result<Vec<String>> {
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
    let mut lines = doc_lines(&literal_summary(cx, name)?, "");
    lines.push("///".into());
    lines.push(format!(
        "/// `from {}.literals import {name}`",
        cx.release.facts.package
    ));
    lines.push(match rule {
        Some(Some(Rule(rule))) => format!("#[typed_dict(rename_all = \"{rule}\")]"),
        _ => "#[typed_dict]".into(),
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
    Ok(lines)
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
