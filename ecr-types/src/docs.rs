//! Upstream's docs pages (`type_defs.md`, `literals.md`) rendered from a [`Catalog`], in
//! the format mypy-boto3-builder writes them. For release 2.1 the output is byte-identical
//! to the pages in `spec/` (see `tests/docs.rs`), which makes it both documentation and
//! proof of the declarations.
//!
//! ```
//! let page = ecr_types::docs::literals_markdown(&ecr_types::CATALOG);
//! assert!(page.starts_with("<a id=\"literals-for-aiobotocore-ecr-module\"></a>"));
//! assert!(page.contains("\n## ScanStatusType\n"));
//! ```

use std::fmt::Write as _;

use typed_dict::schema::PythonStyle;
use typed_dict::{LiteralSchema, TypedDictSchema, ValueType};

use crate::catalog::Catalog;

/// Where a release's docs sit and what they link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpstreamDocs {
    /// The client library the stubs are for, as titles name it: `aiobotocore`.
    pub library: &'static str,
    /// The service's short name: `ECR`.
    pub service: &'static str,
    /// The service's reference documentation.
    pub service_url: &'static str,
    /// The stubs package: `types-aiobotocore-ecr`.
    pub package: &'static str,
    /// The stubs package's page.
    pub package_url: &'static str,
    /// The importable module: `types_aiobotocore_ecr`.
    pub module: &'static str,
}

/// The docs of `types-aiobotocore-ecr`, every release.
pub(crate) const AIOBOTOCORE_ECR: UpstreamDocs = UpstreamDocs {
    library: "aiobotocore",
    service: "ECR",
    service_url:
        "https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/ecr.html#ECR",
    package: "types-aiobotocore-ecr",
    package_url: "https://pypi.org/project/types-aiobotocore-ecr/",
    module: "types_aiobotocore_ecr",
};

/// The line width the upstream docs are wrapped at.
const WRAP_WIDTH: usize = 79;

/// `type_defs.md`: every TypeDef of `catalog`, its import line, Required and Optional
/// fields, annotations in the release's [style](Catalog::python_style); then every alias
/// (union or named alias) with its definition.
pub fn type_defs_markdown(catalog: &Catalog) -> String {
    let module = catalog.docs();
    let style = catalog.python_style();
    let type_defs: Vec<&TypedDictSchema> = catalog.type_defs().collect();
    let names: Vec<&str> = type_defs
        .iter()
        .map(|schema| schema.name)
        .chain(catalog.aliases().filter_map(ValueType::name))
        .collect();
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
                let item = format!("- `{}`: {}", field.key, annotation(field.value, style));
                wrap_into(&mut out, &item);
            }
        }
    }
    for alias in catalog.aliases() {
        let name = alias.name().unwrap_or_default();
        section(&mut out, name, module, "type_defs");
        out.push_str("\nDefinition:\n\n");
        let definition = match alias {
            ValueType::Alias(alias) => annotation(alias.target, style),
            ValueType::Union(union) => {
                let members: Vec<String> = union
                    .members
                    .iter()
                    .map(|member| annotation(member, style))
                    .collect();
                format!("`Union`\\[{}\\]", members.join(", "))
            }
            other => annotation(other, style),
        };
        wrap_into(&mut out, &format!("- {definition}"));
    }
    out
}

/// `literals.md`: every literal type of `catalog`, its import line and values.
pub fn literals_markdown(catalog: &Catalog) -> String {
    let module = catalog.docs();
    let literals: Vec<&LiteralSchema> = catalog.literals().collect();
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

fn header(module: &UpstreamDocs, kind: &str, names: &[&str]) -> String {
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

fn section(out: &mut String, name: &str, module: &UpstreamDocs, submodule: &str) {
    let _ = write!(
        out,
        "\n<a id=\"{}\"></a>\n\n## {name}\n\n```python\nfrom {}.{submodule} import {name}\n```\n",
        anchor(name),
        module.module,
    );
}

/// The markdown annotation: code-spanned Python with links to the types it names; a
/// one-value literal is spelled inline and linked after.
fn annotation(value: &ValueType, style: &PythonStyle) -> String {
    let mut see_also = Vec::new();
    let mut text = String::new();
    write_annotation(&mut text, value, style, &mut see_also);
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

fn write_annotation(
    out: &mut String,
    value: &ValueType,
    style: &PythonStyle,
    see_also: &mut Vec<&'static str>,
) {
    match value {
        ValueType::Str => code(out, "str"),
        ValueType::Int => code(out, "int"),
        ValueType::Float => code(out, "float"),
        ValueType::Bool => code(out, "bool"),
        ValueType::Timestamp => code(out, "datetime"),
        ValueType::Any => code(out, "Any"),
        ValueType::Blob => code(out, style.blob),
        ValueType::Sequence(item) | ValueType::List(item) => {
            let generic = if matches!(value, ValueType::Sequence(_)) {
                "Sequence"
            } else {
                style.list
            };
            let _ = write!(out, "`{generic}`\\[");
            write_annotation(out, item, style, see_also);
            out.push_str("\\]");
        }
        ValueType::Dict(key, item) => {
            let _ = write!(out, "`{}`\\[", style.dict);
            write_annotation(out, key, style, see_also);
            out.push_str(", ");
            write_annotation(out, item, style, see_also);
            out.push_str("\\]");
        }
        // Typed dicts and aliases (unions included) live in `type_defs`, as upstream has them.
        ValueType::TypedDict(_) | ValueType::Union(_) | ValueType::Alias(_) => {
            let name = value.name().unwrap_or_default();
            let _ = write!(out, "[{name}](./type_defs.md#{})", anchor(name));
        }
        // A literal the release writes in place (`Literal['EXPIRE']`), with a pointer to it.
        ValueType::Literal(literal) => match literal.values {
            [only] if literal.inline => {
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
        // A value type a later typed-dict adds: its plain annotation.
        other => code(out, &other.python_with(style).to_string()),
    }
}

/// A plain annotation in the docs' markdown: every name code-spanned, brackets escaped,
/// so that `IO[bytes]` reads `` `IO`\[`bytes`\] ``.
fn code(out: &mut String, annotation: &str) {
    let mut in_name = false;
    for c in annotation.chars() {
        let name_char = c.is_alphanumeric() || c == '_' || c == '.';
        if name_char != in_name {
            out.push('`');
            in_name = name_char;
        }
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            c => out.push(c),
        }
    }
    if in_name {
        out.push('`');
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
    fn plain_annotations_become_code_spans_with_escaped_brackets() {
        let mut out = String::new();
        code(&mut out, "Union[bytes, IO[bytes], StreamingBody]");
        assert_eq!(
            out,
            "`Union`\\[`bytes`, `IO`\\[`bytes`\\], `StreamingBody`\\]"
        );
        let mut out = String::new();
        code(&mut out, "bytes");
        assert_eq!(out, "`bytes`");
    }

    #[test]
    fn generics_follow_the_style() {
        static ITEM: ValueType = ValueType::Str;
        let list = ValueType::List(&ITEM);
        assert_eq!(annotation(&list, &PythonStyle::TYPING), "`List`\\[`str`\\]");
        assert_eq!(
            annotation(&list, &PythonStyle::BUILTINS),
            "`list`\\[`str`\\]"
        );
        let dict = ValueType::Dict(&ITEM, &ITEM);
        assert_eq!(
            annotation(&dict, &PythonStyle::BUILTINS),
            "`dict`\\[`str`, `str`\\]"
        );
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
