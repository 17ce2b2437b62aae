//! The crate as a user writes with it: requests built with the constructors and setters,
//! responses decoded from what the service sends (wire mode), values carried from one call
//! into the next, literals matched on, timestamps read as datetimes.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ecr_types::*;
use serde_json::json;
use typed_dict::{decode, Blob, DecodeOptions, ErrorKind, Sequence, Timestamp};

const ACCOUNT: &str = "123456789012";
const REPO: &str = "project-a/web-app";
const KMS_KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const CURRENT: &str = "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6";
const PREVIOUS: &str = "sha256:4f2476db10cf0a4604562ce781aef01e697f60f90578f1ebc9e46bd215e68ee8";
const UNTAGGED: &str = "sha256:82f17b09e721a2944271db2c1c3d1e58445cd76b8b54c1e46c932caa44fb7970";
const UPLOAD_ID: &str = "b1f0d3c4-6a7e-4c2b-9f8d-3e5a1c7b9d20";

/// The JSON a request encodes to, as a value (key order aside).
fn encoded<T: typed_dict::TypedDict>(request: &T) -> serde_json::Value {
    serde_json::from_str(&typed_dict::to_string(request).unwrap()).unwrap()
}

/// A request decodes back (strictly) to what was built.
fn assert_reads_back<T: typed_dict::TypedDict + PartialEq + std::fmt::Debug>(request: &T) {
    let text = typed_dict::to_string(request).unwrap();
    assert_eq!(&typed_dict::from_str::<T>(&text).unwrap(), request);
}

// --- Building requests ---------------------------------------------------------------------

#[test]
fn create_repository_with_tags_scanning_and_encryption() {
    // Setters in any order: the encoding follows the declaration.
    let request =
        CreateRepositoryRequestRequestTypeDef::new(CreateRepositoryRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
        })
        .with_encryption_configuration(
            EncryptionConfigurationTypeDef::new(EncryptionConfigurationTypeDefRequired {
                encryption_type: EncryptionTypeType::Kms,
            })
            .with_kms_key(KMS_KEY),
        )
        .with_image_scanning_configuration(
            ImageScanningConfigurationTypeDef::new().with_scan_on_push(true),
        )
        .with_tags([
            TagTypeDef::new().with_key("team").with_value("payments"),
            TagTypeDef::new()
                .with_key("environment")
                .with_value("production"),
        ])
        .with_image_tag_mutability(ImageTagMutabilityType::Immutable)
        .with_registry_id(ACCOUNT);

    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        concat!(
            r#"{"repositoryName":"project-a/web-app","registryId":"123456789012","#,
            r#""tags":[{"Key":"team","Value":"payments"},{"Key":"environment","Value":"production"}],"#,
            r#""imageTagMutability":"IMMUTABLE","imageScanningConfiguration":{"scanOnPush":true},"#,
            r#""encryptionConfiguration":{"encryptionType":"KMS","kmsKey":"arn:aws:kms:us-east-1:"#,
            r#"123456789012:key/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"}}"#,
        )
    );
    assert_reads_back(&request);

    // The fields stay plain data: read them back like any struct.
    assert_eq!(request.tags.as_ref().map(|tags| tags.len()), Some(2));
    assert_eq!(
        request.tags.as_ref().unwrap()[0].key.as_deref(),
        Some("team")
    );

    // Tags from any iterator, e.g. a map the caller already has.
    let labels = BTreeMap::from([("cost-center", "cc-4711"), ("team", "payments")]);
    let tags: Sequence<TagTypeDef> = labels
        .iter()
        .map(|(key, value)| TagTypeDef::new().with_key(*key).with_value(*value))
        .collect();
    let request = TagResourceRequestRequestTypeDef::new(TagResourceRequestRequestTypeDefRequired {
        resource_arn: format!("arn:aws:ecr:us-east-1:{ACCOUNT}:repository/{REPO}"),
        tags,
    });
    assert_eq!(
        encoded(&request),
        json!({
            "resourceArn": "arn:aws:ecr:us-east-1:123456789012:repository/project-a/web-app",
            "tags": [
                {"Key": "cost-center", "Value": "cc-4711"},
                {"Key": "team", "Value": "payments"}
            ]
        })
    );
}

#[test]
fn batch_delete_image_by_digest_and_by_tag() {
    let request =
        BatchDeleteImageRequestRequestTypeDef::new(BatchDeleteImageRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            image_ids: [
                ImageIdentifierTypeDef::new().with_image_digest(UNTAGGED),
                ImageIdentifierTypeDef::new().with_image_tag("v1.3.0"),
            ]
            .into(),
        })
        .with_registry_id(ACCOUNT);
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        format!(
            r#"{{"repositoryName":"{REPO}","imageIds":[{{"imageDigest":"{UNTAGGED}"}},{{"imageTag":"v1.3.0"}}],"registryId":"{ACCOUNT}"}}"#
        )
    );
    assert_reads_back(&request);
    // Without Required keys, `new()` and `Default` are the same empty dict.
    assert_eq!(
        ImageIdentifierTypeDef::new(),
        ImageIdentifierTypeDef::default()
    );
    assert_eq!(
        typed_dict::to_string(&ImageIdentifierTypeDef::default()).unwrap(),
        "{}"
    );
}

