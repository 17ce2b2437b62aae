#!/usr/bin/env python3
"""Writes the `ecr-types` declarations of every release from the stub facts.

Reads, per release named in `tools/layout.toml`, the facts file of the stub package
(`spec/types-aiobotocore-ecr-<version>.json`: every TypedDict with its keys in order,
Required flags and annotation text, every alias, every literal) and writes one Rust module
per API area, `literals.rs` and `tables.rs` (the release's `CATALOG`; and, below the crate
root, the `mod.rs`):

- release 2.1 (the seed contract): the crate root, `src/*.rs` (`src/lib.rs` is hand-written);
- release latest (3.10.0): `src/latest/`, behind the `latest` feature.

What the facts cannot say (module, summary line, wire-mode exceptions with their evidence)
is in `tools/layout.toml`. Output variants (`XOutputTypeDef` beside `XTypeDef`) become the
macro's `output = XOutputTypeDef` when the variant the macro derives has exactly the
stub's keys, flags and annotations; otherwise both are declared.

    python3 tools/generate.py          # rewrite the modules
    python3 tools/generate.py --check  # exit 1 and print a diff if a module differs
    python3 tools/generate.py --plain-serde DIR  # every release's shapes as plain serde
                                                 # derives (the compile-time baseline)

Python 3.11 standard library only; the output goes through `rustfmt` (from the pinned
toolchain) so that it is exactly what `cargo fmt` leaves.
"""

import argparse
import difflib
import json
import pathlib
import re
import subprocess
import sys
import tomllib

CRATE = pathlib.Path(__file__).resolve().parent.parent
LAYOUT = CRATE / "tools" / "layout.toml"

API_REFERENCE = "https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_{}.html"

# The suffixes of the TypeDefs an operation owns, and what each is. The doubled `Request`
# is 2.1's naming of a request; 3.10 writes one.
OPERATION_SUFFIXES = [
    ("RequestRequestTypeDef", "request"),
    ("RequestPaginateTypeDef", "paginate"),
    ("RequestWaitTypeDef", "wait"),
    ("RequestTypeDef", "request"),
    ("ResponseTypeDef", "response"),
]

RUST_KEYWORDS = {
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum",
    "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod",
    "move", "mut", "pub", "ref", "return", "static", "struct", "super", "trait", "true",
    "type", "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final",
    "gen", "macro", "override", "priv", "try", "typeof", "unsized", "virtual", "yield",
}

SCALARS = {"str": "String", "int": "i64", "float": "f64", "bool": "bool"}

# The `typed_dict::schema::PythonStyle` constants, by their (list, dict) generics.
PYTHON_STYLES = {("list", "dict"): "BUILTINS", ("List", "Dict"): "TYPING"}


def fail(message):
    sys.exit(f"generate.py: {message}")


# ---------------------------------------------------------------------------------------
# Facts and layout.
# ---------------------------------------------------------------------------------------


class Key:
    def __init__(self, name, required, annotation):
        self.name = name
        self.required = required
        self.annotation = annotation  # exactly as the stub writes it: `list[LayerTypeDef]`


class Release:
    """One facts file, and where and how its Rust module tree is written."""

    def __init__(self, name, table):
        self.name = name
        self.facts_path = table["facts"]
        self.dir = CRATE / table["dir"]
        self.path = table["path"]  # `crate` or `crate::latest`
        self.non_exhaustive = table["non_exhaustive"]
        facts = json_load(CRATE / self.facts_path)
        self.version = facts["version"]
        self.type_defs = [
            (t["name"], [Key(f["key"], f["required"], f["type"]) for f in t["fields"]])
            for t in facts["type_defs"]
        ]
        self.aliases = [(a["name"], a["type"]) for a in facts["aliases"]]
        literals = [(l["name"], l["values"]) for l in facts["literals"]
                    if l["name"] not in table["omit_literals"]]
        last = table["literals_last"]
        self.literals = ([l for l in literals if l[0] not in last]
                         + sorted((l for l in literals if l[0] in last),
                                  key=lambda l: last.index(l[0])))
        self.keys = dict(self.type_defs)
        self.literal_values = dict(self.literals)
        self.alias_text = dict(self.aliases)
        self.python = table["python"]  # {list, dict, blob}: how the release spells them
        if (self.python["list"], self.python["dict"]) not in PYTHON_STYLES:
            fail(f"{name}: no PythonStyle spells list and dict as {self.python}")
        # Sequence is spelled one way in every release.
        self.containers = {"Sequence": "Sequence", self.python["list"]: "List",
                           self.python["dict"]: "Dict"}

    @property
    def is_root(self):
        return self.path == "crate"


