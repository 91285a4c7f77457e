//! Bulk work (Adapty has no bulk endpoints and recommends concurrent requests): one operation applied
//! to many users with bounded concurrency, the driver's retries, progress, and one result per user in
//! input order — no user dropped, none done twice.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use super::{
    AdaptyUser, GrantAccessLevelRequest, Profile, ProfileRequest, RevokeAccessLevelRequest,
};
use crate::error::{Error, ErrorKind};

/// The operation applied to every user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "operation", rename_all = "snake_case")]
// Variants hold records by value: uniffi lifts enum payloads by value (no `Box` across the FFI).
#[allow(clippy::large_enum_variant)]
pub enum BulkOperation {
    /// Delete each profile.
    Delete,
    /// Grant the same access level to each.
    Grant {
        /// What to grant.
        request: GrantAccessLevelRequest,
    },
    /// Revoke the same access level from each.
    Revoke {
        /// What to revoke.
        request: RevokeAccessLevelRequest,
    },
    /// Apply the same profile fields to each.
    Update {
        /// The fields.
        profile: ProfileRequest,
    },
}

/// How a bulk run behaves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkOptions {
    /// Requests in flight at once (1..=256; default 16).
    #[serde(default = "default_concurrency")]
    #[cfg_attr(feature = "uniffi", uniffi(default = 16))]
    pub concurrency: u32,
    /// After an authentication failure, do not start more requests (the rest are reported as
    /// `cancelled`, never dropped). Default true.
    #[serde(default = "yes")]
    #[cfg_attr(feature = "uniffi", uniffi(default = true))]
    pub stop_on_auth_error: bool,
}

fn default_concurrency() -> u32 {
    16
}

fn yes() -> bool {
    true
}

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            concurrency: default_concurrency(),
            stop_on_auth_error: true,
        }
    }
}

/// Why one user's operation failed (the error's data, the same on every surface).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkFailure {
    /// The error kind (`not_found`, `api`, `auth`, `invalid_input`, `cancelled`, ...).
    pub kind: String,
    /// The error message.
    pub message: String,
    /// HTTP status, when a response came.
    pub status: Option<u16>,
    /// Vendor error code.
    pub code: Option<String>,
    /// Vendor request id.
    pub request_id: Option<String>,
}

impl From<&Error> for BulkFailure {
    fn from(e: &Error) -> Self {
        BulkFailure {
            kind: e.kind().as_str().to_owned(),
            message: e.to_string(),
            status: e.status(),
            code: e.code().map(str::to_owned),
            request_id: e.request_id().map(str::to_owned),
        }
    }
}

/// The result for one user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkItem {
    /// Position in the input.
    pub index: u32,
    /// The user.
    pub user: AdaptyUser,
    /// The profile after the operation (not for deletes).
    pub profile: Option<Profile>,
    /// The failure, when it failed.
    pub failure: Option<BulkFailure>,
}

impl BulkItem {
    /// Whether the operation succeeded for this user.
    pub fn ok(&self) -> bool {
        self.failure.is_none()
    }
}

/// Progress after each finished user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkProgress {
    /// Users finished (succeeded + failed).
    pub done: u32,
    /// Users in the run.
    pub total: u32,
    /// Succeeded so far.
    pub succeeded: u32,
    /// Failed so far.
    pub failed: u32,
}

/// Every user's result, in input order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BulkReport {
    /// One item per input user, in input order.
    pub items: Vec<BulkItem>,
    /// How many succeeded.
    pub succeeded: u32,
    /// How many failed.
    pub failed: u32,
}

/// Runs `op(user)` for every user with at most `options.concurrency` in flight on the current task.
pub(crate) async fn run<F, Fut>(
    users: Vec<AdaptyUser>,
    options: &BulkOptions,
    op: F,
    mut on_progress: impl FnMut(BulkProgress) + crate::MaybeSend,
) -> Result<BulkReport, Error>
where
    F: Fn(AdaptyUser) -> Fut,
    Fut: std::future::Future<Output = Result<Option<Profile>, Error>>,
{
    if !(1..=256).contains(&options.concurrency) {
        return Err(Error::invalid("concurrency", "must be between 1 and 256"));
    }
    let total = u32::try_from(users.len())
        .map_err(|_| Error::invalid("users", "too many users for one run"))?;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let slots: Mutex<Vec<Option<BulkItem>>> = Mutex::new(vec![None; users.len()]);
    let progress = Mutex::new(BulkProgress {
        done: 0,
        total,
        succeeded: 0,
        failed: 0,
    });
    let on_progress = Mutex::new(&mut on_progress);
    let workers = (0..options.concurrency.min(total.max(1))).map(|_| async {
        loop {
            // Each index is taken exactly once.
            let i = next.fetch_add(1, Ordering::SeqCst);
            let Some(user) = users.get(i) else { break };
            let outcome = if stop.load(Ordering::SeqCst) {
                Err(Error::Cancelled)
            } else {
                op(user.clone()).await
            };
            if let Err(e) = &outcome {
                if options.stop_on_auth_error && e.kind() == ErrorKind::Auth {
                    stop.store(true, Ordering::SeqCst);
                }
            }
            let item = BulkItem {
                index: i as u32,
                user: user.clone(),
                failure: outcome.as_ref().err().map(BulkFailure::from),
                profile: outcome.ok().flatten(),
            };
            let ok = item.ok();
            if let Ok(mut s) = slots.lock() {
                s[i] = Some(item);
            }
            let snapshot = match progress.lock() {
                Ok(mut p) => {
                    p.done += 1;
                    if ok {
                        p.succeeded += 1;
                    } else {
                        p.failed += 1;
                    }
                    *p
                }
                Err(_) => continue,
            };
            if let Ok(mut f) = on_progress.lock() {
                (*f)(snapshot);
            }
        }
    });
    futures_util::future::join_all(workers).await;
    let slots = slots.into_inner().unwrap_or_else(|p| p.into_inner());
    let mut report = BulkReport::default();
    for (i, slot) in slots.into_iter().enumerate() {
        let item = slot.unwrap_or_else(|| BulkItem {
            index: i as u32,
            user: users[i].clone(),
            profile: None,
            failure: Some(BulkFailure::from(&Error::Cancelled)),
        });
        if item.ok() {
            report.succeeded += 1;
        } else {
            report.failed += 1;
        }
        report.items.push(item);
    }
    Ok(report)
}
