//! Snapshots of the expansion of representative declarations, pretty-printed, so that
//! changes to the generated code are reviewed as diffs. Regenerate with
//! `SNAPSHOTS=overwrite cargo test -p typed-dict-macros`.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

fn assert_snapshot(name: &str, args: TokenStream, input: TokenStream) {
    let expanded = super::typed_dict(args, input);
    let file: syn::File = syn::parse2(expanded).expect("expansion parses as a file");
    let pretty = prettyplease::unparse(&file);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("src/snapshots/{name}.rs.snap"));
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot at {}; run with SNAPSHOTS=overwrite",
            path.display()
        )
    });
    assert!(
        expected == pretty,
        "expansion of {name} changed; review and regenerate with SNAPSHOTS=overwrite\n--- expected\n{expected}\n--- actual\n{pretty}"
    );
}

#[test]
fn request_with_required_and_optional_keys() {
    assert_snapshot(
        "request",
        quote!(),
        quote! {
            /// Creates a repository.
            pub struct CreateRepositoryRequestRequestTypeDef {
                pub repository_name: String,
                pub tags: Option<Sequence<TagTypeDef>>,
            }
        },
    );
}

#[test]
fn response_with_wire_optional_and_renamed_keys() {
    assert_snapshot(
        "response",
        quote!(),
        quote! {
            pub struct ListImagesResponseTypeDef {
                #[typed_dict(wire_optional)]
                pub next_token: Option<String>,
                #[typed_dict(key = "ResponseMetadata", wire_optional)]
                pub response_metadata: Option<ResponseMetadataTypeDef>,
            }
        },
    );
}

#[test]
fn flattened_bases() {
    assert_snapshot(
        "flatten",
        quote!(),
        quote! {
            pub struct RepositoryTypeDef {
                #[typed_dict(flatten)]
                pub resource: ResourceTypeDef,
                pub repository_name: String,
                pub image_count: Option<i64>,
            }
        },
    );
}

#[test]
fn constrained_keys() {
    // Only the constrained fields gain a `with_constraints`; the other is as before.
    assert_snapshot(
        "constraints",
        quote!(),
        quote! {
            pub struct ListImagesRequestTypeDef {
                #[typed_dict(min_length = 2, max_length = 256, pattern = "[a-z0-9-]+")]
                pub repository_name: String,
                #[typed_dict(ge = 1, le = 1000)]
                pub max_results: Option<i64>,
                #[typed_dict(ge = -0.5)]
                pub score: Option<f64>,
                pub next_token: Option<String>,
            }
        },
    );
}

#[test]
fn constrained_items_keys_and_values() {
    // Each level of constraints in a static of its own, the item's pattern in one of its own.
    assert_snapshot(
        "item_constraints",
        quote!(),
        quote! {
            pub struct TagImagesRequestTypeDef {
                #[typed_dict(max_length = 100, items(min_length = 1, max_length = 300, pattern = "[a-z]+"))]
                pub image_tags: Sequence<String>,
                #[typed_dict(keys(max_length = 128), values(max_length = 256))]
                pub labels: Option<Dict<String, String>>,
                #[typed_dict(items(items(ge = 1)))]
                pub grid: Option<List<List<i64>>>,
            }
        },
    );
}

#[test]
fn closed_dict_without_required_keys() {
    assert_snapshot(
        "closed",
        quote!(closed),
        quote! {
            pub struct WaiterConfigTypeDef {
                #[typed_dict(key = "Delay")]
                pub delay: Option<i64>,
            }
        },
    );
}

#[test]
fn extra_items_capture() {
    assert_snapshot(
        "extra",
        quote!(),
        quote! {
            pub struct RepositoryTypeDef {
                pub repository_name: String,
                #[typed_dict(extra)]
                pub extra: Dict<String, JsonValue>,
            }
        },
    );
}

#[test]
fn literal_enum() {
    assert_snapshot(
        "literal",
        quote!(rename_all = "SCREAMING_SNAKE_CASE"),
        quote! {
            pub enum ScanStatusType {
                InProgress,
                #[typed_dict(value = "COMPLETE")]
                Done,
            }
        },
    );
}

#[test]
fn errors_keep_the_item() {
    assert_snapshot(
        "fallback",
        quote!(),
        quote! {
            pub struct Broken {
                #[typed_dict(key = "a")]
                pub a: u128,
            }
        },
    );
}

