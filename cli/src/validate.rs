//! `ecr-types validate`: read each payload once, check it on a free core, report in input
//! order.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use typed_dict::{DecodeOptions, Report, TypedDictSchema};

use crate::escape::Escaped;
use crate::input::{self, LineError, Lines, ReadError, Source};
use crate::output::Output;
use crate::pipeline::{self, Dispatch, Taker};
use crate::progress::Progress;
use crate::report::{self, Format, PayloadReport};
use crate::sources;

/// A JSON Lines batch ends at this many lines...
const BATCH_LINES: usize = 256;
/// ... or this many bytes, or when the next line is not in memory yet (so a slow stream,
/// `tail -f`, gets each report as soon as its line is checked).
const BATCH_BYTES: usize = 1 << 20;
/// Jobs between dispatch and report, per worker.
const WINDOW_PER_WORKER: usize = 4;

/// What `validate` checks, and how.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The TypeDef payloads are checked against.
    pub schema: &'static TypedDictSchema,
    /// Strict or wire mode, unknown keys allowed or denied.
    pub options: DecodeOptions,
    /// Text or JSON reports.
    pub format: Format,
    /// Payloads checked at once.
    pub jobs: NonZeroUsize,
    /// The largest input (or JSON Lines line) read.
    pub max_bytes: u64,
    /// One payload a line instead of one a file.
    pub jsonl: bool,
}

impl Settings {
    /// Checks against `schema` with `options`: text reports, one job per core, the
    /// default size limit, one payload a file.
    pub fn new(schema: &'static TypedDictSchema, options: DecodeOptions) -> Self {
        Settings {
            schema,
            options,
            format: Format::Text,
            jobs: std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN),
            max_bytes: input::DEFAULT_MAX_BYTES,
            jsonl: false,
        }
    }
}

/// The decode options the flags ask for.
pub fn options(wire: bool, deny_unknown: bool) -> DecodeOptions {
    let options = if wire {
        DecodeOptions::wire()
    } else {
        DecodeOptions::strict()
    };
    options.deny_unknown(deny_unknown)
}

/// What a run found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Payloads without errors.
    pub valid: usize,
    /// Payloads with errors.
    pub invalid: usize,
    /// Inputs that could not be read (missing, too large, ...).
    pub unreadable: usize,
    /// Standard output failed with an error other than a closed pipe.
    pub output_failed: bool,
}

impl Tally {
    /// 2 when an input could not be read or output failed, else 1 when a payload was
    /// invalid, else 0. A closed standard output (`| head`) changes nothing.
    pub fn exit_code(&self) -> u8 {
        if self.unreadable > 0 || self.output_failed {
            2
        } else if self.invalid > 0 {
            1
        } else {
            0
        }
    }

    fn add(&mut self, other: &Tally) {
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.unreadable += other.unreadable;
    }
}

/// Checks every payload the arguments name, writing reports to `out` and unreadable
/// inputs to `err`, in input order.
pub fn run(
    settings: &Settings,
    args: &[PathBuf],
    out: &mut Output<impl Write>,
    err: &mut impl Write,
    progress: &Progress,
) -> Tally {
    let mut taker = Reporter {
        out,
        err,
        progress,
        tally: Tally::default(),
    };
    let window = NonZeroUsize::new(settings.jobs.get().saturating_mul(WINDOW_PER_WORKER))
        .unwrap_or(NonZeroUsize::MIN);
    let spare = Spare::default();
    pipeline::run(
        settings.jobs,
        window,
        |dispatch| produce(settings, args, dispatch, progress, &spare),
        |job| check(settings, job, &spare),
        &mut taker,
    );
    progress.finish();
    let mut tally = taker.tally;
    tally.output_failed = out.failed();
    tally
}

/// One unit of work.
enum Job {
    /// A whole file (or standard input), read by the worker.
    Payload(Source),
    /// JSON Lines payloads, already read.
    Lines(Batch),
    /// An input that could not be read, worded.
    Unreadable(String),
}

