#![doc = include_str!("../README.md")]
#![warn(missing_docs, missing_debug_implementations)]

pub mod args;
pub mod escape;
pub mod fuzz;
pub mod input;
mod lookup;
pub mod output;
mod pipeline;
pub mod progress;
pub mod report;
mod show;
mod sources;
pub mod validate;
mod wrap;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::args::{Api, Cli, Command, Target, ValidateArgs};
use crate::escape::Escaped;
use crate::output::Output;
use crate::progress::Progress;
use crate::validate::Settings;

/// Runs the command line on the process's arguments and returns its exit status.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
    };
    let api = cli.api;
    match cli.command {
        Command::Validate(args) => validate_command(api, args),
        Command::List {
            literals,
            operations,
        } => {
            let listed = match (literals, operations) {
                (_, true) => show::Listed::Operations,
                (true, false) => show::Listed::Literals,
                (false, false) => show::Listed::TypeDefs,
            };
            print_command(|out| Ok(show::list(api, listed, out)?))
        }
        Command::Show { name, no_docs } => {
            let width = (!no_docs).then(wrap::terminal_width);
            print_command(|out| show::show(api, &name, width, out))
        }
        Command::Schema { name, all, wire } => {
            print_command(|out| show::schema(api, name.as_deref(), all, wire, out))
        }
        Command::Describe { json: _ } => print_command(|out| Ok(show::describe(api, out)?)),
        Command::Docs { page } => print_command(|out| Ok(show::docs(api, page, out)?)),
    }
}

/// What ended a printing command early.
enum Failure {
    /// A usage problem, already worded.
    Usage(String),
    /// Writing to standard output failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

/// Writes `error: message` to standard error. If standard error is gone there is no one
/// left to tell: the exit status still says it.
fn say(message: &str) {
    let _ = writeln!(io::stderr().lock(), "error: {}", Escaped(message));
}

/// What clap has to say instead of a command: help or the version on standard output
/// (exit 0, or 2 if it cannot be written), or a usage error on standard error (exit 2).
/// A usage error quotes the arguments, which may be file names a shell glob picked up:
/// they are escaped as payload text is, line by line, so an argument cannot move the
/// cursor, rewrite the terminal or hide what follows.
fn usage(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let text = error.render().to_string();
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let mut out = io::stdout().lock();
        return match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
        };
    }
    let escaped: Vec<String> = text
        .split('\n')
        .map(|line| Escaped(line).to_string())
        .collect();
    let _ = io::stderr().lock().write_all(escaped.join("\n").as_bytes());
    ExitCode::from(2)
}

fn validate_command(api: Api, args: ValidateArgs) -> ExitCode {
    let (target, files) = args.target();
    let found = match &target {
        Target::TypeDef(name) => lookup::type_def(api, name),
        Target::Operation { name, request } => lookup::operation_type_def(api, name, *request),
    };
    let schema = match found {
        Ok(schema) => schema,
        Err(message) => {
            say(&message);
            return ExitCode::from(2);
        }
    };
    let options = validate::options(args.wire, args.deny_unknown)
        .max_errors(args.max_errors)
        .constraints(args.constraints);
    let mut settings = Settings::new(schema, options);
    settings.format = args.format;
    settings.max_bytes = args.max_bytes;
    settings.jsonl = args.jsonl;
    if let Some(jobs) = args.jobs {
        settings.jobs = jobs;
    }
    let mut out = Output::new(BufWriter::with_capacity(1 << 16, io::stdout().lock()));
    let mut err = Stderr;
    let tally = validate::run(
        &settings,
        &files,
        &mut out,
        &mut err,
        &Progress::on_stderr(),
    );
    out.flush();
    if let Some(error) = out.error() {
        say(&format!("cannot write output: {error}"));
    }
    let code = if out.failed() { 2 } else { tally.exit_code() };
    ExitCode::from(code)
}

/// Standard error, locked per write.
struct Stderr;

impl Write for Stderr {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        io::stderr().lock().write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        io::stderr().lock().flush()
    }
}

/// Runs a command that prints to standard output.
fn print_command(
    print: impl FnOnce(&mut BufWriter<io::StdoutLock<'static>>) -> Result<(), Failure>,
) -> ExitCode {
    let mut out = BufWriter::new(io::stdout().lock());
    let result = print(&mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(error)) => {
            say(&format!("cannot write output: {error}"));
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            let _ = out.flush();
            say(&message);
            ExitCode::from(2)
        }
    }
}
