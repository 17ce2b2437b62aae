//! Where and why text stops being JSON, in the words and at the line and column
//! serde_json gives: users compare the two, and the CLI's reports have always quoted them.
//!
//! serde_json places an error either at the byte it last consumed or one past the byte it
//! peeked at (capped at the end of the text); the reader records that same offset, so the
//! position needs no second pass over the text.

use std::fmt;

/// The grammar rule the text breaks: one of serde_json's syntax error codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    EofWhileParsingList,
    EofWhileParsingObject,
    EofWhileParsingString,
    EofWhileParsingValue,
    ExpectedColon,
    ExpectedListCommaOrEnd,
    ExpectedObjectCommaOrEnd,
    ExpectedSomeIdent,
    ExpectedSomeValue,
    InvalidEscape,
    InvalidNumber,
    ControlCharacterWhileParsingString,
    KeyMustBeAString,
    LoneLeadingSurrogateInHexEscape,
    TrailingComma,
    TrailingCharacters,
    UnexpectedEndOfHexEscape,
    RecursionLimitExceeded,
    /// Bytes in a string that are not UTF-8: never reported in these words, since the
    /// error path checks the whole text and reports its first bad byte instead (see
    /// [`crate::json::read`]).
    InvalidUnicodeCodePoint,
}

impl Syntax {
    /// serde_json's wording of the code (its `ErrorCode`'s `Display`).
    pub(crate) const fn message(self) -> &'static str {
        match self {
            Syntax::EofWhileParsingList => "EOF while parsing a list",
            Syntax::EofWhileParsingObject => "EOF while parsing an object",
            Syntax::EofWhileParsingString => "EOF while parsing a string",
            Syntax::EofWhileParsingValue => "EOF while parsing a value",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedListCommaOrEnd => "expected `,` or `]`",
            Syntax::ExpectedObjectCommaOrEnd => "expected `,` or `}`",
            Syntax::ExpectedSomeIdent => "expected ident",
            Syntax::ExpectedSomeValue => "expected value",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::InvalidNumber => "invalid number",
            Syntax::ControlCharacterWhileParsingString => {
                "control character (\\u0000-\\u001F) found while parsing a string"
            }
            Syntax::KeyMustBeAString => "key must be a string",
            Syntax::LoneLeadingSurrogateInHexEscape => "lone leading surrogate in hex escape",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::UnexpectedEndOfHexEscape => "unexpected end of hex escape",
            Syntax::RecursionLimitExceeded => "recursion limit exceeded",
            Syntax::InvalidUnicodeCodePoint => "invalid unicode code point",
        }
    }
}

impl Syntax {
    /// The codes of a text that ends before its JSON does.
    const EOF: [Syntax; 4] = [
        Syntax::EofWhileParsingList,
        Syntax::EofWhileParsingObject,
        Syntax::EofWhileParsingString,
        Syntax::EofWhileParsingValue,
    ];
}

/// How the report of an input holding nothing but whitespace begins.
pub(crate) const EMPTY_INPUT: &str = "empty input";

/// Whether a malformed-JSON message, as this layer words one, says that the text ended
/// before its JSON did (empty input included, as serde_json counts it): what
/// [`Error::is_eof`](crate::Error::is_eof) reads, since a report keeps only the words.
pub(crate) fn says_eof(message: &str) -> bool {
    message.starts_with(EMPTY_INPUT)
        || Syntax::EOF
            .iter()
            .any(|syntax| message.contains(syntax.message()))
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// The first place the text stops being JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Malformed {
    /// The rule broken.
    pub(crate) syntax: Syntax,
    /// The byte offset serde_json computes its line and column from.
    pub(crate) at: usize,
}

impl Malformed {
    /// The error, placed where serde_json places it: its line and column in `text`.
    pub(crate) fn position(self, text: &[u8]) -> (usize, usize) {
        position(text, self.at)
    }
}

/// The line (from 1) and column of a byte offset, counted as serde_json counts them:
/// the column is the number of bytes between the line's start and the offset, so an
/// error on the first byte of a line is at column 0 and one past it at column 1.
pub(crate) fn position(text: &[u8], at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before[..line_start]
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count();
    (line, before.len() - line_start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_like_serde_json() {
        let text = b"{\n  \"a\": [1,\n  2,\n  x]\n}";
        let at = text.iter().position(|&byte| byte == b'x').unwrap();
        let error = serde_json::from_slice::<serde_json::Value>(text).unwrap_err();
        // serde_json reports a peeked byte one past it.
        assert_eq!(position(text, at + 1), (error.line(), error.column()));
        assert_eq!(position(b"", 0), (1, 0));
        assert_eq!(position(b"ab", 9), (1, 2), "capped at the end");
    }
}