/// Consecutive lines of one JSON Lines input, in one buffer.
struct Batch {
    file: Arc<str>,
    bytes: Vec<u8>,
    lines: Vec<(usize, Range<usize>)>,
}

impl Batch {
    fn new(file: &Arc<str>, spare: &Spare) -> Self {
        Batch {
            file: Arc::clone(file),
            bytes: spare.take(),
            lines: Vec::new(),
        }
    }
}

/// The buffers of JSON Lines batches already checked, for the next batches to read into.
/// A fresh megabyte per batch is memory the allocator maps and unmaps every time, and
/// unmapping it in a threaded process interrupts every other core to flush its TLB.
/// At most a window of batches is in flight, so at most that many wait here.
#[derive(Default)]
struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    /// An empty buffer, with room if one is spare.
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut spare| spare.pop())
            .ok()
            .flatten()
            .unwrap_or_default()
    }

    /// Keeps a buffer for a later batch, unless it grew past what a batch needs (one long
    /// line) and would hold that memory for the rest of the run.
    fn give(&self, mut bytes: Vec<u8>) {
        if bytes.capacity() <= 2 * BATCH_BYTES {
            bytes.clear();
            if let Ok(mut spare) = self.0.lock() {
                spare.push(bytes);
            }
        }
    }
}

/// What a job printed and found.
struct Checked {
    /// The reports, for standard output.
    reports: Vec<u8>,
    /// The error, for standard error after the reports.
    error: Option<String>,
    tally: Tally,
}

fn produce(
    settings: &Settings,
    args: &[PathBuf],
    dispatch: &mut Dispatch<Job>,
    progress: &Progress,
    spare: &Spare,
) {
    let extension = if settings.jsonl { "jsonl" } else { "json" };
    sources::for_each(args, extension, |source| match source {
        Ok(source) if settings.jsonl => {
            produce_lines(source, settings.max_bytes, dispatch, progress, spare)
        }
        Ok(source) => {
            progress.queued(1);
            dispatch.send(Job::Payload(source));
        }
        Err(message) => {
            progress.queued(1);
            dispatch.send(Job::Unreadable(message));
        }
    });
}

/// Reads a JSON Lines input and sends its lines in batches.
fn produce_lines(
    source: Source,
    limit: u64,
    dispatch: &mut Dispatch<Job>,
    progress: &Progress,
    spare: &Spare,
) {
    let name = source.name();
    let reader: Box<dyn io::Read + Send> = match &source {
        Source::Stdin => Box::new(io::stdin()),
        Source::Path(path) => match File::open(path) {
            Ok(file) => Box::new(file),
            Err(error) => {
                progress.queued(1);
                dispatch.send(Job::Unreadable(ReadError::Io(error).message(&name)));
                return;
            }
        },
    };
    let mut lines = Lines::new(reader, BATCH_BYTES / 4, limit);
    let file: Arc<str> = name.into();
    let mut batch = Batch::new(&file, spare);
    let send = |batch: Batch, dispatch: &mut Dispatch<Job>| {
        if !batch.lines.is_empty() {
            progress.queued(batch.lines.len());
            dispatch.send(Job::Lines(batch));
        }
    };
    loop {
        match lines.next_payload(&mut batch.bytes) {
            Ok(Some(line)) => {
                batch.lines.push(line);
                if batch.lines.len() >= BATCH_LINES
                    || batch.bytes.len() >= BATCH_BYTES
                    || !lines.buffered()
                {
                    send(
                        std::mem::replace(&mut batch, Batch::new(&file, spare)),
                        dispatch,
                    );
                }
            }
            Ok(None) => {
                send(batch, dispatch);
                return;
            }
            Err(LineError { line, error }) => {
                send(batch, dispatch);
                let message = format!(
                    "{}; the rest of `{}` is not read",
                    error.message(&format!("{file}:{line}")),
                    Escaped(&file)
                );
                progress.queued(1);
                dispatch.send(Job::Unreadable(message));
                return;
            }
        }
    }
}

