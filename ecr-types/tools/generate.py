#!/usr/bin/env python3
"""Writes the `ecr-types` declarations from the vendored upstream documentation.

Reads `spec/type_defs.md` and `spec/literals.md` (the types-aiobotocore-ecr docs) and
writes one Rust module per API area, `src/literals.rs` and `src/registry.rs`. The
TypeDefs keep the documentation's names, keys, key order, Required/NotRequired split and
value types; what the docs cannot say (module, summary line, wire-mode exceptions) is in
the tables below.

    python3 tools/generate.py          # rewrite the modules
    python3 tools/generate.py --check  # exit 1 if a module is not what the spec gives

Python 3 standard library only; the output goes through `rustfmt` (from the pinned
toolchain) so that it is exactly what `cargo fmt` leaves.
"""

import argparse
import pathlib
import re
import subprocess
import sys

CRATE = pathlib.Path(__file__).resolve().parent.parent
SPEC = CRATE / "spec"
SRC = CRATE / "src"

API_REFERENCE = "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_{}.html"

# ---------------------------------------------------------------------------------------
# Modules: one per API area. Operations put their request and response TypeDefs in the
# area; shared shapes are listed by name.
# ---------------------------------------------------------------------------------------

MODULES = [
    (
        "repositories",
        "Repositories: creating, describing and deleting them, their tag mutability "
        "and their repository policies.",
        ["CreateRepository", "DeleteRepository", "DescribeRepositories",
         "PutImageTagMutability", "GetRepositoryPolicy", "SetRepositoryPolicy",
         "DeleteRepositoryPolicy"],
        ["RepositoryTypeDef", "EncryptionConfigurationTypeDef"],
    ),
    (
        "images",
        "Images: listing, describing, fetching, putting and deleting image manifests.",
        ["BatchDeleteImage", "BatchGetImage", "DescribeImages", "ListImages", "PutImage"],
        ["DescribeImagesFilterTypeDef", "ImageDetailTypeDef", "ImageFailureTypeDef",
         "ImageIdentifierTypeDef", "ImageTypeDef", "ListImagesFilterTypeDef"],
    ),
    (
        "layers",
        "Layers: the upload and download steps the Docker client runs for each image layer.",
        ["BatchCheckLayerAvailability", "CompleteLayerUpload", "GetDownloadUrlForLayer",
         "InitiateLayerUpload", "UploadLayerPart"],
        ["LayerFailureTypeDef", "LayerTypeDef"],
    ),
    (
        "scanning",
        "Image scanning: registry and repository scanning configuration, scans and their "
        "findings (basic and enhanced).",
        ["BatchGetRepositoryScanningConfiguration", "DescribeImageScanFindings",
         "GetRegistryScanningConfiguration", "PutImageScanningConfiguration",
         "PutRegistryScanningConfiguration", "StartImageScan"],
        ["AttributeTypeDef", "AwsEcrContainerImageDetailsTypeDef",
         "CvssScoreAdjustmentTypeDef", "CvssScoreDetailsTypeDef", "CvssScoreTypeDef",
         "EnhancedImageScanFindingTypeDef", "ImageScanFindingTypeDef",
         "ImageScanFindingsSummaryTypeDef", "ImageScanFindingsTypeDef",
         "ImageScanStatusTypeDef", "ImageScanningConfigurationTypeDef",
         "PackageVulnerabilityDetailsTypeDef", "RecommendationTypeDef",
         "RegistryScanningConfigurationTypeDef", "RegistryScanningRuleTypeDef",
         "RemediationTypeDef", "RepositoryScanningConfigurationFailureTypeDef",
         "RepositoryScanningConfigurationTypeDef", "ResourceDetailsTypeDef",
         "ResourceTypeDef", "ScanningRepositoryFilterTypeDef", "ScoreDetailsTypeDef",
         "VulnerablePackageTypeDef"],
    ),
    (
        "lifecycle_policies",
        "Lifecycle policies: setting, reading and deleting them, and previewing what they "
        "would expire.",
        ["DeleteLifecyclePolicy", "GetLifecyclePolicy", "GetLifecyclePolicyPreview",
         "PutLifecyclePolicy", "StartLifecyclePolicyPreview"],
        ["LifecyclePolicyPreviewFilterTypeDef", "LifecyclePolicyPreviewResultTypeDef",
         "LifecyclePolicyPreviewSummaryTypeDef", "LifecyclePolicyRuleActionTypeDef"],
    ),
    (
        "replication",
        "Replication: the registry's replication configuration (read with "
        "`DescribeRegistry`) and the replication status of images.",
        ["DescribeImageReplicationStatus", "DescribeRegistry", "PutReplicationConfiguration"],
        ["ImageReplicationStatusTypeDef", "ReplicationConfigurationTypeDef",
         "ReplicationDestinationTypeDef", "ReplicationRuleTypeDef", "RepositoryFilterTypeDef"],
    ),
    (
        "registry_policies",
        "Registry permissions policies, which grant other accounts access to the registry "
        "(for cross-account replication, for instance).",
        ["DeleteRegistryPolicy", "GetRegistryPolicy", "PutRegistryPolicy"],
        [],
    ),
    (
        "pull_through_cache",
        "Pull through cache rules, which cache images of an upstream public registry in "
        "the private registry.",
        ["CreatePullThroughCacheRule", "DeletePullThroughCacheRule",
         "DescribePullThroughCacheRules"],
        ["PullThroughCacheRuleTypeDef"],
    ),
    (
        "authorization",
        "Authorization tokens for `docker login`.",
        ["GetAuthorizationToken"],
        ["AuthorizationDataTypeDef"],
    ),
    (
        "tagging",
        "Resource tags.",
        ["ListTagsForResource", "TagResource", "UntagResource"],
        ["TagTypeDef"],
    ),
    (
        "common",
        "Shapes every operation shares: boto3's response metadata and the paginator and "
        "waiter configurations.",
        [],
        ["ResponseMetadataTypeDef", "PaginatorConfigTypeDef", "WaiterConfigTypeDef"],
    ),
]

