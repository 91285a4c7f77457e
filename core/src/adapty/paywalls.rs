//! Server-side paywalls: list, get, update remote configs.

use serde::{Deserialize, Serialize};

use super::datetime::lenient;
use super::errors::decode;
use super::{AdaptyContext, Family, IDEMPOTENT_WRITE};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::lenient::null_as_empty;
use crate::open_enum::open_enum;
use crate::validate;

open_enum! {
    /// `state` of a paywall.
    PaywallState {
        /// `draft`.
        Draft = "draft",
        /// `live`.
        Live = "live",
        /// `inactive`.
        Inactive = "inactive",
        /// `archived`.
        Archived = "archived",
    }
}

/// The offer of a paywall product.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaywallProductOffer {
    /// `product_offer_id`.
    pub product_offer_id: String,
    /// `title`.
    #[serde(default)]
    pub title: String,
}

/// A product on a paywall.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaywallProduct {
    /// `product_id`.
    pub product_id: String,
    /// `title`.
    #[serde(default)]
    pub title: String,
    /// `product_set`: `weekly`, `monthly`, `annual`, `lifetime`, `consumable`, ... (open).
    #[serde(default)]
    pub product_set: String,
    /// `offer`.
    #[serde(default)]
    pub offer: Option<PaywallProductOffer>,
}

/// One remote config: `data` is a JSON document serialised into a string.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RemoteConfig {
    /// `locale`, e.g. `en`.
    pub locale: String,
    /// `data`: JSON text.
    pub data: String,
}

/// `main_screenshot`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MainScreenshot {
    /// `image_id`.
    pub image_id: i64,
    /// `url`.
    pub url: String,
}

/// A paywall (list items leave `remote_configs` empty and `main_screenshot` unset).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Paywall {
    /// `paywall_id`.
    pub paywall_id: String,
    /// `title`.
    #[serde(default)]
    pub title: String,
    /// `use_paywall_builder`.
    #[serde(default)]
    pub use_paywall_builder: bool,
    /// `use_paywall_builder_legacy`.
    #[serde(default)]
    pub use_paywall_builder_legacy: bool,
    /// `created_at`.
    #[serde(default, deserialize_with = "lenient")]
    pub created_at: String,
    /// `updated_at`.
    #[serde(default, deserialize_with = "lenient")]
    pub updated_at: String,
    /// `state`.
    #[serde(default)]
    pub state: Option<PaywallState>,
    /// `is_deleted`.
    #[serde(default)]
    pub is_deleted: bool,
    /// `web_purchase_url`.
    #[serde(default)]
    pub web_purchase_url: Option<String>,
    /// `products`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub products: Vec<PaywallProduct>,
    /// `remote_configs` (get/update only).
    #[serde(default, deserialize_with = "null_as_empty")]
    pub remote_configs: Vec<RemoteConfig>,
    /// `main_screenshot` (get/update only).
    #[serde(default)]
    pub main_screenshot: Option<MainScreenshot>,
    /// Vendor request id of the response.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// `meta.pagination`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Pagination {
    /// `count`: paywalls in all pages.
    #[serde(default)]
    pub count: u32,
    /// `page`: this page (1-based).
    #[serde(default)]
    pub page: u32,
    /// `pages`: number of pages.
    #[serde(default)]
    pub pages: u32,
}

/// One page of paywalls.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PaywallList {
    /// `data`: the paywalls of this page.
    pub items: Vec<Paywall>,
    /// `meta.pagination`.
    pub pagination: Pagination,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

#[derive(Deserialize)]
struct ListWire {
    #[serde(default, deserialize_with = "null_as_empty")]
    data: Vec<Paywall>,
    #[serde(default)]
    meta: Option<MetaWire>,
}

#[derive(Deserialize)]
struct MetaWire {
    #[serde(default)]
    pagination: Pagination,
}

/// GET /paywalls/?page[number]=&page[size]= (listPaywalls).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(default)]
pub struct ListPaywalls {
    /// `page[number]` (≥ 1; default 1).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub page: Option<u32>,
    /// `page[size]` (1..=100; default 20).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub page_size: Option<u32>,
}

