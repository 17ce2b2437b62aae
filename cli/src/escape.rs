//! Payload text made safe to print: no character of a payload (or of a file name) can move
//! the cursor, retitle or clear the terminal, start a new line, or reorder what is shown.
//!
//! Escaped: every character of Unicode general category Cc (C0 controls, DEL, C1
//! controls), Cf (format characters: the bidi embeddings, overrides, isolates and marks
//! such as U+202E, zero-width characters, U+FEFF, soft hyphen, tag characters), Zl and Zp
//! (U+2028, U+2029), and the whole tag block U+E0000 to U+E007F. The text report writes
//! `\n`, `\r` and `\t` for those three and `\u{1b}` (hex, as Rust writes it) for the others; the JSON report writes `\u001b`, which
//! a JSON reader turns back into the original character. Backslashes are not doubled, so
//! paths keep core's `['it\'s']` form: a payload can *show* the text `\u{1b}`, never emit
//! the character.
//!
//! The set of characters is core's ([`typed_dict::error::Escaped`]): the reports core renders and
//! the command line's own lines (file names, the JSON report) escape the same ones.

use std::io;

/// Displays text with every escaped character written as an escape (core's, which its
/// reports use too).
pub use typed_dict::error::Escaped;

/// Whether `c` is printed escaped.
pub fn is_escaped(c: char) -> bool {
    Escaped::escapes(c)
}

/// serde_json's compact output, with the escaped characters written as `\uXXXX` too
/// (serde_json itself escapes only C0 controls, `"` and `\`).
#[derive(Debug, Clone, Copy, Default)]
pub struct SafeJson;

impl serde_json::ser::Formatter for SafeJson {
    fn write_string_fragment<W>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()>
    where
        W: ?Sized + io::Write,
    {
        let mut start = 0;
        for (index, c) in fragment.char_indices() {
            if !is_escaped(c) {
                continue;
            }
            writer.write_all(&fragment.as_bytes()[start..index])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(writer, "\\u{unit:04x}")?;
            }
            start = index + c.len_utf8();
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

/// Writes `value` as one line of JSON in which no escaped character stands raw.
pub fn write_json<W: io::Write, T: serde::Serialize>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(writer, SafeJson);
    value.serialize(&mut serializer).map_err(io::Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_the_same_characters_and_reads_back_the_same_text() {
        let text = "\u{1b}]0;x\u{7}\u{7f}\u{85}\u{9b}\u{202E}\u{E0041}é\"\\\n";
        let mut out = Vec::new();
        write_json(&mut out, &text).unwrap();
        let json = String::from_utf8(out).unwrap();
        assert!(json.chars().all(|c| !is_escaped(c)), "{json}");
        assert!(
            json.contains(r"\u202e") && json.contains(r"\udb40\udc41"),
            "{json}"
        );
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back, text);
    }
}