# Summary lines of the shapes that are not an operation's request or response.
SUMMARIES = {
    "AttributeTypeDef": "A name and value pair describing a basic scan finding.",
    "AuthorizationDataTypeDef": "An authorization token for one registry, with its expiry "
    "and the registry's endpoint.",
    "AwsEcrContainerImageDetailsTypeDef": "The container image an enhanced finding was "
    "found in.",
    "CvssScoreAdjustmentTypeDef": "An adjustment Amazon Inspector made to a CVSS score.",
    "CvssScoreDetailsTypeDef": "The CVSS score Amazon Inspector settled on, with its "
    "adjustments.",
    "CvssScoreTypeDef": "One CVSS score of a finding.",
    "DescribeImagesFilterTypeDef": "A filter of `DescribeImages`.",
    "EncryptionConfigurationTypeDef": "How a repository's contents are encrypted at rest.",
    "EnhancedImageScanFindingTypeDef": "A finding of an enhanced (Amazon Inspector) scan.",
    "ImageDetailTypeDef": "An image as `DescribeImages` describes it.",
    "ImageFailureTypeDef": "An image an operation failed on, and why.",
    "ImageIdentifierTypeDef": "Identifies an image by digest, tag, or both.",
    "ImageReplicationStatusTypeDef": "The replication status of an image in one "
    "destination.",
    "ImageScanFindingTypeDef": "A finding of a basic scan.",
    "ImageScanFindingsSummaryTypeDef": "A summary of an image's last completed scan.",
    "ImageScanFindingsTypeDef": "The findings of an image scan.",
    "ImageScanStatusTypeDef": "The current status of an image scan.",
    "ImageScanningConfigurationTypeDef": "A repository's scan-on-push setting.",
    "ImageTypeDef": "An image manifest and where it lives.",
    "LayerFailureTypeDef": "A layer an operation failed on, and why.",
    "LayerTypeDef": "An image layer and whether it is available.",
    "LifecyclePolicyPreviewFilterTypeDef": "A filter of `GetLifecyclePolicyPreview`.",
    "LifecyclePolicyPreviewResultTypeDef": "An image a lifecycle policy preview would act "
    "on.",
    "LifecyclePolicyPreviewSummaryTypeDef": "The totals of a lifecycle policy preview.",
    "LifecyclePolicyRuleActionTypeDef": "The action a lifecycle policy rule takes.",
    "ListImagesFilterTypeDef": "A filter of `ListImages`.",
    "PackageVulnerabilityDetailsTypeDef": "The vulnerability behind an enhanced finding.",
    "PaginatorConfigTypeDef": "botocore's `PaginationConfig` argument of a paginator's "
    "`paginate`.",
    "PullThroughCacheRuleTypeDef": "A pull through cache rule.",
    "RecommendationTypeDef": "The recommended way to remediate a finding.",
    "RegistryScanningConfigurationTypeDef": "The scanning configuration of a registry.",
    "RegistryScanningRuleTypeDef": "A registry scanning rule: how often, and for which "
    "repositories.",
    "RemediationTypeDef": "How to remediate a finding.",
    "ReplicationConfigurationTypeDef": "The replication configuration of a registry.",
    "ReplicationDestinationTypeDef": "A region and registry to replicate to.",
    "ReplicationRuleTypeDef": "A replication rule: its destinations and the repositories "
    "it applies to.",
    "RepositoryFilterTypeDef": "Selects the repositories a replication rule applies to.",
    "RepositoryScanningConfigurationFailureTypeDef": "A repository whose scanning "
    "configuration could not be read, and why.",
    "RepositoryScanningConfigurationTypeDef": "The scanning configuration of a repository.",
    "RepositoryTypeDef": "A repository.",
    "ResourceDetailsTypeDef": "Details of the resource an enhanced finding is about.",
    "ResourceTypeDef": "The resource an enhanced finding is about.",
    "ResponseMetadataTypeDef": "The metadata boto3 adds to every response.",
    "ScanningRepositoryFilterTypeDef": "Selects the repositories a scanning rule applies "
    "to.",
    "ScoreDetailsTypeDef": "The Amazon Inspector score of a finding.",
    "TagTypeDef": "A resource tag.",
    "VulnerablePackageTypeDef": "A package a finding found vulnerable.",
    "WaiterConfigTypeDef": "botocore's `WaiterConfig` argument of a waiter's `wait`.",
}

