//! `list`, `show`, `schema`, `describe` and `docs`: the static schema, printed.

use std::io::{self, Write};

use serde::Serialize;
use typed_dict::{json_schema, FieldSchema, Mode};

use crate::args::DocsPage;
use crate::lookup::{self, Named};
use crate::Failure;

/// Every TypeDef or literal name, one per line, in upstream order.
pub fn list(literals: bool, out: &mut impl Write) -> io::Result<()> {
    if literals {
        for literal in ecr_types::literals() {
            writeln!(out, "{}", literal.name)?;
        }
    } else {
        for schema in ecr_types::type_defs() {
            writeln!(out, "{}", schema.name)?;
        }
    }
    Ok(())
}

/// Keys, Required flags and Python types, like the upstream docs; or a literal's values.
pub fn show(name: &str, out: &mut impl Write) -> Result<(), Failure> {
    match lookup::any(name).map_err(Failure::Usage)? {
        Named::TypeDef(schema) => {
            writeln!(out, "{}", schema.name)?;
            writeln!(
                out,
                "from {}.type_defs import {}",
                ecr_types::DOCS.module,
                schema.name
            )?;
            for (label, required) in [("Required fields:", true), ("Optional fields:", false)] {
                let fields: Vec<&FieldSchema> = schema
                    .fields
                    .iter()
                    .filter(|f| f.required == required)
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                writeln!(out, "\n{label}")?;
                for field in fields {
                    let note = if field.wire_optional {
                        "  (may be absent in wire mode)"
                    } else {
                        ""
                    };
                    writeln!(out, "  {}: {}{note}", field.key, field.value.python())?;
                }
            }
        }
        Named::Literal(literal) => {
            writeln!(out, "{}", literal.name)?;
            writeln!(
                out,
                "from {}.literals import {}",
                ecr_types::DOCS.module,
                literal.name
            )?;
            writeln!(out, "\nValues:")?;
            for value in literal.values {
                writeln!(out, "  {value}")?;
            }
        }
    }
    Ok(())
}

/// JSON Schema of one TypeDef, or of all under `$defs`.
pub fn schema(
    name: Option<&str>,
    all: bool,
    wire: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mode = if wire { Mode::Wire } else { Mode::Strict };
    let document = match name {
        Some(name) if !all => {
            json_schema::for_type_def(lookup::type_def(name).map_err(Failure::Usage)?, mode)
        }
        _ => json_schema::for_all(ecr_types::type_defs(), mode),
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

#[derive(Serialize)]
struct Description {
    type_defs: Vec<TypeDefDescription>,
    literals: Vec<LiteralDescription>,
}

#[derive(Serialize)]
struct TypeDefDescription {
    name: &'static str,
    fields: Vec<FieldDescription>,
}

#[derive(Serialize)]
struct FieldDescription {
    key: &'static str,
    required: bool,
    #[serde(rename = "type")]
    value_type: String,
}

#[derive(Serialize)]
struct LiteralDescription {
    name: &'static str,
    values: &'static [&'static str],
}

/// The whole static schema as one JSON document.
pub fn describe(out: &mut impl Write) -> io::Result<()> {
    let description = Description {
        type_defs: ecr_types::type_defs()
            .map(|schema| TypeDefDescription {
                name: schema.name,
                fields: schema
                    .fields
                    .iter()
                    .map(|field| FieldDescription {
                        key: field.key,
                        required: field.required,
                        value_type: field.value.python().to_string(),
                    })
                    .collect(),
            })
            .collect(),
        literals: ecr_types::literals()
            .map(|literal| LiteralDescription {
                name: literal.name,
                values: literal.values,
            })
            .collect(),
    };
    serde_json::to_writer(&mut *out, &description)?;
    writeln!(out)
}

/// The upstream-format markdown page.
pub fn docs(page: DocsPage, out: &mut impl Write) -> io::Result<()> {
    let markdown = match page {
        DocsPage::TypeDefs => {
            typed_dict::docs::type_defs_markdown(&ecr_types::DOCS, ecr_types::type_defs())
        }
        DocsPage::Literals => {
            typed_dict::docs::literals_markdown(&ecr_types::DOCS, ecr_types::literals())
        }
    };
    out.write_all(markdown.as_bytes())
}
