//! Comment text: rustfmt does not wrap comments, so the generator wraps them, at the
//! width ecr-types' modules have always had.

/// The width of a `//!` or `///` line's text.
pub const DOC_WIDTH: usize = 92;

/// Words of `text` in lines of at most `width` characters (a longer word stands alone).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
}

/// A paragraph as `///` lines indented by `indent`.
pub fn doc_lines(text: &str, indent: &str) -> Vec<String> {
    wrap(text, DOC_WIDTH - indent.len())
        .into_iter()
        .map(|line| format!("{indent}/// {line}"))
        .collect()
}

/// Markdown blocks as `///` lines: paragraphs wrapped, a blank doc line between blocks,
/// list items wrapped under their `- `.
pub fn blocks_lines(blocks: &[crate::model::Block], indent: &str) -> Vec<String> {
    use crate::model::Block;
    let mut lines = Vec::new();
    for block in blocks {
        if !lines.is_empty() {
            lines.push(format!("{indent}///"));
        }
        match block {
            Block::Paragraph(text) => lines.extend(doc_lines(text, indent)),
            Block::List(items) => {
                for item in items {
                    for (i, line) in wrap(item, DOC_WIDTH - indent.len() - 2)
                        .into_iter()
                        .enumerate()
                    {
                        let mark = if i == 0 { "- " } else { "  " };
                        lines.push(format!("{indent}/// {mark}{line}"));
                    }
                }
            }
        }
    }
    lines
}

/// A paragraph as `//` lines indented by `indent`.
pub fn comment_lines(text: &str, indent: &str) -> Vec<String> {
    wrap(text, DOC_WIDTH + 1 - indent.len())
        .into_iter()
        .map(|line| format!("{indent}// {line}"))
        .collect()
}

/// A paragraph as `//!` lines.
pub fn module_doc(text: &str) -> Vec<String> {
    wrap(text, DOC_WIDTH)
        .into_iter()
        .map(|line| format!("//! {line}"))
        .collect()
}

/// A Rust string literal of `text`.
pub fn string_literal(text: &str) -> String {
    format!("{text:?}")
}
