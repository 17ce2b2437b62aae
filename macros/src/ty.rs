//! What a field's type means, decided once: the model classifies every field type here,
//! and check and expand read the classification instead of matching spellings again.
//! Which classified types are wrong where is for `check` to judge (`check::value`).
//!
//! Classification looks through the invisible groups a `macro_rules!` `$t:ty` fragment
//! leaves around a type, and through parentheses, so `Option<i64>` from a fragment is an
//! `Option` like a written one.

use proc_macro2::{Group, TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{GenericArgument, Ident, PathArguments, Type};

/// A classified type, with the type itself (as written, `Self` already replaced).
#[derive(Clone)]
pub struct Ty {
    /// The type, for emitting.
    pub ty: Type,
    /// What it is.
    pub kind: Kind,
}

/// The kinds of types a typed dict understands.
#[derive(Clone)]
pub enum Kind {
    /// `String`, an integer of up to 64 bits, `f64` or `f32`, `bool`, `Timestamp`, `Blob`.
    Scalar(Scalar),
    /// `JsonValue` (`serde_json::Value`): any JSON.
    JsonValue,
    /// `Option<T>`.
    Option(Box<Ty>),
    /// `Nullable<T>`: a value that may be `null` (`X | None`).
    Nullable(Box<Ty>),
    /// `Box<T>`: invisible in the schema, there for recursive shapes.
    Box(Box<Ty>),
    /// `Sequence<T>`, `List<T>` or `Vec<T>`.
    Seq(Box<Ty>),
    /// `Dict<K, V>`, `Mapping<K, V>` (the input dict), or std's `HashMap<K, V>` (with any
    /// hasher) or `BTreeMap<K, V>`: [`Ty::is_std_map`] tells them apart.
    Dict(Box<Ty>, Box<Ty>),
    /// Any other path: a nested typed dict, a literal, or something the `TypedValue` trait
    /// bound will judge.
    Named,
    /// A type that can never be a value, with the advice for it.
    Unsupported(String),
}

/// The scalar value types.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    Str,
    /// Any integer type of up to 64 bits.
    Int,
    /// `f64` or `f32`.
    Float,
    Bool,
    Timestamp,
    Blob,
}

impl Ty {
    /// Classifies `ty`, and every type inside it.
    pub fn classify(ty: &Type) -> Ty {
        let kind = kind_of(strip(ty));
        Ty {
            ty: ty.clone(),
            kind,
        }
    }

    /// `T` if this is `Option<T>`.
    pub fn option_inner(&self) -> Option<&Ty> {
        match &self.kind {
            Kind::Option(inner) => Some(inner),
            _ => None,
        }
    }

    /// Whether this is a dict spelled `Mapping` (the input dict, `Mapping[K, V]`).
    pub fn is_mapping(&self) -> bool {
        matches!(self.kind, Kind::Dict(..)) && last_segment_is(&self.ty, "Mapping")
    }

    /// Whether this is a dict spelled `HashMap` or `BTreeMap` rather than `Dict`.
    pub fn is_std_map(&self) -> bool {
        matches!(self.kind, Kind::Dict(..)) && spelled_as_std_map(&self.ty)
    }

    /// Whether a value of this type could hold a float, and so must be serialized through
    /// the runtime's float check. Types the macro cannot see into are checked.
    pub fn may_hold_float(&self) -> bool {
        match &self.kind {
            Kind::Scalar(scalar) => *scalar == Scalar::Float,
            Kind::Seq(item) | Kind::Box(item) | Kind::Option(item) | Kind::Nullable(item) => {
                item.may_hold_float()
            }
            Kind::Dict(_, value) => value.may_hold_float(),
            Kind::JsonValue | Kind::Named | Kind::Unsupported(_) => true,
        }
    }