#[test]
fn put_lifecycle_policy_with_the_policy_as_json_text() {
    let policy = json!({
        "rules": [{
            "rulePriority": 1,
            "description": "Expire untagged images older than 14 days",
            "selection": {
                "tagStatus": "untagged",
                "countType": "sinceImagePushed",
                "countUnit": "days",
                "countNumber": 14
            },
            "action": {"type": "expire"}
        }]
    });
    let request = PutLifecyclePolicyRequestRequestTypeDef::new(
        PutLifecyclePolicyRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            lifecycle_policy_text: policy.to_string(),
        },
    );
    let json = encoded(&request);
    assert_eq!(
        json,
        json!({"repositoryName": REPO, "lifecyclePolicyText": policy.to_string()})
    );
    // The policy travels as a string; the service parses it, and so can the caller.
    let text = json["lifecyclePolicyText"].as_str().unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(text).unwrap(),
        policy
    );
    assert_reads_back(&request);
}

#[test]
fn start_image_scan_and_match_on_its_status() {
    let request =
        StartImageScanRequestRequestTypeDef::new(StartImageScanRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            image_id: ImageIdentifierTypeDef::new().with_image_digest(CURRENT),
        });
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        format!(r#"{{"repositoryName":"{REPO}","imageId":{{"imageDigest":"{CURRENT}"}}}}"#)
    );

    // What the service answers (no ResponseMetadata: wire mode).
    let answer = format!(
        r#"{{"registryId": "{ACCOUNT}", "repositoryName": "{REPO}",
            "imageId": {{"imageDigest": "{CURRENT}", "imageTag": "v1.4.2"}},
            "imageScanStatus": {{"status": "IN_PROGRESS"}}}}"#
    );
    let response: StartImageScanResponseTypeDef =
        decode(answer.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(response.response_metadata.is_none());
    assert_eq!(response.image_id.image_tag.as_deref(), Some("v1.4.2"));

    // Every value of the literal, without a wildcard: a status added to the declaration
    // would not compile. A status the service added since is `Unknown`, kept as sent.
    let next_step = |status: Option<ScanStatusType>| match status {
        Some(ScanStatusType::Pending | ScanStatusType::InProgress) => "wait",
        Some(ScanStatusType::Complete | ScanStatusType::Active) => "read findings",
        Some(ScanStatusType::Failed | ScanStatusType::UnsupportedImage) => "give up",
        Some(ScanStatusType::FindingsUnavailable | ScanStatusType::ScanEligibilityExpired) => {
            "rescan"
        }
        Some(ScanStatusType::Unknown(_)) | None => "unknown",
    };
    assert_eq!(next_step(response.image_scan_status.status), "wait");
    assert_eq!(next_step(Some("ACTIVE".parse().unwrap())), "read findings");
    assert_eq!(ScanStatusType::InProgress.as_str(), "IN_PROGRESS");
    assert_eq!(ScanStatusType::InProgress.to_string(), "IN_PROGRESS");
    assert_eq!(<ScanStatusType as typed_dict::Literal>::ALL.len(), 8);
    let error = "in_progress".parse::<ScanStatusType>().unwrap_err();
    assert!(error.to_string().contains("'IN_PROGRESS'"), "{error}");
}

#[test]
fn upload_layer_part_with_a_blob_from_bytes() {
    // The first bytes of a gzipped layer tarball.
    let chunk: &[u8] = &[
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xec, 0xbd, 0x7b, 0x7c, 0xd4,
        0xd5, 0xb5, 0x37, 0x7e, 0x9e, 0x99, 0xc9, 0x64, 0x92, 0x4c, 0x08,
    ];
    let request =
        UploadLayerPartRequestRequestTypeDef::new(UploadLayerPartRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            upload_id: UPLOAD_ID.into(),
            part_first_byte: 0,
            part_last_byte: chunk.len() as i64 - 1,
            layer_part_blob: Blob::from(chunk),
        })
        .with_registry_id(ACCOUNT);
    assert_eq!(
        encoded(&request),
        json!({
            "repositoryName": REPO,
            "uploadId": UPLOAD_ID,
            "partFirstByte": 0,
            "partLastByte": 25,
            "layerPartBlob": "H4sIAAAAAAAAA+y9e3zU1bU3fp6ZyWSSTAg=",
            "registryId": ACCOUNT
        })
    );
    // The same blob read from a stream, and the bytes back out of the JSON.
    assert_eq!(
        Blob::from_reader(std::io::Cursor::new(chunk.to_vec())).unwrap(),
        request.layer_part_blob
    );
    let again: UploadLayerPartRequestRequestTypeDef =
        typed_dict::from_str(&typed_dict::to_string(&request).unwrap()).unwrap();
    assert_eq!(again.layer_part_blob.as_bytes(), chunk);

    // The next part starts where the service says the last one ended.
    let answer = format!(
        r#"{{"registryId": "{ACCOUNT}", "repositoryName": "{REPO}", "uploadId": "{UPLOAD_ID}", "lastByteReceived": 25}}"#
    );
    let response: UploadLayerPartResponseTypeDef =
        decode(answer.as_bytes(), DecodeOptions::wire()).unwrap();
    assert_eq!(response.last_byte_received + 1, chunk.len() as i64);
}

