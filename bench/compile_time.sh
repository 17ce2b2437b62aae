#!/usr/bin/env bash
# Compile time of the framework against plain serde derive, debug profile, wall time.
#
#   bench/compile_time.sh            # all measurements, median of 3 runs each
#   RUNS=1 bench/compile_time.sh     # quicker
#
# 1. What a dependent crate really gets, dependencies included: a clean debug build (an
#    empty target folder) of
#    - app-ecr-types: a crate depending on `ecr-types` and `typed-dict` as a user's
#      `ecr-types = "0.1"` does (path dependencies, default features), decoding one response;
#    - ecr-serde: the same 124 shapes as plain serde derives in the crate itself, with
#      serde and serde_json as its dependencies, decoding the same response.
#    Every crate either needs is compiled, proc-macro crates included; the CLI is not.
# 2. The crate alone, its dependencies built: a clean build of the crate, and the rebuild
#    after touching its source.
#    - small-td / small-serde: 124 small declarations, #[typed_dict] vs #[derive(Serialize, Deserialize)]
#    - ecr-types / ecr-serde: the 124 ECR shapes, ecr-types vs plain serde derives
#    - ecr-types-latest / ecr-serde-all: ecr-types with the `latest` feature (both releases,
#      124 + 181 shapes, the unions and aliases, open literals) vs the same shapes of both
#      releases as plain serde derives (`typed-dict-gen project ... --plain-serde`), built
#      in a workspace of their own so that the feature is not unified into the cases above
#
# Builds run one after another (never two at once) with cargo's default parallelism; on a
# shared machine, run it when nothing else builds, or read the ratios rather than the seconds.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/compile-bench"
runs="${RUNS:-3}"
mkdir -p "$work"

cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["small-td", "small-serde", "ecr-serde", "app-ecr-types"]
[profile.dev.package."*"]
debug = false
TOML
python3 "$root/bench/gen_shapes.py" small-td "$work/small-td"
python3 "$root/bench/gen_shapes.py" small-serde "$work/small-serde"
python3 "$root/bench/gen_shapes.py" ecr-serde "$work/ecr-serde"
# A plain serde user decodes with serde_json too.
echo 'serde_json = "1"' >> "$work/ecr-serde/Cargo.toml"
cat >> "$work/ecr-serde/src/lib.rs" <<'RUST'

/// What a user's code does with the shapes: decode a response.
pub fn image_count(json: &str) -> Option<usize> {
    let response: DescribeImagesResponseTypeDef = serde_json::from_str(json).ok()?;
    Some(response.image_details.len())
}
RUST
mkdir -p "$work/app-ecr-types/src"
cat > "$work/app-ecr-types/src/lib.rs" <<'RUST'
//! A user of ecr-types: decode a response.

/// What a user's code does with the shapes: decode a response.
pub fn image_count(json: &str) -> Option<usize> {
    let response: ecr_types::DescribeImagesResponseTypeDef = typed_dict::from_str(json).ok()?;
    Some(response.image_details.len())
}
RUST
cat > "$work/app-ecr-types/Cargo.toml" <<TOML
[package]
name = "app-ecr-types"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
ecr-types = { path = "$root/ecr-types", version = "0.1" }
typed-dict = { path = "$root/core", version = "0.1" }
TOML

# The `latest` case.
latest="$root/target/compile-bench-latest"
mkdir -p "$latest/ecr-types-latest/src"
cat > "$latest/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["ecr-serde-all", "ecr-types-latest"]
[profile.dev.package."*"]
debug = false
TOML
cargo run --quiet --manifest-path "$root/Cargo.toml" -p typed-dict-gen -- \
    project "$root/ecr-types/tools/layout.toml" --plain-serde "$latest/ecr-serde-all" >/dev/null
echo "pub use ecr_types;" > "$latest/ecr-types-latest/src/lib.rs"
cat > "$latest/ecr-types-latest/Cargo.toml" <<TOML
[package]
name = "ecr-types-latest"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
ecr-types = { path = "$root/ecr-types", features = ["latest"] }
TOML
(cd "$latest" && { cargo build -q --workspace >/dev/null 2>&1 || cargo build --workspace; })

