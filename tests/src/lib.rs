//! Shapes shared by the framework's integration tests: a small ECR-like module declared
//! with `#[typed_dict]`, exercising every value kind and attribute.
//!
//! They echo a few `ecr-types` shapes on purpose rather than importing them: the framework's
//! tests, and the trybuild suite that builds with this package's dependencies, depend on
//! `core` and `macros` only, so they stay fast to compile and test the framework alone.

use typed_dict::{typed_dict, Blob, Dict, List, Sequence, Timestamp};

/// A tag, with the upstream's capitalised keys.
#[typed_dict]
pub struct TagTypeDef {
    #[typed_dict(key = "Key")]
    pub key: Option<String>,
    #[typed_dict(key = "Value")]
    pub value: Option<String>,
}

/// Whether tags may be overwritten.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ImageTagMutabilityType {
    Mutable,
    Immutable,
}

/// Scan states, with an explicit wire value.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ScanStatusType {
    InProgress,
    Complete,
    Failed,
    #[typed_dict(value = "UNSUPPORTED_IMAGE")]
    Unsupported,
}

/// Severity levels, used as dict keys.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FindingSeverityType {
    Informational,
    Low,
    Medium,
    High,
    Critical,
    Undefined,
}

/// A one-value literal the stub writes in place: `Literal['EXPIRE']`.
#[typed_dict(rename_all = "SCREAMING_SNAKE_CASE", inline)]
pub enum ImageActionTypeType {
    Expire,
}

/// Failure codes in PascalCase: the default rule keeps variant names verbatim.
#[typed_dict]
pub enum ImageFailureCodeType {
    ImageNotFound,
    InvalidImageDigest,
}

/// A request with every NotRequired kind.
#[typed_dict]
pub struct CreateRepositoryRequestRequestTypeDef {
    pub repository_name: String,
    pub registry_id: Option<String>,
    pub tags: Option<Sequence<TagTypeDef>>,
    pub image_tag_mutability: Option<ImageTagMutabilityType>,
}

/// An image identifier, used on both sides.
#[typed_dict]
pub struct ImageIdentifierTypeDef {
    pub image_digest: Option<String>,
    pub image_tag: Option<String>,
}

/// A nested status.
#[typed_dict]
pub struct ImageScanStatusTypeDef {
    pub status: Option<ScanStatusType>,
    pub description: Option<String>,
}

/// Scan summary with a literal-keyed dict.
#[typed_dict]
pub struct ImageScanFindingsSummaryTypeDef {
    pub image_scan_completed_at: Option<Timestamp>,
    pub finding_severity_counts: Option<Dict<FindingSeverityType, i64>>,
}

/// An image in a response.
#[typed_dict]
pub struct ImageDetailTypeDef {
    pub registry_id: Option<String>,
    pub repository_name: Option<String>,
    pub image_digest: Option<String>,
    pub image_tags: Option<List<String>>,
    pub image_size_in_bytes: Option<i64>,
    pub image_pushed_at: Option<Timestamp>,
    pub image_scan_status: Option<ImageScanStatusTypeDef>,
    pub image_scan_findings_summary: Option<ImageScanFindingsSummaryTypeDef>,
}

/// botocore's response metadata, with wire-mode keys.
#[typed_dict]
pub struct ResponseMetadataTypeDef {
    #[typed_dict(key = "RequestId")]
    pub request_id: String,
    /// Never set for JSON protocols.
    #[typed_dict(key = "HostId", wire_optional)]
    pub host_id: Option<String>,
    #[typed_dict(key = "HTTPStatusCode")]
    pub http_status_code: i64,
    #[typed_dict(key = "HTTPHeaders")]
    pub http_headers: Dict<String, String>,
    #[typed_dict(key = "RetryAttempts")]
    pub retry_attempts: i64,
}

/// A paginated response.
#[typed_dict]
pub struct DescribeImagesResponseTypeDef {
    pub image_details: List<ImageDetailTypeDef>,
    #[typed_dict(wire_optional)]
    pub next_token: Option<String>,
    #[typed_dict(key = "ResponseMetadata", wire_optional)]
    pub response_metadata: Option<ResponseMetadataTypeDef>,
}

/// A request that takes identifiers back from a response.
#[typed_dict]
pub struct BatchDeleteImageRequestRequestTypeDef {
    pub repository_name: String,
    pub image_ids: Sequence<ImageIdentifierTypeDef>,
    pub registry_id: Option<String>,
}

