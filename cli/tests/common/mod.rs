//! Helpers shared by the test files that drive the `ecr-types` binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Child;

use assert_cmd::Command;

/// The binary under test.
pub fn ecr_types() -> Command {
    Command::cargo_bin("ecr-types").unwrap()
}

/// The binary under test, for tests that wire its pipes themselves.
pub fn ecr_types_process() -> std::process::Command {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("ecr-types"))
}

/// A shipped example payload.
pub fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../ecr-types/examples")
        .join(name)
}

/// What a run of the binary left.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary to its end; it must exit (not be killed) and must not panic.
pub fn run(command: &mut Command) -> Run {
    let output = command.output().unwrap();
    let run = Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "the binary panicked: {}",
        run.stderr
    );
    run
}

/// `ecr-types validate ARGS...`.
pub fn validate(args: &[&str]) -> Run {
    run(ecr_types().arg("validate").args(args))
}

/// `ecr-types validate TYPE` with `input` on standard input.
pub fn validate_stdin(type_def: &str, input: &[u8]) -> Run {
    run(ecr_types()
        .args(["validate", type_def])
        .write_stdin(input.to_vec()))
}

/// A fresh, empty directory for one test, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("ecr-types-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `contents` to `name` (folders created as needed) and returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Waits for `child` and returns its exit code and its own peak RSS in KiB (wait4 reports
/// the resources of this one child, unlike RUSAGE_CHILDREN, which other tests running in
/// parallel would share).
pub fn wait_with_peak_rss(child: Child) -> (i32, i64) {
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: wait4 writes only the status and the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        assert_eq!(libc::wait4(pid, &mut status, 0, &mut usage), pid);
        usage
    };
    // Reaped already: dropping the handle only closes its pipes.
    drop(child);
    assert!(libc::WIFEXITED(status), "killed by a signal: {status}");
    (libc::WEXITSTATUS(status), usage.ru_maxrss)
}

/// A pipe whose reading end is already closed: writing to the other end fails with
/// EPIPE.
pub fn dead_pipe() -> std::process::Stdio {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: pipe writes two fresh descriptors, each owned once below.
    unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        libc::close(fds[0]);
        std::process::Stdio::from(std::os::fd::OwnedFd::from_raw_fd(fds[1]))
    }
}
