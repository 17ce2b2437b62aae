//! Payload text made safe to print: no character of a payload can move the cursor,
//! retitle or clear a terminal, start a line of its own in a log, or reorder what is shown.

use std::fmt;

/// The characters escaped: general categories Cc, Cf, Zl and Zp (Unicode 16), with the
/// unassigned code points inside the format blocks (U+2065, and U+E0000 and U+E0002 to
/// U+E001F of the tag block) as well, in case a later Unicode assigns them.
const ESCAPED: &[(u32, u32)] = &[
    (0x0000, 0x001F),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x2028, 0x202E),
    (0x2060, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),
];

/// Displays text that may come from a payload (a key in a path, a bad value in a message)
/// with every control and format character escaped: Unicode categories Cc (C0, DEL, C1:
/// ESC, BEL, newline, ...), Cf (bidi embeddings, overrides and isolates such as U+202E,
/// zero-width characters, U+FEFF, soft hyphen, tag characters), Zl and Zp (U+2028,
/// U+2029). `\n`, `\r` and `\t` are written so; the others as Rust writes them, `\u{1b}`.
///
/// Backslashes are not doubled, so paths keep their `['it\'s']` form: a payload can *show*
/// the text `\u{1b}`, never emit the character. [`ValidationError`](crate::ValidationError),
/// [`Error`](crate::Error) and [`Report`](crate::Report)
/// display through it; use it for the fields you print yourself.
///
/// ```
/// use typed_dict::error::Escaped;
/// assert_eq!(Escaped("a\u{1b}[2J\nb\u{202E}c").to_string(), r"a\u{1b}[2J\nb\u{202e}c");
/// assert_eq!(Escaped("日本 é ok").to_string(), "日本 é ok");
/// assert!(Escaped::escapes('\u{7}') && !Escaped::escapes('é'));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escaped<'a>(pub &'a str);

impl Escaped<'_> {
    /// Whether `c` is written escaped.
    pub fn escapes(c: char) -> bool {
        let c = u32::from(c);
        // Almost all text is printable ASCII: decide it without the table.
        if (0x20..0x7F).contains(&c) {
            return false;
        }
        ESCAPED
            .binary_search_by(|&(low, high)| {
                if high < c {
                    std::cmp::Ordering::Less
                } else if low > c {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }
}

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0;
        let mut start = 0;
        for (index, c) in text.char_indices() {
            if !Escaped::escapes(c) {
                continue;
            }
            f.write_str(&text[start..index])?;
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                _ => write!(f, "{}", c.escape_unicode())?,
            }
            start = index + c.len_utf8();
        }
        f.write_str(&text[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_control_character_is_escaped_and_printable_text_is_not() {
        for c in (0u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32) {
            assert!(Escaped::escapes(c), "{c:?}");
            let shown = Escaped(&c.to_string()).to_string();
            assert!(
                shown.starts_with('\\') && shown.is_ascii(),
                "{c:?} -> {shown}"
            );
            assert!(shown.chars().all(|c| !c.is_control()), "{c:?} -> {shown}");
        }
        for c in (0x20u32..0x7F).filter_map(char::from_u32) {
            assert!(!Escaped::escapes(c), "{c:?}");
        }
        for c in ['é', 'ß', '日', '😀', '\u{FFFD}', '\u{A0}'] {
            assert!(!Escaped::escapes(c), "{c:?}");
        }
    }

    #[test]
    fn bidi_and_invisible_characters_are_escaped() {
        for c in [
            '\u{202E}',
            '\u{202A}',
            '\u{2066}',
            '\u{2069}',
            '\u{200E}',
            '\u{200F}',
            '\u{061C}',
            '\u{200B}',
            '\u{200D}',
            '\u{2060}',
            '\u{FEFF}',
            '\u{00AD}',
            '\u{2028}',
            '\u{2029}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{E0000}',
            '\u{E0010}',
            '\u{2065}',
        ] {
            assert!(Escaped::escapes(c), "{c:?}");
        }
        assert_eq!(
            Escaped("a\u{202E}b\u{1b}[2J\nc\td\r").to_string(),
            r"a\u{202e}b\u{1b}[2J\nc\td\r"
        );
    }

    #[test]
    fn the_table_is_sorted_and_disjoint() {
        for pair in ESCAPED.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:?}");
        }
    }
}
