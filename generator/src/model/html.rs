//! The model's documentation is HTML (`<p>`, `<code>`, `<a>`, `<ul>`, `<note>`, ...); rustdoc,
//! JSON Schema and a terminal want Markdown. An element the converter does not know is an
//! error rather than a raw tag in the output.

use tl::{Node, NodeHandle, Parser, ParserOptions};

/// A block of Markdown: a paragraph, or a list of items (each one line of inline text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Inline Markdown, one line.
    Paragraph(String),
    /// Bullet items, each inline Markdown on one line.
    List(Vec<String>),
}

impl Block {
    /// The block as Markdown text, unwrapped.
    pub fn text(&self) -> String {
        match self {
            Block::Paragraph(text) => text.clone(),
            Block::List(items) => items
                .iter()
                .map(|item| format!("- {item}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// The blocks of an HTML fragment; an empty fragment has none.
pub fn markdown(html: &str) -> Result<Vec<Block>, String> {
    let dom = tl::parse(html, ParserOptions::default())
        .map_err(|error| format!("documentation is not HTML: {error}"))?;
    let parser = dom.parser();
    let mut out = Blocks::default();
    for handle in dom.children() {
        out.node(*handle, parser)?;
    }
    out.flush();
    Ok(out.blocks)
}

#[derive(Default)]
struct Blocks {
    blocks: Vec<Block>,
    inline: String,
    /// `**Note:** `, put before the next paragraph (a note's text is in `<p>`s of its own).
    label: Option<&'static str>,
}

impl Blocks {
    fn flush(&mut self) {
        let text = collapse(&self.inline);
        self.inline.clear();
        if !text.is_empty() {
            let label = self.label.take().unwrap_or_default();
            self.blocks.push(Block::Paragraph(format!("{label}{text}")));
        }
    }

    fn node(&mut self, handle: NodeHandle, parser: &Parser<'_>) -> Result<(), String> {
        let Some(node) = handle.get(parser) else {
            return Ok(());
        };
        let tag = match node {
            Node::Raw(text) => {
                self.inline.push_str(&text_markdown(&text.as_utf8_str()));
                return Ok(());
            }
            Node::Comment(_) => return Ok(()),
            Node::Tag(tag) => tag,
        };
        let name = tag.name().as_utf8_str().to_ascii_lowercase();
        match name.as_str() {
            "p" | "div" | "fullname" | "note" | "important" => {
                self.flush();
                match name.as_str() {
                    "note" => self.label = Some("**Note:** "),
                    "important" => self.label = Some("**Important:** "),
                    _ => {}
                }
                for child in tag.children().top().as_slice().iter() {
                    self.node(*child, parser)?;
                }
                self.flush();
                self.label = None;
            }
            "ul" | "ol" => {
                self.flush();
                let mut items = Vec::new();
                for child in tag.children().top().as_slice().iter() {
                    match child.get(parser) {
                        Some(Node::Tag(item)) if item.name().as_utf8_str() == "li" => {
                            let text = inline(item.children().top().as_slice(), parser)?;
                            if !text.is_empty() {
                                items.push(text);
                            }
                        }
                        Some(Node::Raw(text)) if text.as_utf8_str().trim().is_empty() => {}
                        Some(Node::Comment(_)) | None => {}
                        Some(_) => {
                            return Err(format!("`<{name}>` holds something other than `<li>`"))
                        }
                    }
                }
                if !items.is_empty() {
                    self.blocks.push(Block::List(items));
                }
            }
            "li" => {
                self.flush();
                let text = inline(tag.children().top().as_slice(), parser)?;
                if !text.is_empty() {
                    self.blocks.push(Block::List(vec![text]));
                }
            }
            _ => {
                let text = inline_tag(&name, tag, parser)?;
                self.inline.push_str(&text);
            }
        }
        Ok(())
    }
}

/// The inline Markdown of some nodes (a `<p>` inside them adds a space, not a paragraph).
fn inline(handles: &[NodeHandle], parser: &Parser<'_>) -> Result<String, String> {
    let mut text = String::new();
    for handle in handles {
        match handle.get(parser) {
            Some(Node::Raw(raw)) => text.push_str(&text_markdown(&raw.as_utf8_str())),
            Some(Node::Tag(tag)) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                if matches!(name.as_str(), "p" | "div") {
                    text.push(' ');
                    text.push_str(&inline(tag.children().top().as_slice(), parser)?);
                    text.push(' ');
                } else {
                    text.push_str(&inline_tag(&name, tag, parser)?);
                }
            }
            Some(Node::Comment(_)) | None => {}
        }
    }
    Ok(collapse(&text))
}

/// An inline element: `code`, a link, emphasis.
fn inline_tag(name: &str, tag: &tl::HTMLTag<'_>, parser: &Parser<'_>) -> Result<String, String> {
    let children = tag.children();
    let children = children.top().as_slice();
    Ok(match name {
        "code" => {
            let code = collapse(&decode_entities(&tag.inner_text(parser)));
            if code.is_empty() {
                String::new()
            } else if code.contains('`') {
                format!(" `` {code} `` ")
            } else {
                format!("`{code}`")
            }
        }
        "a" => {
            let text = inline(children, parser)?;
            let href = tag
                .attributes()
                .get("href")
                .flatten()
                .map(|href| decode_entities(&href.as_utf8_str()).trim().to_owned());
            match href {
                Some(href) if is_url(&href) && !text.is_empty() => {
                    if href.contains([' ', '(', ')', '<', '>']) {
                        format!("[{text}](<{}>)", href.replace(' ', "%20"))
                    } else {
                        format!("[{text}]({href})")
                    }
                }
                _ => text,
            }
        }
        "i" | "em" => emphasis(&inline(children, parser)?, "*"),
        "b" | "strong" => emphasis(&inline(children, parser)?, "**"),
        "br" => " ".to_owned(),
        "span" => inline(children, parser)?,
        other => {
            return Err(format!(
                "documentation holds `<{other}>`, which has no Markdown here"
            ))
        }
    })
}

fn emphasis(text: &str, mark: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {mark}{text}{mark} ")
    }
}

fn is_url(text: &str) -> bool {
    text.starts_with("https://") || text.starts_with("http://")
}

/// Whitespace runs as one space, trimmed; the space a tag added before punctuation goes.
fn collapse(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        let glued = word.starts_with(['.', ',', ';', ':', ')']) && !out.is_empty();
        if !out.is_empty() && !glued {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `&lt;` and the other entities the models use, as characters.
fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Text as Markdown that renders it as it is: the characters Markdown and rustdoc read as
/// syntax escaped, a bare URL made an autolink (rustdoc warns about bare ones), and a word
/// that could start a list or heading at a wrapped line's start escaped.
fn text_markdown(raw: &str) -> String {
    let text = decode_entities(raw);
    let mut out = String::with_capacity(text.len());
    // Keep the boundary whitespace: the text sits between inline elements.
    if text.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&word_markdown(word));
    }
    if text.ends_with(char::is_whitespace) && !words.is_empty() {
        out.push(' ');
    }
    out
}

fn word_markdown(word: &str) -> String {
    if let Some(start) = word.find("http://").or_else(|| word.find("https://")) {
        let (before, url) = word.split_at(start);
        let end = url.trim_end_matches(['.', ',', ';', ':', ')']).len();
        let (url, after) = url.split_at(end);
        return format!("{}<{url}>{}", escape(before), escape(after));
    }
    let starts_block = word.chars().all(|c| matches!(c, '-' | '+' | '=' | '#'))
        || word.starts_with('#')
        || (word.ends_with(['.', ')'])
            && word.len() > 1
            && word[..word.len() - 1].chars().all(|c| c.is_ascii_digit()));
    let escaped = escape(word);
    if starts_block && !escaped.starts_with('\\') {
        if word.starts_with(|c: char| c.is_ascii_digit()) {
            // `1.` → `1\.`: the digits stay, the marker is escaped.
            let (digits, mark) = escaped.split_at(escaped.len() - 1);
            return format!("{digits}\\{mark}");
        }
        return format!("\\{escaped}");
    }
    escaped
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{markdown, Block};

    fn paragraphs(html: &str) -> Vec<String> {
        markdown(html).unwrap().iter().map(Block::text).collect()
    }

    #[test]
    fn paragraphs_code_and_links() {
        assert_eq!(
            paragraphs(
                "<p>The name (such as <code>nginx-web-app</code>).</p> <p>See <a href=\"https://docs.aws.amazon.com/x.html\">the guide</a>.</p>"
            ),
            [
                "The name (such as `nginx-web-app`).",
                "See [the guide](https://docs.aws.amazon.com/x.html)."
            ]
        );
    }

    #[test]
    fn lists_notes_and_emphasis() {
        assert_eq!(
            paragraphs("<p>One of:</p><ul><li><p><code>A</code> - first</p></li><li>second</li></ul><note><p>Take <i>care</i>.</p></note>"),
            ["One of:", "- `A` \\- first\n- second", "**Note:** Take *care*."]
        );
    }

    #[test]
    fn syntax_in_text_is_escaped() {
        assert_eq!(
            paragraphs("<p>Tags [a] &lt;b&gt; *c* `d` at https://example.com/x. and 1. - #x</p>"),
            ["Tags \\[a\\] \\<b\\> \\*c\\* \\`d\\` at <https://example.com/x>. and 1\\. \\- \\#x"]
        );
    }

    #[test]
    fn an_unknown_element_is_an_error() {
        let error = markdown("<p>a <table>b</table></p>").unwrap_err();
        assert!(error.contains("`<table>`"), "{error}");
        assert_eq!(markdown("").unwrap(), []);
    }
}