    /// The output counterpart, spelled out for the wrappers the framework knows (so docs
    /// read `List<String>`) and left to the `HasOutput` trait for the rest.
    pub fn output(&self, krate: &syn::Path) -> TokenStream {
        let ty = &self.ty;
        match &self.kind {
            Kind::Scalar(_) | Kind::JsonValue => quote!(#ty),
            Kind::Seq(item) => {
                let item = item.output(krate);
                quote!(#krate::List<#item>)
            }
            // A std map keeps its own type (and hasher): the trait spells its output.
            Kind::Dict(..) if self.is_std_map() => {
                quote!(<#ty as #krate::__private::HasOutput>::Output)
            }
            // A `Mapping` (the input dict) becomes a `Dict`, as a `Sequence` a `List`.
            Kind::Dict(key, value) => {
                let (key, value) = (&key.ty, value.output(krate));
                quote!(#krate::Dict<#key, #value>)
            }
            Kind::Box(inner) => {
                let inner = inner.output(krate);
                quote!(::std::boxed::Box<#inner>)
            }
            Kind::Option(inner) => {
                let inner = inner.output(krate);
                quote!(::core::option::Option<#inner>)
            }
            Kind::Nullable(inner) => {
                let inner = inner.output(krate);
                quote!(#krate::Nullable<#inner>)
            }
            Kind::Named | Kind::Unsupported(_) => {
                quote!(<#ty as #krate::__private::HasOutput>::Output)
            }
        }
    }
}

/// The type without the invisible groups and parentheses around it.
pub fn strip(ty: &Type) -> &Type {
    match ty {
        Type::Group(group) => strip(&group.elem),
        Type::Paren(paren) => strip(&paren.elem),
        _ => ty,
    }
}

fn kind_of(ty: &Type) -> Kind {
    let path = match ty {
        Type::Path(path) if path.qself.is_none() => path,
        // `<T as HasOutput>::Output`, as output variants spell nested types: left to the trait.
        Type::Path(_) => return Kind::Named,
        Type::Reference(reference) => {
            return Kind::Unsupported(match strip(&reference.elem) {
                Type::Path(path) if path.path.is_ident("str") => "strings are `String`".to_owned(),
                _ => "values are owned: drop the `&`".to_owned(),
            })
        }
        Type::Slice(_) | Type::Array(_) => {
            return Kind::Unsupported("lists are `Sequence<T>` or `List<T>`".to_owned())
        }
        Type::Tuple(_) => {
            return Kind::Unsupported("a JSON object is a `#[typed_dict]` struct".to_owned())
        }
        _ => return Kind::Unsupported("not a JSON value type".to_owned()),
    };
    let Some(last) = path.path.segments.last() else {
        return Kind::Named;
    };
    let name = last.ident.to_string();
    let args: Vec<&Type> = match &last.arguments {
        PathArguments::None => Vec::new(),
        PathArguments::AngleBracketed(args) => {
            let types: Vec<&Type> = args
                .args
                .iter()
                .filter_map(|arg| match arg {
                    GenericArgument::Type(ty) => Some(ty),
                    _ => None,
                })
                .collect();
            if types.len() != args.args.len() {
                return Kind::Named;
            }
            types
        }
        PathArguments::Parenthesized(_) => return Kind::Named,
    };
    let boxed = |ty: &Type| Box::new(Ty::classify(ty));
    match (name.as_str(), args.as_slice()) {
        ("String", []) => Kind::Scalar(Scalar::Str),
        // Python's `int`, each Rust type within its own range (checked at run time).
        ("i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize", []) => {
            Kind::Scalar(Scalar::Int)
        }
        ("f64" | "f32", []) => Kind::Scalar(Scalar::Float),
        ("bool", []) => Kind::Scalar(Scalar::Bool),
        ("Timestamp", []) => Kind::Scalar(Scalar::Timestamp),
        ("Blob", []) => Kind::Scalar(Scalar::Blob),
        ("JsonValue", []) => Kind::JsonValue,
        ("Value", []) if is_serde_json(path) => Kind::JsonValue,
        ("Option", [inner]) => Kind::Option(boxed(inner)),
        ("Nullable", [inner]) => Kind::Nullable(boxed(inner)),
        ("Box", [inner]) => Kind::Box(boxed(inner)),
        ("Sequence" | "List" | "Vec", [item]) => Kind::Seq(boxed(item)),
        ("Dict" | "Mapping", [key, value]) => Kind::Dict(boxed(key), boxed(value)),
        // std's maps: a dict each, in its own order (the hasher is the `TypedValue` impl's
        // business: any `BuildHasher + Default`).
        ("HashMap", [key, value, ..]) | ("BTreeMap", [key, value]) => {
            Kind::Dict(boxed(key), boxed(value))
        }
        // Beyond 64 bits a number does not survive `serde_json` (its `Value`, `to_value`).
        ("i128" | "u128", []) => Kind::Unsupported(
            "integers have at most 64 bits: `i64` or `u64`, or a `String` of digits".to_owned(),
        ),
        ("char" | "str", []) | ("Cow", _) => Kind::Unsupported("strings are `String`".to_owned()),
        ("Rc" | "Arc", [_]) => Kind::Unsupported(
            "for a recursive shape use `Box<T>`; otherwise the type itself".to_owned(),
        ),
        ("HashMap" | "BTreeMap" | "IndexMap", _) => Kind::Unsupported(
            "maps are `Dict<K, V>` (insertion order), `HashMap<K, V>` or `BTreeMap<K, V>`"
                .to_owned(),
        ),
        ("HashSet" | "BTreeSet" | "VecDeque" | "LinkedList", _) => {
            Kind::Unsupported("lists are `Sequence<T>` or `List<T>`".to_owned())
        }
        _ => Kind::Named,
    }
}

/// Whether the last path segment of `ty` is `name` (any path to it).
fn last_segment_is(ty: &Type, name: &str) -> bool {
    matches!(strip(ty), Type::Path(path) if path.path.segments.last()
        .is_some_and(|last| last.ident == name))
}

/// Whether `ty` is spelled `HashMap<..>` or `BTreeMap<..>` (any path to either).
pub fn spelled_as_std_map(ty: &Type) -> bool {
    matches!(strip(ty), Type::Path(path) if path.path.segments.last()
        .is_some_and(|last| last.ident == "HashMap" || last.ident == "BTreeMap"))
}

fn is_serde_json(path: &syn::TypePath) -> bool {
    let segments = &path.path.segments;
    segments.len() >= 2 && segments[segments.len() - 2].ident == "serde_json"
}

/// `ty` with every `Self` replaced by `ident` (keeping its span), so a field type means
/// the declared struct in every generated item, not the item it is pasted into.
pub fn replace_self(ty: &Type, ident: &Ident) -> Type {
    replace_self_with(ty, ident, &syn::Generics::default())
}

/// [`replace_self`] in a generic typed dict: `Self` becomes `Ident<T, ..>`, the item with
/// its own parameters.
pub fn replace_self_with(ty: &Type, ident: &Ident, generics: &syn::Generics) -> Type {
    let (_, ty_generics, _) = generics.split_for_impl();
    let tokens = replace_self_tokens(ty.to_token_stream(), ident, &ty_generics.to_token_stream());
    syn::parse2(tokens).unwrap_or_else(|_| ty.clone())
}

fn replace_self_tokens(tokens: TokenStream, ident: &Ident, args: &TokenStream) -> TokenStream {
    let mut replaced = TokenStream::new();
    for token in tokens {
        match token {
            TokenTree::Ident(found) if found == "Self" => {
                let mut name = ident.clone();
                name.set_span(found.span());
                replaced.extend([TokenTree::Ident(name)]);
                replaced.extend(args.clone().into_iter().map(|mut token| {
                    token.set_span(found.span());
                    token
                }));
            }
            TokenTree::Group(group) => {
                let mut inner = Group::new(
                    group.delimiter(),
                    replace_self_tokens(group.stream(), ident, args),
                );
                inner.set_span(group.span());
                replaced.extend([TokenTree::Group(inner)]);
            }
            other => replaced.extend([other]),
        }
    }
    replaced
}

/// A type as written, without the spaces token printing puts between tokens.
pub fn spelled(ty: &Type) -> String {
    spelled_of(strip(ty))
}

/// Like [`spelled`], for a type already stripped of invisible groups.
pub fn spelled_of(ty: &Type) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut spelled = String::new();
    let mut pending_space = false;
    for c in strip(ty).to_token_stream().to_string().chars() {
        if c == ' ' {
            pending_space = true;
            continue;
        }
        // Keep a space after a comma and between two words (`'static str`), nowhere else.
        let last = spelled.chars().last();
        if pending_space && (last == Some(',') || (last.is_some_and(is_word) && is_word(c))) {
            spelled.push(' ');
        }
        pending_space = false;
        spelled.push(c);
    }
    spelled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(ty: &str) -> Ty {
        Ty::classify(&syn::parse_str::<Type>(ty).unwrap())
    }

    #[test]
    fn float_checks_go_only_where_a_float_may_be() {
        for safe in [
            "String",
            "i64",
            "u8",
            "List<u32>",
            "bool",
            "Timestamp",
            "List<String>",
            "Sequence<Blob>",
            "Dict<FindingSeverityType, i64>",
            "Vec<Dict<String, String>>",
            "Box<String>",
        ] {
            assert!(!classify(safe).may_hold_float(), "{safe}");
        }
        for checked in [
            "f64",
            "f32",
            "List<f64>",
            "Dict<String, f32>",
            "Dict<String, f64>",
            "CvssScoreTypeDef",
            "Sequence<CvssScoreTypeDef>",
            "Score",
            "<T as HasOutput>::Output",
            "Box<f64>",
        ] {
            assert!(classify(checked).may_hold_float(), "{checked}");
        }
    }

    #[test]
    fn invisible_groups_classify_like_written_types() {
        // What a `$t:ty` fragment hands over: the type in an invisible group.
        let inner: TokenStream = syn::parse_str("Option<i64>").unwrap();
        let group = Group::new(proc_macro2::Delimiter::None, inner);
        let grouped: Type = syn::parse2(TokenTree::Group(group).into()).unwrap();
        assert!(matches!(grouped, Type::Group(_)));
        assert!(Ty::classify(&grouped).option_inner().is_some());
        assert_eq!(spelled(&grouped), "Option<i64>");
    }

    #[test]
    fn self_means_the_declared_struct() {
        let ident: Ident = syn::parse_str("Tree").unwrap();
        let ty = replace_self(&syn::parse_str("Option<Box<Self>>").unwrap(), &ident);
        assert_eq!(spelled(&ty), "Option<Box<Tree>>");
    }
}
