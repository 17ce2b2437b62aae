//! From a TypeDef's name to its Rust type: the registry hands out schemas, the tests need
//! `decode::<T>` and `encode` for the very type behind each one.
//!
//! [`CODECS`] lists all 124 ecr-types TypeDefs, in the registry's order; a test checks
//! that it and [`ecr_types::type_defs`] agree name for name.

use std::fmt::Debug;

use typed_dict::{DecodeError, DecodeOptions, TypedDict, TypedDictSchema};

/// What one decode → encode → decode did with a payload that decoded.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTrip {
    /// The first decoded value, encoded again.
    pub encoded: Vec<u8>,
    /// `Ok` when the encoding decodes (with the same options) into a value equal to the
    /// first; otherwise why not.
    pub stable: Result<(), String>,
}

/// `decode::<T>` and `encode` for one typed dict, without naming `T`.
#[derive(Clone, Copy)]
pub struct Codec {
    /// `T::schema`.
    pub schema: fn() -> &'static TypedDictSchema,
    /// Decodes as `T`; on success encodes the value, decodes the encoding again with the
    /// same options and compares the two values.
    pub round_trip: fn(&[u8], DecodeOptions) -> Result<RoundTrip, DecodeError>,
}

impl Codec {
    /// The codec of `T`.
    pub const fn of<T: TypedDict + PartialEq + Debug>() -> Codec {
        Codec {
            schema: T::schema,
            round_trip: round_trip::<T>,
        }
    }

    /// The type's name.
    pub fn name(&self) -> &'static str {
        (self.schema)().name
    }

    /// The type's static schema.
    pub fn schema(&self) -> &'static TypedDictSchema {
        (self.schema)()
    }

    /// Decodes `json` as the type; the error as `typed_dict::decode` reports it.
    pub fn decode(&self, json: &[u8], options: DecodeOptions) -> Result<RoundTrip, DecodeError> {
        (self.round_trip)(json, options)
    }
}

impl Debug for Codec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Codec({})", self.name())
    }
}

fn round_trip<T: TypedDict + PartialEq + Debug>(
    json: &[u8],
    options: DecodeOptions,
) -> Result<RoundTrip, DecodeError> {
    let first: T = typed_dict::decode(json, options)?;
    let encoded = typed_dict::to_vec(&first).expect("encoding a typed dict never fails");
    let stable = match typed_dict::decode::<T>(&encoded, options) {
        Ok(second) if second == first => Ok(()),
        Ok(second) => Err(format!(
            "the encoding decodes into a different value:\n  first:  {first:?}\n  second: {second:?}\n  encoding: {}",
            String::from_utf8_lossy(&encoded)
        )),
        Err(error) => Err(format!(
            "the encoding does not decode: {error}\n  encoding: {}",
            String::from_utf8_lossy(&encoded)
        )),
    };
    Ok(RoundTrip { encoded, stable })
}

macro_rules! codecs {
    ($($name:ident,)*) => {
        /// Every ecr-types TypeDef's codec, in the order of [`ecr_types::type_defs`].
        pub static CODECS: &[Codec] = &[
            $(Codec::of::<ecr_types::$name>(),)*
        ];
    };
}

