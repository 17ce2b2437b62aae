//! `list`, `show`, `schema`, `describe` and `docs`: the static schema, printed.

use std::io::{self, Write};

use serde::Serialize;
use typed_dict::schema::Described;
use typed_dict::{json_schema, FieldSchema, LiteralSchema, Mode, TypedDictSchema, ValueType};

use ecr_types::operation::Operation;

use crate::args::{Api, DocsPage};
use crate::escape::Escaped;
use crate::lookup::{self, Named};
use crate::wrap::wrap;
use crate::Failure;

/// What `list` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    TypeDefs,
    Literals,
    Operations,
}

/// Every TypeDef or literal name of the release, one per line, in upstream order; or
/// every operation, with its boto3 method and AWS CLI command.
pub fn list(api: Api, listed: Listed, out: &mut impl Write) -> io::Result<()> {
    let catalog = api.catalog();
    if listed == Listed::Operations {
        for operation in catalog.operations() {
            writeln!(
                out,
                "{}\t{}\t{}",
                operation.name,
                operation.method,
                operation.cli_command()
            )?;
        }
    } else if listed == Listed::Literals {
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
/// docs, each key's description under it wrapped to `width` (none if `width` is `None`);
/// or an alias's definition; or a literal's values; or an operation.
pub fn show(
    api: Api,
    name: &str,
    width: Option<usize>,
    out: &mut impl Write,
) -> Result<(), Failure> {
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
                    let description = width.and_then(|w| {
                        let text = catalog.description(schema.name, field.key)?;
                        Some(wrap(text, "      ", w))
                    });
                    for line in description.into_iter().flatten() {
                        writeln!(out, "{}", Escaped(&line))?;
                    }
                }
            }
        }
        Named::Operation(operation) => show_operation(api, operation, width, out)?,
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

/// An operation: its names, its TypeDefs, its paginator and waiters, and (with a width)
/// what it does.
fn show_operation(
    api: Api,
    operation: &Operation,
    width: Option<usize>,
    out: &mut impl Write,
) -> io::Result<()> {
    let catalog = api.catalog();
    writeln!(out, "{}", operation.name)?;
    writeln!(out, "boto3: client.{}(...)", operation.method)?;
    writeln!(out, "AWS CLI: aws ecr {}", operation.cli_command())?;
    let none = "(none: it takes no parameters)";
    writeln!(out, "\nRequest: {}", operation.request.unwrap_or(none))?;
    writeln!(out, "Response: {}", operation.response.unwrap_or("(none)"))?;
    if let Some(paginator) = &operation.paginator {
        writeln!(
            out,
            "\nPaginator: client.get_paginator(\"{}\")",
            operation.method
        )?;
        if let Some(request) = paginator.request {
            writeln!(out, "  arguments: {request}")?;
        }
        writeln!(out, "  input token: {}", paginator.input_token.join(", "))?;
        writeln!(out, "  output token: {}", paginator.output_token.join(", "))?;
        if let Some(limit) = paginator.limit_key {
            writeln!(out, "  limit key: {limit}")?;
        }
        writeln!(out, "  result keys: {}", paginator.result_keys.join(", "))?;
    }
    if !operation.waiters.is_empty() {
        writeln!(out, "\nWaiters:")?;
        for waiter in operation.waiters {
            writeln!(
                out,
                "  client.get_waiter(\"{}\"): {} (every {} s, at most {} times)",
                waiter.method, waiter.description, waiter.delay, waiter.max_attempts
            )?;
            if let Some(request) = waiter.request {
                writeln!(out, "    arguments: {request}")?;
            }
        }
    }
    let description = operation
        .request
        .and_then(|request| catalog.type_def_description(request));
    if let (Some(width), Some(text)) = (width, description) {
        writeln!(out)?;
        for line in wrap(text, "", width) {
            writeln!(out, "{}", Escaped(&line))?;
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
    let mut document = document;
    add_descriptions(api, &mut document);
    serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(())
}

/// Each TypeDef's definition under `$defs` gets its description from the model, and
/// each of its properties its key's.
fn add_descriptions(api: Api, document: &mut serde_json::Value) {
    let catalog = api.catalog();
    let Some(defs) = document.get_mut("$defs").and_then(|d| d.as_object_mut()) else {
        return;
    };
    for (name, definition) in defs.iter_mut() {
        let Some(schema) = catalog.type_def(name) else {
            continue;
        };
        let Some(definition) = definition.as_object_mut() else {
            continue;
        };
        if let Some(text) = catalog.type_def_description(schema.name) {
            definition.insert("description".into(), text.into());
        }
        let Some(properties) = definition
            .get_mut("properties")
            .and_then(|p| p.as_object_mut())
        else {
            continue;
        };
        for (key, property) in properties.iter_mut() {
            if let (Some(text), Some(property)) = (
                catalog.description(schema.name, key),
                property.as_object_mut(),
            ) {
                property.insert("description".into(), text.into());
            }
        }
    }
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
