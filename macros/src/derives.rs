//! The user's own `#[derive(...)]` written below `#[typed_dict]`: the macro implements
//! only the traits the user does not derive, so nothing is implemented twice. serde's
//! derives are taken out and recorded; `check` reports them, since the macro implements
//! serde itself.

use syn::punctuated::Punctuated;
use syn::{Attribute, Path, Token};

use crate::symbol::DERIVE;

/// The traits the user derives, by name (`Debug`, `core::fmt::Debug` → `Debug`).
#[derive(Default)]
pub struct Derives {
    names: Vec<String>,
    /// serde's derives, one entry per `#[derive(...)]` naming them: the first path (where
    /// the error points) and the names (`Serialize`, `Deserialize`).
    pub serde: Vec<(Path, Vec<String>)>,
}

impl Derives {
    /// Reads the derives among `attrs` and returns the attributes to re-emit: those derives
    /// without serde's (recorded), every other attribute as it is.
    pub fn take(attrs: &[Attribute]) -> (Vec<Attribute>, Derives) {
        Derives::take_without(attrs, &[])
    }

    /// Like [`Derives::take`], also leaving out the derives named in `dropped` (which the
    /// fallback drops when they cannot hold, so their errors do not follow the real one).
    pub fn take_without(attrs: &[Attribute], dropped: &[&str]) -> (Vec<Attribute>, Derives) {
        let mut derives = Derives::default();
        let mut kept = Vec::with_capacity(attrs.len());
        for attr in attrs {
            if attr.path() != DERIVE {
                kept.push(attr.clone());
                continue;
            }
            let Ok(paths) = attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)
            else {
                kept.push(attr.clone());
                continue;
            };
            let mut retained = Punctuated::<Path, Token![,]>::new();
            let mut serde: Vec<(Path, String)> = Vec::new();
            for path in paths {
                let name = path
                    .segments
                    .last()
                    .map(|segment| segment.ident.to_string())
                    .unwrap_or_default();
                if name == "Serialize" || name == "Deserialize" {
                    serde.push((path, name));
                    continue;
                }
                if dropped.contains(&name.as_str()) {
                    continue;
                }
                derives.names.push(name);
                retained.push(path);
            }
            if let Some((first, _)) = serde.first() {
                let names = serde.iter().map(|(_, name)| name.clone()).collect();
                derives.serde.push((first.clone(), names));
            }
            if !retained.is_empty() {
                let mut attr = attr.clone();
                attr.meta = syn::parse_quote!(derive(#retained));
                kept.push(attr);
            }
        }
        (kept, derives)
    }

    /// Whether the user derives the trait named `name`.
    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|derived| derived == name)
    }
}
