//! Output variants: `XOutputTypeDef` is the macro's `output =` variant of `XTypeDef` when
//! it is exactly what the macro derives (`list` for every sequence, output variants for
//! nested TypedDicts), key for key; otherwise both are declared.

use std::collections::{BTreeMap, HashMap};

use crate::annotation::Expr;
use crate::release::Release;
use crate::vocabulary::Vocabulary;

/// `{input: output}` for every `XOutputTypeDef` the macro derives exactly from `XTypeDef`.
pub fn output_pairs(release: &Release, vocabulary: &Vocabulary<'_>) -> BTreeMap<String, String> {
    let mut candidates: BTreeMap<String, String> = BTreeMap::new();
    for type_def in &release.facts.type_defs {
        if let Some(stem) = type_def.name.strip_suffix("OutputTypeDef") {
            let input = format!("{stem}TypeDef");
            if release.type_def(&input).is_some() {
                candidates.insert(input, type_def.name.clone());
            }
        }
    }
    // Dropping a pair can break another that nests it, so repeat until none mismatches.
    loop {
        let lookup: HashMap<&str, &str> = candidates
            .iter()
            .map(|(input, output)| (input.as_str(), output.as_str()))
            .collect();
        let mismatched: Vec<String> = candidates
            .iter()
            .filter(|(input, output)| !derives_exactly(release, vocabulary, input, output, &lookup))
            .map(|(input, _)| input.clone())
            .collect();
        if mismatched.is_empty() {
            return candidates;
        }
        for input in mismatched {
            candidates.remove(&input);
        }
    }
}

fn derives_exactly(
    release: &Release,
    vocabulary: &Vocabulary<'_>,
    input: &str,
    output: &str,
    outputs: &HashMap<&str, &str>,
) -> bool {
    let (Some(input), Some(output)) = (release.type_def(input), release.type_def(output)) else {
        return false;
    };
    input.fields.len() == output.fields.len()
        && input.fields.iter().zip(&output.fields).all(|(i, o)| {
            i.key == o.key
                && i.required == o.required
                && output_annotation(release, vocabulary, &i.annotation, outputs) == o.annotation
        })
}

/// The annotation the macro's output variant gives a key annotated `text`.
fn output_annotation(
    release: &Release,
    vocabulary: &Vocabulary<'_>,
    text: &str,
    outputs: &HashMap<&str, &str>,
) -> String {
    match Expr::parse(text) {
        Ok(expr) => output_of(release, vocabulary, &expr, outputs),
        // Not a type expression: no output variant derives it (the error is reported
        // where the key is declared).
        Err(_) => String::new(),
    }
}

fn output_of(
    release: &Release,
    vocabulary: &Vocabulary<'_>,
    expr: &Expr,
    outputs: &HashMap<&str, &str>,
) -> String {
    let style = &release.style;
    match expr {
        Expr::Generic(name, args)
            if args.len() == 1 && (name == "Sequence" || *name == style.list) =>
        {
            format!(
                "{}[{}]",
                style.list,
                output_of(release, vocabulary, &args[0], outputs)
            )
        }
        // A `Mapping` (the input dict) becomes a `dict`, as a `Sequence` a `list`.
        Expr::Generic(name, args)
            if args.len() == 2 && (*name == style.dict || name == "Mapping") =>
        {
            format!(
                "{}[{}, {}]",
                style.dict,
                args[0],
                output_of(release, vocabulary, &args[1], outputs)
            )
        }
        // A nullable value's output is the value's, nullable (`X | None`).
        Expr::Or(members) if members.len() == 2 && members[1].name() == Some("None") => {
            format!(
                "{} | None",
                output_of(release, vocabulary, &members[0], outputs)
            )
        }
        other => {
            let text = other.to_string();
            // An alias with an output counterpart (`XUnionTypeDef`, `TimestampTypeDef`,
            // `BlobTypeDef`) is replaced by it, as the macro's `output =` on the alias does.
            if let Some(output) = vocabulary.alias_output(&text) {
                return output.python(style);
            }
            outputs
                .get(text.as_str())
                .map_or(text, |output| (*output).to_owned())
        }
    }
}