thread_local! {
    /// The buffer each worker reads its files into, reused from file to file. A fresh one
    /// per file is a large allocation the allocator maps and unmaps every time, and
    /// unmapping memory in a threaded process interrupts every other core to flush its
    /// TLB: with two workers that cost 16% more CPU time than one worker spent.
    static READ_BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The largest read buffer a worker keeps for the next file: one larger input does not
/// hold its memory for the rest of the run.
const KEPT_READ_BUFFER: usize = 64 << 20;

fn check(settings: &Settings, job: Job, spare: &Spare) -> Checked {
    let mut checked = Checked {
        reports: Vec::new(),
        error: None,
        tally: Tally::default(),
    };
    match job {
        Job::Payload(source) => {
            let name = source.name();
            READ_BUFFER.with_borrow_mut(|bytes| {
                match input::read_payload_into(&source, settings.max_bytes, bytes) {
                    Ok(()) => check_one(settings, bytes, &name, None, &mut checked),
                    Err(error) => {
                        checked.error = Some(error.message(&name));
                        checked.tally.unreadable += 1;
                    }
                }
                if bytes.capacity() > KEPT_READ_BUFFER {
                    *bytes = Vec::new();
                }
            });
        }
        Job::Lines(batch) => {
            for (line, range) in &batch.lines {
                let bytes = &batch.bytes[range.clone()];
                check_one(settings, bytes, &batch.file, Some(*line), &mut checked);
            }
            spare.give(batch.bytes);
        }
        Job::Unreadable(message) => {
            checked.error = Some(message);
            checked.tally.unreadable += 1;
        }
    }
    checked
}

/// Checks one payload and appends its report.
pub fn check_one_into(
    settings: &Settings,
    bytes: &[u8],
    file: &str,
    line: Option<usize>,
    reports: &mut Vec<u8>,
) -> Report {
    let report = typed_dict::validate_schema(bytes, settings.schema, settings.options);
    let payload = PayloadReport {
        file,
        line,
        schema: settings.schema,
        options: settings.options,
        report: &report,
    };
    // Writing to memory cannot fail.
    let _ = report::write(settings.format, &payload, reports);
    report
}

fn check_one(
    settings: &Settings,
    bytes: &[u8],
    file: &str,
    line: Option<usize>,
    checked: &mut Checked,
) {
    let report = check_one_into(settings, bytes, file, line, &mut checked.reports);
    if report.is_valid() {
        checked.tally.valid += 1;
    } else {
        checked.tally.invalid += 1;
    }
}

/// Writes results in order and keeps the tally.
struct Reporter<'a, W: Write, E: Write> {
    out: &'a mut Output<W>,
    err: &'a mut E,
    progress: &'a Progress,
    tally: Tally,
}

impl<W: Write, E: Write> Taker<Checked> for Reporter<'_, W, E> {
    fn take(&mut self, result: Result<Checked, String>) {
        let checked = result.unwrap_or_else(|panic| Checked {
            reports: Vec::new(),
            error: Some(format!("internal error: {panic}; please report it")),
            tally: Tally {
                unreadable: 1,
                ..Tally::default()
            },
        });
        self.tally.add(&checked.tally);
        let progress = self.progress;
        let drawn = progress.is_drawn();
        progress.suspend(|| {
            self.out.write(&checked.reports);
            if drawn || checked.error.is_some() {
                self.out.flush();
            }
            if let Some(error) = &checked.error {
                // A dead standard error must not stop the run: the status still tells.
                let _ = writeln!(self.err, "error: {}", Escaped(error));
            }
        });
        let tally = &checked.tally;
        self.progress.checked(
            tally.valid + tally.invalid + tally.unreadable,
            self.tally.invalid,
        );
    }

    fn idle(&mut self) {
        let progress = self.progress;
        progress.tick();
        progress.suspend(|| self.out.flush());
    }
}
