//! Amazon S3: objects, tags and canned ACLs.

use td::{typed_dict, Blob, Dict, List, Sequence, Timestamp};

/// A canned ACL: PascalCase variants, kebab-case on the wire (`public-read`).
#[typed_dict(crate = "td", rename_all = "kebab-case")]
pub enum ObjectCannedAcl {
    Private,
    PublicRead,
    PublicReadWrite,
    AuthenticatedRead,
    AwsExecRead,
    BucketOwnerRead,
    BucketOwnerFullControl,
}

/// Storage classes, in SCREAMING_SNAKE_CASE.
#[typed_dict(crate = "td", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum StorageClass {
    Standard,
    ReducedRedundancy,
    StandardIa,
    OnezoneIa,
    IntelligentTiering,
    Glacier,
    DeepArchive,
    GlacierIr,
}

/// A tag.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct Tag {
    pub key: String,
    pub value: String,
}

/// A tag set.
#[typed_dict(crate = "td", rename_all = "PascalCase", output = TaggingOutput)]
pub struct Tagging {
    pub tag_set: Sequence<Tag>,
}

/// An object's owner: `ID` is an exception to PascalCase.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct Owner {
    pub display_name: Option<String>,
    #[typed_dict(key = "ID")]
    pub id: Option<String>,
}

/// `PutObject` input.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct PutObjectRequest {
    pub bucket: String,
    pub key: String,
    pub body: Option<Blob>,
    #[typed_dict(key = "ACL")]
    pub acl: Option<ObjectCannedAcl>,
    pub content_type: Option<String>,
    pub storage_class: Option<StorageClass>,
    pub metadata: Option<Dict<String, String>>,
    pub expires: Option<Timestamp>,
}

/// An object in a listing.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct Object {
    pub key: Option<String>,
    pub last_modified: Option<Timestamp>,
    pub e_tag: Option<String>,
    pub size: Option<i64>,
    pub storage_class: Option<StorageClass>,
    pub owner: Option<Owner>,
}

/// `ListObjectsV2` output.
#[typed_dict(crate = "td", rename_all = "PascalCase")]
pub struct ListObjectsV2Output {
    pub is_truncated: Option<bool>,
    pub contents: Option<List<Object>>,
    pub name: Option<String>,
    pub prefix: Option<String>,
    pub key_count: Option<i64>,
    pub continuation_token: Option<String>,
    pub next_continuation_token: Option<String>,
}
