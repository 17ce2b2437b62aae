//! The binary against hostile input and broken I/O (issue 12): endless and random
//! streams, inputs over the size limit, closed and dead pipes, and payload text built to
//! write to the terminal.

mod common;

use std::io::{Read, Write};
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{dead_pipe, ecr_types, ecr_types_process, example, run, validate, TempDir};
use serde_json::Value;

// ---- bounded input -------------------------------------------------------------------

#[test]
fn dev_zero_and_dev_urandom_are_rejected_after_their_first_bytes() {
    for (device, expected) in [
        (
            "/dev/zero",
            "/dev/zero: malformed JSON: expected value at line 1 column 1 [malformed_json]\n",
        ),
        ("/dev/urandom", ""),
    ] {
        let started = Instant::now();
        let result = run(ecr_types()
            .args(["validate", "TagTypeDef", device])
            .timeout(Duration::from_secs(60)));
        let took = started.elapsed();
        assert_eq!(result.code, 1, "{device}: {}", result.stderr);
        assert!(took < Duration::from_secs(10), "{device} took {took:?}");
        assert!(
            result.stdout.ends_with("[malformed_json]\n"),
            "{}",
            result.stdout
        );
        if !expected.is_empty() {
            assert_eq!(result.stdout, expected);
        }
    }
}

