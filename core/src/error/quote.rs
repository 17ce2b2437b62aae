//! A payload's value quoted in a message, shortened as pydantic shortens `input_value`, so
//! that one message has one bounded size whatever the payload holds.

use std::fmt;

use super::render::Thousands;

/// The most characters a value is quoted with in full.
const MAX_CHARS: usize = 50;
/// Characters kept from the start of a longer value.
const HEAD_CHARS: usize = 25;
/// Characters kept from the end of a longer value.
const TAIL_CHARS: usize = 24;

/// Displays text read from a payload (a literal's value, a timestamp string, a key, a
/// number's digits) between quote marks, whole when short, shortened when long:
///
/// ```text
/// 'DONE'
/// 'aaaaaaaaaaaaaaaaaaaaaaaaa...aaaaaaaaaaaaaaaaaaaaaaaa' (10,000,000 characters)
/// ```
///
/// The rule is pydantic-core's, the one behind `input_value=` in its error display
/// (`truncate_input_value!` in `src/errors/validation_exception.rs`): a value longer than
/// 50 is shown as its first 25, `...`, and its last 24. pydantic applies it to the bytes of
/// the value's `repr` (quotes included); here it applies to the value's characters
/// (Unicode scalar values, what `str::chars` yields), quote marks not counted, because:
///
/// - the service counts string lengths in characters, so a length a user compares with a
///   `max_length` must be in characters, and a byte limit would show three times fewer
///   characters of CJK text than of ASCII for the same budget;
/// - cutting between characters never splits one, so the cut needs no boundary fix-up.
///
/// Unlike pydantic, whose error also carries the whole input as data, the message is all
/// a report holds of the value: a shortened value is followed by its length, with a comma
/// every three digits, so the reader knows how much was left out. The length is counted
/// in characters as well (a value of combining sequences counts each mark, as Python's
/// `len` does); a cut may separate a combining mark from its base, which only changes how
/// those two characters look in the message.
///
/// Whatever the value, a quoted one is at most 49 characters of the payload and a few
/// dozen of ours; the characters [`Escaped`](super::Escaped) escapes at display are
/// counted once each here, so a message stays bounded after escaping too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quoted<'a> {
    text: &'a str,
    mark: &'static str,
}

impl<'a> Quoted<'a> {
    /// `'text'`: how literal values are quoted, as Python's `repr` quotes a `str`.
    pub(crate) const fn single(text: &'a str) -> Self {
        Quoted { text, mark: "'" }
    }

    /// `` `text` ``: how keys and timestamp strings are quoted in their messages.
    pub(crate) const fn backticks(text: &'a str) -> Self {
        Quoted { text, mark: "`" }
    }

    /// `text` without marks: for a number's digits, which are not a string on the wire.
    pub(crate) const fn bare(text: &'a str) -> Self {
        Quoted { text, mark: "" }
    }
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Quoted { text, mark } = *self;
        // Only the first 51 characters are looked at to decide: a short value costs no
        // count of a long one, and a long one is counted once, below.
        if text.char_indices().nth(MAX_CHARS).is_none() {
            return write!(f, "{mark}{text}{mark}");
        }
        // More than 50 characters: the head and the tail (49 together) do not overlap.
        let head_end = text
            .char_indices()
            .nth(HEAD_CHARS)
            .map_or(text.len(), |(index, _)| index);
        let tail_start = text
            .char_indices()
            .rev()
            .nth(TAIL_CHARS - 1)
            .map_or(0, |(index, _)| index);
        let length = text.chars().count();
        write!(
            f,
            "{mark}{}...{}{mark} ({} characters)",
            &text[..head_end],
            &text[tail_start..],
            Thousands(length)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_up_to_fifty_characters_is_quoted_whole() {
        assert_eq!(Quoted::single("").to_string(), "''");
        assert_eq!(Quoted::backticks("").to_string(), "``");
        assert_eq!(Quoted::bare("").to_string(), "");
        assert_eq!(Quoted::single("DONE").to_string(), "'DONE'");
        let fifty = "a".repeat(50);
        assert_eq!(Quoted::single(&fifty).to_string(), format!("'{fifty}'"));
        // Fifty characters of four bytes each: the limit counts characters, not bytes.
        let wide = "😀".repeat(50);
        assert_eq!(Quoted::backticks(&wide).to_string(), format!("`{wide}`"));
    }

    #[test]
    fn one_character_past_the_limit_is_shortened_and_its_length_named() {
        let text: String = ('a'..='z').chain('A'..='Y').collect();
        assert_eq!(text.chars().count(), 51);
        assert_eq!(
            Quoted::single(&text).to_string(),
            "'abcdefghijklmnopqrstuvwxy...BCDEFGHIJKLMNOPQRSTUVWXY' (51 characters)"
        );
        assert_eq!(
            Quoted::bare(&"1".repeat(60)).to_string(),
            format!("{}...{} (60 characters)", "1".repeat(25), "1".repeat(24))
        );
    }

    #[test]
    fn ten_million_characters_are_counted_with_separators() {
        let huge = "a".repeat(10_000_000);
        let shown = Quoted::single(&huge).to_string();
        assert_eq!(
            shown,
            format!(
                "'{}...{}' (10,000,000 characters)",
                "a".repeat(25),
                "a".repeat(24)
            )
        );
        assert!(shown.len() < 100, "{}", shown.len());
    }

    #[test]
    fn multibyte_characters_straddling_the_cut_are_kept_whole() {
        // Characters of 1, 2, 3 and 4 bytes in turn: the 25th and the 24th from the end
        // end or start at every offset within a character.
        let cycle = ['a', 'é', '日', '😀'];
        for skew in 0..cycle.len() {
            let text: String = (0..101).map(|i| cycle[(i + skew) % cycle.len()]).collect();
            let shown = Quoted::single(&text).to_string();
            let inner = shown
                .strip_prefix('\'')
                .and_then(|rest| rest.strip_suffix("' (101 characters)"))
                .expect(&shown);
            let (head, tail) = inner.split_once("...").expect(&shown);
            assert_eq!(head.chars().count(), 25, "{shown}");
            assert_eq!(tail.chars().count(), 24, "{shown}");
            assert!(text.starts_with(head) && text.ends_with(tail), "{shown}");
        }
        // Fifty-one characters of four bytes each: one past the limit in characters.
        let emoji = "😀".repeat(51);
        assert_eq!(
            Quoted::single(&emoji).to_string(),
            format!(
                "'{}...{}' (51 characters)",
                "😀".repeat(25),
                "😀".repeat(24)
            )
        );
    }

    #[test]
    fn combining_characters_count_one_each() {
        // `e` and U+0301 are one letter on screen, two characters to the service.
        let accented = "e\u{301}".repeat(25);
        assert_eq!(accented.chars().count(), 50);
        assert_eq!(
            Quoted::single(&accented).to_string(),
            format!("'{accented}'")
        );
        let longer = format!("{accented}e\u{301}");
        let shown = Quoted::single(&longer).to_string();
        assert!(shown.ends_with("' (52 characters)"), "{shown}");
        // The 25th character is an `e`; its mark starts the part left out.
        assert!(
            shown.starts_with(&format!("'{}e...", "e\u{301}".repeat(12))),
            "{shown}"
        );
        assert!(
            shown.contains(&format!("...{}'", "e\u{301}".repeat(12))),
            "{shown}"
        );
    }
}
