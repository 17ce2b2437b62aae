//! The JSON grammar, byte by byte, exactly as serde_json reads it (RFC 8259, no
//! extensions): what the fast path accepts, the walk accepts, and where it stops, the walk
//! stops too.
//!
//! Two ways to read a string: *checked* (as serde_json parses one into a `str`: escaped
//! surrogates must pair up), and *skipped* (as it ignores one: any four hex digits do).
//! Skipping a whole value keeps no stack but one byte per open bracket, so no nesting
//! depth can exhaust the call stack.

use std::borrow::Cow;

use super::number::Number;

/// Where and why the input stops being JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Malformed {
    /// A grammar error at this byte offset: serde_json's own message (it finds the same
    /// first error) describes it.
    Grammar(usize),
    /// An error serde_json reports only where it parses a value, not where it skips one:
    /// its message and the offset serde_json's position is computed from.
    Parse { at: usize, message: &'static str },
}

pub(crate) type Result<T> = std::result::Result<T, Malformed>;

/// A string as it appears between its quotes.
#[derive(Clone, Copy)]
pub(crate) struct RawString<'a> {
    pub(crate) raw: &'a str,
    pub(crate) escaped: bool,
}

impl<'a> RawString<'a> {
    /// The string's value, borrowed unless it has escapes.
    #[inline(always)]
    pub(crate) fn value(self) -> Cow<'a, str> {
        if self.escaped {
            Cow::Owned(unescape(self.raw))
        } else {
            Cow::Borrowed(self.raw)
        }
    }
}

/// Bytes that end a run of plain string content: the quote, the backslash, and the
/// control characters JSON forbids raw.
static STRING_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = true;
        byte += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table
};

/// The high bit of each byte of `word` (little-endian) that is a quote, a backslash or a
/// control character. Bytes above the first such byte may be flagged wrongly (a borrow
/// carries), so only the lowest flag counts.
#[inline]
fn string_stops(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let quote = word ^ (ONES * u64::from(b'"'));
    let backslash = word ^ (ONES * u64::from(b'\\'));
    let zero = |x: u64| x.wrapping_sub(ONES) & !x;
    let control = word.wrapping_sub(ONES * 0x20) & !word;
    (zero(quote) | zero(backslash) | control) & HIGH
}

/// The offset of the first quote, backslash or control character from `at` on (the
/// bytes that end plain string content when reading JSON, and that need escaping when
/// writing it), or the length of `bytes`. Sixteen bytes at a time (SSE2, which every
/// x86-64 has), then eight.
#[inline(always)]
pub(crate) fn plain_until(bytes: &[u8], mut at: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        match sse2::first_stop(bytes, at) {
            Ok(stop) => return stop,
            Err(tail) => at = tail,
        }
    }
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let stops = string_stops(word);
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if STRING_STOP[byte as usize] {
            break;
        }
        at += 1;
    }
    at
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    /// The offset of the first quote, backslash or control character from `at` on, or
    /// `Err` with where the last whole sixteen bytes end, if none is in them.
    #[inline]
    pub(super) fn first_stop(bytes: &[u8], mut at: usize) -> Result<usize, usize> {
        // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always
        // available; each load reads sixteen bytes `bytes.get` has shown to be there.
        unsafe {
            let quote = _mm_set1_epi8(b'"' as i8);
            let backslash = _mm_set1_epi8(b'\\' as i8);
            let control = _mm_set1_epi8(0x1f);
            while let Some(chunk) = bytes.get(at..at + 16) {
                let chunk = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
                let stops = _mm_or_si128(
                    _mm_or_si128(
                        _mm_cmpeq_epi8(chunk, quote),
                        _mm_cmpeq_epi8(chunk, backslash),
                    ),
                    // max(byte, 0x1f) == 0x1f: the byte is at most 0x1f, unsigned.
                    _mm_cmpeq_epi8(_mm_max_epu8(chunk, control), control),
                );
                let mask = _mm_movemask_epi8(stops);
                if mask != 0 {
                    return Ok(at + mask.trailing_zeros() as usize);
                }
                at += 16;
            }
        }
        Err(at)
    }
}