#[test]
fn put_replication_configuration() {
    let rule = ReplicationRuleTypeDef::new(ReplicationRuleTypeDefRequired {
        destinations: vec![
            ReplicationDestinationTypeDef::new(ReplicationDestinationTypeDefRequired {
                region: "us-west-2".into(),
                registry_id: ACCOUNT.into(),
            }),
            ReplicationDestinationTypeDef::new(ReplicationDestinationTypeDefRequired {
                region: "eu-west-1".into(),
                registry_id: "210987654321".into(),
            }),
        ],
    })
    .with_repository_filters([RepositoryFilterTypeDef::new(
        RepositoryFilterTypeDefRequired {
            filter: "project-a/".into(),
            filter_type: RepositoryFilterTypeType::PrefixMatch,
        },
    )]);
    let request = PutReplicationConfigurationRequestRequestTypeDef::new(
        PutReplicationConfigurationRequestRequestTypeDefRequired {
            replication_configuration: ReplicationConfigurationTypeDef::new(
                ReplicationConfigurationTypeDefRequired { rules: vec![rule] },
            ),
        },
    );
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        concat!(
            r#"{"replicationConfiguration":{"rules":[{"destinations":["#,
            r#"{"region":"us-west-2","registryId":"123456789012"},"#,
            r#"{"region":"eu-west-1","registryId":"210987654321"}],"#,
            r#""repositoryFilters":[{"filter":"project-a/","filterType":"PREFIX_MATCH"}]}]}}"#
        )
    );
    assert_reads_back(&request);

    // The configuration DescribeRegistry returns is the very type the request takes.
    let answer = br#"{"registryId": "123456789012", "replicationConfiguration": {"rules": [
        {"destinations": [{"region": "us-west-2", "registryId": "123456789012"},
                          {"region": "eu-west-1", "registryId": "210987654321"}],
         "repositoryFilters": [{"filter": "project-a/", "filterType": "PREFIX_MATCH"}]}]}}"#;
    let registry: DescribeRegistryResponseTypeDef = decode(answer, DecodeOptions::wire()).unwrap();
    let same = PutReplicationConfigurationRequestRequestTypeDef::new(
        PutReplicationConfigurationRequestRequestTypeDefRequired {
            replication_configuration: registry.replication_configuration,
        },
    );
    assert_eq!(same, request);
}

// --- From one call into the next -----------------------------------------------------------

/// The last page of `ListImages`, as the service sends it: no `nextToken`.
const LIST_IMAGES: &str = r#"{
  "imageIds": [
    {"imageDigest": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6", "imageTag": "v1.4.2"},
    {"imageDigest": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6", "imageTag": "latest"},
    {"imageDigest": "sha256:4f2476db10cf0a4604562ce781aef01e697f60f90578f1ebc9e46bd215e68ee8", "imageTag": "v1.3.0"},
    {"imageDigest": "sha256:82f17b09e721a2944271db2c1c3d1e58445cd76b8b54c1e46c932caa44fb7970"}
  ]
}"#;

#[test]
fn list_images_feeds_batch_get_image() {
    let page: ListImagesResponseTypeDef =
        decode(LIST_IMAGES.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(page.next_token.is_none(), "the last page has no nextToken");
    assert_eq!(page.image_ids.len(), 4);

    // The output `List` becomes the input `Sequence`, moved, not copied.
    let image_ids = page.image_ids;
    let buffer = image_ids.as_ptr();
    let request =
        BatchGetImageRequestRequestTypeDef::new(BatchGetImageRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            image_ids: image_ids.into(),
        })
        .with_accepted_media_types([
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
        ]);
    assert_eq!(request.image_ids.as_ptr(), buffer);

    let json = encoded(&request);
    let sent: serde_json::Value = serde_json::from_str(LIST_IMAGES).unwrap();
    assert_eq!(json["imageIds"], sent["imageIds"]);
    assert_eq!(json["repositoryName"], REPO);
    assert_eq!(json["acceptedMediaTypes"].as_array().unwrap().len(), 2);
    assert_reads_back(&request);

    // The request is read-only input: the caller may still look at it.
    let tags: Vec<&str> = request
        .image_ids
        .iter()
        .filter_map(|id| id.image_tag.as_deref())
        .collect();
    assert_eq!(tags, ["v1.4.2", "latest", "v1.3.0"]);
}

#[test]
fn paginating_list_images_passes_the_token_on() {
    let first_page = br#"{"imageIds": [{"imageDigest": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6", "imageTag": "latest"}],
        "nextToken": "eyJlbmNyeXB0ZWREYXRhIjpbNzcsMywxOSw4OF0sInZlcnNpb24iOjF9"}"#;
    let page: ListImagesResponseTypeDef = decode(first_page, DecodeOptions::wire()).unwrap();
    let mut request =
        ListImagesRequestRequestTypeDef::new(ListImagesRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
        })
        .with_max_results(1)
        .with_filter(ListImagesFilterTypeDef::new().with_tag_status(TagStatusType::Tagged));
    if let Some(token) = page.next_token {
        request = request.with_next_token(token);
    }
    assert_eq!(
        typed_dict::to_string(&request).unwrap(),
        format!(
            r#"{{"repositoryName":"{REPO}","nextToken":"eyJlbmNyeXB0ZWREYXRhIjpbNzcsMywxOSw4OF0sInZlcnNpb24iOjF9","maxResults":1,"filter":{{"tagStatus":"TAGGED"}}}}"#
        )
    );
}

