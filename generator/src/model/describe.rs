//! What the model says of one stub TypeDef: its documentation, and each key's
//! documentation and constraints, or where a key the model lacks comes from.

use super::{markdown, Block, Constraint, ServiceModel};
use crate::error::Result;
use crate::facts::TypeDef;
use crate::names::{operation, OperationPart};

/// One TypeDef as the model describes it.
#[derive(Debug, Clone, Default)]
pub struct Described {
    /// The TypeDef's documentation (its shape's, or its operation's for a request).
    pub doc: Vec<Block>,
    /// Each key's, in the TypeDef's order.
    pub keys: Vec<KeyDescription>,
}

/// One key as the model describes it.
#[derive(Debug, Clone, Default)]
pub struct KeyDescription {
    /// Its documentation (empty where the model has none).
    pub doc: Vec<Block>,
    /// Its constraints (empty for a key the model does not have).
    pub constraint: Constraint,
    /// Whether the model has the key (else `doc` says where it comes from).
    pub in_model: bool,
}

/// Where boto3's and botocore's own keys come from: the model has none of them.
fn origin(type_def: &str, key: &str) -> String {
    match key {
        "ResponseMetadata" => "Not in the service model: boto3 adds it to every response after parsing (the request id, HTTP status code and headers, retry attempts); the service does not send it.".into(),
        "PaginationConfig" => "Not in the service model: botocore's paginator configuration (`MaxItems`, `PageSize`, `StartingToken`), which the paginator reads and does not send.".into(),
        "WaiterConfig" => "Not in the service model: botocore's waiter configuration (`Delay`, `MaxAttempts`), which the waiter reads and does not send.".into(),
        _ => format!("Not in the service model: a key of botocore's own `{}`.", type_def.strip_suffix("TypeDef").unwrap_or(type_def)),
    }
}

impl ServiceModel {
    /// The model's description of a TypeDef; `input_of_output` is the input variant's name
    /// for an output variant (`XOutputTypeDef` describes the shape `X`).
    pub fn describe(&self, type_def: &TypeDef, input_of_output: Option<&str>) -> Result<Described> {
        let name = type_def.name.as_str();
        let html = |text: &Option<String>, place: &str| -> Result<Vec<Block>> {
            match text {
                Some(text) => markdown(text).map_err(|e| self.error(format!("{place}: {e}"))),
                None => Ok(Vec::new()),
            }
        };
        let Some((shape_name, shape)) = self.shape_of(name, input_of_output) else {
            let keys = type_def
                .fields
                .iter()
                .map(|f| KeyDescription {
                    doc: vec![Block::Paragraph(origin(name, &f.key))],
                    ..KeyDescription::default()
                })
                .collect();
            return Ok(Described {
                doc: Vec::new(),
                keys,
            });
        };
        let doc = match operation(name) {
            Some((op, OperationPart::Request | OperationPart::Paginate | OperationPart::Wait)) => {
                html(&self.operations[op].documentation, op)?
            }
            _ => html(&shape.documentation, shape_name)?,
        };
        let mut keys = Vec::new();
        for field in &type_def.fields {
            let place = format!("{shape_name}.{}", field.key);
            let Some(member) = shape.members.get(&field.key) else {
                keys.push(KeyDescription {
                    doc: vec![Block::Paragraph(origin(name, &field.key))],
                    ..KeyDescription::default()
                });
                continue;
            };
            let target = self
                .target(member)
                .ok_or_else(|| self.error(format!("{place}: no shape `{}`", member.shape)))?;
            // A member without documentation of its own is described by its shape's, as
            // the AWS SDKs do.
            let text = member
                .documentation
                .as_ref()
                .or(target.documentation.as_ref())
                .cloned();
            keys.push(KeyDescription {
                doc: html(&text, &place)?,
                constraint: Constraint::of_shape(self, target, &place)
                    .map_err(|message| self.error(message))?,
                in_model: true,
            });
        }
        Ok(Described { doc, keys })
    }
}
