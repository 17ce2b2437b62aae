//! Output variants: the shape of a value as the service returns it, and the conversion
//! back into the input shape a request takes.
//!
//! `#[typed_dict(output = XOutputTypeDef)]` derives a second typed dict from one
//! declaration, as the upstream generator does with `XTypeDef` / `XOutputTypeDef`: every
//! `Sequence` becomes a `List` and every nested typed dict its own output variant. Values
//! flow from output to input with `From`, so a response can feed the next request.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasher, Hash};

use crate::{Dict, List, Sequence};

/// A value type and its output counterpart (`#[typed_dict]` implements it for every
/// declared type).
///
/// ```
/// use typed_dict::{HasOutput, List, Sequence};
///
/// // What a service returns for a request's `Sequence<String>` is a `List<String>`...
/// let returned: <Sequence<String> as HasOutput>::Output = List::from(vec!["web".to_owned()]);
/// // ...and it goes back into the next request as it is.
/// let next: Sequence<String> = HasOutput::into_input(returned);
/// assert_eq!(next.len(), 1);
/// ```
pub trait HasOutput: Sized {
    /// What the service returns for this type: `List` for `Sequence`, the output variant
    /// of a typed dict declared with one, the type itself otherwise.
    type Output;

    /// Turns an output value into this input type.
    fn into_input(output: Self::Output) -> Self;
}

macro_rules! output_is_itself {
    ($($ty:ty),*) => {$(
        impl HasOutput for $ty {
            type Output = $ty;

            #[inline]
            fn into_input(output: $ty) -> $ty {
                output
            }
        }
    )*};
}

crate::for_each_scalar_type!(output_is_itself);

impl<T: HasOutput> HasOutput for Sequence<T> {
    type Output = List<T::Output>;

    fn into_input(output: Self::Output) -> Self {
        output.into_iter().map(T::into_input).collect()
    }
}

impl<T: HasOutput> HasOutput for Vec<T> {
    type Output = List<T::Output>;

    fn into_input(output: Self::Output) -> Self {
        output.into_iter().map(T::into_input).collect()
    }
}

impl<K: Hash + Eq, V: HasOutput> HasOutput for Dict<K, V> {
    type Output = Dict<K, V::Output>;

    fn into_input(output: Self::Output) -> Self {
        output
            .into_iter()
            .map(|(key, value)| (key, V::into_input(value)))
            .collect()
    }
}

impl<K: Hash + Eq, V: HasOutput, S: BuildHasher + Default> HasOutput for HashMap<K, V, S> {
    type Output = HashMap<K, V::Output, S>;

    fn into_input(output: Self::Output) -> Self {
        output
            .into_iter()
            .map(|(key, value)| (key, V::into_input(value)))
            .collect()
    }
}

impl<K: Ord, V: HasOutput> HasOutput for BTreeMap<K, V> {
    type Output = BTreeMap<K, V::Output>;

    fn into_input(output: Self::Output) -> Self {
        output
            .into_iter()
            .map(|(key, value)| (key, V::into_input(value)))
            .collect()
    }
}

/// A box is there for recursion: its output counterpart boxes the inner one.
impl<T: HasOutput> HasOutput for Box<T> {
    type Output = Box<T::Output>;

    fn into_input(output: Self::Output) -> Self {
        Box::new(T::into_input(*output))
    }
}
