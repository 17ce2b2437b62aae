//! `ecr-types`: check JSON payloads against the ECR shapes, and print their schemas and docs.
//!
//! Exit status: 0 when every payload is valid (or the command succeeded), 1 when some
//! payload is invalid, 2 on a usage or I/O error. The work is done by the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    ecr_types_cli::main()
}
