//! How a run ends, and the exit status each ending gets, in one place (as fd's `exit_codes.rs`
//! and just's `error.rs`): 0 done, 1 a failure, 2 a usage error, 3 something needs attention
//! (`hi status --check`), and an interruption ended as the signal would have ended it.

use std::io;

/// What a command that ran to its end came to. Failures are errors; these are not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum Outcome {
    /// It did what was asked.
    Done,
    /// It ran, and what it found needs the person's attention (`hi status --check`): exit 3.
    NeedsAttention,
    /// Ctrl-C stopped it after it had cleaned up what it had made: `main` ends the process as
    /// SIGINT would have.
    Interrupted,
}

/// A mistake in how `hi` was called that clap cannot catch, found while checking a value after
/// parsing (the same id twice, an impossible date): exit status 2, as clap's own usage errors.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// A usage error, as an error to return.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}

/// Ctrl-C was pressed during work written in steps: the work unwinds with this error, cleaning
/// up as it goes, and the command turns it into [`Outcome::Interrupted`].
#[derive(Debug)]
pub struct Interrupted;

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}

/// A note on stderr that is no failure (`hi: ...`, on one line, safe for the terminal). A
/// stderr that cannot be written is left alone: there is nowhere else to say it.
pub fn notice(text: &str) {
    use std::io::Write;
    let _ = writeln!(
        io::stderr().lock(),
        "hi: {}",
        crate::sanitize::clean_line(text)
    );
}

/// The exit status of a run that ended in `error`, or `None` when the error is no failure: a
/// write to a closed pipe (`hi roles | head -1`), where the reader has had enough.
pub fn exit_status(error: &anyhow::Error) -> Option<u8> {
    if is_closed_pipe(error) {
        return None;
    }
    Some(match error.downcast_ref::<UsageError>() {
        Some(_) => 2,
        None => 1,
    })
}

fn is_closed_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let kind = match cause.downcast_ref::<io::Error>() {
            Some(e) => Some(e.kind()),
            None => cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind),
        };
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn each_ending_has_its_exit_status() {
        let closed = io::Error::from(io::ErrorKind::BrokenPipe);
        assert_eq!(exit_status(&anyhow::Error::from(closed)), None);
        let wrapped = Err::<(), _>(io::Error::from(io::ErrorKind::BrokenPipe))
            .context("cannot write to stdout")
            .unwrap_err();
        assert_eq!(exit_status(&wrapped), None);
        assert_eq!(exit_status(&usage("bad flag")), Some(2));
        let full = io::Error::from(io::ErrorKind::StorageFull);
        assert_eq!(exit_status(&anyhow::Error::from(full)), Some(1));
    }
}
