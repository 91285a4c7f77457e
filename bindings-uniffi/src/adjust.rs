//! `AdjustClient` for Kotlin, Swift and Python: the nine settings-API operations (each with an optional
//! trailing `extra_query`) and `wait_for_ticket`.

use std::fmt;
use std::sync::Arc;

use adkit::adjust::{
    AdjustEndpoint, AppDetails, CampaignUrls, ChannelList, CreateAppRequest, CreateAppResponse,
    CreateCampaignRequest, FindAppRequest, GenerateSignatureRequest, GenerateSignatureResponse,
    GetAppRequest, GetSignatureRequest, GetTicketStatusRequest, ListChannelsRequest, Platform,
    SignatureLibraries, TicketStatus, UpdateAppRequest, UpdateAppResponse, WaitOptions,
};
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::{AdkitError, Checked};
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpTransport};
use crate::{QueryParam, with_query};

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

    /// POST /app: get-or-create the app; returns its token and the migration ticket. Raw JSON text
    /// that is not JSON (`override_settings`, `channel_setup`) is `InvalidInput` for `request`.
    /// `extra_query`: parameters adkit does not know yet (see [`QueryParam`]).
    #[uniffi::method(default(extra_query = None))]
    pub async fn create_app(
        &self,
        request: CreateAppRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Checked<CreateAppResponse> {
        Checked(self.send(with_query(request, extra_query)).await)
    }

    /// GET /app/{app_token}.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_app(
        &self,
        app_token: String,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<AppDetails, AdkitError> {
        self.send(with_query(GetAppRequest { app_token }, extra_query))
            .await
    }

    /// GET /app?store_id=&platform= (follows Adjust's redirect).
    #[uniffi::method(default(extra_query = None))]
    pub async fn find_app(
        &self,
        store_id: String,
        platform: Platform,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<AppDetails, AdkitError> {
        let request = FindAppRequest { store_id, platform };
        self.send(with_query(request, extra_query)).await
    }

    /// POST /campaign: click and impression URLs. Raw JSON text that is not JSON (`channel_setup`)
    /// is `InvalidInput` for `request`.
    #[uniffi::method(default(extra_query = None))]
    pub async fn create_campaign(
        &self,
        request: CreateCampaignRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Checked<CampaignUrls> {
        Checked(self.send(with_query(request, extra_query)).await)
    }

    /// GET /signature?bundle_id=.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_signature(
        &self,
        bundle_id: String,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<SignatureLibraries, AdkitError> {
        self.send(with_query(GetSignatureRequest { bundle_id }, extra_query))
            .await
    }

    /// GET /app/{app_token}/channels.
    #[uniffi::method(default(extra_query = None))]
    pub async fn list_channels(
        &self,
        app_token: String,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<ChannelList, AdkitError> {
        self.send(with_query(ListChannelsRequest { app_token }, extra_query))
            .await
    }

    /// GET /status/{ticket_token}.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_ticket_status(
        &self,
        ticket_token: String,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<TicketStatus, AdkitError> {
        let request = GetTicketStatusRequest { ticket_token };
        self.send(with_query(request, extra_query)).await
    }

    /// POST /app/{app_token}.
    #[uniffi::method(default(extra_query = None))]
    pub async fn update_app(
        &self,
        request: UpdateAppRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<UpdateAppResponse, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /signature (needs the signature token).
    #[uniffi::method(default(extra_query = None))]
    pub async fn generate_signature(
        &self,
        request: GenerateSignatureRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<GenerateSignatureResponse, AdkitError> {
        self.send(with_query(request, extra_query)).await
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