def json_load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def operation(name):
    """(operation, kind) for the TypeDefs an operation owns, else None."""
    for suffix, kind in OPERATION_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)], kind
    return None


def union_members(text):
    """`Union[ATypeDef, AOutputTypeDef]` -> (input, output), for an input/output union."""
    match = re.fullmatch(r"Union\[(\w+)TypeDef, (\w+)OutputTypeDef\]", text)
    if match and match.group(1) == match.group(2):
        return match.group(1) + "TypeDef", match.group(2) + "OutputTypeDef"
    return None


# ---------------------------------------------------------------------------------------
# Output variants: `XOutputTypeDef` is the macro's output variant of `XTypeDef` when it is
# exactly what the macro derives (`list` for every sequence, output variants for nested
# typed dicts), key for key.
# ---------------------------------------------------------------------------------------


def split_args(text):
    args, depth, start = [], 0, 0
    for index, c in enumerate(text):
        depth += {"[": 1, "]": -1}.get(c, 0)
        if c == "," and depth == 0:
            args.append(text[start:index].strip())
            start = index + 1
    args.append(text[start:].strip())
    return args


def output_annotation(text, outputs, release):
    match = re.fullmatch(r"(\w+)\[(.*)\]", text)
    if match and match.group(1) in release.containers:
        outer, args = release.containers[match.group(1)], split_args(match.group(2))
        if outer in ("List", "Sequence"):
            inner = output_annotation(args[0], outputs, release)
            return f"{release.python['list']}[{inner}]"
        return (f"{match.group(1)}[{args[0]}, "
                f"{output_annotation(args[1], outputs, release)}]")
    return outputs.get(text, text)


def output_pairs(release):
    """{input: output} for every `XOutputTypeDef` the macro derives exactly from `XTypeDef`."""
    candidates = {}
    for name, _ in release.type_defs:
        if name.endswith("OutputTypeDef"):
            input_name = name.removesuffix("OutputTypeDef") + "TypeDef"
            if input_name in release.keys:
                candidates[input_name] = name
    while True:
        mismatched = [
            input_name for input_name, output in candidates.items()
            if [(k.name, k.required, output_annotation(k.annotation, candidates, release))
                for k in release.keys[input_name]]
            != [(k.name, k.required, k.annotation) for k in release.keys[output]]
        ]
        if not mismatched:
            return candidates
        for input_name in mismatched:
            del candidates[input_name]


# ---------------------------------------------------------------------------------------
# Modules.
# ---------------------------------------------------------------------------------------


def assign_modules(release, layout, outputs):
    """({name: module}, [(module, doc, names in facts order)]) for the release."""
    module_of = {}
    names = [name for name, _ in release.type_defs] + [name for name, _ in release.aliases]
    twins = {output: input_name for input_name, output in outputs.items()}
    unions = {name: union_members(text) for name, text in release.aliases}

    def own(name, module):
        if name in module_of and module_of[name] != module:
            fail(f"{release.name}: {name} is in both {module_of[name]} and {module}")
        module_of[name] = module

    for module in layout["module"]:
        listed = set(module["shapes"])
        for name in names:
            op = operation(name)
            if name in listed or (op and op[0] in module["operations"]):
                own(name, module["name"])
    for name in names:
        partner = twins.get(name) or (unions.get(name) or (None,))[0]
        if partner and partner in module_of:
            own(name, module_of[partner])
    missing = [name for name in names if name not in module_of]
    if missing:
        fail(f"{release.name}: no module for {missing} (tools/layout.toml)")
    modules = []
    for module in layout["module"]:
        owned = [name for name in names if module_of[name] == module["name"]]
        if owned:
            doc = module.get(f"{release.name}_doc", module["doc"])
            modules.append((module["name"], doc, owned))
    return module_of, modules


