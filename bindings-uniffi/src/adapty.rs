//! `AdaptyClient` for Kotlin, Swift and Python: every Adapty operation (each with an optional trailing
//! `extra_query`), bulk work with a progress
//! listener, and `AdaptyWebhookReceiver` for servers that receive Adapty's webhooks.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use adkit::adapty::webhooks::{WebhookDelivery, WebhookReceiver};
use adkit::adapty::{
    AdaptyEndpoint, AdaptyUser, AnalyticsExportRequest, BulkOperation, BulkOptions, BulkProgress,
    BulkReport, CohortExportRequest, ConversionExportRequest, CreateProfile,
    CreateVirtualCurrencyTransaction, DeleteProfile, FunnelExportRequest,
    GetIntegrationIdentifiers, GetPaywall, GetProfile, GetRefundSaverSettings, GetWebPaywall,
    GrantAccessLevel, GrantAccessLevelRequest, IntegrationIdentifiers, ListPaywalls,
    ListVirtualCurrencyBalances, ListVirtualCurrencyTransactions, LtvExportRequest, MetricsExport,
    Paywall, PaywallList, PlacementExport, PlacementsExportRequest, Profile, ProfileRequest,
    RecordWebPaywallVisit, RefundSaverSettings, RetentionExportRequest, RevokeAccessLevel,
    RevokeAccessLevelRequest, SetIntegrationIdentifiers, SetRefundSaverSettings,
    SetRefundSaverSettingsRequest, SetTransaction, SetWebAttribution, Transaction, UpdatePaywall,
    UpdatePaywallRequest, UpdateProfile, ValidatePaddlePurchase, ValidatePaddlePurchaseRequest,
    ValidateStripePurchase, ValidateStripePurchaseRequest, VirtualCurrencyBalances,
    VirtualCurrencyHistory, VirtualCurrencyHistoryQuery, VirtualCurrencyTransactionRequest,
    VirtualCurrencyTransactionResult, WebAttributionRequest, WebPaywall, WebPaywallRequest,
    WebPaywallVisit,
};
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::AdkitError;
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpHeader, HttpTransport};
use crate::{QueryParam, with_query};

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
    inner: adkit::adapty::AdaptyClient<Bridge, TokioTimer>,
    listener_failures: ListenerFailures,
}