/// The last page of `DescribeImages`, as the service sends it: no `nextToken`, timestamps in
/// the exponent notation of the AWS JSON protocol.
const DESCRIBE_IMAGES: &str = r#"{
  "imageDetails": [
    {
      "registryId": "123456789012",
      "repositoryName": "project-a/web-app",
      "imageDigest": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6",
      "imageTags": ["v1.4.2", "latest"],
      "imageSizeInBytes": 28753125,
      "imagePushedAt": 1.650000000123E9,
      "imageScanStatus": {"status": "COMPLETE", "description": "The scan was completed successfully."},
      "imageScanFindingsSummary": {
        "imageScanCompletedAt": 1.650000042457E9,
        "vulnerabilitySourceUpdatedAt": 1.6499900005E9,
        "findingSeverityCounts": {"MEDIUM": 7, "CRITICAL": 1, "LOW": 12, "HIGH": 3}
      },
      "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
      "artifactMediaType": "application/vnd.docker.container.image.v1+json"
    },
    {
      "registryId": "123456789012",
      "repositoryName": "project-a/web-app",
      "imageDigest": "sha256:4f2476db10cf0a4604562ce781aef01e697f60f90578f1ebc9e46bd215e68ee8",
      "imageTags": ["v1.3.0"],
      "imageSizeInBytes": 28701964,
      "imagePushedAt": 1.647400000871E9,
      "imageScanStatus": {"status": "FAILED", "description": "UnsupportedImageError: The operating system and/or package manager are not supported."},
      "imageManifestMediaType": "application/vnd.oci.image.manifest.v1+json",
      "artifactMediaType": "application/vnd.oci.image.config.v1+json"
    },
    {
      "registryId": "123456789012",
      "repositoryName": "project-a/web-app",
      "imageDigest": "sha256:82f17b09e721a2944271db2c1c3d1e58445cd76b8b54c1e46c932caa44fb7970",
      "imageSizeInBytes": 28699810,
      "imagePushedAt": 1.646000000004E9,
      "imageScanStatus": {"status": "SCAN_ELIGIBILITY_EXPIRED", "description": "The image is no longer eligible for continuous scanning."},
      "imageManifestMediaType": "application/vnd.docker.distribution.manifest.v2+json",
      "artifactMediaType": "application/vnd.docker.container.image.v1+json"
    }
  ]
}"#;

