//! Inheritance against flat declarations (issue 20): workload 1's image details declared
//! once with every key flat, once through two bases (`#[typed_dict(flatten)]`), decoded
//! from the same bytes. The bases' keys are read in the one pass over the object, so the
//! two should decode at nearly the same speed (the target: two bases ≥ 0.9x flat).

use ecr_types::{ImageScanFindingsSummaryTypeDef, ImageScanStatusTypeDef};
use typed_dict::{typed_dict, List, Timestamp};

/// `ImageDetailTypeDef`'s keys, flat.
#[typed_dict]
#[derive(Debug)]
pub struct FlatImageDetail {
    pub registry_id: Option<String>,
    pub repository_name: Option<String>,
    pub image_digest: Option<String>,
    pub image_tags: Option<List<String>>,
    pub image_size_in_bytes: Option<i64>,
    pub image_pushed_at: Option<Timestamp>,
    pub image_scan_status: Option<ImageScanStatusTypeDef>,
    pub image_scan_findings_summary: Option<ImageScanFindingsSummaryTypeDef>,
    pub image_manifest_media_type: Option<String>,
    pub artifact_media_type: Option<String>,
}

/// The first base: where the image is.
#[typed_dict]
#[derive(Debug)]
pub struct ImageLocation {
    pub registry_id: Option<String>,
    pub repository_name: Option<String>,
    pub image_digest: Option<String>,
    pub image_tags: Option<List<String>>,
}

/// The second base: what was pushed.
#[typed_dict]
#[derive(Debug)]
pub struct ImagePush {
    pub image_size_in_bytes: Option<i64>,
    pub image_pushed_at: Option<Timestamp>,
}

/// `ImageDetailTypeDef`'s keys, through two bases.
#[typed_dict]
#[derive(Debug)]
pub struct InheritedImageDetail {
    #[typed_dict(flatten)]
    pub location: ImageLocation,
    #[typed_dict(flatten)]
    pub push: ImagePush,
    pub image_scan_status: Option<ImageScanStatusTypeDef>,
    pub image_scan_findings_summary: Option<ImageScanFindingsSummaryTypeDef>,
    pub image_manifest_media_type: Option<String>,
    pub artifact_media_type: Option<String>,
}

/// Workload 1's response with flat image details.
#[typed_dict]
#[derive(Debug)]
pub struct FlatDescribeImages {
    pub image_details: List<FlatImageDetail>,
    pub next_token: Option<String>,
}

/// Workload 1's response with image details through two bases.
#[typed_dict]
#[derive(Debug)]
pub struct InheritedDescribeImages {
    pub image_details: List<InheritedImageDetail>,
    pub next_token: Option<String>,
}

/// Workload 1 decoded with flat image details.
pub fn flat(json: &[u8]) -> FlatDescribeImages {
    typed_dict::from_slice(json).expect("workload 1 is valid")
}

/// Workload 1 decoded with image details through two bases.
pub fn inherited(json: &[u8]) -> InheritedDescribeImages {
    typed_dict::from_slice(json).expect("workload 1 is valid")
}
