//! The hooks the macro calls once per declared type. Each is defined twice, for a
//! feature on and off, so that the user's crate needs no feature of its own.

/// Implements `schemars::JsonSchema` (feature `schemars`) for a type declared with
/// `#[typed_dict]`, given the value types it is made of (the keys' types of a typed dict,
/// the members of a union, the target of an alias; with their `cfg` attributes).
///
/// `named`: a typed dict or literal, which the crate's JSON Schema refers to by name.
/// `inline`: a union or alias, which it writes out where it is used.
#[cfg(feature = "schemars")]
#[doc(hidden)]
#[macro_export]
macro_rules! __typed_dict_json_schema {
    (named $ty:ident [$($(#[$cfg:meta])* $dep:ty),* $(,)?]) => {
        $crate::__typed_dict_json_schema!(@impl $ty [$($(#[$cfg])* $dep),*]);

        #[automatically_derived]
        impl $crate::__private::JsonSchemaDeps for $ty {
            fn collect(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
                refs: &mut $crate::__private::SchemaRefs,
            ) {
                refs.push($crate::__private::schema_name::<$ty>(), generator.subschema_for::<$ty>());
            }
        }
    };
    (inline $ty:ident [$($(#[$cfg:meta])* $dep:ty),* $(,)?]) => {
        $crate::__typed_dict_json_schema!(@impl $ty [$($(#[$cfg])* $dep),*]);

        #[automatically_derived]
        impl $crate::__private::JsonSchemaDeps for $ty {
            #[allow(unused_variables)]
            fn collect(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
                refs: &mut $crate::__private::SchemaRefs,
            ) {
                $(
                    $(#[$cfg])*
                    {
                        #[allow(unused_imports)]
                        use $crate::__private::{CollectNamed as _, CollectNone as _};
                        (&$crate::__private::Deps::<$dep>::new()).collect_deps(generator, refs);
                    }
                )*
            }
        }
    };
    (@impl $ty:ident [$($(#[$cfg:meta])* $dep:ty),*]) => {
        #[automatically_derived]
        impl $crate::__private::schemars::JsonSchema for $ty {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($crate::__private::schema_name::<$ty>())
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(::core::concat!(
                    ::core::module_path!(),
                    "::",
                    ::core::stringify!($ty)
                ))
            }

            // A type without nested named types leaves the closure's arguments unused.
            #[allow(unused_variables)]
            fn json_schema(
                generator: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                // A closure, not a nested function: the types may name `Self`.
                $crate::__private::json_schema_of::<$ty>(generator, |generator, refs| {
                    $(
                        $(#[$cfg])*
                        {
                            #[allow(unused_imports)]
                            use $crate::__private::{CollectNamed as _, CollectNone as _};
                            (&$crate::__private::Deps::<$dep>::new()).collect_deps(generator, refs);
                        }
                    )*
                })
            }
        }
    };
}

/// Without the `schemars` feature: nothing.
#[cfg(not(feature = "schemars"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __typed_dict_json_schema {
    ($($tokens:tt)*) => {};
}
