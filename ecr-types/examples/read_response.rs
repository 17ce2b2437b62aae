//! Reads a saved `DescribeImages` response (as the AWS CLI or boto3 printed it), in wire
//! mode: as the service sends it, with what the stub would not allow reported as
//! warnings rather than failures. Then reads the values.
//!
//! ```sh
//! cargo run -p ecr-types --example read_response [RESPONSE.json]
//! ```
//!
//! Without an argument it reads `ecr-types/examples/describe-images.json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ecr_types::{DescribeImagesResponseTypeDef, FindingSeverityType, ScanStatusType};
use typed_dict::{DecodeOptions, TypedDict};

fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let path = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(saved_response);
    Ok(if read(&path)? {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn saved_response() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/describe-images.json")
}

/// Prints what the response at `path` holds; `false` when it is not a valid response.
fn read(path: &Path) -> Result<bool, Box<dyn std::error::Error>> {
    let json = std::fs::read(path)?;

    // Every problem, with its JSON path: errors make the payload invalid, warnings
    // (undeclared keys, values an open literal does not list) do not.
    let report = typed_dict::validate_schema(
        &json,
        DescribeImagesResponseTypeDef::schema(),
        DecodeOptions::wire(),
    );
    for error in &report.errors {
        println!("error: {error}");
    }
    for warning in &report.warnings {
        println!("warning: {warning}");
    }
    if !report.is_valid() {
        println!("{}: not a valid DescribeImages response", path.display());
        return Ok(false);
    }

    // Decoding would report the same errors, all of them; here it gives the typed value.
    let response: DescribeImagesResponseTypeDef = typed_dict::decode(&json, DecodeOptions::wire())?;
    for image in &response.image_details {
        let tags = image.image_tags.as_deref().unwrap_or_default().join(", ");
        let pushed = image
            .image_pushed_at
            .map(|at| at.to_rfc3339())
            .unwrap_or_default();
        println!(
            "{}@{} [{tags}] {} bytes, pushed {pushed}",
            image.repository_name.as_deref().unwrap_or("?"),
            image.image_digest.as_deref().unwrap_or("?"),
            image.image_size_in_bytes.unwrap_or(0),
        );
        let status = image
            .image_scan_status
            .as_ref()
            .and_then(|scan| scan.status.clone());
        if status == Some(ScanStatusType::Complete) {
            let counts = image
                .image_scan_findings_summary
                .as_ref()
                .and_then(|summary| summary.finding_severity_counts.as_ref());
            let high = counts
                .and_then(|counts| counts.get(&FindingSeverityType::High))
                .copied()
                .unwrap_or(0);
            println!("  scan complete: {high} high-severity findings");
        } else if let Some(status) = status {
            println!("  scan {}", status.as_str());
        }
    }
    // The last page: the service leaves `nextToken` out, which wire mode accepts.
    if response.next_token.is_none() {
        println!("(last page)");
    }
    Ok(true)
}

#[test]
fn runs() {
    assert!(read(&saved_response()).unwrap());
    let invalid = saved_response().with_file_name("describe-images-invalid.json");
    assert!(!read(&invalid).unwrap());
}
