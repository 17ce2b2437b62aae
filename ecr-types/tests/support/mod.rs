//! Reads the vendored upstream documentation (`spec/type_defs.md`, `spec/literals.md`)
//! into plain data, with the markdown taken off each annotation.

/// One `## XTypeDef` section.
#[derive(Debug)]
pub struct SpecTypeDef {
    pub name: String,
    pub keys: Vec<SpecKey>,
}

/// One `- `key`: annotation` line (with its continuation lines).
#[derive(Debug)]
pub struct SpecKey {
    pub name: String,
    pub required: bool,
    /// The annotation as Python writes it: `List[LayerTypeDef]`.
    pub annotation: String,
    /// `ImageActionTypeType` in `` `Literal['EXPIRE']` (see [ImageActionTypeType](..)) ``.
    pub see: Option<String>,
}

/// One `## X` section of the literals documentation.
#[derive(Debug)]
pub struct SpecLiteral {
    pub name: String,
    pub values: Vec<String>,
}

/// The `## ` sections, each with its 1-based heading line number and its lines.
fn sections(markdown: &str) -> Vec<(&str, usize, Vec<&str>)> {
    let mut sections: Vec<(&str, usize, Vec<&str>)> = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        if let Some(heading) = line.strip_prefix("## ") {
            sections.push((heading.trim(), index + 1, Vec::new()));
        } else if let Some((_, _, lines)) = sections.last_mut() {
            lines.push(line);
        }
    }
    sections
}

/// Checks the section's ```` ```python ```` import line names the section.
fn check_import(module: &str, name: &str, line: usize, lines: &[&str]) -> Result<(), String> {
    let import = format!("from types_aiobotocore_ecr.{module} import {name}");
    if lines.iter().any(|l| *l == import) {
        Ok(())
    } else {
        Err(format!("line {line}: section `{name}` lacks `{import}`"))
    }
}

/// Parses `type_defs.md`.
pub fn parse_type_defs(markdown: &str) -> Result<Vec<SpecTypeDef>, String> {
    let mut type_defs = Vec::new();
    for (name, line, lines) in sections(markdown) {
        check_import("type_defs", name, line, &lines)?;
        let mut required = None;
        let mut entries: Vec<(String, bool)> = Vec::new();
        for text in &lines {
            match *text {
                "Required fields:" => required = Some(true),
                "Optional fields:" => required = Some(false),
                _ if text.starts_with("- `") => {
                    let required = required.ok_or_else(|| {
                        format!("`{name}`: key line before `Required/Optional fields:`: {text}")
                    })?;
                    entries.push((text.to_string(), required));
                }
                _ if text.starts_with("  ") && !text.trim().is_empty() => {
                    let (entry, _) = entries
                        .last_mut()
                        .ok_or_else(|| format!("`{name}`: continuation line first: {text}"))?;
                    entry.push(' ');
                    entry.push_str(text.trim());
                }
                _ => {}
            }
        }
        let keys = entries
            .into_iter()
            .map(|(entry, required)| parse_key(name, &entry, required))
            .collect::<Result<_, _>>()?;
        type_defs.push(SpecTypeDef {
            name: name.to_owned(),
            keys,
        });
    }
    Ok(type_defs)
}

/// `- `layers`: `List`\[[LayerTypeDef](./type_defs.md#layertypedef)\]`
fn parse_key(type_name: &str, entry: &str, required: bool) -> Result<SpecKey, String> {
    let bad = || format!("`{type_name}`: cannot read key line: {entry}");
    let rest = entry.strip_prefix("- `").ok_or_else(bad)?;
    let (name, annotation) = rest.split_once("`: ").ok_or_else(bad)?;
    let (annotation, see) = match annotation.split_once(" (see [") {
        Some((annotation, see)) => {
            let (literal, _) = see.split_once(']').ok_or_else(bad)?;
            (annotation, Some(literal.to_owned()))
        }
        None => (annotation, None),
    };
    Ok(SpecKey {
        name: name.to_owned(),
        required,
        annotation: strip_markdown(annotation),
        see,
    })
}

/// `` `Dict`\[[FindingSeverityType](./literals.md#x), `int`\] `` becomes
/// `Dict[FindingSeverityType, int]`.
pub fn strip_markdown(annotation: &str) -> String {
    let mut plain = String::with_capacity(annotation.len());
    let mut chars = annotation.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // A code span is Python text, taken as it is: `Literal['EXPIRE']`.
            '`' => {
                for c in chars.by_ref() {
                    if c == '`' {
                        break;
                    }
                    plain.push(c);
                }
            }
            // An escaped bracket is a Python subscript.
            '\\' => plain.extend(chars.next()),
            // An unescaped one opens a link: keep its text, drop `(target)`.
            '[' => {
                for c in chars.by_ref() {
                    if c == ']' {
                        break;
                    }
                    plain.push(c);
                }
                if chars.peek() == Some(&'(') {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
            }
            _ => plain.push(c),
        }
    }
    plain
}

/// Parses `literals.md`.
pub fn parse_literals(markdown: &str) -> Result<Vec<SpecLiteral>, String> {
    let mut literals = Vec::new();
    for (name, line, lines) in sections(markdown) {
        check_import("literals", name, line, &lines)?;
        let values = lines
            .iter()
            .filter_map(|text| text.strip_prefix("- `")?.strip_suffix('`'))
            .map(str::to_owned)
            .collect();
        literals.push(SpecLiteral {
            name: name.to_owned(),
            values,
        });
    }
    Ok(literals)
}

#[test]
fn strips_markdown_from_annotations() {
    let cases = [
        ("`str`", "str"),
        (
            "`List`\\[[LayerTypeDef](./type_defs.md#layertypedef)\\]",
            "List[LayerTypeDef]",
        ),
        (
            "`Dict`\\[[FindingSeverityType](./literals.md#findingseveritytype), `int`\\]",
            "Dict[FindingSeverityType, int]",
        ),
        (
            "`Union`\\[`bytes`, `IO`\\[`bytes`\\], `StreamingBody`\\]",
            "Union[bytes, IO[bytes], StreamingBody]",
        ),
        ("`Literal['EXPIRE']`", "Literal['EXPIRE']"),
    ];
    for (markdown, plain) in cases {
        assert_eq!(strip_markdown(markdown), plain);
    }
}