# ---------------------------------------------------------------------------------------
# Names and types.
# ---------------------------------------------------------------------------------------


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

    def __init__(self, release, module_of, literal_of):
        self.release = release
        self.module_of = module_of
        self.literal_of = literal_of
        # The literals the release writes in place (`Literal['EXPIRE']`), not by name.
        self.inline = set()

    def use(self, name, uses):
        uses.add((f"{self.release.path}::{self.module_of[name]}", name))

    def one_value_literal(self, value, owner, key, uses):
        named = self.literal_of.get(f"{owner}.{key}")
        matches = [name for name, values in self.release.literals if values == [value]]
        if named is not None:
            if named not in matches:
                fail(f"{owner}.{key}: {named} is not a literal of exactly ['{value}']")
            matches = [named]
        if len(matches) != 1:
            fail(f"{owner}.{key}: Literal['{value}'] could be any of {matches}: "
                 "say which in [literal_of] of tools/layout.toml")
        uses.add((f"{self.release.path}::literals", matches[0]))
        self.inline.add(matches[0])
        return matches[0]

    def rust(self, annotation, owner, key, uses):
        text = annotation.strip()
        if text in SCALARS:
            return SCALARS[text]
        if text == "datetime":
            uses.add(("typed_dict", "Timestamp"))
            return "Timestamp"
        if text == self.release.python["blob"]:
            uses.add(("typed_dict", "Blob"))
            return "Blob"
        match = re.fullmatch(r"(\w+)\[(.*)\]", text)
        if match and match.group(1) in self.release.containers:
            outer = self.release.containers[match.group(1)]
            uses.add(("typed_dict", outer))
            args = [self.rust(arg, owner, key, uses) for arg in split_args(match.group(2))]
            return f"{outer}<{', '.join(args)}>"
        match = re.fullmatch(r"Literal\['([^']*)'\]", text)
        if match:
            return self.one_value_literal(match.group(1), owner, key, uses)
        if text in self.release.literal_values:
            uses.add((f"{self.release.path}::literals", text))
            return text
        if text in self.module_of:
            self.use(text, uses)
            return text
        fail(f"{owner}.{key}: unknown annotation {annotation!r}")


# ---------------------------------------------------------------------------------------
# Wire mode.
# ---------------------------------------------------------------------------------------


class WireOptional:
    """The wire_optional decisions of tools/layout.toml, and which of them were used."""

    def __init__(self, table, releases):
        self.response_metadata = table["response_metadata"]["reason"]
        self.next_token = table["next_token"]["reason"]
        self.samples = table["next_token"]["samples"]
        self.entries = {}
        for entry in table["key"]:
            type_defs = entry["type_def"]
            type_defs = [type_defs] if isinstance(type_defs, str) else type_defs
            for release in entry.get("releases", releases):
                for type_def in type_defs:
                    self.entries[(release, type_def, entry["key"])] = entry["reason"]
        self.used = set()

    def reason(self, release, type_name, key):
        entry = (release.name, type_name, key.name)
        if entry in self.entries:
            if not key.required:
                fail(f"{release.name}: {type_name}.{key.name}: wire_optional on a "
                     "NotRequired key")
            self.used.add(entry)
            return self.entries[entry]
        op = operation(type_name)
        if not key.required or not (op and op[1] == "response"):
            return None
        if key.name == "ResponseMetadata":
            return self.response_metadata
        if key.name == "nextToken":
            sample = self.samples.get(type_name)
            return self.next_token.format(sample=f"; e.g. {sample}" if sample else "")
        return None

    def check_all_used(self):
        stale = sorted(set(self.entries) - self.used)
        if stale:
            fail(f"wire_optional decisions that match no Required key: {stale}")