#[test]
fn an_endless_standard_input_stops_at_the_limit_with_exit_2_in_bounded_memory() {
    for (limit_args, limit_text) in [
        (&["--max-bytes", "8MiB"][..], "8388608 bytes (8 MiB)"),
        (&[][..], "268435456 bytes (256 MiB)"),
    ] {
        let mut child = ecr_types_process()
            .args(["validate", "TagTypeDef"])
            .args(limit_args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        // Plausible JSON that never ends: only the limit stops it.
        let writer = std::thread::spawn(move || {
            let chunk = vec![b'['; 1 << 16];
            while stdin.write_all(&chunk).is_ok() {}
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut stderr = child.stderr.take().unwrap();
        let started = Instant::now();
        let (code, peak_kib) = common::wait_with_peak_rss(child);
        let took = started.elapsed();
        writer.join().unwrap();
        let (mut out, mut err) = (String::new(), String::new());
        stdout.read_to_string(&mut out).unwrap();
        stderr.read_to_string(&mut err).unwrap();
        assert_eq!(code, 2, "{out}{err}");
        assert_eq!(out, "");
        assert_eq!(
            err,
            format!("error: cannot read `<stdin>`: larger than the --max-bytes limit of {limit_text}; raise it with --max-bytes\n")
        );
        let limit_kib = if limit_args.is_empty() {
            256 * 1024
        } else {
            8 * 1024
        };
        assert!(
            peak_kib < limit_kib * 2 + 32 * 1024,
            "peak RSS {peak_kib} KiB for a limit of {limit_kib} KiB"
        );
        assert!(took < Duration::from_secs(60), "took {took:?}");
    }
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_and_the_others_are_still_checked() {
    let dir = TempDir::new("over-limit");
    let big = dir.write("big.json", format!("{{\"Key\": \"{}\"}}", "k".repeat(2000)));
    let small = dir.write("small.json", r#"{"Key": "k"}"#);
    let result = validate(&[
        "--max-bytes",
        "1000",
        "TagTypeDef",
        big.to_str().unwrap(),
        small.to_str().unwrap(),
    ]);
    assert_eq!(result.code, 2);
    assert_eq!(result.stdout, format!("{}: ok\n", small.display()));
    assert_eq!(
        result.stderr,
        format!(
            "error: cannot read `{}`: larger than the --max-bytes limit of 1000 bytes (1000 bytes); raise it with --max-bytes\n",
            big.display()
        )
    );
    let raised = validate(&["--max-bytes", "1MiB", "TagTypeDef", big.to_str().unwrap()]);
    assert_eq!(raised.code, 0, "{}", raised.stderr);
}

#[test]
fn a_limit_that_is_not_a_size_is_a_usage_error() {
    for bad in ["0", "lots", "5 parsecs", ""] {
        let result = validate(&["--max-bytes", bad, "TagTypeDef", "x.json"]);
        assert_eq!(result.code, 2, "{bad:?}");
        assert!(result.stderr.contains("--max-bytes"), "{}", result.stderr);
    }
}

#[test]
fn a_fifo_is_read_as_a_stream() {
    let dir = TempDir::new("fifo");
    let fifo = dir.path().join("payload.json");
    let c_path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo reads the path it is given.
    assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, r#"{"Key": "k"}"#).unwrap())
    };
    let result = validate(&["TagTypeDef", fifo.to_str().unwrap()]);
    writer.join().unwrap();
    assert_eq!(result.code, 0, "{}", result.stderr);
}

// ---- honest exit status --------------------------------------------------------------

/// JSON Lines with `count` payloads, every one valid but the last unless `all_valid`.
fn many_payloads(count: usize, all_valid: bool) -> String {
    let mut lines = String::new();
    for index in 0..count {
        if index + 1 == count && !all_valid {
            lines.push_str("{\"Key\": 1}\n");
        } else {
            lines.push_str("{\"Key\": \"k\"}\n");
        }
    }
    lines
}

/// Runs `validate --jsonl TagTypeDef FILE` with standard output read for `keep` bytes
/// and then closed; returns the exit code and standard error.
fn with_stdout_closed_after(file: &std::path::Path, keep: usize) -> (i32, String) {
    let mut child = ecr_types_process()
        .args(["validate", "--jsonl", "--jobs", "2", "TagTypeDef"])
        .arg(file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = vec![0u8; keep];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().expect("exited, not killed by SIGPIPE"),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn when_standard_output_closes_every_payload_is_still_checked() {
    let dir = TempDir::new("closed-stdout");
    // About 200 KB of reports: far more than a pipe holds, so writes fail mid-run.
    let invalid_last = dir.write("invalid-last.jsonl", many_payloads(10_000, false));
    let all_valid = dir.write("all-valid.jsonl", many_payloads(10_000, true));
    for keep in [0, 10] {
        let (code, stderr) = with_stdout_closed_after(&invalid_last, keep);
        assert_eq!(code, 1, "the invalid last payload is found: {stderr}");
        assert_eq!(stderr, "", "a closed pipe is not reported");
        let (code, stderr) = with_stdout_closed_after(&all_valid, keep);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(stderr, "");
    }
}

#[test]
fn a_pipefail_gate_fails_on_an_invalid_payload_behind_head() {
    let valid = example("describe-images.json");
    let invalid = example("describe-images-invalid.json");
    let mut files = vec![valid.to_str().unwrap(); 300];
    files.push(invalid.to_str().unwrap());
    let script = format!(
        "set -o pipefail; \"$0\" validate --wire DescribeImagesResponseTypeDef {} | head -c 10 >/dev/null",
        files.join(" ")
    );
    let gate = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .arg(assert_cmd::cargo::cargo_bin("ecr-types"))
        .output()
        .unwrap();
    assert_eq!(gate.status.code(), Some(1), "{gate:?}");
    assert!(gate.stderr.is_empty(), "{gate:?}");
}

#[test]
fn a_dead_standard_error_gives_exit_2_not_a_panic() {
    let cases: [&[&str]; 4] = [
        &["validate", "TagTypeDef", "/no/such/file.json"],
        &["validate", "TagTypeDf", "x.json"],
        &["validate", "--max-bytes", "lots", "TagTypeDef"],
        &["show", "NoSuchType"],
    ];
    for args in cases {
        let status = ecr_types_process()
            .args(args)
            .stdout(Stdio::null())
            .stderr(dead_pipe())
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(2), "{args:?}");
    }
    // And the reports still go out while errors cannot.
    let valid = example("describe-images.json");
    let output = ecr_types_process()
        .args([
            "validate",
            "--wire",
            "DescribeImagesResponseTypeDef",
            "/no/such.json",
        ])
        .arg(&valid)
        .stderr(dead_pipe())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{}: ok\n", valid.display())
    );
}

#[test]
fn an_output_that_cannot_be_written_is_exit_2_with_the_reason() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full");
    let Ok(full) = full else {
        eprintln!("skipped: no /dev/full here");
        return;
    };
    let valid = example("describe-images.json");
    let output = ecr_types_process()
        .args(["validate", "--wire", "DescribeImagesResponseTypeDef"])
        .arg(&valid)
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: cannot write output: No space left on device (os error 28)\n"
    );
}

#[test]
fn help_and_version_that_cannot_be_written_are_exit_2() {
    for args in [&["--help"][..], &["validate", "--help"], &["--version"]] {
        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            eprintln!("skipped: no /dev/full here");
            return;
        };
        let output = ecr_types_process()
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
    // Written, they are exit 0 as before.
    let help = run(ecr_types().arg("--help"));
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("Usage: ecr-types"), "{}", help.stdout);
}

// ---- output a payload cannot forge -----------------------------------------------------

/// Every character the reports escape: C0, DEL, C1, and the format, bidi and separator
/// characters a terminal would act on or hide.
fn hostile_characters() -> Vec<char> {
    let mut chars: Vec<char> = (0u32..0x20)
        .chain(0x7F..0xA0)
        .filter_map(char::from_u32)
        .collect();
    chars.extend([
        '\u{AD}',
        '\u{61C}',
        '\u{180E}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{200E}',
        '\u{200F}',
        '\u{2028}',
        '\u{2029}',
        '\u{202A}',
        '\u{202B}',
        '\u{202C}',
        '\u{202D}',
        '\u{202E}',
        '\u{2060}',
        '\u{2066}',
        '\u{2067}',
        '\u{2068}',
        '\u{2069}',
        '\u{FEFF}',
        '\u{E0001}',
        '\u{E0041}',
        '\u{E007F}',
    ]);
    chars
}

/// Whether `c` may stand raw in a report: printable, or the report's own line ends.
fn allowed_raw(c: char) -> bool {
    c == '\n' || !hostile_characters().contains(&c)
}

/// A DescribeImages response carrying `text` in a key, a list item's key, a literal, a
/// timestamp, a dict key of a literal type, and an unknown key.
fn hostile_payload(text: &str) -> String {
    let s = serde_json::to_string(text).unwrap();
    let inner = &s[1..s.len() - 1];
    format!(
        r#"{{"imageDetails": [{{"imageTags": ["ok", 7], "imagePushedAt": "{inner}",
            "imageScanStatus": {{"status": "X{inner}"}},
            "imageScanFindingsSummary": {{"findingSeverityCounts": {{"K{inner}": 1}}}},
            "u{inner}": {{"{inner}": 1}}}}],
            "{inner}": 1}}"#
    )
}

