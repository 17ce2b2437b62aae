//! `tables.rs`: every schema of the release in the stub's order, for a catalog (ecr-types'
//! `CATALOG`) or, without one, as public tables a conformance test can walk.

use super::text::{doc_lines, module_doc, string_literal};
use super::{header, module_names, Context};
use crate::error::Result;
use crate::modules::Module;
use crate::vocabulary::Style;

/// `tables.rs` of a release.
pub(super) fn tables_file(cx: &Context<'_>, modules: &[Module]) -> Result<String> {
    let release = cx.release;
    let type_defs: Vec<&str> = release
        .facts
        .type_defs
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let literals: Vec<String> = release.literal_names.clone();
    let aliases: Vec<&str> = release
        .facts
        .aliases
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    let catalog = release.catalog.as_ref();
    let version = release.facts.version.as_deref().unwrap_or("");
    let mut lines = match catalog {
        Some(catalog) => module_doc(&catalog.tables_doc.replace("{version}", version)),
        None => module_doc(&format!(
            "Every schema of `{}` ({} {}), in the stub's order.",
            release.path,
            release.facts.distribution(),
            release.facts.version.as_deref().unwrap_or("")
        )),
    };
    lines.extend(header(release));
    // What the tables name, and no more: a stub may have no alias, or no literal.
    let literal = if literals.is_empty() { "" } else { "Literal, " };
    let value = if aliases.is_empty() {
        ""
    } else {
        ", TypedValue"
    };
    lines.extend([
        String::new(),
        "use typed_dict::schema::PythonStyle;".into(),
        format!("use typed_dict::{{{literal}LiteralSchema, TypedDict, TypedDictSchema{value}, ValueType}};"),
        String::new(),
    ]);
    if catalog.is_some() {
        lines.push(format!("use {};", catalog.map_or("", |c| c.new.as_str())));
    }
    let model = model_tables(cx)?;
    if let Some(model) = &model {
        lines.push(format!(
            "use {}::{{ModelTables, Operation, Paginator, Waiter}};",
            model.types
        ));
    }
    let names = module_names(modules);
    lines.extend(
        (names.iter())
            .filter(|module| **module != "literals" || !literals.is_empty())
            .map(|module| format!("use {}::{module}::*;", release.path)),
    );
    lines.push(String::new());
    let style = python_style_expr(cx);
    let visibility = match catalog {
        Some(catalog) => {
            lines.extend(doc_lines(&catalog.doc.replace("{version}", version), ""));
            lines.extend([
                format!(
                    "pub static CATALOG: {} = {}::new(",
                    short(&catalog.new),
                    short(&catalog.new)
                ),
                format!(
                    "    \"{}\",",
                    release.facts.version.as_deref().unwrap_or("")
                ),
                format!("    {},", catalog.docs),
                format!("    {style},"),
                "    &TYPE_DEFS,".into(),
                "    &LITERALS,".into(),
                "    &ALIASES,".into(),
            ]);
            if model.is_some() {
                lines.push("    &MODEL,".into());
            }
            lines.extend([");".into(), String::new()]);
            ""
        }
        None => {
            lines.extend([
                "/// How the stub spells annotations.".into(),
                format!("pub static PYTHON_STYLE: PythonStyle = {style};"),
                String::new(),
            ]);
            "pub "
        }
    };
    let (type_defs_order, literals_order) = match catalog {
        Some(catalog) => (
            catalog.type_defs_order.clone(),
            catalog.literals_order.clone(),
        ),
        None => {
            let facts = format!("`{}`", release.facts_display);
            (facts.clone(), facts)
        }
    };
    lines.push(format!(
        "/// Every TypeDef, in the order of {type_defs_order}."
    ));
    lines.push(format!(
        "{visibility}static TYPE_DEFS: [fn() -> &'static TypedDictSchema; {}] = [",
        type_defs.len()
    ));
    lines.extend(
        type_defs
            .iter()
            .map(|name| format!("    <{name} as TypedDict>::schema,")),
    );
    lines.extend(["];".into(), String::new()]);
    lines.push(format!(
        "/// Every literal type, in the order of {literals_order}."
    ));
    lines.push(format!(
        "{visibility}static LITERALS: [&LiteralSchema; {}] = [",
        literals.len()
    ));
    lines.extend(
        literals
            .iter()
            .map(|name| format!("    &<{name} as Literal>::SCHEMA,")),
    );
    lines.extend(["];".into(), String::new()]);
    lines.push(format!(
        "/// Every alias (unions and named aliases), in the order of `{}`.",
        release.facts_display
    ));
    lines.push(format!(
        "{visibility}static ALIASES: [&ValueType; {}] = [",
        aliases.len()
    ));
    lines.extend(
        aliases
            .iter()
            .map(|name| format!("    &<{name} as TypedValue>::TYPE,")),
    );
    lines.push("];".into());
    if let Some(model) = &model {
        lines.extend(model.lines.iter().cloned());
    }
    if let Some(catalog) = catalog {
        lines.extend(type_def_macro(
            cx,
            &catalog.macro_name,
            &catalog.link,
            &type_defs,
        ));
    }
    Ok(lines.join("\n") + "\n")
}

