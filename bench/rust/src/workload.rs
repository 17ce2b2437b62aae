//! The generators of workloads 1 to 3, as typed values (the JSON is their encoding).
//!
//! The values look like what ECR and Amazon Inspector send: 12-digit account ids, sha256
//! digests, semver and build tags, media types, epoch timestamps with milliseconds, CVE ids,
//! CVSS vectors and scores, package coordinates and remediation text.

use ecr_types::{
    AwsEcrContainerImageDetailsTypeDef, CreateRepositoryRequestRequestTypeDef,
    CvssScoreAdjustmentTypeDef, CvssScoreDetailsTypeDef, CvssScoreTypeDef,
    DescribeImageScanFindingsResponseTypeDef, DescribeImagesResponseTypeDef,
    EncryptionConfigurationTypeDef, EncryptionTypeType, EnhancedImageScanFindingTypeDef,
    FindingSeverityType, ImageDetailTypeDef, ImageIdentifierTypeDef,
    ImageScanFindingsSummaryTypeDef, ImageScanFindingsTypeDef, ImageScanStatusTypeDef,
    ImageScanningConfigurationTypeDef, ImageTagMutabilityType, PackageVulnerabilityDetailsTypeDef,
    RecommendationTypeDef, RemediationTypeDef, ResourceDetailsTypeDef, ResourceTypeDef,
    ResponseMetadataTypeDef, ScanStatusType, ScoreDetailsTypeDef, TagTypeDef,
    VulnerablePackageTypeDef,
};
use typed_dict::{Dict, Timestamp};

use crate::rng::Rng;

const ACCOUNTS: [&str; 3] = ["123456789012", "210987654321", "555066677788"];
const TEAMS: [&str; 8] = [
    "payments", "search", "platform", "identity", "checkout", "media", "ml", "edge",
];
const SERVICES: [&str; 10] = [
    "api",
    "worker",
    "web-frontend",
    "scheduler",
    "ingest",
    "gateway",
    "batch-export",
    "notifier",
    "auth-proxy",
    "thumbnailer",
];
const MANIFEST_TYPES: [(&str, &str); 2] = [
    (
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.docker.container.image.v1+json",
    ),
    (
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.config.v1+json",
    ),
];
const PACKAGES: [(&str, &str, &str); 10] = [
    ("openssl", "1.1.1k", "OS"),
    ("glibc", "2.26", "OS"),
    ("curl", "7.79.1", "OS"),
    ("zlib", "1.2.11", "OS"),
    ("libxml2", "2.9.10", "OS"),
    ("log4j-core", "2.14.1", "JAR"),
    ("jackson-databind", "2.12.3", "JAR"),
    ("lodash", "4.17.20", "NPM"),
    ("requests", "2.25.1", "PYTHONPKG"),
    ("golang.org/x/net", "0.7.0", "GOBINARY"),
];
const WORDS: [&str; 24] = [
    "a",
    "remote",
    "attacker",
    "could",
    "exploit",
    "this",
    "vulnerability",
    "to",
    "cause",
    "denial",
    "of",
    "service",
    "via",
    "crafted",
    "input",
    "in",
    "the",
    "parser",
    "when",
    "handling",
    "certificate",
    "buffer",
    "overflow",
    "memory",
];
const VECTORS: [&str; 4] = [
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H",
    "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
    "AV:N/AC:M/Au:N/C:P/I:N/A:N",
];
const SCORES: [f64; 8] = [9.8, 8.1, 7.5, 6.5, 5.9, 5.3, 4.3, 3.7];
const SEVERITIES: [FindingSeverityType; 6] = [
    FindingSeverityType::Critical,
    FindingSeverityType::High,
    FindingSeverityType::Informational,
    FindingSeverityType::Low,
    FindingSeverityType::Medium,
    FindingSeverityType::Undefined,
];

/// An instant between 2021 and 2024, with milliseconds. Never a whole second: those are
/// written as integers, which a plain `f64` field would write back with a `.0`.
fn timestamp(rng: &mut Rng) -> Timestamp {
    let mut millis = rng.range(1_609_459_200_000, 1_735_689_599_999);
    if millis % 1000 == 0 {
        millis += 1;
    }
    Timestamp::from_unix_millis(millis).expect("in range")
}

fn digest(rng: &mut Rng) -> String {
    format!("sha256:{}", rng.hex(64))
}

fn repository_name(rng: &mut Rng) -> String {
    format!("{}/{}", rng.pick(&TEAMS), rng.pick(&SERVICES))
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut text = String::from("Vulnerability in");
    for _ in 0..words {
        text.push(' ');
        let word: &&str = rng.pick(&WORDS);
        text.push_str(word);
    }
    text.push('.');
    text
}

