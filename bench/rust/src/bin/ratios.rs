//! Runs every measurement of issue 6 a fixed number of rounds in one process and prints
//! the whole table: MB/s per workload and candidate, the ratios against the baselines with
//! their targets, and the peak memory of decoding workload 1.
//!
//! ```text
//! cargo run --release -p typed-dict-bench --bin ratios -- [--rounds N] [--write-workloads DIR]
//! ```
//!
//! `--write-workloads DIR` also writes the workloads (`w1.json` … `w4.json`) and this run's
//! figures to DIR, for `bench/peers.py`: `rust_results.json` with the system allocator,
//! `rust_results.mimalloc.json` with `--features mimalloc`.
//!
//! Every candidate allocates through the same global allocator: the system one by default,
//! mimalloc with `--features mimalloc` (wrapped by the counting allocator either way).

use std::hint::black_box;
use std::path::PathBuf;
use std::process::ExitCode;

use typed_dict_bench::alloc::{self, Counting};
use typed_dict_bench::broken::check_reported;
use typed_dict_bench::measure::{self, interleaved, Case, Timing};
use typed_dict_bench::{inheritance, mb_per_s, Workloads};

#[global_allocator]
static ALLOCATOR: Counting = Counting;

struct Args {
    rounds: usize,
    write: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        rounds: 15,
        write: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--rounds" => {
                args.rounds = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--rounds needs a positive number")?;
            }
            "--write-workloads" => {
                args.write = Some(
                    it.next()
                        .ok_or("--write-workloads needs a directory")?
                        .into(),
                );
            }
            "-h" | "--help" => {
                return Err("usage: ratios [--rounds N] [--write-workloads DIR]".to_owned())
            }
            other => return Err(format!("unknown argument `{other}` (try --help)")),
        }
    }
    Ok(args)
}

/// One line of the table.
struct Row {
    workload: &'static str,
    op: &'static str,
    bytes: usize,
    timing: Timing,
}

impl Row {
    fn mb_s(&self) -> f64 {
        mb_per_s(self.bytes, self.timing.median())
    }
}

fn rows(workload: &'static str, op: &'static str, bytes: usize, timings: Vec<Timing>) -> Vec<Row> {
    timings
        .into_iter()
        .map(|timing| Row {
            workload,
            op,
            bytes,
            timing,
        })
        .collect()
}

/// A ratio with its target, for the summary.
struct Ratio {
    what: String,
    value: f64,
    target: &'static str,
    met: bool,
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let w = Workloads::generate();

    // Correctness first: every candidate decodes the same bytes to the same data, and the
    // all-errors path reports exactly the injected errors.
    let plain1 = measure::w1_plain(&w.w1);
    assert_eq!(
        serde_json::to_vec(&plain1).unwrap(),
        w.w1,
        "plain serde round trip (w1)"
    );
    assert_eq!(
        measure::w1_typed(&w.w1),
        w.w1_value,
        "typed-dict decode (w1)"
    );
    let plain2 = measure::w2_plain(&w.w2);
    assert_eq!(
        serde_json::to_vec(&plain2).unwrap(),
        w.w2,
        "plain serde round trip (w2)"
    );
    assert_eq!(
        measure::w2_typed(&w.w2),
        w.w2_value,
        "typed-dict decode (w2)"
    );
    assert_eq!(measure::w1_sonic(&w.w1), plain1, "sonic-rs (w1)");
    assert_eq!(measure::w2_sonic(&w.w2), plain2, "sonic-rs (w2)");
    assert_eq!(measure::w1_simd(&w.w1), plain1, "simd-json (w1)");
    assert_eq!(measure::w2_simd(&w.w2), plain2, "simd-json (w2)");
    let plain3 = measure::w3_plain(&w.w3);
    assert_eq!(measure::w3_sonic(&w.w3), plain3, "sonic-rs (w3)");
    assert_eq!(measure::w3_simd(&w.w3), plain3, "simd-json (w3)");
    assert_eq!(
        measure::w3_typed(&w.w3),
        w.w3_value,
        "typed-dict decode (w3)"
    );
    assert_eq!(
        typed_dict::to_vec(&inheritance::inherited(&w.w1)).unwrap(),
        typed_dict::to_vec(&inheritance::flat(&w.w1)).unwrap(),
        "inheritance: the same data either way (w1)"
    );
    let value1 = measure::value(&w.w1);
    let value2 = measure::value(&w.w2);
    let value3 = measure::value(&w.w3);
    let report = measure::w4_typed(&w.w4);
    if let Err(problem) = check_reported(report.errors(), &w.w4_injected) {
        eprintln!("workload 4: {problem}");
        return ExitCode::FAILURE;
    }

