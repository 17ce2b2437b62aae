//! The rules of field constraints: each applies to the value types it can measure (a
//! length to strings, lists, dicts and blobs; a pattern to strings; a bound to numbers),
//! the least bound is at most the greatest, and a pattern is a regular expression, judged
//! here, at build time, by the parser the runtime's `regex` uses, so that a bad one is
//! this build's error and never a failure at run time.

use proc_macro2::Span;

use crate::attr::Number;
use crate::constraint::Constraints;
use crate::ctxt::Ctxt;
use crate::custom::Base;
use crate::model::{Extra, Field, TypedDict};
use crate::symbol::{Symbol, EXTRA, GE, LE, MAX_LENGTH, MIN_LENGTH, PATTERN};
use crate::ty::{self, Kind, Scalar, Ty};

/// Records every rule the constraints of `typed_dict`'s fields break.
pub fn check(cx: &mut Ctxt, typed_dict: &TypedDict) {
    // A base's constraints are refused with its other key settings (`typed_dict::check_bases`).
    for field in typed_dict.keys() {
        if !field.constraints.is_empty() {
            check_field(cx, field);
        }
    }
    for extra in typed_dict.extra.iter().chain(&typed_dict.surplus_extras) {
        check_extra(cx, extra);
    }
}

/// What a value type can be measured by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// A string: length in characters, pattern.
    Text,
    /// A list or a dict: length in items or entries.
    Count,
    /// A blob: length in decoded bytes.
    Bytes,
    /// An integer: integer bounds.
    Int,
    /// A float: bounds of either kind.
    Float,
    /// Nothing (`bool`, a timestamp, any JSON).
    Nothing,
    /// A type the macro cannot see into (a nested typed dict, a literal, an alias): the
    /// runtime checks what applies to its JSON type.
    Unknown,
}

fn measure(field: &Field) -> Measure {
    if let Some(how) = &field.how {
        return match how.base {
            Base::Str => Measure::Text,
            Base::Int => Measure::Int,
            Base::Float => Measure::Float,
            Base::Bool | Base::Any => Measure::Nothing,
        };
    }
    measure_of(&field.value)
}

fn measure_of(value: &Ty) -> Measure {
    match &value.kind {
        Kind::Scalar(Scalar::Str) => Measure::Text,
        Kind::Scalar(Scalar::Int) => Measure::Int,
        Kind::Scalar(Scalar::Float) => Measure::Float,
        Kind::Scalar(Scalar::Blob) => Measure::Bytes,
        Kind::Scalar(Scalar::Bool | Scalar::Timestamp) | Kind::JsonValue => Measure::Nothing,
        Kind::Seq(_) | Kind::Dict(..) => Measure::Count,
        // A nullable value is measured as its value (`null` breaks no constraint).
        Kind::Box(inner) | Kind::Nullable(inner) => measure_of(inner),
        // `Option<Option<T>>` and unsupported types have errors of their own.
        Kind::Option(_) | Kind::Named | Kind::Unsupported(_) => Measure::Unknown,
    }
}

fn check_field(cx: &mut Ctxt, field: &Field) {
    let constraints = &field.constraints;
    let measure = measure(field);
    let refuse = |cx: &mut Ctxt, name: Symbol, span: Span, applies: &str| {
        cx.push(syn::Error::new(
            span,
            format!(
                "`{name}` applies to {applies}, not to field `{}` (key `{}`) of type `{}`",
                field.ident,
                field.key,
                ty::spelled(&field.value.ty)
            ),
        ));
    };
    const LENGTHS: &str = "strings, lists, dicts and blobs";
    const NUMBERS: &str = "integers and floats";
    let lengths = [
        (MIN_LENGTH, constraints.min_length.map(|(span, _)| span)),
        (MAX_LENGTH, constraints.max_length.map(|(span, _)| span)),
    ];
    for (name, span) in lengths {
        if let (Some(span), Measure::Int | Measure::Float | Measure::Nothing) = (span, measure) {
            refuse(cx, name, span, LENGTHS);
        }
    }
    if let Some(pattern) = &constraints.pattern {
        if !matches!(measure, Measure::Text | Measure::Unknown) {
            refuse(cx, PATTERN, pattern.span(), "strings");
        } else {
            check_pattern(cx, pattern);
        }
    }
    for (name, bound) in [(GE, constraints.ge), (LE, constraints.le)] {
        let Some((span, number)) = bound else {
            continue;
        };
        match (measure, number) {
            (Measure::Int, Number::Float(_)) => cx.push(syn::Error::new(
                span,
                format!(
                    "`{name}` of integer field `{}` (key `{}`) must be an integer, like `{name} = 1`",
                    field.ident, field.key
                ),
            )),
            (Measure::Int | Measure::Float | Measure::Unknown, _) => {}
            _ => refuse(cx, name, span, NUMBERS),
        }
    }
    if let (Some((_, min)), Some((span, max))) = (constraints.min_length, constraints.max_length) {
        if min > max {
            cx.push(syn::Error::new(
                span,
                format!(
                    "`{MIN_LENGTH} = {min}` is more than `{MAX_LENGTH} = {max}` on field `{}` (key `{}`): no value could have both",
                    field.ident, field.key
                ),
            ));
        }
    }
    if let (Some((_, ge)), Some((span, le))) = (constraints.ge, constraints.le) {
        if ge.as_f64() > le.as_f64()
            || matches!((ge, le), (Number::Int(a), Number::Int(b)) if a > b)
        {
            cx.push(syn::Error::new(
                span,
                format!(
                    "`{GE} = {ge}` is more than `{LE} = {le}` on field `{}` (key `{}`): no value could have both",
                    field.ident, field.key
                ),
            ));
        }
    }
}

/// A pattern compiles as the runtime compiles it: with `regex_lite`, alone and wrapped to
/// match whole strings (see `typed_dict::Pattern`).
fn check_pattern(cx: &mut Ctxt, pattern: &syn::LitStr) {
    let source = pattern.value();
    let compiled = regex_lite::Regex::new(&source)
        .and_then(|_| regex_lite::Regex::new(&format!("^(?:{source})$")));
    if let Err(error) = compiled {
        let advice = if source.contains("\\p{") || source.contains("\\P{") {
            " (patterns are regex-lite's syntax: `\\w`, `\\d` and `\\s` are ASCII, and there are no Unicode classes)"
        } else {
            ""
        };
        cx.push(syn::Error::new(
            pattern.span(),
            format!("`{PATTERN}` is not a valid regular expression: {error}{advice}"),
        ));
    }
}

/// The extra-items field holds the undeclared keys, not a value: no constraint applies.
fn check_extra(cx: &mut Ctxt, extra: &Extra) {
    let constraints = Constraints::from_settings(&extra.settings);
    let spans = [
        (MIN_LENGTH, constraints.min_length.map(|(span, _)| span)),
        (MAX_LENGTH, constraints.max_length.map(|(span, _)| span)),
        (PATTERN, constraints.pattern.map(|pattern| pattern.span())),
        (GE, constraints.ge.map(|(span, _)| span)),
        (LE, constraints.le.map(|(span, _)| span)),
    ];
    for (name, span) in spans {
        if let Some(span) = span {
            cx.push(syn::Error::new(
                span,
                format!(
                    "`{name}` does not go on the `{EXTRA}` field `{}`: it holds the undeclared keys, not one key's value",
                    extra.ident
                ),
            ));
        }
    }
}
