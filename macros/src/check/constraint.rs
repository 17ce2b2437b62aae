//! The rules of field constraints: each applies to the value types it can measure (a
//! length to strings, lists, dicts and blobs; a pattern to strings; a bound to numbers),
//! `items(...)` to lists and `keys(...)`/`values(...)` to dicts (whose contents are
//! judged by the same rules, against the item, key or value type), the least bound is at
//! most the greatest, and a pattern is a regular expression, judged here, at build time,
//! by the parser the runtime uses (`regex-lite`), so that a bad one is this build's error
//! and never a failure at run time.

use proc_macro2::Span;

use crate::attr::Number;
use crate::constraint::Constraints;
use crate::ctxt::Ctxt;
use crate::custom::Base;
use crate::model::{Extra, Field, TypedDict};
use crate::symbol::{Symbol, EXTRA, GE, ITEMS, KEYS, LE, MAX_LENGTH, MIN_LENGTH, PATTERN, VALUES};
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
    /// compiler judges the constraints when it evaluates the schema
    /// (`typed_dict::__private::constrained_field`).
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

/// What a field's value holds, as far as `items(...)`, `keys(...)` and `values(...)` go.
#[derive(Clone, Copy)]
enum Elements<'a> {
    /// A list, of these items.
    List(&'a Ty),
    /// A dict, of these keys and values.
    Dict(&'a Ty, &'a Ty),
    /// A type the macro cannot see into: the compiler judges what applies.
    Unknown,
    /// Neither a list nor a dict.
    None,
}

fn elements_of(value: &Ty) -> Elements<'_> {
    match &value.kind {
        Kind::Seq(item) => Elements::List(item),
        Kind::Dict(key, value) => Elements::Dict(key, value),
        Kind::Box(inner) | Kind::Nullable(inner) => elements_of(inner),
        // `Set<T>` is among these: a named type, to the macro.
        Kind::Option(_) | Kind::Named | Kind::Unsupported(_) => Elements::Unknown,
        Kind::Scalar(_) | Kind::JsonValue => Elements::None,
    }
}

/// What a set of constraints is written on, for its messages.
struct Subject<'a> {
    /// `field `tags` (key `tags`)`, or `the items of field `tags` (key `tags`)`.
    owner: String,
    /// Its type as written, for messages.
    ty: &'a syn::Type,
    measure: Measure,
    elements: Elements<'a>,
    /// Whether these are the constraints of items, keys or values.
    nested: bool,
}

fn check_field(cx: &mut Ctxt, field: &Field) {
    // A field of a foreign type (`as = ".."`) is a scalar of its base: no items.
    let elements = match field.how {
        Some(_) => Elements::None,
        None => elements_of(&field.value),
    };
    let subject = Subject {
        owner: format!("field `{}` (key `{}`)", field.ident, field.key),
        ty: &field.value.ty,
        measure: measure(field),
        elements,
        nested: false,
    };
    check_constraints(cx, &field.constraints, &subject);
}

fn check_constraints(cx: &mut Ctxt, constraints: &Constraints, subject: &Subject) {
    let measure = subject.measure;
    let owner = &subject.owner;
    let refuse = |cx: &mut Ctxt, name: Symbol, span: Span, applies: &str| {
        cx.push(syn::Error::new(
            span,
            format!(
                "`{name}` applies to {applies}, not to {owner} of type `{}`",
                ty::spelled(subject.ty)
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
                if subject.nested {
                    format!("`{name}` on {owner} must be an integer, like `{name} = 1`: they are integers")
                } else {
                    format!("`{name}` of integer {owner} must be an integer, like `{name} = 1`")
                },
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
                    "`{MIN_LENGTH} = {min}` is more than `{MAX_LENGTH} = {max}` on {owner}: no value could have both"
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
                    "`{GE} = {ge}` is more than `{LE} = {le}` on {owner}: no value could have both"
                ),
            ));
        }
    }
    check_elements(cx, constraints, subject);
}

/// `items(...)` on a list, `keys(...)` and `values(...)` on a dict, each judged as the
/// constraints of what it bounds.
fn check_elements<'a>(cx: &mut Ctxt, constraints: &Constraints, subject: &Subject<'a>) {
    let owner = &subject.owner;
    let nested = |what: &str, ty: Option<&'a Ty>| {
        let (ty, measure, elements) = match ty {
            Some(ty) => (&ty.ty, measure_of(ty), elements_of(ty)),
            None => (subject.ty, Measure::Unknown, Elements::Unknown),
        };
        Subject {
            owner: format!("the {what} of {owner}"),
            ty,
            measure,
            elements,
            nested: true,
        }
    };
    let misplaced = |cx: &mut Ctxt, name: Symbol, span: Span, applies: &str| {
        cx.push(syn::Error::new(
            span,
            format!(
                "`{name}(...)` applies to {applies}, not to {owner} of type `{}`",
                ty::spelled(subject.ty)
            ),
        ));
    };
    const LISTS: &str = "lists (`Sequence`, `List`, `Vec`, `Set`)";
    const DICTS: &str = "dicts (`Dict`, `Mapping`, `HashMap`, `BTreeMap`)";
    if let Some((span, items)) = &constraints.items {
        match subject.elements {
            Elements::List(item) => check_constraints(cx, items, &nested("items", Some(item))),
            Elements::Unknown => check_constraints(cx, items, &nested("items", None)),
            _ => misplaced(cx, ITEMS, *span, LISTS),
        }
    }
    for (name, what, bounds) in [
        (KEYS, "keys", &constraints.keys),
        (VALUES, "values", &constraints.values),
    ] {
        let Some((span, bounds)) = bounds else {
            continue;
        };
        match subject.elements {
            Elements::Dict(key, value) => {
                let ty = if name == KEYS { key } else { value };
                let mut inner = nested(what, Some(ty));
                // A key is a string on the wire: it holds no items.
                if name == KEYS {
                    inner.elements = Elements::None;
                }
                check_constraints(cx, bounds, &inner);
            }
            Elements::Unknown => check_constraints(cx, bounds, &nested(what, None)),
            _ => misplaced(cx, name, *span, DICTS),
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
    for (name, span) in extra.settings.bounds.spans() {
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
