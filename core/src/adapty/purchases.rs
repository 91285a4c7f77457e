//! Purchases and access: set transaction, grant and revoke access levels, Refund Saver settings, and
//! Stripe and Paddle validation.

use serde::{Deserialize, Serialize};

use super::datetime::{self, check, check_opt};
use super::errors::decode;
use super::profiles::profile_response;
use super::{
    AdaptyContext, AdaptyUser, CancellationReason, Environment, Family, IDEMPOTENT_WRITE, Offer,
    OfferCategory, OfferType, Price, Profile, with_user,
};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::open_enum::open_enum;
use crate::validate;

open_enum! {
    /// `purchase_type`: the discriminator of a transaction.
    PurchaseType {
        /// `one_time_purchase`.
        OneTimePurchase = "one_time_purchase",
        /// `subscription`.
        Subscription = "subscription",
    }
}

impl Default for PurchaseType {
    /// Unset: refused before sending until it is set.
    fn default() -> Self {
        PurchaseType::Other(String::new())
    }
}

/// The body of set transaction: a one-time purchase or a subscription, told apart by `purchase_type`.
/// Fields marked "subscription" are required for subscriptions and refused for one-time purchases.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Transaction {
    /// `purchase_type`.
    pub purchase_type: PurchaseType,
    /// `store`: `app_store`, `play_store`, `stripe`, `paddle` or a custom store id.
    pub store: String,
    /// `environment` (default `Production`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub environment: Option<Environment>,
    /// `store_product_id`.
    pub store_product_id: String,
    /// `store_transaction_id` (at most 50 characters; re-sending the same id updates the transaction).
    pub store_transaction_id: String,
    /// `store_original_transaction_id` (equal to the transaction id for one-time purchases).
    pub store_original_transaction_id: String,
    /// `price`.
    pub price: Price,
    /// `purchased_at` (ISO 8601).
    pub purchased_at: String,
    /// `is_family_shared` (iOS; the price must then be 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub is_family_shared: Option<bool>,
    /// `variation_id`: the paywall variation, for attribution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub variation_id: Option<String>,
    /// `offer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offer: Option<Offer>,
    /// `refunded_at` (needs `cancellation_reason` `refund`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub refunded_at: Option<String>,
    /// `cancellation_reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub cancellation_reason: Option<CancellationReason>,
    /// Subscription: `originally_purchased_at` (≤ `purchased_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub originally_purchased_at: Option<String>,
    /// Subscription: `expires_at` (> `purchased_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub expires_at: Option<String>,
    /// Subscription: `renew_status` (auto-renew on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub renew_status: Option<bool>,
    /// Subscription: `renew_status_changed_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub renew_status_changed_at: Option<String>,
    /// Subscription: `billing_issue_detected_at`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub billing_issue_detected_at: Option<String>,
    /// Subscription: `grace_period_expires_at` (≥ `expires_at`; needs `billing_issue_detected_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub grace_period_expires_at: Option<String>,
}

fn nanos(v: &str) -> i128 {
    datetime::parse(v).map(|p| p.unix_nanos).unwrap_or_default()
}

fn rule(ok: bool, field: &str, why: &str) -> Result<(), Error> {
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(field, why))
    }
}

