//! A key's constraints, from the shape its member targets: a string's or blob's length, a
//! list's or map's count, a number's bounds, a string's pattern, and those of a list's
//! member shape and a map's key and value shapes (followed down, for a list of lists).

use super::pattern::java_to_rust;
use super::{ServiceModel, Shape, ShapeRef};

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
    /// The constraints of a list's member shape: `items(...)`.
    pub items: Option<Box<Constraint>>,
    /// The constraints of a map's key shape: `keys(...)`.
    pub keys: Option<Box<Constraint>>,
    /// The constraints of a map's value shape: `values(...)`.
    pub values: Option<Box<Constraint>>,
}

impl Constraint {
    /// The constraints a shape puts on a key that targets it, its items', keys' and
    /// values' with them (`model` holds the shapes they target); `place` names the key in
    /// errors. A bound that is not a whole number, or a pattern that does not compile, is
    /// an error: the service model means something the attribute cannot say.
    pub fn of_shape(
        model: &ServiceModel,
        shape: &Shape,
        place: &str,
    ) -> Result<Constraint, String> {
        Constraint::of_nested(model, shape, place, &mut Vec::new())
    }

    /// The constraints of `shape`, and of the shapes its items, keys and values target;
    /// `within` holds the list and map shapes being followed, so that a shape holding
    /// itself (which no stub could type) ends the descent instead of recursing.
    fn of_nested<'m>(
        model: &'m ServiceModel,
        shape: &'m Shape,
        place: &str,
        within: &mut Vec<&'m str>,
    ) -> Result<Constraint, String> {
        let mut constraint = Constraint::of_own(shape, place)?;
        let mut nested = |reference: &'m Option<ShapeRef>,
                          what: &str|
         -> Result<Option<Box<Constraint>>, String> {
            let Some(reference) = reference else {
                return Ok(None);
            };
            if within.contains(&reference.shape.as_str()) {
                return Ok(None);
            }
            let place = format!("{place} ({what})");
            let target = model
                .target(reference)
                .ok_or_else(|| format!("{place}: no shape `{}`", reference.shape))?;
            within.push(&reference.shape);
            let inner = Constraint::of_nested(model, target, &place, within);
            within.pop();
            let inner = inner?;
            Ok((!inner.is_empty()).then(|| Box::new(inner)))
        };
        match shape.kind.as_str() {
            "list" => constraint.items = nested(&shape.member, "items")?,
            "map" => {
                constraint.keys = nested(&shape.key, "keys")?;
                constraint.values = nested(&shape.value, "values")?;
            }
            _ => {}
        }
        Ok(constraint)
    }

    /// The constraints `shape` itself declares.
    fn of_own(shape: &Shape, place: &str) -> Result<Constraint, String> {
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
        let nested = [
            ("items", &self.items),
            ("keys", &self.keys),
            ("values", &self.values),
        ];
        for (name, inner) in nested {
            if let Some(inner) = inner {
                arguments.push(format!("{name}({})", inner.arguments().join(", ")));
            }
        }
        arguments
    }
}

#[cfg(test)]
mod tests {
    use super::{Constraint, ServiceModel, Shape};

    fn model(shapes: serde_json::Value) -> ServiceModel {
        ServiceModel {
            shapes: serde_json::from_value(shapes).unwrap(),
            ..ServiceModel::default()
        }
    }

    fn arguments(model: &ServiceModel, shape: &str) -> Result<Vec<String>, String> {
        let shape: &Shape = &model.shapes[shape];
        Constraint::of_shape(model, shape, "Thing.key").map(|c| c.arguments())
    }

    #[test]
    fn items_keys_and_values_follow_their_shapes_down() {
        let model = model(serde_json::json!({
            "Tag": {"type": "string", "min": 1, "max": 3},
            "Plain": {"type": "string"},
            "Count": {"type": "integer", "min": 0},
            "Tags": {"type": "list", "member": {"shape": "Tag"}, "max": 2},
            "Grid": {"type": "list", "member": {"shape": "Tags"}},
            "Labels": {"type": "map", "key": {"shape": "Tag"}, "value": {"shape": "Count"}},
            "Free": {"type": "map", "key": {"shape": "Plain"}, "value": {"shape": "Plain"}},
        }));
        let tags = arguments(&model, "Tags").unwrap();
        assert_eq!(
            tags,
            ["max_length = 2", "items(min_length = 1, max_length = 3)"]
        );
        let grid = arguments(&model, "Grid").unwrap();
        assert_eq!(
            grid,
            ["items(max_length = 2, items(min_length = 1, max_length = 3))"]
        );
        let labels = arguments(&model, "Labels").unwrap();
        assert_eq!(
            labels,
            ["keys(min_length = 1, max_length = 3)", "values(ge = 0)"]
        );
        // Unconstrained keys and values add nothing.
        assert!(arguments(&model, "Free").unwrap().is_empty());
    }

    #[test]
    fn a_list_holding_itself_ends_the_descent() {
        let model = model(serde_json::json!({
            "Loop": {"type": "list", "member": {"shape": "Loop"}, "max": 2},
        }));
        // Its items are `Loop`s, bounded as such; theirs are not followed again.
        assert_eq!(
            arguments(&model, "Loop").unwrap(),
            ["max_length = 2", "items(max_length = 2)"]
        );
    }

    #[test]
    fn an_item_shape_that_is_missing_or_refused_is_named() {
        let model = model(serde_json::json!({
            "Gone": {"type": "list", "member": {"shape": "Nope"}},
            "Odd": {"type": "map", "key": {"shape": "Plain"}, "value": {"shape": "Half"}},
            "Plain": {"type": "string"},
            "Half": {"type": "integer", "max": 1.5},
        }));
        assert_eq!(
            arguments(&model, "Gone").unwrap_err(),
            "Thing.key (items): no shape `Nope`"
        );
        assert_eq!(
            arguments(&model, "Odd").unwrap_err(),
            "Thing.key (values): the model's max `1.5` is not a whole number"
        );
    }
}
