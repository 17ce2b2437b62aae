//! A description (the model's Markdown) wrapped to the terminal for `show`.

/// The width descriptions are wrapped to when standard output is no terminal.
pub const DEFAULT_WIDTH: usize = 80;

/// The narrowest width wrapped to: a tiny terminal still gets readable lines.
const MIN_WIDTH: usize = 40;

/// Standard output's width if it is a terminal, else [`DEFAULT_WIDTH`].
pub fn terminal_width() -> usize {
    console::Term::stdout()
        .size_checked()
        .map_or(DEFAULT_WIDTH, |(_, columns)| usize::from(columns))
}

/// `text`'s paragraphs and list items as lines of at most `width` characters (a longer
/// word stands alone), each starting with `indent`; list items keep their `- ` and
/// continue under their text.
pub fn wrap(text: &str, indent: &str, width: usize) -> Vec<String> {
    let width = width.max(MIN_WIDTH).saturating_sub(indent.chars().count());
    let mut lines = Vec::new();
    for block in text.split("\n\n") {
        for line in block.split('\n') {
            let (first, rest, body) = match line.strip_prefix("- ") {
                Some(item) => ("- ", "  ", item),
                None => ("", "", line),
            };
            let mut current = String::from(first);
            let mut empty = true;
            for word in body.split_whitespace() {
                let len = current.chars().count();
                if !empty && len + 1 + word.chars().count() > width {
                    lines.push(format!("{indent}{current}"));
                    current = String::from(rest);
                    empty = true;
                }
                if !empty {
                    current.push(' ');
                }
                current.push_str(word);
                empty = false;
            }
            lines.push(format!("{indent}{current}"));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn paragraphs_and_items_wrap_under_their_indent() {
        let text = "One two three four five six seven eight nine ten eleven twelve thirteen.\n\n- alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\n- b";
        let lines = wrap(text, "    ", 44);
        assert_eq!(
            lines,
            [
                "    One two three four five six seven eight",
                "    nine ten eleven twelve thirteen.",
                "    - alpha beta gamma delta epsilon zeta",
                "      eta theta iota kappa lambda mu",
                "    - b",
            ]
        );
        assert!(lines.iter().all(|l| l.chars().count() <= 44));
    }

    #[test]
    fn a_long_word_stands_alone() {
        let long = "x".repeat(60);
        assert_eq!(
            wrap(&format!("a {long} b"), "", 40),
            ["a", long.as_str(), "b"]
        );
    }
}
