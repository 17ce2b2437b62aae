//! The final form of generated Rust: `rustfmt` from the toolchain, so that a generated file
//! is exactly what `cargo fmt` leaves.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

/// `text` as rustfmt (edition 2021) writes it; `path` names it in errors.
pub fn rustfmt(path: &Path, text: &str) -> Result<String> {
    let tool = |message: String| Error::Tool(format!("rustfmt on {}: {message}", path.display()));
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout", "--quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| {
            tool(format!(
                "cannot run it ({error}); install it with `rustup component add rustfmt`"
            ))
        })?;
    let mut stdin = child.stdin.take().ok_or_else(|| tool("no stdin".into()))?;
    // Written from a thread: rustfmt may fill its stdout before reading all its input.
    let input = text.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|error| tool(error.to_string()))?;
    writer
        .join()
        .map_err(|_| tool("the writer panicked".into()))?
        .map_err(|error| tool(error.to_string()))?;
    if !output.status.success() {
        return Err(tool(String::from_utf8_lossy(&output.stderr).into_owned()));
    }
    String::from_utf8(output.stdout).map_err(|error| tool(error.to_string()))
}