# ---------------------------------------------------------------------------------------
# Rust output.
# ---------------------------------------------------------------------------------------


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


def header(release):
    return [
        "//!",
        f"//! Generated by `tools/generate.py` from `{release.facts_path}`:",
        "//! change the facts or `tools/layout.toml`, not this file.",
    ]


def render_uses(uses, own_module):
    lines = []
    typed_dict_items = sorted({name for source, name in uses if source == "typed_dict"})
    lines.append(f"use typed_dict::{{typed_dict, {', '.join(typed_dict_items)}}};"
                 if typed_dict_items else "use typed_dict::typed_dict;")
    crate_sources = sorted({source for source, _ in uses if source.startswith("crate::")})
    crate_lines = []
    for source in crate_sources:
        if source == own_module:
            continue
        names = sorted(name for src, name in uses if src == source)
        body = names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"
        crate_lines.append(f"use {source}::{body};")
    if crate_lines:
        lines.append("")
        lines.extend(crate_lines)
    return lines


def summary_of(name, layout, outputs):
    op = operation(name)
    if op is None:
        twin_of = {output: input_name for input_name, output in outputs.items()}
        if name.endswith("OutputTypeDef") and name not in twin_of:
            input_name = name.removesuffix("OutputTypeDef") + "TypeDef"
            return f"The output variant of [`{input_name}`]: the shape the service returns."
        if name not in layout["summaries"]:
            fail(f"no summary for {name} in [summaries] of tools/layout.toml")
        return layout["summaries"][name]
    link = f"[`{op[0]}`][api]"
    return {
        "request": f"The parameters of {link}.",
        "paginate": f"The arguments of the paginator over {link}: its parameters and "
                    "botocore's `PaginationConfig`.",
        "wait": f"The arguments of the waiter that polls {link}: its parameters and "
                "botocore's `WaiterConfig`.",
        "response": f"What {link} returns.",
    }[op[1]]


def render_type_def(release, name, layout, outputs, types, wire, uses):
    op = operation(name)
    lines = doc_lines(summary_of(name, layout, outputs))
    lines += ["///", f"/// `from types_aiobotocore_ecr.type_defs import {name}`"]
    if op is not None:
        lines += ["///", f"/// [api]: {API_REFERENCE.format(op[0])}"]
    lines.append(f"#[typed_dict(output = {outputs[name]})]" if name in outputs
                 else "#[typed_dict]")
    if release.non_exhaustive:
        lines.append("#[non_exhaustive]")
    lines.append(f"pub struct {name} {{")
    for key in release.keys[name]:
        rust = types.rust(key.annotation, name, key.name, uses)
        field = field_name(key.name)
        attrs = []
        if macro_camel_case(field) != key.name:
            attrs.append(f'key = "{key.name}"')
        reason = wire.reason(release, name, key)
        if reason:
            lines += comment_lines(reason, "    ")
            attrs.append("wire_optional")
        if attrs:
            lines.append(f"    #[typed_dict({', '.join(attrs)})]")
        ty = rust if key.required and not reason else f"Option<{rust}>"
        lines.append(f"    pub {field}: {ty},")
    lines.append("}")
    return lines


def render_alias(release, name, text, layout, types, uses):
    """An alias: `#[typed_dict]` on an enum of the two variants for a union of a shape and
    its output variant, on a one-field tuple struct for the blob's named alias."""
    members = union_members(text)
    lines = []
    if members:
        input_name, output = members
        types.use(input_name, uses)
        types.use(output, uses)
        doc = (f"What a request takes where it accepts either variant of [`{input_name}`]: "
               f"a [`{output}`] a response returned passes in as it is (`From` either).")
        lines += doc_lines(doc)
        lines += ["///", f"/// `from types_aiobotocore_ecr.type_defs import {name}`"]
        lines += ["#[typed_dict]", f"pub enum {name} {{",
                  f"    Input({input_name}),", f"    Output({output}),", "}"]
    elif text == release.python["blob"]:
        uses.add(("typed_dict", "Blob"))
        lines += doc_lines(layout["summaries"][name])
        lines += ["///", f"/// `from types_aiobotocore_ecr.type_defs import {name}`"]
        lines += ["#[typed_dict]", f"pub struct {name}(pub Blob);"]
    else:
        fail(f"{release.name}: alias {name} = {text}: not a union of a shape and its "
             "output variant, nor a blob")
    return lines


