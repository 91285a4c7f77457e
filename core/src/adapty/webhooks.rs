//! Receiving Adapty webhooks: check the configured `Authorization` value in constant time,
//! recognise the verification handshake (`{}`), and decode an event into a typed envelope and typed
//! properties. Event types are open (Adapty lets users rename them; map custom names back with
//! [`WebhookReceiver::event_names`]). Deduplicate on [`WebhookEvent::dedupe_key`]
//! (`event_properties.profile_event_id`). Answer 200 fast (any status 200–404 stops Adapty's retries).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use subtle::ConstantTimeEq;

use super::datetime::lenient_opt;
use crate::error::Error;
use crate::json::Json;
use crate::lenient::null_as_empty;
use crate::open_enum::open_enum;
use crate::secret::Secret;

open_enum! {
    /// `event_type`, open for renamed and new events.
    WebhookEventType {
        /// `subscription_started`.
        SubscriptionStarted = "subscription_started",
        /// `subscription_renewed`.
        SubscriptionRenewed = "subscription_renewed",
        /// `subscription_renewal_cancelled`.
        SubscriptionRenewalCancelled = "subscription_renewal_cancelled",
        /// `subscription_renewal_reactivated`.
        SubscriptionRenewalReactivated = "subscription_renewal_reactivated",
        /// `subscription_expired`.
        SubscriptionExpired = "subscription_expired",
        /// `subscription_paused`.
        SubscriptionPaused = "subscription_paused",
        /// `subscription_deferred`.
        SubscriptionDeferred = "subscription_deferred",
        /// `non_subscription_purchase`.
        NonSubscriptionPurchase = "non_subscription_purchase",
        /// `trial_started`.
        TrialStarted = "trial_started",
        /// `trial_converted`.
        TrialConverted = "trial_converted",
        /// `trial_renewal_cancelled`.
        TrialRenewalCancelled = "trial_renewal_cancelled",
        /// `trial_renewal_reactivated`.
        TrialRenewalReactivated = "trial_renewal_reactivated",
        /// `trial_expired`.
        TrialExpired = "trial_expired",
        /// `entered_grace_period`.
        EnteredGracePeriod = "entered_grace_period",
        /// `billing_issue_detected`.
        BillingIssueDetected = "billing_issue_detected",
        /// `subscription_refunded`.
        SubscriptionRefunded = "subscription_refunded",
        /// `non_subscription_purchase_refunded`.
        NonSubscriptionPurchaseRefunded = "non_subscription_purchase_refunded",
        /// `access_level_updated`.
        AccessLevelUpdated = "access_level_updated",
    }
}