#[test]
fn describe_images_feeds_batch_delete_image() {
    // Strict mode holds the service's JSON to the stubs' contract and says what it lacks.
    let strict = decode::<DescribeImagesResponseTypeDef>(
        DESCRIBE_IMAGES.as_bytes(),
        DecodeOptions::strict(),
    )
    .unwrap_err();
    let missing: Vec<(ErrorKind, &str)> = strict
        .errors()
        .iter()
        .map(|error| (error.kind, error.message.as_str()))
        .collect();
    assert_eq!(missing.len(), 2, "{strict}");
    assert!(missing
        .iter()
        .all(|(kind, _)| *kind == ErrorKind::MissingKey));
    assert!(missing
        .iter()
        .any(|(_, message)| message.contains("nextToken")));
    assert!(missing
        .iter()
        .any(|(_, message)| message.contains("ResponseMetadata")));

    let page: DescribeImagesResponseTypeDef =
        decode(DESCRIBE_IMAGES.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(page.next_token.is_none() && page.response_metadata.is_none());

    // Untagged images pushed before the cutoff go.
    let cutoff = UNIX_EPOCH + Duration::from_secs(1_649_000_000);
    let stale: Vec<ImageIdentifierTypeDef> = page
        .image_details
        .iter()
        .filter(|image| image.image_tags.as_ref().is_none_or(Vec::is_empty))
        .filter(|image| {
            image
                .image_pushed_at
                .is_some_and(|at| SystemTime::from(at) < cutoff)
        })
        .filter_map(|image| image.image_digest.clone())
        .map(|digest| ImageIdentifierTypeDef::new().with_image_digest(digest))
        .collect();
    let request =
        BatchDeleteImageRequestRequestTypeDef::new(BatchDeleteImageRequestRequestTypeDefRequired {
            repository_name: page.image_details[0].repository_name.clone().unwrap(),
            image_ids: stale.into(),
        })
        .with_registry_id(page.image_details[0].registry_id.clone().unwrap());
    assert_eq!(
        encoded(&request),
        json!({
            "repositoryName": REPO,
            "imageIds": [{"imageDigest": UNTAGGED}],
            "registryId": ACCOUNT
        })
    );

    // The details' image ids, whole: a `List` built from the response, `.into()` the request.
    let everything: Vec<ImageIdentifierTypeDef> = page
        .image_details
        .into_iter()
        .map(|image| ImageIdentifierTypeDef {
            image_digest: image.image_digest,
            image_tag: None,
        })
        .collect();
    let request =
        BatchGetImageRequestRequestTypeDef::new(BatchGetImageRequestRequestTypeDefRequired {
            repository_name: REPO.into(),
            image_ids: everything.into(),
        });
    let digests: Vec<_> = request
        .image_ids
        .iter()
        .map(|id| id.image_digest.as_deref().unwrap())
        .collect();
    assert_eq!(digests, [CURRENT, PREVIOUS, UNTAGGED]);
}

// --- Literals ------------------------------------------------------------------------------

#[test]
fn scan_status_and_severity_counts_are_literals() {
    let page: DescribeImagesResponseTypeDef =
        decode(DESCRIBE_IMAGES.as_bytes(), DecodeOptions::wire()).unwrap();
    let statuses: Vec<ScanStatusType> = page
        .image_details
        .iter()
        .filter_map(|image| image.image_scan_status.as_ref()?.status.clone())
        .collect();
    assert_eq!(
        statuses,
        [
            ScanStatusType::Complete,
            ScanStatusType::Failed,
            ScanStatusType::ScanEligibilityExpired
        ]
    );
    let mut rescans = 0;
    for status in &statuses {
        match status {
            ScanStatusType::Complete | ScanStatusType::Active => {}
            ScanStatusType::ScanEligibilityExpired | ScanStatusType::FindingsUnavailable => {
                rescans += 1
            }
            other => assert_eq!(other.as_str(), "FAILED"),
        }
    }
    assert_eq!(rescans, 1);

    // Severity counts are a Dict keyed by the literal; entries keep the order the service
    // sent them in, through decoding and encoding, as a Python dict does.
    let summary = page.image_details[0]
        .image_scan_findings_summary
        .as_ref()
        .unwrap();
    let counts = summary.finding_severity_counts.as_ref().unwrap();
    assert_eq!(counts.get(&FindingSeverityType::Critical), Some(&1));
    assert_eq!(counts.get(&FindingSeverityType::Informational), None);
    let blocking: i64 = counts
        .iter()
        .map(|(severity, count)| match severity {
            FindingSeverityType::Critical | FindingSeverityType::High => *count,
            FindingSeverityType::Medium
            | FindingSeverityType::Low
            | FindingSeverityType::Informational
            | FindingSeverityType::Undefined => 0,
            // A severity the service added since the release: not blocking until reviewed.
            FindingSeverityType::Unknown(_) => 0,
        })
        .sum();
    assert_eq!(blocking, 4);
    let order: Vec<&str> = counts.keys().map(|severity| severity.as_str()).collect();
    assert_eq!(order, ["MEDIUM", "CRITICAL", "LOW", "HIGH"]);
    assert_eq!(
        typed_dict::to_string(summary).unwrap(),
        r#"{"imageScanCompletedAt":1650000042.457,"vulnerabilitySourceUpdatedAt":1649990000.5,"findingSeverityCounts":{"MEDIUM":7,"CRITICAL":1,"LOW":12,"HIGH":3}}"#
    );

    // A Dict built by the caller, from literal keys.
    let threshold: typed_dict::Dict<FindingSeverityType, i64> = [
        (FindingSeverityType::Critical, 0),
        (FindingSeverityType::High, 5),
    ]
    .into();
    let over: Vec<FindingSeverityType> = threshold
        .iter()
        .filter(|(severity, limit)| counts.get(severity).is_some_and(|count| count > limit))
        .map(|(severity, _)| severity.clone())
        .collect();
    assert_eq!(over, [FindingSeverityType::Critical]);
}

#[test]
fn an_unknown_literal_is_reported_with_its_path() {
    let json = br#"{"imageDetails": [
        {"imageDigest": "sha256:cb86", "imageScanStatus": {"status": "COMPLETED"}},
        {"imageDigest": "sha256:4f24", "imagePushedAt": "last tuesday",
         "imageScanFindingsSummary": {"findingSeverityCounts": {"SEVERE": 1}}}
    ]}"#;
    let paths = |errors: &[typed_dict::ValidationError]| -> Vec<(ErrorKind, String)> {
        errors.iter().map(|e| (e.kind, e.path.clone())).collect()
    };
    // Strict mode: the release's contract, every problem at its path.
    let error = decode::<DescribeImagesResponseTypeDef>(json, DecodeOptions::strict()).unwrap_err();
    let literal_and_timestamp: Vec<_> = paths(error.errors())
        .into_iter()
        .filter(|(kind, _)| *kind != ErrorKind::MissingKey)
        .collect();
    assert_eq!(
        literal_and_timestamp,
        [
            (
                ErrorKind::InvalidLiteral,
                "$.imageDetails[0].imageScanStatus.status".to_owned()
            ),
            (
                ErrorKind::InvalidTimestamp,
                "$.imageDetails[1].imagePushedAt".to_owned()
            ),
            (
                ErrorKind::InvalidLiteral,
                "$.imageDetails[1].imageScanFindingsSummary.findingSeverityCounts.SEVERE"
                    .to_owned()
            ),
        ],
        "{error}"
    );
    assert!(error.errors()[0].message.contains("COMPLETED"), "{error}");

    // Wire mode: the literals are open, so the values are kept (warnings); the timestamp
    // is still an error.
    let error = decode::<DescribeImagesResponseTypeDef>(json, DecodeOptions::wire()).unwrap_err();
    assert_eq!(
        paths(error.errors()),
        [(
            ErrorKind::InvalidTimestamp,
            "$.imageDetails[1].imagePushedAt".to_owned()
        )]
    );
    let report = typed_dict::validate_schema(
        json,
        <DescribeImagesResponseTypeDef as typed_dict::TypedDict>::schema(),
        DecodeOptions::wire(),
    );
    assert_eq!(
        paths(&report.warnings),
        [
            (
                ErrorKind::UnknownLiteral,
                "$.imageDetails[0].imageScanStatus.status".to_owned()
            ),
            (
                ErrorKind::UnknownLiteral,
                "$.imageDetails[1].imageScanFindingsSummary.findingSeverityCounts.SEVERE"
                    .to_owned()
            ),
        ]
    );
}

// --- Scan findings -------------------------------------------------------------------------

