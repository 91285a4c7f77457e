//! `/me/` (spec §5.1): the account behind the token, its balances and payout methods.

use serde::{Deserialize, Serialize};

use super::decimal::Decimal;
use super::errors::decode;
use super::wire::{Send, endpoint, request_record, response_record, segs, with_raw};
use super::{AdmitadContext, AdmitadEndpoint};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;

/// The account (`private_data`; `email`/`phone` need their own scopes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Me {
    /// `id`.
    #[serde(default)]
    pub id: u64,
    /// `username`.
    #[serde(default)]
    pub username: String,
    /// `first_name`.
    #[serde(default)]
    pub first_name: Option<String>,
    /// `last_name`.
    #[serde(default)]
    pub last_name: Option<String>,
    /// `language`.
    #[serde(default)]
    pub language: Option<String>,
    /// `default_currency`.
    #[serde(default)]
    pub default_currency: Option<String>,
    /// `country`.
    #[serde(default)]
    pub country: Option<String>,
    /// `email` (scope `private_data_email`).
    #[serde(default)]
    pub email: Option<String>,
    /// `phone` (scope `private_data_phone`).
    #[serde(default)]
    pub phone: Option<String>,
}

/// GET /me/.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GetMe;

impl AdmitadEndpoint for GetMe {
    type Output = Me;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        Ok(ctx.request(Method::Get, &["me"], &[]))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Me, Error> {
        decode(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

response_record! {
    /// A balance in one currency (`/me/balance/`; the extended form adds the other amounts).
    Balance {
        /// `currency`.
        currency: String,
        /// `balance`.
        balance: Decimal,
        /// `processing` (extended).
        processing: Option<Decimal>,
        /// `today` (extended).
        today: Option<Decimal>,
        /// `stalled` (extended).
        stalled: Option<Decimal>,
    }
}

request_record! {
    /// GET /me/balance/ or, `extended`, /me/balance/extended/ (scope `private_data_balance`): a bare array.
    GetBalance {
        /// Also `processing`, `today` and `stalled`.
        extended: bool = false,
    }
}

endpoint!(GetBalance => Vec<Balance>, plain, 0, idempotent = true, |s, _q| {
    if s.extended {
        Send::Get(segs!["me", "balance", "extended"])
    } else {
        Send::Get(segs!["me", "balance"])
    }
});

response_record! {
    /// A payout method.
    PaymentSetting {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `currency`: the codes it pays in.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        currency: Vec<String>,
        /// `withdrawal_type` (`webmoney`, `paypal`, ...).
        withdrawal_type: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}
with_raw!(PaymentSetting);

request_record! {
    /// GET /me/payment/settings/ or /me/payment/settings/{CUR}/ (scope `private_data_balance`).
    GetPaymentSettings {
        /// Only the methods paying in this currency (three upper-case letters).
        currency: Option<String> = None,
    }
}

endpoint!(GetPaymentSettings => Vec<PaymentSetting>, typed_vec, 0, idempotent = true, |s, _q| {
    match &s.currency {
        Some(c) => {
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Error::invalid("currency", "three upper-case letters, e.g. USD"));
            }
            Send::Get(segs!["me", "payment", "settings", c])
        }
        None => Send::Get(segs!["me", "payment", "settings"]),
    }
});
