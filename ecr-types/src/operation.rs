//! The operations of a release, as botocore's model names them: each with boto3's method,
//! the AWS CLI's command, the TypeDefs of its request and response, its paginator and the
//! waiters that poll it. [`Catalog::operation`](crate::catalog::Catalog::operation) finds
//! one by any of its three names.
//!
//! ```
//! use ecr_types::CATALOG;
//!
//! let op = CATALOG.operation("describe-images").unwrap();
//! assert_eq!(op.name, "DescribeImages");
//! assert_eq!(op.method, "describe_images");
//! assert_eq!(op.cli_command(), "describe-images");
//! assert_eq!(op.request, Some("DescribeImagesRequestRequestTypeDef"));
//! assert_eq!(op.response, Some("DescribeImagesResponseTypeDef"));
//! let paginator = op.paginator.unwrap();
//! assert_eq!(paginator.result_keys, ["imageDetails"]);
//! assert_eq!(paginator.limit_key, Some("maxResults"));
//! ```

/// One operation of the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Operation {
    /// The model's name: `DescribeImages`.
    pub name: &'static str,
    /// boto3's method (botocore's `xform_name`): `describe_images`.
    pub method: &'static str,
    /// The TypeDef of its parameters, if the stub has one (an operation that takes no
    /// parameters, such as 2.1's `DescribeRegistry`, has none).
    pub request: Option<&'static str>,
    /// The TypeDef of what it returns.
    pub response: Option<&'static str>,
    /// Its paginator, if boto3 has one.
    pub paginator: Option<Paginator>,
    /// The waiters that poll it.
    pub waiters: &'static [Waiter],
}

impl Operation {
    /// The AWS CLI's command: `describe-images`.
    pub fn cli_command(&self) -> String {
        self.method.replace('_', "-")
    }

    /// The TypeDef of its request (`request` true) or its response.
    pub fn type_def(&self, request: bool) -> Option<&'static str> {
        if request {
            self.request
        } else {
            self.response
        }
    }
}

/// How boto3 pages through an operation's results (botocore's `paginators-1.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Paginator {
    /// The TypeDef of the paginator's arguments (`XRequestPaginateTypeDef`).
    pub request: Option<&'static str>,
    /// The request keys the token goes in.
    pub input_token: &'static [&'static str],
    /// The response keys the next token comes in.
    pub output_token: &'static [&'static str],
    /// The request key that limits a page's size.
    pub limit_key: Option<&'static str>,
    /// The response keys whose lists the pages add up.
    pub result_keys: &'static [&'static str],
}

/// A waiter: boto3 polls the operation until the answer says done (botocore's
/// `waiters-2.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Waiter {
    /// The model's name: `ImageScanComplete`.
    pub name: &'static str,
    /// boto3's name: `client.get_waiter("image_scan_complete")`.
    pub method: &'static str,
    /// The TypeDef of the waiter's arguments (`XRequestWaitTypeDef`).
    pub request: Option<&'static str>,
    /// What it waits for.
    pub description: &'static str,
    /// Seconds between polls.
    pub delay: u32,
    /// Polls before it gives up.
    pub max_attempts: u32,
}

/// What a release carries from botocore's model, for its catalog: built only by the
/// generated tables.
#[derive(Debug)]
pub(crate) struct ModelTables {
    /// botocore's version.
    pub(crate) botocore: &'static str,
    /// Every operation.
    pub(crate) operations: &'static [Operation],
    /// (TypeDef, Markdown).
    pub(crate) type_def_docs: &'static [(&'static str, &'static str)],
    /// (TypeDef, key, Markdown).
    pub(crate) key_docs: &'static [(&'static str, &'static str, &'static str)],
}
