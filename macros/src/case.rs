//! serde's `rename_all` rules, with serde's spellings and serde's exact algorithms:
//! `apply_to_field` for struct fields (snake_case names), `apply_to_variant` for literal
//! variants (PascalCase names). Users coming from serde get the keys they expect, on
//! digits and one-letter words too (`s3_bucket` → `s3Bucket`, `a_b` → `aB`).

/// A `rename_all` rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    /// `lowercase`
    Lower,
    /// `UPPERCASE`
    Upper,
    /// `PascalCase`
    Pascal,
    /// `camelCase`: the default for snake_case struct fields.
    Camel,
    /// `snake_case`
    Snake,
    /// `SCREAMING_SNAKE_CASE`
    ScreamingSnake,
    /// `kebab-case`
    Kebab,
    /// `SCREAMING-KEBAB-CASE`
    ScreamingKebab,
}

/// Every rule with its spelling, in serde's order.
const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    /// The rule a `rename_all` string names.
    pub fn from_name(name: &str) -> Option<Self> {
        RULES
            .iter()
            .find(|(spelling, _)| *spelling == name)
            .map(|(_, rule)| *rule)
    }

    /// The spellings `rename_all` accepts, for error messages and suggestions.
    pub fn names() -> impl Iterator<Item = &'static str> {
        RULES.iter().map(|(spelling, _)| *spelling)
    }

    /// Applies the rule to a struct field name (snake_case), as serde's `apply_to_field`.
    /// A raw identifier's `r#` is not part of the name.
    pub fn apply_to_field(self, field: &str) -> String {
        let field = unraw(field);
        match self {
            RenameRule::Lower | RenameRule::Snake => field.to_owned(),
            RenameRule::Upper | RenameRule::ScreamingSnake => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::with_capacity(field.len());
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            RenameRule::Camel => lower_first(&RenameRule::Pascal.apply_to_field(field)),
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }

    /// Applies the rule to a variant name (PascalCase), as serde's `apply_to_variant`.
    pub fn apply_to_variant(self, variant: &str) -> String {
        let variant = unraw(variant);
        match self {
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Camel => lower_first(variant),
            RenameRule::Snake => {
                let mut snake = String::with_capacity(variant.len() + 4);
                for (index, ch) in variant.char_indices() {
                    if index > 0 && ch.is_uppercase() {
                        snake.push('_');
                    }
                    snake.push(ch.to_ascii_lowercase());
                }
                snake
            }
            RenameRule::ScreamingSnake => RenameRule::Snake
                .apply_to_variant(variant)
                .to_ascii_uppercase(),
            RenameRule::Kebab => RenameRule::Snake
                .apply_to_variant(variant)
                .replace('_', "-"),
            RenameRule::ScreamingKebab => RenameRule::ScreamingSnake
                .apply_to_variant(variant)
                .replace('_', "-"),
        }
    }
}

/// Whether a field name is snake_case, the words the default camelCase rule rewrites:
/// it has no uppercase letter. A name with one (`QueueUrl`, `MD5OfBody`) is spelled as
/// its author wants the key, so without `rename_all` it is the key as written.
pub fn is_snake_case(name: &str) -> bool {
    !name.chars().any(char::is_uppercase)
}

