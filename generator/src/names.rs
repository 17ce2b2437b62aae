//! Names: how a key becomes a field, a value a variant, and which `rename_all` rule (the
//! macro's, `macros/src/case.rs`) gives back the stub's spelling. The one place these
//! rules live in the generator.

/// The suffixes of the TypeDefs an operation owns, and what each is. The doubled
/// `Request` is 2.1's naming of a request; 3.x writes one.
const OPERATION_SUFFIXES: [(&str, OperationPart); 5] = [
    ("RequestRequestTypeDef", OperationPart::Request),
    ("RequestPaginateTypeDef", OperationPart::Paginate),
    ("RequestWaitTypeDef", OperationPart::Wait),
    ("RequestTypeDef", OperationPart::Request),
    ("ResponseTypeDef", OperationPart::Response),
];

/// What a TypeDef an operation owns is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationPart {
    /// Its parameters.
    Request,
    /// The arguments of its paginator.
    Paginate,
    /// The arguments of its waiter.
    Wait,
    /// What it returns.
    Response,
}

/// `(operation, part)` for a TypeDef an operation owns: `DescribeImagesResponseTypeDef`
/// is `("DescribeImages", Response)`.
pub fn operation(name: &str) -> Option<(&str, OperationPart)> {
    OPERATION_SUFFIXES.iter().find_map(|(suffix, part)| {
        name.strip_suffix(suffix)
            .filter(|op| !op.is_empty())
            .map(|op| (op, *part))
    })
}

/// Words Rust reserves: a field of that name is written raw (`r#type`).
const RUST_KEYWORDS: [&str; 51] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "super", "trait", "true", "type", "unsafe", "use",
    "where", "while", "abstract", "become", "box", "do", "final", "gen", "macro", "override",
    "priv", "try", "typeof", "unsized", "virtual", "yield", "self",
];

/// Keywords that cannot be raw identifiers either: such a field gets a trailing `_`.
const NOT_RAW: [&str; 4] = ["crate", "self", "super", "Self"];

/// `HTTPStatusCode` -> `http_status_code`, `imageIds` -> `image_ids` (the two-step rule
/// generate.py applied: a capitalized word after anything, then lower-or-digit before
/// upper).
pub fn snake_case(key: &str) -> String {
    split_words(&key.chars().collect::<Vec<_>>(), '_')
}

/// The two steps of botocore's `xform_name` (and generate.py's rule): `(.)([A-Z][a-z]+)`
/// then `([a-z0-9])([A-Z])` get `sep` between their groups, matched left to right without
/// overlap; then all in lower case.
fn split_words(chars: &[char], sep: char) -> String {
    let mut words = Vec::with_capacity(chars.len() + 4);
    let mut at = 0;
    while at < chars.len() {
        let word_follows = chars.get(at + 1).is_some_and(char::is_ascii_uppercase)
            && chars.get(at + 2).is_some_and(char::is_ascii_lowercase)
            && chars[at] != '\n';
        words.push(chars[at]);
        if word_follows {
            words.extend([sep, chars[at + 1]]);
            at += 2;
            while chars.get(at).is_some_and(char::is_ascii_lowercase) {
                words.push(chars[at]);
                at += 1;
            }
        } else {
            at += 1;
        }
    }
    let mut out = String::with_capacity(words.len() + 4);
    let mut at = 0;
    while at < words.len() {
        let (c, next) = (words[at], words.get(at + 1));
        out.push(c);
        if (c.is_ascii_lowercase() || c.is_ascii_digit())
            && next.is_some_and(char::is_ascii_uppercase)
        {
            out.push(sep);
            out.push(words[at + 1]);
            at += 2;
        } else {
            at += 1;
        }
    }
    out.to_lowercase()
}

