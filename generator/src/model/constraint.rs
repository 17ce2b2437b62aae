//! A key's constraints, from the shape its member targets: a string's or blob's length, a
//! list's or map's count, a number's bounds, a string's pattern.

use super::pattern::java_to_rust;
use super::Shape;

/// The constraints of one key, as `#[typed_dict(...)]` names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraint {
    /// Least length (characters, items, entries or bytes).
    pub min_length: Option<u64>,
    /// Greatest length.
    pub max_length: Option<u64>,
    /// The pattern the whole string matches, in regex-lite's syntax.
    pub pattern: Option<String>,
    /// Least number.
    pub ge: Option<i64>,
    /// Greatest number.
    pub le: Option<i64>,
}

impl Constraint {
    /// The constraints a shape puts on a key that targets it; `place` names the key in
    /// errors. A bound that is not a whole number, or a pattern that does not compile, is
    /// an error: the service model means something the attribute cannot say.
    pub fn of_shape(shape: &Shape, place: &str) -> Result<Constraint, String> {
        let bound = |n: &Option<serde_json::Number>, which: &str| -> Result<Option<i64>, String> {
            n.as_ref()
                .map(|n| {
                    n.as_i64().ok_or_else(|| {
                        format!("{place}: the model's {which} `{n}` is not a whole number")
                    })
                })
                .transpose()
        };
        let (min, max) = (bound(&shape.min, "min")?, bound(&shape.max, "max")?);
        let length = |n: Option<i64>, which: &str| -> Result<Option<u64>, String> {
            n.map(|n| {
                u64::try_from(n)
                    .map_err(|_| format!("{place}: the model's {which} {n} is a negative length"))
            })
            .transpose()
        };
        let mut constraint = Constraint::default();
        match shape.kind.as_str() {
            "string" | "blob" | "list" | "map" => {
                constraint.min_length = length(min, "min")?;
                constraint.max_length = length(max, "max")?;
            }
            "integer" | "long" => {
                constraint.ge = min;
                constraint.le = max;
            }
            _ if min.is_some() || max.is_some() => {
                return Err(format!(
                    "{place}: bounds on a `{}` shape, which has no length or number",
                    shape.kind
                ))
            }
            _ => {}
        }
        if let Some(pattern) = &shape.pattern {
            if shape.kind != "string" {
                return Err(format!("{place}: a pattern on a `{}` shape", shape.kind));
            }
            let rust = java_to_rust(pattern);
            // The macro judges the pattern alone and anchored, with regex-lite: so does this.
            regex_lite::Regex::new(&rust)
                .and_then(|_| regex_lite::Regex::new(&format!("^(?:{rust})$")))
                .map_err(|error| {
                    format!(
                        "{place}: the model's pattern `{pattern}` (`{rust}` in Rust) does not compile: {error}"
                    )
                })?;
            constraint.pattern = Some(rust);
        }
        Ok(constraint)
    }

    /// Whether there is nothing to check.
    pub fn is_empty(&self) -> bool {
        *self == Constraint::default()
    }

    /// The attribute's arguments: `min_length = 2, max_length = 256, pattern = ".."`.
    pub fn arguments(&self) -> Vec<String> {
        let mut arguments = Vec::new();
        let mut push = |name: &str, value: Option<String>| {
            if let Some(value) = value {
                arguments.push(format!("{name} = {value}"));
            }
        };
        push("min_length", self.min_length.map(|n| n.to_string()));
        push("max_length", self.max_length.map(|n| n.to_string()));
        push("pattern", self.pattern.as_ref().map(|p| format!("{p:?}")));
        push("ge", self.ge.map(|n| n.to_string()));
        push("le", self.le.map(|n| n.to_string()));
        arguments
    }
}
