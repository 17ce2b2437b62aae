//! Wire mode: the layout's decisions on Required keys the service leaves out, and a check
//! that every decision still matches a key (none goes stale).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use crate::error::{invalid, Result};
use crate::facts::Field;
use crate::layout::WireLayout;
use crate::names::{operation, OperationPart};

/// The wire-optional decisions, and which were used.
pub struct WireOptional<'a> {
    layout: &'a WireLayout,
    entries: BTreeMap<(String, String, String), &'a str>,
    used: RefCell<BTreeSet<(String, String, String)>>,
}

impl<'a> WireOptional<'a> {
    /// The decisions of a layout, for the releases it names.
    pub fn new(layout: &'a WireLayout, releases: &[String]) -> WireOptional<'a> {
        let mut entries = BTreeMap::new();
        for entry in &layout.key {
            for release in entry.releases.as_deref().unwrap_or(releases) {
                for type_def in entry.type_def.items() {
                    let key = (release.clone(), type_def.clone(), entry.key.clone());
                    entries.insert(key, entry.reason.as_str());
                }
            }
        }
        WireOptional {
            layout,
            entries,
            used: RefCell::new(BTreeSet::new()),
        }
    }

    /// Why a key is wire-optional, if it is.
    pub fn reason(&self, release: &str, type_name: &str, field: &Field) -> Result<Option<String>> {
        let entry = (release.to_owned(), type_name.to_owned(), field.key.clone());
        if let Some(reason) = self.entries.get(&entry) {
            if !field.required {
                return Err(invalid(format!(
                    "{release}: {type_name}.{}: wire_optional on a NotRequired key",
                    field.key
                )));
            }
            self.used.borrow_mut().insert(entry);
            return Ok(Some((*reason).to_owned()));
        }
        let response = matches!(operation(type_name), Some((_, OperationPart::Response)));
        if !field.required || !response {
            return Ok(None);
        }
        Ok(match field.key.as_str() {
            "ResponseMetadata" => self
                .layout
                .response_metadata
                .as_ref()
                .map(|r| r.reason.clone()),
            "nextToken" => self.layout.next_token.as_ref().map(|next| {
                let sample = next
                    .samples
                    .get(type_name)
                    .map(|sample| format!("; e.g. {sample}"))
                    .unwrap_or_default();
                next.reason.replace("{sample}", &sample)
            }),
            _ => None,
        })
    }

    /// An error naming every decision that matched no Required key.
    pub fn check_all_used(&self) -> Result<()> {
        let used = self.used.borrow();
        let stale: Vec<_> = self.entries.keys().filter(|e| !used.contains(*e)).collect();
        if stale.is_empty() {
            Ok(())
        } else {
            Err(invalid(format!(
                "wire_optional decisions that match no Required key: {stale:?}"
            )))
        }
    }
}
