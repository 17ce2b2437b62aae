#!/usr/bin/env bash
# Compile time of the framework against plain serde derive, debug profile, wall time.
#
#   bench/compile_time.sh            # all measurements, median of 3 runs each
#   RUNS=1 bench/compile_time.sh     # quicker
#
# Each crate's dependencies are built first, so the numbers are the crate alone:
# - small-td / small-serde: 124 small declarations, #[typed_dict] vs #[derive(Serialize, Deserialize)]
# - ecr-types / ecr-serde: the 124 ECR shapes, ecr-types (library only) vs plain serde derives
# - ecr-types-latest / ecr-serde-all: ecr-types with the `latest` feature (both releases,
#   124 + 181 shapes, the unions and aliases, open literals) vs the same shapes of both
#   releases as plain serde derives (`ecr-types/tools/generate.py --plain-serde`), built in
#   a workspace of their own so that the feature is not unified into the case above
# For each: a clean build of the crate, and the rebuild after touching its source.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/target/compile-bench"
runs="${RUNS:-3}"
mkdir -p "$work"

cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["small-td", "small-serde", "ecr-serde", "ecr-types-lib"]
[profile.dev.package."*"]
debug = false
TOML
python3 "$root/bench/gen_shapes.py" small-td "$work/small-td"
python3 "$root/bench/gen_shapes.py" small-serde "$work/small-serde"
python3 "$root/bench/gen_shapes.py" ecr-serde "$work/ecr-serde"
# ecr-types itself, built as a dependency of an empty crate so the bench workspace
# compiles it exactly as users do.
mkdir -p "$work/ecr-types-lib/src"
echo "pub use ecr_types;" > "$work/ecr-types-lib/src/lib.rs"
cat > "$work/ecr-types-lib/Cargo.toml" <<TOML
[package]
name = "ecr-types-lib"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
ecr-types = { path = "$root/ecr-types", default-features = false }
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
python3 "$root/ecr-types/tools/generate.py" --plain-serde "$latest/ecr-serde-all" >/dev/null
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

seconds() { python3 -c 'import sys,time; print(f"{time.time():.3f}")'; }
median() { python3 -c 'import sys,statistics; print(f"{statistics.median(map(float, sys.argv[1:])):.2f}")' "$@"; }

measure() { # package, file to touch, [label]
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
    measure small-td "$work/small-td/src/lib.rs"
    measure small-serde "$work/small-serde/src/lib.rs"
    measure ecr-types "$root/ecr-types/src/scanning.rs"
    measure ecr-serde "$work/ecr-serde/src/lib.rs"
    cd "$latest"
    measure ecr-types "$root/ecr-types/src/latest/scanning.rs" ecr-types-latest
    measure ecr-serde-all "$latest/ecr-serde-all/src/lib.rs"
} > "$work/results.txt"

python3 - "$work/results.txt" <<'PY'
import sys
rows = {line.split()[0]: tuple(map(float, line.split()[1:])) for line in open(sys.argv[1])}
print("| crate | clean build (s) | rebuild after touch (s) |")
print("|---|---|---|")
for name, (clean, rebuild) in rows.items():
    print(f"| {name} | {clean:.2f} | {rebuild:.2f} |")
for ours, base, label in [("small-td", "small-serde", "124 small declarations"), ("ecr-types", "ecr-serde", "124 ECR shapes"), ("ecr-types-latest", "ecr-serde-all", "ecr-types with latest (124 + 181 shapes)")]:
    print(f"{label}: clean {rows[ours][0] / rows[base][0]:.2f}x plain serde, rebuild {rows[ours][1] / rows[base][1]:.2f}x")
PY
