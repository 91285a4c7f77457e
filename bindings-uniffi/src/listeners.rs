//! Listener failures. A listener implemented in Kotlin, Swift or Python may throw; that never aborts
//! the call it is told about and never loses its results or tokens. The call carries on, and the
//! failure is kept on the client that called the listener, for the caller to read with
//! `take_listener_failures()`.

use std::collections::VecDeque;
use std::sync::Mutex;

/// What a listener threw. Listeners need not throw this type: any exception thrown by a Kotlin, Swift
/// or Python listener arrives as [`ListenerError::Failed`] with its text.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum ListenerError {
    /// The listener failed.
    #[error("{detail}")]
    Failed {
        /// What it threw (for an unexpected exception: its text, in Kotlin with the stack trace).
        detail: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for ListenerError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        ListenerError::Failed { detail: e.reason }
    }
}

/// One listener call that threw.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct ListenerFailure {
    /// The listener method, e.g. `AdmitadTokenListener.on_tokens`.
    pub listener: String,
    /// What it threw.
    pub message: String,
}

/// How many failures a client keeps; older ones are dropped first.
const KEPT: usize = 64;

/// The listener failures of one client, oldest first, at most [`KEPT`].
#[derive(Debug, Default)]
pub(crate) struct ListenerFailures(Mutex<VecDeque<ListenerFailure>>);

impl ListenerFailures {
    /// Keeps the failure of a listener call, if it failed.
    pub(crate) fn record(&self, listener: &str, outcome: Result<(), ListenerError>) {
        let Err(ListenerError::Failed { detail }) = outcome else {
            return;
        };
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if kept.len() == KEPT {
            kept.pop_front();
        }
        kept.push_back(ListenerFailure {
            listener: listener.to_owned(),
            message: detail,
        });
    }

    /// The failures kept so far, oldest first; the log is empty afterwards.
    pub(crate) fn take(&self) -> Vec<ListenerFailure> {
        let mut kept = self.0.lock().unwrap_or_else(|p| p.into_inner());
        kept.drain(..).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_newest_failures_and_empties_on_take() {
        let log = ListenerFailures::default();
        log.record("L.on_x", Ok(()));
        for i in 0..(KEPT + 3) {
            log.record(
                "L.on_x",
                Err(ListenerError::Failed {
                    detail: i.to_string(),
                }),
            );
        }
        let taken = log.take();
        assert_eq!(taken.len(), KEPT);
        assert_eq!(taken[0].message, "3");
        assert!(log.take().is_empty());
    }
}