def module_file(release, module, doc, names, layout, outputs, types, wire):
    uses = set()
    body = []
    twins = set(outputs.values())
    for name in names:
        if name in release.keys and name not in twins:
            body.append("")
            body += render_type_def(release, name, layout, outputs, types, wire, uses)
    for name in names:
        if name in release.alias_text:
            body.append("")
            body += render_alias(release, name, release.alias_text[name], layout, types,
                                 uses)
    lines = ["//! " + line for line in wrap(doc, 92)]
    lines += header(release)
    lines.append("")
    lines += render_uses(uses, f"{release.path}::{module}")
    lines += body
    return "\n".join(lines) + "\n"


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


def literal_summary(name, layout):
    if name in layout["literal_summaries"]:
        return layout["literal_summaries"][name]
    for suffix, what in (("PaginatorName", "paginator"), ("WaiterName", "waiter")):
        if name.endswith(suffix) and name != suffix:
            return f"The name of the `{name.removesuffix(suffix)}` {what}."
    fail(f"no summary for the literal {name} in [literal_summaries] of tools/layout.toml")


def render_literal(release, name, values, layout, inline):
    variants = [pascal_variant(value) for value in values]
    for variant, value in zip(variants, values):
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", variant):
            fail(f"{name}: no Rust variant name for {value!r}")
    if len(set(variants)) != len(variants):
        fail(f"{name}: two values give the same variant name: {variants}")
    if OTHER_VARIANT in variants:
        fail(f"{name}: a value gives the variant name {OTHER_VARIANT}, which holds the "
             "values the literal does not list")
    rule = next(
        (rule for rule in (None, "SCREAMING_SNAKE_CASE", "snake_case", "camelCase")
         if all(apply_rule(rule, v) == value for v, value in zip(variants, values))),
        "explicit",
    )
    lines = doc_lines(literal_summary(name, layout))
    lines += ["///", f"/// `from types_aiobotocore_ecr.literals import {name}`"]
    settings = [] if rule in (None, "explicit") else [f'rename_all = "{rule}"']
    # A literal the release writes in place renders so: `Literal['EXPIRE']`.
    if inline:
        settings.append("inline")
    lines.append(f"#[typed_dict({', '.join(settings)})]" if settings else "#[typed_dict]")
    if release.non_exhaustive:
        lines.append("#[non_exhaustive]")
    lines.append(f"pub enum {name} {{")
    for variant, value in zip(variants, values):
        if rule == "explicit":
            lines.append(f'    #[typed_dict(value = "{value}")]')
        lines.append(f"    {variant},")
    # Open: wire mode keeps a value AWS added after the release (issue 10).
    lines += ["    #[typed_dict(other)]", f"    {OTHER_VARIANT}(UnknownValue),", "}"]
    return lines


LITERALS_DOC = (
    "The literal types: the sets of strings some keys take, and the names of the "
    "paginators and waiters. Every one is open: wire mode keeps a value the release does "
    f"not list (AWS adds values) in the `{{other}}` variant and reports it as a warning; "
    "strict mode, `FromStr` and `TryFrom` reject it."
)

# The variant of every literal that holds a value the release does not list.
OTHER_VARIANT = "Unknown"


def literals_file(release, layout, inline):
    lines = ["//! " + line for line in wrap(LITERALS_DOC.format(other=OTHER_VARIANT), 92)]
    lines += header(release)
    lines += ["", "use typed_dict::{typed_dict, UnknownValue};"]
    for name, values in release.literals:
        lines.append("")
        lines += render_literal(release, name, values, layout, name in inline)
    return "\n".join(lines) + "\n"