fn cve(rng: &mut Rng) -> String {
    format!("CVE-{}-{}", rng.range(2014, 2024), rng.range(1000, 49999))
}

/// The metadata boto3 adds to every response.
pub fn response_metadata(rng: &mut Rng, content_length: usize) -> ResponseMetadataTypeDef {
    let request_id = rng.uuid();
    // In key order: `Dict` keeps insertion order, the plain serde baseline's `BTreeMap`
    // sorts, and both must write the same bytes.
    let headers: Dict<String, String> = [
        ("content-length", content_length.to_string()),
        ("content-type", "application/x-amz-json-1.1".to_owned()),
        ("date", "Tue, 12 Mar 2024 09:14:07 GMT".to_owned()),
        ("x-amzn-requestid", request_id.clone()),
    ]
    .into();
    ResponseMetadataTypeDef {
        request_id,
        host_id: Some(String::new()),
        http_status_code: 200,
        http_headers: headers,
        retry_attempts: 0,
    }
}

fn next_token(rng: &mut Rng) -> String {
    // Opaque, base64-looking, as the service sends it.
    let mut token = String::new();
    while token.len() < 220 {
        token.push_str(&rng.hex(16));
        token.push_str("Aa9+");
    }
    token.push_str("==");
    token
}

fn image_tags(rng: &mut Rng) -> Option<Vec<String>> {
    if rng.percent(8) {
        return None; // untagged image: the service leaves the key out
    }
    let mut tags = vec![format!(
        "v{}.{}.{}",
        rng.below(4),
        rng.below(30),
        rng.below(100)
    )];
    if rng.percent(30) {
        tags.push("latest".to_owned());
    }
    if rng.percent(60) {
        tags.push(format!("build-{}", rng.range(1000, 99999)));
    }
    if rng.percent(40) {
        tags.push(format!("sha-{}", rng.hex(7)));
    }
    Some(tags)
}

fn severity_counts(rng: &mut Rng) -> Dict<FindingSeverityType, i64> {
    let mut counts = Dict::new();
    for severity in SEVERITIES {
        if rng.percent(60) {
            counts.insert(severity, rng.range(1, 120));
        }
    }
    counts
}

/// One image as `DescribeImages` describes it.
pub fn image_detail(rng: &mut Rng) -> ImageDetailTypeDef {
    let (manifest, artifact) = *rng.pick(&MANIFEST_TYPES);
    let roll = rng.below(100);
    let (status, description) = match roll {
        0..=84 => (
            ScanStatusType::Complete,
            "The scan was completed successfully.",
        ),
        85..=91 => (ScanStatusType::InProgress, "The scan is in progress."),
        92..=95 => (
            ScanStatusType::Failed,
            "UnsupportedImageError: The operating system and/or package manager are not supported.",
        ),
        _ => (
            ScanStatusType::FindingsUnavailable,
            "No scan findings are available for this image.",
        ),
    };
    let summary = (status == ScanStatusType::Complete).then(|| ImageScanFindingsSummaryTypeDef {
        image_scan_completed_at: Some(timestamp(rng)),
        vulnerability_source_updated_at: Some(timestamp(rng)),
        finding_severity_counts: Some(severity_counts(rng)),
    });
    ImageDetailTypeDef {
        registry_id: Some((*rng.pick(&ACCOUNTS)).to_owned()),
        repository_name: Some(repository_name(rng)),
        image_digest: Some(digest(rng)),
        image_tags: image_tags(rng),
        image_size_in_bytes: Some(rng.range(2_000_000, 1_500_000_000)),
        image_pushed_at: Some(timestamp(rng)),
        image_scan_status: Some(ImageScanStatusTypeDef {
            status: Some(status),
            description: Some(description.to_owned()),
        }),
        image_scan_findings_summary: summary,
        image_manifest_media_type: Some(manifest.to_owned()),
        artifact_media_type: Some(artifact.to_owned()),
    }
}

/// Workload 1: `DescribeImages` with `items` image details.
pub fn describe_images(items: usize, seed: u64) -> DescribeImagesResponseTypeDef {
    let mut rng = Rng::new(seed);
    let image_details = (0..items).map(|_| image_detail(&mut rng)).collect();
    DescribeImagesResponseTypeDef {
        image_details,
        next_token: Some(next_token(&mut rng)),
        response_metadata: Some(response_metadata(&mut rng, 12_000_000)),
    }
}

fn cvss_score(rng: &mut Rng) -> CvssScoreTypeDef {
    CvssScoreTypeDef {
        base_score: Some(*rng.pick(&SCORES)),
        scoring_vector: Some((*rng.pick(&VECTORS)).to_owned()),
        source: Some((*rng.pick(&["NVD", "UBUNTU_CVE", "ALAS"])).to_owned()),
        version: Some((*rng.pick(&["3.1", "2.0"])).to_owned()),
    }
}

