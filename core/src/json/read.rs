//! The JSON grammar, byte by byte, exactly as serde_json reads it (RFC 8259, no
//! extensions): what the fast path accepts, the walk accepts, and where it stops, the walk
//! stops too.
//!
//! Two ways to read a string: *checked* (as serde_json parses one into a `str`: escaped
//! surrogates must pair up), and *skipped* (as it ignores one: any four hex digits do).
//! Skipping a whole value keeps no stack but one byte per open bracket, so no nesting
//! depth can exhaust the call stack.
//!
//! The reader takes bytes and checks their UTF-8 as it goes, in one pass with the
//! grammar: outside strings the grammar admits nothing above ASCII, and inside one the
//! scan for its end also stops at the first byte above ASCII, where the rest of the text
//! is checked at once (the byte before is ASCII, so a character starts there). An ASCII
//! document is read once; a document the reader accepts is UTF-8, and every `str` it
//! hands out is a range it has checked. A document it rejects may have broken UTF-8
//! further on than it read: the caller reports that first, as [`crate::validate`]'s
//! error path does, so a syntax error never hides it.

use std::borrow::Cow;

use super::error::{Malformed, Syntax};
use super::number::Number;

pub(crate) type Result<T> = std::result::Result<T, Malformed>;

/// A string as it appears between its quotes (checked UTF-8, escapes still written).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawString<'a> {
    pub(crate) raw: &'a str,
    pub(crate) escaped: bool,
}

impl<'a> RawString<'a> {
    /// A string whose value is `text` itself (a declared key, say).
    pub(crate) const fn plain(text: &'a str) -> Self {
        RawString {
            raw: text,
            escaped: false,
        }
    }

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
/// control characters JSON forbids raw. The reader's scan also stops at bytes above
/// ASCII, tested beside this table (see [`plain_until`]).
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
/// bytes that need escaping when writing JSON), or the length of `bytes`. The reader's
/// scan is the same with `STOP_NON_ASCII`: it also stops at the first byte above ASCII,
/// where a run of string content needs its UTF-8 checked (one more OR per chunk).
///
/// On x86-64 the first 32 bytes are looked at in line, sixteen at a time with SSE2 (part
/// of the x86-64 baseline): most keys and values end there, and a call would cost more
/// than the scan. A longer run goes to [`long_run`], out of line, which takes 32 bytes at
/// a time with AVX2 where the processor has it. Elsewhere,
/// or with `TYPED_DICT_SIMD=scalar` (see [`Simd`]), eight bytes at a time in a `u64`.
#[inline(always)]
pub(crate) fn plain_until(bytes: &[u8], at: usize) -> usize {
    plain_until_with::<false>(Simd::get(), bytes, at)
}

/// [`plain_until`] on the path `simd`, which a [`Lexer`] picks once for all its strings
/// (rather than a load and a match on the process-wide choice per string); stopping at
/// bytes above ASCII too when `STOP_NON_ASCII`.
#[inline(always)]
fn plain_until_with<const STOP_NON_ASCII: bool>(simd: Simd, bytes: &[u8], at: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        if simd >= Simd::Sse2 {
            if let Some(chunk) = bytes.get(at..at + 16) {
                let mask = sse2::stops::<STOP_NON_ASCII>(chunk);
                if mask != 0 {
                    return at + mask.trailing_zeros() as usize;
                }
                if let Some(chunk) = bytes.get(at + 16..at + 32) {
                    let mask = sse2::stops::<STOP_NON_ASCII>(chunk);
                    if mask != 0 {
                        return at + 16 + mask.trailing_zeros() as usize;
                    }
                    return long_run::<STOP_NON_ASCII>(bytes, at + 32);
                }
                return long_run::<STOP_NON_ASCII>(bytes, at + 16);
            }
        }
    }
    scalar_until::<STOP_NON_ASCII>(bytes, at)
}

/// [`plain_until`] past the bytes it looked at in line: out of line, since most strings
/// never get here.
#[cfg(target_arch = "x86_64")]
#[inline(never)]
fn long_run<const STOP_NON_ASCII: bool>(bytes: &[u8], at: usize) -> usize {
    let at = if Simd::get() == Simd::Avx2 {
        // SAFETY: `Simd::get` answers `Avx2` only when `is_x86_feature_detected!("avx2")`
        // said the processor has it (the invariant `avx2::first_stop` needs); the tests
        // `every_path_finds_the_same_stop` and the scalar-path run compare its answers
        // with the other paths'.
        match unsafe { avx2::first_stop::<STOP_NON_ASCII>(bytes, at) } {
            Ok(stop) => return stop,
            Err(tail) => tail,
        }
    } else {
        at
    };
    match sse2::first_stop::<STOP_NON_ASCII>(bytes, at) {
        Ok(stop) => stop,
        Err(tail) => scalar_until::<STOP_NON_ASCII>(bytes, tail),
    }
}