# Summary lines of the literal types, and the module docs of `literals`.
LITERALS_DOC = (
    "The literal types: the closed sets of strings some keys take, and the names of the "
    "paginators and waiters."
)
LITERAL_SUMMARIES = {
    "DescribeImageScanFindingsPaginatorName": "The name of the `DescribeImageScanFindings` "
    "paginator.",
    "DescribeImagesPaginatorName": "The name of the `DescribeImages` paginator.",
    "DescribePullThroughCacheRulesPaginatorName": "The name of the "
    "`DescribePullThroughCacheRules` paginator.",
    "DescribeRepositoriesPaginatorName": "The name of the `DescribeRepositories` "
    "paginator.",
    "EncryptionTypeType": "How a repository is encrypted at rest.",
    "FindingSeverityType": "The severity of a basic scan finding.",
    "GetLifecyclePolicyPreviewPaginatorName": "The name of the `GetLifecyclePolicyPreview` "
    "paginator.",
    "ImageActionTypeType": "The action of a lifecycle policy rule.",
    "ImageFailureCodeType": "Why an operation failed on an image.",
    "ImageScanCompleteWaiterName": "The name of the `ImageScanComplete` waiter.",
    "ImageTagMutabilityType": "Whether the tags of a repository's images can be "
    "overwritten.",
    "LayerAvailabilityType": "Whether a layer is available in the repository.",
    "LayerFailureCodeType": "Why an operation failed on a layer.",
    "LifecyclePolicyPreviewCompleteWaiterName": "The name of the "
    "`LifecyclePolicyPreviewComplete` waiter.",
    "LifecyclePolicyPreviewStatusType": "The status of a lifecycle policy preview.",
    "ListImagesPaginatorName": "The name of the `ListImages` paginator.",
    "ReplicationStatusType": "The status of an image's replication.",
    "RepositoryFilterTypeType": "How a replication repository filter matches names.",
    "ScanFrequencyType": "How often the repositories of a scanning rule are scanned.",
    "ScanStatusType": "The status of an image scan.",
    "ScanTypeType": "The kind of scanning a registry uses.",
    "ScanningConfigurationFailureCodeType": "Why a repository's scanning configuration "
    "could not be read.",
    "ScanningRepositoryFilterTypeType": "How a scanning repository filter matches names.",
    "TagStatusType": "Which images a filter selects by their tags.",
    "PaginatorName": "The name of any of the client's paginators.",
    "WaiterName": "The name of any of the client's waiters.",
}