cd "$work"
cargo build -q --workspace >/dev/null 2>&1 || cargo build --workspace

seconds() { python3 -c 'import time; print(f"{time.time():.3f}")'; }
median() { python3 -c 'import sys,statistics; print(f"{statistics.median(map(float, sys.argv[1:])):.2f}")' "$@"; }

# Clean build of a package and everything it depends on, in a target folder of its own.
measure_with_dependencies() { # package
    local package=$1 times=() crates
    local target="$work/target-clean-$package"
    for _ in $(seq "$runs"); do
        rm -rf "$target"
        local start end
        start=$(seconds)
        CARGO_TARGET_DIR="$target" cargo build -q -p "$package"
        end=$(seconds)
        times+=("$(python3 -c "print($end - $start)")")
    done
    crates=$(cargo tree -q -p "$package" -e normal,build --prefix none | sed 's/ (\*)$//' | sort -u | wc -l)
    rm -rf "$target"
    echo "$package $(median "${times[@]}") $crates"
}

# Clean build of the package alone, then the rebuild after touching one of its files.
measure_alone() { # package, file to touch, [label]
    local package=$1 touch_file=$2 label=${3:-$1} clean=() rebuild=()
    for _ in $(seq "$runs"); do
        cargo clean -q -p "$package"
        local start end
        start=$(seconds); cargo build -q -p "$package"; end=$(seconds)
        clean+=("$(python3 -c "print($end - $start)")")
        touch "$touch_file"
        start=$(seconds); cargo build -q -p "$package"; end=$(seconds)
        rebuild+=("$(python3 -c "print($end - $start)")")
    done
    echo "$label $(median "${clean[@]}") $(median "${rebuild[@]}")"
}

{
    measure_with_dependencies app-ecr-types
    measure_with_dependencies ecr-serde
} > "$work/with-dependencies.txt"
{
    measure_alone small-td "$work/small-td/src/lib.rs"
    measure_alone small-serde "$work/small-serde/src/lib.rs"
    measure_alone ecr-types "$root/ecr-types/src/scanning.rs"
    measure_alone ecr-serde "$work/ecr-serde/src/lib.rs"
    cd "$latest"
    measure_alone ecr-types "$root/ecr-types/src/latest/scanning.rs" ecr-types-latest
    measure_alone ecr-serde-all "$latest/ecr-serde-all/src/lib.rs"
    cd "$work"
} > "$work/alone.txt"

python3 - "$work/with-dependencies.txt" "$work/alone.txt" <<'PY'
import sys
deps = {line.split()[0]: line.split()[1:] for line in open(sys.argv[1])}
alone = {line.split()[0]: tuple(map(float, line.split()[1:])) for line in open(sys.argv[2])}
print("Clean debug build, dependencies included:")
print("| crate | packages compiled | clean build (s) |")
print("|---|---:|---:|")
for name, (seconds, crates) in deps.items():
    print(f"| {name} | {crates} | {float(seconds):.2f} |")
ratio = float(deps["app-ecr-types"][0]) / float(deps["ecr-serde"][0])
print(f"a dependent of ecr-types: {ratio:.2f}x the same shapes as plain serde derives (target at most 1.5x)")
print()
print("The crate alone, dependencies built:")
print("| crate | clean build (s) | rebuild after touch (s) |")
print("|---|---:|---:|")
for name, (clean, rebuild) in alone.items():
    print(f"| {name} | {clean:.2f} | {rebuild:.2f} |")
for ours, base, label in [("small-td", "small-serde", "124 small declarations"), ("ecr-types", "ecr-serde", "124 ECR shapes"), ("ecr-types-latest", "ecr-serde-all", "ecr-types with latest (124 + 181 shapes)")]:
    print(f"{label}: clean {alone[ours][0] / alone[base][0]:.2f}x plain serde, rebuild {alone[ours][1] / alone[base][1]:.2f}x")
PY
