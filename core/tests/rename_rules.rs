//! `rename_all` end to end, against serde itself: for each of serde's eight rules, a
//! `#[typed_dict(rename_all = ...)]` struct and enum give exactly the keys and literal
//! values that `#[derive(serde::Serialize)]` with `#[serde(rename_all = ...)]` gives the
//! same names, on the words where implementations differ: a letter right after a digit
//! inside one word (`s3key` is `S3key` in PascalCase, not `S3Key`), digits between words
//! (`x2_y`), a trailing underscore, runs of capitals (`HTTPServer`, `K8S`).

use typed_dict::{typed_dict, Literal, TypedDict};

macro_rules! against_serde {
    ($module:ident, $rule:literal) => {
        mod $module {
            use super::*;

            #[typed_dict(rename_all = $rule, closed)]
            pub struct Ours {
                pub s3key: i64,
                pub v2beta_id: i64,
                pub a1b2: i64,
                pub x2_y: i64,
                pub k8s_version: i64,
                pub ipv4_address: i64,
                pub s3key_2b: i64,
                pub ab12cd: i64,
                pub id_: i64,
            }

            #[derive(serde::Serialize)]
            #[serde(rename_all = $rule)]
            pub struct Serde {
                pub s3key: i64,
                pub v2beta_id: i64,
                pub a1b2: i64,
                pub x2_y: i64,
                pub k8s_version: i64,
                pub ipv4_address: i64,
                pub s3key_2b: i64,
                pub ab12cd: i64,
                pub id_: i64,
            }

            // No `S3key` beside `S3Key`: lowercase rules would spell both `s3key`.
            #[typed_dict(rename_all = $rule)]
            #[allow(clippy::upper_case_acronyms)]
            pub enum OurLiteral {
                S3Key,
                V2Beta,
                V2betaId,
                A1B2,
                Ipv4Address,
                K8S,
                X2Y,
                Ab12Cd,
                HTTPServer,
            }

            #[derive(serde::Serialize)]
            #[serde(rename_all = $rule)]
            #[allow(clippy::upper_case_acronyms)]
            pub enum SerdeLiteral {
                S3Key,
                V2Beta,
                V2betaId,
                A1B2,
                Ipv4Address,
                K8S,
                X2Y,
                Ab12Cd,
                HTTPServer,
            }

            #[test]
            fn keys_and_values_are_serdes() {
                let serde = Serde {
                    s3key: 1,
                    v2beta_id: 2,
                    a1b2: 3,
                    x2_y: 4,
                    k8s_version: 5,
                    ipv4_address: 6,
                    s3key_2b: 7,
                    ab12cd: 9,
                    id_: 10,
                };
                let json = serde_json::to_string(&serde).unwrap();
                // Closed and every key Required: a key spelled otherwise fails the decode.
                let ours: Ours = typed_dict::from_str(&json)
                    .unwrap_or_else(|error| panic!("{}: {json}\n{error}", $rule));
                assert_eq!(typed_dict::to_string(&ours).unwrap(), json, "{}", $rule);
                let keys: Vec<&str> = Ours::schema().fields.iter().map(|f| f.key).collect();
                let serde_keys: Vec<String> = json
                    .trim_matches(['{', '}'])
                    .split(',')
                    .map(|entry| {
                        entry
                            .split(':')
                            .next()
                            .unwrap()
                            .trim_matches('"')
                            .to_owned()
                    })
                    .collect();
                assert_eq!(keys, serde_keys, "{}", $rule);

                let serde_values: Vec<String> = [
                    SerdeLiteral::S3Key,
                    SerdeLiteral::V2Beta,
                    SerdeLiteral::V2betaId,
                    SerdeLiteral::A1B2,
                    SerdeLiteral::Ipv4Address,
                    SerdeLiteral::K8S,
                    SerdeLiteral::X2Y,
                    SerdeLiteral::Ab12Cd,
                    SerdeLiteral::HTTPServer,
                ]
                .iter()
                .map(|value| serde_json::from_value(serde_json::to_value(value).unwrap()).unwrap())
                .collect();
                assert_eq!(<OurLiteral as Literal>::VALUES, serde_values, "{}", $rule);
                for (ours, serde) in OurLiteral::ALL.iter().zip(&serde_values) {
                    assert_eq!(ours.as_str(), serde, "{}", $rule);
                    assert_eq!(typed_dict::to_string(ours).unwrap(), format!("\"{serde}\""));
                }
            }
        }
    };
}

against_serde!(lowercase, "lowercase");
against_serde!(uppercase, "UPPERCASE");
against_serde!(pascal_case, "PascalCase");
against_serde!(camel_case, "camelCase");
against_serde!(snake_case, "snake_case");
against_serde!(screaming_snake_case, "SCREAMING_SNAKE_CASE");
against_serde!(kebab_case, "kebab-case");
against_serde!(screaming_kebab_case, "SCREAMING-KEBAB-CASE");

/// The word the issue names, spelled out: PascalCase keeps the letter after a digit as
/// it is.
#[test]
fn pascal_case_keeps_the_letter_after_a_digit() {
    let keys: Vec<&str> = pascal_case::Ours::schema()
        .fields
        .iter()
        .map(|f| f.key)
        .take(2)
        .collect();
    assert_eq!(keys, ["S3key", "V2betaId"]);
    assert_eq!(camel_case::Ours::schema().fields[0].key, "s3key");
}
