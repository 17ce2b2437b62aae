//! The same shapes as plain serde derives, without the framework: the compile-time
//! baseline of `bench/compile_time.sh` (every TypeDef a `#[derive(Serialize,
//! Deserialize)]` struct, every literal a plain enum that keeps unknown values, every
//! union an untagged enum).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::error::{annotation_error, Error, Result};
use crate::layout::Layout;
use crate::modules::union_members;
use crate::names::field_name;
use crate::release::Release;
use crate::render::{literal_variants, string_literal, OTHER_VARIANT};
use crate::vocabulary::{Ty, Vocabulary};
use crate::Expr;

/// A plain Rust type for a value type: lists and sets as `Vec`, dicts and mappings as
/// `BTreeMap`, timestamps and decimals as `f64`, blobs as `String`, a nullable value as an
/// `Option`, `None` as `()`, `Any`, Python-only types and unions written in place as
/// `serde_json::Value`, literals written in place as `String`.
fn plain(ty: &Ty) -> String {
    match ty {
        Ty::Str | Ty::Blob | Ty::ByteArray | Ty::InlineLiteral { .. } => "String".into(),
        Ty::Int => "i64".into(),
        Ty::Float | Ty::Timestamp | Ty::Decimal => "f64".into(),
        Ty::Bool => "bool".into(),
        Ty::NoneType => "()".into(),
        Ty::Any | Ty::PythonOnly { .. } | Ty::InlineUnion { .. } => "serde_json::Value".into(),
        Ty::Sequence(item) | Ty::List(item) | Ty::Set(item) => format!("Vec<{}>", plain(item)),
        Ty::Nullable(inner) => format!("Option<{}>", plain(inner)),
        Ty::Dict(key, value) | Ty::Mapping(key, value) => {
            format!("BTreeMap<{}, {}>", plain(key), plain(value))
        }
        Ty::Named(name) | Ty::OneValueLiteral { name, .. } => name.clone(),
    }
}

/// One release's shapes as plain serde items.
pub fn plain_serde_module(release: &Release, layout: &Layout) -> Result<Vec<String>> {
    let vocabulary = Vocabulary::new(release, &layout.literal_of);
    let mut lines = Vec::new();
    for (name, values) in release.literals() {
        lines.push(
            "#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]"
                .into(),
        );
        lines.push(format!("pub enum {name} {{"));
        for (variant, value) in literal_variants(values).iter().zip(values) {
            lines.push(format!("    #[serde(rename = {})]", string_literal(value)));
            lines.push(format!("    {variant},"));
        }
        // Open, as the framework's: any other string is kept.
        lines.extend([
            "    #[serde(untagged)]".into(),
            format!("    {OTHER_VARIANT}(String),"),
        ]);
        lines.extend(["}".into(), String::new()]);
    }
    for alias in &release.facts.aliases {
        lines.push("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]".into());
        match union_members(&alias.definition) {
            Some((input, output)) => lines.extend([
                "#[serde(untagged)]".into(),
                format!("pub enum {} {{", alias.name),
                format!("    Input({input}),"),
                format!("    Output({output}),"),
                "}".into(),
                String::new(),
            ]),
            None => lines.extend([
                format!("pub struct {}(pub String);", alias.name),
                String::new(),
            ]),
        }
    }
    for type_def in &release.facts.type_defs {
        lines.push("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]".into());
        lines.push(format!("pub struct {} {{", type_def.name));
        let mut taken = BTreeSet::new();
        for field in &type_def.fields {
            let place = format!("{}.{}", type_def.name, field.key);
            let annotation_error = annotation_error(&place, &field.annotation);
            let expr = Expr::parse(&field.annotation).map_err(annotation_error)?;
            let ty = vocabulary
                .value(&expr, &place)
                .map_err(annotation_error)?
                .ty;
            let mut rust = plain(&ty);
            lines.push(format!(
                "    #[serde(rename = {})]",
                string_literal(&field.key)
            ));
            if !field.required {
                lines.push(
                    "    #[serde(default, skip_serializing_if = \"Option::is_none\")]".into(),
                );
                rust = format!("Option<{rust}>");
            }
            let mut name = field_name(&field.key);
            while !taken.insert(name.clone()) {
                name.push('_');
            }
            lines.push(format!("    pub {name}: {rust},"));
        }
        lines.extend(["}".into(), String::new()]);
    }
    Ok(lines)
}

/// A crate `ecr-serde-all` in `out_dir` with one module per release (`r2_1`, `latest`).
pub fn plain_serde_crate(releases: &[Release], layout: &Layout, out_dir: &Path) -> Result<()> {
    let mut lines = vec!["#![allow(non_camel_case_types, dead_code, clippy::all)]".to_owned()];
    for release in releases {
        let module = if release.name.starts_with(|c: char| c.is_ascii_digit()) {
            format!("r{}", release.name.replace('.', "_"))
        } else {
            release.name.clone()
        };
        lines.extend([
            String::new(),
            format!("pub mod {module} {{"),
            "use serde::{Deserialize, Serialize};".into(),
            "use std::collections::BTreeMap;".into(),
            String::new(),
        ]);
        lines.extend(plain_serde_module(release, layout)?);
        lines.push("}".into());
    }
    let src = out_dir.join("src");
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    fs::create_dir_all(&src).map_err(io(&src))?;
    let lib = src.join("lib.rs");
    fs::write(&lib, lines.join("\n") + "\n").map_err(io(&lib))?;
    let manifest = out_dir.join("Cargo.toml");
    let mut cargo = "[package]\nname = \"ecr-serde-all\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n".to_owned();
    // Only where a shape holds `Any`: the baseline compiles nothing it does not need.
    if lines.iter().any(|line| line.contains("serde_json::Value")) {
        cargo.push_str("serde_json = \"1\"\n");
    }
    fs::write(&manifest, cargo).map_err(io(&manifest))?;
    Ok(())
}
