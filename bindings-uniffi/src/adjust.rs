//! `AdjustClient` for Kotlin, Swift and Python: the nine settings-API operations (each with an optional
//! trailing `extra_query`) and `wait_for_ticket`.

use std::fmt;
use std::sync::Arc;

use adkit::adjust::*;
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::AdkitError;
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpTransport};

macro_rules! adjust_uniffi {
    ($($rows:tt)*) => { crate::operations::uniffi_operations!(AdjustClient; $($rows)*); };
}

/// Options of an [`AdjustClient`]. Holds no credential, so printing it (Kotlin `toString`, Python
/// `repr`) can never leak one: the tokens are separate constructor arguments.
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct AdjustClientOptions {
    /// Base URL override (https, or http on loopback such as the sandbox).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt (default 2).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
}

/// Told about every ticket status `wait_for_ticket` reads.
///
/// If `on_progress` throws, polling carries on unaffected and the listener is still told later
/// statuses. The failure is kept on the client: read it with
/// [`AdjustClient::take_listener_failures`].
#[uniffi::export(with_foreign)]
pub trait TicketProgressListener: Send + Sync {
    /// One status read (terminal included).
    fn on_progress(&self, status: TicketStatus) -> Result<(), ListenerError>;
}

/// A client of Adjust's settings API.
#[derive(uniffi::Object)]
pub struct AdjustClient {
    inner: adkit::adjust::AdjustClient<Bridge, TokioTimer>,
    listener_failures: ListenerFailures,
}

impl AdjustClient {
    /// One endpoint through core's driver.
    async fn send<E: AdjustEndpoint + Sync>(&self, endpoint: E) -> Result<E::Output, AdkitError> {
        Ok(self.inner.send(&endpoint).await?)
    }
}

impl fmt::Debug for AdjustClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdjustClient {
    /// A client with the API token (a server-side secret), the optional signature token, options, and
    /// the given transport or the built-in one when `transport` is null.
    #[uniffi::constructor(default(signature_token = None, options = None, transport = None))]
    pub fn new(
        api_token: String,
        signature_token: Option<String>,
        options: Option<AdjustClientOptions>,
        transport: Option<Arc<dyn HttpTransport>>,
    ) -> Result<Arc<Self>, AdkitError> {
        let options = options.unwrap_or_default();
        let mut core = adkit::adjust::AdjustConfig::new(api_token);
        core.signature_token = signature_token.map(adkit::Secret::new);
        core.options = ClientOptions::for_surface(
            "uniffi",
            options.base_url,
            options.timeout_ms,
            options.max_retries,
        );
        let transport = crate::pick_transport(transport)?;
        let inner = adkit::adjust::AdjustClient::new(core, Bridge(transport), TokioTimer)?;
        Ok(Arc::new(AdjustClient {
            inner,
            listener_failures: ListenerFailures::default(),
        }))
    }

    /// Polls until COMPLETED or FAILED (returned) or the deadline (a Transport/Timeout error). A
    /// `listener` that throws changes nothing about the polling (see [`TicketProgressListener`]).
    #[uniffi::method(default(options = None, listener = None))]
    pub async fn wait_for_ticket(
        &self,
        ticket_token: String,
        options: Option<WaitOptions>,
        listener: Option<Arc<dyn TicketProgressListener>>,
    ) -> Result<TicketStatus, AdkitError> {
        let options = options.unwrap_or_default();
        let status = self
            .inner
            .wait_for_ticket(&ticket_token, options, |s| {
                if let Some(l) = &listener {
                    self.listener_failures.record(
                        "TicketProgressListener.on_progress",
                        l.on_progress(s.clone()),
                    );
                }
            })
            .await?;
        Ok(status)
    }

    /// What this client's listeners threw since the last call, oldest first (at most the last 64);
    /// the client forgets them once returned.
    pub fn take_listener_failures(&self) -> Vec<ListenerFailure> {
        self.listener_failures.take()
    }
}

adkit::adjust_operations!(adjust_uniffi);