impl AdaptyClient {
    /// One endpoint through core's driver.
    async fn send<E: AdaptyEndpoint + Sync>(&self, endpoint: E) -> Result<E::Output, AdkitError> {
        Ok(self.inner.send(&endpoint).await?)
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
            inner,
            listener_failures: ListenerFailures::default(),
        }))
    }

    /// GET /profile/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_profile(
        &self,
        user: AdaptyUser,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(GetProfile { user }, extra_query))
            .await
    }

    /// POST /profile/ (customer user id alone: new profile; both ids: link them).
    #[uniffi::method(default(extra_query = None))]
    pub async fn create_profile(
        &self,
        user: AdaptyUser,
        profile: ProfileRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(CreateProfile { user, profile }, extra_query))
            .await
    }

    /// PATCH /profile/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn update_profile(
        &self,
        user: AdaptyUser,
        profile: ProfileRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(UpdateProfile { user, profile }, extra_query))
            .await
    }

    /// DELETE /profile/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn delete_profile(
        &self,
        user: AdaptyUser,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<(), AdkitError> {
        self.send(with_query(DeleteProfile { user }, extra_query))
            .await
    }

    /// POST /purchase/set/transaction/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn set_transaction(
        &self,
        user: AdaptyUser,
        transaction: Transaction,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(
            SetTransaction { user, transaction },
            extra_query,
        ))
        .await
    }

    /// POST /purchase/profile/grant/access-level/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn grant_access_level(
        &self,
        user: AdaptyUser,
        request: GrantAccessLevelRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(GrantAccessLevel { user, request }, extra_query))
            .await
    }

    /// POST /purchase/profile/revoke/access-level/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn revoke_access_level(
        &self,
        user: AdaptyUser,
        request: RevokeAccessLevelRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(RevokeAccessLevel { user, request }, extra_query))
            .await
    }

    /// GET /purchase/profile/refund-saver/settings/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_refund_saver_settings(
        &self,
        user: AdaptyUser,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<RefundSaverSettings, AdkitError> {
        self.send(with_query(GetRefundSaverSettings { user }, extra_query))
            .await
    }

    /// POST /purchase/profile/refund-saver/settings/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn set_refund_saver_settings(
        &self,
        user: AdaptyUser,
        request: SetRefundSaverSettingsRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<RefundSaverSettings, AdkitError> {
        self.send(with_query(
            SetRefundSaverSettings { user, request },
            extra_query,
        ))
        .await
    }

    /// POST /api/v1/sdk/purchase/stripe/token/validate/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn validate_stripe_purchase(
        &self,
        request: ValidateStripePurchaseRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<(), AdkitError> {
        self.send(with_query(ValidateStripePurchase { request }, extra_query))
            .await
    }

    /// POST /purchase/paddle/token/validate/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn validate_paddle_purchase(
        &self,
        request: ValidatePaddlePurchaseRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Profile, AdkitError> {
        self.send(with_query(ValidatePaddlePurchase { request }, extra_query))
            .await
    }

    /// GET …/integration-identifiers/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_integration_identifiers(
        &self,
        user: AdaptyUser,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<IntegrationIdentifiers, AdkitError> {
        self.send(with_query(GetIntegrationIdentifiers { user }, extra_query))
            .await
    }

    /// POST …/integration-identifiers/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn set_integration_identifiers(
        &self,
        user: AdaptyUser,
        identifiers: IntegrationIdentifiers,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<(), AdkitError> {
        self.send(with_query(
            SetIntegrationIdentifiers { user, identifiers },
            extra_query,
        ))
        .await
    }

    /// GET /paywalls/ (one page).
    #[uniffi::method(default(page = None, page_size = None, extra_query = None))]
    pub async fn list_paywalls(
        &self,
        page: Option<u32>,
        page_size: Option<u32>,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<PaywallList, AdkitError> {
        self.send(with_query(ListPaywalls { page, page_size }, extra_query))
            .await
    }

    /// GET /paywalls/{paywall_id}/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_paywall(
        &self,
        paywall_id: String,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Paywall, AdkitError> {
        self.send(with_query(GetPaywall { paywall_id }, extra_query))
            .await
    }

    /// PUT /paywalls/{paywall_id}/ (replaces all remote configs).
    #[uniffi::method(default(extra_query = None))]
    pub async fn update_paywall(
        &self,
        paywall_id: String,
        request: UpdatePaywallRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<Paywall, AdkitError> {
        self.send(with_query(
            UpdatePaywall {
                paywall_id,
                request,
            },
            extra_query,
        ))
        .await
    }

    /// POST /vc/transactions/ (an Idempotency-Key is drawn when absent).
    #[uniffi::method(default(extra_query = None))]
    pub async fn create_virtual_currency_transaction(
        &self,
        user: AdaptyUser,
        request: VirtualCurrencyTransactionRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<VirtualCurrencyTransactionResult, AdkitError> {
        self.send(with_query(
            CreateVirtualCurrencyTransaction::new(user, request)?,
            extra_query,
        ))
        .await
    }

    /// GET /vc/transactions/.
    #[uniffi::method(default(query = None, extra_query = None))]
    pub async fn list_virtual_currency_transactions(
        &self,
        user: AdaptyUser,
        query: Option<VirtualCurrencyHistoryQuery>,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<VirtualCurrencyHistory, AdkitError> {
        self.send(with_query(
            ListVirtualCurrencyTransactions {
                user,
                query: query.unwrap_or_default(),
            },
            extra_query,
        ))
        .await
    }

    /// GET /vc/balances/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn list_virtual_currency_balances(
        &self,
        user: AdaptyUser,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<VirtualCurrencyBalances, AdkitError> {
        self.send(with_query(
            ListVirtualCurrencyBalances { user },
            extra_query,
        ))
        .await
    }

    /// POST /exports/placements/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_placements(
        &self,
        request: PlacementsExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<PlacementExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/analytics/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_analytics(
        &self,
        request: AnalyticsExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/cohort/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_cohort(
        &self,
        request: CohortExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/conversion/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_conversion(
        &self,
        request: ConversionExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/funnel/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_funnel(
        &self,
        request: FunnelExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/ltv/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_ltv(
        &self,
        request: LtvExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// POST /metrics/retention/.
    #[uniffi::method(default(extra_query = None))]
    pub async fn export_retention(
        &self,
        request: RetentionExportRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<MetricsExport, AdkitError> {
        self.send(with_query(request, extra_query)).await
    }

    /// Web API POST /paywall/ (public key).
    #[uniffi::method(default(extra_query = None))]
    pub async fn get_web_paywall(
        &self,
        request: WebPaywallRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<WebPaywall, AdkitError> {
        self.send(with_query(GetWebPaywall { request }, extra_query))
            .await
    }

    /// Web API POST /paywall/visit/ (public key).
    #[uniffi::method(default(extra_query = None))]
    pub async fn record_web_paywall_visit(
        &self,
        visit: WebPaywallVisit,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<(), AdkitError> {
        self.send(with_query(RecordWebPaywallVisit { visit }, extra_query))
            .await
    }

    /// Web API POST /attribution/ (public key).
    #[uniffi::method(default(extra_query = None))]
    pub async fn set_web_attribution(
        &self,
        request: WebAttributionRequest,
        extra_query: Option<Vec<QueryParam>>,
    ) -> Result<(), AdkitError> {
        self.send(with_query(SetWebAttribution { request }, extra_query))
            .await
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
