//! Reading payloads in bounded memory: a file, a device, a pipe or standard input, whole
//! or one JSON Lines line at a time.
//!
//! A regular file is read in one go after its size is checked against the limit, so a
//! large valid file costs one read. Anything else (standard input, pipes, devices such as
//! `/dev/zero`) is read in chunks and may be endless: reading stops past the limit, and
//! also as soon as the bytes read so far decide the verdict (see [`read_stream`]).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::escape::Escaped;

/// The default `--max-bytes`: 256 MiB, far above any ECR response page.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// Bytes asked of a stream at a time.
const CHUNK: usize = 256 * 1024;

/// Where a payload comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Standard input (`-`).
    Stdin,
    /// A path: a regular file, or a device, FIFO or `/proc` file read as a stream.
    Path(PathBuf),
}

impl Source {
    /// The source an argument names: `-` is standard input.
    pub fn from_arg(arg: &Path) -> Source {
        if arg == Path::new("-") {
            Source::Stdin
        } else {
            Source::Path(arg.to_owned())
        }
    }

    /// How reports name it: `<stdin>`, or the path as given.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::Path(path) => path.display().to_string(),
        }
    }
}

/// Why a payload could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The input holds more than `--max-bytes` (a JSON Lines line: more than that in one
    /// line).
    TooLarge {
        /// The limit in force.
        limit: u64,
    },
    /// The operating system's error.
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(error: io::Error) -> Self {
        ReadError::Io(error)
    }
}

impl ReadError {
    /// The one-line message for `name` (a file, or `file:LINE`).
    pub fn message(&self, name: &str) -> String {
        let name = Escaped(name);
        match self {
            ReadError::TooLarge { limit } => format!(
                "cannot read `{name}`: larger than the --max-bytes limit of {limit} bytes ({}); \
                 raise it with --max-bytes",
                Human(*limit)
            ),
            ReadError::Io(error) => match error.kind() {
                io::ErrorKind::NotFound => format!("cannot read `{name}`: no such file"),
                io::ErrorKind::PermissionDenied => {
                    format!("cannot read `{name}`: permission denied")
                }
                io::ErrorKind::IsADirectory => format!("cannot read `{name}`: it is a directory"),
                _ => format!("cannot read `{name}`: {error}"),
            },
        }
    }
}

/// A byte count as people write it: `256 MiB`, `1.5 GiB`, `1000 bytes`.
struct Human(u64);

impl fmt::Display for Human {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
        let mut value = self.0 as f64;
        let mut unit = None;
        for candidate in UNITS {
            if value < 1024.0 {
                break;
            }
            value /= 1024.0;
            unit = Some(candidate);
        }
        match unit {
            None => write!(f, "{} bytes", self.0),
            Some(unit) if value.fract() == 0.0 => write!(f, "{value} {unit}"),
            Some(unit) => write!(f, "{value:.1} {unit}"),
        }
    }
}

/// Reads one payload, at most `limit` bytes of it.
pub fn read_payload(source: &Source, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    read_payload_into(source, limit, &mut bytes)?;
    Ok(bytes)
}

/// Reads one payload, at most `limit` bytes of it, into `bytes` (replacing what it held
/// and reusing its room).
pub fn read_payload_into(
    source: &Source,
    limit: u64,
    bytes: &mut Vec<u8>,
) -> Result<(), ReadError> {
    bytes.clear();
    match source {
        Source::Stdin => *bytes = read_stream(io::stdin().lock(), limit)?,
        Source::Path(path) => {
            let mut file = File::open(path)?;
            let metadata = file.metadata()?;
            if metadata.is_dir() {
                return Err(io::Error::from(io::ErrorKind::IsADirectory).into());
            }
            if !metadata.is_file() {
                *bytes = read_stream(file, limit)?;
                return Ok(());
            }
            if metadata.len() > limit {
                return Err(ReadError::TooLarge { limit });
            }
            // The size is a hint (the file may change under us): the limit still holds.
            bytes.reserve(metadata.len() as usize + 1);
            (&mut file).take(limit).read_to_end(bytes)?;
            if bytes.len() as u64 == limit && file.read(&mut [0u8])? != 0 {
                return Err(ReadError::TooLarge { limit });
            }
        }
    }
    Ok(())
}

