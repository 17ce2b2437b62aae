//! Finding a TypeDef or literal by name, with the closest names suggested on a miss.

use typed_dict::{LiteralSchema, TypedDictSchema};

/// A TypeDef or a literal type.
pub enum Named {
    TypeDef(&'static TypedDictSchema),
    Literal(&'static LiteralSchema),
}

/// The TypeDef called `name`, or an error naming the closest ones.
pub fn type_def(name: &str) -> Result<&'static TypedDictSchema, String> {
    if let Some(schema) = ecr_types::type_def(name) {
        return Ok(schema);
    }
    if ecr_types::literal(name).is_some() {
        return Err(format!(
            "`{name}` is a literal type, not a TypeDef; `ecr-types show {name}` lists its values"
        ));
    }
    Err(unknown(
        "TypeDef",
        name,
        ecr_types::type_defs().map(|schema| schema.name),
    ))
}

/// The TypeDef or literal called `name`, or an error naming the closest ones.
pub fn any(name: &str) -> Result<Named, String> {
    if let Some(schema) = ecr_types::type_def(name) {
        return Ok(Named::TypeDef(schema));
    }
    if let Some(literal) = ecr_types::literal(name) {
        return Ok(Named::Literal(literal));
    }
    let names = ecr_types::type_defs()
        .map(|schema| schema.name)
        .chain(ecr_types::literals().map(|literal| literal.name));
    Err(unknown("TypeDef or literal", name, names))
}

fn unknown<'a>(what: &str, name: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let wanted = name.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|candidate| {
            (
                strsim::jaro_winkler(&wanted, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > 0.7)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let suggestions: Vec<String> = scored
        .iter()
        .take(3)
        .map(|(_, name)| format!("`{name}`"))
        .collect();
    match suggestions.as_slice() {
        [] => format!("unknown {what} `{name}`; `ecr-types list` shows them all"),
        _ => format!(
            "unknown {what} `{name}`; did you mean {}?",
            suggestions.join(", ")
        ),
    }
}
