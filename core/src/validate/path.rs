//! The JSON path of the value being checked: a stack of borrowed steps, rendered as text
//! only for the errors a report keeps.

use crate::json::read::RawString;

/// One step down from the document's root. `Copy`, so that leaving a step costs no drop:
/// the walk pushes and pops one for every key it reads.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    /// An object key as written between its quotes, unescaped only when a path is
    /// rendered.
    Key(RawString<'a>),
    /// A list position.
    Index(usize),
}

/// Renders `$`, then `.key` for identifier-like keys, `['odd key']` for others and `[3]`
/// for list positions.
pub(crate) fn render(steps: &[Step<'_>]) -> String {
    let mut path = String::from("$");
    for step in steps {
        match step {
            Step::Index(index) => {
                path.push('[');
                path.push_str(itoa(*index, &mut [0; 20]));
                path.push(']');
            }
            Step::Key(key) => {
                let key = key.value();
                if is_identifier(&key) {
                    path.push('.');
                    path.push_str(&key);
                    continue;
                }
                path.reserve(key.len() + 4);
                path.push_str("['");
                for c in key.chars() {
                    if c == '\'' || c == '\\' {
                        path.push('\\');
                    }
                    path.push(c);
                }
                path.push_str("']");
            }
        }
    }
    path
}

fn itoa(mut n: usize, buffer: &mut [u8; 20]) -> &str {
    let mut at = buffer.len();
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buffer[at..]).unwrap_or("0")
}

fn is_identifier(key: &str) -> bool {
    let mut bytes = key.bytes();
    matches!(bytes.next(), Some(c) if c.is_ascii_alphabetic() || c == b'_')
        && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_are_not_identifiers_are_quoted() {
        let steps = [
            Step::Key(RawString::plain("imageDetails")),
            Step::Index(2),
            Step::Key(RawString::plain("it's odd")),
            Step::Key(RawString::plain("")),
            Step::Key(RawString::plain("back\\slash")),
            Step::Key(RawString {
                raw: "tab\\there",
                escaped: true,
            }),
            Step::Index(0),
            Step::Index(12_345),
        ];
        let path = render(&steps);
        assert_eq!(
            path,
            "$.imageDetails[2]['it\\'s odd']['']['back\\\\slash']['tab\there'][0][12345]"
        );
    }
}