/// Reads a stream that may never end, keeping at most `limit` bytes.
///
/// Reading also stops early, with the bytes that decide the verdict, when
/// - a byte sequence is not UTF-8 (the validator reports the first such byte, whatever
///   follows), or
/// - the first character after leading whitespace cannot start any JSON value (the
///   validator reports "expected value" there, whatever follows).
///
/// So `/dev/zero` and `/dev/urandom` are rejected after their first bytes, and validating
/// the bytes returned gives the report the whole input would give (when the whole input
/// is UTF-8; otherwise its first non-UTF-8 byte, wherever it stands, would have been
/// reported instead).
pub fn read_stream(mut reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    let mut verdict = EarlyVerdict::default();
    loop {
        let room = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
        let want = usize::try_from(room).unwrap_or(usize::MAX).min(CHUNK);
        let read = match reader.read(&mut chunk[..want]) {
            Ok(0) => return Ok(bytes),
            Ok(read) => read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error.into()),
        };
        bytes.extend_from_slice(&chunk[..read]);
        if let Some(end) = verdict.decided(&bytes) {
            bytes.truncate(end);
            return Ok(bytes);
        }
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge { limit });
        }
    }
}

/// What the bytes read so far already decide, checked as they arrive.
#[derive(Default)]
struct EarlyVerdict {
    /// `bytes[..utf8_checked]` is UTF-8 and ends on a character boundary.
    utf8_checked: usize,
    /// `bytes[..skipped]` is JSON whitespace.
    skipped: usize,
    /// The first value's first character was seen and can start a value.
    started: bool,
}

impl EarlyVerdict {
    /// Where to cut the input when its verdict is decided: just past the deciding bytes.
    fn decided(&mut self, bytes: &[u8]) -> Option<usize> {
        match std::str::from_utf8(&bytes[self.utf8_checked..]) {
            Ok(_) => self.utf8_checked = bytes.len(),
            Err(error) => {
                let valid_end = self.utf8_checked + error.valid_up_to();
                if let Some(invalid) = error.error_len() {
                    return Some(valid_end + invalid);
                }
                // An incomplete character at the end: the next chunk completes it.
                self.utf8_checked = valid_end;
            }
        }
        if self.started {
            return None;
        }
        while self.skipped < bytes.len() && is_json_whitespace(bytes[self.skipped]) {
            self.skipped += 1;
        }
        let first = *bytes.get(self.skipped)?;
        if can_start_value(first) {
            self.started = true;
            return None;
        }
        if first.is_ascii() {
            return Some(self.skipped + 1);
        }
        // A character outside ASCII never starts a value; cut after it once it is whole
        // (an invalid one is cut by the UTF-8 check above).
        if self.skipped < self.utf8_checked {
            let width = std::str::from_utf8(&bytes[self.skipped..self.utf8_checked])
                .ok()?
                .chars()
                .next()?
                .len_utf8();
            return Some(self.skipped + width);
        }
        None
    }
}

/// Space, tab, line feed or carriage return (RFC 8259 §2).
fn is_json_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a JSON value can begin with `byte`.
fn can_start_value(byte: u8) -> bool {
    matches!(
        byte,
        b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
    )
}

/// A JSON Lines input that could not be read on.
#[derive(Debug)]
pub struct LineError {
    /// The 1-based line being read.
    pub line: usize,
    /// Why it could not be.
    pub error: ReadError,
}

/// Reads JSON Lines: one payload a line, each at most a limit long.
#[derive(Debug)]
pub struct Lines<R> {
    reader: BufReader<R>,
    limit: u64,
    line: usize,
}

impl<R: Read> Lines<R> {
    /// Lines of `reader`, each at most `limit` bytes, read `buffer` bytes at a time.
    pub fn new(reader: R, buffer: usize, limit: u64) -> Self {
        Lines {
            reader: BufReader::with_capacity(buffer, reader),
            limit,
            line: 0,
        }
    }

