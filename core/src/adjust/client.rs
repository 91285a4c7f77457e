//! [`AdjustClient`]: the nine settings-API operations and ticket polling over the shared driver.

use std::fmt;

use super::tickets::{TicketStatus, WaitOptions};
use super::{AdjustContext, AdjustEndpoint, DEFAULT_BASE_URL};
use crate::driver::{ClientOptions, Driver};
use crate::error::{Error, TransportErrorKind};
use crate::secret::Secret;
use crate::transport::{Timer, Transport};
use crate::validate;

/// Credentials and options of an [`AdjustClient`].
#[derive(Clone, Debug)]
pub struct AdjustConfig {
    /// The API token (dashboard → My profile → API token). A server-side secret.
    pub api_token: Secret,
    /// The signature token (from the Adjust account manager), needed for signature operations.
    pub signature_token: Option<Secret>,
    /// Driver options (base URL, timeout, retries, ...).
    pub options: ClientOptions,
}

impl AdjustConfig {
    /// A config with an API token and default options.
    pub fn new(api_token: impl Into<Secret>) -> Self {
        AdjustConfig {
            api_token: api_token.into(),
            signature_token: None,
            options: ClientOptions::default(),
        }
    }

    /// Sets the signature token.
    pub fn with_signature_token(mut self, token: impl Into<Secret>) -> Self {
        self.signature_token = Some(token.into());
        self
    }

    /// Sets the base URL (e.g. the sandbox's).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.options.base_url = Some(base_url.into());
        self
    }
}

/// A client of Adjust's settings API, generic over the transport and timer.
pub struct AdjustClient<T, C> {
    driver: Driver<T, C>,
    api_token: Secret,
    signature_token: Option<Secret>,
}

impl<T, C> fmt::Debug for AdjustClient<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdjustClient")
            .field("api_token", &self.api_token)
            .field("signature_token", &self.signature_token)
            .finish_non_exhaustive()
    }
}

impl<T: Transport, C: Timer> AdjustClient<T, C> {
    /// Checks the config (tokens present and usable in a header, base URL https or loopback http) and
    /// builds the client.
    pub fn new(config: AdjustConfig, transport: T, timer: C) -> Result<Self, Error> {
        validate::credential("api_token", config.api_token.expose())?;
        if let Some(sig) = &config.signature_token {
            validate::credential("signature_token", sig.expose())?;
        }
        let driver = Driver::new(config.options, DEFAULT_BASE_URL, transport, timer)?;
        Ok(AdjustClient {
            driver,
            api_token: config.api_token,
            signature_token: config.signature_token,
        })
    }

    /// The driver (base URL, options, transport, timer).
    pub fn driver(&self) -> &Driver<T, C> {
        &self.driver
    }

    /// The build context of this client's endpoints.
    pub fn context(&self) -> AdjustContext<'_> {
        AdjustContext {
            base_url: self.driver.base_url(),
            api_token: &self.api_token,
            signature_token: self.signature_token.as_ref(),
        }
    }

    /// Builds, sends (through the driver) and parses any endpoint: [`crate::send`], the call path every
    /// vendor shares.
    pub fn send<'a, E: AdjustEndpoint + Sync>(
        &'a self,
        endpoint: &'a E,
    ) -> impl std::future::Future<Output = Result<E::Output, Error>> + crate::MaybeSend + 'a {
        crate::endpoint::send(self, endpoint)
    }

    /// Polls a ticket until it is `COMPLETED` or `FAILED` (returned as `Ok`; check
    /// [`TicketStatus::status`]) or until `options.timeout_ms` passes (a `Transport` error of kind
    /// `Timeout`; the last look happens at the deadline). Pauses start at `initial_interval_ms` and double up to `max_interval_ms`.
    /// `on_progress` sees every status read, terminal included.
    pub async fn wait_for_ticket(
        &self,
        ticket_token: &str,
        options: WaitOptions,
        mut on_progress: impl FnMut(&TicketStatus) + crate::MaybeSend,
    ) -> Result<TicketStatus, Error> {
        validate::path_segment("ticket_token", ticket_token)?;
        if options.initial_interval_ms == 0 || options.max_interval_ms < options.initial_interval_ms
        {
            return Err(Error::invalid(
                "options",
                "need 0 < initial_interval_ms <= max_interval_ms",
            ));
        }
        let timer = self.driver.timer();
        let deadline = timer.now_unix_ms().saturating_add(options.timeout_ms);
        let mut interval = options.initial_interval_ms;
        loop {
            let status = self.get_ticket_status(ticket_token).await?;
            on_progress(&status);
            if status.status.is_terminal() {
                return Ok(status);
            }
            let now = timer.now_unix_ms();
            if now >= deadline {
                return Err(Error::Transport {
                    kind: TransportErrorKind::Timeout,
                    message: format!(
                        "ticket {ticket_token} still {} after {} ms",
                        status.status, options.timeout_ms
                    ),
                });
            }
            // The last pause is cut short so one more look happens right at the deadline.
            let pause = interval.min(deadline - now);
            timer.sleep(std::time::Duration::from_millis(pause)).await;
            interval = interval.saturating_mul(2).min(options.max_interval_ms);
        }
    }
}

impl<T: Transport, C: Timer> crate::Session for AdjustClient<T, C> {
    type Api = super::AdjustApi;

    async fn exchange<'s, B>(
        &'s self,
        build: &'s B,
        policy: crate::driver::RequestPolicy,
    ) -> Result<crate::driver::Exchange, Error>
    where
        B: for<'c> Fn(&AdjustContext<'c>) -> Result<crate::HttpRequest, Error> + Sync,
    {
        let request = build(&self.context())?;
        self.driver.execute(request, policy).await
    }
}

#[cfg(feature = "reqwest")]
impl AdjustClient<crate::native::ReqwestTransport, crate::native::TokioTimer> {
    /// A client on the native reqwest transport and tokio timer.
    pub fn native(config: AdjustConfig) -> Result<Self, Error> {
        AdjustClient::new(
            config,
            crate::native::ReqwestTransport::new()?,
            crate::native::TokioTimer,
        )
    }
}