/// [`plain_until`] eight bytes at a time, then one: the path of every target without
/// SIMD here, and of x86-64 under `TYPED_DICT_SIMD=scalar`.
fn scalar_until<const STOP_NON_ASCII: bool>(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let mut stops = string_stops(word);
        if STOP_NON_ASCII {
            // A byte above ASCII has its high bit set; it borrows nothing in
            // `string_stops`, so the lowest flag is still the first stop.
            stops |= word & 0x8080_8080_8080_8080;
        }
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while let Some(&byte) = bytes.get(at) {
        if STRING_STOP[byte as usize] || (STOP_NON_ASCII && !byte.is_ascii()) {
            break;
        }
        at += 1;
    }
    at
}

/// The instructions the string scans use, picked once per process: the best the
/// processor has, or less when the environment variable `TYPED_DICT_SIMD` says
/// `scalar` or `sse2` (read once, on the first scan), so that a test run can put every
/// path through the same suites (`TYPED_DICT_SIMD=scalar cargo test`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub(crate) enum Simd {
    /// Eight bytes at a time in a `u64`.
    Scalar = 1,
    /// Sixteen bytes at a time (x86-64 only).
    Sse2 = 2,
    /// Sixteen, then 32 bytes at a time (x86-64 with AVX2 detected at run time).
    Avx2 = 3,
}

static SIMD: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

impl Simd {
    /// The path in force.
    #[inline(always)]
    pub(crate) fn get() -> Simd {
        match SIMD.load(std::sync::atomic::Ordering::Relaxed) {
            1 => Simd::Scalar,
            2 => Simd::Sse2,
            3 => Simd::Avx2,
            _ => Simd::pick(),
        }
    }

    /// What `TYPED_DICT_SIMD` calls this path.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Simd::Scalar => "scalar",
            Simd::Sse2 => "sse2",
            Simd::Avx2 => "avx2",
        }
    }

    #[cold]
    fn pick() -> Simd {
        let best = Simd::best();
        let chosen = match std::env::var("TYPED_DICT_SIMD").as_deref() {
            Ok("scalar") => Simd::Scalar,
            Ok("sse2") => best.min(Simd::Sse2),
            _ => best,
        };
        // Every thread that gets here picks the same, so a race stores one answer twice.
        SIMD.store(chosen as u8, std::sync::atomic::Ordering::Relaxed);
        chosen
    }

    /// The best path this processor can take.
    fn best() -> Simd {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                Simd::Avx2
            } else {
                Simd::Sse2
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            Simd::Scalar
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod sse2 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };

    /// One bit per byte of `chunk` (sixteen bytes) that is a quote, a backslash or a
    /// control character (or above ASCII, when `STOP_NON_ASCII`).
    #[inline(always)]
    pub(super) fn stops<const STOP_NON_ASCII: bool>(chunk: &[u8]) -> u32 {
        assert!(chunk.len() >= 16);
        // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always
        // available; the load reads the sixteen bytes the assertion has shown to be in
        // `chunk` (unaligned loads need no alignment). The tests
        // `every_path_finds_the_same_stop` and `eight_bytes_at_a_time_finds_the_first_stop`
        // put every stop at every offset through it.
        unsafe {
            let chunk = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
            let quote = _mm_set1_epi8(b'"' as i8);
            let backslash = _mm_set1_epi8(b'\\' as i8);
            let control = _mm_set1_epi8(0x1f);
            let mut found = _mm_or_si128(
                _mm_or_si128(
                    _mm_cmpeq_epi8(chunk, quote),
                    _mm_cmpeq_epi8(chunk, backslash),
                ),
                // max(byte, 0x1f) == 0x1f: the byte is at most 0x1f, unsigned.
                _mm_cmpeq_epi8(_mm_max_epu8(chunk, control), control),
            );
            if STOP_NON_ASCII {
                // The mask takes each byte's high bit: set in the chunk's own bytes
                // above ASCII.
                found = _mm_or_si128(found, chunk);
            }
            _mm_movemask_epi8(found) as u32
        }
    }

    /// The offset of the first quote, backslash or control character (or byte above
    /// ASCII, when `STOP_NON_ASCII`) from `at` on, or `Err` with where the last whole
    /// sixteen bytes end, if none is in them.
    #[inline]
    pub(super) fn first_stop<const STOP_NON_ASCII: bool>(
        bytes: &[u8],
        mut at: usize,
    ) -> Result<usize, usize> {
        while let Some(chunk) = bytes.get(at..at + 16) {
            let mask = stops::<STOP_NON_ASCII>(chunk);
            if mask != 0 {
                return Ok(at + mask.trailing_zeros() as usize);
            }
            at += 16;
        }
        Err(at)
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::{
        __m256i, _mm256_cmpeq_epi8, _mm256_loadu_si256, _mm256_max_epu8, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };

    /// The offset of the first quote, backslash or control character (or byte above
    /// ASCII, when `STOP_NON_ASCII`) from `at` on, or `Err` with where the last whole 32
    /// bytes end, if none is in them.
    ///
    /// # Safety
    ///
    /// The processor must have AVX2 (`is_x86_feature_detected!("avx2")`).
    #[target_feature(enable = "avx2")]
    pub(super) unsafe fn first_stop<const STOP_NON_ASCII: bool>(
        bytes: &[u8],
        mut at: usize,
    ) -> Result<usize, usize> {
        let quote = _mm256_set1_epi8(b'"' as i8);
        let backslash = _mm256_set1_epi8(b'\\' as i8);
        let control = _mm256_set1_epi8(0x1f);
        while let Some(chunk) = bytes.get(at..at + 32) {
            // SAFETY: the load reads the 32 bytes `bytes.get` has shown to be there
            // (unaligned loads need no alignment); AVX2 is the caller's promise. The test
            // `every_path_finds_the_same_stop` runs this loop at every offset and length.
            let chunk = unsafe { _mm256_loadu_si256(chunk.as_ptr().cast::<__m256i>()) };
            let mut found = _mm256_or_si256(
                _mm256_or_si256(
                    _mm256_cmpeq_epi8(chunk, quote),
                    _mm256_cmpeq_epi8(chunk, backslash),
                ),
                _mm256_cmpeq_epi8(_mm256_max_epu8(chunk, control), control),
            );
            if STOP_NON_ASCII {
                found = _mm256_or_si256(found, chunk);
            }
            let mask = _mm256_movemask_epi8(found) as u32;
            if mask != 0 {
                return Ok(at + mask.trailing_zeros() as usize);
            }
            at += 32;
        }
        Err(at)
    }
}

