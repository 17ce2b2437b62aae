//! Many payloads at once (issue 13): files, directories and JSON Lines over every core,
//! reported in input order; progress only on a terminal.

mod common;

use std::io::{Read, Write};
use std::process::Stdio;
use std::time::Duration;

use common::{ecr_types, ecr_types_process, run, validate, TempDir};
use serde_json::Value;

/// A DescribeImages response with `items` images (larger ones take longer to check), or
/// with a wrong type at image `broken` when given.
fn response(items: usize, broken: Option<usize>) -> String {
    let images: Vec<String> = (0..items)
        .map(|index| {
            let size = if Some(index) == broken {
                "\"big\"".to_owned()
            } else {
                index.to_string()
            };
            format!(
                r#"{{"repositoryName": "web", "imageDigest": "sha256:{index:064}", "imageTags": ["v{index}"], "imageSizeInBytes": {size}}}"#
            )
        })
        .collect();
    format!(r#"{{"imageDetails": [{}]}}"#, images.join(","))
}

/// The first line of each payload's text report (its errors follow indented).
fn verdicts(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|line| !line.starts_with(' '))
        .collect()
}

#[test]
fn reports_come_in_input_order_whatever_the_number_of_jobs() {
    let dir = TempDir::new("order");
    // Big files first, so later small ones finish first on other workers.
    let files: Vec<_> = (0..40)
        .map(|index| {
            let items = if index % 5 == 0 { 4000 } else { 3 };
            let broken = (index % 7 == 3).then_some(1);
            dir.write(&format!("f{index:02}.json"), response(items, broken))
        })
        .collect();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "8"] {
        for format in ["text", "json"] {
            let result = run(ecr_types()
                .args(["validate", "--wire", "--jobs", jobs, "--format", format])
                .arg("DescribeImagesResponseTypeDef")
                .args(&files));
            assert_eq!(result.code, 1, "{}", result.stderr);
            outputs.push((jobs, format, result.stdout));
        }
    }
    for (jobs, format, stdout) in &outputs {
        let same_format = &outputs.iter().find(|(_, f, _)| f == format).unwrap().2;
        assert_eq!(stdout, same_format, "--jobs {jobs} --format {format}");
    }
    let text = &outputs[0].2;
    let names: Vec<&str> = verdicts(text)
        .into_iter()
        .map(|line| line.split(": ").next().unwrap())
        .collect();
    let expected: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    assert_eq!(names, expected);
    assert_eq!(text.matches("validation error").count(), 6);
}

