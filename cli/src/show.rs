//! `list`, `show`, `schema`, `describe` and `docs`: the static schema, printed.

use std::io::{self, Write};

use serde::Serialize;
use typed_dict::schema::Described;
use typed_dict::{json_schema, FieldSchema, LiteralSchema, Mode, TypedDictSchema, ValueType};

use crate::args::{Api, DocsPage};
use crate::lookup::{self, Named};
use crate::Failure;

/// Every TypeDef or literal name of the release, one per line, in upstream order.
pub fn list(api: Api, literals: bool, out: &mut impl Write) -> io::Result<()> {
    let catalog = api.catalog();
    if literals {
        for literal in catalog.literals() {
            writeln!(out, "{}", literal.name)?;
        }
    } else {
        for schema in catalog.type_defs() {
            writeln!(out, "{}", schema.name)?;
        }
    }
    Ok(())
}

/// Keys, Required flags and Python types as the release writes them, like the upstream
/// docs; or an alias's definition; or a literal's values.
pub fn show(api: Api, name: &str, out: &mut impl Write) -> Result<(), Failure> {
    let catalog = api.catalog();
    let module = catalog.docs().module;
    match lookup::any(api, name).map_err(Failure::Usage)? {
        Named::TypeDef(schema) => {
            writeln!(out, "{}", schema.name)?;
            writeln!(out, "from {module}.type_defs import {}", schema.name)?;
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
                    let annotation = field.value.python_with(catalog.python_style());
                    writeln!(out, "  {}: {annotation}{note}", field.key)?;
                }
            }
        }
        Named::Alias(alias) => {
            let name = alias.name().unwrap_or_default();
            writeln!(out, "{name}")?;
            writeln!(out, "from {module}.type_defs import {name}")?;
            let definition = alias.python_definition_with(catalog.python_style());
            writeln!(out, "\n{name} = {definition}")?;
        }
        Named::Literal(literal) => {
            writeln!(out, "{}", literal.name)?;
            writeln!(out, "from {module}.literals import {}", literal.name)?;
            writeln!(out, "\nValues:")?;
            for value in literal.values {
                writeln!(out, "  {value}")?;
            }
        }
    }
    Ok(())
}

/// JSON Schema of one TypeDef, or of all of the release's under `$defs`.
pub fn schema(
    api: Api,
    name: Option<&str>,
    all: bool,
    wire: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let mode = if wire { Mode::Wire } else { Mode::Strict };
    let document = match name {
        Some(name) if !all => {
            json_schema::for_type_def(lookup::type_def(api, name).map_err(Failure::Usage)?, mode)
        }
        _ => json_schema::for_all(api.catalog().type_defs(), mode),
    };
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// The stub facts document: each part as the schema types describe themselves.
#[derive(Serialize)]
struct Description<'a> {
    type_defs: Vec<Described<'a, TypedDictSchema>>,
    aliases: Vec<Described<'a, ValueType>>,
    literals: Vec<Described<'a, LiteralSchema>>,
}

/// The release's whole static schema as one JSON document, in the format of the stub facts
/// (`ecr-types/spec/types-aiobotocore-ecr-*.json`), annotations as the release writes them.
pub fn describe(api: Api, out: &mut impl Write) -> io::Result<()> {
    let catalog = api.catalog();
    let style = catalog.python_style();
    let description = Description {
        type_defs: catalog
            .type_defs()
            .map(|schema| schema.describe(style))
            .collect(),
        aliases: catalog
            .aliases()
            .map(|alias| alias.describe(style))
            .collect(),
        literals: catalog
            .literals()
            .map(|literal| literal.describe(style))
            .collect(),
    };
    serde_json::to_writer(&mut *out, &description)?;
    writeln!(out)
}

/// The release's upstream-format markdown page.
pub fn docs(api: Api, page: DocsPage, out: &mut impl Write) -> io::Result<()> {
    let markdown = match page {
        DocsPage::TypeDefs => ecr_types::docs::type_defs_markdown(api.catalog()),
        DocsPage::Literals => ecr_types::docs::literals_markdown(api.catalog()),
    };
    out.write_all(markdown.as_bytes())
}