/// `crate::catalog::Catalog` is imported, then named `Catalog`.
fn short(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

fn python_style_expr(cx: &Context<'_>) -> String {
    let constant = cx.release.python_style_constant().unwrap_or("BUILTINS");
    let mut expr = format!("PythonStyle::{constant}");
    if cx.release.style.blob != "bytes" {
        expr.push_str(&format!(".with_blob(\"{}\")", cx.release.style.blob));
    }
    // The constant's unions are its generics' (`Style::new`); a stub may write the other.
    let style = &cx.release.style;
    if style.pipe_unions != Style::new(&style.list, &style.dict).pipe_unions {
        expr.push_str(&format!(".with_pipe_unions({})", style.pipe_unions));
    }
    expr
}

/// `macro_rules! for_each_type_def`: every TypeDef of the catalog, for code that needs
/// the Rust type behind each schema.
fn type_def_macro(
    cx: &Context<'_>,
    macro_name: &str,
    link: &str,
    type_defs: &[&str],
) -> Vec<String> {
    let crate_name = cx.layout.crate_name.as_deref().unwrap_or("crate_name");
    let mut lines = vec![String::new()];
    lines.extend(doc_lines(
        &format!(
            "Expands `$callback! {{ $($args)* ; Name = path, ... }}` with every TypeDef of {link}, in its order: for code that needs the Rust type behind each schema (`decode::<T>`), such as property tests, so that no list of shapes is kept by hand."
        ),
        "",
    ));
    lines.extend(
        [
            "///",
            "/// ```",
            "/// macro_rules! names {",
            "///     (; $($name:ident = $ty:path),* $(,)?) => {",
            "///         [$(stringify!($name)),*]",
            "///     };",
            "/// }",
        ]
        .map(String::from),
    );
    lines.push(format!(
        "/// let names = {crate_name}::{macro_name}!(names);"
    ));
    lines.push(format!("/// assert_eq!(names.len(), {});", type_defs.len()));
    lines.extend(["/// ```", "#[macro_export]"].map(String::from));
    lines.push(format!("macro_rules! {macro_name} {{"));
    lines.extend(
        [
            "    ($callback:ident $(; $($args:tt)*)?) => {",
            "        $callback! {",
            "            $($($args)*)? ;",
        ]
        .map(String::from),
    );
    let path = cx.release.path.replacen("crate", "$crate", 1);
    lines.extend(
        type_defs
            .iter()
            .map(|name| format!("            {name} = {path}::{name},")),
    );
    lines.extend(["        }", "    };", "}"].map(String::from));
    lines
}

/// The tables a release's model adds to its catalog.
struct ModelTables {
    /// Where `ModelTables`, `Operation`, `Paginator` and `Waiter` are.
    types: String,
    /// `MODEL`, `OPERATIONS`, `TYPE_DEF_DOCS` and `KEY_DOCS`.
    lines: Vec<String>,
}

/// The model's tables, for a release with a model and a catalog that takes them; the
/// descriptions were already converted (and checked) when the modules were written.
fn model_tables(cx: &Context<'_>) -> Result<Option<ModelTables>> {
    let release = cx.release;
    let (Some(model), Some(types)) = (
        release.model.as_ref(),
        release.catalog.as_ref().and_then(|c| c.model_types.clone()),
    ) else {
        return Ok(None);
    };
    let quoted = |text: &str| string_literal(text);
    let option = |text: &Option<String>| match text {
        Some(text) => format!("Some({})", quoted(text)),
        None => "None".to_owned(),
    };
    let list = |keys: &[String]| {
        let keys: Vec<String> = keys.iter().map(|k| quoted(k)).collect();
        format!("&[{}]", keys.join(", "))
    };
    let operations = model.operation_rows(&release.facts);
    let botocore = model.botocore.clone().unwrap_or_default();
    let mut lines = vec![
        String::new(),
        format!("/// What the catalog carries from botocore {botocore}'s model of the service."),
        "static MODEL: ModelTables = ModelTables {".into(),
        format!("    botocore: {},", quoted(&botocore)),
        "    operations: &OPERATIONS,".into(),
        "    type_def_docs: &TYPE_DEF_DOCS,".into(),
        "    key_docs: &KEY_DOCS,".into(),
        "};".into(),
        String::new(),
        format!("/// Every operation of botocore {botocore}'s model, in its order."),
        format!("static OPERATIONS: [Operation; {}] = [", operations.len()),
    ];
    for op in &operations {
        lines.push("    Operation {".into());
        lines.push(format!("        name: {},", quoted(&op.name)));
        lines.push(format!("        method: {},", quoted(&op.method)));
        lines.push(format!("        request: {},", option(&op.request)));
        lines.push(format!("        response: {},", option(&op.response)));
        match &op.paginator {
            Some(p) => {
                lines.push("        paginator: Some(Paginator {".into());
                lines.push(format!("            request: {},", option(&p.request)));
                lines.push(format!(
                    "            input_token: {},",
                    list(&p.input_token)
                ));
                lines.push(format!(
                    "            output_token: {},",
                    list(&p.output_token)
                ));
                lines.push(format!("            limit_key: {},", option(&p.limit_key)));
                lines.push(format!(
                    "            result_keys: {},",
                    list(&p.result_keys)
                ));
                lines.push("        }),".into());
            }
            None => lines.push("        paginator: None,".into()),
        }
        if op.waiters.is_empty() {
            lines.push("        waiters: &[],".into());
            lines.push("    },".into());
            continue;
        }
        lines.push("        waiters: &[".into());
        for w in &op.waiters {
            lines.push("            Waiter {".into());
            lines.push(format!("                name: {},", quoted(&w.name)));
            lines.push(format!("                method: {},", quoted(&w.method)));
            lines.push(format!("                request: {},", option(&w.request)));
            lines.push(format!(
                "                description: {},",
                quoted(&w.description)
            ));
            lines.push(format!("                delay: {},", w.delay));
            lines.push(format!("                max_attempts: {},", w.max_attempts));
            lines.push("            },".into());
        }
        lines.push("        ],".into());
        lines.push("    },".into());
    }
    lines.push("];".into());
    let inputs: std::collections::HashMap<&str, &str> = cx
        .outputs
        .iter()
        .map(|(input, output)| (output.as_str(), input.as_str()))
        .collect();
    let mut type_docs = Vec::new();
    let mut key_docs = Vec::new();
    for type_def in &release.facts.type_defs {
        let described = model.describe(type_def, inputs.get(type_def.name.as_str()).copied())?;
        let join = |blocks: &[crate::model::Block]| {
            blocks
                .iter()
                .map(crate::model::Block::text)
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        if !described.doc.is_empty() {
            type_docs.push(format!(
                "    ({}, {}),",
                quoted(&type_def.name),
                quoted(&join(&described.doc))
            ));
        }
        for (field, key) in type_def.fields.iter().zip(&described.keys) {
            if !key.doc.is_empty() {
                key_docs.push(format!(
                    "    ({}, {}, {}),",
                    quoted(&type_def.name),
                    quoted(&field.key),
                    quoted(&join(&key.doc))
                ));
            }
        }
    }
    lines.extend([
        String::new(),
        "/// Each TypeDef's documentation from the model, Markdown: (TypeDef, text).".into(),
        format!(
            "static TYPE_DEF_DOCS: [(&str, &str); {}] = [",
            type_docs.len()
        ),
    ]);
    lines.extend(type_docs);
    lines.extend([
        "];".into(),
        String::new(),
        "/// Each key's documentation from the model (or where a key the model lacks comes from), Markdown: (TypeDef, key, text).".into(),
        format!("static KEY_DOCS: [(&str, &str, &str); {}] = [", key_docs.len()),
    ]);
    lines.extend(key_docs);
    lines.push("];".into());
    Ok(Some(ModelTables { types, lines }))
}
