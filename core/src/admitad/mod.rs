//! Admitad: OAuth 2.0 with a managed token lifecycle, and the publisher API.
//!
//! [`AdmitadClient`] holds the token pair: it gets one when it has none (client credentials), refreshes
//! it before it expires (with a skew) and once after a 401 `invalid_token`, then repeats the call once.
//! Concurrent calls share one refresh, every new pair goes to the `on_tokens` listener (persist it: the
//! refresh token rotates), and a client can start from stored tokens. Tokens are never minted per call:
//! Admitad limits how many exist (error code 6).

mod account;
mod client;
mod community;
mod coupons;
mod creatives;
mod decimal;
mod errors;
mod links;
mod lost_orders;
pub mod oauth;
pub mod operations;
mod pagination;
mod partners;
mod postbacks;
mod programs;
mod promo;
mod reference;
mod retag;
mod scopes;
mod statistics;
mod websites;
pub(crate) mod wire;

pub use account::{
    Balance, BalanceList, GetBalance, GetMe, GetPaymentSettings, Me, PaymentSetting,
    PaymentSettingList,
};
pub use client::{AdmitadClient, AdmitadConfig, DEFAULT_REFRESH_SKEW_MS, TokenListener};
pub use community::{
    Announcement, AnnouncementPage, GetAnnouncement, GetNewsItem, GetReferral, ListAnnouncements,
    ListNews, ListNotifications, ListReferrals, ListVendorBonuses, MarkNotificationsRead, News,
    NewsPage, Notification, NotificationPage, Referral, ReferralPage, VendorBonus,
    VendorBonusAction, VendorBonusCondition, VendorBonusPage, VendorBonusRate, VendorBonusTariff,
};
pub use coupons::{Coupon, CouponCampaign, CouponPage, GetCoupon, ListCoupons};
pub use creatives::{Banner, BannerPage, Landing, LandingPage, ListBanners, ListLandings};
pub use decimal::Decimal;
pub use errors::{AdmitadErrorBody, error_from_exchange, is_invalid_token, read_error};
pub use links::{
    BrokenLink, BrokenLinkPage, GetBrokenLink, LinkCheck, ListBrokenLinks, ResolveBrokenLinks,
    ResolvedLinks, ValidateLink,
};
pub use lost_orders::{
    ClaimKind, CreateAppeal, CreateLostOrder, GetLostOrder, GetLostOrderPayments, ListLostOrders,
    LostOrder, LostOrderPage, OrderPaymentInfo, OrderPayments,
};
pub use oauth::{
    AuthorizationUrl, SignedRequestPayload, TokenGrant, TokenRequest, TokenSet, authorization_url,
    parse_callback, verify_signed_request,
};
pub use pagination::{MAX_LIMIT, OffsetCursor, Page, Paginated, check_cap};
pub use partners::{
    BrokerApplication, BrokerApplicationPage, CommissionRate, CommissionRates,
    CreateBrokerApplication, GetAliexpressCommissionRates, GetBrokerCampaignSettings,
    ListBrokerApplications,
};
pub use postbacks::{
    ActionStatus, ActionTypeFilter, DeleteOptCode, DescMode, GetOptCode, ListOptCodes, OptCode,
    OptCodeKind, OptCodePage, PostbackMethod, SaveOptCode,
};
pub use programs::{
    ActionResult, ChangeMembership, GetProgram, GetProgramForWebsite, GetProgramStatuses,
    ListPrograms, Membership, Program, ProgramConnection, ProgramConnectionList, ProgramPage,
};
pub use promo::{
    GetPromoCodeRevocations, GetTrackingCouponStatus, ListPromoOffers, PromoCodeStatus,
    PromoCodeStatusList, PromoOfferPage, RequestTrackingCoupon, ShortLink, ShortenLink,
    TrackingCouponRequest, TrackingCouponState,
};
pub use reference::{
    AdService, AdServicePage, Category, CategoryPage, CodeList, CodePage, CouponCategory,
    CouponCategoryPage, Currency, CurrencyPage, CurrencyRate, GetAdService, GetCategory,
    GetCouponCategory, GetCurrencyRate, GetLanguage, Language, LanguagePage, ListAdServices,
    ListCategories, ListCodes, ListCouponCategories, ListCurrencies, ListLanguages,
    ListTrafficTypes, NamedRef, TrafficType, TrafficTypePage,
};
pub use retag::{
    DeleteRetag, GetRetag, ListRetagLevels, ListRetags, Retag, RetagLevel, RetagLevelPage,
    RetagLevelRef, RetagPage, SaveRetag,
};
pub use scopes::{Scope, WITHDRAWN_SCOPES};
pub use statistics::{
    ActionPosition, Deeplink, DeeplinkList, GetDeeplinks, ListStatistics, StatisticsPage,
    StatisticsReport, StatisticsRow,
};
pub use websites::{
    CreateSubnetworkWebsites, GetWebsite, GetWebsiteByName, ListWebsites, NewWebsite, Website,
    WebsiteList, WebsitePage,
};
pub use wire::{Attachment, MAX_ATTACHMENT_BYTES};

use crate::http::{HttpRequest, Method};
use crate::weburl::WebUrl;

/// The production base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.admitad.com/";

/// What an endpoint needs to build its request: the base URL and the current access token.
#[derive(Debug)]
pub struct AdmitadContext<'a> {
    /// The base URL (ends in `/`).
    pub base_url: &'a WebUrl,
    /// The access token (`Authorization: Bearer …`).
    pub access_token: &'a str,
}

impl AdmitadContext<'_> {
    /// A request to `path` (each element one segment; the trailing `/` Admitad needs is always added).
    pub(crate) fn request(
        &self,
        method: Method,
        path: &[&str],
        query: &[(&str, &str)],
    ) -> HttpRequest {
        let mut segments: Vec<&str> = path.to_vec();
        segments.push("");
        let url = self.base_url.endpoint(&segments, query);
        let mut req = HttpRequest::new(method, url.to_string());
        req.set_header("Authorization", format!("Bearer {}", self.access_token));
        req.set_header("Accept", "application/json");
        req
    }
}

/// The Admitad API: its endpoints build from an [`AdmitadContext`].
#[derive(Clone, Copy, Debug)]
pub enum AdmitadApi {}

impl crate::endpoint::Api for AdmitadApi {
    const VENDOR: crate::Vendor = crate::Vendor::Admitad;
    type Context<'a> = AdmitadContext<'a>;
}

/// Shorthand for an [`Endpoint`](crate::Endpoint) of the Admitad API (implemented for every such endpoint).
pub trait AdmitadEndpoint: crate::Endpoint<Api = AdmitadApi> {}

impl<E: crate::Endpoint<Api = AdmitadApi>> AdmitadEndpoint for E {}
