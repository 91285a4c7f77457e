//! Virtual currency: create a transaction, read the history, read balances.
//!
//! A transaction always carries an `Idempotency-Key` (the caller's, or a random UUID v4 drawn once per
//! call), so the driver may repeat it after a lost answer: Adapty returns the first result instead of
//! applying it twice.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::datetime::lenient;
use super::errors::decode;
use super::{AdaptyContext, AdaptyUser, Family, IDEMPOTENT_WRITE, with_user};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::lenient::{i64_or_zero as lenient_i64, null_as_empty};
use crate::validate;

/// One currency and amount (positive credits, negative debits, never 0).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CurrencyAmount {
    /// `currency_code`: ASCII letters, digits and `_`.
    pub currency_code: String,
    /// `amount`.
    pub amount: i32,
}

/// The body of a virtual-currency transaction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyTransactionRequest {
    /// `items`: 1 to 20, each currency once; applied atomically.
    pub items: Vec<CurrencyAmount>,
    /// `metadata`: up to 5 keys matching `^[a-z0-9_]{1,30}$`, values up to 200 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub metadata: Option<HashMap<String, String>>,
    /// The `Idempotency-Key` header (a UUID v4); drawn at random when absent. Not part of the body.
    #[serde(default, skip_serializing)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub idempotency_key: Option<String>,
}

fn currency_code(field: &str, code: &str) -> Result<(), Error> {
    if code.is_empty()
        || code.len() > 64
        || !code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return Err(Error::invalid(
            field,
            format!("`{code}` is not a currency code (ASCII letters, digits, `_`)"),
        ));
    }
    Ok(())
}

impl VirtualCurrencyTransactionRequest {
    fn check(&self) -> Result<(), Error> {
        if self.items.is_empty() || self.items.len() > 20 {
            return Err(Error::invalid("items", "give 1 to 20 items"));
        }
        for (i, item) in self.items.iter().enumerate() {
            currency_code("items.currency_code", &item.currency_code)?;
            if item.amount == 0 {
                return Err(Error::invalid("items.amount", "must not be 0"));
            }
            if self.items[..i]
                .iter()
                .any(|o| o.currency_code == item.currency_code)
            {
                return Err(Error::invalid(
                    "items.currency_code",
                    format!("`{}` appears twice", item.currency_code),
                ));
            }
        }
        if let Some(meta) = &self.metadata {
            if meta.len() > 5 {
                return Err(Error::invalid("metadata", "at most 5 keys"));
            }
            for (k, v) in meta {
                let ok = (1..=30).contains(&k.len())
                    && k.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                if !ok {
                    return Err(Error::invalid(
                        "metadata",
                        format!("key `{}` must match ^[a-z0-9_]{{1,30}}$", k.escape_debug()),
                    ));
                }
                if v.chars().count() > 200 {
                    return Err(Error::invalid(
                        "metadata",
                        format!("value of `{k}` is longer than 200 characters"),
                    ));
                }
            }
        }
        if let Some(key) = &self.idempotency_key {
            let ok = key.len() == 36
                && key.bytes().enumerate().all(|(i, b)| match i {
                    8 | 13 | 18 | 23 => b == b'-',
                    _ => b.is_ascii_hexdigit(),
                });
            if !ok {
                return Err(Error::invalid(
                    "idempotency_key",
                    "must be a UUID such as 3f2b8c4e-9d1a-4f6b-8e2c-1a2b3c4d5e6f",
                ));
            }
        }
        Ok(())
    }
}

/// A balance of one currency.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CurrencyBalance {
    /// `code`.
    pub code: String,
    /// `name`.
    #[serde(default)]
    pub name: String,
    /// `balance`.
    #[serde(default, deserialize_with = "lenient_i64")]
    pub balance: i64,
    /// `held` (currently always 0).
    #[serde(default, deserialize_with = "lenient_i64")]
    pub held: i64,
    /// `available` = balance − held.
    #[serde(default, deserialize_with = "lenient_i64")]
    pub available: i64,
}

/// The result of a transaction: its id and the new balances of the currencies it touched.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyTransactionResult {
    /// `transaction_id`.
    pub transaction_id: String,
    /// `balances`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub balances: Vec<CurrencyBalance>,
    /// The `Idempotency-Key` that was sent (keep it to repeat the call safely).
    #[serde(default)]
    pub idempotency_key: String,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// POST /vc/transactions/ (createVirtualCurrencyTransaction).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreateVirtualCurrencyTransaction {
    /// The user (one id).
    pub user: AdaptyUser,
    /// The transaction; its `idempotency_key` must be set (the client draws one when absent).
    pub request: VirtualCurrencyTransactionRequest,
}

impl CreateVirtualCurrencyTransaction {
    /// The call, with an `Idempotency-Key` drawn from the CSPRNG when the request has none (so every
    /// surface sends one, and a repeat after a lost answer is applied once).
    pub fn new(
        user: AdaptyUser,
        mut request: VirtualCurrencyTransactionRequest,
    ) -> Result<Self, Error> {
        if request.idempotency_key.is_none() {
            request.idempotency_key = Some(crate::random::uuid_v4()?);
        }
        Ok(CreateVirtualCurrencyTransaction { user, request })
    }
}