# ---------------------------------------------------------------------------------------
# Wire mode: Required keys of responses that the service leaves out (or sends as null).
# Strict mode and the schema keep them Required, as the stub does; wire mode accepts
# their absence. Every entry says why, and the comment is written above the field.
# ---------------------------------------------------------------------------------------

RESPONSE_METADATA_REASON = (
    "boto3 adds ResponseMetadata after parsing; the service never sends it (corpus/README.md)."
)
NEXT_TOKEN_REASON = (
    'Left out on the last page (model: "This value is null when there are no more '
    'results to return"){}.'
)
# A payload of the corpus that shows each response's last page without `nextToken`.
NEXT_TOKEN_SAMPLES = {
    "DescribeImageScanFindingsResponseTypeDef": "corpus/payloads/"
    "DescribeImageScanFindingsResponseTypeDef__awscli-examples__1.json",
    "DescribeImagesResponseTypeDef": "corpus/payloads/"
    "DescribeImagesResponseTypeDef__awscli-examples__1.json",
    "DescribeRepositoriesResponseTypeDef": "corpus/payloads/"
    "DescribeRepositoriesResponseTypeDef__awscli-examples__1.json",
    "GetLifecyclePolicyPreviewResponseTypeDef": "corpus/payloads/"
    "GetLifecyclePolicyPreviewResponseTypeDef__awscli-examples__1.json",
    "ListImagesResponseTypeDef": "corpus/payloads/"
    "ListImagesResponseTypeDef__awscli-examples__1.json",
}
WIRE_OPTIONAL = {
    ("ResponseMetadataTypeDef", "HostId"): (
        "botocore sets HostId only for S3-style responses (x-amz-request-id/x-amz-id-2 "
        "headers); for ECR's JSON protocol it records RequestId alone. No recorded ECR "
        "ResponseMetadata has HostId: corpus/payloads/*__c7n-placebo__*.json."
    ),
    ("DescribeImageScanFindingsResponseTypeDef", "imageScanFindings"): (
        "No findings until a scan completes: "
        "corpus/payloads/DescribeImageScanFindingsResponseTypeDef__strongjz-devsecops__2.json "
        '(status FAILED) has "imageScanFindings": null.'
    ),
    ("GetLifecyclePolicyPreviewResponseTypeDef", "previewResults"): (
        "Results exist only once the preview's status is COMPLETE; while it is "
        "IN_PROGRESS the service leaves them out. Inferred, not observed: the corpus has "
        "only a COMPLETE sample (corpus/payloads/"
        "GetLifecyclePolicyPreviewResponseTypeDef__awscli-examples__1.json) and the model "
        "requires no output member."
    ),
    ("GetLifecyclePolicyPreviewResponseTypeDef", "summary"): (
        "As previewResults: computed only once the preview's status is COMPLETE."
    ),
}

