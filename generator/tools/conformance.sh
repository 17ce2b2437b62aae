#!/usr/bin/env bash
# Generates, builds and checks conformance for any list of services' stubs, outside the test
# command: for each SERVICE, pip downloads STUBS-SERVICE (STUBS: types-aiobotocore, the
# default, or types-boto3; VERSION: 3.10.0 by default, empty for the latest), extracts its facts, and a copy of tests/aws-stubs generated for those services
# runs its conformance test (every TypedDict, key, Required flag, literal and alias name
# equal to the facts; every annotation rendered differently is a deviation the generator
# reported). Prints the counts per service and the deviations by construct.
#
#   generator/tools/conformance.sh sqs sts lambda dynamodb s3 events ecs iam ec2
#   WORK=/tmp/conf VERSION=3.10.0 generator/tools/conformance.sh sqs
#   STUBS=types-boto3 VERSION= generator/tools/conformance.sh sqs sts
#
# Builds run one at a time with cargo's default parallelism; ec2 alone (3,618
# declarations) takes minutes and gigabytes.
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 SERVICE..." >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${WORK:-/tmp/typed-dict-gen-conformance}"
version="${VERSION-3.10.0}"
stubs="${STUBS:-types-aiobotocore}"
gen="${CARGO_TARGET_DIR:-$root/target}/debug/typed-dict-gen"
cargo build --quiet --manifest-path "$root/Cargo.toml" -p typed-dict-gen

rm -rf "$work/crate"
mkdir -p "$work/stubs" "$work/facts" "$work/crate/src" "$work/crate/tests"
: > "$work/crate/layout.toml"
for service in "$@"; do
    package="${stubs//-/_}_${service//-/_}"
    if [ ! -d "$work/stubs/$service/$package" ]; then
        pip download --quiet --no-deps -d "$work/stubs/$service" "$stubs-$service${version:+==$version}"
        unzip -q -o -d "$work/stubs/$service" "$work/stubs/$service"/*.whl
    fi
    "$gen" facts "$work/stubs/$service/$package" > "$work/facts/$service.json"
    module="${service//-/_}"
    cat >> "$work/crate/layout.toml" <<TOML
[release.$module]
facts = "../facts/$service.json"
dir = "src/$module"
path = "crate::$module"

TOML
    "$gen" generate --facts "$work/facts/$service.json" --out "$work/crate/src/$module" \
        --module-path "crate::$module" --deviations "$work/facts/$service.deviations.json" >/dev/null
done

# The crate: tests/aws-stubs with these services, on its own (no workspace).
modules="$(printf '%s\n' "$@" | tr - _ | paste -sd, -)"
sed -e "s/^services!(.*);$/services!($modules);/" "$root/tests/aws-stubs/src/lib.rs" > "$work/crate/src/lib.rs"
cp "$root/tests/aws-stubs/tests/conformance.rs" "$work/crate/tests/"
cat > "$work/crate/Cargo.toml" <<TOML
[package]
name = "typed-dict-aws-stubs"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
typed-dict = { path = "$root/core" }

[dev-dependencies]
typed-dict-gen = { path = "$root/generator" }
serde_json = "1"

[workspace]
TOML
"$gen" project "$work/crate/layout.toml" >/dev/null
(cd "$work/crate" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$work/target}" \
    cargo test --quiet --test conformance every_schema -- --nocapture 2>&1 | grep -E "TypedDicts|test result|panicked|left|right")
python3 - "$work/facts" "$@" <<'PY'
import collections, json, sys
for service in sys.argv[2:]:
    with open(f"{sys.argv[1]}/{service}.deviations.json") as file:
        counts = collections.Counter(d["construct"] for d in json.load(file))
    print(f"{service}: deviations {dict(sorted(counts.items())) or 'none'}")
PY
