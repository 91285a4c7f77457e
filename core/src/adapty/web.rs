//! The Web API with the **public** key: the one Adapty family safe to call from a browser or
//! an app. The user is named in the body (`customer_user_id` or `profile_id`).

use serde::{Deserialize, Serialize};

use super::datetime::check_opt;
use super::errors::{decode, expect_success};
use super::{AdaptyContext, Family, Offer};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::lenient::null_as_empty;
use crate::open_enum::open_enum;
use crate::validate;

fn one_user(profile_id: &Option<String>, customer_user_id: &Option<String>) -> Result<(), Error> {
    match (profile_id, customer_user_id) {
        (None, None) => Err(Error::invalid(
            "user",
            "give a profile_id or a customer_user_id",
        )),
        (Some(_), Some(_)) => Err(Error::invalid(
            "user",
            "give a profile_id or a customer_user_id, not both",
        )),
        (Some(v), None) => validate::required("profile_id", v),
        (None, Some(v)) => validate::required("customer_user_id", v),
    }
}

/// POST /paywall/ body: the paywall a user sees at a placement.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebPaywallRequest {
    /// `store`: `app_store`, `play_store`, `stripe` or a custom store id.
    pub store: String,
    /// `placement_id`.
    pub placement_id: String,
    /// `locale`, e.g. `en` or `pt-br` (default locale when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub locale: Option<String>,
    /// `customer_user_id` (or `profile_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub customer_user_id: Option<String>,
    /// `profile_id` (or `customer_user_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub profile_id: Option<String>,
}

/// A product on a Web API paywall.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebPaywallProduct {
    /// `title`.
    #[serde(default)]
    pub title: Option<String>,
    /// `is_consumable`.
    #[serde(default)]
    pub is_consumable: bool,
    /// `adapty_product_id`.
    #[serde(default)]
    pub adapty_product_id: Option<String>,
    /// `vendor_product_id`.
    #[serde(default)]
    pub vendor_product_id: String,
    /// `introductory_offer_eligibility`.
    #[serde(default)]
    pub introductory_offer_eligibility: Option<bool>,
    /// `promotional_offer_eligibility`.
    #[serde(default)]
    pub promotional_offer_eligibility: Option<bool>,
    /// `base_plan_id` (the string `"null"` is read as none).
    #[serde(default)]
    pub base_plan_id: Option<String>,
    /// `offer`.
    #[serde(default)]
    pub offer: Option<Offer>,
}

/// `remote_config`: `data` is JSON text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebRemoteConfig {
    /// `lang`.
    #[serde(default)]
    pub lang: String,
    /// `data`.
    #[serde(default)]
    pub data: String,
}

/// The paywall at a placement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebPaywall {
    /// `placement_id`.
    #[serde(default)]
    pub placement_id: String,
    /// `variation_id`: pass it to `record_web_paywall_visit` and to set transaction.
    #[serde(default)]
    pub variation_id: String,
    /// `paywall_id`.
    #[serde(default)]
    pub paywall_id: String,
    /// `ab_test_name`.
    #[serde(default)]
    pub ab_test_name: Option<String>,
    /// `paywall_name`.
    #[serde(default)]
    pub paywall_name: String,
    /// `products`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub products: Vec<WebPaywallProduct>,
    /// `remote_config`.
    #[serde(default)]
    pub remote_config: Option<WebRemoteConfig>,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// POST /paywall/ (getWebPaywall).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetWebPaywall {
    /// The request.
    pub request: WebPaywallRequest,
}

impl crate::Endpoint for GetWebPaywall {
    type Api = crate::adapty::AdaptyApi;
    type Output = WebPaywall;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let r = &self.request;
        validate::required("store", &r.store)?;
        validate::required("placement_id", &r.placement_id)?;
        one_user(&r.profile_id, &r.customer_user_id)?;
        ctx.json(Family::Web, Method::Post, &["paywall"], r)
    }
    fn parse(&self, exchange: &Exchange) -> Result<WebPaywall, Error> {
        let mut p: WebPaywall = decode(exchange)?;
        for product in &mut p.products {
            if product.base_plan_id.as_deref() == Some("null") {
                product.base_plan_id = None;
            }
        }
        Ok(p)
    }
    fn policy(&self) -> RequestPolicy {
        // A read expressed as POST.
        super::IDEMPOTENT_WRITE
    }
}

/// POST /paywall/visit/ body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebPaywallVisit {
    /// `store`.
    pub store: String,
    /// `variation_id` from [`WebPaywall::variation_id`].
    pub variation_id: String,
    /// `visited_at` (ISO 8601; now when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub visited_at: Option<String>,
    /// `customer_user_id` (or `profile_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub customer_user_id: Option<String>,
    /// `profile_id` (or `customer_user_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub profile_id: Option<String>,
}

/// POST /paywall/visit/ (recordWebPaywallVisit): 201.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordWebPaywallVisit {
    /// The visit.
    pub visit: WebPaywallVisit,
}

impl crate::Endpoint for RecordWebPaywallVisit {
    type Api = crate::adapty::AdaptyApi;
    type Output = crate::Ack;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let v = &self.visit;
        validate::required("store", &v.store)?;
        validate::required("variation_id", &v.variation_id)?;
        check_opt("visited_at", &v.visited_at)?;
        one_user(&v.profile_id, &v.customer_user_id)?;
        ctx.json(Family::Web, Method::Post, &["paywall", "visit"], v)
    }
    fn parse(&self, exchange: &Exchange) -> Result<crate::Ack, Error> {
        expect_success(exchange).map(|()| crate::Ack::default())
    }
    fn policy(&self) -> RequestPolicy {
        // A repeat would count the visit twice.
        RequestPolicy::for_method(Method::Post)
    }
}

open_enum! {
    /// Attribution `status`.
    WebAttributionStatus {
        /// `organic`.
        Organic = "organic",
        /// `non_organic`.
        NonOrganic = "non_organic",
        /// `unknown`.
        Unknown = "unknown",
    }
}

impl Default for WebAttributionStatus {
    /// Unset: refused before sending until it is set.
    fn default() -> Self {
        WebAttributionStatus::Other(String::new())
    }
}

/// POST /attribution/ body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WebAttributionRequest {
    /// `status` (required).
    pub status: WebAttributionStatus,
    /// `attribution_user_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_user_id: Option<String>,
    /// `channel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub channel: Option<String>,
    /// `campaign`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub campaign: Option<String>,
    /// `ad_group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ad_group: Option<String>,
    /// `ad_set`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ad_set: Option<String>,
    /// `creative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub creative: Option<String>,
    /// `customer_user_id` (or `profile_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub customer_user_id: Option<String>,
    /// `profile_id` (or `customer_user_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub profile_id: Option<String>,
}

/// POST /attribution/ (setWebAttribution): 201.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetWebAttribution {
    /// The attribution.
    pub request: WebAttributionRequest,
}

impl crate::Endpoint for SetWebAttribution {
    type Api = crate::adapty::AdaptyApi;
    type Output = crate::Ack;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let r = &self.request;
        if !r.status.is_known() {
            return Err(Error::invalid(
                "status",
                "must be organic, non_organic or unknown",
            ));
        }
        one_user(&r.profile_id, &r.customer_user_id)?;
        ctx.json(Family::Web, Method::Post, &["attribution"], r)
    }
    fn parse(&self, exchange: &Exchange) -> Result<crate::Ack, Error> {
        expect_success(exchange).map(|()| crate::Ack::default())
    }
    fn policy(&self) -> RequestPolicy {
        // Setting the same attribution twice leaves the same attribution.
        super::IDEMPOTENT_WRITE
    }
}