/// The name without a raw identifier's `r#`.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// The first character ASCII-lowercased, as serde's `[..1].to_ascii_lowercase()` (which
/// would panic on a non-ASCII first character; this keeps it as it is).
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => {
            let mut out = String::with_capacity(text.len());
            out.push(first.to_ascii_lowercase());
            out.extend(chars);
            out
        }
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // serde's own tables (`serde_derive/src/internals/case.rs`), extended with the words
    // where implementations differ: digits, one-letter words, raw identifiers.
    #[test]
    fn fields_follow_serde() {
        let rows: &[(&str, [&str; 8])] = &[
            (
                "outcome",
                [
                    "outcome", "OUTCOME", "Outcome", "outcome", "outcome", "OUTCOME", "outcome",
                    "OUTCOME",
                ],
            ),
            (
                "very_tasty",
                [
                    "very_tasty",
                    "VERY_TASTY",
                    "VeryTasty",
                    "veryTasty",
                    "very_tasty",
                    "VERY_TASTY",
                    "very-tasty",
                    "VERY-TASTY",
                ],
            ),
            ("a", ["a", "A", "A", "a", "a", "A", "a", "A"]),
            (
                "z42",
                ["z42", "Z42", "Z42", "z42", "z42", "Z42", "z42", "Z42"],
            ),
            (
                "s3_bucket",
                [
                    "s3_bucket",
                    "S3_BUCKET",
                    "S3Bucket",
                    "s3Bucket",
                    "s3_bucket",
                    "S3_BUCKET",
                    "s3-bucket",
                    "S3-BUCKET",
                ],
            ),
            (
                "a_b",
                ["a_b", "A_B", "AB", "aB", "a_b", "A_B", "a-b", "A-B"],
            ),
            (
                "x_ray_id",
                [
                    "x_ray_id", "X_RAY_ID", "XRayId", "xRayId", "x_ray_id", "X_RAY_ID", "x-ray-id",
                    "X-RAY-ID",
                ],
            ),
            (
                "r#type",
                [
                    "type", "TYPE", "Type", "type", "type", "TYPE", "type", "TYPE",
                ],
            ),
            (
                "_private",
                [
                    "_private", "_PRIVATE", "Private", "private", "_private", "_PRIVATE",
                    "-private", "-PRIVATE",
                ],
            ),
            (
                "image_id_2",
                [
                    "image_id_2",
                    "IMAGE_ID_2",
                    "ImageId2",
                    "imageId2",
                    "image_id_2",
                    "IMAGE_ID_2",
                    "image-id-2",
                    "IMAGE-ID-2",
                ],
            ),
        ];
        for (field, expected) in rows {
            for ((_, rule), expected) in RULES.iter().zip(expected) {
                assert_eq!(&rule.apply_to_field(field), expected, "{rule:?} {field}");
            }
        }
    }

    #[test]
    fn variants_follow_serde() {
        let rows: &[(&str, [&str; 8])] = &[
            (
                "Outcome",
                [
                    "outcome", "OUTCOME", "Outcome", "outcome", "outcome", "OUTCOME", "outcome",
                    "OUTCOME",
                ],
            ),
            (
                "VeryTasty",
                [
                    "verytasty",
                    "VERYTASTY",
                    "VeryTasty",
                    "veryTasty",
                    "very_tasty",
                    "VERY_TASTY",
                    "very-tasty",
                    "VERY-TASTY",
                ],
            ),
            ("A", ["a", "A", "A", "a", "a", "A", "a", "A"]),
            (
                "Z42",
                ["z42", "Z42", "Z42", "z42", "z42", "Z42", "z42", "Z42"],
            ),
            (
                "Aes256",
                [
                    "aes256", "AES256", "Aes256", "aes256", "aes256", "AES256", "aes256", "AES256",
                ],
            ),
            (
                "ETag",
                [
                    "etag", "ETAG", "ETag", "eTag", "e_tag", "E_TAG", "e-tag", "E-TAG",
                ],
            ),
        ];
        for (variant, expected) in rows {
            for ((_, rule), expected) in RULES.iter().zip(expected) {
                assert_eq!(
                    &rule.apply_to_variant(variant),
                    expected,
                    "{rule:?} {variant}"
                );
            }
        }
    }

    #[test]
    fn only_names_with_an_uppercase_letter_are_not_snake_case() {
        for snake in [
            "queue_url",
            "s3_bucket",
            "_private",
            "r#type",
            "very__tasty",
            "z42",
        ] {
            assert!(is_snake_case(snake), "{snake}");
        }
        for other in ["QueueUrl", "MD5OfBody", "queueUrl", "A", "x_Ray", "Ünits"] {
            assert!(!is_snake_case(other), "{other}");
        }
    }

    #[test]
    fn every_spelling_parses() {
        for name in RenameRule::names() {
            assert!(RenameRule::from_name(name).is_some(), "{name}");
        }
        assert_eq!(RenameRule::from_name("camelcase"), None);
    }

    /// Words where a letter follows a digit inside one word (`s3key`, `v2beta_id`), and
    /// stray underscores: what serde_derive 1.0.229 produces, taken from
    /// `#[derive(Serialize)]` with each rule, not from this file's code. Only an
    /// underscore starts a word in a field name (`s3key` → `S3key`, never `S3Key`); only
    /// an uppercase letter does in a variant name (`K8S` → `k8_s`).
    #[test]
    fn letters_after_digits_follow_serde() {
        let fields: &[(&str, [&str; 8])] = &[
            (
                "s3key",
                [
                    "s3key", "S3KEY", "S3key", "s3key", "s3key", "S3KEY", "s3key", "S3KEY",
                ],
            ),
            (
                "v2beta_id",
                [
                    "v2beta_id",
                    "V2BETA_ID",
                    "V2betaId",
                    "v2betaId",
                    "v2beta_id",
                    "V2BETA_ID",
                    "v2beta-id",
                    "V2BETA-ID",
                ],
            ),
            (
                "a1b2",
                [
                    "a1b2", "A1B2", "A1b2", "a1b2", "a1b2", "A1B2", "a1b2", "A1B2",
                ],
            ),
            (
                "x2_y",
                ["x2_y", "X2_Y", "X2Y", "x2Y", "x2_y", "X2_Y", "x2-y", "X2-Y"],
            ),
            (
                "k8s_version",
                [
                    "k8s_version",
                    "K8S_VERSION",
                    "K8sVersion",
                    "k8sVersion",
                    "k8s_version",
                    "K8S_VERSION",
                    "k8s-version",
                    "K8S-VERSION",
                ],
            ),
            (
                "ipv4_address",
                [
                    "ipv4_address",
                    "IPV4_ADDRESS",
                    "Ipv4Address",
                    "ipv4Address",
                    "ipv4_address",
                    "IPV4_ADDRESS",
                    "ipv4-address",
                    "IPV4-ADDRESS",
                ],
            ),
            (
                "s3key_2b",
                [
                    "s3key_2b", "S3KEY_2B", "S3key2b", "s3key2b", "s3key_2b", "S3KEY_2B",
                    "s3key-2b", "S3KEY-2B",
                ],
            ),
            (
                "id_",
                ["id_", "ID_", "Id", "id", "id_", "ID_", "id-", "ID-"],
            ),
            (
                "a__b",
                ["a__b", "A__B", "AB", "aB", "a__b", "A__B", "a--b", "A--B"],
            ),
            (
                "_2fa",
                ["_2fa", "_2FA", "2fa", "2fa", "_2fa", "_2FA", "-2fa", "-2FA"],
            ),
            (
                "a1_b2",
                [
                    "a1_b2", "A1_B2", "A1B2", "a1B2", "a1_b2", "A1_B2", "a1-b2", "A1-B2",
                ],
            ),
            (
                "ab12cd",
                [
                    "ab12cd", "AB12CD", "Ab12cd", "ab12cd", "ab12cd", "AB12CD", "ab12cd", "AB12CD",
                ],
            ),
        ];
        for (field, expected) in fields {
            for ((_, rule), expected) in RULES.iter().zip(expected) {
                assert_eq!(&rule.apply_to_field(field), expected, "{rule:?} {field}");
            }
        }
        let variants: &[(&str, [&str; 8])] = &[
            (
                "S3key",
                [
                    "s3key", "S3KEY", "S3key", "s3key", "s3key", "S3KEY", "s3key", "S3KEY",
                ],
            ),
            (
                "S3Key",
                [
                    "s3key", "S3KEY", "S3Key", "s3Key", "s3_key", "S3_KEY", "s3-key", "S3-KEY",
                ],
            ),
            (
                "V2Beta",
                [
                    "v2beta", "V2BETA", "V2Beta", "v2Beta", "v2_beta", "V2_BETA", "v2-beta",
                    "V2-BETA",
                ],
            ),
            (
                "V2betaId",
                [
                    "v2betaid",
                    "V2BETAID",
                    "V2betaId",
                    "v2betaId",
                    "v2beta_id",
                    "V2BETA_ID",
                    "v2beta-id",
                    "V2BETA-ID",
                ],
            ),
            (
                "A1B2",
                [
                    "a1b2", "A1B2", "A1B2", "a1B2", "a1_b2", "A1_B2", "a1-b2", "A1-B2",
                ],
            ),
            (
                "Ipv4Address",
                [
                    "ipv4address",
                    "IPV4ADDRESS",
                    "Ipv4Address",
                    "ipv4Address",
                    "ipv4_address",
                    "IPV4_ADDRESS",
                    "ipv4-address",
                    "IPV4-ADDRESS",
                ],
            ),
            (
                "K8S",
                ["k8s", "K8S", "K8S", "k8S", "k8_s", "K8_S", "k8-s", "K8-S"],
            ),
            (
                "X2Y",
                ["x2y", "X2Y", "X2Y", "x2Y", "x2_y", "X2_Y", "x2-y", "X2-Y"],
            ),
            (
                "Ab12Cd",
                [
                    "ab12cd", "AB12CD", "Ab12Cd", "ab12Cd", "ab12_cd", "AB12_CD", "ab12-cd",
                    "AB12-CD",
                ],
            ),
            (
                "HTTPServer",
                [
                    "httpserver",
                    "HTTPSERVER",
                    "HTTPServer",
                    "hTTPServer",
                    "h_t_t_p_server",
                    "H_T_T_P_SERVER",
                    "h-t-t-p-server",
                    "H-T-T-P-SERVER",
                ],
            ),
        ];
        for (variant, expected) in variants {
            for ((_, rule), expected) in RULES.iter().zip(expected) {
                assert_eq!(
                    &rule.apply_to_variant(variant),
                    expected,
                    "{rule:?} {variant}"
                );
            }
        }
    }
}