impl Transaction {
    /// Adapty's documented set-transaction rules, checked before sending.
    pub(crate) fn check(&self) -> Result<(), Error> {
        validate::required("store", &self.store)?;
        validate::required("store_product_id", &self.store_product_id)?;
        validate::required("store_transaction_id", &self.store_transaction_id)?;
        validate::required(
            "store_original_transaction_id",
            &self.store_original_transaction_id,
        )?;
        rule(
            self.store_transaction_id.chars().count() <= 50,
            "store_transaction_id",
            "at most 50 characters (hash longer ids)",
        )?;
        rule(
            self.price.value.is_finite() && self.price.value >= 0.0,
            "price.value",
            "must be a non-negative number",
        )?;
        check("purchased_at", &self.purchased_at)?;
        for (f, v) in [
            ("refunded_at", &self.refunded_at),
            ("originally_purchased_at", &self.originally_purchased_at),
            ("expires_at", &self.expires_at),
            ("renew_status_changed_at", &self.renew_status_changed_at),
            ("billing_issue_detected_at", &self.billing_issue_detected_at),
            ("grace_period_expires_at", &self.grace_period_expires_at),
        ] {
            check_opt(f, v)?;
        }
        let bought = nanos(&self.purchased_at);
        let after = |v: &Option<String>| v.as_deref().is_none_or(|t| nanos(t) > bought);
        if self.is_family_shared == Some(true) {
            rule(
                self.price.value == 0.0,
                "price.value",
                "must be 0 for a family-shared purchase",
            )?;
        }
        if let Some(offer) = &self.offer {
            if offer.offer_type == OfferType::FreeTrial {
                rule(
                    self.purchase_type != PurchaseType::OneTimePurchase,
                    "offer.type",
                    "a one-time purchase cannot have a free_trial offer",
                )?;
                rule(
                    self.price.value == 0.0,
                    "price.value",
                    "must be 0 with a free_trial offer",
                )?;
            }
            rule(
                offer.category == OfferCategory::Introductory
                    || offer.id.as_deref().is_some_and(|i| !i.is_empty()),
                "offer.id",
                "required for every offer category but introductory",
            )?;
        }
        rule(
            after(&self.refunded_at),
            "refunded_at",
            "must be later than purchased_at",
        )?;
        rule(
            self.refunded_at.is_some()
                == (self.cancellation_reason == Some(CancellationReason::Refund)),
            "refunded_at",
            "refunded_at and cancellation_reason `refund` go together",
        )?;
        match &self.purchase_type {
            PurchaseType::OneTimePurchase => {
                rule(
                    self.store_transaction_id == self.store_original_transaction_id,
                    "store_transaction_id",
                    "must equal store_original_transaction_id for a one-time purchase",
                )?;
                for (f, present) in [
                    ("expires_at", self.expires_at.is_some()),
                    ("renew_status", self.renew_status.is_some()),
                    (
                        "grace_period_expires_at",
                        self.grace_period_expires_at.is_some(),
                    ),
                ] {
                    rule(!present, f, "only for purchase_type `subscription`")?;
                }
            }
            PurchaseType::Subscription => {
                let original = self.originally_purchased_at.as_deref().ok_or_else(|| {
                    Error::invalid("originally_purchased_at", "required for a subscription")
                })?;
                rule(
                    nanos(original) <= bought,
                    "originally_purchased_at",
                    "must not be later than purchased_at",
                )?;
                rule(
                    self.expires_at.is_some(),
                    "expires_at",
                    "required for a subscription",
                )?;
                rule(
                    after(&self.expires_at),
                    "expires_at",
                    "must be later than purchased_at",
                )?;
                rule(
                    self.renew_status.is_some(),
                    "renew_status",
                    "required for a subscription",
                )?;
                rule(
                    after(&self.renew_status_changed_at),
                    "renew_status_changed_at",
                    "must be later than purchased_at",
                )?;
                rule(
                    after(&self.billing_issue_detected_at),
                    "billing_issue_detected_at",
                    "must be later than purchased_at",
                )?;
                if let Some(grace) = &self.grace_period_expires_at {
                    rule(
                        self.billing_issue_detected_at.is_some(),
                        "billing_issue_detected_at",
                        "required when grace_period_expires_at is set",
                    )?;
                    let expires = self.expires_at.as_deref().map(nanos).unwrap_or_default();
                    rule(
                        nanos(grace) >= expires,
                        "grace_period_expires_at",
                        "must not be earlier than expires_at",
                    )?;
                }
            }
            PurchaseType::Other(other) => {
                return Err(Error::invalid(
                    "purchase_type",
                    format!("`{other}`: expected one_time_purchase or subscription"),
                ));
            }
        }
        Ok(())
    }
}

/// POST /purchase/set/transaction/ (setTransaction).
#[derive(Clone, Debug, PartialEq)]
pub struct SetTransaction {
    /// The user (one id).
    pub user: AdaptyUser,
    /// The transaction.
    pub transaction: Transaction,
}

