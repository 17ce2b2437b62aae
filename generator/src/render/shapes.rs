//! TypedDicts and aliases as `#[typed_dict]` declarations.

use std::collections::{BTreeSet, HashSet};

use super::text::{blocks_lines, comment_lines, doc_lines, string_literal};
use super::Context;
use crate::annotation::Expr;
use crate::error::{annotation_error, invalid, Result};
use crate::model::Described;
use crate::modules::union_members;
use crate::names::{field_key, field_name, operation, OperationPart, Rule, FIELD_RULES};
use crate::vocabulary::{self, Construct, Deviation, Import, Ty};

/// One TypedDict: a struct with a field per key, in order.
pub(super) fn render_type_def(
    cx: &Context<'_>,
    name: &str,
    imports: &mut BTreeSet<Import>,
    deviations: &mut Vec<Deviation>,
) -> Result<Vec<String>> {
    let release = cx.release;
    let type_def = release
        .type_def(name)
        .ok_or_else(|| invalid(format!("no TypedDict `{name}`")))?;
    let op = operation(name);
    let described = match &release.model {
        Some(model) => model.describe(type_def, None)?,
        None => Described::default(),
    };
    let mut lines = doc_lines(&summary_of(cx, name)?, "");
    lines.push("///".into());
    if !described.doc.is_empty() {
        lines.extend(blocks_lines(&described.doc, ""));
        lines.push("///".into());
    }
    lines.push(format!(
        "/// `from {}.type_defs import {name}`",
        release.facts.package
    ));
    if let (Some((op, _)), Some(reference)) = (op, &cx.layout.api_reference) {
        lines.push("///".into());
        lines.push(format!("/// [api]: {}", reference.replace("{}", op)));
    }
    let fields = field_names(type_def.fields.iter().map(|f| f.key.as_str()));
    let rule = key_rule(
        cx,
        &type_def
            .fields
            .iter()
            .map(|f| f.key.as_str())
            .collect::<Vec<_>>(),
        &fields,
    );
    let mut container = Vec::new();
    if let Some(Rule(rule)) = rule {
        container.push(format!("rename_all = \"{rule}\""));
    }
    if let Some(output) = cx.outputs.get(name) {
        container.push(format!("output = {output}"));
    }
    lines.push(if container.is_empty() {
        "#[typed_dict]".to_owned()
    } else {
        format!("#[typed_dict({})]", container.join(", "))
    });
    if release.non_exhaustive {
        lines.push("#[non_exhaustive]".into());
    }
    lines.push(format!("pub struct {name} {{"));
    for (i, (field, field_name)) in type_def.fields.iter().zip(&fields).enumerate() {
        let place = format!("{name}.{}", field.key);
        let key = described.keys.get(i);
        lines.extend(blocks_lines(key.map_or(&[][..], |k| &k.doc), "    "));
        let ty = resolve(cx, &field.annotation, &place, deviations)?;
        let rust = ty.rust(imports);
        let mut attrs = Vec::new();
        if field_key(rule, field_name) != field.key {
            attrs.push(format!("key = {}", string_literal(&field.key)));
        }
        let reason = cx.wire.reason(&release.name, name, field)?;
        if let Some(reason) = &reason {
            lines.extend(comment_lines(reason, "    "));
            attrs.push("wire_optional".into());
        }
        if let Some(key) = key {
            attrs.extend(key.constraint.arguments());
        }
        if !attrs.is_empty() {
            lines.push(format!("    #[typed_dict({})]", attrs.join(", ")));
        }
        let rust = if field.required && reason.is_none() {
            rust
        } else {
            format!("Option<{rust}>")
        };
        lines.push(format!("    pub {field_name}: {rust},"));
    }
    lines.push("}".into());
    Ok(lines)
}

/// A field name per key, distinct (`a-b` and `a_b` are `a_b` and `a_b_2`).
fn field_names<'k>(keys: impl Iterator<Item = &'k str>) -> Vec<String> {
    let mut taken = HashSet::new();
    keys.map(|key| {
        let base = field_name(key);
        let mut name = base.clone();
        let mut counter = 2;
        while !taken.insert(name.clone()) {
            name = format!("{base}_{counter}");
            counter += 1;
        }
        name
    })
    .collect()
}