macro_rules! properties {
    (
        strings { $($(#[$sm:meta])* $s:ident),* $(,)? }
        dates { $($(#[$dm:meta])* $d:ident),* $(,)? }
        numbers { $($(#[$nm:meta])* $n:ident),* $(,)? }
        flags { $($(#[$fm:meta])* $f:ident),* $(,)? }
    ) => {
        /// `event_properties`. Every field is optional: Adapty omits empty ones and the
        /// set differs per event type. Dates are normalised to RFC 3339.
        #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct WebhookEventProperties {
            $($(#[$sm])* #[serde(default, deserialize_with = "crate::lenient::opt_string")] pub $s: Option<String>,)*
            $($(#[$dm])* #[serde(default, deserialize_with = "lenient_opt")] pub $d: Option<String>,)*
            $($(#[$nm])* #[serde(default, deserialize_with = "crate::lenient::opt_f64")] pub $n: Option<f64>,)*
            $($(#[$fm])* #[serde(default)] pub $f: Option<bool>,)*
        }
    };
}

properties! {
    strings {
        /// `profile_event_id`: the unique event id (the dedupe key).
        profile_event_id,
        /// `profile_id`.
        profile_id,
        /// `access_level_id`.
        access_level_id,
        /// `ab_test_name`.
        ab_test_name,
        /// `base_plan_id`.
        base_plan_id,
        /// `cancellation_reason`.
        cancellation_reason,
        /// `cohort_name`.
        cohort_name,
        /// `currency`.
        currency,
        /// `developer_id`: the placement id.
        developer_id,
        /// `environment`: `Sandbox` or `Production`.
        environment,
        /// `original_transaction_id`.
        original_transaction_id,
        /// `paywall_name`.
        paywall_name,
        /// `paywall_revision` (number or string on the wire).
        paywall_revision,
        /// `profile_country`.
        profile_country,
        /// `profile_ip_address`.
        profile_ip_address,
        /// `promotional_offer_id`.
        promotional_offer_id,
        /// `store`: `app_store`, `play_store`, `stripe`, ...
        store,
        /// `store_country`.
        store_country,
        /// `store_offer_category`: `introductory`, `promotional`, `winback`.
        store_offer_category,
        /// `store_offer_discount_type`: `free_trial`, `pay_as_you_go`, `pay_up_front`.
        store_offer_discount_type,
        /// `transaction_id`.
        transaction_id,
        /// `trial_duration`, e.g. `7 days`.
        trial_duration,
        /// `variation_id`.
        variation_id,
        /// `vendor_product_id`.
        vendor_product_id,
        /// `active_introductory_offer_type`.
        active_introductory_offer_type,
        /// `active_promotional_offer_id`.
        active_promotional_offer_id,
        /// `active_promotional_offer_type`.
        active_promotional_offer_type,
    }
    dates {
        /// `event_datetime`.
        event_datetime,
        /// `original_purchase_date`.
        original_purchase_date,
        /// `purchase_date`.
        purchase_date,
        /// `subscription_expires_at`.
        subscription_expires_at,
        /// `activated_at`.
        activated_at,
        /// `expires_at`.
        expires_at,
        /// `renewed_at`.
        renewed_at,
        /// `starts_at`.
        starts_at,
        /// `billing_issue_detected_at`.
        billing_issue_detected_at,
    }
    numbers {
        /// `consecutive_payments`.
        consecutive_payments,
        /// `price_local`.
        price_local,
        /// `price_usd`.
        price_usd,
        /// `profile_total_revenue_usd`.
        profile_total_revenue_usd,
        /// `net_revenue_local`.
        net_revenue_local,
        /// `net_revenue_usd`.
        net_revenue_usd,
        /// `proceeds_local`.
        proceeds_local,
        /// `proceeds_usd`.
        proceeds_usd,
        /// `tax_amount_local`.
        tax_amount_local,
        /// `tax_amount_usd`.
        tax_amount_usd,
    }
    flags {
        /// `profile_has_access_level`.
        profile_has_access_level,
        /// `rate_after_first_year`: the store cut dropped to 15%.
        rate_after_first_year,
        /// `is_active`.
        is_active,
        /// `is_in_grace_period`.
        is_in_grace_period,
        /// `is_lifetime`.
        is_lifetime,
        /// `is_refund`.
        is_refund,
        /// `will_renew`.
        will_renew,
    }
}

/// Another profile sharing the access level.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SharedProfile {
    /// `profile_id`.
    #[serde(default)]
    pub profile_id: String,
    /// `customer_user_id`.
    #[serde(default)]
    pub customer_user_id: Option<String>,
}

/// `play_store_purchase_token`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PlayStorePurchaseToken {
    /// `product_id`.
    #[serde(default)]
    pub product_id: String,
    /// `purchase_token`.
    #[serde(default)]
    pub purchase_token: String,
    /// `is_subscription`.
    #[serde(default)]
    pub is_subscription: bool,
}

/// One webhook event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebhookEvent {
    /// `event_type` after mapping a renamed event back (see [`WebhookReceiver::event_names`]).
    #[serde(default = "unknown_event")]
    pub event_type: WebhookEventType,
    /// `event_type` exactly as received.
    #[serde(default, skip_deserializing)]
    pub event_name: String,
    /// The dedupe key: `event_properties.profile_event_id`.
    #[serde(default, skip_deserializing)]
    pub dedupe_key: Option<String>,
    /// `profile_id`.
    #[serde(default)]
    pub profile_id: String,
    /// `customer_user_id`.
    #[serde(default)]
    pub customer_user_id: Option<String>,
    /// `idfv`.
    #[serde(default)]
    pub idfv: Option<String>,
    /// `idfa`.
    #[serde(default)]
    pub idfa: Option<String>,
    /// `advertising_id`.
    #[serde(default)]
    pub advertising_id: Option<String>,
    /// `profile_install_datetime`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub profile_install_datetime: Option<String>,
    /// `user_agent`.
    #[serde(default)]
    pub user_agent: Option<String>,
    /// `email`.
    #[serde(default)]
    pub email: Option<String>,
    /// `event_datetime`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub event_datetime: Option<String>,
    /// `event_api_version`.
    #[serde(default)]
    pub event_api_version: Option<i64>,
    /// `event_properties`.
    #[serde(default)]
    pub event_properties: WebhookEventProperties,
    /// `profiles_sharing_access_level`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub profiles_sharing_access_level: Vec<SharedProfile>,
    /// `attributions`, keyed by source (with "Send Attribution").
    #[serde(default)]
    pub attributions: Option<Json>,
    /// `user_attributes` (with "Send User Attributes").
    #[serde(default)]
    pub user_attributes: Option<Json>,
    /// `integration_ids`.
    #[serde(default)]
    pub integration_ids: Option<Json>,
    /// `play_store_purchase_token` (with its toggle).
    #[serde(default)]
    pub play_store_purchase_token: Option<PlayStorePurchaseToken>,
}

fn unknown_event() -> WebhookEventType {
    WebhookEventType::Other(String::new())
}

impl Default for WebhookEventType {
    fn default() -> Self {
        unknown_event()
    }
}

/// What a delivery was.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(tag = "kind", rename_all = "snake_case")]
// Variants hold records by value: uniffi lifts enum payloads by value (no `Box` across the FFI).
#[allow(clippy::large_enum_variant)]
pub enum WebhookDelivery {
    /// The handshake Adapty sends when the integration is saved (`{}`): answer with
    /// [`WebhookReceiver::ACK_BODY`] and a 2xx.
    Verification,
    /// An event.
    Event {
        /// The event.
        event: WebhookEvent,
    },
}

/// Which configured endpoint value matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum WebhookEnvironment {
    /// The production Authorization value.
    Production,
    /// The sandbox Authorization value.
    Sandbox,
}

/// Checks and decodes webhook deliveries.
///
/// A receiver always checks the `Authorization` header: it cannot be built without at least one
/// non-empty configured value, and a delivery with no header or an empty one is refused.
///
/// ```
/// use adkit::adapty::webhooks::{WebhookDelivery, WebhookReceiver};
/// let receiver = WebhookReceiver::new("Bearer my-hook-value")?;
/// let delivery = receiver.receive([("Authorization", "Bearer my-hook-value")], b"{}")?;
/// assert_eq!(delivery, WebhookDelivery::Verification);
/// // A missing value is refused when the receiver is built, not when a forged event arrives.
/// assert!(WebhookReceiver::new("").is_err());
/// # Ok::<(), adkit::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct WebhookReceiver {
    production_authorization: Option<Secret>,
    sandbox_authorization: Option<Secret>,
    event_names: HashMap<String, String>,
}

fn ct_eq(a: &str, b: &str) -> bool {
    // Length is not secret for a configured header value; contents are compared in constant time.
    a.len() == b.len() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

impl WebhookReceiver {
    /// The body to answer the handshake (and any event) with, as JSON.
    pub const ACK_BODY: &'static str = "{}";

    /// A receiver that checks the value configured for the production endpoint (compared byte for
    /// byte, no scheme added). An empty value is [`Error::InvalidInput`].
    pub fn new(production_authorization: impl Into<Secret>) -> Result<Self, Error> {
        Self::with_values(Some(production_authorization.into()), None)
    }

    /// A receiver for the production and/or the sandbox endpoint's value. At least one must be given,
    /// and each given one must be non-empty ([`Error::InvalidInput`] otherwise): a receiver that
    /// accepts unauthenticated deliveries cannot be built.
    pub fn with_values(
        production_authorization: Option<Secret>,
        sandbox_authorization: Option<Secret>,
    ) -> Result<Self, Error> {
        for (field, value) in [
            ("production_authorization", &production_authorization),
            ("sandbox_authorization", &sandbox_authorization),
        ] {
            if let Some(v) = value {
                if v.expose().trim().is_empty() {
                    return Err(Error::invalid(field, "must not be empty"));
                }
            }
        }
        if production_authorization.is_none() && sandbox_authorization.is_none() {
            return Err(Error::invalid(
                "production_authorization",
                "configure the Authorization value of the production or the sandbox endpoint; \
                 a receiver without one would accept forged deliveries",
            ));
        }
        Ok(WebhookReceiver {
            production_authorization,
            sandbox_authorization,
            event_names: HashMap::new(),
        })
    }

    /// Adds the value configured for the sandbox endpoint (non-empty).
    pub fn with_sandbox_authorization(mut self, value: impl Into<Secret>) -> Result<Self, Error> {
        let value = value.into();
        if value.expose().trim().is_empty() {
            return Err(Error::invalid("sandbox_authorization", "must not be empty"));
        }
        self.sandbox_authorization = Some(value);
        Ok(self)
    }

    /// Custom event names (as renamed in the dashboard) → Adapty's names.
    pub fn with_event_names(mut self, event_names: HashMap<String, String>) -> Self {
        self.event_names = event_names;
        self
    }

    /// The custom event names in force.
    pub fn event_names(&self) -> &HashMap<String, String> {
        &self.event_names
    }

    /// Checks the `Authorization` header value against the configured ones, in constant time. A
    /// missing or empty header never matches.
    pub fn check_authorization(
        &self,
        authorization: Option<&str>,
    ) -> Result<WebhookEnvironment, Error> {
        let got = authorization
            .filter(|v| !v.is_empty())
            .ok_or_else(|| Error::Verification {
                reason: "the webhook has no Authorization header".into(),
            })?;
        let mut matched = None;
        // Both comparisons always run, so timing does not tell which value is configured.
        if let Some(p) = &self.production_authorization {
            if ct_eq(got, p.expose()) {
                matched = Some(WebhookEnvironment::Production);
            }
        }
        if let Some(s) = &self.sandbox_authorization {
            if ct_eq(got, s.expose()) && matched.is_none() {
                matched = Some(WebhookEnvironment::Sandbox);
            }
        }
        matched.ok_or_else(|| Error::Verification {
            reason: "the webhook Authorization value does not match the configured one".into(),
        })
    }

    /// Parses a body (no authorization check): `{}` or an empty body is the handshake.
    pub fn parse(&self, body: &[u8]) -> Result<WebhookDelivery, Error> {
        let value: serde_json::Value = if body.iter().all(u8::is_ascii_whitespace) {
            serde_json::Value::Object(Default::default())
        } else {
            serde_json::from_slice(body)
                .map_err(|e| Error::invalid("body", format!("not JSON: {e}")))?
        };
        let is_handshake = match &value {
            serde_json::Value::Object(m) => !m.contains_key("event_type"),
            _ => {
                return Err(Error::invalid("body", "a webhook body is a JSON object"));
            }
        };
        if is_handshake {
            return Ok(WebhookDelivery::Verification);
        }
        // Straight from the bytes: one deserializer for every type keeps the wasm module small.
        let mut event: WebhookEvent = serde_json::from_slice(body)
            .map_err(|e| Error::invalid("body", format!("not an Adapty event: {e}")))?;
        event.event_name = event.event_type.as_str().to_owned();
        if let Some(original) = self.event_names.get(&event.event_name) {
            event.event_type = WebhookEventType::parse(original);
        }
        event.dedupe_key = event.event_properties.profile_event_id.clone();
        Ok(WebhookDelivery::Event { event })
    }

    /// Checks the `Authorization` header (looked up case-insensitively in `headers`) and parses the
    /// body. A failed check is [`Error::Verification`]; answer it with 401.
    pub fn receive<'a>(
        &self,
        headers: impl IntoIterator<Item = (&'a str, &'a str)>,
        body: &[u8],
    ) -> Result<WebhookDelivery, Error> {
        let auth = headers
            .into_iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("authorization"))
            .map(|(_, v)| v);
        self.check_authorization(auth)?;
        self.parse(body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENT: &str = r#"{"profile_id":"00000000-0000-0000-0000-000000000001","customer_user_id":"u1",
        "event_type":"sub_started_custom","event_datetime":"2023-02-15T08:51:16.000000+0000",
        "event_api_version":1,"event_properties":{"profile_event_id":"e-1","price_usd":9.99,
        "paywall_revision":"1","consecutive_payments":1,"store":"app_store","is_refund":false,
        "purchase_date":"2023-02-15T08:51:16.000000+0000","brand_new_field":true},
        "profiles_sharing_access_level":null,"user_attributes":{"Favourite_color":"Violet"},
        "future_top_level":{"x":1}}"#;

    #[test]
    fn handshake_event_and_renamed_types() {
        let r = WebhookReceiver::new("Bearer s3cret")
            .unwrap()
            .with_event_names(
                [(
                    "sub_started_custom".to_owned(),
                    "subscription_started".to_owned(),
                )]
                .into(),
            );
        let auth = [("Authorization", "Bearer s3cret")];
        assert_eq!(
            r.receive(auth, b"{}").unwrap(),
            WebhookDelivery::Verification
        );
        assert_eq!(r.receive(auth, b"").unwrap(), WebhookDelivery::Verification);
        let WebhookDelivery::Event { event } = r.receive(auth, EVENT.as_bytes()).unwrap() else {
            panic!("event expected")
        };
        assert_eq!(event.event_type, WebhookEventType::SubscriptionStarted);
        assert_eq!(event.event_name, "sub_started_custom");
        assert_eq!(event.dedupe_key.as_deref(), Some("e-1"));
        assert_eq!(event.event_properties.price_usd, Some(9.99));
        assert_eq!(
            event.event_properties.paywall_revision.as_deref(),
            Some("1")
        );
        assert_eq!(
            event.event_properties.purchase_date.as_deref(),
            Some("2023-02-15T08:51:16.000000+00:00")
        );
        assert!(event.profiles_sharing_access_level.is_empty());
    }

    #[test]
    fn authorization_is_checked() {
        let r = WebhookReceiver::new("prod-value")
            .unwrap()
            .with_sandbox_authorization("sbx-value")
            .unwrap();
        assert_eq!(
            r.check_authorization(Some("sbx-value")).unwrap(),
            WebhookEnvironment::Sandbox
        );
        for bad in [
            None,
            Some(""),
            Some("prod-valuE"),
            Some("prod-value "),
            Some("Bearer prod-value"),
        ] {
            let e = r.check_authorization(bad).unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::Verification);
            assert!(!e.to_string().contains("prod-value"));
        }
        assert!(
            r.receive([("authorization", "prod-value")], b"[1]")
                .is_err()
        );
        assert!(
            r.receive([("AUTHORIZATION", "prod-value")], b"{not json")
                .is_err()
        );
    }

    #[test]
    fn a_receiver_without_a_configured_value_cannot_be_built() {
        for (prod, sandbox) in [
            (None, None),
            (Some(""), None),
            (None, Some("")),
            (Some("  "), Some("x")),
            (Some("x"), Some("")),
        ] {
            let e = WebhookReceiver::with_values(prod.map(Secret::new), sandbox.map(Secret::new))
                .unwrap_err();
            assert_eq!(
                e.kind(),
                crate::ErrorKind::InvalidInput,
                "{prod:?} {sandbox:?}"
            );
        }
        assert!(WebhookReceiver::new("").is_err());
        assert!(
            WebhookReceiver::new("x")
                .unwrap()
                .with_sandbox_authorization("")
                .is_err()
        );
        // Only a sandbox value: the production endpoint's deliveries are refused, never waved through.
        let r = WebhookReceiver::with_values(None, Some(Secret::new("sbx"))).unwrap();
        for forged in [None, Some("")] {
            let e = r
                .receive(forged.map(|v| ("authorization", v)), b"{}")
                .unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::Verification);
        }
        assert_eq!(
            r.receive([("authorization", "sbx")], b"{}").unwrap(),
            WebhookDelivery::Verification
        );
    }
}
