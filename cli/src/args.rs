//! The command line's grammar: commands, flags, help.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use ecr_types::catalog::Catalog;
use typed_dict::DecodeOptions;

use crate::report::Format;

/// Check JSON payloads against the AWS ECR shapes of types-aiobotocore-ecr.
#[derive(Debug, Parser)]
#[command(name = "ecr-types", version, about, long_about = None)]
#[command(
    after_help = "Example:\n  ecr-types validate --wire DescribeImagesResponseTypeDef response.json"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Which release of the stubs: 2.1 (types-aiobotocore-ecr 2.1.1, early 2022) or latest
    /// (3.10.0, late 2026: 181 TypeDefs, requests named `XRequestTypeDef`).
    #[arg(long, global = true, value_enum, default_value_t = Api::V2_1)]
    pub api: Api,
}

/// A release of the stubs, as `--api` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Api {
    /// types-aiobotocore-ecr 2.1.1, the seed release.
    #[value(name = "2.1")]
    V2_1,
    /// types-aiobotocore-ecr 3.10.0.
    Latest,
}

impl Api {
    /// Every release, default first.
    pub const ALL: [Api; 2] = [Api::V2_1, Api::Latest];

    /// The release's shapes.
    pub fn catalog(self) -> &'static Catalog {
        match self {
            Api::V2_1 => &ecr_types::CATALOG,
            Api::Latest => &ecr_types::latest::CATALOG,
        }
    }

    /// The name `--api` takes.
    pub fn name(self) -> &'static str {
        match self {
            Api::V2_1 => "2.1",
            Api::Latest => "latest",
        }
    }

    /// The flag to add to a command for this release: nothing for the default.
    pub fn flag(self) -> String {
        match self {
            Api::V2_1 => String::new(),
            api => format!(" --api {}", api.name()),
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decode each payload as a TypeDef and report every problem with its JSON path.
    #[command(after_help = VALIDATE_HELP)]
    Validate(ValidateArgs),
    /// List every TypeDef (or every literal type, or every operation) in upstream order.
    #[command(
        after_help = "Examples:\n  ecr-types list\n  ecr-types list --literals\n  ecr-types list --operations --api latest"
    )]
    List {
        /// List the literal types instead.
        #[arg(long, conflicts_with = "operations")]
        literals: bool,
        /// List the service's operations instead: name, boto3 method, AWS CLI command.
        #[arg(long)]
        operations: bool,
    },
    /// Show a TypeDef's keys, Required flags, types and descriptions, an alias's
    /// definition, a literal's values, or an operation's TypeDefs and paginator.
    #[command(
        after_help = "Examples:\n  ecr-types show ImageDetailTypeDef\n  ecr-types show describe-images\n  ecr-types show --no-docs ImageDetailTypeDef"
    )]
    Show {
        /// A TypeDef, alias or literal type name, or an operation (`DescribeImages`,
        /// `describe_images` or `describe-images`).
        name: String,
        /// Leave out the keys' descriptions (from botocore's service model).
        #[arg(long)]
        no_docs: bool,
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
    #[command(
        after_help = "Examples:\n  ecr-types describe --json | jq '.type_defs | length'\n  ecr-types describe --json --api latest"
    )]
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

const VALIDATE_HELP: &str = "\
Examples:
  ecr-types validate CreateRepositoryRequestRequestTypeDef request.json
  aws ecr describe-images --repository-name web | ecr-types validate --wire DescribeImagesResponseTypeDef -
  ecr-types validate --wire DescribeImagesResponseTypeDef responses/ --jobs 4
  ecr-types validate --wire --jsonl DescribeImagesResponseTypeDef pages.jsonl
  ecr-types validate --operation describe-images --wire response.json
  ecr-types validate --operation DescribeImages --request --constraints request.json

Reports come in input order, one per payload, whatever order the workers finish in.
Text from payloads and file names is printed escaped (control, format and bidi characters
as \\n, \\t, \\r or \\u{..}), so a payload cannot write to the terminal or forge a line.

Exit status: 0 all valid, 1 some payload invalid, 2 usage or I/O error (an input that
cannot be read or is larger than --max-bytes, output that cannot be written); 2 outranks 1.
If standard output is closed early (`| head`), nothing more is printed but every payload
is still checked, and the status says whether all were valid.";

