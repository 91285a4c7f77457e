//! A client-side limiter: at most `max` requests in any window of `window` (a sliding log), waiting
//! on the injected [`Timer`] when full. Keeps bulk users under a vendor's per-window quota.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::Duration;

use crate::transport::Timer;

/// At most `max` starts in any `window`.
#[derive(Debug)]
pub struct WindowLimiter {
    max: usize,
    window_ms: u64,
    starts: Mutex<VecDeque<u64>>,
}

impl WindowLimiter {
    /// A limiter allowing `max` (at least 1) starts per `window`.
    pub fn new(max: u32, window: Duration) -> Self {
        WindowLimiter {
            max: max.max(1) as usize,
            window_ms: window.as_millis().max(1) as u64,
            starts: Mutex::new(VecDeque::new()),
        }
    }

    /// Waits until a start is allowed, then records it.
    pub async fn acquire<C: Timer>(&self, timer: &C) {
        loop {
            let wait = {
                let now = timer.now_unix_ms();
                let Ok(mut starts) = self.starts.lock() else {
                    return;
                };
                while starts.front().is_some_and(|&t| t + self.window_ms <= now) {
                    starts.pop_front();
                }
                if starts.len() < self.max {
                    starts.push_back(now);
                    return;
                }
                starts
                    .front()
                    .map_or(1, |&oldest| oldest + self.window_ms - now)
            };
            timer.sleep(Duration::from_millis(wait.max(1))).await;
        }
    }
}
