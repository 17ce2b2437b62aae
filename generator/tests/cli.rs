//! The `typed-dict-gen` command: facts from a stub package, generate, check.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::scratch;

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_typed-dict-gen"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

const TYPE_DEFS: &str = r#"
import sys
from typing import Any, Union
if sys.version_info >= (3, 12):
    from typing import Literal, NotRequired, TypedDict
else:
    from typing_extensions import Literal, NotRequired, TypedDict

__all__ = ("TagTypeDef", "ThingTypeDef", "BlobTypeDef")

class TagTypeDef(TypedDict):
    Key: str
    Value: NotRequired[str]

BlobTypeDef = Union[str, bytes]

ThingTypeDef = TypedDict("ThingTypeDef", {"type": Literal["A"], "tags": NotRequired[dict[str, Any]]})
"#;

const LITERALS: &str = "from typing import Literal\nAType = Literal[\"A\"]\n";

/// A stub package directory (a wheel unpacked) with the given `type_defs.pyi`.
fn stub(name: &str, type_defs: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    let package = dir.join("types_demo");
    std::fs::create_dir_all(&package).unwrap();
    std::fs::create_dir_all(dir.join("types_demo-2.0.dist-info")).unwrap();
    std::fs::write(package.join("type_defs.pyi"), type_defs).unwrap();
    std::fs::write(package.join("literals.pyi"), LITERALS).unwrap();
    dir
}

#[test]
fn facts_of_a_stub_package_then_its_modules_then_a_clean_check() {
    let dir = stub("cli-round-trip", TYPE_DEFS);
    let facts = run(&["facts", "types_demo"], &dir);
    assert!(facts.status.success(), "{}", text(&facts));
    let json: serde_json::Value = serde_json::from_slice(&facts.stdout).unwrap();
    assert_eq!(json["version"], "2.0");
    assert_eq!(
        json["type_defs"][1]["fields"][0],
        serde_json::json!({"key": "type", "required": true, "type": "Literal['A']"})
    );
    assert_eq!(
        json["aliases"][0],
        serde_json::json!({"name": "BlobTypeDef", "type": "Union[str, bytes]"})
    );
    std::fs::write(dir.join("facts.json"), &facts.stdout).unwrap();

    let args = [
        "generate",
        "--facts",
        "facts.json",
        "--out",
        "src/demo",
        "--module-path",
        "crate::demo",
    ];
    let wrote = run(&args, &dir);
    assert!(wrote.status.success(), "{}", text(&wrote));
    assert!(text(&wrote).contains("wrote 4 of 4 files"));
    let check = run(&[&args[..], &["--check"]].concat(), &dir);
    assert!(check.status.success(), "{}", text(&check));
    assert!(text(&check).contains("up to date"));

    std::fs::write(dir.join("src/demo/shapes.rs"), "// edited\n").unwrap();
    let check = run(&[&args[..], &["--check"]].concat(), &dir);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check).contains("-// edited"), "{}", text(&check));
    assert!(
        text(&check).contains("out of date: src/demo/shapes.rs"),
        "{}",
        text(&check)
    );

    let from_stub = run(
        &[
            "generate",
            "--stub",
            "types_demo",
            "--out",
            "src/demo",
            "--module-path",
            "crate::demo",
            "--deviations",
            "-",
        ],
        &dir,
    );
    assert!(from_stub.status.success(), "{}", text(&from_stub));
    assert!(text(&from_stub).starts_with("[]\n"), "{}", text(&from_stub));
}

#[test]
fn a_stub_the_extraction_cannot_read_names_its_line() {
    let dir = stub(
        "cli-bad-stub",
        "from typing import TypedDict\n\nclass A(TypedDict):\n    a: str\n    def f(self): ...\n",
    );
    let facts = run(&["facts", "types_demo"], &dir);
    assert_eq!(facts.status.code(), Some(1));
    assert!(
        text(&facts).contains("type_defs.pyi:5: A: not a key: def f(self):"),
        "{}",
        text(&facts)
    );
    let dir = stub("cli-syntax-error", "class A(TypedDict):\n    a: list[str\n");
    let facts = run(&["facts", "types_demo"], &dir);
    assert_eq!(facts.status.code(), Some(1));
    // The message is Python's own (it words it per version); the place is ours.
    assert!(
        text(&facts).contains("types_demo/type_defs.pyi:2: "),
        "{}",
        text(&facts)
    );
    assert!(!text(&facts).contains("Traceback"), "{}", text(&facts));
    let missing = run(&["facts", "nowhere"], &dir);
    assert!(
        text(&missing).contains("No such file"),
        "{}",
        text(&missing)
    );
}

#[test]
fn bad_arguments_and_inputs_are_errors_not_panics() {
    let dir = scratch("cli-bad-args");
    let none = run(&["generate", "--out", "x"], &dir);
    assert_eq!(none.status.code(), Some(2));
    assert!(text(&none).contains("--facts"), "{}", text(&none));
    std::fs::write(dir.join("bad.json"), "{").unwrap();
    let bad = run(&["generate", "--facts", "bad.json", "--out", "x"], &dir);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad).starts_with("typed-dict-gen: facts `bad.json`: EOF while parsing"),
        "{}",
        text(&bad)
    );
}
