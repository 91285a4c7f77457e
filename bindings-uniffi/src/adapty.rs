//! `AdaptyClient` for Kotlin, Swift and Python: every Adapty operation (each with an optional trailing
//! `extra_query`), bulk work with a progress
//! listener, and `AdaptyWebhookReceiver` for servers that receive Adapty's webhooks.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use adkit::Ack;
use adkit::adapty::webhooks::{WebhookDelivery, WebhookReceiver};
use adkit::adapty::*;
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::AdkitError;
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpHeader, HttpTransport};

macro_rules! adapty_uniffi {
    ($($rows:tt)*) => { crate::operations::uniffi_operations!(AdaptyClient; $($rows)*); };
}

/// Options of an [`AdaptyClient`]. Holds no key, so printing it never leaks one.
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct AdaptyClientOptions {
    /// Root of the server-side, Stripe and Web APIs (default `https://api.adapty.io/`); the sandbox
    /// serves every family, export included, under one root.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Root of the export API (default `https://api-admin.adapty.io/`, or `base_url` when only that
    /// is given).
    #[uniffi(default = None)]
    pub export_base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt (default 2).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
}

/// Told after each user of a bulk run finishes.
///
/// If `on_progress` throws, the run carries on unaffected — every user is still processed and the
/// report is complete — and the listener is still told later progress. The failure is kept on the
/// client: read it with [`AdaptyClient::take_listener_failures`].
#[uniffi::export(with_foreign)]
pub trait BulkProgressListener: Send + Sync {
    /// Progress so far.
    fn on_progress(&self, progress: BulkProgress) -> Result<(), ListenerError>;
}

/// A client of Adapty's APIs.
#[derive(uniffi::Object)]
pub struct AdaptyClient {
    inner: Arc<adkit::adapty::AdaptyClient<Bridge, TokioTimer>>,
    listener_failures: ListenerFailures,
}

impl AdaptyClient {
    /// One endpoint through core's driver.
    async fn send<E: AdaptyEndpoint + Sync>(&self, endpoint: E) -> Result<E::Output, AdkitError> {
        Ok(self.inner.send(&endpoint).await?)
    }
}

impl crate::operations::CoreClient for AdaptyClient {
    type Core = adkit::adapty::AdaptyClient<Bridge, TokioTimer>;
    fn core(&self) -> &Arc<Self::Core> {
        &self.inner
    }
}

impl fmt::Debug for AdaptyClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdaptyClient {
    /// A client with the secret key (servers only), the public key (Web API), or both; options; and
    /// the given transport or the built-in one when `transport` is null.
    #[uniffi::constructor(default(secret_key = None, public_key = None, options = None, transport = None))]
    pub fn new(
        secret_key: Option<String>,
        public_key: Option<String>,
        options: Option<AdaptyClientOptions>,
        transport: Option<Arc<dyn HttpTransport>>,
    ) -> Result<Arc<Self>, AdkitError> {
        let options = options.unwrap_or_default();
        let config = adkit::adapty::AdaptyConfig {
            secret_key: secret_key.map(adkit::Secret::new),
            public_key: public_key.map(adkit::Secret::new),
            export_base_url: options.export_base_url.or(options.base_url.clone()),
            options: ClientOptions::for_surface(
                "uniffi",
                options.base_url,
                options.timeout_ms,
                options.max_retries,
            ),
            // Kotlin, Swift and Python run on servers and in apps, never in a web page.
            allow_secret_key_in_browser: false,
        };
        let transport = crate::pick_transport(transport)?;
        let inner = adkit::adapty::AdaptyClient::new(config, Bridge(transport), TokioTimer)?;
        Ok(Arc::new(AdaptyClient {
            inner: Arc::new(inner),
            listener_failures: ListenerFailures::default(),
        }))
    }

    /// Applies `operation` to every user with bounded concurrency; one item per user, in order. A
    /// `listener` that throws changes nothing about the run (see [`BulkProgressListener`]).
    #[uniffi::method(default(options = None, listener = None))]
    pub async fn bulk(
        &self,
        operation: BulkOperation,
        users: Vec<AdaptyUser>,
        options: Option<BulkOptions>,
        listener: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<BulkReport, AdkitError> {
        let options = options.unwrap_or_default();
        Ok(self
            .inner
            .bulk(&operation, users, &options, |p| {
                if let Some(l) = &listener {
                    self.listener_failures
                        .record("BulkProgressListener.on_progress", l.on_progress(p));
                }
            })
            .await?)
    }

    /// What this client's listeners threw since the last call, oldest first (at most the last 64);
    /// the client forgets them once returned.
    pub fn take_listener_failures(&self) -> Vec<ListenerFailure> {
        self.listener_failures.take()
    }
}

/// Checks and decodes Adapty webhook deliveries (constant-time Authorization check).
#[derive(uniffi::Object)]
pub struct AdaptyWebhookReceiver {
    inner: WebhookReceiver,
}

impl fmt::Debug for AdaptyWebhookReceiver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdaptyWebhookReceiver {
    /// The configured Authorization values (production and/or sandbox: at least one, non-empty —
    /// otherwise `InvalidInput`) and custom event names (renamed in the dashboard) → Adapty names.
    #[uniffi::constructor(default(sandbox_authorization = None, event_names = None))]
    pub fn new(
        production_authorization: Option<String>,
        sandbox_authorization: Option<String>,
        event_names: Option<HashMap<String, String>>,
    ) -> Result<Arc<Self>, AdkitError> {
        let inner = WebhookReceiver::with_values(
            production_authorization.map(adkit::Secret::new),
            sandbox_authorization.map(adkit::Secret::new),
        )?
        .with_event_names(event_names.unwrap_or_default());
        Ok(Arc::new(AdaptyWebhookReceiver { inner }))
    }

    /// Checks the `Authorization` header and parses the body: the handshake or a typed event. A
    /// failed check is `AdkitError.Verification` (answer 401).
    pub fn receive(
        &self,
        headers: Vec<Arc<HttpHeader>>,
        body: Vec<u8>,
    ) -> Result<WebhookDelivery, AdkitError> {
        Ok(self
            .inner
            .receive(headers.iter().map(|h| (h.name_str(), h.value_str())), &body)?)
    }

    /// The JSON body to answer every delivery with (`{}`), with a 200.
    pub fn ack_body(&self) -> String {
        WebhookReceiver::ACK_BODY.to_owned()
    }
}

adkit::adapty_operations!(adapty_uniffi);
