//! GET /app/{token}/channels — channels with network trackers. Adjust's reference documentation
//! says `{"channels": [...]}`, the published example is a bare array: both decode.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::AdjustContext;
use super::apps::base_request;
use super::errors::{decode_error, decode_value};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::validate;

/// GET /app/{app_token}/channels.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListChannels {
    /// The app token.
    pub app_token: String,
}

/// The channels of an app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChannelList {
    /// Network slugs (open list: `facebook`, `criteo`, `moloco`, ...).
    pub channels: Vec<String>,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

impl crate::Endpoint for ListChannels {
    type Api = crate::adjust::AdjustApi;
    type Output = ChannelList;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        validate::path_segment("app_token", &self.app_token)?;
        base_request(
            ctx,
            Method::Get,
            &["app", &self.app_token, "channels"],
            &[],
            true,
        )
    }

    fn parse(&self, exchange: &Exchange) -> Result<ChannelList, Error> {
        let value = decode_value(exchange)?;
        let list = match value {
            Value::Array(items) => items,
            Value::Object(mut map) => match map.remove("channels") {
                Some(Value::Array(items)) => items,
                _ => return Err(decode_error(exchange, "expected `channels` to be a list")),
            },
            _ => {
                return Err(decode_error(
                    exchange,
                    "expected a list of channels or an object with `channels`",
                ));
            }
        };
        let channels = list
            .into_iter()
            .map(|v| match v {
                Value::String(s) => Ok(s),
                _ => Err(decode_error(
                    exchange,
                    "expected every channel to be a string",
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ChannelList {
            channels,
            request_id: exchange.request_id.clone(),
        })
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

crate::reply::reply!(ChannelList);
