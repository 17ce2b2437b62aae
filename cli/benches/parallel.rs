//! `ecr-types validate` on 200 files of 1 MB: one job against every core, measured in the
//! same run, interleaved, and reported as a ratio (issue 13, target at least 1.8x on 2
//! cores).
//!
//! ```text
//! cargo bench -p ecr-types-cli --bench parallel -- [--rounds N] [--jobs N] [--files N]
//! ```
//!
//! The files are generated once into `target/bench-parallel/` (deterministic content: a
//! wire-mode `DescribeImagesResponseTypeDef` page each) and read through the page cache,
//! as a CI gate re-checking a folder of responses would. The reports go to a sink, through
//! the same driver the binary runs (`ecr_types_cli::validate::run`).
//!
//! Beside wall time it reports the CPU time of each run and the cores it kept busy: on a
//! machine shared with other work, a speedup below the job count shows whether the cores
//! were not there (cores busy below the job count) or the work did not spread.

use std::io;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ecr_types_cli::output::Output;
use ecr_types_cli::progress::Progress;
use ecr_types_cli::validate::{self, Settings};

const FILE_BYTES: usize = 1 << 20;

struct Args {
    rounds: usize,
    jobs: NonZeroUsize,
    files: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        rounds: 11,
        jobs: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
        files: 200,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut number = |name: &str| {
            it.next()
                .and_then(|n| n.parse::<usize>().ok())
                .filter(|&n| n > 0)
                .ok_or(format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--rounds" => args.rounds = number("--rounds")?,
            "--jobs" => args.jobs = NonZeroUsize::new(number("--jobs")?).unwrap_or(args.jobs),
            "--files" => args.files = number("--files")?,
            // cargo bench passes it to every bench binary.
            "--bench" => {}
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

/// One image of a DescribeImages page.
fn image(index: usize) -> String {
    format!(
        r#"{{"registryId":"123456789012","repositoryName":"team/web-{r}","imageDigest":"sha256:{index:064x}","imageTags":["v1.{index}","build-{index}"],"imageSizeInBytes":{size},"imagePushedAt":"2024-03-{day:02}T10:{minute:02}:00.123456+00:00","imageScanStatus":{{"status":"COMPLETE","description":"The scan was completed successfully."}},"imageScanFindingsSummary":{{"imageScanCompletedAt":1711{index:06}.5,"vulnerabilitySourceUpdatedAt":1711000000,"findingSeverityCounts":{{"HIGH":{h},"LOW":{l}}}}},"imageManifestMediaType":"application/vnd.docker.distribution.manifest.v2+json","artifactMediaType":"application/vnd.docker.container.image.v1+json","lastRecordedPullTime":1711{index:06}.25}}"#,
        r = index % 17,
        size = 28_000_000 + index * 31,
        day = 1 + index % 28,
        minute = index % 60,
        h = index % 5,
        l = index % 13,
    )
}

/// A page of about [`FILE_BYTES`].
fn page(seed: usize) -> String {
    let mut page = String::with_capacity(FILE_BYTES + 1024);
    page.push_str(r#"{"imageDetails":["#);
    let mut index = seed * 10_000;
    while page.len() < FILE_BYTES {
        if !page.ends_with('[') {
            page.push(',');
        }
        page.push_str(&image(index));
        index += 1;
    }
    page.push_str(&format!(r#"],"nextToken":"token-{seed}"}}"#));
    page
}

fn write_files(dir: &Path, count: usize) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    (0..count)
        .map(|seed| {
            let path = dir.join(format!("page-{seed:03}.json"));
            let fresh = std::fs::metadata(&path).is_ok_and(|m| m.len() as usize >= FILE_BYTES);
            if !fresh {
                std::fs::write(&path, page(seed))?;
            }
            Ok(path)
        })
        .collect()
}

/// User and system CPU time of this process so far.
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64)
    };
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// Wall time and CPU time of one run.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
}

fn time_run(settings: &Settings, files: &[PathBuf]) -> Sample {
    let mut out = Output::new(io::sink());
    let (started, cpu) = (Instant::now(), cpu_time());
    let tally = validate::run(
        settings,
        files,
        &mut out,
        &mut io::sink(),
        &Progress::hidden(),
    );
    let sample = Sample {
        wall: started.elapsed(),
        cpu: cpu_time() - cpu,
    };
    assert_eq!(tally.valid, files.len(), "every page is valid: {tally:?}");
    sample
}

/// The sample of median wall time.
fn median(mut samples: Vec<Sample>) -> Sample {
    samples.sort_by_key(|sample| sample.wall);
    samples[samples.len() / 2]
}

fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\nusage: parallel [--rounds N] [--jobs N] [--files N]");
            std::process::exit(2);
        }
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/bench-parallel");
    let files = write_files(&dir, args.files).expect("writing the bench files");
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let schema = ecr_types::CATALOG
        .type_def("DescribeImagesResponseTypeDef")
        .expect("registered");
    let base = Settings::new(schema, validate::options(true, false));
    let one = Settings {
        jobs: NonZeroUsize::MIN,
        ..base
    };
    let all = Settings {
        jobs: args.jobs,
        ..base
    };
    // Warm the page cache and the allocator.
    time_run(&all, &files);
    let (mut single, mut parallel, mut speedups) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..args.rounds {
        // Paired rounds, in alternating order: the machine's speed drifts over seconds on a
        // shared host, and a ratio within one round cancels what both runs saw.
        let (one_job, all_jobs) = if round % 2 == 0 {
            let one_job = time_run(&one, &files);
            (one_job, time_run(&all, &files))
        } else {
            let all_jobs = time_run(&all, &files);
            (time_run(&one, &files), all_jobs)
        };
        speedups.push(one_job.wall.as_secs_f64() / all_jobs.wall.as_secs_f64());
        single.push(one_job);
        parallel.push(all_jobs);
    }
    let (single, parallel) = (median(single), median(parallel));
    speedups.sort_by(f64::total_cmp);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.0} MB, {} rounds interleaved, medians:",
        files.len(),
        args.rounds
    );
    println!("| jobs | wall time | throughput | CPU time | cores busy |");
    println!("|---:|---:|---:|---:|---:|");
    for (jobs, sample) in [(1, single), (args.jobs.get(), parallel)] {
        let (wall, cpu) = (sample.wall.as_secs_f64(), sample.cpu.as_secs_f64());
        println!(
            "| {jobs} | {wall:.3} s | {:.0} MB/s | {cpu:.3} s | {:.2} |",
            mb / wall,
            cpu / wall
        );
    }
    println!(
        "speedup with {} jobs: {:.2}x, the median of the rounds' paired ratios (range {:.2}x to {:.2}x; target at least 1.8x on 2 cores); CPU time {:.2}x one job's",
        args.jobs,
        speedups[speedups.len() / 2],
        speedups[0],
        speedups[speedups.len() - 1],
        parallel.cpu.as_secs_f64() / single.cpu.as_secs_f64()
    );
    println!(
        "(cores busy = CPU time / wall time: below the job count, the machine gave fewer cores)"
    );
}