/// A worker reads file after file into one buffer: nothing of a longer file read before,
/// nor of one refused as too large, may show in the next one's verdict.
#[test]
fn each_file_is_checked_on_its_own_bytes_alone() {
    let dir = TempDir::new("reuse");
    let long = response(2000, None);
    let files = [
        dir.write("a-long.json", &long),
        dir.write("b-short.json", r#"{"imageDetails": []}"#),
        dir.write("c-too-large.json", response(3000, None)),
        dir.write("d-short-broken.json", response(1, Some(0))),
        dir.write("e-short.json", r#"{"imageDetails":[]}"#),
    ];
    let limit = (long.len() + 10).to_string();
    let result = run(ecr_types()
        .args(["validate", "--wire", "--jobs", "1", "--max-bytes", &limit])
        .arg("DescribeImagesResponseTypeDef")
        .args(&files));
    assert_eq!(result.code, 2, "{}", result.stderr);
    let verdicts = verdicts(&result.stdout);
    let name = |index: usize| files[index].display().to_string();
    assert_eq!(verdicts.len(), 4, "{}", result.stdout);
    assert_eq!(verdicts[0], format!("{}: ok", name(0)));
    assert_eq!(verdicts[1], format!("{}: ok", name(1)));
    assert!(
        verdicts[2].starts_with(&format!("{}: 1 validation error", name(3))),
        "{}",
        verdicts[2]
    );
    assert_eq!(verdicts[3], format!("{}: ok", name(4)));
    assert!(
        result.stderr.contains("c-too-large.json"),
        "{}",
        result.stderr
    );
}

/// JSON Lines batches reuse the buffers of batches already checked: long lines, then
/// many short ones, keep every line's verdict and number on every job count.
#[test]
fn json_lines_keep_their_numbers_across_reused_batches() {
    let dir = TempDir::new("jsonl-reuse");
    let mut text = String::new();
    for _ in 0..4 {
        text.push_str(&response(4000, None));
        text.push('\n');
    }
    for index in 0..700 {
        let broken = (index % 97 == 5).then_some(0);
        text.push_str(&response(1, broken));
        text.push('\n');
    }
    let file = dir.write("mixed.jsonl", &text);
    let expected_broken: Vec<usize> = (0..700).filter(|i| i % 97 == 5).map(|i| i + 5).collect();
    for jobs in ["1", "2", "3"] {
        let result = run(ecr_types()
            .args(["validate", "--wire", "--jsonl", "--jobs", jobs])
            .arg("DescribeImagesResponseTypeDef")
            .arg(&file));
        assert_eq!(result.code, 1, "{}", result.stderr);
        let verdicts = verdicts(&result.stdout);
        assert_eq!(verdicts.len(), 704, "--jobs {jobs}");
        let broken: Vec<usize> = verdicts
            .iter()
            .enumerate()
            .filter(|(_, verdict)| !verdict.ends_with(": ok"))
            .map(|(index, verdict)| {
                let prefix = format!("{}:{}: 1 validation error", file.display(), index + 1);
                assert!(verdict.starts_with(&prefix), "{verdict}");
                index + 1
            })
            .collect();
        assert_eq!(broken, expected_broken, "--jobs {jobs}");
    }
}

#[test]
fn zero_jobs_is_a_usage_error() {
    let result = validate(&["--jobs", "0", "TagTypeDef"]);
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("--jobs"), "{}", result.stderr);
}

/// A count no machine runs answers at once as a usage error, rather than starting
/// billions of threads (it hung, growing past 5 GB).
#[test]
fn an_absurd_job_count_is_a_usage_error_at_once() {
    for jobs in ["1025", "4294967295", "18446744073709551615"] {
        let started = std::time::Instant::now();
        let result = validate(&["--jobs", jobs, "TagTypeDef", "-"]);
        assert_eq!(result.code, 2, "--jobs {jobs}");
        assert!(
            result.stderr.contains("from 1 to 1024"),
            "{}",
            result.stderr
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }
}

#[test]
fn a_directory_stands_for_the_json_files_under_it_recursively_and_sorted() {
    let dir = TempDir::new("tree");
    dir.write("b.json", r#"{"Key": "k"}"#);
    dir.write("a/z.json", r#"{"Key": 1}"#);
    dir.write("a/y.JSON", r#"{"Key": "k"}"#);
    dir.write("a/notes.txt", "not json");
    dir.write("a/deep/x.json", r#"{"Key": "k"}"#);
    dir.write("c.jsonl", "{}\n");
    std::os::unix::fs::symlink(dir.path().join("b.json"), dir.path().join("link.json")).unwrap();
    let result = validate(&["TagTypeDef", dir.path().to_str().unwrap()]);
    assert_eq!(result.code, 1);
    let root = dir.path().display();
    assert_eq!(
        result.stdout,
        format!(
            "{root}/a/deep/x.json: ok\n{root}/a/y.JSON: ok\n{root}/a/z.json: 1 validation error for TagTypeDef\n  \
             $.Key: expected str, got int [wrong_type]\n{root}/b.json: ok\n{root}/link.json: ok\n"
        )
    );

    let jsonl = validate(&["--jsonl", "TagTypeDef", dir.path().to_str().unwrap()]);
    assert_eq!(
        (jsonl.code, jsonl.stdout),
        (0, format!("{root}/c.jsonl:1: ok\n"))
    );

    let empty = TempDir::new("empty-tree");
    empty.write("only.txt", "x");
    let none = validate(&["TagTypeDef", empty.path().to_str().unwrap()]);
    assert_eq!(none.code, 2);
    assert_eq!(
        none.stderr,
        format!(
            "error: no `.json` files under `{}`\n",
            empty.path().display()
        )
    );
}

#[test]
fn json_lines_name_each_line_and_skip_blank_ones() {
    let dir = TempDir::new("jsonl");
    let file = dir.write(
        "pages.jsonl",
        "{\"Key\": \"a\"}\n\n{\"Key\": 1}\r\n   \n{\"Key\": \"b\"\n[]\n{\"Key\": \"c\"}",
    );
    let name = file.display();
    let result = validate(&["--jsonl", "TagTypeDef", file.to_str().unwrap()]);
    assert_eq!(result.code, 1);
    assert_eq!(
        result.stdout,
        format!(
            "{name}:1: ok\n\
             {name}:3: 1 validation error for TagTypeDef\n  $.Key: expected str, got int [wrong_type]\n\
             {name}:5: malformed JSON: EOF while parsing an object at line 1 column 11 [malformed_json]\n\
             {name}:6: expected object (TagTypeDef), got list [wrong_type]\n\
             {name}:7: ok\n"
        )
    );
    let json = run(ecr_types()
        .args(["validate", "--jsonl", "--format", "json", "TagTypeDef", "-"])
        .write_stdin("{\"Key\": \"a\"}\n{\"Key\": 2}\n"));
    let reports: Vec<Value> = json
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["file"], "<stdin>");
    assert_eq!(reports[0]["line"], 1);
    assert_eq!(reports[1]["line"], 2);
    assert_eq!(reports[1]["valid"], false);
    // Whole-file reports carry no line.
    let whole = run(ecr_types()
        .args(["validate", "--format", "json", "TagTypeDef"])
        .write_stdin("{}"));
    let whole: Value = serde_json::from_str(whole.stdout.trim()).unwrap();
    assert!(whole.get("line").is_none());
}

#[test]
fn an_overlong_json_lines_line_ends_that_input_with_exit_2() {
    let dir = TempDir::new("jsonl-long");
    let long = format!("{{\"Key\": \"{}\"}}", "k".repeat(100));
    let file = dir.write("x.jsonl", format!("{{}}\n{long}\n{{}}\n"));
    let other = dir.write("y.jsonl", "{}\n");
    let result = validate(&[
        "--jsonl",
        "--max-bytes",
        "64",
        "TagTypeDef",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
    ]);
    assert_eq!(result.code, 2);
    assert_eq!(
        result.stdout,
        format!("{}:1: ok\n{}:1: ok\n", file.display(), other.display())
    );
    assert_eq!(
        result.stderr,
        format!(
            "error: cannot read `{0}:2`: larger than the --max-bytes limit of 64 bytes (64 bytes); \
             raise it with --max-bytes; the rest of `{0}` is not read\n",
            file.display()
        )
    );
}

#[test]
fn thousands_of_json_lines_come_back_in_order() {
    let mut input = String::new();
    for index in 0..5000 {
        if index % 97 == 0 {
            input.push_str(&format!("{{\"Key\": {index}}}\n"));
        } else {
            input.push_str(&format!("{{\"Key\": \"{index}\"}}\n"));
        }
    }
    let result = run(ecr_types()
        .args(["validate", "--jsonl", "--jobs", "3", "TagTypeDef"])
        .write_stdin(input));
    assert_eq!(result.code, 1);
    let heads: Vec<&str> = result
        .stdout
        .lines()
        .filter(|line| line.starts_with("<stdin>"))
        .collect();
    assert_eq!(heads.len(), 5000);
    for (index, head) in heads.iter().enumerate() {
        let expected = if index % 97 == 0 {
            format!("<stdin>:{}: 1 validation error for TagTypeDef", index + 1)
        } else {
            format!("<stdin>:{}: ok", index + 1)
        };
        assert_eq!(*head, expected);
    }
}

/// Runs a validation lasting about two seconds (standard input held open), with standard
/// error on `stderr`; returns what reached standard output.
fn slow_run(stderr: Stdio) -> String {
    let mut child = ecr_types_process()
        .args(["validate", "--jsonl", "TagTypeDef"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"{\"Key\": \"a\"}\n").unwrap();
    std::thread::sleep(Duration::from_millis(2000));
    stdin.write_all(b"{\"Key\": \"b\"}\n").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn progress_is_never_written_to_a_pipe() {
    let mut child_stderr = Vec::new();
    let (reader, writer) = std::io::pipe().unwrap();
    let reading = std::thread::spawn(move || {
        let mut reader = reader;
        reader.read_to_end(&mut child_stderr).unwrap();
        child_stderr
    });
    let stdout = slow_run(writer.into());
    assert_eq!(stdout, "<stdin>:1: ok\n<stdin>:2: ok\n");
    assert_eq!(reading.join().unwrap(), b"", "nothing on a piped stderr");
}

#[test]
fn progress_is_drawn_on_a_terminal_during_a_long_run() {
    let (mut master, mut slave) = (0, 0);
    // SAFETY: openpty writes two fresh descriptors; each is owned once below.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if opened != 0 {
        eprintln!("skipped: no pseudo-terminal here");
        return;
    }
    use std::os::fd::{FromRawFd, OwnedFd};
    // SAFETY: both descriptors are fresh from openpty and owned here only.
    let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
    let mut terminal = std::fs::File::from(master);
    let reading = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buffer = [0u8; 4096];
        // Ends with EIO once the child, the last holder of the other side, exits.
        while let Ok(read) = terminal.read(&mut buffer) {
            if read == 0 {
                break;
            }
            seen.extend_from_slice(&buffer[..read]);
        }
        seen
    });
    let stdout = slow_run(Stdio::from(slave));
    assert_eq!(stdout, "<stdin>:1: ok\n<stdin>:2: ok\n");
    let drawn = String::from_utf8_lossy(&reading.join().unwrap()).into_owned();
    assert!(drawn.contains("payloads checked"), "{drawn:?}");
    assert!(drawn.contains("0 invalid"), "{drawn:?}");
}