/// The `rename_all` rule that spells the most keys, if it spells more than the default
/// (and the layout lets rules be used).
fn key_rule(cx: &Context<'_>, keys: &[&str], fields: &[String]) -> Option<Rule> {
    if cx.layout.rename_all == Some(false) {
        return None;
    }
    let spelled = |rule: Option<Rule>| {
        keys.iter()
            .zip(fields)
            .filter(|(key, field)| field_key(rule, field) == **key)
            .count()
    };
    let mut best = (None, spelled(None));
    for rule in FIELD_RULES {
        let count = spelled(Some(rule));
        if count > best.1 {
            best = (Some(rule), count);
        }
    }
    best.0
}

/// The nearest declaration of an annotation, recording a deviation where it does not
/// render the stub's text; an unexplained difference is a generator bug, so an error.
fn resolve(
    cx: &Context<'_>,
    text: &str,
    place: &str,
    deviations: &mut Vec<Deviation>,
) -> Result<Ty> {
    let annotation_error = annotation_error(place, text);
    let expr = Expr::parse(text).map_err(annotation_error)?;
    let resolved = cx
        .vocabulary
        .value(&expr, place)
        .map_err(annotation_error)?;
    let emitted = resolved.ty.python(cx.vocabulary.style);
    if emitted != text {
        let construct = resolved
            .construct
            .ok_or_else(|| annotation_error(format!("the declaration would render `{emitted}`")))?;
        deviations.push(Deviation {
            construct,
            place: place.to_owned(),
            stub: text.to_owned(),
            emitted,
        });
    }
    Ok(resolved.ty)
}

fn summary_of(cx: &Context<'_>, name: &str) -> Result<String> {
    let link = |op: &str| {
        if cx.layout.api_reference.is_some() {
            format!("[`{op}`][api]")
        } else {
            format!("`{op}`")
        }
    };
    if let Some((op, part)) = operation(name) {
        let link = link(op);
        return Ok(match part {
            OperationPart::Request => format!("The parameters of {link}."),
            OperationPart::Paginate => format!(
                "The arguments of the paginator over {link}: its parameters and botocore's `PaginationConfig`."
            ),
            OperationPart::Wait => format!(
                "The arguments of the waiter that polls {link}: its parameters and botocore's `WaiterConfig`."
            ),
            OperationPart::Response => format!("What {link} returns."),
        });
    }
    if let Some(stem) = name.strip_suffix("OutputTypeDef") {
        let input = format!("{stem}TypeDef");
        if cx.release.type_def(&input).is_some() {
            return Ok(format!(
                "The output variant of [`{input}`]: the shape the service returns."
            ));
        }
    }
    summary(cx, name, "TypedDict")
}

/// The layout's summary of a shape, or a generic one where the layout allows it.
fn summary(cx: &Context<'_>, name: &str, what: &str) -> Result<String> {
    match cx.layout.summaries.get(name) {
        Some(summary) => Ok(summary.clone()),
        None if cx.layout.strict_summaries => Err(invalid(format!(
            "no summary for {name} in [summaries] of the layout"
        ))),
        None => Ok(format!(
            "The `{name}` {what} of {}.",
            cx.release.facts.distribution()
        )),
    }
}

