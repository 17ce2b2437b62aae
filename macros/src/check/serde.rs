//! `#[serde(...)]` and serde's derives mean nothing under `#[typed_dict]`, which
//! implements serde itself: each is pointed at what to write instead.

use syn::{Attribute, Data, DeriveInput};

use crate::attr;
use crate::ctxt::Ctxt;
use crate::derives::Derives;
use crate::symbol::*;

/// Every `#[serde(...)]` on the item, its fields and its variants.
pub fn attributes(cx: &mut Ctxt, input: &DeriveInput) {
    hints(cx, &input.attrs, KEY);
    match &input.data {
        Data::Struct(data) => {
            for field in &data.fields {
                hints(cx, &field.attrs, KEY);
            }
        }
        Data::Enum(data) => {
            for variant in &data.variants {
                hints(cx, &variant.attrs, VALUE);
            }
        }
        Data::Union(_) => {}
    }
}

/// `#[derive(Serialize, Deserialize)]` would implement serde a second time.
pub fn derives(cx: &mut Ctxt, derives: &Derives) {
    for (first, names) in &derives.serde {
        let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
        cx.error_spanned_by(
            first,
            format!(
                "remove {} from the derive: `#[{TYPED_DICT}]` implements `Serialize` and `Deserialize` itself, with the typed dict's contract",
                names.join(" and "),
            ),
        );
    }
}

/// Points each `#[serde(...)]` entry at what to write instead; `rename_to` is our
/// counterpart of serde's `rename` where the attribute is (`key` or `value`).
fn hints(cx: &mut Ctxt, attrs: &[Attribute], rename_to: Symbol) {
    for attr in attrs.iter().filter(|attr| attr::is_serde(attr)) {
        let mut hinted = false;
        let _ = attr.parse_nested_meta(|meta| {
            let path = &meta.path;
            let hint = if path == RENAME {
                format!("write `#[{TYPED_DICT}({rename_to} = \"..\")]` instead of `#[{SERDE}({RENAME} = \"..\")]`")
            } else if path == RENAME_ALL {
                format!("write `#[{TYPED_DICT}({RENAME_ALL} = \"..\")]` instead of `#[{SERDE}({RENAME_ALL} = \"..\")]`")
            } else if path == DENY_UNKNOWN_FIELDS {
                format!("write `#[{TYPED_DICT}({CLOSED})]` instead of `#[{SERDE}({DENY_UNKNOWN_FIELDS})]`")
            } else if path == FLATTEN {
                format!("write `#[{TYPED_DICT}({FLATTEN})]` on a field holding a base typed dict, or `#[{TYPED_DICT}({EXTRA})]` on a `Dict<String, JsonValue>` field to keep undeclared keys")
            } else if path == OTHER {
                format!("write `#[{TYPED_DICT}({OTHER})]` instead of `#[{SERDE}({OTHER})]`")
            } else {
                format!(
                    "`#[{SERDE}({})]` has no effect: `#[{TYPED_DICT}]` implements serde itself",
                    attr::path_name(&meta)
                )
            };
            cx.error_spanned_by(path, hint);
            hinted = true;
            attr::skip_value(&meta)
        });
        if !hinted {
            cx.error_spanned_by(
                attr,
                format!("`#[{SERDE}(...)]` has no effect here: `#[{TYPED_DICT}]` implements serde itself"),
            );
        }
    }
}
