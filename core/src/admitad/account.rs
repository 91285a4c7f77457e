//! `/me/` (spec §5.1): the account behind the token.

use serde::{Deserialize, Serialize};

use super::errors::decode;
use super::{AdmitadContext, AdmitadEndpoint};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};

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
