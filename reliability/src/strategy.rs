//! proptest strategies derived from the static schema: typed-dict's own
//! ([`typed_dict::proptest`]), and the ones that draw keys from every ECR shape or mutate
//! valid values, which only these tests need.

use proptest::prelude::*;
use serde_json::Value;
use typed_dict::TypedDictSchema;

pub use crate::reference::EXACT_FRACTION_SECONDS;
pub use typed_dict::proptest::json as any_json;
pub use typed_dict::proptest::{
    blob, float, int, key, rfc3339, string, timestamp, typed_dict, value, MAX_DEPTH,
};

/// Any JSON, mostly objects whose keys come from `keys`: input for "never panics, and
/// agrees with the schema".
pub fn any_payload(keys: &'static [&'static str]) -> BoxedStrategy<Value> {
    let object = prop::collection::vec((key(keys), any_json(keys)), 0..8)
        .prop_map(|entries| Value::Object(entries.into_iter().collect()));
    prop_oneof![4 => object, 1 => any_json(keys)].boxed()
}

/// A valid value of `schema` with one to three random [mutations](crate::mutate).
pub fn mutated(
    schema: &'static TypedDictSchema,
    keys: &'static [&'static str],
) -> BoxedStrategy<Value> {
    (
        typed_dict(schema, typed_dict::Mode::Strict),
        any::<u64>(),
        1usize..4,
    )
        .prop_map(move |(mut value, seed, count)| {
            let mut rng = crate::mutate::Rng::new(seed);
            for _ in 0..count {
                crate::mutate::mutate_value(&mut value, &mut rng, keys);
            }
            value
        })
        .boxed()
}
