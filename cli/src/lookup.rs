//! Finding a TypeDef, alias or literal by name in the release `--api` picks, with the
//! closest names suggested on a miss, and the release to ask for when the name is another
//! one's.

use ecr_types::operation::Operation;
use typed_dict::{LiteralSchema, TypedDictSchema, ValueType};

use crate::args::Api;

/// A TypeDef, an alias (union or named alias) or a literal type.
pub enum Named {
    TypeDef(&'static TypedDictSchema),
    Alias(&'static ValueType),
    Literal(&'static LiteralSchema),
    Operation(&'static Operation),
}

/// The operation called `name` in `api` (its model name, boto3 method or AWS CLI
/// command), or an error naming the closest ones.
pub fn operation(api: Api, name: &str) -> Result<&'static Operation, String> {
    let catalog = api.catalog();
    if let Some(operation) = catalog.operation(name) {
        return Ok(operation);
    }
    if let Some(other) = other_release(api, name) {
        return Err(other);
    }
    let names: Vec<String> = catalog.operations().map(spelled_like(name)).collect();
    Err(unknown(
        api,
        "operation",
        name,
        names.iter().map(String::as_str),
        " --operations",
    ))
}

/// An operation's name spelled the way `query` is (`describe-images` for a query with a
/// `-`, `describe_images` for one in lower case, else `DescribeImages`), so a suggestion
/// names each operation once and in the user's style.
fn spelled_like(query: &str) -> impl Fn(&Operation) -> String + '_ {
    move |operation| {
        if query.contains('-') {
            operation.cli_command()
        } else if query.contains('_') || query.chars().all(|c| !c.is_ascii_uppercase()) {
            operation.method.to_owned()
        } else {
            operation.name.to_owned()
        }
    }
}

/// The TypeDef `validate --operation` checks: the operation's response, or its request.
pub fn operation_type_def(
    api: Api,
    name: &str,
    request: bool,
) -> Result<&'static TypedDictSchema, String> {
    let operation = operation(api, name)?;
    let part = if request { "request" } else { "response" };
    let type_def = operation.type_def(request).ok_or_else(|| {
        format!(
            "operation `{}` has no {part} TypeDef in release {} (it takes no parameters)",
            operation.name,
            api.name()
        )
    })?;
    type_def_of(api, type_def)
}

fn type_def_of(api: Api, name: &str) -> Result<&'static TypedDictSchema, String> {
    api.catalog()
        .type_def(name)
        .ok_or_else(|| format!("the catalog of release {} lacks `{name}`", api.name()))
}

/// The TypeDef called `name` in `api`, or an error naming the closest ones.
pub fn type_def(api: Api, name: &str) -> Result<&'static TypedDictSchema, String> {
    let catalog = api.catalog();
    if let Some(schema) = catalog.type_def(name) {
        return Ok(schema);
    }
    if catalog.literal(name).is_some() {
        return Err(format!(
            "`{name}` is a literal type, not a TypeDef; `ecr-types show{} {name}` lists its values",
            api.flag()
        ));
    }
    if catalog.alias(name).is_some() {
        return Err(format!(
            "`{name}` is an alias, not a TypeDef; `ecr-types show{} {name}` prints its definition",
            api.flag()
        ));
    }
    if let Some(other) = other_release(api, name) {
        return Err(other);
    }
    Err(unknown(
        api,
        "TypeDef",
        name,
        catalog.type_defs().map(|schema| schema.name),
        "",
    ))
}

/// The TypeDef, alias or literal called `name` in `api`, or an error naming the closest
/// ones.
pub fn any(api: Api, name: &str) -> Result<Named, String> {
    let catalog = api.catalog();
    if let Some(schema) = catalog.type_def(name) {
        return Ok(Named::TypeDef(schema));
    }
    if let Some(alias) = catalog.alias(name) {
        return Ok(Named::Alias(alias));
    }
    if let Some(literal) = catalog.literal(name) {
        return Ok(Named::Literal(literal));
    }
    if let Some(operation) = catalog.operation(name) {
        return Ok(Named::Operation(operation));
    }
    if let Some(other) = other_release(api, name) {
        return Err(other);
    }
    let operations: Vec<String> = catalog.operations().map(spelled_like(name)).collect();
    let mut names: Vec<&str> = catalog
        .type_defs()
        .map(|schema| schema.name)
        .chain(catalog.aliases().filter_map(ValueType::name))
        .chain(catalog.literals().map(|literal| literal.name))
        .collect();
    names.extend(operations.iter().map(String::as_str));
    Err(unknown(
        api,
        "TypeDef, alias, literal or operation",
        name,
        names.into_iter(),
        "",
    ))
}

/// The error for a name another release declares (`CreateRepositoryRequestTypeDef` is
/// 3.10's name of 2.1's `CreateRepositoryRequestRequestTypeDef`).
fn other_release(api: Api, name: &str) -> Option<String> {
    let other = Api::ALL.into_iter().find(|&other| {
        other != api
            && (other.catalog().type_def(name).is_some()
                || other.catalog().alias(name).is_some()
                || other.catalog().literal(name).is_some()
                || other.catalog().operation(name).is_some())
    })?;
    Some(format!(
        "`{name}` is in release {} (types-aiobotocore-ecr {}), not in {} ({}); use `--api {}`",
        other.name(),
        other.catalog().version(),
        api.name(),
        api.catalog().version(),
        other.name()
    ))
}

/// `list_flag` is the `ecr-types list` flag that lists the kind of name wanted.
fn unknown<'a>(
    api: Api,
    what: &str,
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
    list_flag: &str,
) -> String {
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
        [] => format!(
            "unknown {what} `{name}`; `ecr-types list{list_flag}{}` shows them all",
            api.flag()
        ),
        _ => format!(
            "unknown {what} `{name}`; did you mean {}?",
            suggestions.join(", ")
        ),
    }
}