codecs! {
    AttributeTypeDef,
    AuthorizationDataTypeDef,
    AwsEcrContainerImageDetailsTypeDef,
    BatchCheckLayerAvailabilityRequestRequestTypeDef,
    BatchCheckLayerAvailabilityResponseTypeDef,
    BatchDeleteImageRequestRequestTypeDef,
    BatchDeleteImageResponseTypeDef,
    BatchGetImageRequestRequestTypeDef,
    BatchGetImageResponseTypeDef,
    BatchGetRepositoryScanningConfigurationRequestRequestTypeDef,
    BatchGetRepositoryScanningConfigurationResponseTypeDef,
    CompleteLayerUploadRequestRequestTypeDef,
    CompleteLayerUploadResponseTypeDef,
    CreatePullThroughCacheRuleRequestRequestTypeDef,
    CreatePullThroughCacheRuleResponseTypeDef,
    CreateRepositoryRequestRequestTypeDef,
    CreateRepositoryResponseTypeDef,
    CvssScoreAdjustmentTypeDef,
    CvssScoreDetailsTypeDef,
    CvssScoreTypeDef,
    DeleteLifecyclePolicyRequestRequestTypeDef,
    DeleteLifecyclePolicyResponseTypeDef,
    DeletePullThroughCacheRuleRequestRequestTypeDef,
    DeletePullThroughCacheRuleResponseTypeDef,
    DeleteRegistryPolicyResponseTypeDef,
    DeleteRepositoryPolicyRequestRequestTypeDef,
    DeleteRepositoryPolicyResponseTypeDef,
    DeleteRepositoryRequestRequestTypeDef,
    DeleteRepositoryResponseTypeDef,
    DescribeImageReplicationStatusRequestRequestTypeDef,
    DescribeImageReplicationStatusResponseTypeDef,
    DescribeImageScanFindingsRequestRequestTypeDef,
    DescribeImageScanFindingsResponseTypeDef,
    DescribeImagesFilterTypeDef,
    DescribeImagesRequestRequestTypeDef,
    DescribeImagesResponseTypeDef,
    DescribePullThroughCacheRulesRequestRequestTypeDef,
    DescribePullThroughCacheRulesResponseTypeDef,
    DescribeRegistryResponseTypeDef,
    DescribeRepositoriesRequestRequestTypeDef,
    DescribeRepositoriesResponseTypeDef,
    EncryptionConfigurationTypeDef,
    EnhancedImageScanFindingTypeDef,
    GetAuthorizationTokenRequestRequestTypeDef,
    GetAuthorizationTokenResponseTypeDef,
    GetDownloadUrlForLayerRequestRequestTypeDef,
    GetDownloadUrlForLayerResponseTypeDef,
    GetLifecyclePolicyPreviewRequestRequestTypeDef,
    GetLifecyclePolicyPreviewResponseTypeDef,
    GetLifecyclePolicyRequestRequestTypeDef,
    GetLifecyclePolicyResponseTypeDef,
    GetRegistryPolicyResponseTypeDef,
    GetRegistryScanningConfigurationResponseTypeDef,
    GetRepositoryPolicyRequestRequestTypeDef,
    GetRepositoryPolicyResponseTypeDef,
    ImageDetailTypeDef,
    ImageFailureTypeDef,
    ImageIdentifierTypeDef,
    ImageReplicationStatusTypeDef,
    ImageScanFindingTypeDef,
    ImageScanFindingsSummaryTypeDef,
    ImageScanFindingsTypeDef,
    ImageScanStatusTypeDef,
    ImageScanningConfigurationTypeDef,
    ImageTypeDef,
    InitiateLayerUploadRequestRequestTypeDef,
    InitiateLayerUploadResponseTypeDef,
    LayerFailureTypeDef,
    LayerTypeDef,
    LifecyclePolicyPreviewFilterTypeDef,
    LifecyclePolicyPreviewResultTypeDef,
    LifecyclePolicyPreviewSummaryTypeDef,
    LifecyclePolicyRuleActionTypeDef,
    ListImagesFilterTypeDef,
    ListImagesRequestRequestTypeDef,
    ListImagesResponseTypeDef,
    ListTagsForResourceRequestRequestTypeDef,
    ListTagsForResourceResponseTypeDef,
    PackageVulnerabilityDetailsTypeDef,
    PaginatorConfigTypeDef,
    PullThroughCacheRuleTypeDef,
    PutImageRequestRequestTypeDef,
    PutImageResponseTypeDef,
    PutImageScanningConfigurationRequestRequestTypeDef,
    PutImageScanningConfigurationResponseTypeDef,
    PutImageTagMutabilityRequestRequestTypeDef,
    PutImageTagMutabilityResponseTypeDef,
    PutLifecyclePolicyRequestRequestTypeDef,
    PutLifecyclePolicyResponseTypeDef,
    PutRegistryPolicyRequestRequestTypeDef,
    PutRegistryPolicyResponseTypeDef,
    PutRegistryScanningConfigurationRequestRequestTypeDef,
    PutRegistryScanningConfigurationResponseTypeDef,
    PutReplicationConfigurationRequestRequestTypeDef,
    PutReplicationConfigurationResponseTypeDef,
    RecommendationTypeDef,
    RegistryScanningConfigurationTypeDef,
    RegistryScanningRuleTypeDef,
    RemediationTypeDef,
    ReplicationConfigurationTypeDef,
    ReplicationDestinationTypeDef,
    ReplicationRuleTypeDef,
    RepositoryFilterTypeDef,
    RepositoryScanningConfigurationFailureTypeDef,
    RepositoryScanningConfigurationTypeDef,
    RepositoryTypeDef,
    ResourceDetailsTypeDef,
    ResourceTypeDef,
    ResponseMetadataTypeDef,
    ScanningRepositoryFilterTypeDef,
    ScoreDetailsTypeDef,
    SetRepositoryPolicyRequestRequestTypeDef,
    SetRepositoryPolicyResponseTypeDef,
    StartImageScanRequestRequestTypeDef,
    StartImageScanResponseTypeDef,
    StartLifecyclePolicyPreviewRequestRequestTypeDef,
    StartLifecyclePolicyPreviewResponseTypeDef,
    TagResourceRequestRequestTypeDef,
    TagTypeDef,
    UntagResourceRequestRequestTypeDef,
    UploadLayerPartRequestRequestTypeDef,
    UploadLayerPartResponseTypeDef,
    VulnerablePackageTypeDef,
    WaiterConfigTypeDef,
}

/// The codec of the ecr-types TypeDef called `name`.
pub fn codec(name: &str) -> Option<&'static Codec> {
    CODECS.iter().find(|codec| codec.name() == name)
}

/// The codec of the TypeDef whose schema is `schema` (by identity).
pub fn codec_of(schema: &'static TypedDictSchema) -> Option<&'static Codec> {
    CODECS
        .iter()
        .find(|codec| std::ptr::eq(codec.schema(), schema))
}
