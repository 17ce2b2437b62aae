#!/usr/bin/env python3
"""Python peers of the typed-dict benchmarks (GitHub issue 6).

Decodes the very bytes the Rust bench decodes, into TypedDicts that mirror the ECR shapes
of types-aiobotocore-ecr (ecr-types/spec/type_defs.md), with

  - pydantic 2:  TypeAdapter(T).validate_json(bytes)
  - msgspec:     msgspec.json.decode(bytes, type=T, strict=False)

and prints MB/s, and typed-dict's figures from the same directory next to them.

  cargo run --release -p typed-dict-bench --bin ratios -- --write-workloads target/bench-workloads
  python3 -m venv target/bench-venv && target/bench-venv/bin/pip install -r bench/requirements.txt
  target/bench-venv/bin/python bench/peers.py target/bench-workloads [--rounds N]

`ratios --write-workloads DIR` writes w1.json ... w4.json and rust_results.json (typed-dict
MB/s from that run) into DIR; built with `--features mimalloc` it writes
rust_results.mimalloc.json instead. Every such file found is compared with, one column per
allocator.
"""

from __future__ import annotations

import argparse
import gc
import json
import pathlib
import statistics
import sys
import time
from datetime import datetime
from typing import Dict, List, Literal

import msgspec
import pydantic
import pydantic_core
from typing_extensions import NotRequired, TypedDict

# Literal types (ecr-types/spec/literals.md).
ScanStatusType = Literal[
    "ACTIVE",
    "COMPLETE",
    "FAILED",
    "FINDINGS_UNAVAILABLE",
    "IN_PROGRESS",
    "PENDING",
    "SCAN_ELIGIBILITY_EXPIRED",
    "UNSUPPORTED_IMAGE",
]
FindingSeverityType = Literal["CRITICAL", "HIGH", "INFORMATIONAL", "LOW", "MEDIUM", "UNDEFINED"]


# TypeDefs (ecr-types/spec/type_defs.md): Required keys plain, optional ones NotRequired.
class ResponseMetadataTypeDef(TypedDict):
    RequestId: str
    HostId: str
    HTTPStatusCode: int
    HTTPHeaders: Dict[str, str]
    RetryAttempts: int


class ImageScanStatusTypeDef(TypedDict):
    status: NotRequired[ScanStatusType]
    description: NotRequired[str]


class ImageScanFindingsSummaryTypeDef(TypedDict):
    imageScanCompletedAt: NotRequired[datetime]
    vulnerabilitySourceUpdatedAt: NotRequired[datetime]
    findingSeverityCounts: NotRequired[Dict[FindingSeverityType, int]]


class ImageDetailTypeDef(TypedDict):
    registryId: NotRequired[str]
    repositoryName: NotRequired[str]
    imageDigest: NotRequired[str]
    imageTags: NotRequired[List[str]]
    imageSizeInBytes: NotRequired[int]
    imagePushedAt: NotRequired[datetime]
    imageScanStatus: NotRequired[ImageScanStatusTypeDef]
    imageScanFindingsSummary: NotRequired[ImageScanFindingsSummaryTypeDef]
    imageManifestMediaType: NotRequired[str]
    artifactMediaType: NotRequired[str]


class DescribeImagesResponseTypeDef(TypedDict):
    imageDetails: List[ImageDetailTypeDef]
    nextToken: str
    ResponseMetadata: ResponseMetadataTypeDef


class ImageIdentifierTypeDef(TypedDict):
    imageDigest: NotRequired[str]
    imageTag: NotRequired[str]


class AttributeTypeDef(TypedDict):
    key: str
    value: NotRequired[str]


class ImageScanFindingTypeDef(TypedDict):
    name: NotRequired[str]
    description: NotRequired[str]
    uri: NotRequired[str]
    severity: NotRequired[FindingSeverityType]
    attributes: NotRequired[List[AttributeTypeDef]]


class CvssScoreTypeDef(TypedDict):
    baseScore: NotRequired[float]
    scoringVector: NotRequired[str]
    source: NotRequired[str]
    version: NotRequired[str]


class VulnerablePackageTypeDef(TypedDict):
    arch: NotRequired[str]
    epoch: NotRequired[int]
    filePath: NotRequired[str]
    name: NotRequired[str]
    packageManager: NotRequired[str]
    release: NotRequired[str]
    sourceLayerHash: NotRequired[str]
    version: NotRequired[str]