impl crate::Endpoint for ListPaywalls {
    type Api = crate::adapty::AdaptyApi;
    type Output = PaywallList;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let mut query = Vec::new();
        let (page, size);
        if let Some(p) = self.page {
            if p == 0 {
                return Err(Error::invalid("page", "pages start at 1"));
            }
            page = p.to_string();
            query.push(("page[number]", page.as_str()));
        }
        if let Some(s) = self.page_size {
            if !(1..=100).contains(&s) {
                return Err(Error::invalid("page_size", "must be between 1 and 100"));
            }
            size = s.to_string();
            query.push(("page[size]", size.as_str()));
        }
        ctx.request(Family::ServerSide, Method::Get, &["paywalls"], &query)
    }
    fn parse(&self, exchange: &Exchange) -> Result<PaywallList, Error> {
        let wire: ListWire = decode(exchange)?;
        Ok(PaywallList {
            request_id: None,
            items: wire.data,
            pagination: wire.meta.map(|m| m.pagination).unwrap_or_default(),
        })
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// Adapty's page size when none is asked for.
const DEFAULT_PAYWALL_PAGE_SIZE: u32 = 20;

impl crate::pagination::Paged for ListPaywalls {
    type Item = Paywall;
    fn items(page: &PaywallList) -> &[Paywall] {
        &page.items
    }
    fn into_items(page: PaywallList) -> Vec<Paywall> {
        page.items
    }
    fn next_request(&self, page: &PaywallList) -> Result<Option<Self>, Error> {
        let p = &page.pagination;
        let next = crate::pagination::next_page_number(
            crate::Vendor::Adapty,
            self.page.unwrap_or(1),
            p.page,
            p.pages,
            page.items.len(),
        )?;
        Ok(next.map(|n| ListPaywalls {
            page: Some(n),
            ..self.clone()
        }))
    }
    fn remaining(&self, page: &PaywallList) -> Option<u64> {
        let size = u64::from(self.page_size.unwrap_or(DEFAULT_PAYWALL_PAGE_SIZE));
        let before = u64::from(page.pagination.page.saturating_sub(1)).saturating_mul(size);
        Some(u64::from(page.pagination.count).saturating_sub(before))
    }
}

fn paywall_id(id: &str) -> Result<(), Error> {
    validate::path_segment("paywall_id", id)
}

fn paywall(exchange: &Exchange) -> Result<Paywall, Error> {
    let mut p: Paywall = decode(exchange)?;
    p.request_id = exchange.request_id.clone();
    Ok(p)
}

/// GET /paywalls/{paywall_id}/ (getPaywall).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GetPaywall {
    /// The paywall id (a UUID).
    pub paywall_id: String,
}

impl crate::Endpoint for GetPaywall {
    type Api = crate::adapty::AdaptyApi;
    type Output = Paywall;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        paywall_id(&self.paywall_id)?;
        ctx.request(
            Family::ServerSide,
            Method::Get,
            &["paywalls", &self.paywall_id],
            &[],
        )
    }
    fn parse(&self, exchange: &Exchange) -> Result<Paywall, Error> {
        paywall(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// The body of update paywall: replaces **all** remote configs (fetch, merge, then update).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UpdatePaywallRequest {
    /// `remote_configs`: each `data` must be JSON text.
    pub remote_configs: Vec<RemoteConfig>,
}

/// PUT /paywalls/{paywall_id}/ (updatePaywall).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdatePaywall {
    /// The paywall id.
    pub paywall_id: String,
    /// The new remote configs.
    pub request: UpdatePaywallRequest,
}

impl crate::Endpoint for UpdatePaywall {
    type Api = crate::adapty::AdaptyApi;
    type Output = Paywall;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        paywall_id(&self.paywall_id)?;
        if self.request.remote_configs.is_empty() {
            return Err(Error::invalid(
                "remote_configs",
                "give at least one remote config",
            ));
        }
        for c in &self.request.remote_configs {
            validate::required("remote_configs.locale", &c.locale)?;
            if serde_json::from_slice::<serde::de::IgnoredAny>(c.data.as_bytes()).is_err() {
                return Err(Error::invalid(
                    "remote_configs.data",
                    format!("the `{}` config is not JSON text", c.locale),
                ));
            }
        }
        ctx.json(
            Family::ServerSide,
            Method::Put,
            &["paywalls", &self.paywall_id],
            &self.request,
        )
    }
    fn parse(&self, exchange: &Exchange) -> Result<Paywall, Error> {
        paywall(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}
