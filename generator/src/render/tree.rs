//! `mod.rs` of a release below the crate root: the module tree, re-exported flat as the
//! stub has it.

use super::text::module_doc;
use super::{header, module_names, Context};
use crate::modules::Module;

/// `mod.rs` of a release.
pub(super) fn mod_file(cx: &Context<'_>, modules: &[Module]) -> String {
    let release = cx.release;
    let version = release.facts.version.as_deref().unwrap_or("");
    let mut lines: Vec<String> = match &release.mod_doc {
        Some(doc) => doc
            .replace("{version}", version)
            .lines()
            .map(|line| format!("//! {line}").trim_end().to_owned())
            .collect(),
        None => module_doc(&format!(
            "{} {version}: every TypedDict, literal type and alias of the stub, declared with [`#[typed_dict]`](typed_dict::typed_dict).",
            release.facts.distribution()
        )),
    };
    lines.extend(["//!", "//! | Module | API area |", "//! |---|---|"].map(String::from));
    for module in modules {
        let summary = module
            .doc
            .split(':')
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        lines.push(format!("//! | [`{}`] | {summary} |", module.name));
    }
    lines.push("//! | [`literals`] | every literal type |".into());
    lines.push("//!".into());
    lines.push(if release.catalog.is_some() {
        "//! [`CATALOG`] finds a schema by name and lists them all in the stub's order.".into()
    } else {
        "//! [`tables`] lists every schema in the stub's order.".into()
    });
    lines.extend(header(release));
    lines.push(String::new());
    let names = module_names(modules);
    lines.extend(names.iter().map(|name| format!("pub mod {name};")));
    let catalog = release.catalog.is_some();
    lines.push(
        if catalog {
            "mod tables;"
        } else {
            "pub mod tables;"
        }
        .into(),
    );
    lines.push(String::new());
    lines.extend(names.iter().map(|name| format!("pub use {name}::*;")));
    if catalog {
        lines.push("pub use tables::CATALOG;".into());
    }
    lines.join("\n") + "\n"
}