/// A cursor over JSON bytes, checking their UTF-8 as it reads them (see the module's
/// documentation). A copy reads the same bytes again from where the original stood.
#[derive(Clone, Copy)]
pub(crate) struct Lexer<'a> {
    bytes: &'a [u8],
    pub(crate) pos: usize,
    /// The string scans' path ([`Simd::get`]).
    simd: Simd,
    /// Whether the bytes from the first one above ASCII the lexer met to the end of the
    /// text are known to be UTF-8 (see [`Lexer::non_ascii`]).
    rest_checked: bool,
}

impl<'a> Lexer<'a> {
    /// A lexer over bytes that may not be UTF-8.
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Lexer {
            bytes,
            pos: 0,
            simd: Simd::get(),
            rest_checked: false,
        }
    }

    /// A lexer over text already known to be UTF-8 (a value's text read again, a `str`
    /// a caller handed in), which it does not check again.
    pub(crate) fn for_text(text: &'a str) -> Self {
        Lexer {
            rest_checked: true,
            ..Lexer::new(text.as_bytes())
        }
    }

    /// The whole text, as bytes.
    pub(crate) fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The first byte that is not whitespace, not consumed. In line, only the test of
    /// compact JSON (the byte at the cursor is above the space, so no whitespace can be
    /// there); whitespace is skipped out of line.
    #[inline(always)]
    pub(crate) fn peek(&mut self) -> Option<u8> {
        match self.bytes.get(self.pos) {
            Some(&byte) if byte > b' ' => Some(byte),
            _ => self.skip_whitespace(),
        }
    }

    /// [`Lexer::peek`] at a byte that may be whitespace (or the end of the text).
    #[inline(never)]
    fn skip_whitespace(&mut self) -> Option<u8> {
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

    /// The next value's text, skipped as serde_json ignores one (a union's or a type of
    /// one's own, read again by each member or by the type's `Deserialize`).
    pub(crate) fn raw_value(&mut self) -> Result<&'a str> {
        self.peek();
        let start = self.pos;
        self.skip_value()?;
        Ok(self.slice(start, self.pos))
    }

    /// The text from `start` (an earlier [`Lexer::pos`], at the start of a value) to the
    /// cursor, which has just read that value in full.
    pub(crate) fn text_from(&self, start: usize) -> &'a str {
        self.slice(start, self.pos)
    }

    /// The text between two offsets that each hold an ASCII byte or follow one (or are
    /// the end of the text), with nothing between them the lexer has not read, without
    /// the check `str::from_utf8` would make again (in line for every string and number
    /// read).
    #[inline(always)]
    fn slice(&self, start: usize, end: usize) -> &'a str {
        debug_assert!(start <= end && end <= self.bytes.len());
        debug_assert!(std::str::from_utf8(&self.bytes[start..end]).is_ok());
        // SAFETY: callers pass `start <= end <= bytes.len()`, a range the lexer has read,
        // token by token, both ends at or just after ASCII bytes: punctuation,
        // whitespace, numbers and words are ASCII (the grammar admits no other byte
        // there), a declared key matched in place is the bytes of a `str`, and the first
        // byte above ASCII in a string sends the lexer to `Lexer::non_ascii`, which checks
        // all the bytes from there to the end of the text as UTF-8 (or the lexer was made
        // over a `str`). ASCII bytes are UTF-8 characters of their own, never part of
        // another (every byte of a multi-byte character is above 0x7f), so a range
        // between them of checked bytes and ASCII is UTF-8. The debug assertions above
        // check both in every debug test run, and the `decode` and `validate` fuzz
        // targets (replayed by `typed-dict-reliability`'s `fuzz_replay` test with their
        // non-ASCII seeds and mutations) would trip them;
        // `every_str_the_lexer_gives_is_checked` puts broken UTF-8 in every place a
        // string can hold it.
        unsafe { std::str::from_utf8_unchecked(self.bytes.get_unchecked(start..end)) }
    }

    /// Whether only whitespace is left.
    pub(crate) fn at_end(&mut self) -> bool {
        self.peek().is_none()
    }

    /// After an opening bracket: whether the container has a first entry.
    #[inline(always)]
    pub(crate) fn first_entry(&mut self, close: u8) -> Result<bool> {
        match self.peek() {
            Some(byte) if byte == close => {
                self.bump();
                Ok(false)
            }
            Some(_) => Ok(true),
            None => Err(self.peek_error(eof_in(close))),
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
            Some(byte) if byte == close => Err(self.peek_error(Syntax::TrailingComma)),
            None => Err(self.peek_error(Syntax::EofWhileParsingValue)),
            Some(_) => Ok(true),
        }
    }

    /// After an object's opening brace: its first key and colon, or `None` when it is
    /// empty.
    #[inline(always)]
    pub(crate) fn first_key(&mut self) -> Result<Option<RawString<'a>>> {
        if self.first_entry(b'}')? {
            self.key().map(Some)
        } else {
            Ok(None)
        }
    }

    /// After an entry of an object the walk checks: the next key and its colon, or
    /// `None` when the object ends. [`Lexer::next_entry`] then [`Lexer::key`], with the
    /// same errors, peeking once at the byte after the comma rather than twice.
    #[inline(always)]
    pub(crate) fn next_key(&mut self) -> Result<Option<RawString<'a>>> {
        if !self.next_skipped_entry(b'}')? {
            return Ok(None);
        }
        match self.peek() {
            Some(b'"') => {
                let key = self.string()?;
                self.colon()?;
                Ok(Some(key))
            }
            Some(b'}') => Err(self.peek_error(Syntax::TrailingComma)),
            None => Err(self.peek_error(Syntax::EofWhileParsingValue)),
            Some(_) => Err(self.peek_error(Syntax::KeyMustBeAString)),
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
            Some(_) if close == b'}' => Err(self.peek_error(Syntax::ExpectedObjectCommaOrEnd)),
            Some(_) => Err(self.peek_error(Syntax::ExpectedListCommaOrEnd)),
            None => Err(self.peek_error(eof_in(close))),
        }
    }

    /// An error about the byte at the cursor (or the end of the text), which serde_json
    /// places one past the byte it peeked at.
    #[cold]
    pub(crate) fn peek_error(&self, syntax: Syntax) -> Malformed {
        self.error_at(syntax, self.pos + 1)
    }

    /// An error serde_json places at `at`, the offset after the byte it last consumed;
    /// never past the end of the text.
    #[cold]
    fn error_at(&self, syntax: Syntax, at: usize) -> Malformed {
        Malformed {
            syntax,
            at: at.min(self.bytes.len()),
        }
    }

    /// The error for a byte where a value should start (or for the end of the text).
    #[cold]
    pub(crate) fn expected_value(&self) -> Malformed {
        if self.pos < self.bytes.len() {
            self.peek_error(Syntax::ExpectedSomeValue)
        } else {
            self.peek_error(Syntax::EofWhileParsingValue)
        }
    }

    /// An object key and its colon, checked.
    #[inline(always)]
    pub(crate) fn key(&mut self) -> Result<RawString<'a>> {
        if self.peek() != Some(b'"') {
            return Err(self.key_error(Syntax::KeyMustBeAString));
        }
        let key = self.string()?;
        self.colon()?;
        Ok(key)
    }

    /// Whether the key at the cursor is `key` followed at once by its colon, compared
    /// where it lies before the string's end is looked for; if so, moves past both. The
    /// caller vouches that `key` has nothing JSON escapes (a quote, a backslash, a
    /// control character): then the string at the cursor is `key` exactly when its bytes
    /// are followed by a quote. Compact and indented JSON alike put the colon right after
    /// the key; anything else (`"key" :`, a key cut short, not a key at all) answers
    /// false without moving the cursor, for the caller to read the key in full.
    #[inline(always)]
    pub(crate) fn declared_key(&mut self, key: &str) -> bool {
        let start = self.pos + 1;
        let end = start + key.len();
        match self.bytes.get(self.pos..=end + 1) {
            Some([b'"', written @ .., b'"', b':']) if same_bytes(written, key.as_bytes()) => {
                self.pos = end + 2;
                true
            }
            _ => false,
        }
    }

    /// The colon after a key.
    #[inline(always)]
    fn colon(&mut self) -> Result<()> {
        if self.peek() != Some(b':') {
            return Err(self.key_error(Syntax::ExpectedColon));
        }
        self.bump();
        Ok(())
    }

    /// An error in an object's key or colon: `syntax` at a byte, or the object cut short.
    #[cold]
    fn key_error(&self, syntax: Syntax) -> Malformed {
        if self.pos < self.bytes.len() {
            self.peek_error(syntax)
        } else {
            self.peek_error(Syntax::EofWhileParsingObject)
        }
    }

    /// A literal word (`true`, `false`, `null`) starting at the current byte.
    #[inline]
    pub(crate) fn word(&mut self, word: &[u8]) -> Result<()> {
        let end = self.pos + word.len();
        if self.bytes.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(())
        } else {
            Err(self.word_error(word))
        }
    }

    /// serde_json reads a word byte by byte and stops after the first one that differs.
    #[cold]
    fn word_error(&self, word: &[u8]) -> Malformed {
        let rest = &self.bytes[self.pos..];
        match word.iter().zip(rest).position(|(want, got)| want != got) {
            Some(differs) => self.error_at(Syntax::ExpectedSomeIdent, self.pos + differs + 1),
            None => self.error_at(Syntax::EofWhileParsingValue, self.bytes.len()),
        }
    }

    /// A number token starting at the current byte.
    ///
    /// In line around the scan, which is not: a `Number` is wider than two registers,
    /// and coming back through memory it was copied out of the callee's stores at
    /// offsets they cannot forward to (7% of validation's time, waiting on those loads).
    /// The scan's answer, the cursor aside, fits in one word.
    #[inline(always)]
    pub(crate) fn number(&mut self) -> Result<Number<'a>> {
        let start = self.pos;
        let shape = self.scan_number()?;
        Ok(self.scanned_number(start, shape))
    }

    /// [`Lexer::number`] where the caller has seen a digit at the cursor: no sign to
    /// look for, and the first digit is not loaded again before the scan can start.
    #[inline(always)]
    pub(crate) fn unsigned_number(&mut self) -> Result<Number<'a>> {
        let start = self.pos;
        let shape = self.scan_unsigned()?;
        Ok(self.scanned_number(start, shape))
    }

    /// The number token from `start` to the cursor, from the scan's one-word answer
    /// `shape` (see [`Lexer::scan_number`]).
    #[inline(always)]
    fn scanned_number(&self, start: usize, shape: usize) -> Number<'a> {
        Number {
            raw: self.slice(start, self.pos),
            whole: shape >> 1,
            exponent: shape & 1 != 0,
        }
    }

    /// Moves past a number token starting at the current byte; answers the length of
    /// its sign and integer part, shifted left one, with the low bit set when an
    /// exponent follows (see [`Lexer::number`]).
    #[inline]
    fn scan_number(&mut self) -> Result<usize> {
        let start = self.pos;
        let at = start + usize::from(self.bytes.get(start) == Some(&b'-'));
        self.scan_after_sign(start, at)
    }

    /// [`Lexer::scan_number`] for a token that starts with a digit.
    #[inline]
    fn scan_unsigned(&mut self) -> Result<usize> {
        self.scan_after_sign(self.pos, self.pos)
    }

    /// The rest of [`Lexer::scan_number`], from `at`, past the sign of the token that
    /// starts at `start`.
    #[inline(always)]
    fn scan_after_sign(&mut self, start: usize, mut at: usize) -> Result<usize> {
        let bytes = self.bytes;
        match bytes.get(at) {
            Some(b'0') => {
                at += 1;
                if matches!(bytes.get(at), Some(b'0'..=b'9')) {
                    return Err(self.error_at(Syntax::InvalidNumber, at + 1));
                }
            }
            Some(b'1'..=b'9') => {
                at += 1;
                at = digits(bytes, at);
            }
            _ => return Err(self.error_at(Syntax::InvalidNumber, at + 1)),
        }
        let whole = at - start;
        let mut exponent = false;
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            let end = digits(bytes, at);
            if end == at {
                return Err(self.error_at(Syntax::InvalidNumber, at + 1));
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
                return Err(self.error_at(Syntax::InvalidNumber, at + 1));
            }
            at = end;
        }
        self.pos = at;
        // A text is shorter than `isize::MAX` bytes, so the shift loses nothing.
        Ok(whole << 1 | usize::from(exponent))
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
                    let raw = self.slice(start, self.pos);
                    self.pos += 1;
                    return Ok(RawString { raw, escaped });
                }
                Some(b'\\') => {
                    escaped = true;
                    self.pos += 1;
                    self.escape(true)?;
                }
                Some(0x80..=0xff) => self.non_ascii()?,
                // Parsed rather than skipped, serde_json places this error one byte on.
                Some(_) => return Err(self.peek_error(Syntax::ControlCharacterWhileParsingString)),
                None => return Err(self.error_at(Syntax::EofWhileParsingString, self.pos)),
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
                Some(0x80..=0xff) => self.non_ascii()?,
                Some(_) => {
                    return Err(self.error_at(Syntax::ControlCharacterWhileParsingString, self.pos))
                }
                None => return Err(self.error_at(Syntax::EofWhileParsingString, self.pos)),
            }
        }
    }

    /// Moves to the next quote, backslash, control character or byte above ASCII.
    #[inline(always)]
    fn skip_plain(&mut self) {
        self.pos = if self.rest_checked {
            plain_until_with::<false>(self.simd, self.bytes, self.pos)
        } else {
            plain_until_with::<true>(self.simd, self.bytes, self.pos)
        };
    }

    /// Past a run of string content that starts with a byte above ASCII, at the cursor,
    /// to the next quote, backslash or control character. The first time, everything from
    /// here to the end of the text is checked as UTF-8 in one pass (the byte before is
    /// ASCII, so a character starts here): a text of many languages is checked at the
    /// speed of a whole-buffer check rather than a call per string, and one that is ASCII
    /// throughout is never read twice. Out of line: most JSON the lexer reads is ASCII.
    #[inline(never)]
    fn non_ascii(&mut self) -> Result<()> {
        let start = self.pos;
        if !self.rest_checked {
            if simdutf8::basic::from_utf8(&self.bytes[start..]).is_err() {
                return Err(self.error_at(Syntax::InvalidUnicodeCodePoint, start + 1));
            }
            self.rest_checked = true;
        }
        self.pos = plain_until_with::<false>(self.simd, self.bytes, start);
        Ok(())
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
            Some(_) => Err(self.error_at(Syntax::InvalidEscape, self.pos + 1)),
            None => Err(self.error_at(Syntax::EofWhileParsingString, self.pos)),
        }
    }

    fn surrogate_pair(&mut self, first: u16) -> Result<()> {
        const LONE: Syntax = Syntax::LoneLeadingSurrogateInHexEscape;
        if (0xDC00..=0xDFFF).contains(&first) {
            return Err(self.error_at(LONE, self.pos));
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            return Ok(());
        }
        for expected in [b'\\', b'u'] {
            match self.bytes.get(self.pos) {
                None => return Err(self.error_at(Syntax::EofWhileParsingString, self.pos)),
                Some(&byte) => {
                    self.pos += 1;
                    if byte != expected {
                        return Err(self.error_at(Syntax::UnexpectedEndOfHexEscape, self.pos));
                    }
                }
            }
        }
        let second = self.hex()?;
        if (0xDC00..=0xDFFF).contains(&second) {
            Ok(())
        } else {
            Err(self.error_at(LONE, self.pos))
        }
    }

    /// The four hex digits of a `\u` escape. serde_json takes all four before judging
    /// them, and reads to the end of the text when fewer are left.
    fn hex(&mut self) -> Result<u16> {
        let Some(digits) = self.bytes.get(self.pos..self.pos + 4) else {
            return Err(self.error_at(Syntax::EofWhileParsingString, self.bytes.len()));
        };
        let mut value = 0_u16;
        for &digit in digits {
            let Some(nibble) = (digit as char).to_digit(16) else {
                return Err(self.error_at(Syntax::InvalidEscape, self.pos + 4));
            };
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
                    if self.first_entry(b'}')? {
                        open.push(b'}');
                        self.skip_key()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.bump();
                    if self.first_entry(b']')? {
                        open.push(b']');
                        continue;
                    }
                }
                Some(b'"') => self.skip_string()?,
                Some(b'-' | b'0'..=b'9') => {
                    self.scan_number()?;
                }
                Some(b't') => self.word(b"true")?,
                Some(b'f') => self.word(b"false")?,
                Some(b'n') => self.word(b"null")?,
                _ => return Err(self.expected_value()),
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
            return Err(self.key_error(Syntax::KeyMustBeAString));
        }
        self.skip_string()?;
        self.colon()
    }
}

