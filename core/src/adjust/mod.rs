//! Adjust's App Automation settings API (`https://settings.adjust.com/api/`).
//!
//! Every endpoint is a request value implementing [`AdjustEndpoint`]: `build` makes the exact
//! [`HttpRequest`](crate::HttpRequest) (both auth headers as `Token <token>`), `parse` turns the
//! response into a typed output or a typed [`Error`](crate::Error). [`AdjustClient`] runs them through
//! the shared [`Driver`](crate::driver::Driver).

mod apps;
mod campaigns;
mod channels;
mod client;
mod errors;
mod models;
pub mod operations;
mod signatures;
mod tickets;

pub use apps::{
    AppDetails, CreateApp, CreateAppResponse, FindApp, GetApp, UpdateApp, UpdateAppResponse,
};
pub use campaigns::{CampaignUrls, CreateCampaign};
pub use channels::{ChannelList, ListChannels};
pub use client::{AdjustClient, AdjustConfig};
pub use errors::error_from_exchange;
pub use models::{
    AppIdSetup, AppLovinSetup, ChannelSetup, ChartboostSetup, FacebookSetup, GameAnalyticsSetup,
    GoogleSetup, InMobiSetup, IronSourceSetup, MintegralSetup, OverrideSettings, Platform, Section,
    SnapchatSetup, TikTokSetup, UnityAdsSetup,
};
pub use signatures::{
    GenerateSignature, GenerateSignatureResponse, GetSignature, SignatureLibraries,
};
pub use tickets::{
    GetTicketStatus, SectionResult, SignatureResult, TicketState, TicketStatus, WaitOptions,
};

use crate::secret::Secret;

/// The production base URL of the settings API.
pub const DEFAULT_BASE_URL: &str = "https://settings.adjust.com/api/";

/// Header carrying the API token: `AdjustAuthorization: Token <token>`.
pub const AUTH_HEADER: &str = "AdjustAuthorization";

/// Header carrying the signature token: `SignatureAuthorization: Token <token>`.
pub const SIGNATURE_AUTH_HEADER: &str = "SignatureAuthorization";

/// What an endpoint needs to build its request: the base URL and the credentials.
#[derive(Debug)]
pub struct AdjustContext<'a> {
    /// The base URL (ends in `/`).
    pub base_url: &'a crate::weburl::WebUrl,
    /// The API token.
    pub api_token: &'a Secret,
    /// The signature token, when configured.
    pub signature_token: Option<&'a Secret>,
}

/// The Adjust API: its endpoints build from an [`AdjustContext`].
#[derive(Clone, Copy, Debug)]
pub enum AdjustApi {}

impl crate::endpoint::Api for AdjustApi {
    const VENDOR: crate::Vendor = crate::Vendor::Adjust;
    type Context<'a> = AdjustContext<'a>;
}

/// Shorthand for an [`Endpoint`](crate::Endpoint) of the Adjust API (implemented for every such endpoint).
pub trait AdjustEndpoint: crate::Endpoint<Api = AdjustApi> {}

impl<E: crate::Endpoint<Api = AdjustApi>> AdjustEndpoint for E {}