#[test]
fn output_variant() {
    assert_snapshot(
        "output",
        quote!(output = ReplicationRuleOutputTypeDef),
        quote! {
            pub struct ReplicationRuleTypeDef {
                pub destinations: Sequence<ReplicationDestinationTypeDef>,
                pub repository_filters: Option<Sequence<String>>,
            }
        },
    );
}

#[test]
fn recursive_shape_with_self_and_pascal_case_keys() {
    assert_snapshot(
        "recursive",
        quote!(rename_all = "PascalCase", crate = "td"),
        quote! {
            #[derive(Debug)]
            #[allow(non_snake_case)]
            pub struct Tree {
                pub s3_bucket: String,
                pub children: Option<List<Self>>,
                pub parent: Option<Box<Self>>,
            }
        },
    );
}

#[test]
fn open_literal() {
    assert_snapshot(
        "open_literal",
        quote!(rename_all = "SCREAMING_SNAKE_CASE"),
        quote! {
            pub enum ScanStatusType {
                InProgress,
                #[typed_dict(other)]
                Unknown(UnknownValue),
            }
        },
    );
}

#[test]
fn union_of_an_input_shape_and_its_output_variant() {
    assert_snapshot(
        "union",
        quote!(),
        quote! {
            /// Either variant.
            pub enum RuleUnionTypeDef {
                Input(RuleTypeDef),
                Output(RuleOutputTypeDef),
            }
        },
    );
}

#[test]
fn named_alias() {
    assert_snapshot(
        "alias",
        quote!(),
        quote! {
            pub struct BlobTypeDef(pub Blob);
        },
    );
}

/// The output variant is modelled from its input and expanded directly; it must expand
/// exactly as the declaration that spells it out would (what the macro once re-emitted
/// and expanded a second time).
#[test]
fn output_variant_expands_as_its_declaration_would() {
    let doc = " The output variant of [`Shape`]: the same keys, with `List` for every `Sequence` and output variants for nested typed dicts. Converts into [`Shape`] with `From`.";
    let cases = [
        (
            quote!(crate = "td", output = ShapeOutput),
            quote! {
                #[non_exhaustive]
                #[allow(non_snake_case)]
                pub struct Shape {
                    #[typed_dict(wire_optional)]
                    pub next_token: Option<String>,
                    pub items: Sequence<Item>,
                    #[typed_dict(extra)]
                    pub extra: Dict<String, JsonValue>,
                }
            },
            quote!(crate = "td"),
            quote! {
                #[doc = #doc]
                #[allow(non_snake_case)]
                #[non_exhaustive]
                pub struct ShapeOutput {
                    #[typed_dict(key = "nextToken", wire_optional)]
                    pub next_token: ::core::option::Option<String>,
                    #[typed_dict(key = "items")]
                    pub items: td::List<<Item as td::__private::HasOutput>::Output>,
                    #[typed_dict(extra)]
                    pub extra: Dict<String, JsonValue>,
                }
            },
        ),
        (
            quote!(closed, output = ShapeOutput),
            quote! {
                pub struct Shape {
                    #[typed_dict(key = "Tags")]
                    pub tags: Option<Dict<String, Box<Shape>>>,
                }
            },
            quote!(closed),
            quote! {
                #[doc = #doc]
                pub struct ShapeOutput {
                    #[typed_dict(key = "Tags")]
                    pub tags: ::core::option::Option<::typed_dict::Dict<String, ::std::boxed::Box<<Shape as ::typed_dict::__private::HasOutput>::Output>>>,
                }
            },
        ),
    ];
    for (args, input, by_hand_args, by_hand) in cases {
        let expanded = super::typed_dict(args, input).to_string();
        let by_hand = super::typed_dict(by_hand_args, by_hand).to_string();
        assert!(
            expanded.contains(&by_hand),
            "the output variant differs from its declaration's expansion\n--- declaration's\n{by_hand}\n--- within\n{expanded}"
        );
    }
}

#[test]
fn generic_typed_dict() {
    assert_snapshot(
        "generic",
        quote!(),
        quote! {
            /// One page of results.
            pub struct Page<T: Clone>
            where
                T: Send,
            {
                pub items: List<T>,
                #[typed_dict(key = "nextToken")]
                pub next_token: Option<String>,
            }
        },
    );
}