# ---------------------------------------------------------------------------------------
# The markdown documentation.
# ---------------------------------------------------------------------------------------


class Key:
    def __init__(self, name, required, annotation, see):
        self.name = name
        self.required = required
        self.annotation = annotation  # plain text: `List[LayerTypeDef]`
        self.see = see  # the literal a `Literal['X']` annotation refers to


def strip_markdown(text):
    """`List`\\[[LayerTypeDef](./type_defs.md#layertypedef)\\] -> List[LayerTypeDef]"""
    see = None
    match = re.search(r" \(see \[(\w+)\]\([^)]*\)\)$", text)
    if match:
        see = match.group(1)
        text = text[: match.start()]
    text = re.sub(r"\[(\w+)\]\([^)]*\)", r"\1", text)
    text = text.replace("\\[", "[").replace("\\]", "]").replace("`", "")
    return text, see


def parse_sections(path):
    """(heading, lines) for every `## ` section, in order."""
    sections = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif sections:
            sections[-1][1].append(line)
    return sections


def parse_type_defs(path):
    type_defs = []
    for name, lines in parse_sections(path):
        keys = []
        required = None
        for line in lines:
            if line == "Required fields:":
                required = True
            elif line == "Optional fields:":
                required = False
            elif line.startswith("- `"):
                keys.append([line, required])
            elif line.startswith("  ") and keys:
                keys[-1][0] += " " + line.strip()
        parsed = []
        for line, required in keys:
            match = re.fullmatch(r"- `(\w+)`: (.+)", line)
            if not match or required is None:
                sys.exit(f"{path}: cannot read key line in {name}: {line!r}")
            annotation, see = strip_markdown(match.group(2))
            parsed.append(Key(match.group(1), required, annotation, see))
        type_defs.append((name, parsed))
    return type_defs


def parse_literals(path):
    literals = []
    for name, lines in parse_sections(path):
        values = [m.group(1) for m in map(re.compile(r"- `([^`]+)`$").match, lines) if m]
        literals.append((name, values))
    return literals


# ---------------------------------------------------------------------------------------
# Names and types.
# ---------------------------------------------------------------------------------------

RUST_KEYWORDS = {
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "static", "struct", "super", "trait", "true",
    "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final",
    "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
}


def snake_case(key):
    """`HTTPStatusCode` -> `http_status_code`, `imageIds` -> `image_ids`."""
    words = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", key)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()


def macro_camel_case(field):
    """The key `#[typed_dict]` derives from a field name (macros/src/case.rs)."""
    field = field.removeprefix("r#")
    out, upper_next = "", False
    for c in field:
        if c == "_" and out:
            upper_next = True
        elif upper_next:
            out += c.upper()
            upper_next = False
        else:
            out += c
    return out


def field_name(key):
    name = snake_case(key)
    return f"r#{name}" if name in RUST_KEYWORDS else name


class Types:
    """Turns annotations into Rust types, recording what each module has to import."""

    def __init__(self, type_def_names, literal_names, module_of):
        self.type_def_names = type_def_names
        self.literal_names = literal_names
        self.module_of = module_of

    def rust(self, annotation, see, uses):
        text = annotation.strip()
        if text in ("str", "int", "float", "bool"):
            return {"str": "String", "int": "i64", "float": "f64", "bool": "bool"}[text]
        if text == "datetime":
            uses.add(("typed_dict", "Timestamp"))
            return "Timestamp"
        if text == "Union[bytes, IO[bytes], StreamingBody]":
            uses.add(("typed_dict", "Blob"))
            return "Blob"
        match = re.fullmatch(r"(List|Sequence|Dict)\[(.*)\]", text)
        if match:
            outer, inner = match.groups()
            uses.add(("typed_dict", outer))
            args = [self.rust(arg, None, uses) for arg in split_args(inner)]
            return f"{outer}<{', '.join(args)}>"
        if re.fullmatch(r"Literal\['[^']*'\]", text):
            if see is None or see not in self.literal_names:
                sys.exit(f"{annotation}: one-value literal without a known `see` name")
            uses.add(("crate::literals", see))
            return see
        if text in self.literal_names:
            uses.add(("crate::literals", text))
            return text
        if text in self.type_def_names:
            uses.add((f"crate::{self.module_of[text]}", text))
            return text
        sys.exit(f"unknown annotation {annotation!r}")


