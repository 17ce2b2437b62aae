#!/usr/bin/env python3
"""Which of ECR's constraints each checker enforces: boto3's own parameter validation,
moto's mock of ECR, and `ecr-types validate --constraints`. Outside the test command (it
needs `pip install boto3 'moto[server]'`); run it as

    ECR_TYPES=target/debug/ecr-types python3 ecr-types/tools/moto_constraints.py

and it prints one line a case: what each checker said (`refused` or `accepted`).
"""

import json
import os
import subprocess
import tempfile

import boto3
import botocore.config
import botocore.exceptions
from moto import mock_aws

REGION = "us-east-1"
REPO = "web"

# (case, operation, boto3 method, request)
CASES = [
    ("pattern: repositoryName 'Web_App'", "CreateRepository", "create_repository", {"repositoryName": "Web_App"}),
    ("min_length: repositoryName of 1", "CreateRepository", "create_repository", {"repositoryName": "a"}),
    ("max_length: repositoryName of 257", "CreateRepository", "create_repository", {"repositoryName": "a" * 257}),
    ("pattern: registryId '12'", "CreateRepository", "create_repository", {"repositoryName": "web2", "registryId": "12"}),
    ("le: maxResults 5000", "DescribeImages", "describe_images", {"repositoryName": REPO, "maxResults": 5000}),
    ("ge: maxResults 0", "DescribeImages", "describe_images", {"repositoryName": REPO, "maxResults": 0}),
    ("min_length (items): imageIds []", "BatchGetImage", "batch_get_image", {"repositoryName": REPO, "imageIds": []}),
    ("max_length (items): 101 imageIds", "BatchGetImage", "batch_get_image", {"repositoryName": REPO, "imageIds": [{"imageTag": f"t{i}"} for i in range(101)]}),
    ("max_length: imageTag of 400", "PutImage", "put_image", {"repositoryName": REPO, "imageManifest": "{}", "imageTag": "x" * 400}),
    ("within every constraint", "CreateRepository", "create_repository", {"repositoryName": "team/web-app"}),
]


def call(client, method, request):
    try:
        getattr(client, method)(**request)
        return "accepted"
    except botocore.exceptions.ParamValidationError:
        return "refused by boto3"
    except botocore.exceptions.ClientError as error:
        code = error.response["Error"]["Code"]
        if code in ("RepositoryNotFoundException", "ImageNotFoundException", "RepositoryAlreadyExistsException"):
            return f"accepted ({code})"
        return f"refused by moto ({code})"
    except Exception as error:  # moto raises its own for what it does not model
        return f"error ({type(error).__name__})"


def ecr_types(operation, request):
    binary = os.environ.get("ECR_TYPES")
    if not binary:
        return "(ECR_TYPES unset)"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(request, file)
    result = subprocess.run(
        [binary, "validate", "--api", "latest", "--operation", operation, "--request", "--constraints", file.name],
        capture_output=True, text=True,
    )
    os.unlink(file.name)
    return {0: "accepted", 1: "refused"}.get(result.returncode, f"exit {result.returncode}: {result.stderr.strip()}")


@mock_aws
def main():
    validating = boto3.client("ecr", region_name=REGION)
    unvalidated = boto3.client(
        "ecr", region_name=REGION, config=botocore.config.Config(parameter_validation=False)
    )
    validating.create_repository(repositoryName=REPO)
    print(f"botocore {botocore.__version__}")
    print("case | boto3 with validation, then moto | moto alone | ecr-types --constraints")
    for case, operation, method, request in CASES:
        client_side = call(validating, method, request)
        moto = call(unvalidated, method, request)
        print(f"{case} | {client_side} | {moto} | {ecr_types(operation, request)}")


if __name__ == "__main__":
    main()
