//! Adapty: the server-side API v2, Stripe and Paddle validation, the
//! Analytics Export API, the public-key Web API and webhooks.
//!
//! Every operation is a request value implementing [`AdaptyEndpoint`]: `build` makes the exact
//! [`HttpRequest`] (`Authorization: Api-Key <key>`, the profile headers, trailing slashes as
//! documented), `parse` turns the response into a typed output or a typed [`Error`]. [`AdaptyClient`]
//! runs them through the shared driver; [`AdaptyClient::bulk`] applies one operation to many users.
//!
//! Keys: the **secret** key (`secret_live_…`) is for servers only — every family but the Web API needs
//! it. The **public** key (`public_live_…`) may ship in apps and browsers and only opens the Web API.

mod bulk;
mod client;
pub mod datetime;
mod errors;
mod exports;
mod integrations;
mod models;
pub mod operations;
mod paywalls;
mod profiles;
mod purchases;
mod virtual_currency;
mod web;
pub mod webhooks;

pub use bulk::{BulkFailure, BulkItem, BulkOperation, BulkOptions, BulkProgress, BulkReport};
pub use client::{AdaptyClient, AdaptyConfig};
pub use errors::{NOT_FOUND_CODES, error_from_exchange};
pub use exports::{
    ConversionPeriod, CsvTable, ExportAnalytics, ExportCohort, ExportConversion, ExportFormat,
    ExportFunnel, ExportLtv, ExportMetrics, ExportPlacements, ExportRetention, MetricsExport,
    MetricsFilters, PlacementExport, PlacementRow, PlacementType, parse_placements_csv,
};
pub use integrations::{
    GetIntegrationIdentifiers, IntegrationIdentifiers, SetIntegrationIdentifiers,
};
pub use models::{
    AccessLevel, AdaptyPlatform, AdaptyUser, AttributeValue, CancellationReason, CustomAttribute,
    Environment, Gender, InstallationMeta, MAX_ATTRIBUTE_KEY_LEN, MAX_ATTRIBUTE_VALUE_LEN,
    MAX_CUSTOM_ATTRIBUTES, NonSubscription, Offer, OfferCategory, OfferType, Price, Profile,
    ProfileRequest, Subscription,
};
pub use paywalls::{
    GetPaywall, ListPaywalls, MainScreenshot, Pagination, Paywall, PaywallList, PaywallProduct,
    PaywallProductOffer, PaywallState, RemoteConfig, UpdatePaywall, UpdatePaywallRequest,
};
pub use profiles::{CreateProfile, DeleteProfile, GetProfile, UpdateProfile};
pub use purchases::{
    GetRefundSaverSettings, GrantAccessLevel, GrantAccessLevelRequest, PurchaseType,
    RefundPreference, RefundSaverSettings, RevokeAccessLevel, RevokeAccessLevelRequest,
    SetRefundSaverSettings, SetRefundSaverSettingsRequest, SetTransaction, Transaction,
    ValidatePaddlePurchase, ValidatePaddlePurchaseRequest, ValidateStripePurchase,
    ValidateStripePurchaseRequest,
};
pub use virtual_currency::{
    BalanceChange, CreateVirtualCurrencyTransaction, CurrencyAmount, CurrencyBalance,
    ListVirtualCurrencyBalances, ListVirtualCurrencyTransactions, VirtualCurrencyBalances,
    VirtualCurrencyHistory, VirtualCurrencyHistoryQuery, VirtualCurrencyTransaction,
    VirtualCurrencyTransactionRequest, VirtualCurrencyTransactionResult,
};
pub use web::{
    GetWebPaywall, RecordWebPaywallVisit, SetWebAttribution, WebAttributionRequest,
    WebAttributionStatus, WebPaywall, WebPaywallProduct, WebPaywallRequest, WebPaywallVisit,
    WebRemoteConfig,
};

use crate::driver::RequestPolicy;
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::secret::Secret;
use crate::weburl::WebUrl;

/// Production root of the server-side, Stripe and Web APIs.
pub const DEFAULT_BASE_URL: &str = "https://api.adapty.io/";
/// Production root of the Analytics Export API.
pub const DEFAULT_EXPORT_BASE_URL: &str = "https://api-admin.adapty.io/";

/// Path prefixes under the roots.
const SERVER_SIDE: &[&str] = &["api", "v2", "server-side-api"];
const SDK_V1: &[&str] = &["api", "v1", "sdk"];
const EXPORT: &[&str] = &["api", "v1", "client-api"];
const WEB: &[&str] = &["api", "v2", "web-api"];

