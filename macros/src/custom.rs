//! `#[typed_dict(as = "str")]`: a field whose type (inside any `Box`, list or dict value)
//! is a foreign one, with serde impls of its own but no `TypedValue` impl (`uuid::Uuid`
//! without typed-dict's feature, a type of the user's). The field states the type's JSON
//! type, and its Python annotation with `python = "..."`; the generated code reaches the
//! value through `Value<As<Marker>>`, and the schema holds a `CustomSchema` that runs the
//! type's own `Deserialize` where validation meets its value.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::attr;
use crate::ctxt::Ctxt;
use crate::suggest;
use crate::symbol::{AS, PYTHON};
use crate::ty::{spelled, Kind, Ty};

/// A field's `as` settings, resolved.
#[derive(Clone)]
pub struct As {
    /// The JSON type.
    pub base: Base,
    /// The Python annotation (the base's own spelling unless `python = "..."` says).
    pub python: String,
    /// The foreign type, where the field's type holds it.
    pub leaf: syn::Type,
    /// The marker type the expansion declares for the field.
    pub marker: Ident,
}

/// The JSON types `as` accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Str,
    Int,
    Float,
    Bool,
    Any,
}

const BASES: [(&str, Base); 5] = [
    ("str", Base::Str),
    ("int", Base::Int),
    ("float", Base::Float),
    ("bool", Base::Bool),
    ("Any", Base::Any),
];

/// Spellings from other languages, pointed at the Python one.
const OTHER_SPELLINGS: [(&str, &str); 10] = [
    ("string", "str"),
    ("String", "str"),
    ("integer", "int"),
    ("i64", "int"),
    ("number", "float"),
    ("f64", "float"),
    ("boolean", "bool"),
    ("any", "Any"),
    ("object", "Any"),
    ("JsonValue", "Any"),
];

impl Base {
    /// The spelling, which is also the Python annotation.
    pub fn spelling(self) -> &'static str {
        BASES
            .iter()
            .find(|(_, base)| *base == self)
            .map_or("Any", |(name, _)| name)
    }

    /// The base as a `ValueType` expression.
    pub fn value_type(self) -> TokenStream {
        match self {
            Base::Str => quote!(__td::ValueType::Str),
            Base::Int => quote!(__td::ValueType::Int),
            Base::Float => quote!(__td::ValueType::Float),
            Base::Bool => quote!(__td::ValueType::Bool),
            Base::Any => quote!(__td::ValueType::Any),
        }
    }
}

/// The field's `as` settings, resolved, with the foreign type in `value` marked as the one
/// the settings are about (so check does not judge it as a value type); `None` (with the
/// errors reported) when there are none or they are wrong.
pub fn resolve(cx: &mut Ctxt, settings: &attr::Field, value: &mut Ty, field: &Ident) -> Option<As> {
    let Some(lit) = settings.as_.get() else {
        if let Some(python) = settings.python.get() {
            cx.error_spanned_by(
                python,
                format!("`{PYTHON}` goes with `{AS}`, for a field of a foreign type: write `{AS} = \"str\", {PYTHON} = \"...\"`"),
            );
        }
        return None;
    };
    let written = lit.value();
    let Some(base) = BASES
        .iter()
        .find(|(name, _)| *name == written)
        .map(|(_, base)| *base)
    else {
        let names = BASES.map(|(name, _)| name);
        let suggestion = OTHER_SPELLINGS
            .iter()
            .find(|(other, _)| *other == written)
            .map(|(_, name)| *name)
            .or_else(|| suggest::closest(&written, names));
        let hint = match suggestion {
            Some(name) => format!("; did you mean `{name}`?"),
            None => String::new(),
        };
        let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
        let quoted: Vec<&str> = quoted.iter().map(String::as_str).collect();
        cx.error_spanned_by(
            lit,
            format!(
                "unknown JSON type `{written}` for `{AS}`{hint} (it is {})",
                suggest::list(&quoted)
            ),
        );
        return None;
    };
    let leaf = leaf(cx, value)?;
    let python = settings
        .python
        .get()
        .map_or_else(|| base.spelling().to_owned(), |python| python.value());
    let name = crate::case::unraw(&field.to_string()).to_owned();
    Some(As {
        base,
        python,
        leaf,
        marker: format_ident!("__TypedDictAs_{}", name),
    })
}

/// The foreign type inside `value` (through `Box`, lists and dict values), marked as a
/// named type; an error if it is a value type already.
fn leaf(cx: &mut Ctxt, value: &mut Ty) -> Option<syn::Type> {
    match &mut value.kind {
        Kind::Box(inner) | Kind::Seq(inner) | Kind::Dict(_, inner) | Kind::Nullable(inner) => {
            leaf(cx, inner)
        }
        // Check reports an `Option` inside a value.
        Kind::Option(_) => None,
        Kind::Scalar(_) | Kind::JsonValue => {
            cx.error_spanned_by(
                &value.ty,
                format!(
                    "`{}` is a typed dict value type already: drop `{AS} = \"...\"`",
                    spelled(&value.ty)
                ),
            );
            None
        }
        kind @ (Kind::Named | Kind::Unsupported(_)) => {
            *kind = Kind::Named;
            Some(value.ty.clone())
        }
    }
}

/// The marker type of an `as` field and its `Declared` impl: the field's value type, with
/// a `CustomSchema` of the foreign type where it stands in `value`.
pub fn declare(how: &As, value: &Ty, cfgs: &[syn::Attribute]) -> TokenStream {
    let As {
        base,
        python,
        leaf,
        marker,
    } = how;
    let base = base.value_type();
    let value_type = value_type(value, marker);
    quote! {
        #(#cfgs)*
        #[allow(non_camel_case_types)]
        enum #marker {}
        #(#cfgs)*
        impl #marker {
            const LEAF: __td::CustomSchema = __td::CustomSchema::new::<#leaf>(&#base, #python);
        }
        #(#cfgs)*
        impl __td::Declared for #marker {
            const TYPE: __td::ValueType = #value_type;
        }
    }
}

fn value_type(value: &Ty, marker: &Ident) -> TokenStream {
    match &value.kind {
        Kind::Box(inner) => value_type(inner, marker),
        Kind::Seq(item) => {
            let item = value_type(item, marker);
            let sequence = matches!(crate::ty::strip(&value.ty), syn::Type::Path(path)
                if path.path.segments.last().is_some_and(|last| last.ident == "Sequence"));
            if sequence {
                quote!(__td::ValueType::Sequence(&#item))
            } else {
                quote!(__td::ValueType::List(&#item))
            }
        }
        Kind::Nullable(inner) => {
            let inner = value_type(inner, marker);
            quote!(__td::ValueType::Nullable(&#inner))
        }
        Kind::Dict(key_ty, item) => {
            let key = &key_ty.ty;
            let item = value_type(item, marker);
            if value.is_mapping() {
                quote!(__td::ValueType::Mapping(&<#key as __td::Value>::TYPE, &#item))
            } else {
                quote!(__td::ValueType::Dict(&<#key as __td::Value>::TYPE, &#item))
            }
        }
        _ => quote!(__td::ValueType::Custom(&#marker::LEAF)),
    }
}
