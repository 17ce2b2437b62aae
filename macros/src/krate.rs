//! Where the runtime crate is, for the generated code's paths: `crate = "..."` when
//! written; otherwise the name the user's manifest gives the `typed-dict` package, found
//! as `proc-macro-crate` finds it, so a renamed dependency (`td = { package =
//! "typed-dict" }`) needs no attribute. Only a facade that re-exports typed-dict needs
//! `crate = "..."`.

use proc_macro2::Span;
use proc_macro_crate::{crate_name, Error, FoundCrate};
use quote::format_ident;

use crate::ctxt::Ctxt;
use crate::symbol::{CRATE, TYPED_DICT};

/// The package the generated code calls.
const PACKAGE: &str = "typed-dict";

/// The runtime's path: `written` (from `crate = "..."`) when given, else the manifest's
/// name for typed-dict. When the manifest does not name it, the error says what to write,
/// and `::typed_dict` stands in so the fallback can still emit the item.
pub fn resolve(cx: &mut Ctxt, written: Option<&syn::Path>) -> syn::Path {
    if let Some(path) = written {
        return path.clone();
    }
    match path_from(crate_name(PACKAGE)) {
        Ok(path) => path,
        Err(message) => {
            cx.push(syn::Error::new(Span::call_site(), message));
            default_path()
        }
    }
}

/// The runtime's path from what the manifest says, or the error's message.
fn path_from(found: Result<FoundCrate, Error>) -> Result<syn::Path, String> {
    match found {
        Ok(FoundCrate::Name(name)) => {
            let name = format_ident!("{}", name);
            Ok(syn::parse_quote!(::#name))
        }
        // typed-dict's own doctests, examples and tests: crates of their own that reach
        // it by its name (and its library names itself so too: `extern crate self`).
        Ok(FoundCrate::Itself) => Ok(default_path()),
        // Built without Cargo (no manifest to read): the package's own name is the best
        // guess, and a wrong one fails where the path is used.
        Err(Error::CargoManifestDirNotSet) => Ok(default_path()),
        Err(Error::CrateNotFound { path, .. }) => Err(format!(
            "`{PACKAGE}` is not a dependency in `{}`: add it, or, if typed-dict comes through another crate that re-exports it, say where with `#[{TYPED_DICT}({CRATE} = \"path::to::typed_dict\")]`",
            path.display()
        )),
        Err(error) => Err(format!(
            "cannot find `{PACKAGE}` among the dependencies ({error}); say where the runtime is with `#[{TYPED_DICT}({CRATE} = \"path::to::typed_dict\")]`"
        )),
    }
}

/// `::typed_dict`, the package's own name.
fn default_path() -> syn::Path {
    syn::parse_quote!(::typed_dict)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use quote::ToTokens;

    use super::*;

    fn spelled(found: Result<FoundCrate, Error>) -> Result<String, String> {
        path_from(found).map(|path| path.to_token_stream().to_string().replace(' ', ""))
    }

    #[test]
    fn a_renamed_dependency_is_reached_by_its_name() {
        assert_eq!(
            spelled(Ok(FoundCrate::Name("td".into()))),
            Ok("::td".into())
        );
        assert_eq!(spelled(Ok(FoundCrate::Itself)), Ok("::typed_dict".into()));
        assert_eq!(
            spelled(Err(Error::CargoManifestDirNotSet)),
            Ok("::typed_dict".into())
        );
    }

    #[test]
    fn a_missing_dependency_says_what_to_write() {
        let message = spelled(Err(Error::CrateNotFound {
            crate_name: PACKAGE.into(),
            path: PathBuf::from("/work/app/Cargo.toml"),
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
        assert_eq!(spelled(crate_name(PACKAGE)), Ok("::typed_dict".into()));
    }
}