/// An enhanced (Amazon Inspector) scan's findings, as the service sends them.
const ENHANCED_FINDINGS: &str = r#"{
  "registryId": "123456789012",
  "repositoryName": "project-a/web-app",
  "imageId": {"imageDigest": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6", "imageTag": "v1.4.2"},
  "imageScanStatus": {"status": "ACTIVE", "description": "Continuous scan is selected for image."},
  "imageScanFindings": {
    "imageScanCompletedAt": 1.650000061204E9,
    "vulnerabilitySourceUpdatedAt": 1.650000123789E9,
    "findingSeverityCounts": {"CRITICAL": 1, "HIGH": 1},
    "enhancedFindings": [
      {
        "awsAccountId": "123456789012",
        "description": "BusyBox through 1.35.0 allows remote attackers to execute arbitrary code if netstat is used to print a DNS PTR record's value to a VT compatible terminal.",
        "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/0b6e7d6e2f1c4a9c8d3f5e7a9b1c3d5e",
        "firstObservedAt": 1.650000061204E9,
        "lastObservedAt": 1.650000123789E9,
        "packageVulnerabilityDetails": {
          "cvss": [
            {"baseScore": 9.8, "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "source": "NVD", "version": "3.1"},
            {"baseScore": 7.5, "scoringVector": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "source": "NVD", "version": "2.0"}
          ],
          "referenceUrls": ["https://nvd.nist.gov/vuln/detail/CVE-2022-28391"],
          "relatedVulnerabilities": [],
          "source": "NVD",
          "sourceUrl": "https://nvd.nist.gov/vuln/detail/CVE-2022-28391",
          "vendorCreatedAt": 1.648771200364E9,
          "vendorSeverity": "CRITICAL",
          "vendorUpdatedAt": 1.6497216005E9,
          "vulnerabilityId": "CVE-2022-28391",
          "vulnerablePackages": [
            {"arch": "x86_64", "epoch": 0, "name": "busybox", "packageManager": "OS", "release": "r0",
             "sourceLayerHash": "sha256:ff5eba71a8188ea1e1d463b58f6ad20fb3736ae6e2fe50bc84a5a2c672c95e35", "version": "1.34.1"}
          ]
        },
        "remediation": {"recommendation": {"text": "Upgrade busybox to 1.34.1-r5 or later."}},
        "resources": [
          {
            "details": {"awsEcrContainerImage": {
              "architecture": "amd64",
              "imageHash": "sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6",
              "imageTags": ["v1.4.2", "latest"],
              "platform": "ALPINE_LINUX_3_15",
              "pushedAt": 1.650000000123E9,
              "registry": "123456789012",
              "repositoryName": "project-a/web-app"
            }},
            "id": "arn:aws:ecr:us-east-1:123456789012:repository/project-a/web-app/sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6",
            "type": "AWS_ECR_CONTAINER_IMAGE"
          }
        ],
        "score": 9.8,
        "scoreDetails": {"cvss": {"adjustments": [], "score": 9.8, "scoreSource": "NVD",
          "scoringVector": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "version": "3.1"}},
        "severity": "CRITICAL",
        "status": "ACTIVE",
        "title": "CVE-2022-28391 - busybox",
        "type": "PACKAGE_VULNERABILITY",
        "updatedAt": 1.650000123789E9
      },
      {
        "awsAccountId": "123456789012",
        "findingArn": "arn:aws:inspector2:us-east-1:123456789012:finding/6f1d0c2b9a8e4d7c6b5a4f3e2d1c0b9a",
        "firstObservedAt": 1.650000061204E9,
        "lastObservedAt": 1.650000123789E9,
        "packageVulnerabilityDetails": {
          "cvss": [],
          "source": "ALPINE_SECDB",
          "vulnerabilityId": "CVE-2022-29458",
          "vulnerablePackages": [{"name": "ncurses-libs", "packageManager": "OS", "version": "6.3_p20211120"}]
        },
        "remediation": {"recommendation": {"text": "None Provided"}},
        "resources": [{"id": "arn:aws:ecr:us-east-1:123456789012:repository/project-a/web-app/sha256:cb86d2b4fcdb37a4b16a2c693c4d9a229fb439031947e6e8319f573078c515c6", "type": "AWS_ECR_CONTAINER_IMAGE"}],
        "score": 0.0,
        "severity": "UNTRIAGED",
        "status": "ACTIVE",
        "title": "CVE-2022-29458 - ncurses-libs",
        "type": "PACKAGE_VULNERABILITY",
        "updatedAt": 1.650000123789E9
      }
    ]
  }
}"#;

#[test]
fn reading_enhanced_findings() {
    let response: DescribeImageScanFindingsResponseTypeDef =
        decode(ENHANCED_FINDINGS.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(response.next_token.is_none());
    assert_eq!(
        response.image_scan_status.status,
        Some(ScanStatusType::Active)
    );
    let findings = response.image_scan_findings.unwrap();
    assert!(
        findings.findings.is_none(),
        "an enhanced scan has no basic findings"
    );
    let enhanced = findings.enhanced_findings.unwrap();
    assert_eq!(enhanced.len(), 2);

    // The worst CVSS v3 score, the vulnerable package and what to do about it.
    let critical = &enhanced[0];
    let details = critical.package_vulnerability_details.as_ref().unwrap();
    let v3 = details
        .cvss
        .iter()
        .flatten()
        .filter(|cvss| cvss.version.as_deref() == Some("3.1"))
        .filter_map(|cvss| cvss.base_score)
        .fold(f64::NEG_INFINITY, f64::max);
    assert_eq!(v3, 9.8);
    assert_eq!(critical.score, Some(9.8));
    let score = critical
        .score_details
        .as_ref()
        .unwrap()
        .cvss
        .as_ref()
        .unwrap();
    assert_eq!(score.adjustments.as_deref(), Some(&[][..]));
    let package = &details.vulnerable_packages.as_ref().unwrap()[0];
    assert_eq!(
        (
            package.name.as_deref(),
            package.version.as_deref(),
            package.epoch
        ),
        (Some("busybox"), Some("1.34.1"), Some(0))
    );
    let advice = critical
        .remediation
        .as_ref()
        .and_then(|remediation| remediation.recommendation.as_ref())
        .and_then(|recommendation| recommendation.text.as_deref());
    assert_eq!(advice, Some("Upgrade busybox to 1.34.1-r5 or later."));
    let image = critical.resources.as_ref().unwrap()[0]
        .details
        .as_ref()
        .unwrap()
        .aws_ecr_container_image
        .as_ref()
        .unwrap();
    assert_eq!(image.image_hash.as_deref(), Some(CURRENT));
    assert_eq!(image.pushed_at.unwrap().unix_millis(), 1_650_000_000_123);

    // An enhanced finding's severity is a plain string upstream; the basic scan's literal
    // parses the values they share and names the ones it does not know.
    let severities: Vec<Result<FindingSeverityType, String>> = enhanced
        .iter()
        .map(|finding| {
            let severity = finding.severity.as_deref().unwrap();
            severity.parse().map_err(|error: typed_dict::LiteralError| {
                assert_eq!(error.literal(), "FindingSeverityType");
                severity.to_owned()
            })
        })
        .collect();
    assert_eq!(
        severities,
        [
            Ok(FindingSeverityType::Critical),
            Err("UNTRIAGED".to_owned())
        ]
    );

    // Counting by severity into a Dict of the literal.
    let mut by_severity = typed_dict::Dict::<FindingSeverityType, i64>::new();
    for severity in severities.into_iter().flatten() {
        *by_severity.entry(severity).or_default() += 1;
    }
    assert_eq!(by_severity, [(FindingSeverityType::Critical, 1)].into());
    assert_eq!(findings.finding_severity_counts.unwrap().len(), 2);
}

#[test]
fn a_scan_in_progress_has_no_findings_yet() {
    let json = format!(
        r#"{{"registryId": "{ACCOUNT}", "repositoryName": "{REPO}",
            "imageId": {{"imageDigest": "{CURRENT}"}},
            "imageScanStatus": {{"status": "IN_PROGRESS"}},
            "imageScanFindings": null}}"#
    );
    let response: DescribeImageScanFindingsResponseTypeDef =
        decode(json.as_bytes(), DecodeOptions::wire()).unwrap();
    assert!(response.image_scan_findings.is_none());
    assert!(matches!(
        response.image_scan_status.status,
        Some(ScanStatusType::InProgress)
    ));
}