impl crate::Endpoint for SetTransaction {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        self.transaction.check()?;
        let req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["purchase", "set", "transaction"],
            &self.transaction,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        // Idempotent by store_transaction_id.
        IDEMPOTENT_WRITE
    }
}

/// The body of grant access level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GrantAccessLevelRequest {
    /// `access_level_id`, e.g. `premium`.
    pub access_level_id: String,
    /// `starts_at` (may be in the future).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub starts_at: Option<String>,
    /// `expires_at`: `None` grants lifetime access.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub expires_at: Option<String>,
}

/// POST /purchase/profile/grant/access-level/ (grantAccessLevel): access without a transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct GrantAccessLevel {
    /// The user (one id).
    pub user: AdaptyUser,
    /// What to grant.
    pub request: GrantAccessLevelRequest,
}

impl crate::Endpoint for GrantAccessLevel {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("access_level_id", &self.request.access_level_id)?;
        check_opt("starts_at", &self.request.starts_at)?;
        check_opt("expires_at", &self.request.expires_at)?;
        let req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["purchase", "profile", "grant", "access-level"],
            &self.request,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        // Granting the same level with the same dates twice leaves the same access.
        IDEMPOTENT_WRITE
    }
}

/// The body of revoke access level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RevokeAccessLevelRequest {
    /// `access_level_id`.
    pub access_level_id: String,
    /// `revoke_at`: when access ends (future, not after the current expiry); `None` = now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub revoke_at: Option<String>,
}

/// POST /purchase/profile/revoke/access-level/ (revokeAccessLevel).
#[derive(Clone, Debug, PartialEq)]
pub struct RevokeAccessLevel {
    /// The user (one id).
    pub user: AdaptyUser,
    /// What to revoke.
    pub request: RevokeAccessLevelRequest,
}

impl crate::Endpoint for RevokeAccessLevel {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("access_level_id", &self.request.access_level_id)?;
        check_opt("revoke_at", &self.request.revoke_at)?;
        let req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["purchase", "profile", "revoke", "access-level"],
            &self.request,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        // A repeat of an immediate revoke fails with profile_paid_access_level_does_not_exist.
        RequestPolicy::for_method(Method::Post)
    }
}

open_enum! {
    /// Refund Saver `custom_preference`.
    RefundPreference {
        /// `grant`.
        Grant = "grant",
        /// `no_preference`.
        NoPreference = "no_preference",
        /// `decline`.
        Decline = "decline",
    }
}

/// A profile's Refund Saver settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RefundSaverSettings {
    /// `profile_id`.
    #[serde(default)]
    pub profile_id: String,
    /// `settings.consent`.
    #[serde(default)]
    pub consent: Option<bool>,
    /// `settings.custom_preference`.
    #[serde(default)]
    pub custom_preference: Option<RefundPreference>,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

#[derive(Deserialize)]
struct RefundSaverWire {
    #[serde(default)]
    profile_id: String,
    #[serde(default)]
    settings: Option<SetRefundSaverSettingsRequest>,
}

fn refund_settings(exchange: &Exchange) -> Result<RefundSaverSettings, Error> {
    let wire: RefundSaverWire = decode(exchange)?;
    let s = wire.settings.unwrap_or_default();
    Ok(RefundSaverSettings {
        request_id: None,
        profile_id: wire.profile_id,
        consent: s.consent,
        custom_preference: s.custom_preference,
    })
}

/// GET /purchase/profile/refund-saver/settings/ (getRefundSaverSettings).
#[derive(Clone, Debug, PartialEq)]
pub struct GetRefundSaverSettings {
    /// The user (one id).
    pub user: AdaptyUser,
}