def split_args(text):
    args, depth, start = [], 0, 0
    for index, c in enumerate(text):
        depth += {"[": 1, "]": -1}.get(c, 0)
        if c == "," and depth == 0:
            args.append(text[start:index])
            start = index + 1
    args.append(text[start:])
    return args


def operation(name):
    """(operation, side) for request and response TypeDefs, else None."""
    for suffix, side in (("RequestRequestTypeDef", "request"), ("ResponseTypeDef", "response")):
        if name.endswith(suffix):
            return name[: -len(suffix)], side
    return None


# ---------------------------------------------------------------------------------------
# Rust output.
# ---------------------------------------------------------------------------------------

HEADER = (
    "//!\n"
    "//! Generated by `tools/generate.py` from `spec/{spec}`: change the generator,\n"
    "//! not this file.\n"
)


def doc_lines(text, indent=""):
    """A paragraph as `///` lines (rustfmt does not wrap comments, so wrap here)."""
    return [indent + "/// " + line for line in wrap(text, 92 - len(indent))]


def comment_lines(text, indent):
    return [indent + "// " + line for line in wrap(text, 93 - len(indent))]


def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines


def wire_optional_reason(type_name, key, is_response):
    if (type_name, key.name) in WIRE_OPTIONAL:
        return WIRE_OPTIONAL[(type_name, key.name)]
    if not is_response or not key.required:
        return None
    if key.name == "ResponseMetadata":
        return RESPONSE_METADATA_REASON
    if key.name == "nextToken":
        sample = NEXT_TOKEN_SAMPLES.get(type_name)
        return NEXT_TOKEN_REASON.format(f"; e.g. {sample}" if sample else "")
    return None


def render_uses(uses, module):
    lines = []
    typed_dict_items = sorted({name for source, name in uses if source == "typed_dict"})
    lines.append(f"use typed_dict::{{typed_dict, {', '.join(typed_dict_items)}}};"
                 if typed_dict_items else "use typed_dict::typed_dict;")
    crate_sources = sorted({source for source, _ in uses if source.startswith("crate::")})
    crate_lines = []
    for source in crate_sources:
        if source == f"crate::{module}":
            continue
        names = sorted(name for src, name in uses if src == source)
        body = names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"
        crate_lines.append(f"use {source}::{body};")
    if crate_lines:
        lines.append("")
        lines.extend(crate_lines)
    return lines


def render_type_def(name, keys, types, uses, used_wire_optional):
    op = operation(name)
    is_response = op is not None and op[1] == "response"
    if op is None:
        summary = SUMMARIES[name]
    else:
        link = f"[`{op[0]}`][api]"
        summary = (f"The parameters of {link}." if op[1] == "request"
                   else f"What {link} returns.")
    lines = doc_lines(summary)
    lines += ["///", f"/// `from types_aiobotocore_ecr.type_defs import {name}`"]
    if op is not None:
        lines += ["///", f"/// [api]: {API_REFERENCE.format(op[0])}"]
    lines += ["#[typed_dict]", f"pub struct {name} {{"]
    for key in keys:
        rust = types.rust(key.annotation, key.see, uses)
        field = field_name(key.name)
        attrs = []
        if macro_camel_case(field) != key.name:
            attrs.append(f'key = "{key.name}"')
        reason = wire_optional_reason(name, key, is_response or name == "ResponseMetadataTypeDef")
        if reason:
            if not key.required:
                sys.exit(f"{name}.{key.name}: wire_optional on a NotRequired key")
            used_wire_optional.add((name, key.name))
            lines += comment_lines(reason, "    ")
            attrs.append("wire_optional")
        if attrs:
            lines.append(f"    #[typed_dict({', '.join(attrs)})]")
        ty = rust if key.required and not reason else f"Option<{rust}>"
        lines.append(f"    pub {field}: {ty},")
    lines.append("}")
    return lines