/// A response listing identifiers.
#[typed_dict]
pub struct ListImagesResponseTypeDef {
    pub image_ids: List<ImageIdentifierTypeDef>,
    #[typed_dict(wire_optional)]
    pub next_token: Option<String>,
}

/// A blob, ints and floats.
#[typed_dict]
pub struct UploadLayerPartRequestRequestTypeDef {
    pub repository_name: String,
    pub upload_id: String,
    pub part_first_byte: i64,
    pub part_last_byte: i64,
    pub layer_part_blob: Blob,
    pub registry_id: Option<String>,
}

/// Floats and a `type` key, with the one-value literal.
#[typed_dict]
pub struct LifecyclePolicyRuleActionTypeDef {
    pub r#type: Option<ImageActionTypeType>,
}

/// Scores.
#[typed_dict]
pub struct CvssScoreTypeDef {
    pub base_score: Option<f64>,
    pub scoring_vector: Option<String>,
    pub source: Option<String>,
    pub version: Option<String>,
}

/// A closed typed dict (PEP 728): unknown keys are errors.
#[typed_dict(closed)]
pub struct ClosedPointTypeDef {
    pub x: i64,
    pub y: i64,
}

/// An open typed dict that keeps unknown keys (PEP 728 `extra_items`).
#[typed_dict]
pub struct RepositoryWithExtrasTypeDef {
    pub repository_name: String,
    pub scan_on_push: Option<bool>,
    #[typed_dict(extra)]
    pub extra: Dict<String, serde_json::Value>,
}

/// A typed dict with no Required keys: `new()` takes nothing and `Default` exists.
#[typed_dict]
pub struct PaginatorConfigTypeDef {
    #[typed_dict(key = "MaxItems")]
    pub max_items: Option<i64>,
    #[typed_dict(key = "PageSize")]
    pub page_size: Option<i64>,
    #[typed_dict(key = "StartingToken")]
    pub starting_token: Option<String>,
}

/// A replication destination: the same on both sides.
#[typed_dict]
pub struct ReplicationDestinationTypeDef {
    pub region: String,
    pub registry_id: String,
}

/// A rule, declared once for both sides: the macro derives `ReplicationRuleOutputTypeDef`.
#[typed_dict(output = ReplicationRuleOutputTypeDef)]
pub struct ReplicationRuleTypeDef {
    pub destinations: Sequence<ReplicationDestinationTypeDef>,
    pub repository_filters: Option<Sequence<String>>,
}

/// A configuration whose output variant nests the rule's output variant.
#[typed_dict(output = ReplicationConfigurationOutputTypeDef)]
pub struct ReplicationConfigurationTypeDef {
    pub rules: Sequence<ReplicationRuleTypeDef>,
}

/// The request takes the input variant.
#[typed_dict]
pub struct PutReplicationConfigurationRequestRequestTypeDef {
    pub replication_configuration: ReplicationConfigurationTypeDef,
}

/// The response returns the output variant.
#[typed_dict]
pub struct DescribeRegistryResponseTypeDef {
    pub registry_id: String,
    pub replication_configuration: ReplicationConfigurationOutputTypeDef,
}

/// Attributes on the struct and its fields are kept, `#[cfg]` included: a field that is
/// configured out is out of the schema, the serde impls and the constructor too.
#[typed_dict]
#[derive(Default)]
#[allow(missing_docs)]
pub struct ConfiguredTypeDef {
    /// A documented key.
    pub kept: Option<String>,
    #[cfg(miri)]
    pub configured_out: String,
    #[cfg(not(miri))]
    #[deprecated = "use `kept`"]
    pub configured_in: Option<i64>,
}

/// Floats inside containers.
#[typed_dict]
pub struct ScoresTypeDef {
    pub by_source: Option<Dict<String, List<f64>>>,
}

/// A shape that grows with the service (as `ecr_types::latest`'s do): other crates build it
/// with `new` and `with_*`, never with a struct literal, and so its output variant.
#[typed_dict(output = GrowingOutput)]
#[non_exhaustive]
pub struct Growing {
    pub names: Sequence<String>,
    pub note: Option<String>,
}

/// A literal that gains values: other crates match it with a catch-all arm.
#[typed_dict]
#[non_exhaustive]
pub enum GrowingStatus {
    #[typed_dict(value = "ACTIVE")]
    Active,
    #[typed_dict(other)]
    Unknown(typed_dict::UnknownValue),
}