    if let Some(dir) = &args.write {
        if let Err(error) = w.write_to(dir) {
            eprintln!("cannot write the workloads to {}: {error}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    let n = args.rounds;
    // The small message is decoded (and encoded) a million times per case over the timed
    // rounds, as issue 23 states the workload: the latency a service sees per request, in
    // batches long enough (tens of ms) that the clock's resolution does not count.
    const SMALL_CALLS: usize = 1_000_000;
    let small = SMALL_CALLS.div_ceil(n);
    let mut table = Vec::new();
    eprintln!(
        "measuring, {n} rounds per case, {} allocator…",
        alloc::ALLOCATOR
    );
    let (b1, b2, b3, b4) = (&w.w1[..], &w.w2[..], &w.w3[..], &w.w4[..]);
    table.extend(rows(
        "1 DescribeImages",
        "decode",
        b1.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict strict", 1, || measure::w1_typed(b1)),
                Case::new("plain serde", 1, || measure::w1_plain(b1)),
                Case::new("plain serde, sonic-rs", 1, || measure::w1_sonic(b1)),
                Case::new("plain serde, simd-json", 1, || measure::w1_simd(b1)),
                Case::new("serde_json::Value", 1, || measure::value(b1)),
                Case::new("typed-dict validate", 1, || {
                    measure::validated::<ecr_types::DescribeImagesResponseTypeDef>(b1)
                }),
                Case::new("IgnoredAny (floor)", 1, || measure::ignored(b1)),
                Case::new("IgnoredAny, sonic-rs", 1, || measure::ignored_sonic(b1)),
                Case::new("simd-json tape", 1, || measure::tape_simd(b1)),
            ],
        ),
    ));
    table.extend(rows(
        "1 DescribeImages",
        "encode",
        b1.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict", 1, || typed_dict::to_vec(&w.w1_value).unwrap()),
                Case::new("plain serde", 1, || serde_json::to_vec(&plain1).unwrap()),
                Case::new("serde_json::Value", 1, || {
                    serde_json::to_vec(&value1).unwrap()
                }),
            ],
        ),
    ));
    table.extend(rows(
        "2 ScanFindings",
        "decode",
        b2.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict strict", 1, || measure::w2_typed(b2)),
                Case::new("plain serde", 1, || measure::w2_plain(b2)),
                Case::new("plain serde, sonic-rs", 1, || measure::w2_sonic(b2)),
                Case::new("plain serde, simd-json", 1, || measure::w2_simd(b2)),
                Case::new("serde_json::Value", 1, || measure::value(b2)),
                Case::new("typed-dict validate", 1, || {
                    measure::validated::<ecr_types::DescribeImageScanFindingsResponseTypeDef>(b2)
                }),
                Case::new("IgnoredAny (floor)", 1, || measure::ignored(b2)),
                Case::new("IgnoredAny, sonic-rs", 1, || measure::ignored_sonic(b2)),
                Case::new("simd-json tape", 1, || measure::tape_simd(b2)),
            ],
        ),
    ));
    table.extend(rows(
        "2 ScanFindings",
        "encode",
        b2.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict", 1, || typed_dict::to_vec(&w.w2_value).unwrap()),
                Case::new("plain serde", 1, || serde_json::to_vec(&plain2).unwrap()),
                Case::new("serde_json::Value", 1, || {
                    serde_json::to_vec(&value2).unwrap()
                }),
            ],
        ),
    ));
    table.extend(rows(
        "3 CreateRepository",
        "decode",
        b3.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict strict", small, || measure::w3_typed(b3)),
                Case::new("plain serde", small, || measure::w3_plain(b3)),
                Case::new("plain serde, sonic-rs", small, || measure::w3_sonic(b3)),
                Case::new("plain serde, simd-json", small, || measure::w3_simd(b3)),
                Case::new("serde_json::Value", small, || measure::value(b3)),
                Case::new("IgnoredAny (floor)", small, || measure::ignored(b3)),
            ],
        ),
    ));
    table.extend(rows(
        "3 CreateRepository",
        "encode",
        b3.len(),
        interleaved(
            n,
            &mut [
                Case::new("typed-dict", small, || {
                    typed_dict::to_vec(&w.w3_value).unwrap()
                }),
                Case::new("plain serde", small, || {
                    serde_json::to_vec(&plain3).unwrap()
                }),
                Case::new("serde_json::Value", small, || {
                    serde_json::to_vec(&value3).unwrap()
                }),
            ],
        ),
    ));
    // Inheritance: the same image details declared flat and through two bases.
    table.extend(rows(
        "1 DescribeImages, inheritance",
        "decode",
        b1.len(),
        interleaved(
            n,
            &mut [
                Case::new("keys declared flat", 1, || inheritance::flat(b1)),
                Case::new("through two bases", 1, || inheritance::inherited(b1)),
            ],
        ),
    ));
    // The all-errors path, timed next to the valid decode of workload 1 it is held to.
    let mut w4 = interleaved(
        n,
        &mut [
            Case::new("typed-dict all errors", 1, || measure::w4_typed(b4)),
            Case::new("validate alone", 1, || measure::w4_validate(b4)),
            Case::new("plain serde (1st error)", 1, || {
                serde_json::from_slice::<typed_dict_bench::plain::DescribeImagesResponse>(b4)
                    .map(drop)
            }),
            Case::new("w1 typed-dict strict", 1, || measure::w1_typed(b1)),
        ],
    );
    let w1_alongside_w4 = w4.pop().expect("four cases");
    table.extend(rows("4 DescribeImages 1% broken", "decode", b4.len(), w4));

    // Peak memory of one decode of workload 1, input excluded (it is live before and after).
    let (typed_value, typed_mem) = alloc::measure(|| measure::w1_typed(b1));
    drop(black_box(typed_value));
    let (plain_value, plain_mem) = alloc::measure(|| measure::w1_plain(b1));
    drop(black_box(plain_value));
    let (tree, value_mem) = alloc::measure(|| measure::value(b1));
    drop(black_box(tree));
    let (typed_value, typed2_mem) = alloc::measure(|| measure::w2_typed(b2));
    drop(black_box(typed_value));
    let (plain_value, plain2_mem) = alloc::measure(|| measure::w2_plain(b2));
    drop(black_box(plain_value));
    let (errors, w4_mem) = alloc::measure(|| measure::w4_typed(b4));
    drop(black_box(errors));

    println!("global allocator: {}", alloc::ALLOCATOR);
    print_table(&table);

    let find = |workload: &str, op: &str, name: &str| -> f64 {
        table
            .iter()
            .find(|r| r.workload.starts_with(workload) && r.op == op && r.timing.name == name)
            .map(Row::mb_s)
            .expect("row measured")
    };
    let mut ratios = Vec::new();
    let mut ratio = |what: String, value: f64, target: &'static str, met: bool| {
        ratios.push(Ratio {
            what,
            value,
            target,
            met,
        })
    };
    for (w, target, floor) in [("1", "≥ 1.10×", 1.10), ("2", "≥ 1.00×", 1.00)] {
        let typed = find(w, "decode", "typed-dict strict");
        let plain = find(w, "decode", "plain serde");
        ratio(
            format!("w{w} decode: typed-dict / plain serde"),
            typed / plain,
            target,
            typed / plain >= floor,
        );
        let value = find(w, "decode", "serde_json::Value");
        ratio(
            format!("w{w} decode: typed-dict / serde_json::Value"),
            typed / value,
            "—",
            true,
        );
        let floor_mb = find(w, "decode", "IgnoredAny (floor)");
        ratio(
            format!("w{w} decode: typed-dict / IgnoredAny floor"),
            typed / floor_mb,
            "—",
            true,
        );
        let (peer, best) = [
            "plain serde",
            "plain serde, sonic-rs",
            "plain serde, simd-json",
        ]
        .into_iter()
        .map(|name| (name, find(w, "decode", name)))
        .fold(
            ("", 0.0),
            |best, peer| if peer.1 > best.1 { peer } else { best },
        );
        // Issue 23's targets (issue 13 asked for 1.10× and 0.50×).
        ratio(
            format!("w{w} decode: typed-dict / best Rust peer ({peer})"),
            typed / best,
            "≥ 1.30×",
            typed / best >= 1.30,
        );
        let validate = find(w, "decode", "typed-dict validate");
        ratio(
            format!("w{w} validate: typed-dict validate / IgnoredAny floor"),
            validate / floor_mb,
            "≥ 1.00×",
            validate / floor_mb >= 1.00,
        );
        let sonic_floor = find(w, "decode", "IgnoredAny, sonic-rs");
        ratio(
            format!("w{w} validate: typed-dict validate / sonic-rs skip floor"),
            validate / sonic_floor,
            "—",
            true,
        );
        let tape = find(w, "decode", "simd-json tape");
        ratio(
            format!("w{w} validate: typed-dict validate / simd-json tape alone"),
            validate / tape,
            "—",
            true,
        );
    }
    // The small message: one ~500-byte request, against the best Rust peer (issue 23).
    let typed = find("3", "decode", "typed-dict strict");
    let (peer, best) = [
        "plain serde",
        "plain serde, sonic-rs",
        "plain serde, simd-json",
    ]
    .into_iter()
    .map(|name| (name, find("3", "decode", name)))
    .fold(
        ("", 0.0),
        |best, peer| if peer.1 > best.1 { peer } else { best },
    );
    ratio(
        format!("w3 decode: typed-dict / best Rust peer ({peer})"),
        typed / best,
        "≥ 1.30×",
        typed / best >= 1.30,
    );
    for w in ["1", "2", "3"] {
        let r = find(w, "encode", "typed-dict") / find(w, "encode", "plain serde");
        ratio(
            format!("w{w} encode: typed-dict / plain serde"),
            r,
            "≥ 1.00×",
            r >= 1.0,
        );
    }
    let r = find(
        "1 DescribeImages, inheritance",
        "decode",
        "through two bases",
    ) / find(
        "1 DescribeImages, inheritance",
        "decode",
        "keys declared flat",
    );
    ratio(
        "w1 decode: through two bases / keys declared flat".to_owned(),
        r,
        "≥ 0.90×",
        r >= 0.90,
    );
    let r = find("3", "decode", "typed-dict strict") / find("3", "decode", "plain serde");
    ratio(
        "w3 decode: typed-dict / plain serde".to_owned(),
        r,
        "—",
        true,
    );
    let all_errors = table
        .iter()
        .find(|r| r.workload.starts_with('4') && r.timing.name == "typed-dict all errors")
        .expect("row measured")
        .timing
        .median();
    let r = all_errors / w1_alongside_w4.median();
    ratio(
        format!(
            "w4 all-errors time / w1 valid decode time ({} errors, all reported)",
            report.errors().len()
        ),
        r,
        "≤ 3.00×",
        r <= 3.0,
    );
    let memory = typed_mem.peak as f64 / b1.len() as f64;
    ratio(
        "w1 decode peak heap / input bytes (typed-dict)".to_owned(),
        memory,
        "≤ 3.00×",
        memory <= 3.0,
    );

    println!();
    println!(
        "Peak heap while decoding, the input excluded (w1 and w4 {:.2} MB, w2 {:.2} MB):",
        b1.len() as f64 / 1e6,
        b2.len() as f64 / 1e6
    );
    println!(
        "  {:<32} {:>10} {:>10} {:>8} {:>12}",
        "", "peak MB", "kept MB", "÷ input", "allocations"
    );
    for (name, usage, input) in [
        ("w1 typed-dict strict", typed_mem, b1.len()),
        ("w1 plain serde", plain_mem, b1.len()),
        ("w1 serde_json::Value", value_mem, b1.len()),
        ("w2 typed-dict strict", typed2_mem, b2.len()),
        ("w2 plain serde", plain2_mem, b2.len()),
        ("w4 typed-dict all errors", w4_mem, b4.len()),
    ] {
        println!(
            "  {:<32} {:>10.2} {:>10.2} {:>7.2}× {:>12}",
            name,
            usage.peak as f64 / 1e6,
            usage.retained as f64 / 1e6,
            usage.peak as f64 / input as f64,
            usage.allocations
        );
    }

    println!();
    println!("Ratios (medians of {n} interleaved rounds; > 1 means typed-dict is faster):");
    let mut missed = 0;
    for r in &ratios {
        let verdict = match (r.target, r.met) {
            ("—", _) => "",
            (_, true) => "met",
            (_, false) => {
                missed += 1;
                "MISSED"
            }
        };
        println!(
            "  {:<72} {:>6.2}×  {:<8} {verdict}",
            r.what, r.value, r.target
        );
    }

    if let Some(dir) = &args.write {
        let results = serde_json::json!({
            "allocator": alloc::ALLOCATOR,
            "rounds": n,
            "w1_bytes": b1.len(),
            "w2_bytes": b2.len(),
            "w1_typed_decode_mb_s": find("1", "decode", "typed-dict strict"),
            "w2_typed_decode_mb_s": find("2", "decode", "typed-dict strict"),
            "w1_plain_decode_mb_s": find("1", "decode", "plain serde"),
            "w2_plain_decode_mb_s": find("2", "decode", "plain serde"),
        });
        let path = dir.join(results_file());
        if let Err(error) = std::fs::write(&path, serde_json::to_vec_pretty(&results).unwrap()) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!();
        println!("Workloads and figures written to {}", dir.display());
    }
    if missed > 0 {
        println!("{missed} target(s) missed");
    }
    ExitCode::SUCCESS
}

