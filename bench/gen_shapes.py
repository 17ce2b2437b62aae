#!/usr/bin/env python3
"""Writes the crates that bench/compile_time.sh builds.

  gen_shapes.py ecr-serde DIR     the 124 ECR shapes of ecr-types/spec as plain serde derives
  gen_shapes.py small-serde DIR   124 small declarations, plain serde derive
  gen_shapes.py small-td DIR      the same 124 small declarations with #[typed_dict]
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SPEC = ROOT / "ecr-types" / "spec"


def snake(key):
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", key)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name).lower()
    return "r#type" if name == "type" else name


def parse_type_defs():
    """[(name, [(key, required, annotation)])] from the upstream docs."""
    text = (SPEC / "type_defs.md").read_text()
    shapes = []
    for section in text.split("\n## ")[1:]:
        name = section.split("\n", 1)[0].strip()
        fields, required = [], True
        items = re.split(r"\n(?=- `|Required fields:|Optional fields:)", section)
        for item in items:
            if item.startswith("Required fields:"):
                required = True
            elif item.startswith("Optional fields:"):
                required = False
            elif item.startswith("- `"):
                item = item.split("\n\n", 1)[0]
                flat = " ".join(line.strip() for line in item.split("\n"))
                match = re.match(r"- `([^`]+)`: (.*)", flat)
                annotation = re.sub(r"\(see .*\)$", "", match.group(2))
                annotation = re.sub(r"\[([A-Za-z]+)\]\([^)]*\)", r"\1", annotation)
                annotation = annotation.replace("`", "").replace("\\", "").strip()
                fields.append((match.group(1), required, annotation))
        shapes.append((name, fields))
    return shapes


def parse_literals():
    text = (SPEC / "literals.md").read_text()
    literals = []
    for section in text.split("\n## ")[1:]:
        name = section.split("\n", 1)[0].strip()
        values = re.findall(r"^- `([^`]+)`$", section, re.M)
        literals.append((name, values))
    return literals


def serde_type(annotation, literal_names):
    """The Rust type a user would write by hand with plain serde."""
    annotation = annotation.strip()
    generic = re.match(r"^(Sequence|List|Dict|Union)\[(.*)\]$", annotation)
    if annotation.startswith("Union[bytes"):
        return "String"
    if generic:
        kind, inner = generic.groups()
        if kind == "Dict":
            key, value = split_args(inner)
            key_type = serde_type(key, literal_names)
            return f"std::collections::BTreeMap<{key_type}, {serde_type(value, literal_names)}>"
        return f"Vec<{serde_type(inner, literal_names)}>"
    if annotation.startswith("Literal["):
        return "String"
    return {"str": "String", "int": "i64", "float": "f64", "bool": "bool", "datetime": "f64"}.get(
        annotation, annotation
    )


def split_args(inner):
    depth = 0
    for index, c in enumerate(inner):
        depth += c == "["
        depth -= c == "]"
        if c == "," and depth == 0:
            return inner[:index], inner[index + 1 :]
    raise ValueError(inner)


def variant(value):
    words = re.split(r"[^A-Za-z0-9]+", value)
    name = "".join(w[:1].upper() + w[1:].lower() if w.isupper() or w.islower() else w for w in words if w)
    return name if name[:1].isalpha() else "V" + name


def ecr_serde():
    literals = parse_literals()
    names = {name for name, _ in literals}
    out = ["//! The ECR shapes as plain serde derives: the compile-time baseline.", "#![allow(dead_code)]", ""]
    out.append("use serde::{Deserialize, Serialize};\n")
    for name, values in literals:
        out.append("#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]")
        out.append(f"pub enum {name} {{")
        for value in values:
            out.append(f'    #[serde(rename = "{value}")]\n    {variant(value)},')
        out.append("}\n")
    for name, fields in parse_type_defs():
        out.append("#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]")
        out.append(f"pub struct {name} {{")
        for key, required, annotation in fields:
            rust = serde_type(annotation, names)
            out.append(f'    #[serde(rename = "{key}")]')
            if not required:
                out.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
                rust = f"Option<{rust}>"
            out.append(f"    pub {snake(key)}: {rust},")
        out.append("}\n")
    return "\n".join(out)


def small(typed_dict):
    out = ["//! 124 small declarations: the per-shape cost of the macro.", "#![allow(dead_code)]", ""]
    if typed_dict:
        out.append("use typed_dict::{typed_dict, Sequence, Timestamp};\n")
    else:
        out.append("use serde::{Deserialize, Serialize};\n")
    for index in range(124):
        if typed_dict:
            out.append("#[typed_dict]")
        else:
            out.append("#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]")
            out.append('#[serde(rename_all = "camelCase")]')
        out.append(f"pub struct Shape{index}TypeDef {{")
        out.append("    pub repository_name: String,")
        out.append("    pub registry_id: String,")
        optional = [
            ("max_results", "i64", "i64"),
            ("image_tags", "Sequence<String>", "Vec<String>"),
            ("created_at", "Timestamp", "f64"),
        ]
        for field, td_type, serde_ty in optional:
            if not typed_dict:
                out.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
            out.append(f"    pub {field}: Option<{td_type if typed_dict else serde_ty}>,")
        out.append("}\n")
    return "\n".join(out)


def main():
    kind, target = sys.argv[1], pathlib.Path(sys.argv[2])
    (target / "src").mkdir(parents=True, exist_ok=True)
    source = {"ecr-serde": ecr_serde, "small-serde": lambda: small(False), "small-td": lambda: small(True)}[kind]()
    (target / "src" / "lib.rs").write_text(source)
    dependency = (
        f'typed-dict = {{ path = "{ROOT / "core"}" }}'
        if kind == "small-td"
        else 'serde = { version = "1", features = ["derive"] }'
    )
    (target / "Cargo.toml").write_text(
        f'[package]\nname = "{kind}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{dependency}\n"
    )


if __name__ == "__main__":
    main()
