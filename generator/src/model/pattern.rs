//! The model's patterns are Java regular expressions; the macro checks them with the
//! regex crate. The two agree on everything ECR's patterns use but the shorthand classes:
//! Java's `\w`, `\d` and `\s` are ASCII, Rust's Unicode (`\w` would accept `é`, which the
//! service refuses). So each becomes the ASCII class Java means; inside a bracket it is a
//! nested class, which the regex crate reads as a union.

/// A Java pattern in the regex crate's syntax, meaning the same.
pub fn java_to_rust(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(escaped) = chars.next() else {
            out.push(c);
            break;
        };
        match ascii_class(escaped) {
            Some(class) => out.push_str(class),
            None => {
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
        assert_eq!(java_to_rust(r"[\w+=,.@-]+"), "[[0-9A-Za-z_]+=,.@-]+");
        assert_eq!(java_to_rust(r"\d{12}"), "[0-9]{12}");
    }

    #[test]
    fn other_escapes_stay() {
        assert_eq!(java_to_rust(r"key\/[a-z\-]+\\w"), r"key\/[a-z\-]+\\w");
        assert_eq!(java_to_rust("ends\\"), "ends\\");
    }
}
