//! Doc lines appended to each generated type: its keys or values, as rustdoc shows them.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Alias, Field, Literal, Presence, PythonOnly, TypedDict, Union};
use crate::symbol::DOC;
use crate::ty::spelled;

/// `# Keys` followed by a table of key, presence and Rust type.
pub fn typed_dict_keys(model: &TypedDict) -> TokenStream {
    let mut lines = vec![String::new(), "# Keys".to_owned(), String::new()];
    let bases: Vec<String> = model
        .bases()
        .map(|base| format!("`{}`", spelled(base.value_ty())))
        .collect();
    if !bases.is_empty() {
        lines.push(format!(
            "The keys of {} (flattened: at this object's level), then:",
            bases.join(", ")
        ));
        lines.push(String::new());
    }
    lines.push("| Key | | Rust type |".to_owned());
    lines.push("|---|---|---|".to_owned());
    for field in model.keys() {
        let presence = match field.presence {
            Presence::Required => "Required",
            Presence::NotRequired => "NotRequired",
            Presence::WireOptional => "Required (may be absent in wire mode)",
        };
        lines.push(format!(
            "| `{}` | {presence} | `{}` |",
            field.key,
            spelled(field.value_ty())
        ));
    }
    if let Some(extra) = &model.extra {
        lines.push(String::new());
        lines.push(format!(
            "Keys it does not declare are kept in `{}`.",
            extra.ident
        ));
    }
    doc_attrs(&lines)
}

/// Whether the attributes include a doc comment.
pub fn has_doc(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| attr.path() == DOC)
}

/// A doc line naming the field's key and presence, for a field the user left undocumented
/// (user docs are kept as they are).
pub fn field_doc(field: &Field) -> Option<TokenStream> {
    if has_doc(&field.attrs) {
        return None;
    }
    if !field.is_key() {
        let line = format!(
            " A base: its keys are this typed dict's, at the same level of the object (`{}`).",
            spelled(field.value_ty())
        );
        return Some(quote!(#[doc = #line]));
    }
    let presence = match field.presence {
        Presence::Required => "Required",
        Presence::NotRequired => "NotRequired",
        Presence::WireOptional => "Required; may be absent in wire mode",
    };
    let line = format!(" Key `{}` ({presence}).", field.key);
    Some(quote!(#[doc = #line]))
}

/// `# Values` followed by the wire strings.
pub fn literal_values(model: &Literal) -> TokenStream {
    let values: Vec<String> = model
        .variants
        .iter()
        .map(|v| format!("'{}'", v.value))
        .collect();
    doc_attrs(&[String::new(), format!("`Literal[{}]`", values.join(", "))])
}

/// `Union[A, B]` and how a value is decoded.
pub fn union_members(model: &Union) -> TokenStream {
    let members: Vec<String> = model
        .members
        .iter()
        .map(|member| spelled(&member.value.ty))
        .collect();
    doc_attrs(&[
        String::new(),
        format!("`Union[{}]`: decoding takes the first member that accepts the value, in this order; encoding writes the member held.", members.join(", ")),
    ])
}

/// The type a named alias stands for.
pub fn alias_target(model: &Alias) -> TokenStream {
    doc_attrs(&[
        String::new(),
        format!(
            "A name for `{}`, with its wire format.",
            spelled(&model.target.ty)
        ),
    ])
}

/// The doc lines added to a Python-only type's docs.
pub fn python_only(model: &PythonOnly) -> TokenStream {
    doc_attrs(&[
        String::new(),
        format!(
            "Python-only: `{}`, which has no JSON form (decoding refuses any value of it).",
            model.python.value()
        ),
    ])
}

fn doc_attrs(lines: &[String]) -> TokenStream {
    lines
        .iter()
        .map(|line| {
            // A leading space, as `///` comments have, so rustdoc sees the same markdown.
            let line = format!(" {line}");
            quote!(#[doc = #line])
        })
        .collect()
}