impl crate::Endpoint for CreateVirtualCurrencyTransaction {
    type Api = crate::adapty::AdaptyApi;
    type Output = VirtualCurrencyTransactionResult;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        self.request.check()?;
        let key = self.request.idempotency_key.as_deref().ok_or_else(|| {
            Error::invalid("idempotency_key", "set a UUID (the client draws one)")
        })?;
        let mut req = ctx.json(
            Family::ServerSide,
            Method::Post,
            &["vc", "transactions"],
            &self.request,
        )?;
        req.set_header("Idempotency-Key", key);
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<VirtualCurrencyTransactionResult, Error> {
        let mut out: VirtualCurrencyTransactionResult = decode(exchange)?;
        out.idempotency_key = self.request.idempotency_key.clone().unwrap_or_default();
        Ok(out)
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}

/// One change of one currency in a history entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct BalanceChange {
    /// `currency_code`.
    pub currency_code: String,
    /// `amount`.
    #[serde(default, deserialize_with = "lenient_i64")]
    pub amount: i64,
    /// `balance_after`.
    #[serde(default, deserialize_with = "lenient_i64")]
    pub balance_after: i64,
}

/// One history entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyTransaction {
    /// `transaction_id`.
    pub transaction_id: String,
    /// `transaction_type`: `store_purchase`, `subscription_renewal`, `trial_start`, `api_transaction`,
    /// `dashboard_transaction`, `refund`, `expiry` (open).
    #[serde(default)]
    pub transaction_type: String,
    /// `items`.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub items: Vec<BalanceChange>,
    /// `metadata`.
    #[serde(default)]
    pub metadata: Option<HashMap<String, String>>,
    /// `created_at`.
    #[serde(default, deserialize_with = "lenient")]
    pub created_at: String,
}

/// One page of history, newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyHistory {
    /// `data`: the entries of this page.
    pub items: Vec<VirtualCurrencyTransaction>,
    /// `pagination.next_cursor`: `None` at the end.
    pub next_cursor: Option<String>,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// Filters and paging of the history.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyHistoryQuery {
    /// `currency_code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub currency_code: Option<String>,
    /// `cursor` from the previous page's `next_cursor`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub cursor: Option<String>,
    /// `limit`: 1..=100 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
}

#[derive(Deserialize)]
struct HistoryWire {
    #[serde(default, deserialize_with = "null_as_empty")]
    data: Vec<VirtualCurrencyTransaction>,
    #[serde(default)]
    pagination: Option<CursorWire>,
}

#[derive(Deserialize)]
struct CursorWire {
    #[serde(default)]
    next_cursor: Option<String>,
}

/// GET /vc/transactions/ (listVirtualCurrencyTransactions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListVirtualCurrencyTransactions {
    /// The user (one id).
    pub user: AdaptyUser,
    /// Filters and paging.
    pub query: VirtualCurrencyHistoryQuery,
}

impl crate::Endpoint for ListVirtualCurrencyTransactions {
    type Api = crate::adapty::AdaptyApi;
    type Output = VirtualCurrencyHistory;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let mut query: Vec<(&str, &str)> = Vec::new();
        if let Some(c) = &self.query.currency_code {
            currency_code("currency_code", c)?;
            query.push(("currency_code", c));
        }
        if let Some(c) = &self.query.cursor {
            validate::required("cursor", c)?;
            query.push(("cursor", c));
        }
        let limit;
        if let Some(l) = self.query.limit {
            if !(1..=100).contains(&l) {
                return Err(Error::invalid("limit", "must be between 1 and 100"));
            }
            limit = l.to_string();
            query.push(("limit", &limit));
        }
        let req = ctx.request(
            Family::ServerSide,
            Method::Get,
            &["vc", "transactions"],
            &query,
        )?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<VirtualCurrencyHistory, Error> {
        let wire: HistoryWire = decode(exchange)?;
        Ok(VirtualCurrencyHistory {
            request_id: None,
            items: wire.data,
            next_cursor: wire
                .pagination
                .and_then(|p| p.next_cursor)
                .filter(|c| !c.is_empty()),
        })
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

impl crate::pagination::Paged for ListVirtualCurrencyTransactions {
    type Item = VirtualCurrencyTransaction;
    fn items(page: &VirtualCurrencyHistory) -> &[VirtualCurrencyTransaction] {
        &page.items
    }
    fn into_items(page: VirtualCurrencyHistory) -> Vec<VirtualCurrencyTransaction> {
        page.items
    }
    fn next_request(&self, page: &VirtualCurrencyHistory) -> Result<Option<Self>, Error> {
        if page.items.is_empty() {
            return Ok(None);
        }
        let next = crate::pagination::next_cursor(
            crate::Vendor::Adapty,
            self.query.cursor.as_deref(),
            page.next_cursor.as_deref(),
        )?;
        Ok(next.map(|cursor| ListVirtualCurrencyTransactions {
            user: self.user.clone(),
            query: VirtualCurrencyHistoryQuery {
                cursor: Some(cursor),
                ..self.query.clone()
            },
        }))
    }
    fn remaining(&self, _page: &VirtualCurrencyHistory) -> Option<u64> {
        None
    }
}

/// All balances of a profile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct VirtualCurrencyBalances {
    /// `response_created_at`: epoch milliseconds.
    #[serde(default, deserialize_with = "lenient_i64")]
    pub response_created_at: i64,
    /// `data`.
    #[serde(
        default,
        rename(deserialize = "data"),
        deserialize_with = "null_as_empty"
    )]
    pub balances: Vec<CurrencyBalance>,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// GET /vc/balances/ (listVirtualCurrencyBalances).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListVirtualCurrencyBalances {
    /// The user (one id).
    pub user: AdaptyUser,
}

impl crate::Endpoint for ListVirtualCurrencyBalances {
    type Api = crate::adapty::AdaptyApi;
    type Output = VirtualCurrencyBalances;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let req = ctx.request(Family::ServerSide, Method::Get, &["vc", "balances"], &[])?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<VirtualCurrencyBalances, Error> {
        decode(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}
