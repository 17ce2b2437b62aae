//! The model's patterns are Java regular expressions; the macro matches them with the
//! regex-lite crate. The two agree on everything ECR's patterns use. The shorthand classes
//! (`\w`, `\d`, `\s`) are ASCII in both, but are spelled out as the ASCII class Java means
//! all the same, so that the pattern keeps its meaning in any engine: the full regex crate's
//! (the reliability crate's reference, JSON Schema validators) are Unicode, and `\w` would
//! accept `é`, which the service refuses. Inside a bracket the class's ranges join the bracket's
//! (regex-lite has no nested classes).

/// A Java pattern in regex-lite's syntax, meaning the same.
pub fn java_to_rust(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars().peekable();
    // How deep inside brackets: Java nests classes (`[a[b]]`) as a union.
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(escaped) = chars.next() else {
            out.push(c);
            break;
        };
        match (ascii_class(escaped), depth) {
            (Some(class), 0) => out.push_str(class),
            // Inside a bracket the ranges join the bracket's own (regex-lite has no nested
            // classes); a `-` right after them is a literal, as in Java, not a range.
            (Some(class), _) if !class.starts_with("[^") => {
                out.push_str(&class[1..class.len() - 1]);
                if chars.next_if_eq(&'-').is_some() {
                    out.push_str("\\-");
                }
            }
            // A negated class in a bracket cannot be spliced; regex-lite's own is ASCII,
            // as Java's is.
            _ => {
                out.push('\\');
                out.push(escaped);
            }
        }
    }
    out
}

/// Java's meaning of a shorthand class (`java.util.regex.Pattern`, without
/// `UNICODE_CHARACTER_CLASS`).
fn ascii_class(shorthand: char) -> Option<&'static str> {
    Some(match shorthand {
        'w' => "[0-9A-Za-z_]",
        'W' => "[^0-9A-Za-z_]",
        'd' => "[0-9]",
        'D' => "[^0-9]",
        's' => r"[\t\n\x0B\x0C\r ]",
        'S' => r"[^\t\n\x0B\x0C\r ]",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::java_to_rust;

    #[test]
    fn shorthand_classes_become_ascii() {
        assert_eq!(java_to_rust(r"^\S+$"), r"^[^\t\n\x0B\x0C\r ]+$");
        assert_eq!(java_to_rust(r"[\w+=,.@-]+"), "[0-9A-Za-z_+=,.@-]+");
        assert_eq!(java_to_rust(r"[\w-z]"), r"[0-9A-Za-z_\-z]");
        assert_eq!(java_to_rust(r"[a\W]\W"), r"[a\W][^0-9A-Za-z_]");
        assert_eq!(java_to_rust(r"\d{12}"), "[0-9]{12}");
    }

    #[test]
    fn other_escapes_stay() {
        assert_eq!(java_to_rust(r"key\/[a-z\-]+\\w"), r"key\/[a-z\-]+\\w");
        assert_eq!(java_to_rust("ends\\"), "ends\\");
    }
}
