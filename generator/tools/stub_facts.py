#!/usr/bin/env python3
"""Writes the facts document of an installed stub package (types-aiobotocore-<service> or
types-boto3-<service>): every TypedDict with its keys in order, Required flags and
annotation text, every alias and every literal, in the format of `ecr-types describe
--json`, which `typed-dict-gen` reads.

    python3 stub_facts.py PACKAGE_DIR > facts.json

PACKAGE_DIR is the installed package (the folder holding `type_defs.pyi` and
`literals.pyi`). Python's own `ast` module reads the stubs, so nothing here parses Python
by hand; annotations are written back with `ast.unparse`, exactly as the facts files of
ecr-types were. Python 3.9 or later, standard library only.
"""

import ast
import json
import pathlib
import re
import sys


# Statements that declare nothing: imports, `if sys.version_info`/`try` blocks around
# imports, the module docstring.
IMPORTS = (ast.Import, ast.ImportFrom, ast.If, ast.Try, ast.Expr)


def fail(path, node, message):
    sys.exit(f"stub_facts.py: {path}:{node.lineno}: {message}")


def parse(path):
    """The module's syntax tree; a file Python cannot read is an error naming its line."""
    try:
        return ast.parse(path.read_text(encoding="utf-8"), str(path))
    except SyntaxError as error:
        sys.exit(f"stub_facts.py: {path}:{error.lineno}: {error.msg}")
    except OSError as error:
        sys.exit(f"stub_facts.py: {path}: {error.strerror}")


def is_name(node, *names):
    return isinstance(node, ast.Name) and node.id in names


def field(path, key, annotation):
    """A key's facts: NotRequired[...] and Required[...] are flags, not annotation."""
    required = True
    if isinstance(annotation, ast.Subscript) and is_name(annotation.value, "NotRequired", "Required"):
        required = annotation.value.id == "Required"
        annotation = annotation.slice
    return {"key": key, "required": required, "type": ast.unparse(annotation)}


def literal_values(path, node):
    items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
    values = []
    for item in items:
        if not (isinstance(item, ast.Constant) and isinstance(item.value, str)):
            fail(path, item, f"a literal value that is not a string: {ast.unparse(item)}")
        values.append(item.value)
    return values


def exported(tree):
    """The names of `__all__`, in its order: the order the facts list things in."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and is_name(node.targets[0], "__all__"):
            return [item.value for item in node.value.elts]
    return None


def in_order(items, tree):
    names = exported(tree)
    if names is None:
        return items
    position = {name: index for index, name in enumerate(names)}
    return sorted(items, key=lambda item: position.get(item["name"], len(names)))


def type_defs(path):
    tree = parse(path)
    type_defs, aliases = [], []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            if not any(is_name(base, "TypedDict") for base in node.bases):
                fail(path, node, f"class {node.name} is not a TypedDict")
            fields = []
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    fields.append(field(path, item.target.id, item.annotation))
                elif not (isinstance(item, ast.Expr) and isinstance(item.value, ast.Constant)):
                    fail(path, item, f"{node.name}: not a key: {ast.unparse(item)}")
            type_defs.append({"name": node.name, "fields": fields})
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
            if name == "__all__":
                continue
            if isinstance(value, ast.Call) and is_name(value.func, "TypedDict"):
                # The functional form, for keys that are no Python identifier or a keyword.
                if len(value.args) != 2 or not isinstance(value.args[1], ast.Dict):
                    fail(path, node, f"{name}: TypedDict(...) without a dict of keys")
                fields = []
                for key, annotation in zip(value.args[1].keys, value.args[1].values):
                    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                        fail(path, node, f"{name}: a key that is not a string")
                    fields.append(field(path, key.value, annotation))
                type_defs.append({"name": name, "fields": fields})
            else:
                aliases.append({"name": name, "type": ast.unparse(value)})
        elif not isinstance(node, IMPORTS):
            fail(path, node, f"unexpected statement: {ast.unparse(node)[:60]}")
    return in_order(type_defs, tree), in_order(aliases, tree)


def literals(path):
    tree = parse(path)
    literals = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and is_name(node.targets[0], "__all__"):
            continue
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Subscript) \
                and is_name(node.value.value, "Literal"):
            literals.append({"name": node.targets[0].id,
                             "values": literal_values(path, node.value)})
        elif not isinstance(node, IMPORTS):
            fail(path, node, f"not a literal: {ast.unparse(node)[:60]}")
    return in_order(literals, tree)


def version(package_dir):
    """The version from the wheel's `*.dist-info` beside the package, if there is one."""
    name = package_dir.name
    for info in sorted(package_dir.parent.glob("*.dist-info")):
        match = re.fullmatch(r"(.+)-([^-]+)\.dist-info", info.name)
        if match and match.group(1).replace("-", "_").lower() == name.lower():
            return match.group(2)
    return None


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: stub_facts.py PACKAGE_DIR")
    package_dir = pathlib.Path(sys.argv[1]).resolve()
    shapes, aliases = type_defs(package_dir / "type_defs.pyi")
    facts = {
        "package": package_dir.name,
        "version": version(package_dir),
        "type_defs": shapes,
        "aliases": aliases,
        "literals": literals(package_dir / "literals.pyi"),
    }
    json.dump(facts, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