class PackageVulnerabilityDetailsTypeDef(TypedDict):
    cvss: NotRequired[List[CvssScoreTypeDef]]
    referenceUrls: NotRequired[List[str]]
    relatedVulnerabilities: NotRequired[List[str]]
    source: NotRequired[str]
    sourceUrl: NotRequired[str]
    vendorCreatedAt: NotRequired[datetime]
    vendorSeverity: NotRequired[str]
    vendorUpdatedAt: NotRequired[datetime]
    vulnerabilityId: NotRequired[str]
    vulnerablePackages: NotRequired[List[VulnerablePackageTypeDef]]


class RecommendationTypeDef(TypedDict):
    url: NotRequired[str]
    text: NotRequired[str]


class RemediationTypeDef(TypedDict):
    recommendation: NotRequired[RecommendationTypeDef]


class AwsEcrContainerImageDetailsTypeDef(TypedDict):
    architecture: NotRequired[str]
    author: NotRequired[str]
    imageHash: NotRequired[str]
    imageTags: NotRequired[List[str]]
    platform: NotRequired[str]
    pushedAt: NotRequired[datetime]
    registry: NotRequired[str]
    repositoryName: NotRequired[str]


class ResourceDetailsTypeDef(TypedDict):
    awsEcrContainerImage: NotRequired[AwsEcrContainerImageDetailsTypeDef]


ResourceTypeDef = TypedDict(
    "ResourceTypeDef",
    {
        "details": NotRequired[ResourceDetailsTypeDef],
        "id": NotRequired[str],
        "tags": NotRequired[Dict[str, str]],
        "type": NotRequired[str],
    },
)


class CvssScoreAdjustmentTypeDef(TypedDict):
    metric: NotRequired[str]
    reason: NotRequired[str]


class CvssScoreDetailsTypeDef(TypedDict):
    adjustments: NotRequired[List[CvssScoreAdjustmentTypeDef]]
    score: NotRequired[float]
    scoreSource: NotRequired[str]
    scoringVector: NotRequired[str]
    version: NotRequired[str]


class ScoreDetailsTypeDef(TypedDict):
    cvss: NotRequired[CvssScoreDetailsTypeDef]


EnhancedImageScanFindingTypeDef = TypedDict(
    "EnhancedImageScanFindingTypeDef",
    {
        "awsAccountId": NotRequired[str],
        "description": NotRequired[str],
        "findingArn": NotRequired[str],
        "firstObservedAt": NotRequired[datetime],
        "lastObservedAt": NotRequired[datetime],
        "packageVulnerabilityDetails": NotRequired[PackageVulnerabilityDetailsTypeDef],
        "remediation": NotRequired[RemediationTypeDef],
        "resources": NotRequired[List[ResourceTypeDef]],
        "score": NotRequired[float],
        "scoreDetails": NotRequired[ScoreDetailsTypeDef],
        "severity": NotRequired[str],
        "status": NotRequired[str],
        "title": NotRequired[str],
        "type": NotRequired[str],
        "updatedAt": NotRequired[datetime],
    },
)


class ImageScanFindingsTypeDef(TypedDict):
    imageScanCompletedAt: NotRequired[datetime]
    vulnerabilitySourceUpdatedAt: NotRequired[datetime]
    findingSeverityCounts: NotRequired[Dict[FindingSeverityType, int]]
    findings: NotRequired[List[ImageScanFindingTypeDef]]
    enhancedFindings: NotRequired[List[EnhancedImageScanFindingTypeDef]]


class DescribeImageScanFindingsResponseTypeDef(TypedDict):
    registryId: str
    repositoryName: str
    imageId: ImageIdentifierTypeDef
    imageScanStatus: ImageScanStatusTypeDef
    imageScanFindings: ImageScanFindingsTypeDef
    nextToken: str
    ResponseMetadata: ResponseMetadataTypeDef


WORKLOADS = [
    ("w1", "1 DescribeImages", DescribeImagesResponseTypeDef, "w1_typed_decode_mb_s"),
    ("w2", "2 ScanFindings", DescribeImageScanFindingsResponseTypeDef, "w2_typed_decode_mb_s"),
]


