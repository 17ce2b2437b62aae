//! The payload sources the arguments name: `-`, files, and the matching files under each
//! directory, found as they are needed (a huge tree is never listed in memory at once).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::escape::Escaped;
use crate::input::Source;

/// Calls `visit` with every source, in order: arguments as given, and for a directory the
/// files under it whose extension is `extension` (ignoring case), recursively, each
/// directory's entries sorted by name. Symbolic links to files count; links to directories
/// are not followed (no cycles). A directory that cannot be listed, or holds no such file,
/// is an error in its place.
pub fn for_each(args: &[PathBuf], extension: &str, mut visit: impl FnMut(Result<Source, String>)) {
    for arg in args {
        if arg.as_os_str() != "-" && arg.is_dir() {
            under_directory(arg, extension, &mut visit);
        } else {
            visit(Ok(Source::from_arg(arg)));
        }
    }
}

fn under_directory(
    directory: &Path,
    extension: &str,
    visit: &mut impl FnMut(Result<Source, String>),
) {
    let mut found = false;
    for entry in WalkDir::new(directory).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let path = error.path().unwrap_or(directory).display().to_string();
                let reason = error
                    .io_error()
                    .map_or_else(|| error.to_string(), |io| io.kind().to_string());
                visit(Err(format!("cannot read `{}`: {reason}", Escaped(&path))));
                found = true;
                continue;
            }
        };
        let path = entry.path();
        let matches = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case(extension));
        // A link is a file when what it points to is one.
        if matches && (entry.file_type().is_file() || path.is_file()) {
            found = true;
            visit(Ok(Source::Path(path.to_owned())));
        }
    }
    if !found {
        visit(Err(format!(
            "no `.{extension}` files under `{}`",
            Escaped(&directory.display().to_string())
        )));
    }
}
