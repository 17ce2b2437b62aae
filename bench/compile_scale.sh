#!/usr/bin/env bash
# Compile scale (issue 21): a large service's shapes declared by typed-dict-gen against the
# same shapes as plain serde derives (typed-dict-gen's `--plain-serde`), CPU time (user +
# system, so a busy machine moves it less than wall time) and peak memory (the largest
# rustc's maximum resident set) of three builds, each crate alone (its dependencies built):
#
#   lib-debug    the shapes' library, debug profile
#   lib-release  the shapes' library, release profile
#   use-release  a crate decoding and encoding every shape with the library, release profile
#
#   bench/compile_scale.sh                   # ec2 (3,618 declarations), one sitting
#   SERVICE=s3 RUNS=3 bench/compile_scale.sh # another service, three interleaved sittings
#   CASES="lib-release use-release" bench/compile_scale.sh  # some of the builds
#
# Needs pip (it downloads types-aiobotocore-$SERVICE $VERSION once) and python3 (facts).
# Not part of the test command: ec2 takes minutes a build and gigabytes of memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
service="${SERVICE:-ec2}"
version="${VERSION:-3.10.0}"
runs="${RUNS:-1}"
cases="${CASES:-lib-debug lib-release use-release}"
work="$root/target/compile-scale/$service"
module="${service//-/_}"
package="types_aiobotocore_$module"
gen="${CARGO_TARGET_DIR:-$root/target}/debug/typed-dict-gen"
cargo build --quiet --manifest-path "$root/Cargo.toml" -p typed-dict-gen

mkdir -p "$work/stubs"
if [ ! -d "$work/stubs/$package" ]; then
    pip download --quiet --no-deps -d "$work/stubs" "types-aiobotocore-$service==$version"
    unzip -q -o -d "$work/stubs" "$work/stubs"/*.whl
fi
"$gen" facts "$work/stubs/$package" > "$work/facts.json"

# The shapes, both ways: `td` (typed-dict) and `serde` (plain derives).
rm -rf "$work/td" "$work/serde" "$work/use-td" "$work/use-serde"
mkdir -p "$work/td/src" "$work/use-td/src" "$work/use-serde/src"
cat > "$work/td/layout.toml" <<TOML
[release.$module]
facts = "../facts.json"
dir = "src/$module"
path = "crate::$module"
TOML
"$gen" project "$work/td/layout.toml" >/dev/null
echo "pub mod $module;" > "$work/td/src/lib.rs"
"$gen" project "$work/td/layout.toml" --plain-serde "$work/serde" >/dev/null
sed -i 's/^name = .*/name = "shapes-serde"/' "$work/serde/Cargo.toml"
cat > "$work/td/Cargo.toml" <<TOML
[package]
name = "shapes-td"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
typed-dict = { path = "$root/core" }
TOML

# The users: one function decoding and encoding each TypedDict.
python3 - "$work" "$module" <<'PY'
import json, sys
work, module = sys.argv[1], sys.argv[2]
names = [t["name"] for t in json.load(open(f"{work}/facts.json"))["type_defs"]]
def user(path, crate, decode, encode):
    with open(path, "w") as out:
        out.write("//! Decodes and encodes every shape.\n#![allow(clippy::all)]\n\n")
        for i, name in enumerate(names):
            out.write(f"pub fn round_trip_{i}(json: &str) -> Option<String> {{\n"
                      f"    let value: {crate}::{name} = {decode}(json).ok()?;\n"
                      f"    {encode}(&value).ok()\n}}\n\n")
user(f"{work}/use-td/src/lib.rs", f"shapes_td::{module}", "typed_dict::from_str", "typed_dict::to_string")
user(f"{work}/use-serde/src/lib.rs", f"shapes_serde::{module}", "serde_json::from_str", "serde_json::to_string")
PY
cat > "$work/use-td/Cargo.toml" <<TOML
[package]
name = "use-td"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
shapes-td = { path = "../td" }
typed-dict = { path = "$root/core" }
TOML
cat > "$work/use-serde/Cargo.toml" <<TOML
[package]
name = "use-serde"
version = "0.0.0"
edition = "2021"
publish = false
[dependencies]
shapes-serde = { path = "../serde" }
serde_json = "1"
TOML
cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["td", "serde", "use-td", "use-serde"]
[profile.dev.package."*"]
debug = false
TOML

cd "$work"
# Dependencies first, outside the timings.
for profile in dev release; do
    cargo build --quiet --profile "$profile" -p typed-dict -p serde_json -p serde
done

# One build of `package` alone in `profile`: "cpu_seconds peak_mb".
measure() {
    local profile=$1 package=$2
    cargo clean --quiet --profile "$profile" -p "$package"
    /usr/bin/time -f "%U %S %M" -o "$work/time.txt" \
        cargo build --quiet --profile "$profile" -p "$package"
    read -r user system kb < "$work/time.txt"
    python3 -c "print(f'{$user + $system:.1f} {$kb / 1024:.0f}')"
}

printf '%-12s %-6s %10s %10s\n' build crate "cpu s" "peak MB"
for sitting in $(seq "$runs"); do
    for case in "lib-debug dev shapes" "lib-release release shapes" "use-release release use"; do
        set -- $case
        [[ " $cases " == *" $1 "* ]] || continue
        for flavor in td serde; do
            if [ "$3" = shapes ]; then
                crate="shapes-$flavor"
            else
                # The library it uses is built (and not timed) first.
                cargo build --quiet --profile "$2" -p "shapes-$flavor"
                crate="use-$flavor"
            fi
            read -r cpu peak <<< "$(measure "$2" "$crate")"
            printf '%-12s %-6s %10s %10s\n' "$1" "$flavor" "$cpu" "$peak"
        done
    done
done
