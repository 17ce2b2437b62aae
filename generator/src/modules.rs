//! Which module each shape lives in: an operation's TypeDefs in its API area, other shapes
//! by name, an output variant or union beside its input shape.

use std::collections::{BTreeMap, HashMap};

use crate::annotation::Expr;
use crate::error::{invalid, Result};
use crate::layout::ModuleLayout;
use crate::names::operation;
use crate::release::Release;

/// The module a release's declarations are written to when the layout names none.
pub const DEFAULT_MODULE: &str = "shapes";

/// One module of a release, with the names it holds in the facts' order.
#[derive(Debug, Clone)]
pub struct Module {
    /// The module's name.
    pub name: String,
    /// Its doc.
    pub doc: String,
    /// Its TypeDefs and aliases, in the facts' order.
    pub names: Vec<String>,
}

/// `XUnionTypeDef = Union[XTypeDef, XOutputTypeDef]` -> `(XTypeDef, XOutputTypeDef)`.
pub fn union_members(text: &str) -> Option<(String, String)> {
    let expr = Expr::parse(text).ok()?;
    let Expr::Generic(name, args) = &expr else {
        return None;
    };
    let [Expr::Name(input), Expr::Name(output)] = args.as_slice() else {
        return None;
    };
    let stem = input.strip_suffix("TypeDef")?;
    (name == "Union" && output.strip_suffix("OutputTypeDef") == Some(stem) && !stem.is_empty())
        .then(|| (input.clone(), output.clone()))
}

/// Every name's module, and the modules that hold something, in the layout's order.
pub fn assign_modules(
    release: &Release,
    layout: &[ModuleLayout],
    outputs: &BTreeMap<String, String>,
) -> Result<(HashMap<String, String>, Vec<Module>)> {
    let names: Vec<&str> = (release.facts.type_defs.iter().map(|t| t.name.as_str()))
        .chain(release.facts.aliases.iter().map(|a| a.name.as_str()))
        .collect();
    if layout.is_empty() {
        let doc = format!(
            "Every TypedDict and alias of {} {}.",
            release.facts.distribution(),
            release.facts.version.as_deref().unwrap_or("")
        );
        let module_of = names
            .iter()
            .map(|n| (n.to_string(), DEFAULT_MODULE.to_owned()))
            .collect();
        let module = Module {
            name: DEFAULT_MODULE.into(),
            doc: doc.replace(" .", "."),
            names: names.iter().map(|n| n.to_string()).collect(),
        };
        return Ok((module_of, vec![module]));
    }
    let mut module_of: HashMap<String, String> = HashMap::new();
    let own = |module_of: &mut HashMap<String, String>, name: &str, module: &str| -> Result<()> {
        if let Some(before) = module_of.get(name).filter(|before| *before != module) {
            return Err(invalid(format!(
                "{}: {name} is in both {before} and {module}",
                release.name
            )));
        }
        module_of.insert(name.to_owned(), module.to_owned());
        Ok(())
    };
    for module in layout {
        for name in &names {
            let by_operation =
                operation(name).is_some_and(|(op, _)| module.operations.iter().any(|o| o == op));
            if module.shapes.iter().any(|s| s == name) || by_operation {
                own(&mut module_of, name, &module.name)?;
            }
        }
    }
    let twins: HashMap<&str, &str> = outputs
        .iter()
        .map(|(i, o)| (o.as_str(), i.as_str()))
        .collect();
    for name in &names {
        let partner = twins.get(name).map(|p| p.to_string()).or_else(|| {
            release
                .alias(name)
                .and_then(union_members)
                .map(|(input, _)| input)
        });
        if let Some(partner) = partner {
            if let Some(module) = module_of.get(&partner).cloned() {
                own(&mut module_of, name, &module)?;
            }
        }
    }
    let missing: Vec<&str> = names
        .iter()
        .copied()
        .filter(|n| !module_of.contains_key(*n))
        .collect();
    if !missing.is_empty() {
        return Err(invalid(format!(
            "{}: no module for {missing:?} (the layout's [[module]] tables)",
            release.name
        )));
    }
    let modules = layout
        .iter()
        .filter_map(|module| {
            let owned: Vec<String> = names
                .iter()
                .filter(|n| module_of[**n] == module.name)
                .map(|n| n.to_string())
                .collect();
            (!owned.is_empty()).then(|| Module {
                name: module.name.clone(),
                doc: module.doc_in(&release.name).to_owned(),
                names: owned,
            })
        })
        .collect();
    Ok((module_of, modules))
}