#[test]
fn lifecycle_policy_preview_before_and_after_it_completes() {
    let running = br#"{"registryId": "123456789012", "repositoryName": "project-a/web-app",
        "lifecyclePolicyText": "{\"rules\":[]}", "status": "IN_PROGRESS"}"#;
    let preview: GetLifecyclePolicyPreviewResponseTypeDef =
        decode(running, DecodeOptions::wire()).unwrap();
    assert_eq!(preview.status, LifecyclePolicyPreviewStatusType::InProgress);
    assert!(preview.preview_results.is_none() && preview.summary.is_none());

    let done = br#"{"registryId": "123456789012", "repositoryName": "project-a/web-app",
        "lifecyclePolicyText": "{\"rules\":[]}", "status": "COMPLETE",
        "previewResults": [
          {"imageDigest": "sha256:82f17b09e721a2944271db2c1c3d1e58445cd76b8b54c1e46c932caa44fb7970",
           "imagePushedAt": 1.646000000004E9, "action": {"type": "EXPIRE"}, "appliedRulePriority": 1},
          {"imageTags": ["v1.3.0"],
           "imageDigest": "sha256:4f2476db10cf0a4604562ce781aef01e697f60f90578f1ebc9e46bd215e68ee8",
           "imagePushedAt": 1.647400000871E9, "action": {"type": "EXPIRE"}, "appliedRulePriority": 2}
        ],
        "summary": {"expiringImageTotalCount": 2}}"#;
    let preview: GetLifecyclePolicyPreviewResponseTypeDef =
        decode(done, DecodeOptions::wire()).unwrap();
    let results = preview.preview_results.unwrap();
    let expiring: Vec<&str> = results
        .iter()
        .filter(|result| {
            matches!(
                result
                    .action
                    .as_ref()
                    .and_then(|action| action.r#type.clone()),
                Some(ImageActionTypeType::Expire)
            )
        })
        .filter_map(|result| result.image_digest.as_deref())
        .collect();
    assert_eq!(expiring, [UNTAGGED, PREVIOUS]);
    assert_eq!(
        preview.summary.unwrap().expiring_image_total_count,
        Some(expiring.len() as i64)
    );
}

#[test]
fn authorization_token_decodes_to_docker_credentials() {
    let json = br#"{"authorizationData": [{
        "authorizationToken": "QVdTOmV5SndZWGxzYjJGa0lqb2laWGhoYlhCc1pTSjk=",
        "expiresAt": 1.650043200123E9,
        "proxyEndpoint": "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"}]}"#;
    let response: GetAuthorizationTokenResponseTypeDef =
        decode(json, DecodeOptions::wire()).unwrap();
    let data = &response.authorization_data[0];
    let token = Blob::from_base64(data.authorization_token.as_deref().unwrap()).unwrap();
    let credentials = std::str::from_utf8(token.as_bytes()).unwrap();
    let (user, password) = credentials.split_once(':').unwrap();
    assert_eq!(user, "AWS");
    assert_eq!(password, "eyJwYXlsb2FkIjoiZXhhbXBsZSJ9");
    // Twelve hours after the request.
    let expires = SystemTime::from(data.expires_at.unwrap());
    assert_eq!(
        expires.duration_since(UNIX_EPOCH).unwrap(),
        Duration::from_millis(1_650_043_200_123)
    );
}