def time_rounds(fn, rounds):
    """Seconds per call of each round (one warm-up call first), GC off while timing."""
    fn()
    samples = []
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
            gc.collect()
    finally:
        gc.enable()
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=pathlib.Path, help="directory written by ratios --write-workloads")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    # typed-dict's figures, one set per allocator the Rust bench ran with: (allocator, dict).
    rust = []
    for path in sorted(args.dir.glob("rust_results*.json")):
        figures = json.loads(path.read_text())
        rust.append((figures.get("allocator", path.stem.partition(".")[2] or "system"), figures))
    rust.sort(key=lambda r: (r[0] != "system", r[0]))
    print(
        f"python {sys.version.split()[0]}, pydantic {pydantic.VERSION}, "
        f"pydantic-core {pydantic_core.__version__}, "
        f"msgspec {msgspec.__version__}; medians of {args.rounds} rounds"
    )
    heads = "".join(f" {'÷ (' + allocator + ')':>14}" for allocator, _ in rust)
    print(f"{'workload':<20} {'size':>9}  {'decoder':<34} {'MB/s':>8}{heads} {'target':>8}")
    verdicts = []
    for name, label, shape, rust_key in WORKLOADS:
        data = (args.dir / f"{name}.json").read_bytes()
        adapter = pydantic.TypeAdapter(shape)
        decoder = msgspec.json.Decoder(type=shape, strict=False)
        # Both accept the bytes and see the same items as the stdlib parser.
        if name == "w1":
            count = lambda d: len(d["imageDetails"])  # noqa: E731
        else:
            count = lambda d: len(d["imageScanFindings"]["enhancedFindings"])  # noqa: E731
        items = count(json.loads(data))
        decoded_p = adapter.validate_json(data)
        decoded_m = decoder.decode(data)
        assert count(decoded_p) == count(decoded_m) == items, name
        assert isinstance(
            (decoded_p["imageDetails"][0]["imagePushedAt"] if name == "w1"
             else decoded_p["imageScanFindings"]["enhancedFindings"][0]["updatedAt"]),
            datetime,
        )
        del decoded_p, decoded_m
        cases = [
            ("pydantic", "pydantic TypeAdapter.validate_json", lambda: adapter.validate_json(data), 4.0),
            ("msgspec", "msgspec.json.decode(strict=False)", lambda: msgspec.json.decode(data, type=shape, strict=False), 2.0),
        ]
        first = True
        for short, decoder_name, fn, target in cases:
            seconds = statistics.median(time_rounds(fn, args.rounds))
            mb_s = len(data) / 1e6 / seconds
            ratios = ""
            for allocator, figures in rust:
                typed = figures.get(rust_key)
                ratios += f" {f'{typed / mb_s:.2f}×' if typed else 'n/a':>14}"
                if typed:
                    verdicts.append(
                        (f"{name} decode: typed-dict ({allocator}) / {short}", typed / mb_s, target)
                    )
            print(
                f"{label if first else '':<20} {f'{len(data) / 1e6:.2f} MB' if first else '':>9}  "
                f"{decoder_name:<34} {mb_s:>8.1f}{ratios} {f'≥ {target:.1f}×':>8}"
            )
            first = False
        for allocator, figures in rust:
            typed = figures.get(rust_key)
            if typed:
                print(f"{'':<20} {'':>9}  {'typed-dict strict (' + allocator + ')':<34} {typed:>8.1f}")

    # The all-errors path of pydantic on workload 4, for comparison (msgspec stops at the first).
    w4 = args.dir / "w4.json"
    if w4.exists():
        data = w4.read_bytes()
        adapter = pydantic.TypeAdapter(DescribeImagesResponseTypeDef)

        def all_errors():
            try:
                adapter.validate_json(data)
            except pydantic.ValidationError as error:
                return error.error_count()
            raise AssertionError("workload 4 is invalid")

        errors = all_errors()
        seconds = statistics.median(time_rounds(all_errors, args.rounds))
        print(
            f"{'4 DescribeImages 1%':<20} {f'{len(data) / 1e6:.2f} MB':>9}  "
            f"{'pydantic all errors':<34} {len(data) / 1e6 / seconds:>8.1f}   ({errors} errors reported)"
        )

    if verdicts:
        print()
        for what, value, target in verdicts:
            print(f"  {what:<52} {value:>6.2f}×  ≥ {target:.1f}×  {'met' if value >= target else 'MISSED'}")
    else:
        print(
            f"\n(no rust_results*.json in {args.dir}: run `ratios --write-workloads {args.dir}` "
            "for typed-dict's figures)"
        )


if __name__ == "__main__":
    main()
