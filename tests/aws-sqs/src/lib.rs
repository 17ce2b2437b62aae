//! Shapes of three PascalCase AWS services declared by hand with `#[typed_dict]`, the way
//! a user outside this project would: `rename_all = "PascalCase"` with `key = "..."`
//! only for the service's true exceptions (`MD5OfBody`, `ACL`, `ID`, SQS's lowercase
//! `tags`), a literal in kebab-case (S3's canned ACLs), a recursive shape (DynamoDB's
//! `AttributeValue`), and the runtime reached through a renamed dependency.

pub mod dynamodb;
pub mod s3;
pub mod sqs;