// --- Timestamps ----------------------------------------------------------------------------

#[test]
fn timestamps_read_as_datetimes_to_the_millisecond() {
    let page: DescribeImagesResponseTypeDef =
        decode(DESCRIBE_IMAGES.as_bytes(), DecodeOptions::wire()).unwrap();
    let pushed = page.image_details[0].image_pushed_at.unwrap();

    // std::time::SystemTime.
    let system = SystemTime::from(pushed);
    let since_epoch = system.duration_since(UNIX_EPOCH).unwrap();
    assert_eq!(since_epoch, Duration::from_millis(1_650_000_000_123));
    assert_eq!(since_epoch.subsec_millis(), 123);
    assert_eq!(Timestamp::try_from(system).unwrap(), pushed);

    // time::OffsetDateTime (2022-04-15T05:20:00.123Z).
    let at = pushed.to_offset_date_time();
    assert_eq!((at.year(), u8::from(at.month()), at.day()), (2022, 4, 15));
    assert_eq!(
        (at.hour(), at.minute(), at.second(), at.millisecond()),
        (5, 20, 0, 123)
    );
    assert_eq!(at.microsecond(), 123_000);
    assert_eq!(at.offset().whole_seconds(), 0);
    assert_eq!(Timestamp::try_from(at).unwrap(), pushed);

    assert_eq!(pushed.unix_millis(), 1_650_000_000_123);
    assert_eq!(pushed.to_rfc3339(), "2022-04-15T05:20:00.123000Z");

    // The same instant however the service (or a tool) writes it.
    let other_notations = [
        "1650000000.123",
        "1.650000000123e9",
        "\"2022-04-15T05:20:00.123Z\"",
        "\"2022-04-15T07:20:00.123+02:00\"",
    ];
    for notation in other_notations {
        let json = format!(r#"{{"imageDetails": [{{"imagePushedAt": {notation}}}]}}"#);
        let page: DescribeImagesResponseTypeDef =
            decode(json.as_bytes(), DecodeOptions::wire()).unwrap();
        assert_eq!(
            page.image_details[0].image_pushed_at,
            Some(pushed),
            "{notation}"
        );
    }

    // Ordering and arithmetic through SystemTime: the previous release is about 30 days older.
    let previous = page.image_details[1].image_pushed_at.unwrap();
    assert!(previous < pushed);
    let age = SystemTime::from(pushed)
        .duration_since(SystemTime::from(previous))
        .unwrap();
    assert_eq!(age, Duration::from_millis(2_599_999_252));
    assert_eq!(
        previous.to_offset_date_time().millisecond(),
        871,
        "{previous:?}"
    );

    // And written back as epoch seconds with the fraction.
    let detail = ImageDetailTypeDef::new().with_image_pushed_at(pushed);
    assert_eq!(
        typed_dict::to_string(&detail).unwrap(),
        r#"{"imagePushedAt":1650000000.123}"#
    );
}

// --- Responses built by hand, as a caller's own tests stub the service ---------------------

#[test]
fn a_stubbed_response_is_strict_valid() {
    // `wire_optional` keys (`nextToken`, `ResponseMetadata`) are Required in the companion
    // struct, so a hand-built response satisfies the stubs' contract.
    let response = ListImagesResponseTypeDef::new(ListImagesResponseTypeDefRequired {
        image_ids: vec![ImageIdentifierTypeDef::new()
            .with_image_digest(CURRENT)
            .with_image_tag("v1.4.2")],
        next_token: "eyJ2ZXJzaW9uIjoxfQ==".into(),
        response_metadata: ResponseMetadataTypeDef::new(ResponseMetadataTypeDefRequired {
            request_id: "9d5b6c1e-3f2a-4b7c-8d9e-0a1b2c3d4e5f".into(),
            host_id: String::new(),
            http_status_code: 200,
            http_headers: [
                ("content-type", "application/x-amz-json-1.1"),
                ("x-amzn-requestid", "9d5b6c1e-3f2a-4b7c-8d9e-0a1b2c3d4e5f"),
            ]
            .into(),
            retry_attempts: 0,
        }),
    });
    assert_eq!(response.next_token.as_deref(), Some("eyJ2ZXJzaW9uIjoxfQ=="));
    let text = typed_dict::to_string(&response).unwrap();
    assert_eq!(
        typed_dict::from_str::<ListImagesResponseTypeDef>(&text).unwrap(),
        response
    );

    // Keys named after Rust keywords have raw-identifier setters.
    let action = LifecyclePolicyRuleActionTypeDef::new().with_type(ImageActionTypeType::Expire);
    let finding = EnhancedImageScanFindingTypeDef::new()
        .with_type("PACKAGE_VULNERABILITY")
        .with_severity("HIGH")
        .with_score(7.5)
        .with_first_observed_at(Timestamp::from_unix_millis(1_650_000_061_204).unwrap());
    assert_eq!(
        typed_dict::to_string(&action).unwrap(),
        r#"{"type":"EXPIRE"}"#
    );
    assert_eq!(
        typed_dict::to_string(&finding).unwrap(),
        r#"{"firstObservedAt":1650000061.204,"score":7.5,"severity":"HIGH","type":"PACKAGE_VULNERABILITY"}"#
    );
}