TABLES_DOC = "The tables behind {catalog}: every schema of {what}, in {order}."


def python_style_expr(python):
    constant = PYTHON_STYLES[(python["list"], python["dict"])]
    expr = f"PythonStyle::{constant}"
    if python["blob"] != "bytes":
        expr += f'.with_blob("{python["blob"]}")'
    return expr


def tables_file(release, modules):
    type_def_names = [name for name, _ in release.type_defs]
    literal_names = [name for name, _ in release.literals]
    if release.is_root:
        catalog, what = "[`crate::CATALOG`]", "the crate root (release 2.1)"
        order = "the upstream documentation's order"
        table_order = ("`spec/type_defs.md`", "`spec/literals.md`")
        catalog_doc = (f"Release {release.name} (types-aiobotocore-ecr {release.version}, "
                       "the crate root): its TypeDefs and literal types in the order of "
                       "upstream's docs pages, which leave out the 300-value `ServiceName` "
                       "literal.")
    else:
        catalog = "[`crate::latest::CATALOG`]"
        what = f"`ecr_types::latest` (types-aiobotocore-ecr {release.version})"
        order = "the stub's order"
        table_order = (f"`{release.facts_path}`",) * 2
        catalog_doc = (f"Release {release.name} (types-aiobotocore-ecr {release.version}, "
                       "`ecr_types::latest`): its TypeDefs and literal "
                       "types in the stub's order.")
    lines = ["//! " + line
             for line in wrap(TABLES_DOC.format(catalog=catalog, what=what, order=order), 92)]
    lines += header(release)
    value = ", TypedValue" if release.aliases else ""
    lines += ["", "use typed_dict::schema::PythonStyle;",
              f"use typed_dict::{{Literal, LiteralSchema, TypedDict, TypedDictSchema{value}, "
              "ValueType};", "",
              "use crate::catalog::Catalog;"]
    for module, *_ in sorted(modules + [("literals",)]):
        lines.append(f"use {release.path}::{module}::*;")
    lines.append("")
    lines += doc_lines(catalog_doc)
    lines += [
        "pub static CATALOG: Catalog = Catalog::new(",
        f'    "{release.version}",',
        "    crate::docs::AIOBOTOCORE_ECR,",
        f"    {python_style_expr(release.python)},",
        "    &TYPE_DEFS,",
        "    &LITERALS,",
        "    &ALIASES,",
        ");",
        "",
    ]
    lines.append(f"/// Every TypeDef, in the order of {table_order[0]}.")
    lines.append(
        f"static TYPE_DEFS: [fn() -> &'static TypedDictSchema; {len(type_def_names)}] = ["
    )
    lines += [f"    <{name} as TypedDict>::schema," for name in type_def_names]
    lines.append("];")
    lines.append("")
    lines.append(f"/// Every literal type, in the order of {table_order[1]}.")
    lines.append(f"static LITERALS: [&LiteralSchema; {len(literal_names)}] = [")
    lines += [f"    &<{name} as Literal>::SCHEMA," for name in literal_names]
    lines.append("];")
    lines.append("")
    lines.append(f"/// Every alias (unions and named aliases), in the order of "
                 f"`{release.facts_path}`.")
    lines.append(f"static ALIASES: [&ValueType; {len(release.aliases)}] = [")
    lines += [f"    &<{name} as TypedValue>::TYPE," for name, _ in release.aliases]
    lines.append("];")
    macro = "for_each_type_def" if release.is_root else f"for_each_{release.name}_type_def"
    lines.append("")
    lines += doc_lines(
        f"Expands `$callback! {{ $($args)* ; Name = path, ... }}` with every TypeDef of "
        f"{catalog}, in its order: for code that needs the Rust type behind each schema "
        "(`decode::<T>`), such as property tests, so that no list of shapes is kept by hand.")
    lines += [
        "///",
        "/// ```",
        "/// macro_rules! names {",
        "///     (; $($name:ident = $ty:path),* $(,)?) => {",
        "///         [$(stringify!($name)),*]",
        "///     };",
        "/// }",
        f"/// let names = ecr_types::{macro}!(names);",
        f"/// assert_eq!(names.len(), {len(type_def_names)});",
        "/// ```",
        "#[macro_export]",
        f"macro_rules! {macro} {{",
        "    ($callback:ident $(; $($args:tt)*)?) => {",
        "        $callback! {",
        "            $($($args)*)? ;",
    ]
    path = release.path.replace("crate", "$crate", 1)
    lines += [f"            {name} = {path}::{name}," for name in type_def_names]
    lines += ["        }", "    };", "}"]
    return "\n".join(lines) + "\n"