def pascal_variant(value):
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", value) and not value.isupper():
        return value  # already PascalCase: `ImageNotFound`
    return "".join(word[:1].upper() + word[1:].lower() for word in re.split(r"[_\W]+", value))


def apply_rule(rule, variant):
    """The value `#[typed_dict(rename_all = rule)]` gives a variant (macros/src/case.rs)."""
    if rule is None:
        return variant
    words = "".join(("_" if c.isupper() and i else "") + c.lower() for i, c in enumerate(variant))
    if rule == "SCREAMING_SNAKE_CASE":
        return words.upper()
    if rule == "snake_case":
        return words
    return variant[:1].lower() + variant[1:]


def render_literal(name, values):
    variants = [pascal_variant(value) for value in values]
    rule = next(
        (rule for rule in (None, "SCREAMING_SNAKE_CASE", "snake_case", "camelCase")
         if all(apply_rule(rule, v) == value for v, value in zip(variants, values))),
        "explicit",
    )
    lines = doc_lines(LITERAL_SUMMARIES[name])
    lines += ["///", f"/// `from types_aiobotocore_ecr.literals import {name}`"]
    lines.append("#[typed_dict]" if rule in (None, "explicit")
                 else f'#[typed_dict(rename_all = "{rule}")]')
    lines.append(f"pub enum {name} {{")
    for variant, value in zip(variants, values):
        if rule == "explicit":
            lines.append(f'    #[typed_dict(value = "{value}")]')
        lines.append(f"    {variant},")
    lines.append("}")
    return lines


def module_file(module, doc, names, type_defs, types, used_wire_optional):
    uses = set()
    body = []
    for name in names:
        body.append("")
        body += render_type_def(name, type_defs[name], types, uses, used_wire_optional)
    lines = ["//! " + line for line in wrap(doc, 92)]
    lines += HEADER.format(spec="type_defs.md").splitlines()
    lines.append("")
    lines += render_uses(uses, module)
    lines += body
    return "\n".join(lines) + "\n"


def literals_file(literals):
    lines = ["//! " + line for line in wrap(LITERALS_DOC, 92)]
    lines += HEADER.format(spec="literals.md").splitlines()
    lines += ["", "use typed_dict::typed_dict;"]
    for name, values in literals:
        lines.append("")
        lines += render_literal(name, values)
    return "\n".join(lines) + "\n"


REGISTRY_DOC = """\
//! Every schema of the crate, by name and in the upstream documentation's order.
//!
//! The tables hold `fn` pointers and references to the schemas the `#[typed_dict]`
//! declarations already carry, so the registry costs one static array each and no code
//! per type. Looking a name up is a linear scan of 124 (or 26) names.
//!
//! Generated by `tools/generate.py` from `spec/type_defs.md` and `spec/literals.md`:
//! change the generator, not this file.

use typed_dict::{Literal, LiteralSchema, TypedDict, TypedDictSchema};
"""

