//! The operations of a release: each with boto3's method name, the stub TypeDefs of its
//! request and response, its paginator and its waiters.

use super::ServiceModel;
use crate::facts::Facts;
use crate::names::xform_name;

/// One operation, as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRow {
    /// `DescribeImages`.
    pub name: String,
    /// `describe_images`.
    pub method: String,
    /// The request TypeDef, if the stub has one (an operation without parameters has none).
    pub request: Option<String>,
    /// The response TypeDef, if the stub has one.
    pub response: Option<String>,
    /// Its paginator.
    pub paginator: Option<PaginatorRow>,
    /// The waiters that poll it.
    pub waiters: Vec<WaiterRow>,
}

/// An operation's paginator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaginatorRow {
    /// The paginator's argument TypeDef (`XRequestPaginateTypeDef`).
    pub request: Option<String>,
    /// The request keys that carry the token.
    pub input_token: Vec<String>,
    /// The response keys that carry the next token.
    pub output_token: Vec<String>,
    /// The request key that limits a page.
    pub limit_key: Option<String>,
    /// The response keys whose lists the pages add up.
    pub result_keys: Vec<String>,
}

/// A waiter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WaiterRow {
    /// `ImageScanComplete`.
    pub name: String,
    /// boto3's name for it: `image_scan_complete`.
    pub method: String,
    /// The waiter's argument TypeDef (`XRequestWaitTypeDef`).
    pub request: Option<String>,
    /// What it waits for.
    pub description: String,
    /// Seconds between polls.
    pub delay: u32,
    /// Polls before it gives up.
    pub max_attempts: u32,
}

impl ServiceModel {
    /// Every operation, in the model's (alphabetical) order, its TypeDefs looked up in
    /// the stub's facts.
    pub fn operation_rows(&self, facts: &Facts) -> Vec<OperationRow> {
        let has = |name: String| facts.type_def(&name).is_some().then_some(name);
        let strings = |keys: Vec<&str>| keys.into_iter().map(str::to_owned).collect::<Vec<_>>();
        self.operations
            .keys()
            .map(|name| OperationRow {
                name: name.clone(),
                method: xform_name(name, '_'),
                request: has(format!("{name}RequestRequestTypeDef"))
                    .or_else(|| has(format!("{name}RequestTypeDef"))),
                response: has(format!("{name}ResponseTypeDef")),
                paginator: self.paginators.get(name).map(|p| PaginatorRow {
                    request: has(format!("{name}RequestPaginateTypeDef")),
                    input_token: strings(p.input_token.keys()),
                    output_token: strings(p.output_token.keys()),
                    limit_key: p.limit_key.clone(),
                    result_keys: p
                        .result_key
                        .as_ref()
                        .map(|r| strings(r.keys()))
                        .unwrap_or_default(),
                }),
                waiters: self
                    .waiters
                    .iter()
                    .filter(|(_, w)| &w.operation == name)
                    .map(|(waiter, w)| WaiterRow {
                        name: waiter.clone(),
                        method: xform_name(waiter, '_'),
                        request: has(format!("{name}RequestWaitTypeDef")),
                        description: w.description.clone().unwrap_or_default(),
                        delay: w.delay,
                        max_attempts: w.max_attempts,
                    })
                    .collect(),
            })
            .collect()
    }
}
