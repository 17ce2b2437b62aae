//! `typed-dict-gen`: the command line of the generator.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

use clap::{Parser, Subcommand};
use typed_dict_gen::{Error, Facts, Generated, Layout, Release};

/// Writes `#[typed_dict]` declarations from a TypedDict stub package.
#[derive(Parser)]
#[command(name = "typed-dict-gen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Print the facts document of an installed stub package (runs python3 with the
    /// extraction `tools/stub_facts.py`).
    #[command(
        after_help = "Example:\n  pip download types-aiobotocore-sqs --no-deps -d /tmp/sqs && unzip -q -d /tmp/sqs /tmp/sqs/*.whl\n  typed-dict-gen facts /tmp/sqs/types_aiobotocore_sqs > sqs.json"
    )]
    Facts {
        /// The package directory (holding `type_defs.pyi` and `literals.pyi`).
        package: PathBuf,
    },
    /// Write the module tree of one stub release.
    #[command(
        after_help = "Examples:\n  typed-dict-gen generate --facts sqs.json --out src/sqs --module-path crate::sqs\n  typed-dict-gen generate --stub /tmp/sqs/types_aiobotocore_sqs --out src/sqs --module-path crate::sqs --check"
    )]
    Generate {
        /// A facts document (the format of `ecr-types describe --json`).
        #[arg(long, conflicts_with = "stub", required_unless_present = "stub")]
        facts: Option<PathBuf>,
        /// An installed stub package directory, read through `tools/stub_facts.py`.
        #[arg(long)]
        stub: Option<PathBuf>,
        /// The directory the modules are written to.
        #[arg(long)]
        out: PathBuf,
        /// The module path of that directory.
        #[arg(long, default_value = "crate")]
        module_path: String,
        /// A layout (modules, summaries, wire-mode exceptions); without it, one module.
        #[arg(long)]
        layout: Option<PathBuf>,
        /// Compare with the files on disk instead of writing them.
        #[arg(long)]
        check: bool,
        /// Write the deviations from the stub to this file (`-`: stdout) as JSON.
        #[arg(long)]
        deviations: Option<PathBuf>,
    },
    /// Write every release a layout file names (ecr-types: `ecr-types/tools/layout.toml`).
    #[command(
        after_help = "Examples:\n  typed-dict-gen project ecr-types/tools/layout.toml\n  typed-dict-gen project ecr-types/tools/layout.toml --check\n  typed-dict-gen project ecr-types/tools/layout.toml --plain-serde /tmp/ecr-serde-all"
    )]
    Project {
        /// The layout file.
        layout: PathBuf,
        /// Compare with the files on disk instead of writing them.
        #[arg(long)]
        check: bool,
        /// Write every release's shapes as a plain serde crate into this directory instead.
        #[arg(long, value_name = "DIR", conflicts_with = "check")]
        plain_serde: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("typed-dict-gen: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Cmd) -> Result<ExitCode, Error> {
    match command {
        Cmd::Facts { package } => {
            let json = extract_facts(&package)?;
            std::io::stdout()
                .write_all(json.as_bytes())
                .map_err(|source| Error::Io {
                    path: "<stdout>".into(),
                    source,
                })?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Generate {
            facts,
            stub,
            out,
            module_path,
            layout,
            check,
            deviations,
        } => {
            let (facts, shown) = match (facts, stub) {
                (Some(path), _) => (Facts::from_path(&path)?, path.display().to_string()),
                (None, Some(package)) => {
                    let shown = package.display().to_string();
                    (Facts::from_json(&extract_facts(&package)?, &shown)?, shown)
                }
                (None, None) => {
                    return Err(Error::Invalid("give --facts FILE or --stub DIR".into()))
                }
            };
            let layout = match &layout {
                Some(path) => Layout::from_path(path)?,
                None => Layout::default(),
            };
            let name = facts.package.clone();
            let release = Release::new(&name, facts, shown, out, &module_path)?;
            let generated = typed_dict_gen::generate_release(&release, &layout)?;
            if let Some(path) = deviations {
                let list: Vec<_> = generated.deviations.iter().map(|(_, d)| d).collect();
                let json = serde_json::to_string_pretty(&list).unwrap_or_default() + "\n";
                if path == Path::new("-") {
                    print!("{json}");
                } else {
                    std::fs::write(&path, json).map_err(|source| Error::Io { path, source })?;
                }
            } else {
                for (_, deviation) in &generated.deviations {
                    eprintln!("deviation: {deviation}");
                }
                summarize(&generated);
            }
            finish(&generated, check)
        }
        Cmd::Project {
            layout,
            check,
            plain_serde,
        } => {
            if let Some(dir) = plain_serde {
                let (layout, releases) = typed_dict_gen::project_releases(&layout)?;
                typed_dict_gen::plain_serde::plain_serde_crate(&releases, &layout, &dir)?;
                return Ok(ExitCode::SUCCESS);
            }
            let generated = typed_dict_gen::generate_project(&layout)?;
            finish(&generated, check)
        }
    }
}

/// How many deviations of each construct, and what each means.
fn summarize(generated: &Generated) {
    let mut counts = std::collections::BTreeMap::new();
    for (_, deviation) in &generated.deviations {
        *counts.entry(deviation.construct).or_insert(0usize) += 1;
    }
    for (construct, count) in counts {
        eprintln!("{count} x {}: {}", construct.name(), construct.describe());
    }
}

/// Writes (or checks) the files; a check that finds a difference prints it and fails.
fn finish(generated: &Generated, check: bool) -> Result<ExitCode, Error> {
    let report = if check {
        generated.check(Path::new(""))?
    } else {
        generated.write()?
    };
    for path in &report.stale {
        println!("stale: {} (no longer generated)", path.display());
    }
    if check && !report.is_clean() {
        print!("{}", report.diff);
        let changed: Vec<String> = report
            .changed
            .iter()
            .chain(&report.stale)
            .map(|p| p.display().to_string())
            .collect();
        eprintln!("typed-dict-gen: out of date: {}", changed.join(", "));
        return Ok(ExitCode::FAILURE);
    }
    let verb = if check { "would change" } else { "wrote" };
    if report.changed.is_empty() {
        println!("up to date");
    } else {
        println!("{verb} {} of {} files", report.changed.len(), report.files);
    }
    Ok(ExitCode::SUCCESS)
}

/// The facts of an installed stub package, from `tools/stub_facts.py` run by python3.
fn extract_facts(package: &Path) -> Result<String, Error> {
    let tool =
        |message: String| Error::Tool(format!("stub_facts.py on {}: {message}", package.display()));
    let mut child = Command::new("python3")
        .arg("-")
        .arg(package)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| tool(format!("cannot run python3 ({error})")))?;
    let mut stdin = child.stdin.take().ok_or_else(|| tool("no stdin".into()))?;
    let writer =
        std::thread::spawn(move || stdin.write_all(typed_dict_gen::STUB_FACTS_PY.as_bytes()));
    let output = child
        .wait_with_output()
        .map_err(|error| tool(error.to_string()))?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(tool(
            String::from_utf8_lossy(&output.stderr)
                .trim_end()
                .to_owned(),
        ));
    }
    String::from_utf8(output.stdout).map_err(|error| tool(error.to_string()))
}
