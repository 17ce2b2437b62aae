//! Progress of a long run, on standard error when it is a terminal; never when it is a
//! pipe or a file, so logs and scripts see only the reports and the errors.

use std::io::{self, IsTerminal};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A run shorter than this shows no progress at all.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Counts payloads queued and checked; draws them once the run has lasted a while.
#[derive(Debug, Clone)]
pub struct Progress {
    bar: ProgressBar,
    terminal: bool,
    started: Instant,
}

impl Progress {
    /// Progress drawn on standard error if, and only if, it is a terminal.
    pub fn on_stderr() -> Self {
        Progress {
            terminal: io::stderr().is_terminal(),
            ..Progress::hidden()
        }
    }

    /// Progress never drawn.
    pub fn hidden() -> Self {
        let bar = ProgressBar::hidden();
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} {pos}/{len} payloads checked, {msg} [{elapsed}]",
        ) {
            bar.set_style(style);
        }
        bar.set_message("0 invalid");
        Progress {
            bar,
            terminal: false,
            started: Instant::now(),
        }
    }

    /// `count` more payloads are on their way.
    pub fn queued(&self, count: usize) {
        self.bar.inc_length(count as u64);
    }

    /// `count` more payloads were reported; `invalid` of all so far were invalid.
    pub fn checked(&self, count: usize, invalid: usize) {
        self.bar.inc(count as u64);
        if count > 0 {
            self.bar.set_message(format!("{invalid} invalid"));
        }
        self.tick();
    }

    /// Starts drawing once the run has lasted a second.
    pub fn tick(&self) {
        if self.terminal && self.bar.is_hidden() && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(200));
        }
    }

    /// Runs `write` with the bar cleared from the screen, so output never mixes with it.
    pub fn suspend<R>(&self, write: impl FnOnce() -> R) -> R {
        if self.bar.is_hidden() {
            write()
        } else {
            self.bar.suspend(write)
        }
    }

    /// Whether the bar is on the screen.
    pub fn is_drawn(&self) -> bool {
        !self.bar.is_hidden()
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