fn vulnerable_package(rng: &mut Rng) -> VulnerablePackageTypeDef {
    let (name, version, manager) = *rng.pick(&PACKAGES);
    let os = manager == "OS";
    VulnerablePackageTypeDef {
        arch: os.then(|| (*rng.pick(&["x86_64", "aarch64", "noarch"])).to_owned()),
        epoch: os.then(|| rng.range(0, 2)),
        file_path: (!os).then(|| format!("/app/lib/{name}-{version}.jar")),
        name: Some(name.to_owned()),
        package_manager: Some(manager.to_owned()),
        release: os.then(|| format!("{}.amzn2.0.{}", rng.range(1, 60), rng.range(1, 9))),
        source_layer_hash: Some(digest(rng)),
        version: Some(version.to_owned()),
    }
}

/// One enhanced (Amazon Inspector) finding: the deepest shape of the API.
pub fn enhanced_finding(
    rng: &mut Rng,
    account: &str,
    repository: &str,
) -> EnhancedImageScanFindingTypeDef {
    let id = cve(rng);
    let score = *rng.pick(&SCORES);
    let severity = match score {
        s if s >= 9.0 => "CRITICAL",
        s if s >= 7.0 => "HIGH",
        s if s >= 4.0 => "MEDIUM",
        _ => "LOW",
    };
    let vector = (*rng.pick(&VECTORS)).to_owned();
    let packages = (0..rng.range(1, 3))
        .map(|_| vulnerable_package(rng))
        .collect::<Vec<_>>();
    let package = packages[0].name.clone().unwrap_or_default();
    let image_hash = digest(rng);
    let words = 20 + rng.below(25) as usize;
    let references = (0..rng.range(1, 4))
        .map(|i| match i {
            0 => format!("https://nvd.nist.gov/vuln/detail/{id}"),
            1 => format!("https://security-tracker.debian.org/tracker/{id}"),
            _ => format!(
                "https://alas.aws.amazon.com/AL2/ALAS-{}-{}.html",
                rng.range(2019, 2024),
                rng.range(1000, 2500)
            ),
        })
        .collect();
    let adjustments = if rng.percent(30) {
        vec![CvssScoreAdjustmentTypeDef {
            metric: Some("attackVector".to_owned()),
            reason: Some("The vulnerable component is not exposed to the network.".to_owned()),
        }]
    } else {
        Vec::new()
    };
    let tags: Dict<String, String> = if rng.percent(30) {
        [("env", "prod"), ("team", "platform")].into()
    } else {
        Dict::new()
    };
    EnhancedImageScanFindingTypeDef {
        aws_account_id: Some(account.to_owned()),
        description: Some(sentence(rng, words)),
        finding_arn: Some(format!(
            "arn:aws:inspector2:us-east-1:{account}:finding/{}",
            rng.hex(32)
        )),
        first_observed_at: Some(timestamp(rng)),
        last_observed_at: Some(timestamp(rng)),
        package_vulnerability_details: Some(PackageVulnerabilityDetailsTypeDef {
            cvss: Some((0..rng.range(1, 2)).map(|_| cvss_score(rng)).collect()),
            reference_urls: Some(references),
            related_vulnerabilities: Some((0..rng.below(3)).map(|_| cve(rng)).collect()),
            source: Some("NVD".to_owned()),
            source_url: Some(format!("https://nvd.nist.gov/vuln/detail/{id}")),
            vendor_created_at: Some(timestamp(rng)),
            vendor_severity: Some(severity.to_owned()),
            vendor_updated_at: Some(timestamp(rng)),
            vulnerability_id: Some(id.clone()),
            vulnerable_packages: Some(packages),
        }),
        remediation: Some(RemediationTypeDef {
            recommendation: Some(RecommendationTypeDef {
                url: rng
                    .percent(50)
                    .then(|| format!("https://alas.aws.amazon.com/cve/html/{id}.html")),
                text: Some(if rng.percent(40) {
                    "None Provided".to_owned()
                } else {
                    format!("Upgrade {package} to the latest version provided by your vendor.")
                }),
            }),
        }),
        resources: Some(vec![ResourceTypeDef {
            details: Some(ResourceDetailsTypeDef {
                aws_ecr_container_image: Some(AwsEcrContainerImageDetailsTypeDef {
                    architecture: Some("amd64".to_owned()),
                    author: rng
                        .percent(30)
                        .then(|| "platform-team@example.com".to_owned()),
                    image_hash: Some(image_hash.clone()),
                    image_tags: Some(vec![format!("v1.{}.{}", rng.below(30), rng.below(100))]),
                    platform: Some("AMAZON_LINUX_2".to_owned()),
                    pushed_at: Some(timestamp(rng)),
                    registry: Some(account.to_owned()),
                    repository_name: Some(repository.to_owned()),
                }),
            }),
            id: Some(format!(
                "arn:aws:ecr:us-east-1:{account}:repository/{repository}/{image_hash}"
            )),
            tags: Some(tags),
            r#type: Some("AWS_ECR_CONTAINER_IMAGE".to_owned()),
        }]),
        score: Some(score),
        score_details: Some(ScoreDetailsTypeDef {
            cvss: Some(CvssScoreDetailsTypeDef {
                adjustments: Some(adjustments),
                score: Some(score),
                score_source: Some("NVD".to_owned()),
                scoring_vector: Some(vector),
                version: Some("3.1".to_owned()),
            }),
        }),
        severity: Some(severity.to_owned()),
        status: Some(
            (*rng.pick(&["ACTIVE", "ACTIVE", "ACTIVE", "SUPPRESSED", "CLOSED"])).to_owned(),
        ),
        title: Some(format!("{id} - {package}")),
        r#type: Some("PACKAGE_VULNERABILITY".to_owned()),
        updated_at: Some(timestamp(rng)),
    }
}