/// `ecr-types validate`'s arguments.
#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The TypeDef to check against, e.g. DescribeImagesResponseTypeDef (with
    /// --operation, the first file instead).
    #[arg(required_unless_present = "operation", value_name = "TYPE_DEF")]
    pub type_def: Option<String>,
    /// JSON files to check; `-` (the default) reads standard input; a directory stands for
    /// the `.json` files under it (`.jsonl` with --jsonl), recursively, sorted by name.
    #[arg(value_name = "FILES")]
    pub files: Vec<PathBuf>,
    /// Check against an operation's response TypeDef (its request's with --request):
    /// `DescribeImages`, `describe_images` or `describe-images`.
    #[arg(long, value_name = "OPERATION")]
    pub operation: Option<String>,
    /// With --operation, check the operation's request instead of its response.
    #[arg(long, requires = "operation")]
    pub request: bool,
    /// Payloads as the service sends them: null means absent, and keys the service may
    /// leave out (nextToken, ResponseMetadata, ...) may be missing.
    #[arg(long)]
    pub wire: bool,
    /// Report keys the shape does not declare as errors (otherwise they are warnings).
    #[arg(long)]
    pub deny_unknown: bool,
    /// Check the keys' constraints too (lengths, patterns, numeric bounds), in either
    /// mode: a value that breaks one is a `constraint_violation` error.
    #[arg(long)]
    pub constraints: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// JSON Lines input: one payload a line (blank lines skipped), reported as FILE:LINE.
    #[arg(long)]
    pub jsonl: bool,
    /// Payloads checked at once, 1 to 1024 [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<NonZeroUsize>,
    /// Refuse an input (a line, with --jsonl) larger than this, e.g. 64MiB, 1GiB, 500000.
    /// An endless stream such as standard input stops there; with --jsonl the limit holds
    /// for each line, and a stream of lines is read as it comes, for as long as it lasts.
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_BYTES_TEXT, value_parser = parse_max_bytes)]
    pub max_bytes: u64,
    /// Errors printed per payload, and as many warnings; the rest are counted
    /// (`... and 4,999,000 more errors`), so a flood of errors takes bounded memory. The
    /// kept ones also share a text budget (16 MiB plus twice the payload's size): past it,
    /// problems are counted too, however large N is.
    #[arg(long, value_name = "N", default_value_t = DecodeOptions::DEFAULT_MAX_ERRORS)]
    pub max_errors: usize,
}

/// What `validate` checks against: a TypeDef named, or an operation's request or
/// response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A TypeDef by name.
    TypeDef(String),
    /// An operation, by any of its names; `request` picks its request TypeDef.
    Operation {
        /// The operation's name as given.
        name: String,
        /// Its request (else its response).
        request: bool,
    },
}

impl ValidateArgs {
    /// What to check against, and the files to check (`-` when none is given). With
    /// --operation there is no TypeDef argument: the first positional is a file.
    pub fn target(&self) -> (Target, Vec<PathBuf>) {
        let mut files = self.files.clone();
        let target = match &self.operation {
            Some(name) => {
                if let Some(first) = &self.type_def {
                    files.insert(0, PathBuf::from(first));
                }
                Target::Operation {
                    name: name.clone(),
                    request: self.request,
                }
            }
            None => Target::TypeDef(self.type_def.clone().unwrap_or_default()),
        };
        if files.is_empty() {
            files.push(PathBuf::from("-"));
        }
        (target, files)
    }
}

/// [`crate::input::DEFAULT_MAX_BYTES`] as the help shows it.
const DEFAULT_MAX_BYTES_TEXT: &str = "256MiB";

fn parse_max_bytes(text: &str) -> Result<u64, String> {
    match parse_size::parse_size(text) {
        Ok(0) => Err("the limit must be at least 1 byte".to_owned()),
        Ok(bytes) => Ok(bytes),
        Err(error) => Err(format!(
            "{error}; write a size such as 64MiB, 1GiB or 500000"
        )),
    }
}

/// The most workers `--jobs` starts: each is a thread with its own stack, and a window of
/// jobs in flight grows with them, so an absurd count is a usage error, not a hang.
pub const MAX_JOBS: usize = 1024;

fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    match text.parse::<usize>() {
        Ok(jobs @ 1..=MAX_JOBS) => Ok(NonZeroUsize::new(jobs).unwrap_or(NonZeroUsize::MIN)),
        _ => Err(format!("expected a number of jobs from 1 to {MAX_JOBS}")),
    }
}

/// The upstream docs pages.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DocsPage {
    /// type_defs.md
    TypeDefs,
    /// literals.md
    Literals,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DEFAULT_MAX_BYTES;

    #[test]
    fn jobs_are_from_one_to_the_maximum() {
        assert_eq!(parse_jobs("1").map(NonZeroUsize::get), Ok(1));
        assert_eq!(parse_jobs("1024").map(NonZeroUsize::get), Ok(MAX_JOBS));
        for refused in [
            "0",
            "1025",
            "4294967295",
            "18446744073709551616",
            "-1",
            "",
            "two",
        ] {
            let error = parse_jobs(refused).unwrap_err();
            assert_eq!(
                error, "expected a number of jobs from 1 to 1024",
                "{refused:?}"
            );
        }
    }

    #[test]
    fn the_default_limit_reads_as_the_constant() {
        assert_eq!(
            parse_max_bytes(DEFAULT_MAX_BYTES_TEXT),
            Ok(DEFAULT_MAX_BYTES)
        );
        assert_eq!(parse_max_bytes("1GB"), Ok(1_000_000_000));
        assert!(parse_max_bytes("0").is_err());
        assert!(parse_max_bytes("lots").unwrap_err().contains("64MiB"));
    }
}
