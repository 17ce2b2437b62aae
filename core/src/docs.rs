//! Markdown docs in the upstream stubs' own format (`type_defs.md`, `literals.md`),
//! derived from the static schema. For a faithfully declared module the output is
//! byte-identical to the upstream docs, which makes it both documentation and proof.

use std::fmt::Write as _;

use crate::schema::{LiteralSchema, TypedDictSchema, ValueType};

/// Where a module's docs sit and what they link to.
#[derive(Debug, Clone, Copy)]
pub struct DocsModule<'a> {
    /// The client library the stubs are for, as titles name it: `aiobotocore`.
    pub library: &'a str,
    /// The service's short name: `ECR`.
    pub service: &'a str,
    /// The service's reference documentation.
    pub service_url: &'a str,
    /// The stubs package: `types-aiobotocore-ecr`.
    pub package: &'a str,
    /// The stubs package's page.
    pub package_url: &'a str,
    /// The importable module: `types_aiobotocore_ecr`.
    pub module: &'a str,
}

/// The line width the upstream docs are wrapped at.
const WRAP_WIDTH: usize = 79;

/// `type_defs.md`: every typed dict, its import line, Required and Optional fields.
pub fn type_defs_markdown<'s>(
    module: &DocsModule<'_>,
    type_defs: impl IntoIterator<Item = &'s TypedDictSchema>,
) -> String {
    let type_defs: Vec<&TypedDictSchema> = type_defs.into_iter().collect();
    let names: Vec<&str> = type_defs.iter().map(|schema| schema.name).collect();
    let mut out = header(module, "Typed dictionaries", &names);
    for schema in type_defs {
        section(&mut out, schema.name, module, "type_defs");
        for (label, required) in [("Required fields:", true), ("Optional fields:", false)] {
            let mut fields = schema
                .fields
                .iter()
                .filter(|f| f.required == required)
                .peekable();
            if fields.peek().is_none() {
                continue;
            }
            out.push('\n');
            out.push_str(label);
            out.push_str("\n\n");
            for field in fields {
                let item = format!("- `{}`: {}", field.key, annotation(field.value));
                wrap_into(&mut out, &item);
            }
        }
    }
    out
}

/// `literals.md`: every literal, its import line and values.
pub fn literals_markdown<'s>(
    module: &DocsModule<'_>,
    literals: impl IntoIterator<Item = &'s LiteralSchema>,
) -> String {
    let literals: Vec<&LiteralSchema> = literals.into_iter().collect();
    let names: Vec<&str> = literals.iter().map(|literal| literal.name).collect();
    let mut out = header(module, "Literals", &names);
    for literal in literals {
        section(&mut out, literal.name, module, "literals");
        out.push_str("\nValues:\n\n");
        for value in literal.values {
            wrap_into(&mut out, &format!("- `{value}`"));
        }
    }
    out
}

fn header(module: &DocsModule<'_>, kind: &str, names: &[&str]) -> String {
    let title = format!("{kind} for {} {} module", module.library, module.service);
    let mut out = String::new();
    let _ = write!(
        out,
        "<a id=\"{anchor}\"></a>\n\n# {title}\n\n> [Index](..) > [{service}](.) > {kind}\n\n",
        anchor = anchor(&title),
        service = module.service,
    );
    wrap_into(
        &mut out,
        &format!(
            "Auto-generated documentation for [{}]({}) type annotations stubs module [{}]({}).",
            module.service, module.service_url, module.package, module.package_url
        ),
    );
    let _ = writeln!(out, "\n- [{title}](#{})", anchor(&title));
    for name in names {
        let _ = writeln!(out, "  - [{name}](#{})", anchor(name));
    }
    out
}

fn section(out: &mut String, name: &str, module: &DocsModule<'_>, submodule: &str) {
    let _ = write!(
        out,
        "\n<a id=\"{}\"></a>\n\n## {name}\n\n```python\nfrom {}.{submodule} import {name}\n```\n",
        anchor(name),
        module.module,
    );
}