/// The figures file of this build's allocator, in the `--write-workloads` directory.
fn results_file() -> String {
    match alloc::ALLOCATOR {
        "system" => "rust_results.json".to_owned(),
        other => format!("rust_results.{other}.json"),
    }
}

fn print_table(table: &[Row]) {
    println!(
        "{:<28} {:<7} {:>9}  {:<26} {:>9} {:>9} {:>11}",
        "workload", "op", "size", "candidate", "MB/s", "best MB/s", "µs/call"
    );
    let mut last = ("", "");
    for row in table {
        let (workload, op, size) = if (row.workload, row.op) == last {
            ("", "", String::new())
        } else {
            (row.workload, row.op, human_bytes(row.bytes))
        };
        last = (row.workload, row.op);
        println!(
            "{:<28} {:<7} {:>9}  {:<26} {:>9.1} {:>9.1} {:>11.2}",
            workload,
            op,
            size,
            row.timing.name,
            row.mb_s(),
            mb_per_s(row.bytes, row.timing.best()),
            row.timing.median() * 1e6
        );
    }
}

fn human_bytes(bytes: usize) -> String {
    if bytes >= 1_000_000 {
        format!("{:.2} MB", bytes as f64 / 1e6)
    } else {
        format!("{bytes} B")
    }
}
