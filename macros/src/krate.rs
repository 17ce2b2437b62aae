//! Where the runtime crate is, for the generated code's paths: `crate = "..."` when
//! written; otherwise the name the user's manifest gives the `typed-dict` package, so a
//! renamed dependency (`td = { package = "typed-dict" }`) needs no attribute. Only a
//! facade that re-exports typed-dict needs `crate = "..."`.
//!
//! The manifest is read as `proc-macro-crate` reads it, with `toml-span`: about 1 s of a
//! dependent's clean build, where `proc-macro-crate`'s `toml_edit` and its six packages
//! took about 4.9 s on the macro's side of the build (README, "Compile time").

mod manifest;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use proc_macro2::Span;
use quote::format_ident;

use crate::ctxt::Ctxt;
use crate::symbol::{CRATE, TYPED_DICT};

pub use manifest::{workspace_manifest, Found};

/// The package the generated code calls.
const PACKAGE: &str = "typed-dict";

/// The runtime's path: `written` (from `crate = "..."`) when given, else the manifest's
/// name for typed-dict. When the manifest does not name it, the error says what to write,
/// and `::typed_dict` stands in so the fallback can still emit the item.
pub fn resolve(cx: &mut Ctxt, written: Option<&syn::Path>) -> syn::Path {
    if let Some(path) = written {
        return path.clone();
    }
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        // Built without Cargo (no manifest to read): the package's own name is the best
        // guess, and a wrong one fails where the path is used.
        return default_path();
    };
    match path_from(cached_lookup(&Path::new(&dir).join("Cargo.toml"))) {
        Ok(path) => path,
        Err(message) => {
            cx.push(syn::Error::new(Span::call_site(), message));
            default_path()
        }
    }
}

/// The runtime's path from what the manifest says, or the error's message.
fn path_from(found: Result<Found, String>) -> Result<syn::Path, String> {
    match found? {
        Found::Name(name) => {
            let name = format_ident!("{}", name.replace('-', "_"));
            Ok(syn::parse_quote!(::#name))
        }
        // typed-dict's own doctests, examples and tests: crates of their own that reach
        // it by its name (and its library names itself so too: `extern crate self`).
        Found::Itself => Ok(default_path()),
        Found::Missing { manifest } => Err(format!(
            "`{PACKAGE}` is not a dependency in `{}`: add it, or, if typed-dict comes through another crate that re-exports it, say where with `#[{TYPED_DICT}({CRATE} = \"path::to::typed_dict\")]`",
            manifest.display()
        )),
    }
}

/// `::typed_dict`, the package's own name.
fn default_path() -> syn::Path {
    syn::parse_quote!(::typed_dict)
}

/// One lookup's answer, and what it was read from.
struct Cached {
    manifest: PathBuf,
    modified: Option<SystemTime>,
    found: Result<Found, String>,
}

/// The last lookup: every `#[typed_dict]` of a crate asks the same manifest, so it is read
/// once per crate; a manifest edited since (rust-analyzer keeps the macro loaded across
/// edits) is read again.
static LAST: Mutex<Option<Cached>> = Mutex::new(None);

/// [`manifest::lookup`] of `manifest`, cached while the file is unchanged.
fn cached_lookup(manifest: &Path) -> Result<Found, String> {
    let modified = std::fs::metadata(manifest)
        .and_then(|meta| meta.modified())
        .ok();
    let mut last = LAST.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(cached) = last.as_ref() {
        if cached.manifest == manifest && cached.modified == modified && modified.is_some() {
            return cached.found.clone();
        }
    }
    let found = manifest::lookup(PACKAGE, manifest);
    *last = Some(Cached {
        manifest: manifest.to_owned(),
        modified,
        found: found.clone(),
    });
    found
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    use super::*;

    fn spelled(found: Result<Found, String>) -> Result<String, String> {
        path_from(found).map(|path| path.to_token_stream().to_string().replace(' ', ""))
    }

    #[test]
    fn a_renamed_dependency_is_reached_by_its_name() {
        assert_eq!(spelled(Ok(Found::Name("td".into()))), Ok("::td".into()));
        assert_eq!(
            spelled(Ok(Found::Name("my-typed-dict".into()))),
            Ok("::my_typed_dict".into())
        );
        assert_eq!(spelled(Ok(Found::Itself)), Ok("::typed_dict".into()));
    }

    #[test]
    fn a_missing_dependency_says_what_to_write() {
        let message = spelled(Ok(Found::Missing {
            manifest: PathBuf::from("/work/app/Cargo.toml"),
        }))
        .unwrap_err();
        assert_eq!(
            message,
            "`typed-dict` is not a dependency in `/work/app/Cargo.toml`: add it, or, if typed-dict comes through another crate that re-exports it, say where with `#[typed_dict(crate = \"path::to::typed_dict\")]`"
        );
    }

    #[test]
    fn this_crates_own_tests_find_typed_dict_by_name() {
        // The macros crate's manifest names typed-dict as a dev-dependency.
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
        assert_eq!(spelled(cached_lookup(&manifest)), Ok("::typed_dict".into()));
        // Asked again, the cached answer is the same.
        assert_eq!(spelled(cached_lookup(&manifest)), Ok("::typed_dict".into()));
    }
}
