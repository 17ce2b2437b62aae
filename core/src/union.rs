//! Named unions: which member a value is, and what is reported when it is none.
//!
//! The fast path (generated `Deserialize`) buffers the value once and tries each member in
//! declaration order; the validation walk tries the members the same way and, when none
//! accepts the value, reports what [`closest`] picks. Unions are rare in real shapes, so
//! the buffer costs little.

use std::fmt;

use crate::error::{ErrorKind, ValidationError};
use crate::schema::{UnionSchema, ValueType};

/// The member whose errors best explain why a value is none of the union's members:
/// `None` when every member rejects the value's JSON type outright (one `wrong_type` error
/// at the union's own path; the caller then reports one `wrong_type` naming the union),
/// otherwise the member with the fewest errors, the first one on a tie. `more[i]` counts
/// the errors member `i` found past [`max_errors`](crate::DecodeOptions::max_errors)
/// without keeping them: they count as much as the kept ones, so that the member chosen,
/// and the report's error count, do not depend on the cap.
pub(crate) fn closest(
    attempts: &[Vec<ValidationError>],
    more: &[usize],
    path: &str,
) -> Option<usize> {
    let wrong_type_only = |(errors, more): (&Vec<ValidationError>, &usize)| {
        *more == 0
            && matches!(errors.as_slice(), [only] if only.kind == ErrorKind::WrongType && only.path == path)
    };
    if attempts.iter().zip(more).all(wrong_type_only) {
        return None;
    }
    attempts
        .iter()
        .zip(more)
        .enumerate()
        .min_by_key(|(index, (errors, more))| (errors.len().saturating_add(**more), *index))
        .map(|(index, _)| index)
}

/// `RegistryScanningRuleUnionTypeDef (Union[RegistryScanningRuleTypeDef, ...])`: how a
/// message names what a union expects.
pub(crate) struct Expecting(pub(crate) &'static UnionSchema);

impl fmt::Display for Expecting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let union = ValueType::Union(self.0);
        let style = crate::schema::PythonStyle::BUILTINS;
        write!(
            f,
            "{} ({})",
            self.0.name,
            union.python_definition_with(&style)
        )
    }
}

/// The error for a value no member of the union accepts. The validation walk then
/// reports why, member by member.
#[cold]
pub fn no_member<E: serde::de::Error>(union: &'static UnionSchema) -> E {
    E::custom(format_args!(
        "the value is none of the members of {}",
        Expecting(union)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: ErrorKind, path: &str) -> ValidationError {
        ValidationError::new(kind, path, "")
    }

    #[test]
    fn a_json_type_no_member_takes_is_one_wrong_type() {
        let attempts = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&attempts, &[0; 2], "$.a"), None);
    }

    #[test]
    fn otherwise_the_member_with_the_fewest_errors_first_on_a_tie() {
        let attempts = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![
                error(ErrorKind::MissingKey, "$.a.x"),
                error(ErrorKind::MissingKey, "$.a.y"),
            ],
            vec![error(ErrorKind::MissingKey, "$.a.z")],
        ];
        assert_eq!(closest(&attempts, &[0; 3], "$.a"), Some(0));
        assert_eq!(closest(&attempts[1..], &[0; 2], "$.a"), Some(1));
        let tie = vec![
            vec![error(ErrorKind::MissingKey, "$.a.x")],
            vec![error(ErrorKind::MissingKey, "$.a.y")],
        ];
        assert_eq!(closest(&tie, &[0; 2], "$.a"), Some(0));
        // A wrong type deeper down is a real reason, not a rejected JSON type.
        let nested = vec![
            vec![error(ErrorKind::WrongType, "$.a.x")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&nested, &[0; 2], "$.a"), Some(0));
    }

    #[test]
    fn errors_counted_past_the_cap_weigh_as_much_as_kept_ones() {
        // Under `max_errors(1)`: three errors (one kept) against a single wrong type.
        let capped = vec![
            vec![error(ErrorKind::WrongType, "$.a.x")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&capped, &[2, 0], "$.a"), Some(1));
        assert_eq!(closest(&capped, &[0, 0], "$.a"), Some(0));
        // Under `max_errors(0)` nothing is kept: the counts alone decide.
        assert_eq!(closest(&[vec![], vec![]], &[3, 1], "$.a"), Some(1));
        assert_eq!(closest(&[vec![], vec![]], &[1, 1], "$.a"), Some(0));
        // A kept wrong type with more counted is not a rejected JSON type alone.
        let rejected = vec![
            vec![error(ErrorKind::WrongType, "$.a")],
            vec![error(ErrorKind::WrongType, "$.a")],
        ];
        assert_eq!(closest(&rejected, &[0, 1], "$.a"), Some(0));
    }
}