#[test]
fn no_character_of_a_payload_reaches_the_terminal_raw() {
    let dir = TempDir::new("forge");
    let mut files = Vec::new();
    for (index, c) in hostile_characters().into_iter().enumerate() {
        let text = format!("\u{1b}]0;pwned\u{7}{c}\nother.json: ok{c}");
        files.push(dir.write(&format!("{index:03}.json"), hostile_payload(&text)));
    }
    for format in ["text", "json"] {
        let result = run(ecr_types()
            .args([
                "validate",
                "--wire",
                "--format",
                format,
                "DescribeImagesResponseTypeDef",
            ])
            .args(&files));
        assert_eq!(result.code, 1);
        for c in result.stdout.chars() {
            assert!(allowed_raw(c), "{format}: raw {c:?} in the output");
        }
        if format == "text" {
            // A header, 4 errors and 2 warnings a file: no line was forged.
            assert_eq!(result.stdout.lines().count(), files.len() * 7);
            for line in result.stdout.lines() {
                assert!(
                    line.starts_with(dir.path().to_str().unwrap()) || line.starts_with("  "),
                    "{line:?}"
                );
                assert!(!line.contains("other.json: ok") || line.starts_with("  "));
            }
        } else {
            let reports: Vec<Value> = result
                .stdout
                .lines()
                .map(|line| serde_json::from_str(line).unwrap())
                .collect();
            assert_eq!(reports.len(), files.len());
            // The JSON report escapes, and a JSON reader gets the payload's text back.
            for (report, c) in reports.iter().zip(hostile_characters()) {
                let message = report["errors"][1]["message"].as_str().unwrap();
                assert!(
                    message.contains(&format!("{c}\nother.json: ok")),
                    "{message:?}"
                );
            }
        }
    }
}

#[test]
fn the_forged_line_of_the_issue_is_one_escaped_line() {
    let payload = r#"{"repositoryName": "r", "imageTagMutability": "\u001b]0;pwned\u0007\u001b[2J\nother.json: ok"}"#;
    let result = run(ecr_types()
        .args(["validate", "CreateRepositoryRequestRequestTypeDef"])
        .write_stdin(payload));
    assert_eq!(result.code, 1);
    assert_eq!(
        result.stdout,
        "<stdin>: 1 validation error for CreateRepositoryRequestRequestTypeDef\n  \
         $.imageTagMutability: '\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\nother.json: ok' is not a valid \
         ImageTagMutabilityType; expected 'IMMUTABLE' or 'MUTABLE' [invalid_literal]\n"
    );
}