/// A cursor over JSON text.
pub(crate) struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pub(crate) pos: usize,
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        }
    }

    /// The first byte that is not whitespace, not consumed.
    #[inline(always)]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        while let Some(&byte) = self.bytes.get(self.pos) {
            if !matches!(byte, b' ' | b'\n' | b'\t' | b'\r') {
                return Some(byte);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes the byte [`Lexer::peek`] returned.
    #[inline]
    pub(crate) fn bump(&mut self) {
        self.pos += 1;
    }

    /// The text from `start` to the cursor.
    pub(crate) fn since(&self, start: usize) -> &'a str {
        &self.text[start..self.pos]
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// After an opening bracket: whether the container has a first entry.
    #[inline(always)]
    pub(crate) fn first_entry(&mut self, close: u8) -> bool {
        if self.peek() == Some(close) {
            self.bump();
            false
        } else {
            true
        }
    }

    /// After an entry of a container the walk checks: whether another follows (a comma)
    /// or the container ends. serde_json names a trailing comma where it parses a
    /// container, not where it skips one.
    #[inline(always)]
    pub(crate) fn next_entry(&mut self, close: u8) -> Result<bool> {
        if !self.next_skipped_entry(close)? {
            return Ok(false);
        }
        match self.peek() {
            Some(byte) if byte == close => Err(self.parse_error("trailing comma")),
            None => Err(self.parse_error("EOF while parsing a value")),
            Some(_) => Ok(true),
        }
    }

    /// After an entry of a skipped container: whether another follows or it ends.
    #[inline(always)]
    fn next_skipped_entry(&mut self, close: u8) -> Result<bool> {
        match self.peek() {
            Some(b',') => {
                self.bump();
                Ok(true)
            }
            Some(byte) if byte == close => {
                self.bump();
                Ok(false)
            }
            _ => Err(Malformed::Grammar(self.pos)),
        }
    }

    /// An error serde_json reports about the byte it peeked at.
    #[cold]
    pub(crate) fn parse_error(&self, message: &'static str) -> Malformed {
        Malformed::Parse {
            at: (self.pos + 1).min(self.bytes.len()),
            message,
        }
    }

    /// An object key and its colon, checked.
    #[inline(always)]
    pub(crate) fn key(&mut self) -> Result<RawString<'a>> {
        if self.peek() != Some(b'"') {
            return Err(Malformed::Grammar(self.pos));
        }
        let key = self.string()?;
        if self.peek() != Some(b':') {
            return Err(Malformed::Grammar(self.pos));
        }
        self.bump();
        Ok(key)
    }

    /// A literal word (`true`, `false`, `null`) starting at the current byte.
    #[inline]
    pub(crate) fn word(&mut self, word: &[u8]) -> Result<()> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(())
        } else {
            Err(Malformed::Grammar(self.pos))
        }
    }

    /// A number token starting at the current byte.
    #[inline]
    pub(crate) fn number(&mut self) -> Result<Number<'a>> {
        let start = self.pos;
        let bytes = self.bytes;
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        match bytes.get(at) {
            Some(b'0') => {
                at += 1;
                if matches!(bytes.get(at), Some(b'0'..=b'9')) {
                    return Err(Malformed::Grammar(at));
                }
            }
            Some(b'1'..=b'9') => {
                at += 1;
                at = digits(bytes, at);
            }
            _ => return Err(Malformed::Grammar(at)),
        }
        let whole = at - start;
        let mut exponent = false;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let end = digits(bytes, at);
            if end == at {
                return Err(Malformed::Grammar(at));
            }
            at = end;
        }
        if matches!(bytes.get(at), Some(b'e' | b'E')) {
            exponent = true;
            at += 1;
            if matches!(bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            let end = digits(bytes, at);
            if end == at {
                return Err(Malformed::Grammar(at));
            }
            at = end;
        }
        self.pos = at;
        Ok(Number {
            raw: &self.text[start..at],
            whole,
            exponent,
        })
    }

    /// A checked string starting at its opening quote.
    #[inline(always)]
    pub(crate) fn string(&mut self) -> Result<RawString<'a>> {
        self.bump();
        let start = self.pos;
        let mut escaped = false;
        loop {
            self.skip_plain();
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    // Both ends are ASCII (a quote, or the start of the text after one):
                    // char boundaries, so the slice cannot fail.
                    let raw = self.text.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok(RawString { raw, escaped });
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape(true)?;
                }
                // Parsed rather than skipped, serde_json places this error one byte on.
                Some(_) => {
                    return Err(Malformed::Parse {
                        at: self.pos + 1,
                        message: "control character (\\u0000-\\u001F) found while parsing a string",
                    })
                }
                None => return Err(Malformed::Grammar(self.pos)),
            }
        }
    }

    /// Skips a string starting at its opening quote, as serde_json ignores one.
    fn skip_string(&mut self) -> Result<()> {
        self.bump();
        loop {
            self.skip_plain();
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(false)?;
                }
                _ => return Err(Malformed::Grammar(self.pos)),
            }
        }
    }

    /// Moves to the next quote, backslash or control character.
    #[inline(always)]
    fn skip_plain(&mut self) {
        self.pos = plain_until(self.bytes, self.pos);
    }

    /// One escape, after its backslash. Checked, a `\u` high surrogate must be followed
    /// by a `\u` low one, and a low one may not come first.
    fn escape(&mut self, checked: bool) -> Result<()> {
        match self.bytes.get(self.pos) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'u') => {
                self.pos += 1;
                let first = self.hex()?;
                if checked {
                    self.surrogate_pair(first)
                } else {
                    Ok(())
                }
            }
            _ => Err(Malformed::Grammar(self.pos)),
        }
    }

    fn surrogate_pair(&mut self, first: u16) -> Result<()> {
        const LONE: &str = "lone leading surrogate in hex escape";
        const END: &str = "unexpected end of hex escape";
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(Malformed::Parse {
                at: self.pos,
                message: LONE,
            });
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.bytes.get(self.pos) {
                None => return Err(Malformed::Grammar(self.pos)),
                Some(&byte) => {
                    self.pos += 1;
                    if byte != expected {
                        return Err(Malformed::Parse {
                            at: self.pos,
                            message: END,
                        });
                    }
                }
            }
        }
        let second = self.hex()?;
        if (0xDC00..=0xDFFF).contains(&second) {
            Ok(())
        } else {
            Err(Malformed::Parse {
                at: self.pos,
                message: LONE,
            })
        }
    }

    fn hex(&mut self) -> Result<u16> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or(Malformed::Grammar(self.pos))?;
        let mut value = 0_u16;
        for &digit in digits {
            let nibble = (digit as char)
                .to_digit(16)
                .ok_or(Malformed::Grammar(self.pos))?;
            value = (value << 4) | nibble as u16;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Skips one value starting at the current (non-whitespace) byte, as serde_json
    /// ignores one: any depth, strings unchecked beyond the grammar.
    pub(crate) fn skip_value(&mut self) -> Result<()> {
        let mut open: Vec<u8> = Vec::new();
        loop {
            // One value...
            match self.peek() {
                Some(b'{') => {
                    self.bump();
                    if self.first_entry(b'}') {
                        open.push(b'}');
                        self.skip_key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.bump();
                    if self.first_entry(b']') {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                _ => return Err(Malformed::Grammar(self.pos)),
            }
            // ...then close what it ends, until a comma asks for the next one.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(());
                };
                if self.next_skipped_entry(close)? {
                    if close == b'}' {
                        self.skip_key()?;
                    }
                    break;
                }
                open.pop();
            }
        }
    }

    fn skip_key(&mut self) -> Result<()> {
        if self.peek() != Some(b'"') {
            return Err(Malformed::Grammar(self.pos));
        }
        self.skip_string()?;
        if self.peek() != Some(b':') {
            return Err(Malformed::Grammar(self.pos));
        }
        self.bump();
        Ok(())
    }
}

/// The end of a run of digits, eight at a time while they last.
#[inline]
fn digits(bytes: &[u8], mut at: usize) -> usize {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Every byte 0x30..=0x39: its high nibble is 3, and adding 6 keeps it so.
        let all_digits = word & HIGH_NIBBLES == ZEROS
            && word.wrapping_add(0x0606_0606_0606_0606) & HIGH_NIBBLES == ZEROS;
        if !all_digits {
            break;
        }
        at += 8;
    }
    while matches!(bytes.get(at), Some(b'0'..=b'9')) {
        at += 1;
    }
    at
}