def mod_file(release, modules):
    """`src/latest/mod.rs`: the module tree, re-exported flat as upstream has it."""
    lines = [
        f"//! ECR's API as of types-aiobotocore-ecr {release.version}: every TypeDef, "
        "literal type and alias",
        "//! of the stub, declared with [`#[typed_dict]`](typed_dict::typed_dict) and "
        "organised by API area",
        "//! like the crate root. Enable it with the `latest` feature.",
        "//!",
        "//! | Module | API area |",
        "//! |---|---|",
    ]
    for module, doc, _ in modules:
        lines.append(f"//! | [`{module}`] | {doc.split(':')[0].rstrip('.')} |")
    lines.append("//! | [`literals`] | every literal type |")
    lines += [
        "//!",
        "//! [`CATALOG`] finds a schema by name and lists them all in the stub's order.",
    ]
    lines += header(release)
    lines.append("")
    names = sorted([module for module, *_ in modules] + ["literals"])
    lines += [f"pub mod {name};" for name in names]
    lines.append("mod tables;")
    lines.append("")
    lines += [f"pub use {name}::*;" for name in names]
    lines.append("pub use tables::CATALOG;")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# The same shapes as plain serde derives: the compile-time baseline of the `latest` module.
# ---------------------------------------------------------------------------------------


def plain_serde_module(release, layout):
    """Every TypeDef of a release as a plain `#[derive(Serialize, Deserialize)]` struct,
    every literal as a plain enum, every union as an untagged enum: the same shapes,
    without the framework."""
    outputs = output_pairs(release)
    module_of, _ = assign_modules(release, layout, outputs)
    types = Types(release, module_of, layout.get("literal_of", {}))
    lines = []
    for name, values in release.literals:
        lines.append("#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, "
                     "Serialize, Deserialize)]")
        lines.append(f"pub enum {name} {{")
        for variant, value in zip([pascal_variant(v) for v in values], values):
            lines += [f'    #[serde(rename = "{value}")]', f"    {variant},"]
        # Open, as the framework's: any other string is kept.
        lines += ["    #[serde(untagged)]", f"    {OTHER_VARIANT}(String),"]
        lines += ["}", ""]
    for name, text in release.aliases:
        members = union_members(text)
        lines.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]")
        if members:
            lines += ["#[serde(untagged)]", f"pub enum {name} {{",
                      f"    Input({members[0]}),", f"    Output({members[1]}),", "}", ""]
        else:
            lines += [f"pub struct {name}(pub String);", ""]
    for name, keys in release.type_defs:
        lines.append("#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]")
        lines.append(f"pub struct {name} {{")
        for key in keys:
            rust = types.rust(key.annotation, name, key.name, set())
            rust = re.sub(r"\b(List|Sequence)<", "Vec<", rust)
            rust = re.sub(r"\bDict<", "BTreeMap<", rust)
            rust = re.sub(r"\bTimestamp\b", "f64", rust)
            rust = re.sub(r"\bBlob\b", "String", rust)
            lines.append(f'    #[serde(rename = "{key.name}")]')
            if not key.required:
                lines.append('    #[serde(default, skip_serializing_if = "Option::is_none")]')
                rust = f"Option<{rust}>"
            lines.append(f"    pub {field_name(key.name)}: {rust},")
        lines += ["}", ""]
    return lines


