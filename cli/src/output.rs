//! Standard output that a closed pipe cannot break: once the reader is gone, writes are
//! dropped and the command goes on to its real exit status.
//!
//! Rust ignores SIGPIPE, so writing to a pipe whose reader has exited fails with
//! `BrokenPipe` instead of killing the process. That is the reader's choice (`| head`),
//! not a failure: nothing more is written, and nothing is said. Any other write error
//! (a full disk) is kept, reported once at the end, and makes the status 2.

use std::io::{self, Write};

/// A writer that stops at its first error, remembering it.
#[derive(Debug)]
pub struct Output<W: Write> {
    inner: W,
    state: State,
}

#[derive(Debug)]
enum State {
    Open,
    /// The reader closed the pipe.
    Closed,
    /// Writing failed otherwise.
    Failed(io::Error),
}

impl<W: Write> Output<W> {
    /// Wraps `inner` (typically a buffered standard output).
    pub fn new(inner: W) -> Self {
        Output {
            inner,
            state: State::Open,
        }
    }

    /// Writes all of `bytes`, unless writing already stopped.
    pub fn write(&mut self, bytes: &[u8]) {
        if matches!(self.state, State::Open) {
            if let Err(error) = self.inner.write_all(bytes) {
                self.stop(error);
            }
        }
    }

    /// Flushes, unless writing already stopped.
    pub fn flush(&mut self) {
        if matches!(self.state, State::Open) {
            if let Err(error) = self.inner.flush() {
                self.stop(error);
            }
        }
    }

    fn stop(&mut self, error: io::Error) {
        self.state = if error.kind() == io::ErrorKind::BrokenPipe {
            State::Closed
        } else {
            State::Failed(error)
        };
    }

    /// Whether the reader closed the pipe.
    pub fn closed(&self) -> bool {
        matches!(self.state, State::Closed)
    }

    /// Whether writing failed for another reason than a closed pipe.
    pub fn failed(&self) -> bool {
        matches!(self.state, State::Failed(_))
    }

    /// The error that stopped writing, other than a closed pipe.
    pub fn error(&self) -> Option<&io::Error> {
        match &self.state {
            State::Failed(error) => Some(error),
            _ => None,
        }
    }
}

impl<W: Write> Write for Output<W> {
    /// Never fails: a failure is remembered and stops later writes.
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        Output::write(self, bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Output::flush(self);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Failing(io::ErrorKind, usize);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            self.1 += 1;
            Err(io::Error::from(self.0))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_stops_writing_without_failing() {
        let mut out = Output::new(Failing(io::ErrorKind::BrokenPipe, 0));
        out.write(b"a");
        out.write(b"b");
        assert!(out.closed() && !out.failed());
        assert_eq!(out.inner.1, 1, "no write after the pipe closed");
    }

    #[test]
    fn other_errors_are_kept() {
        let mut out = Output::new(Failing(io::ErrorKind::StorageFull, 0));
        out.write(b"a");
        assert!(out.failed());
        assert_eq!(out.error().unwrap().kind(), io::ErrorKind::StorageFull);
    }
}