#[test]
fn file_names_are_escaped_too() {
    let dir = TempDir::new("names");
    let hostile = "a\u{1b}[2J\nb.json: ok\u{202e}.json";
    dir.write(hostile, r#"{"Key": 1}"#);
    let result = validate(&["TagTypeDef", dir.path().to_str().unwrap()]);
    assert_eq!(result.code, 1);
    assert_eq!(
        result.stdout,
        format!(
            "{}/a\\u{{1b}}[2J\\nb.json: ok\\u{{202e}}.json: 1 validation error for TagTypeDef\n  \
             $.Key: expected str, got int [wrong_type]\n",
            dir.path().display()
        )
    );
    let missing = validate(&["TagTypeDef", "/no/such\u{1b}[31m\n.json"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: cannot read `/no/such\\u{1b}[31m\\n.json`: no such file\n"
    );
}

#[test]
fn the_help_states_the_limits_the_exit_rules_and_the_escaping() {
    let help = run(ecr_types().args(["validate", "--help"]));
    assert_eq!(help.code, 0);
    for promise in [
        "[default: 256MiB]",
        "2 usage or I/O error",
        "If standard output is closed early (`| head`), nothing more is printed but every payload\nis still checked",
        "printed escaped",
        "--jobs",
    ] {
        assert!(help.stdout.contains(promise), "{promise:?} in {}", help.stdout);
    }
}

#[test]
fn warnings_of_every_kind_print_escaped_and_keep_exit_0() {
    let payload = r#"{"imageDetails": [{"imageScanStatus": {"status": "NEW\u001b[2J\nx.json: ok"},
        "imageScanFindingsSummary": {"findingSeverityCounts": {"SEVERE\u202e": 1}},
        "key\u0007": 1}]}"#;
    let wire = run(ecr_types()
        .args(["validate", "--wire", "DescribeImagesResponseTypeDef"])
        .write_stdin(payload));
    assert_eq!(wire.code, 0, "{}", wire.stdout);
    let lines: Vec<&str> = wire.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", wire.stdout);
    assert_eq!(lines[0], "<stdin>: ok");
    assert!(lines[1].starts_with(
        "  warning: $.imageDetails[0].imageScanStatus.status: 'NEW\\u{1b}[2J\\nx.json: ok' is not a known ScanStatusType value"
    ), "{}", lines[1]);
    assert!(lines[1].ends_with("[unknown_literal]"), "{}", lines[1]);
    assert!(lines[2].starts_with(
        "  warning: $.imageDetails[0].imageScanFindingsSummary.findingSeverityCounts['SEVERE\\u{202e}']: "
    ), "{}", lines[2]);
    assert!(lines[2].ends_with("[unknown_literal]"), "{}", lines[2]);
    assert_eq!(
        lines[3],
        "  warning: $.imageDetails[0]['key\\u{7}']: unknown key `key\\u{7}`: ImageDetailTypeDef does not declare it [unknown_key]"
    );
    let strict = run(ecr_types()
        .args(["validate", "DescribeImagesResponseTypeDef"])
        .write_stdin(payload));
    assert_eq!(strict.code, 1);
    assert!(
        strict.stdout.contains("[invalid_literal]"),
        "{}",
        strict.stdout
    );
}

/// Arguments are quoted back in usage errors, and a shell glob can make a file name an
/// argument: they are escaped like payload text.
#[test]
fn a_usage_error_quotes_arguments_escaped() {
    for hostile in hostile_characters() {
        let argument = format!("--bogus{hostile}x");
        if hostile == '\n' || hostile == '\0' {
            continue; // a line break stays one (the message is lines); NUL cannot be an argument
        }
        let result = run(ecr_types().args(["validate", &argument, "TagTypeDef"]));
        assert_eq!(result.code, 2);
        assert!(
            !result.stderr.contains(hostile),
            "U+{:04X} printed raw: {:?}",
            hostile as u32,
            result.stderr
        );
        assert!(result.stderr.contains("--bogus"), "{}", result.stderr);
    }
    let result = run(ecr_types().args(["validate", "--format", "js\u{202e}on", "TagTypeDef"]));
    assert_eq!(result.code, 2);
    assert!(result.stderr.contains("js\\u{202e}on"), "{}", result.stderr);
}
