//! Which value types are wrong: judged on the classification `ty` made.

use syn::Type;

use crate::ty::{spelled, spelled_of, Kind, Scalar, Ty};

/// Every problem inside the value type `value`, each once, at the type it is about: the
/// type and the message. `Option` is a problem here: a value is never `null`.
pub fn problems(value: &Ty) -> Vec<(&Type, String)> {
    let mut problems = Vec::new();
    collect(value, &mut problems);
    problems
}

/// Whether `ty` is spelled `Vec<..>` (any path to it).
fn is_vec(ty: &Type) -> bool {
    matches!(ty, Type::Path(path) if path.path.segments.last().is_some_and(|last| last.ident == "Vec"))
}

fn collect<'a>(value: &'a Ty, problems: &mut Vec<(&'a Type, String)>) {
    let spelled = spelled(&value.ty);
    match &value.kind {
        Kind::Scalar(_) | Kind::JsonValue | Kind::Named => {}
        Kind::Unsupported(advice) => problems.push((
            &value.ty,
            format!("`{spelled}` is not a typed dict value ({advice})"),
        )),
        Kind::Option(_) => problems.push((
            &value.ty,
            format!("`{spelled}` cannot be a value: `Option` marks a NotRequired key, and list items, dict values and boxed values are never null"),
        )),
        // Rust's byte buffer, `Vec<u8>`, would be a JSON array of numbers; upstream's
        // `bytes` is base64 text, which `Blob` is. A `List<u8>` or `Sequence<u8>` says
        // "a list of small integers" on purpose, and is one.
        Kind::Seq(item) if is_vec(&value.ty) && crate::ty::spelled(&item.ty) == "u8" => problems.push((
            &value.ty,
            format!("`{spelled}` is not a typed dict value (bytes are `Blob`, base64 on the wire)"),
        )),
        Kind::Nullable(inner) if matches!(inner.kind, Kind::Option(_)) => problems.push((
            &value.ty,
            format!("`{spelled}` cannot be a value: `Option` marks a NotRequired key; a key that may be absent or null is `Option<Nullable<T>>`"),
        )),
        Kind::Box(inner) | Kind::Seq(inner) | Kind::Nullable(inner) => collect(inner, problems),
        Kind::Dict(key, item) => {
            match &key.kind {
                // Python's `dict[int, X]`: keys that are decimal integers on the wire.
                Kind::Scalar(Scalar::Str | Scalar::Int) | Kind::Named => {}
                Kind::Unsupported(_) | Kind::Option(_) => collect(key, problems),
                other => problems.push((
                    &key.ty,
                    format!(
                        "`{}` cannot be a dict key: keys are `String`, an integer type or a literal type{}",
                        spelled_of(&key.ty),
                        key_advice(other)
                    ),
                )),
            }
            collect(item, problems);
        }
    }
}

/// Why a scalar that is not a key type cannot be one, and what to write instead.
fn key_advice(kind: &Kind) -> &'static str {
    match kind {
        Kind::Scalar(Scalar::Float) => {
            " (a float's key text need not read back as itself, `1.0` and `1`: keep the key a `String`)"
        }
        Kind::Scalar(Scalar::Bool) => {
            " (for the keys `\"true\"` and `\"false\"`, a literal type with those two values)"
        }
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(ty: &str) -> Ty {
        Ty::classify(&syn::parse_str::<Type>(ty).unwrap())
    }

    #[test]
    fn nested_problems_are_reported_once_each() {
        let messages = |ty: &str| -> Vec<String> {
            problems(&classify(ty))
                .into_iter()
                .map(|(_, message)| message)
                .collect()
        };
        let wide = "integers have at most 64 bits: `i64` or `u64`, or a `String` of digits";
        assert_eq!(
            messages("List<u128>"),
            [format!("`u128` is not a typed dict value ({wide})")]
        );
        assert_eq!(
            messages("Dict<String, i128>"),
            [format!("`i128` is not a typed dict value ({wide})")]
        );
        for accepted in [
            "u8",
            "List<Box<u32>>",
            "List<i8>",
            "Sequence<u64>",
            "Dict<String, usize>",
            "Box<i16>",
            "f32",
            "List<f32>",
        ] {
            assert!(messages(accepted).is_empty(), "{accepted}");
        }
        for integer_keys in [
            "Dict<u32, String>",
            "Dict<i64, List<i8>>",
            "HashMap<u8, String>",
            "std::collections::BTreeMap<isize, Dict<i16, bool>>",
            "HashMap<String, String, RandomState>",
        ] {
            assert!(messages(integer_keys).is_empty(), "{integer_keys}");
        }
        assert_eq!(
            messages("HashMap<f64, String>"),
            ["`f64` cannot be a dict key: keys are `String`, an integer type or a literal type (a float's key text need not read back as itself, `1.0` and `1`: keep the key a `String`)"]
        );
        assert_eq!(
            messages("BTreeMap<bool, String>"),
            ["`bool` cannot be a dict key: keys are `String`, an integer type or a literal type (for the keys `\"true\"` and `\"false\"`, a literal type with those two values)"]
        );
        assert_eq!(
            messages("Dict<Timestamp, String>"),
            ["`Timestamp` cannot be a dict key: keys are `String`, an integer type or a literal type"]
        );
        assert_eq!(
            messages("HashMap<String, u128>"),
            [format!("`u128` is not a typed dict value ({wide})")]
        );
        assert_eq!(
            messages("IndexMap<String, String>"),
            ["`IndexMap<String, String>` is not a typed dict value (maps are `Dict<K, V>` (insertion order), `HashMap<K, V>` or `BTreeMap<K, V>`)"]
        );
        assert_eq!(
            messages("Sequence<&'static str>"),
            ["`&'static str` is not a typed dict value (strings are `String`)"]
        );
        assert!(messages("Box<Self>").is_empty());
        assert!(messages("Box<X>")
            .iter()
            .all(|message| !message.contains("strings")));
        assert_eq!(messages("Dict<f32, String>").len(), 1);
        assert_eq!(
            messages("Vec<u8>"),
            ["`Vec<u8>` is not a typed dict value (bytes are `Blob`, base64 on the wire)"]
        );
        assert_eq!(
            messages("Dict<String, std::vec::Vec<u8>>"),
            ["`std::vec::Vec<u8>` is not a typed dict value (bytes are `Blob`, base64 on the wire)"]
        );
        assert!(messages("List<u8>").is_empty(), "a list of small integers");
        assert!(messages("Sequence<u8>").is_empty());
    }
}