/// The value of a checked string's content (escapes valid, surrogates paired).
pub(crate) fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at + 1..];
        let (c, used) = match escape.as_bytes()[0] {
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            b'u' => {
                let high = u32::from_str_radix(&escape[1..5], 16).unwrap_or(0xFFFD);
                if (0xD800..0xDC00).contains(&high) {
                    let low = u32::from_str_radix(&escape[7..11], 16).unwrap_or(0xDC00);
                    let code = 0x1_0000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code).unwrap_or('\u{FFFD}'), 11)
                } else {
                    (char::from_u32(high).unwrap_or('\u{FFFD}'), 5)
                }
            }
            other => (other as char, 1),
        };
        out.push(c);
        rest = &escape[used..];
    }
    out.push_str(rest);
    out
}

/// serde_json's position of a byte offset: 1-based line, and the column counted as it
/// counts it (bytes from the line's start).
pub(crate) fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text.as_bytes()[..at.min(text.len())];
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

    fn skip(text: &str) -> Result<usize> {
        let mut lexer = Lexer::new(text);
        lexer.skip_value()?;
        Ok(lexer.pos)
    }

    #[test]
    fn skipping_accepts_what_serde_json_ignores() {
        for text in [
            "0",
            "-0.5e+10",
            r#""a\"b\u00e9\uD800""#,
            r#"{"a":[1,{"b":null}],"c":true}"#,
            "[[[[[]]]],{}]",
            r#"{"":{}}"#,
        ] {
            assert!(
                serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok(),
                "{text}"
            );
            assert_eq!(skip(text), Ok(text.len()), "{text}");
        }
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(skip(&deep), Ok(deep.len()));
    }

    #[test]
    fn skipping_rejects_what_serde_json_rejects() {
        for text in [
            "01",
            "-",
            "1.",
            "1e",
            "1e+",
            ".5",
            "[1,]",
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            "{1:2}",
            "tru",
            "nul",
            "\"\\x\"",
            "\"\\u12G4\"",
            "\"a\u{1}\"",
            "\"open",
            "[1 2]",
            "{\"a\":}",
        ] {
            assert!(
                serde_json::from_str::<serde::de::IgnoredAny>(text).is_err(),
                "{text}"
            );
            assert!(matches!(skip(text), Err(Malformed::Grammar(_))), "{text}");
        }
    }

    #[test]
    fn checked_strings_pair_surrogates_like_serde_json() {
        for (text, message) in [
            (r#""\uDC00""#, "lone leading surrogate in hex escape"),
            (r#""\uD800x""#, "unexpected end of hex escape"),
            (r#""\uD800\n""#, "unexpected end of hex escape"),
            (
                r#""ab\uD800\u0041""#,
                "lone leading surrogate in hex escape",
            ),
        ] {
            let serde = serde_json::from_str::<String>(text).unwrap_err();
            let mut lexer = Lexer::new(text);
            let Err(Malformed::Parse { at, message: ours }) = lexer.string() else {
                panic!("{text} accepted");
            };
            assert_eq!(ours, message);
            let (line, column) = position(text, at);
            assert_eq!(
                serde.to_string(),
                format!("{message} at line {line} column {column}"),
                "{text}"
            );
        }
        let text = "\"a\u{1f}\"";
        let serde = serde_json::from_str::<String>(text).unwrap_err();
        let Err(Malformed::Parse { at, message }) = Lexer::new(text).string() else {
            panic!("a control character accepted");
        };
        let (line, column) = position(text, at);
        assert_eq!(
            serde.to_string(),
            format!("{message} at line {line} column {column}")
        );
        let mut lexer = Lexer::new(r#""\uD83D\uDE00 \u00e9\n\"""#);
        let raw = lexer.string().unwrap();
        assert_eq!(raw.value(), "\u{1F600} \u{e9}\n\"");
    }

    #[test]
    fn eight_bytes_at_a_time_finds_the_first_stop() {
        for stop in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
            for at in 0..8 {
                let mut word = *b"abcdefgh";
                word[at] = stop;
                assert_eq!(
                    string_stops(u64::from_le_bytes(word)).trailing_zeros() / 8,
                    at as u32
                );
            }
        }
        for clean in [
            *b"abcdefgh",
            *b" !#[]~\x7f\x7f",
            [0x80, 0xff, 0xc3, 0xa9, 0x20, 0x21, 0x23, 0x7e],
        ] {
            assert_eq!(string_stops(u64::from_le_bytes(clean)), 0, "{clean:?}");
        }
        let text = "\"0123456789abcdef\u{e9}\u{1F600}xyz\"";
        let mut lexer = Lexer::new(text);
        assert_eq!(lexer.string().unwrap().raw.len(), text.len() - 2);
        // Every stop at every offset of a long run, for the sixteen-byte path too, with
        // UTF-8 (bytes above 0x7f are never stops) just before it.
        for stop in [b'"', b'\\', 0x00, 0x1f] {
            for at in 0..40 {
                let mut bytes = vec![b'a'; 48];
                if at >= 2 {
                    bytes[at - 2..at].copy_from_slice("\u{e9}".as_bytes());
                }
                bytes[at] = stop;
                let mut lexer = Lexer::new(std::str::from_utf8(&bytes).unwrap());
                lexer.skip_plain();
                assert_eq!(lexer.pos, at, "{stop} at {at}");
            }
        }
    }

    #[test]
    fn digit_runs_end_at_the_first_other_byte() {
        for text in [
            "",
            "1",
            "12345678",
            "123456789",
            "1234567890123456x",
            "12345678:",
            "1234567/",
            "123456789012345678901234",
        ] {
            let expected = text.bytes().take_while(u8::is_ascii_digit).count();
            assert_eq!(digits(text.as_bytes(), 0), expected, "{text}");
        }
        for odd in [b'/', b':', 0x80, 0xb0, 0xf9, b' ', 0x36 + 0x10] {
            for at in 0..12 {
                let mut bytes = *b"111111111111";
                bytes[at] = odd;
                assert_eq!(digits(&bytes, 0), at, "{odd:#x} at {at}");
            }
        }
    }

    #[test]
    fn positions_count_like_serde_json() {
        assert_eq!(position("ab\ncd", 4), (2, 1));
        assert_eq!(position("abc", 0), (1, 0));
        assert_eq!(position("abc", 9), (1, 3));
    }
}