/// One alias: an enum of two variants for a union of a shape and its output variant, a
/// union of the members for any other union the framework can say, a one-field tuple
/// struct of the nearest type for the rest (the blob's named alias among them).
pub(super) fn render_alias(
    cx: &Context<'_>,
    name: &str,
    text: &str,
    imports: &mut BTreeSet<Import>,
    deviations: &mut Vec<Deviation>,
) -> Result<Vec<String>> {
    let import_line = format!(
        "/// `from {}.type_defs import {name}`",
        cx.release.facts.package
    );
    if let Some((input, output)) = union_members(text) {
        for member in [&input, &output] {
            if !cx.vocabulary.declares(member) {
                return Err(invalid(format!("alias {name}: `{member}` is not declared")));
            }
            imports.insert(Import::Generated(member.clone()));
        }
        let doc = format!(
            "What a request takes where it accepts either variant of [`{input}`]: a [`{output}`] a response returned passes in as it is (`From` either)."
        );
        let mut lines = doc_lines(&doc, "");
        lines.extend(["///".into(), import_line]);
        lines.push(output_attribute(cx, name, &[], imports));
        lines.extend([
            format!("pub enum {name} {{"),
            format!("    Input({input}),"),
            format!("    Output({output}),"),
            "}".into(),
        ]);
        return Ok(lines);
    }
    // A blob alias is bytes on the wire, whatever stream types the union also names.
    if let Some(members) = (cx.vocabulary.exact_union(text)).filter(|_| !is_blob_alias(cx, text)) {
        let mut lines = doc_lines(&summary(cx, name, "union")?, "");
        lines.extend(["///".into(), import_line]);
        lines.push(output_attribute(cx, name, &[], imports));
        lines.push(format!("pub enum {name} {{"));
        for (variant, ty) in members {
            lines.push(format!("    {variant}({}),", ty.rust(imports)));
        }
        lines.push("}".into());
        return Ok(lines);
    }
    let (ty, python) = alias_target(cx, name, text, deviations)?;
    let mut lines = doc_lines(&summary(cx, name, "alias")?, "");
    lines.extend(["///".into(), import_line]);
    let python: Vec<String> = python
        .iter()
        .map(|python| format!("python = {}", string_literal(python)))
        .collect();
    lines.push(output_attribute(cx, name, &python, imports));
    lines.push(format!("pub struct {name}(pub {});", ty.rust(imports)));
    Ok(lines)
}

/// An alias's `#[typed_dict(...)]` line: its `settings`, then `output = X` where the
/// stub's output shapes take another type in its place (`Vocabulary::alias_output`).
fn output_attribute(
    cx: &Context<'_>,
    name: &str,
    settings: &[String],
    imports: &mut BTreeSet<Import>,
) -> String {
    let mut settings = settings.to_vec();
    if let Some(output) = cx.vocabulary.alias_output(name) {
        settings.push(format!("output = {}", output.rust(imports)));
    }
    if settings.is_empty() {
        "#[typed_dict]".to_owned()
    } else {
        format!("#[typed_dict({})]", settings.join(", "))
    }
}

/// Whether an alias's text is a blob's ([`vocabulary::is_blob_alias`]).
pub(super) fn is_blob_alias(cx: &Context<'_>, text: &str) -> bool {
    vocabulary::is_blob_alias(cx.vocabulary.style, text)
}

/// The nearest value type an alias stands for, and the alias's own Python text when the
/// type renders otherwise: a blob for a union of `bytes` and the types a client takes for
/// it (`Union[str, bytes, IO[Any], StreamingBody]`, rendered through `python = "..."`),
/// else the annotation's own nearest declaration (a deviation where it renders otherwise).
fn alias_target(
    cx: &Context<'_>,
    name: &str,
    text: &str,
    deviations: &mut Vec<Deviation>,
) -> Result<(Ty, Option<String>)> {
    let style = cx.vocabulary.style;
    let annotation_error = annotation_error(name, text);
    let expr = Expr::parse(text).map_err(annotation_error)?;
    if is_blob_alias(cx, text) {
        let python = (Ty::Blob.python(style) != text).then(|| text.to_owned());
        return Ok((Ty::Blob, python));
    }
    let resolved = cx.vocabulary.value(&expr, name).map_err(annotation_error)?;
    let emitted = resolved.ty.python(style);
    if emitted != text {
        deviations.push(Deviation {
            construct: resolved.construct.unwrap_or(Construct::AliasText),
            place: name.to_owned(),
            stub: text.to_owned(),
            emitted,
        });
    }
    Ok((resolved.ty, None))
}