/// Workload 2: `DescribeImageScanFindings` with `items` enhanced findings.
pub fn scan_findings(items: usize, seed: u64) -> DescribeImageScanFindingsResponseTypeDef {
    let mut rng = Rng::new(seed);
    let account = ACCOUNTS[0];
    let repository = repository_name(&mut rng);
    let enhanced_findings = (0..items)
        .map(|_| enhanced_finding(&mut rng, account, &repository))
        .collect();
    DescribeImageScanFindingsResponseTypeDef {
        registry_id: account.to_owned(),
        repository_name: repository,
        image_id: ImageIdentifierTypeDef {
            image_digest: Some(digest(&mut rng)),
            image_tag: Some("v1.4.2".to_owned()),
        },
        image_scan_status: ImageScanStatusTypeDef {
            status: Some(ScanStatusType::Active),
            description: Some("Continuous scan is selected for image.".to_owned()),
        },
        image_scan_findings: Some(ImageScanFindingsTypeDef {
            image_scan_completed_at: Some(timestamp(&mut rng)),
            vulnerability_source_updated_at: Some(timestamp(&mut rng)),
            finding_severity_counts: Some(severity_counts(&mut rng)),
            findings: None,
            enhanced_findings: Some(enhanced_findings),
        }),
        next_token: Some(next_token(&mut rng)),
        response_metadata: Some(response_metadata(&mut rng, 13_000_000)),
    }
}

/// Workload 3: a `CreateRepository` request with tags.
pub fn create_repository(seed: u64) -> CreateRepositoryRequestRequestTypeDef {
    let mut rng = Rng::new(seed);
    let tag = |key: &str, value: String| TagTypeDef {
        key: Some(key.to_owned()),
        value: Some(value),
    };
    CreateRepositoryRequestRequestTypeDef {
        repository_name: repository_name(&mut rng),
        registry_id: Some(ACCOUNTS[0].to_owned()),
        tags: Some(
            vec![
                tag("team", (*rng.pick(&TEAMS)).to_owned()),
                tag("environment", "production".to_owned()),
                tag("cost-center", rng.digits(6)),
                tag("owner", "platform-team@example.com".to_owned()),
                tag("managed-by", "terraform".to_owned()),
            ]
            .into(),
        ),
        image_tag_mutability: Some(ImageTagMutabilityType::Immutable),
        image_scanning_configuration: Some(ImageScanningConfigurationTypeDef {
            scan_on_push: Some(true),
        }),
        encryption_configuration: Some(EncryptionConfigurationTypeDef {
            encryption_type: EncryptionTypeType::Kms,
            kms_key: Some(format!(
                "arn:aws:kms:us-east-1:{}:key/{}",
                ACCOUNTS[0],
                rng.uuid()
            )),
        }),
    }
}

/// `json` with every `e` in a string value written `é` (keys and literal values of
/// upper-case letters unchanged, so a valid document stays valid): text above ASCII in
/// nearly every string, the reader's UTF-8 check at its busiest (the `w2-validate-accented`
/// profile case).
pub fn accented(json: &[u8]) -> Vec<u8> {
    fn accent(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::String(text) => *text = text.replace('e', "\u{e9}"),
            serde_json::Value::Array(items) => items.iter_mut().for_each(accent),
            serde_json::Value::Object(entries) => entries.values_mut().for_each(accent),
            _ => {}
        }
    }
    let mut value: serde_json::Value = serde_json::from_slice(json).expect("a workload is JSON");
    accent(&mut value);
    serde_json::to_vec(&value).expect("a JSON value encodes")
}