/// The field name a key gets: snake case, made an identifier (a key may be none: `a-b`,
/// `1st`), raw where it is a keyword.
pub fn field_name(key: &str) -> String {
    let mut name: String = snake_case(key)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if name.chars().all(|c| c == '_') {
        name.push_str("key");
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
        name
    } else if RUST_KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A field's name without `r#`.
pub fn unraw(field: &str) -> &str {
    field.strip_prefix("r#").unwrap_or(field)
}

/// The key `#[typed_dict]` derives from a field name without `rename_all`: camel case,
/// a leading `_` kept.
pub fn default_key(field: &str) -> String {
    let mut out = String::new();
    let mut upper_next = false;
    for c in unraw(field).chars() {
        if c == '_' && !out.is_empty() {
            upper_next = true;
        } else if upper_next {
            out.extend(c.to_uppercase());
            upper_next = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A `rename_all` rule of the macro, by its spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule(pub &'static str);

/// The rules a struct's keys are tried against, after the default: the first that spells
/// the most keys wins.
pub const FIELD_RULES: [Rule; 6] = [
    Rule("PascalCase"),
    Rule("snake_case"),
    Rule("SCREAMING_SNAKE_CASE"),
    Rule("kebab-case"),
    Rule("UPPERCASE"),
    Rule("SCREAMING-KEBAB-CASE"),
];

/// The rules a literal's values are tried against, in order (the first that spells every
/// value wins); `None` is the default (the variant's own name).
pub const VARIANT_RULES: [Option<Rule>; 7] = [
    None,
    Some(Rule("SCREAMING_SNAKE_CASE")),
    Some(Rule("snake_case")),
    Some(Rule("camelCase")),
    Some(Rule("kebab-case")),
    Some(Rule("lowercase")),
    Some(Rule("UPPERCASE")),
];

/// The key a field gets under a rule (`None`: the default).
pub fn field_key(rule: Option<Rule>, field: &str) -> String {
    let field = unraw(field);
    let Some(Rule(rule)) = rule else {
        return default_key(field);
    };
    match rule {
        "lowercase" | "snake_case" => field.to_owned(),
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => field.to_ascii_uppercase(),
        "kebab-case" => field.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => field.to_ascii_uppercase().replace('_', "-"),
        "camelCase" => lower_first(&pascal(field)),
        _ => pascal(field),
    }
}

fn pascal(field: &str) -> String {
    let mut out = String::new();
    let mut capitalize = true;
    for c in field.chars() {
        if c == '_' {
            capitalize = true;
        } else if capitalize {
            out.push(c.to_ascii_uppercase());
            capitalize = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The value a variant gets under a rule (`None`: the variant's own name).
pub fn variant_value(rule: Option<Rule>, variant: &str) -> String {
    let Some(Rule(rule)) = rule else {
        return variant.to_owned();
    };
    let snake: String = variant
        .char_indices()
        .flat_map(|(index, c)| {
            let sep = (index > 0 && c.is_ascii_uppercase()).then_some('_');
            sep.into_iter()
                .chain(std::iter::once(c.to_ascii_lowercase()))
        })
        .collect();
    match rule {
        "SCREAMING_SNAKE_CASE" => snake.to_ascii_uppercase(),
        "snake_case" => snake,
        "kebab-case" => snake.replace('_', "-"),
        "lowercase" => variant.to_ascii_lowercase(),
        "UPPERCASE" => variant.to_ascii_uppercase(),
        _ => lower_first(variant),
    }
}

/// The variant name a literal value gets: kept if already PascalCase (`ImageNotFound`),
/// else its words capitalized (`TAGGED` -> `Tagged`, `us-east-1` -> `UsEast1`), made an
/// identifier (`1` -> `V1`).
pub fn variant_name(value: &str) -> String {
    let pascal_already = value.starts_with(|c: char| c.is_ascii_uppercase())
        && value.chars().all(|c| c.is_ascii_alphanumeric())
        && value.chars().any(|c| c.is_ascii_lowercase());
    let mut name = if pascal_already {
        value.to_owned()
    } else {
        value
            .split(|c: char| !c.is_alphanumeric())
            .map(|word| {
                let mut chars = word.chars();
                chars
                    .next()
                    .map(|first| {
                        first
                            .to_uppercase()
                            .chain(chars.as_str().to_lowercase().chars())
                            .collect::<String>()
                    })
                    .unwrap_or_default()
            })
            .collect::<String>()
    };
    name.retain(|c| c.is_ascii_alphanumeric());
    if name.is_empty() {
        name.push_str("Empty");
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, 'V');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_fields_as_generate_py_made_them() {
        assert_eq!(snake_case("HTTPStatusCode"), "http_status_code");
        assert_eq!(snake_case("imageIds"), "image_ids");
        assert_eq!(snake_case("MD5OfBody"), "md5_of_body");
        assert_eq!(snake_case("AWSAccountIds"), "aws_account_ids");
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("detail-type"), "detail_type");
        assert_eq!(field_name("1st"), "_1st");
        assert_eq!(field_name("-"), "_key");
    }

    #[test]
    fn rules_spell_keys_as_the_macro_does() {
        assert_eq!(default_key("image_ids"), "imageIds");
        assert_eq!(default_key("r#type"), "type");
        assert_eq!(field_key(Some(Rule("PascalCase")), "queue_url"), "QueueUrl");
        assert_eq!(
            variant_value(Some(Rule("SCREAMING_SNAKE_CASE")), "ScanOnPush"),
            "SCAN_ON_PUSH"
        );
        assert_eq!(
            variant_value(Some(Rule("kebab-case")), "PublicRead"),
            "public-read"
        );
    }

    #[test]
    fn values_become_variants() {
        assert_eq!(variant_name("ImageNotFound"), "ImageNotFound");
        assert_eq!(variant_name("TAGGED"), "Tagged");
        assert_eq!(variant_name("us-east-1"), "UsEast1");
        assert_eq!(variant_name("1"), "V1");
        assert_eq!(variant_name("*"), "Empty");
    }
}

/// botocore's `xform_name`: an operation's or waiter's name as boto3's method
/// (`GetDownloadUrlForLayer` → `get_download_url_for_layer`) and, with `-`, as the AWS
/// CLI's command. The same three steps as botocore: a trailing run of capitals plus `s`
/// (`ARNs`) split off whole, then `split_words`' two.
pub fn xform_name(name: &str, sep: char) -> String {
    if name.contains(sep) {
        return name.to_owned();
    }
    let chars: Vec<char> = name.chars().collect();
    let mut name: Vec<char> = chars.clone();
    // `[A-Z]{2,}s$`: the leftmost start of a run of capitals that ends one before the end.
    if chars.last() == Some(&'s') {
        let capitals = chars[..chars.len() - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_uppercase())
            .count();
        if capitals >= 2 {
            let at = chars.len() - 1 - capitals;
            name = chars[..at].to_vec();
            name.push(sep);
            name.extend(chars[at..].iter().map(char::to_ascii_lowercase));
        }
    }
    split_words(&name, sep)
}

#[cfg(test)]
mod xform_tests {
    use super::xform_name;

    /// What botocore 1.43.117's `xform_name` answers (checked with Python).
    #[test]
    fn as_botocore_names_methods_and_commands() {
        for (name, method, command) in [
            ("DescribeImages", "describe_images", "describe-images"),
            (
                "GetDownloadUrlForLayer",
                "get_download_url_for_layer",
                "get-download-url-for-layer",
            ),
            (
                "BatchGetRepositoryScanningConfiguration",
                "batch_get_repository_scanning_configuration",
                "batch-get-repository-scanning-configuration",
            ),
            (
                "ListTagsForResource",
                "list_tags_for_resource",
                "list-tags-for-resource",
            ),
            (
                "ImageScanComplete",
                "image_scan_complete",
                "image-scan-complete",
            ),
            (
                "DescribeDBInstances",
                "describe_db_instances",
                "describe-db-instances",
            ),
            ("ListARNs", "list_arns", "list-arns"),
            (
                "CreateCacheSecurityGroup2",
                "create_cache_security_group2",
                "create-cache-security-group2",
            ),
            ("already_snake", "already_snake", "already_snake"),
        ] {
            assert_eq!(xform_name(name, '_'), method, "{name}");
            assert_eq!(xform_name(name, '-'), command, "{name}");
        }
    }
}