def plain_serde_crate(releases, layout, out_dir):
    """A crate `ecr-serde-all` with one module per release (`r2_1`, `latest`)."""
    lines = ["#![allow(non_camel_case_types, dead_code, clippy::all)]"]
    for release in releases:
        module = "r" + release.name.replace(".", "_") if release.name[0].isdigit() \
            else release.name
        lines += ["", f"pub mod {module} {{", "use serde::{Deserialize, Serialize};",
                  "use std::collections::BTreeMap;", ""]
        lines += plain_serde_module(release, layout)
        lines.append("}")
    src = pathlib.Path(out_dir) / "src"
    src.mkdir(parents=True, exist_ok=True)
    (src / "lib.rs").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (pathlib.Path(out_dir) / "Cargo.toml").write_text(
        '[package]\nname = "ecr-serde-all"\nversion = "0.0.0"\nedition = "2021"\n'
        'publish = false\n\n[dependencies]\nserde = { version = "1", features = ["derive"] }\n',
        encoding="utf-8",
    )


# ---------------------------------------------------------------------------------------
# Driver.
# ---------------------------------------------------------------------------------------


def release_files(release, layout, wire):
    outputs = output_pairs(release)
    module_of, modules = assign_modules(release, layout, outputs)
    types = Types(release, module_of, layout.get("literal_of", {}))
    files = {}
    for module, doc, names in modules:
        files[release.dir / f"{module}.rs"] = module_file(
            release, module, doc, names, layout, outputs, types, wire
        )
    # After the modules: rendering their keys records which literals are written in place.
    files[release.dir / "literals.rs"] = literals_file(release, layout, types.inline)
    files[release.dir / "tables.rs"] = tables_file(release, modules)
    if not release.is_root:
        files[release.dir / "mod.rs"] = mod_file(release, modules)
    return files


def rustfmt(path, text):
    result = subprocess.run(
        ["rustfmt", "--edition", "2021", "--emit", "stdout", "--quiet"],
        input=text, capture_output=True, text=True, cwd=CRATE,
    )
    if result.returncode != 0:
        fail(f"rustfmt failed on {path}:\n{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the files on disk instead of writing them; "
                             "print a diff and exit 1 if they differ")
    parser.add_argument("--plain-serde", metavar="DIR",
                        help="write every release's shapes as a plain serde crate into DIR")
    args = parser.parse_args()

    with open(LAYOUT, "rb") as file:
        layout = tomllib.load(file)
    releases = [Release(name, table) for name, table in layout["release"].items()]
    if args.plain_serde:
        plain_serde_crate(releases, layout, args.plain_serde)
        return

    every_name = {name for release in releases
                  for name in list(release.keys) + list(release.alias_text)}
    every_operation = {operation(name)[0] for name in every_name if operation(name)}
    for module in layout["module"]:
        unknown = ([n for n in module["shapes"] if n not in every_name]
                   + [op for op in module["operations"] if op not in every_operation])
        if unknown:
            fail(f"module {module['name']} lists names no release has: {unknown}")

    wire = WireOptional(layout["wire_optional"], list(layout["release"]))
    files = {}
    for release in releases:
        files.update(release_files(release, layout, wire))
    wire.check_all_used()

    differ = []
    for path, text in files.items():
        text = rustfmt(path, text)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        differ.append(path.relative_to(CRATE))
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(
                (old or "").splitlines(keepends=True), text.splitlines(keepends=True),
                f"a/{path.relative_to(CRATE)}", f"b/{path.relative_to(CRATE)}"))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    # A generated directory holds nothing else: a file left from a removed module is stale.
    for release in releases:
        if not release.is_root and release.dir.is_dir():
            for path in sorted(release.dir.glob("*.rs")):
                if path not in files:
                    differ.append(path.relative_to(CRATE))
                    print(f"stale: {path.relative_to(CRATE)} (no longer generated)")
    if args.check and differ:
        fail("out of date (run tools/generate.py): " + ", ".join(map(str, differ)))
    verb = "would change" if args.check else "wrote"
    print(f"{verb} {len(differ)} of {len(files)} files" if differ else "up to date")


if __name__ == "__main__":
    main()
