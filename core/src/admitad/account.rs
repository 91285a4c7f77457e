//! `/me/`: the account behind the token, its balances and payout methods.

use super::AdmitadContext;
use super::decimal::Decimal;
use super::wire::{Send, endpoint, request_record, response_record, segs, with_raw};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;

response_record! {
    /// The account (`private_data`; `email`/`phone` need their own scopes).
    Me {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `username`.
        username: String,
        /// `first_name`.
        first_name: Option<String>,
        /// `last_name`.
        last_name: Option<String>,
        /// `language`.
        language: Option<String>,
        /// `default_currency`.
        default_currency: Option<String>,
        /// `country`.
        country: Option<String>,
        /// `email` (scope `private_data_email`).
        email: Option<String>,
        /// `phone` (scope `private_data_phone`).
        phone: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}
with_raw!(Me);

/// GET /me/.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GetMe;

impl crate::Endpoint for GetMe {
    type Api = crate::admitad::AdmitadApi;
    type Output = Me;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        Ok(ctx.request(Method::Get, &["me"], &[]))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Me, Error> {
        super::wire::typed_one(exchange, 0)
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

endpoint!(GetBalance => BalanceList, plain_vec, 0, idempotent = true, |s, _q| {
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

endpoint!(GetPaymentSettings => PaymentSettingList, typed_vec, 0, idempotent = true, |s, _q| {
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

crate::reply::reply!(Me);

crate::reply::item_list! {
    /// The balance per currency.
    BalanceList(Balance);
    /// Payout settings.
    PaymentSettingList(PaymentSetting);
}