/// Which Adapty API family a request goes to (decides the root, the path prefix and the key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `api/v2/server-side-api/` with the secret key.
    ServerSide,
    /// `api/v1/sdk/` (Stripe validation) with the secret key.
    SdkV1,
    /// `api/v1/client-api/` on the export root with the secret key.
    Export,
    /// `api/v2/web-api/` with the public key.
    Web,
}

/// What an endpoint needs to build its request: the roots and the keys.
#[derive(Debug)]
pub struct AdaptyContext<'a> {
    /// Root of the server-side, Stripe and Web APIs (ends in `/`).
    pub base_url: &'a WebUrl,
    /// Root of the Analytics Export API (ends in `/`).
    pub export_base_url: &'a WebUrl,
    /// The secret key, when configured.
    pub secret_key: Option<&'a Secret>,
    /// The public key, when configured.
    pub public_key: Option<&'a Secret>,
}

impl AdaptyContext<'_> {
    /// A request to `family`'s `path` (each element one segment; a trailing `/` is always added) with
    /// `Authorization: Api-Key <key>` and `Accept: application/json`.
    pub(crate) fn request(
        &self,
        family: Family,
        method: Method,
        path: &[&str],
        query: &[(&str, &str)],
    ) -> Result<HttpRequest, Error> {
        let (root, prefix, key, key_name) = match family {
            Family::ServerSide => (self.base_url, SERVER_SIDE, self.secret_key, "secret_key"),
            Family::SdkV1 => (self.base_url, SDK_V1, self.secret_key, "secret_key"),
            Family::Export => (self.export_base_url, EXPORT, self.secret_key, "secret_key"),
            Family::Web => (self.base_url, WEB, self.public_key, "public_key"),
        };
        let key = key.ok_or_else(|| {
            Error::invalid(
                key_name,
                match family {
                    Family::Web => "the Web API needs the public key (public_live_…)",
                    _ => "this operation needs the secret key (secret_live_…); keep it on a server",
                },
            )
        })?;
        let mut segments: Vec<&str> = Vec::with_capacity(prefix.len() + path.len() + 1);
        segments.extend_from_slice(prefix);
        segments.extend_from_slice(path);
        segments.push("");
        let url = root.endpoint(&segments, query);
        let mut req = HttpRequest::new(method, url.to_string());
        req.set_header("Authorization", format!("Api-Key {}", key.expose()));
        req.set_header("Accept", "application/json");
        Ok(req)
    }

    /// [`AdaptyContext::request`] with a JSON body and `Content-Type: application/json`.
    pub(crate) fn json(
        &self,
        family: Family,
        method: Method,
        path: &[&str],
        body: &impl serde::Serialize,
    ) -> Result<HttpRequest, Error> {
        let mut req = self.request(family, method, path, &[])?;
        req.set_header("Content-Type", "application/json");
        req.body = serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))?;
        Ok(req)
    }
}

/// Adds the profile headers of `user` (one id; both only when `allow_both`).
pub(crate) fn with_user(
    mut req: HttpRequest,
    user: &AdaptyUser,
    allow_both: bool,
) -> Result<HttpRequest, Error> {
    for (name, value) in user.headers(allow_both)? {
        req.set_header(name, value);
    }
    Ok(req)
}

/// The Adapty API: its endpoints build from an [`AdaptyContext`].
#[derive(Clone, Copy, Debug)]
pub enum AdaptyApi {}

impl crate::endpoint::Api for AdaptyApi {
    const VENDOR: crate::Vendor = crate::Vendor::Adapty;
    type Context<'a> = AdaptyContext<'a>;
}

/// Shorthand for an [`Endpoint`](crate::Endpoint) of the Adapty API (implemented for every such endpoint).
pub trait AdaptyEndpoint: crate::Endpoint<Api = AdaptyApi> {}

impl<E: crate::Endpoint<Api = AdaptyApi>> AdaptyEndpoint for E {}

/// A policy that allows retries but never follows redirects (non-GET idempotent requests).
pub(crate) const IDEMPOTENT_WRITE: RequestPolicy = RequestPolicy {
    idempotent: true,
    follow_redirects: false,
};

crate::reply::reply!(
    Profile,
    Paywall,
    PaywallList,
    RefundSaverSettings,
    IntegrationIdentifiers,
    VirtualCurrencyHistory,
    VirtualCurrencyBalances,
    VirtualCurrencyTransactionResult,
    WebPaywall,
    PlacementExport,
    MetricsExport,
);