REGISTRY_FNS = """
/// The schema of the TypeDef called `name` (`"CreateRepositoryRequestRequestTypeDef"`).
pub fn type_def(name: &str) -> Option<&'static TypedDictSchema> {
    type_defs().find(|schema| schema.name == name)
}

/// The schema of the literal type called `name` (`"ScanStatusType"`).
pub fn literal(name: &str) -> Option<&'static LiteralSchema> {
    literals().find(|schema| schema.name == name)
}

/// Every TypeDef's schema, in the order of upstream's `type_defs` documentation.
pub fn type_defs() -> impl Iterator<Item = &'static TypedDictSchema> {
    TYPE_DEFS.iter().map(|schema| schema())
}

/// Every literal type's schema, in the order of upstream's `literals` documentation.
pub fn literals() -> impl Iterator<Item = &'static LiteralSchema> {
    LITERALS.iter().copied()
}
"""


def registry_file(type_def_names, literal_names):
    lines = REGISTRY_DOC.splitlines()
    lines.append("")
    for module, *_ in MODULES:
        lines.append(f"use crate::{module}::*;")
    lines.append("use crate::literals::*;")
    lines.append("")
    lines.append("/// Every TypeDef, in the order of `spec/type_defs.md`.")
    lines.append(
        f"static TYPE_DEFS: [fn() -> &'static TypedDictSchema; {len(type_def_names)}] = ["
    )
    lines += [f"    <{name} as TypedDict>::schema," for name in type_def_names]
    lines.append("];")
    lines.append("")
    lines.append("/// Every literal type, in the order of `spec/literals.md`.")
    lines.append(f"static LITERALS: [&LiteralSchema; {len(literal_names)}] = [")
    lines += [f"    &<{name} as Literal>::SCHEMA," for name in literal_names]
    lines.append("];")
    lines += REGISTRY_FNS.splitlines()
    return "\n".join(lines) + "\n"


def rustfmt(path, text):
    result = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=text, capture_output=True, text=True, cwd=CRATE,
    )
    if result.returncode != 0:
        sys.exit(f"rustfmt failed on {path}:\n{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the files on disk instead of writing them")
    args = parser.parse_args()

    type_defs_list = parse_type_defs(SPEC / "type_defs.md")
    literals_list = parse_literals(SPEC / "literals.md")
    type_defs = dict(type_defs_list)
    literal_names = [name for name, _ in literals_list]

    module_of, module_names = {}, {}
    for module, _, operations, shapes in MODULES:
        owned = set(shapes)
        for op in operations:
            owned |= {op + "RequestRequestTypeDef", op + "ResponseTypeDef"} & type_defs.keys()
        for name in owned:
            if name in module_of:
                sys.exit(f"{name} is in both {module_of[name]} and {module}")
            module_of[name] = module
        module_names[module] = [name for name, _ in type_defs_list if name in owned]
    missing = [name for name in type_defs if name not in module_of]
    unknown = [name for name in module_of if name not in type_defs]
    if missing or unknown:
        sys.exit(f"no module for {missing}; not in the spec: {unknown}")

    types = Types(set(type_defs), set(literal_names), module_of)
    used_wire_optional = set()
    files = {}
    for module, doc, _, _ in MODULES:
        files[SRC / f"{module}.rs"] = module_file(
            module, doc, module_names[module], type_defs, types, used_wire_optional
        )
    files[SRC / "literals.rs"] = literals_file(literals_list)
    files[SRC / "registry.rs"] = registry_file([n for n, _ in type_defs_list], literal_names)
    stale = set(WIRE_OPTIONAL) - used_wire_optional
    if stale:
        sys.exit(f"WIRE_OPTIONAL names keys that are not Required response keys: {stale}")

    differ = []
    for path, text in files.items():
        text = rustfmt(path, text)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        differ.append(path.relative_to(CRATE))
        if not args.check:
            path.write_text(text, encoding="utf-8")
    if args.check and differ:
        sys.exit("out of date (run tools/generate.py): " + ", ".join(map(str, differ)))
    verb = "would change" if args.check else "wrote"
    print(f"{verb} {len(differ)} of {len(files)} files" if differ else "up to date")


if __name__ == "__main__":
    main()
