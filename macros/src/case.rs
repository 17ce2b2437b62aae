//! The documented naming rules: field names to camelCase keys, variant names to literal
//! values under `rename_all`.

/// `repository_name` → `repositoryName`; `r#type` → `type`.
pub fn camel_case(field: &str) -> String {
    let field = field.strip_prefix("r#").unwrap_or(field);
    let mut key = String::with_capacity(field.len());
    let mut capitalize_next = false;
    for c in field.chars() {
        if c == '_' && !key.is_empty() {
            capitalize_next = true;
        } else if capitalize_next {
            key.extend(c.to_uppercase());
            capitalize_next = false;
        } else {
            key.push(c);
        }
    }
    key
}

/// The `rename_all` rules for literal values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenameRule {
    /// `InProgress` → `IN_PROGRESS`
    ScreamingSnake,
    /// `DescribeImages` → `describe_images`
    Snake,
    /// `DescribeImages` → `describeImages`
    Camel,
}

impl RenameRule {
    /// The rule a `rename_all` string names.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "SCREAMING_SNAKE_CASE" => Some(RenameRule::ScreamingSnake),
            "snake_case" => Some(RenameRule::Snake),
            "camelCase" => Some(RenameRule::Camel),
            _ => None,
        }
    }

    /// The names `rename_all` accepts, for error messages.
    pub const NAMES: &'static str = "\"SCREAMING_SNAKE_CASE\", \"snake_case\", \"camelCase\"";

    /// Applies the rule to a PascalCase variant name.
    pub fn apply(self, variant: &str) -> String {
        match self {
            RenameRule::ScreamingSnake => snake_words(variant).to_uppercase(),
            RenameRule::Snake => snake_words(variant),
            RenameRule::Camel => {
                let mut chars = variant.chars();
                chars
                    .next()
                    .map(|first| first.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
        }
    }
}

/// `InProgress` → `in_progress`; `Aes256` → `aes256` (digits join the word before them).
fn snake_words(pascal: &str) -> String {
    let mut words = String::with_capacity(pascal.len() + 4);
    for (index, c) in pascal.char_indices() {
        if c.is_uppercase() && index > 0 {
            words.push('_');
        }
        words.extend(c.to_lowercase());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_camel_case_keys() {
        assert_eq!(camel_case("repository_name"), "repositoryName");
        assert_eq!(camel_case("r#type"), "type");
        assert_eq!(camel_case("filter"), "filter");
        assert_eq!(camel_case("image_id_2"), "imageId2");
    }

    #[test]
    fn variants_follow_rename_all() {
        let screaming = RenameRule::ScreamingSnake;
        assert_eq!(screaming.apply("InProgress"), "IN_PROGRESS");
        assert_eq!(screaming.apply("Aes256"), "AES256");
        assert_eq!(RenameRule::Snake.apply("DescribeImages"), "describe_images");
        assert_eq!(RenameRule::Camel.apply("DescribeImages"), "describeImages");
    }
}