/// The error for the end of the text inside a container closed by `close`.
fn eof_in(close: u8) -> Syntax {
    if close == b'}' {
        Syntax::EofWhileParsingObject
    } else {
        Syntax::EofWhileParsingList
    }
}

/// Byte string equality without a library call: keys and literal values are short, so words
/// compared in line (the last one overlapping the one before) beat `bcmp`'s call.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    let word = |bytes: &[u8], at: usize| {
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]))
    };
    let half = |bytes: &[u8], at: usize| {
        u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or([0; 4]))
    };
    match len {
        0 => true,
        1..=3 => a[0] == b[0] && a[len / 2] == b[len / 2] && a[len - 1] == b[len - 1],
        4..=7 => half(a, 0) == half(b, 0) && half(a, len - 4) == half(b, len - 4),
        _ => {
            let mut at = 0;
            while at + 8 < len {
                if word(a, at) != word(b, at) {
                    return false;
                }
                at += 8;
            }
            word(a, len - 8) == word(b, len - 8)
        }
    }
}

/// The end of a run of digits, eight at a time while they last.
#[inline]
fn digits(bytes: &[u8], mut at: usize) -> usize {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // A byte is a digit (0x30..=0x39) when its high nibble is 3 and adding 6 keeps
        // it so: the high nibbles of `others` are non-zero exactly at the other bytes,
        // and at most wrongly beyond the first of them (where adding 6 may carry).
        let others = ((word & HIGH_NIBBLES) ^ ZEROS)
            | ((word.wrapping_add(0x0606_0606_0606_0606) & HIGH_NIBBLES) ^ ZEROS);
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The error as serde_json's `Display` writes it.
    fn words(text: &str, error: Malformed) -> String {
        let (line, column) = error.position(text.as_bytes());
        format!("{} at line {line} column {column}", error.syntax)
    }

    fn skip(text: &str) -> Result<usize> {
        let mut lexer = Lexer::new(text.as_bytes());
        lexer.skip_value()?;
        if !lexer.at_end() {
            return Err(lexer.peek_error(Syntax::TrailingCharacters));
        }
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
            "[",
            "{",
            "[1",
            "{\"a\"",
            "{\"a\":1",
            "\"\\u12",
            "\"\\",
            "truex",
            "fals",
            "nulL",
            "[1,",
            "{,}",
            "[}",
            "-x",
            "1.e5",
            "\n\n  [1,\n 2 3]",
        ] {
            let serde = serde_json::from_str::<serde::de::IgnoredAny>(text).unwrap_err();
            let ours = skip(text).unwrap_err();
            assert_eq!(words(text, ours), serde.to_string(), "{text}");
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
            let ours = Lexer::new(text.as_bytes()).string().unwrap_err();
            assert_eq!(ours.syntax.message(), message);
            assert_eq!(words(text, ours), serde.to_string(), "{text}");
        }
        let text = "\"a\u{1f}\"";
        let serde = serde_json::from_str::<String>(text).unwrap_err();
        let ours = Lexer::new(text.as_bytes()).string().unwrap_err();
        assert_eq!(words(text, ours), serde.to_string());
        let mut lexer = Lexer::new(br#""\uD83D\uDE00 \u00e9\n\"""#);
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
        let mut lexer = Lexer::new(text.as_bytes());
        assert_eq!(lexer.string().unwrap().raw.len(), text.len() - 2);
        // Every stop at every offset of a long run, for the sixteen-byte path too, with
        // UTF-8 just before it: a stop for the reader (whose scan stops at the first byte
        // above ASCII), never for the writer.
        for stop in [b'"', b'\\', 0x00, 0x1f] {
            for at in 0..40 {
                let mut bytes = vec![b'a'; 48];
                if at >= 2 {
                    bytes[at - 2..at].copy_from_slice("\u{e9}".as_bytes());
                }
                bytes[at] = stop;
                assert_eq!(plain_until(&bytes, 0), at, "{stop} at {at}");
                let mut lexer = Lexer::new(&bytes);
                lexer.skip_plain();
                let first_high = if at >= 2 { at - 2 } else { at };
                assert_eq!(lexer.pos, first_high, "{stop} at {at}");
            }
        }
    }

    /// Every path of the string scan (scalar, SSE2, AVX2 where the processor has it)
    /// finds the same first stop, for every stop byte at every offset of runs long enough
    /// for each path's loop and tail, after any start, with UTF-8 and high bytes around,
    /// for the writer's scan and the reader's (which stops at high bytes too).
    #[test]
    fn every_path_finds_the_same_stop() {
        let plain = "a\u{e9}b\u{1F600}c~\x7f ".as_bytes();
        for len in [
            0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 47, 48, 63, 64, 65, 100, 130,
        ] {
            let run: Vec<u8> = plain.iter().copied().cycle().take(len).collect();
            let mut cases = vec![run.clone()];
            for stop in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                for at in 0..len {
                    let mut bytes = run.clone();
                    bytes[at] = stop;
                    cases.push(bytes);
                }
            }
            // ASCII but for one byte above it, anywhere: the reader's only stop.
            for high in [0x80, 0xc3, 0xff] {
                for at in 0..len {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = high;
                    cases.push(bytes);
                }
            }
            for bytes in &cases {
                for start in [0, 1, 3, 16, 17] {
                    let start = start.min(bytes.len());
                    every_path_agrees::<false>(bytes, start);
                    every_path_agrees::<true>(bytes, start);
                    assert_eq!(
                        plain_until(bytes, start),
                        plain_until_with::<false>(Simd::get(), bytes, start)
                    );
                }
            }
        }
    }

    /// Each path's first stop from `start`, with or without bytes above ASCII as stops, is
    /// the first byte the table (and the high bit) say is one.
    fn every_path_agrees<const STOP_NON_ASCII: bool>(bytes: &[u8], start: usize) {
        let expected = bytes[start..]
            .iter()
            .position(|&byte| STRING_STOP[byte as usize] || (STOP_NON_ASCII && byte >= 0x80))
            .map_or(bytes.len(), |at| start + at);
        let scalar = |at| scalar_until::<STOP_NON_ASCII>(bytes, at);
        let context = format!("{bytes:?} from {start}, non-ASCII stops: {STOP_NON_ASCII}");
        assert_eq!(scalar(start), expected, "scalar {context}");
        for simd in [Simd::Scalar, Simd::get()] {
            let found = plain_until_with::<STOP_NON_ASCII>(simd, bytes, start);
            assert_eq!(found, expected, "{simd:?} {context}");
        }
        #[cfg(target_arch = "x86_64")]
        {
            let sse2 = sse2::first_stop::<STOP_NON_ASCII>(bytes, start).unwrap_or_else(scalar);
            assert_eq!(sse2, expected, "sse2 {context}");
            let long = long_run::<STOP_NON_ASCII>(bytes, start);
            assert_eq!(long, expected, "long run {context}");
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the processor has AVX2, just checked.
                let avx2 = unsafe { avx2::first_stop::<STOP_NON_ASCII>(bytes, start) }
                    .unwrap_or_else(scalar);
                assert_eq!(avx2, expected, "avx2 {context}");
            }
        }
    }

    /// Broken UTF-8 in every place a string can hold it (a value read or skipped, a key,
    /// after an escape or a character of several bytes, at every offset of runs as long
    /// as each scan path's loop and tail, cut short by the end of the text) is refused,
    /// and the same string with a character in its place is read whole: the `str`s the
    /// lexer hands out without checking them again (see [`Lexer::slice`]) are UTF-8.
    #[test]
    fn every_str_the_lexer_gives_is_checked() {
        let broken: [&[u8]; 8] = [
            b"\xff",
            b"\x80",
            b"\xc3",
            b"\xc3(",
            b"\xc0\xaf",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\xe2\x82",
        ];
        let whole: [&[u8]; 3] = [
            "\u{e9}".as_bytes(),
            "\u{20ac}".as_bytes(),
            "\u{1F600}".as_bytes(),
        ];
        for before in [&b""[..], b"\\n", "\u{e9}".as_bytes()] {
            for len in [0, 1, 7, 15, 16, 17, 31, 32, 33, 70] {
                for at in 0..=len {
                    let content = |middle: &[u8]| {
                        let mut content = before.to_vec();
                        content.extend(std::iter::repeat_n(b'a', at));
                        content.extend(middle);
                        content.extend(std::iter::repeat_n(b'a', len - at));
                        content
                    };
                    for bad in broken {
                        let content = content(bad);
                        for json in documents(&content) {
                            let mut lexer = Lexer::new(&json);
                            let error = lexer.skip_value().unwrap_err();
                            assert_eq!(error.syntax, Syntax::InvalidUnicodeCodePoint, "{json:?}");
                        }
                        let json = [&b"\""[..], &content, b"\""].concat();
                        assert!(Lexer::new(&json).string().is_err(), "{json:?}");
                        let cut = [&b"\""[..], &content].concat();
                        assert!(Lexer::new(&cut).string().is_err(), "{cut:?}");
                    }
                    for good in whole {
                        let content = content(good);
                        for json in documents(&content) {
                            let mut lexer = Lexer::new(&json);
                            assert_eq!(lexer.raw_value().unwrap().as_bytes(), json);
                        }
                        let json = [&b"\""[..], &content, b"\""].concat();
                        let raw = Lexer::new(&json).string().unwrap().raw;
                        assert_eq!(raw.as_bytes(), &content[..]);
                    }
                }
            }
        }
    }

    /// JSON documents holding a string of `content` as a value, in a list, as a key, and
    /// after a string of UTF-8 (whose check covers the rest of the text).
    fn documents(content: &[u8]) -> [Vec<u8>; 4] {
        let string = [&b"\""[..], content, b"\""].concat();
        [
            string.clone(),
            [&b"[1,"[..], &string, b",true]"].concat(),
            [&b"{\"k\":0,"[..], &string, b":null}"].concat(),
            [&b"[\"\xc3\xa9\",{},"[..], &string, b"]"].concat(),
        ]
    }

    /// The path in force is what `TYPED_DICT_SIMD` asks for, never more than the
    /// processor has: what a scalar-path test run (`TYPED_DICT_SIMD=scalar cargo test`)
    /// relies on.
    #[test]
    fn the_environment_picks_the_path() {
        let best = Simd::best();
        let expected = match std::env::var("TYPED_DICT_SIMD").as_deref() {
            Ok("scalar") => Simd::Scalar,
            Ok("sse2") => best.min(Simd::Sse2),
            _ => best,
        };
        assert_eq!(Simd::get(), expected);
        #[cfg(not(target_arch = "x86_64"))]
        assert_eq!(Simd::get(), Simd::Scalar);
    }

    /// A token the caller has seen start with a digit reads the same without the look
    /// for a sign, errors (and where they are placed) included.
    #[test]
    fn unsigned_numbers_read_as_numbers_do() {
        for text in [
            "0",
            "7",
            "01",
            "00",
            "1.",
            "1.e3",
            "1e",
            "1e+",
            "12.5e+3",
            "7E2x",
            "10.25,",
            "123456789012345678901234567890}",
            "0.0001",
            "9x",
        ] {
            fn parts(number: Number<'_>) -> (&str, usize, bool) {
                (number.raw, number.whole, number.exponent)
            }
            let mut signed = Lexer::new(text.as_bytes());
            let mut unsigned = Lexer::new(text.as_bytes());
            let expected = signed.number().map(parts);
            assert_eq!(unsigned.unsigned_number().map(parts), expected, "{text}");
            assert_eq!(unsigned.pos, signed.pos, "{text}");
        }
    }

    /// The scan's answer and its error come back in two registers (what
    /// [`Lexer::number`]'s split is for); a wider error would send them through memory.
    #[test]
    fn a_number_scan_fits_two_registers() {
        assert_eq!(std::mem::size_of::<Result<usize>>(), 16);
    }

    /// Every part of a number token is read back from the scan's one word.
    #[test]
    fn numbers_keep_their_parts() {
        for (text, whole, exponent) in [
            ("0", 1, false),
            ("-12", 3, false),
            ("3.25", 1, false),
            ("-10.5e-3", 3, true),
            ("7E+2", 1, true),
            ("123456789012345678901234567890", 30, false),
        ] {
            let padded = format!("{text},");
            let mut lexer = Lexer::new(padded.as_bytes());
            let number = lexer.number().unwrap();
            assert_eq!(
                (number.raw, number.whole, number.exponent),
                (text, whole, exponent)
            );
            assert_eq!(lexer.pos, text.len());
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
}
