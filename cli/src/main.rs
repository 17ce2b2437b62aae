//! `ecr-types`: check JSON payloads against the ECR shapes, and print their schemas and docs.
//!
//! Exit status: 0 when every payload is valid (or the command succeeded), 1 when some
//! payload is invalid, 2 on a usage or I/O error.

mod lookup;
mod output;
mod show;
mod validate;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Check JSON payloads against the AWS ECR shapes of types-aiobotocore-ecr.
#[derive(Parser)]
#[command(name = "ecr-types", version, about, long_about = None)]
#[command(
    after_help = "Example:\n  ecr-types validate --wire DescribeImagesResponseTypeDef response.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Decode each payload as a TypeDef and report every problem with its JSON path.
    #[command(after_help = "Examples:\n  \
        ecr-types validate CreateRepositoryRequestRequestTypeDef request.json\n  \
        aws ecr describe-images --repository-name web | ecr-types validate --wire DescribeImagesResponseTypeDef -\n\n\
        Exit status: 0 all valid, 1 some invalid, 2 usage or I/O error.")]
    Validate {
        /// The TypeDef to check against, e.g. DescribeImagesResponseTypeDef.
        type_def: String,
        /// JSON files to check; `-` (the default) reads standard input.
        #[arg(default_value = "-")]
        files: Vec<PathBuf>,
        /// Payloads as the service sends them: null means absent, and keys the service may
        /// leave out (nextToken, ResponseMetadata, ...) may be missing.
        #[arg(long)]
        wire: bool,
        /// Report keys the shape does not declare as errors (otherwise they are warnings).
        #[arg(long)]
        deny_unknown: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List every TypeDef (or every literal type) in upstream order.
    #[command(after_help = "Examples:\n  ecr-types list\n  ecr-types list --literals")]
    List {
        /// List the literal types instead.
        #[arg(long)]
        literals: bool,
    },
    /// Show a TypeDef's keys, Required flags and types, or a literal's values.
    #[command(after_help = "Example:\n  ecr-types show ImageDetailTypeDef")]
    Show {
        /// A TypeDef or literal type name.
        name: String,
    },
    /// Print the JSON Schema (draft 2020-12) of a TypeDef, or of all of them.
    #[command(
        after_help = "Examples:\n  ecr-types schema CreateRepositoryRequestRequestTypeDef\n  ecr-types schema --all"
    )]
    Schema {
        /// The TypeDef.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        name: Option<String>,
        /// Every TypeDef, under `$defs`.
        #[arg(long)]
        all: bool,
        /// The wire-mode schema: keys the service may leave out are not required, and null
        /// is allowed.
        #[arg(long)]
        wire: bool,
    },
    /// Print the whole static schema as one JSON document.
    #[command(after_help = "Example:\n  ecr-types describe --json | jq '.type_defs | length'")]
    Describe {
        /// Print JSON (the only format).
        #[arg(long, required = true)]
        json: bool,
    },
    /// Render the markdown docs in the upstream format.
    #[command(
        after_help = "Examples:\n  ecr-types docs type-defs > type_defs.md\n  ecr-types docs literals > literals.md"
    )]
    Docs {
        /// Which page.
        #[arg(value_enum)]
        page: DocsPage,
    },
}

/// How `validate` prints its findings.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable, pydantic-style.
    Text,
    /// One JSON object per file, one per line.
    Json,
}

/// The upstream docs pages.
#[derive(Clone, Copy, ValueEnum)]
enum DocsPage {
    /// type_defs.md
    TypeDefs,
    /// literals.md
    Literals,
}

/// What ended a command early.
enum Failure {
    /// A usage problem or an I/O error, already worded.
    Usage(String),
    /// Writing to standard output failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Self {
        Failure::Output(error)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = run(cli.command, &mut out).and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Ok(code) => code,
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(Failure::Output(error)) if error.kind() == io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(Failure::Output(error)) => {
            eprintln!("error: cannot write output: {error}");
            ExitCode::from(2)
        }
        Err(Failure::Usage(message)) => {
            let _ = out.flush();
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command, out: &mut impl Write) -> Result<ExitCode, Failure> {
    match command {
        Command::Validate {
            type_def,
            files,
            wire,
            deny_unknown,
            format,
        } => {
            let schema = lookup::type_def(&type_def).map_err(Failure::Usage)?;
            let options = validate::options(wire, deny_unknown);
            validate::run(schema, &files, options, format, out)
        }
        Command::List { literals } => {
            show::list(literals, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { name } => {
            show::show(&name, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { name, all, wire } => {
            show::schema(name.as_deref(), all, wire, out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Describe { json: _ } => {
            show::describe(out)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Docs { page } => {
            show::docs(page, out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
