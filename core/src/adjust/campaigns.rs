//! POST /campaign — click and impression URLs for an app and a channel.

use serde::{Deserialize, Serialize};

use super::AdjustContext;
use super::apps::json_post;
use super::errors::{decode_json, with_request_id};
use super::models::{ChannelSetup, Platform, check_signature_hash};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::validate;

/// POST /campaign. Channels that need partner setup fail until their `channel_setup` values arrived.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateCampaign {
    /// `store_id`.
    pub store_id: String,
    /// `platform`: `android` or `ios`.
    pub platform: Platform,
    /// `channel`: the network slug (`facebook`, `google`, `applovin`, ...; open list).
    pub channel: String,
    /// `campaign_name`: ignored by Adjust, kept for compatibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub campaign_name: Option<String>,
    /// `channel_setup`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub channel_setup: Option<ChannelSetup>,
    /// `android_signature_hash`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_signature_hash: Option<String>,
}

impl crate::Endpoint for CreateCampaign {
    type Api = crate::adjust::AdjustApi;
    type Output = CampaignUrls;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        self.platform.check_single("platform")?;
        validate::required("store_id", &self.store_id)?;
        validate::required("channel", &self.channel)?;
        if !self
            .channel
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(Error::invalid(
                "channel",
                "channel slugs are lower-case letters, digits and `_`",
            ));
        }
        if let Some(setup) = &self.channel_setup {
            setup.check("channel_setup")?;
        }
        if let Some(hash) = &self.android_signature_hash {
            check_signature_hash("android_signature_hash", hash)?;
        }
        json_post(ctx, &["campaign"], self, false)
    }

    fn parse(&self, exchange: &Exchange) -> Result<CampaignUrls, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Post)
    }
}

/// The tracking URLs of a channel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CampaignUrls {
    /// `click_url`.
    pub click_url: String,
    /// `impression_url`.
    pub impression_url: String,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

with_request_id!(CampaignUrls);