    /// Appends the next line that holds more than JSON whitespace to `buffer` (blank
    /// lines are skipped) and returns its 1-based number and where it stands in `buffer`,
    /// without its `\n` or `\r\n`; `None` at the end. A line longer than the limit is an
    /// error that ends the input: its end may never come.
    pub fn next_payload(
        &mut self,
        buffer: &mut Vec<u8>,
    ) -> Result<Option<(usize, Range<usize>)>, LineError> {
        let start = buffer.len();
        loop {
            self.line += 1;
            buffer.truncate(start);
            let read = (&mut self.reader)
                .take(self.limit.saturating_add(1))
                .read_until(b'\n', buffer)
                .map_err(|error| LineError {
                    line: self.line,
                    error: ReadError::Io(error),
                })?;
            if read == 0 {
                return Ok(None);
            }
            if buffer.last() == Some(&b'\n') {
                buffer.pop();
                if buffer.last() == Some(&b'\r') {
                    buffer.pop();
                }
            } else if read as u64 > self.limit {
                buffer.truncate(start);
                return Err(LineError {
                    line: self.line,
                    error: ReadError::TooLarge { limit: self.limit },
                });
            }
            if buffer[start..].iter().all(|&byte| is_json_whitespace(byte)) {
                continue;
            }
            return Ok(Some((self.line, start..buffer.len())));
        }
    }

    /// Whether the next line is already in memory (reading it would not wait).
    pub fn buffered(&self) -> bool {
        !self.reader.buffer().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endless(byte: u8) -> impl Read {
        io::repeat(byte)
    }

    #[test]
    fn a_stream_that_cannot_start_a_value_stops_after_its_first_byte() {
        assert_eq!(read_stream(endless(0), 1 << 40).unwrap(), b"\0");
        let spaced = io::Cursor::new(b"  \n\t}".to_vec()).chain(endless(b'x'));
        assert_eq!(read_stream(spaced, 1 << 40).unwrap(), b"  \n\t}");
        let bom = io::Cursor::new("\u{feff}{}".as_bytes().to_vec()).chain(endless(b' '));
        assert_eq!(read_stream(bom, 1 << 40).unwrap(), "\u{feff}".as_bytes());
    }

    #[test]
    fn a_stream_stops_at_its_first_byte_that_is_not_utf8() {
        let random = io::Cursor::new(b"{\"a\": \"\xff".to_vec()).chain(endless(b'a'));
        assert_eq!(read_stream(random, 1 << 40).unwrap(), b"{\"a\": \"\xff");
        // A character split across reads is not mistaken for an invalid one.
        let split = io::Cursor::new("{\"é".as_bytes()[..3].to_vec())
            .chain(io::Cursor::new(vec![0xA9, b'"']));
        assert_eq!(read_stream(split, 100).unwrap(), "{\"é\"".as_bytes());
    }

    #[test]
    fn an_endless_stream_of_plausible_json_ends_at_the_limit() {
        let opened = io::Cursor::new(b"[".to_vec()).chain(endless(b'['));
        match read_stream(opened, 1000) {
            Err(ReadError::TooLarge { limit: 1000 }) => {}
            other => panic!("{other:?}"),
        }
        let exact = io::Cursor::new(vec![b' '; 1000]);
        assert_eq!(read_stream(exact, 1000).unwrap().len(), 1000);
    }

    #[test]
    fn lines_skip_blank_ones_strip_crlf_and_stop_at_an_overlong_one() {
        let input = b"{}\r\n\n  \n{\"a\":1}\n[1]".to_vec();
        let mut lines = Lines::new(io::Cursor::new(input), 4, 10);
        let mut seen = Vec::new();
        let mut buffer = b"kept".to_vec();
        while let Some((number, range)) = lines.next_payload(&mut buffer).unwrap() {
            seen.push((number, String::from_utf8(buffer[range].to_vec()).unwrap()));
        }
        assert_eq!(buffer, b"kept{}{\"a\":1}[1]");
        assert_eq!(
            seen,
            [(1, "{}".into()), (4, "{\"a\":1}".into()), (5, "[1]".into())]
        );
        let mut long = Lines::new(io::Cursor::new(b"{}\n01234567890\n{}\n".to_vec()), 4, 10);
        let mut buffer = Vec::new();
        assert!(long.next_payload(&mut buffer).unwrap().is_some());
        match long.next_payload(&mut buffer) {
            Err(LineError {
                line: 2,
                error: ReadError::TooLarge { limit: 10 },
            }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(Human(DEFAULT_MAX_BYTES).to_string(), "256 MiB");
        assert_eq!(Human(1000).to_string(), "1000 bytes");
        assert_eq!(Human(1536 * 1024 * 1024).to_string(), "1.5 GiB");
    }
}