/// The markdown annotation: code-spanned Python with links to the types it names; a
/// one-value literal is spelled inline and linked after.
fn annotation(value: &ValueType) -> String {
    let mut see_also = Vec::new();
    let mut text = String::new();
    write_annotation(&mut text, value, &mut see_also);
    for literal in see_also {
        let _ = write!(
            text,
            " (see [{0}](./literals.md#{1}))",
            literal,
            anchor(literal)
        );
    }
    text
}

fn write_annotation(out: &mut String, value: &ValueType, see_also: &mut Vec<&'static str>) {
    let simple = |out: &mut String, name: &str| {
        out.push('`');
        out.push_str(name);
        out.push('`');
    };
    match value {
        ValueType::Str => simple(out, "str"),
        ValueType::Int => simple(out, "int"),
        ValueType::Float => simple(out, "float"),
        ValueType::Bool => simple(out, "bool"),
        ValueType::Timestamp => simple(out, "datetime"),
        ValueType::Any => simple(out, "Any"),
        ValueType::Blob => out.push_str("`Union`\\[`bytes`, `IO`\\[`bytes`\\], `StreamingBody`\\]"),
        ValueType::Sequence(item) | ValueType::List(item) => {
            let generic = if matches!(value, ValueType::Sequence(_)) {
                "Sequence"
            } else {
                "List"
            };
            let _ = write!(out, "`{generic}`\\[");
            write_annotation(out, item, see_also);
            out.push_str("\\]");
        }
        ValueType::Dict(key, item) => {
            out.push_str("`Dict`\\[");
            write_annotation(out, key, see_also);
            out.push_str(", ");
            write_annotation(out, item, see_also);
            out.push_str("\\]");
        }
        ValueType::TypedDict(schema) => {
            let name = schema().name;
            let _ = write!(out, "[{name}](./type_defs.md#{})", anchor(name));
        }
        ValueType::Literal(literal) => match literal.values {
            [only] => {
                let _ = write!(out, "`Literal['{only}']`");
                see_also.push(literal.name);
            }
            _ => {
                let _ = write!(
                    out,
                    "[{0}](./literals.md#{1})",
                    literal.name,
                    anchor(literal.name)
                );
            }
        },
    }
}

/// GitHub's heading anchor: lowercase, spaces to dashes, other punctuation dropped.
fn anchor(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// Appends `text` as a paragraph or list item wrapped at [`WRAP_WIDTH`], greedily, at
/// spaces outside links (the upstream formatter never breaks a link).
fn wrap_into(out: &mut String, text: &str) {
    let indent = if text.starts_with("- ") { "  " } else { "" };
    let mut line_len = 0;
    for (index, word) in words(text).into_iter().enumerate() {
        if index == 0 {
            out.push_str(word);
            line_len = word.len();
        } else if line_len + 1 + word.len() <= WRAP_WIDTH {
            out.push(' ');
            out.push_str(word);
            line_len += 1 + word.len();
        } else {
            out.push('\n');
            out.push_str(indent);
            out.push_str(word);
            line_len = indent.len() + word.len();
        }
    }
    out.push('\n');
}

/// Splits at spaces that are not inside a link's `[text]`. A list marker `- ` stays
/// attached to the first word.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut escaped = false;
    let marker = if text.starts_with("- ") { 2 } else { 0 };
    for (index, c) in text.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            ' ' if depth == 0 && index >= marker => {
                words.push(&text[start..index]);
                start = index + 1;
            }
            _ => {}
        }
    }
    words.push(&text[start..]);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_match_github() {
        assert_eq!(
            anchor("Typed dictionaries for aiobotocore ECR module"),
            "typed-dictionaries-for-aiobotocore-ecr-module"
        );
        assert_eq!(anchor("AttributeTypeDef"), "attributetypedef");
    }

    #[test]
    fn wraps_at_spaces_outside_links() {
        let mut out = String::new();
        wrap_into(
            &mut out,
            "- `failures`: `List`\\[[LayerFailureTypeDef](./type_defs.md#layerfailuretypedef)\\]",
        );
        assert_eq!(
            out,
            "- `failures`:\n  `List`\\[[LayerFailureTypeDef](./type_defs.md#layerfailuretypedef)\\]\n"
        );
        let mut short = String::new();
        wrap_into(&mut short, "- `key`: `str`");
        assert_eq!(short, "- `key`: `str`\n");
    }
}
