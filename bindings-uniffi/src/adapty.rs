//! `AdaptyClient` for Kotlin, Swift and Python: every Adapty operation, bulk work with a progress
//! listener, and `AdaptyWebhookReceiver` for servers that receive Adapty's webhooks.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use adkit::adapty::webhooks::{WebhookDelivery, WebhookReceiver};
use adkit::adapty::{
    AdaptyUser, AnalyticsExportRequest, BulkOperation, BulkOptions, BulkProgress, BulkReport,
    CohortExportRequest, ConversionExportRequest, FunnelExportRequest, GrantAccessLevelRequest,
    IntegrationIdentifiers, LtvExportRequest, MetricsExport, Paywall, PaywallList, PlacementExport,
    PlacementsExportRequest, Profile, ProfileRequest, RefundSaverSettings, RetentionExportRequest,
    RevokeAccessLevelRequest, SetRefundSaverSettingsRequest, Transaction, UpdatePaywallRequest,
    ValidatePaddlePurchaseRequest, ValidateStripePurchaseRequest, VirtualCurrencyBalances,
    VirtualCurrencyHistory, VirtualCurrencyHistoryQuery, VirtualCurrencyTransactionRequest,
    VirtualCurrencyTransactionResult, WebAttributionRequest, WebPaywall, WebPaywallRequest,
    WebPaywallVisit,
};
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::AdkitError;
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpHeader, HttpTransport};

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
        };
        let transport = crate::pick_transport(transport)?;
        let inner = adkit::adapty::AdaptyClient::new(config, Bridge(transport), TokioTimer)?;
        Ok(Arc::new(AdaptyClient {
            inner,
            listener_failures: ListenerFailures::default(),
        }))
    }

    /// GET /profile/.
    pub async fn get_profile(&self, user: AdaptyUser) -> Result<Profile, AdkitError> {
        Ok(self.inner.get_profile(&user).await?)
    }

    /// POST /profile/ (customer user id alone: new profile; both ids: link them).
    pub async fn create_profile(
        &self,
        user: AdaptyUser,
        profile: ProfileRequest,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.create_profile(&user, &profile).await?)
    }

    /// PATCH /profile/.
    pub async fn update_profile(
        &self,
        user: AdaptyUser,
        profile: ProfileRequest,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.update_profile(&user, &profile).await?)
    }

    /// DELETE /profile/.
    pub async fn delete_profile(&self, user: AdaptyUser) -> Result<(), AdkitError> {
        Ok(self.inner.delete_profile(&user).await?)
    }

    /// POST /purchase/set/transaction/.
    pub async fn set_transaction(
        &self,
        user: AdaptyUser,
        transaction: Transaction,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.set_transaction(&user, &transaction).await?)
    }

    /// POST /purchase/profile/grant/access-level/.
    pub async fn grant_access_level(
        &self,
        user: AdaptyUser,
        request: GrantAccessLevelRequest,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.grant_access_level(&user, &request).await?)
    }

    /// POST /purchase/profile/revoke/access-level/.
    pub async fn revoke_access_level(
        &self,
        user: AdaptyUser,
        request: RevokeAccessLevelRequest,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.revoke_access_level(&user, &request).await?)
    }

    /// GET /purchase/profile/refund-saver/settings/.
    pub async fn get_refund_saver_settings(
        &self,
        user: AdaptyUser,
    ) -> Result<RefundSaverSettings, AdkitError> {
        Ok(self.inner.get_refund_saver_settings(&user).await?)
    }

    /// POST /purchase/profile/refund-saver/settings/.
    pub async fn set_refund_saver_settings(
        &self,
        user: AdaptyUser,
        request: SetRefundSaverSettingsRequest,
    ) -> Result<RefundSaverSettings, AdkitError> {
        Ok(self
            .inner
            .set_refund_saver_settings(&user, &request)
            .await?)
    }

    /// POST /api/v1/sdk/purchase/stripe/token/validate/.
    pub async fn validate_stripe_purchase(
        &self,
        request: ValidateStripePurchaseRequest,
    ) -> Result<(), AdkitError> {
        Ok(self.inner.validate_stripe_purchase(&request).await?)
    }

    /// POST /purchase/paddle/token/validate/.
    pub async fn validate_paddle_purchase(
        &self,
        request: ValidatePaddlePurchaseRequest,
    ) -> Result<Profile, AdkitError> {
        Ok(self.inner.validate_paddle_purchase(&request).await?)
    }

    /// GET …/integration-identifiers/.
    pub async fn get_integration_identifiers(
        &self,
        user: AdaptyUser,
    ) -> Result<IntegrationIdentifiers, AdkitError> {
        Ok(self.inner.get_integration_identifiers(&user).await?)
    }

    /// POST …/integration-identifiers/.
    pub async fn set_integration_identifiers(
        &self,
        user: AdaptyUser,
        identifiers: IntegrationIdentifiers,
    ) -> Result<(), AdkitError> {
        Ok(self
            .inner
            .set_integration_identifiers(&user, &identifiers)
            .await?)
    }

    /// GET /paywalls/ (one page).
    #[uniffi::method(default(page = None, page_size = None))]
    pub async fn list_paywalls(
        &self,
        page: Option<u32>,
        page_size: Option<u32>,
    ) -> Result<PaywallList, AdkitError> {
        Ok(self.inner.list_paywalls(page, page_size).await?)
    }

    /// GET /paywalls/{paywall_id}/.
    pub async fn get_paywall(&self, paywall_id: String) -> Result<Paywall, AdkitError> {
        Ok(self.inner.get_paywall(&paywall_id).await?)
    }

    /// PUT /paywalls/{paywall_id}/ (replaces all remote configs).
    pub async fn update_paywall(
        &self,
        paywall_id: String,
        request: UpdatePaywallRequest,
    ) -> Result<Paywall, AdkitError> {
        Ok(self.inner.update_paywall(&paywall_id, &request).await?)
    }

    /// POST /vc/transactions/ (an Idempotency-Key is drawn when absent).
    pub async fn create_virtual_currency_transaction(
        &self,
        user: AdaptyUser,
        request: VirtualCurrencyTransactionRequest,
    ) -> Result<VirtualCurrencyTransactionResult, AdkitError> {
        Ok(self
            .inner
            .create_virtual_currency_transaction(&user, &request)
            .await?)
    }

    /// GET /vc/transactions/.
    #[uniffi::method(default(query = None))]
    pub async fn list_virtual_currency_transactions(
        &self,
        user: AdaptyUser,
        query: Option<VirtualCurrencyHistoryQuery>,
    ) -> Result<VirtualCurrencyHistory, AdkitError> {
        Ok(self
            .inner
            .list_virtual_currency_transactions(&user, &query.unwrap_or_default())
            .await?)
    }

    /// GET /vc/balances/.
    pub async fn list_virtual_currency_balances(
        &self,
        user: AdaptyUser,
    ) -> Result<VirtualCurrencyBalances, AdkitError> {
        Ok(self.inner.list_virtual_currency_balances(&user).await?)
    }

    /// POST /exports/placements/.
    pub async fn export_placements(
        &self,
        request: PlacementsExportRequest,
    ) -> Result<PlacementExport, AdkitError> {
        Ok(self.inner.export_placements(&request).await?)
    }

    /// POST /metrics/analytics/.
    pub async fn export_analytics(
        &self,
        request: AnalyticsExportRequest,
    ) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_analytics(&request).await?)
    }

    /// POST /metrics/cohort/.
    pub async fn export_cohort(
        &self,
        request: CohortExportRequest,
    ) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_cohort(&request).await?)
    }

    /// POST /metrics/conversion/.
    pub async fn export_conversion(
        &self,
        request: ConversionExportRequest,
    ) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_conversion(&request).await?)
    }

    /// POST /metrics/funnel/.
    pub async fn export_funnel(
        &self,
        request: FunnelExportRequest,
    ) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_funnel(&request).await?)
    }

    /// POST /metrics/ltv/.
    pub async fn export_ltv(&self, request: LtvExportRequest) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_ltv(&request).await?)
    }

    /// POST /metrics/retention/.
    pub async fn export_retention(
        &self,
        request: RetentionExportRequest,
    ) -> Result<MetricsExport, AdkitError> {
        Ok(self.inner.export_retention(&request).await?)
    }

    /// Web API POST /paywall/ (public key).
    pub async fn get_web_paywall(
        &self,
        request: WebPaywallRequest,
    ) -> Result<WebPaywall, AdkitError> {
        Ok(self.inner.get_web_paywall(&request).await?)
    }

    /// Web API POST /paywall/visit/ (public key).
    pub async fn record_web_paywall_visit(&self, visit: WebPaywallVisit) -> Result<(), AdkitError> {
        Ok(self.inner.record_web_paywall_visit(&visit).await?)
    }

    /// Web API POST /attribution/ (public key).
    pub async fn set_web_attribution(
        &self,
        request: WebAttributionRequest,
    ) -> Result<(), AdkitError> {
        Ok(self.inner.set_web_attribution(&request).await?)
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