impl crate::Endpoint for GetRefundSaverSettings {
    type Api = crate::adapty::AdaptyApi;
    type Output = RefundSaverSettings;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let req = ctx.request(
            Family::ServerSide,
            Method::Get,
            &["purchase", "profile", "refund-saver", "settings"],
            &[],
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<RefundSaverSettings, Error> {
        refund_settings(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// The body of set Refund Saver settings: at least one field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SetRefundSaverSettingsRequest {
    /// `custom_preference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub custom_preference: Option<RefundPreference>,
    /// `consent`: data-sharing consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub consent: Option<bool>,
}

/// POST /purchase/profile/refund-saver/settings/ (setRefundSaverSettings).
#[derive(Clone, Debug, PartialEq)]
pub struct SetRefundSaverSettings {
    /// The user (one id).
    pub user: AdaptyUser,
    /// The settings.
    pub request: SetRefundSaverSettingsRequest,
}

impl crate::Endpoint for SetRefundSaverSettings {
    type Api = crate::adapty::AdaptyApi;
    type Output = RefundSaverSettings;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        if self.request.consent.is_none() && self.request.custom_preference.is_none() {
            return Err(Error::invalid(
                "request",
                "give consent, custom_preference or both",
            ));
        }
        if let Some(p) = &self.request.custom_preference {
            rule(
                p.is_known(),
                "custom_preference",
                "grant, no_preference or decline",
            )?;
        }
        let req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["purchase", "profile", "refund-saver", "settings"],
            &self.request,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<RefundSaverSettings, Error> {
        refund_settings(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}

/// The attributes of a Stripe validation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ValidateStripePurchaseRequest {
    /// `customer_user_id`: the profile to import into (created when missing).
    pub customer_user_id: String,
    /// `stripe_token`: a Subscription (`sub_…`) or PaymentIntent (`pi_…`) id.
    pub stripe_token: String,
}

/// POST https://api.adapty.io/api/v1/sdk/purchase/stripe/token/validate/ (validateStripePurchase):
/// JSON:API body and media type; answers `{"data": null}`.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidateStripePurchase {
    /// The purchase.
    pub request: ValidateStripePurchaseRequest,
}

impl crate::Endpoint for ValidateStripePurchase {
    type Api = crate::adapty::AdaptyApi;
    type Output = crate::Ack;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("customer_user_id", &self.request.customer_user_id)?;
        validate::required("stripe_token", &self.request.stripe_token)?;
        rule(
            self.request.stripe_token.starts_with("sub_")
                || self.request.stripe_token.starts_with("pi_"),
            "stripe_token",
            "a Stripe Subscription (sub_…) or PaymentIntent (pi_…) id",
        )?;
        let body = serde_json::json!({"data": {
            "type": "stripe_receipt_validation_result",
            "attributes": &self.request,
        }});
        let mut req = ctx.json(
            Family::SdkV1,
            Method::Post,
            &["purchase", "stripe", "token", "validate"],
            &body,
        )?;
        req.set_header("Content-Type", "application/vnd.api+json");
        req.set_header("Accept", "application/vnd.api+json");
        Ok(req)
    }
    fn parse(&self, exchange: &Exchange) -> Result<crate::Ack, Error> {
        super::errors::expect_success(exchange).map(|()| crate::Ack::default())
    }
    fn policy(&self) -> RequestPolicy {
        // Importing the same Stripe history twice yields the same profile.
        IDEMPOTENT_WRITE
    }
}

/// The body of a Paddle validation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ValidatePaddlePurchaseRequest {
    /// `customer_user_id`.
    pub customer_user_id: String,
    /// `paddle_token`: a transaction (`txn_…`) or subscription (`sub_…`) id.
    pub paddle_token: String,
}

/// POST /purchase/paddle/token/validate/ (validatePaddlePurchase).
#[derive(Clone, Debug, PartialEq)]
pub struct ValidatePaddlePurchase {
    /// The purchase.
    pub request: ValidatePaddlePurchaseRequest,
}

impl crate::Endpoint for ValidatePaddlePurchase {
    type Api = crate::adapty::AdaptyApi;
    type Output = Profile;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("customer_user_id", &self.request.customer_user_id)?;
        validate::required("paddle_token", &self.request.paddle_token)?;
        ctx.json(
            Family::ServerSide,
            Method::Post,
            &["purchase", "paddle", "token", "validate"],
            &self.request,
        )
    }
    fn parse(&self, exchange: &Exchange) -> Result<Profile, Error> {
        profile_response(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}
