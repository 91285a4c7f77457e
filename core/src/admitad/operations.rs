//! Every Admitad publisher operation, declared once.
//!
//! Each row is one endpoint as every surface shows it: the operation name (the Rust method; JS uses it
//! in camelCase, Kotlin and Swift in their own case), the request type (in its resource module, with
//! its `build` and `parse`), what it returns, and a doc line that starts with the HTTP method and path.
//! [`admitad_operations!`](crate::admitad_operations) hands the rows to a macro of the caller's: this
//! crate expands them into the client's named methods and the [`registry`](crate::registry); the
//! uniffi and wasm bindings expand the same rows into their methods, so adding an endpoint to every
//! surface is its request type, one row here, its golden test and its sandbox route.
//!
//! The groups:
//! - `calls`: one request, one typed result;
//! - `raw_calls`: the result is the vendor's JSON as sent ([`JsonReply`](crate::JsonReply)), so JS keeps its keys;
//! - `unit_calls`: no input at all (the request type is a unit struct);
//! - `uploads`: multipart with a file (JS passes the bytes as a `Uint8Array`);
//! - `lists` / `raw_lists`: one page of a list, `name / paginator / collect (Request => Item, Page,
//!   Paginator)`; every surface also gets the paginator and the collect-with-cap forms.

/// Calls `$callback! { … }` with every Admitad publisher operation (see [`crate::admitad::operations`]).
#[macro_export]
macro_rules! admitad_operations {
    ($callback:ident) => {
        $callback! {
            unit_calls {
                /// GET /me/: the account behind the token.
                me(GetMe) -> Me;
            }
            calls {
                /// GET /me/balance/ (or /me/balance/extended/): the balance per currency.
                balance(GetBalance) -> BalanceList;
                /// GET /me/payment/settings/ (or for one currency): payout settings.
                payment_settings(GetPaymentSettings) -> PaymentSettingList;
                /// GET /languages/{code}/: one language.
                language(GetLanguage) -> Language;
                /// GET /currencies/rate/: an exchange rate on a day.
                currency_rate(GetCurrencyRate) -> CurrencyRate;
                /// GET /categories/{id}/: one program category.
                category(GetCategory) -> Category;
                /// GET /adservices/{id}/: one ad service.
                ad_service(GetAdService) -> AdService;
                /// GET /coupons/categories/{id}/: one coupon category.
                coupon_category(GetCouponCategory) -> CouponCategory;
                /// GET /websites/v2/{id}/: one ad space.
                website(GetWebsite) -> Website;
                /// GET /websites/v2/{name}/?search_by=name: one ad space by its name (percent-encoded as UTF-8).
                website_by_name(GetWebsiteByName) -> Website;
                /// GET /advcampaigns/{id}/: one program.
                program(GetProgram) -> Program;
                /// GET /advcampaigns/{program}/website/{website}/: one program as it applies to an ad space.
                program_for_website(GetProgramForWebsite) -> Program;
                /// POST /subnetworks/v1/websites/create/: ad spaces of a subnetwork (JSON; all or nothing; never repeated).
                create_subnetwork_websites(CreateSubnetworkWebsites) -> WebsiteList;
                /// POST /advcampaigns/{program}/attach|detach/{website}/: joins or leaves a program.
                change_membership(ChangeMembership) -> ActionResult;
                /// GET /subnetworks/v1/advcampaign/{program}/statuses/: connection statuses of a program.
                program_statuses(GetProgramStatuses) -> ProgramConnectionList;
                /// GET /coupons/{id}/ (or for an ad space): one coupon.
                coupon(GetCoupon) -> Coupon;
                /// GET /promo_offers/revocation_status/{offer}/: revocation status of promo codes.
                promo_code_revocations(GetPromoCodeRevocations) -> PromoCodeStatusList;
                /// POST /tracking_promo_code/request-tracking-coupon/: asks for a tracking coupon (never repeated).
                request_tracking_coupon(RequestTrackingCoupon) -> TrackingCouponRequest;
                /// GET /tracking_promo_code/request-status/: where a tracking-coupon request stands.
                tracking_coupon_status(GetTrackingCouponStatus) -> TrackingCouponState;
                /// POST /shortlink/modify/: a short link for an affiliate link.
                shorten_link(ShortenLink) -> ShortLink;
                /// GET /validate_links/: checks an affiliate link.
                validate_link(ValidateLink) -> LinkCheck;
                /// POST /broken_links/resolve/: marks broken links resolved.
                resolve_broken_links(ResolveBrokenLinks) -> ResolvedLinks;
                /// GET /deeplink/{website}/advcampaign/{program}/: one affiliate link per landing URL.
                deeplinks(GetDeeplinks) -> DeeplinkList;
                /// GET /referrals/{id}/: one referral.
                referral(GetReferral) -> Referral;
                /// GET /announcements/{id}/: one announcement.
                announcement(GetAnnouncement) -> Announcement;
                /// GET /news/{id}/: one news item.
                news_item(GetNewsItem) -> News;
                /// GET /opt_codes/{id}/: one postback URL.
                opt_code(GetOptCode) -> OptCode;
                /// POST /opt_codes/{offer|action}/create/ or …/update/{id}/: creates (no `id`) or updates a postback URL.
                save_opt_code(SaveOptCode) -> OptCode;
                /// GET /retag/{id}/: one ReTag tag.
                retag(GetRetag) -> Retag;
                /// POST /retag/create/ or /retag/update/{id}/: creates (no `id`) or updates a ReTag tag.
                save_retag(SaveRetag) -> Retag;
                /// GET /broken_links/{id}/: one broken link.
                broken_link(GetBrokenLink) -> BrokenLink;
                /// GET /lost_orders/{id}/ or /appeals/{id}/: one lost order or appeal.
                lost_order(GetLostOrder) -> LostOrder;
                /// GET /lost_orders/payments_info/: payment facts of an order.
                lost_order_payments(GetLostOrderPayments) -> OrderPayments;
                /// POST /aliexpress/commission_rates/: commission rates of AliExpress products (JSON body).
                aliexpress_commission_rates(GetAliexpressCommissionRates) -> CommissionRates;
                /// POST /website/{website}/broker/applications/create/: a broker application (never repeated).
                create_broker_application(CreateBrokerApplication) -> BrokerApplication;
            }
            raw_calls {
                /// POST /web_notificator/v1/web_notificator/{id}/mark_as_read/ or …/mark_all_as_read/: the answer as sent (`null` when empty).
                mark_notifications_read(MarkNotificationsRead) -> JsonReply;
                /// POST /opt_codes/delete/{id}/: deletes a postback URL; the answer as sent.
                delete_opt_code(DeleteOptCode) -> JsonReply;
                /// POST /retag/delete/{id}/: deletes a ReTag tag; the answer as sent.
                delete_retag(DeleteRetag) -> JsonReply;
                /// GET /broker/campaign_settings/{program}/: the fields and patterns as sent.
                broker_campaign_settings(GetBrokerCampaignSettings) -> JsonReply;
            }
            uploads {
                /// POST /lost_orders/create/: a lost order, multipart with the receipt (never repeated).
                create_lost_order(CreateLostOrder) -> LostOrder;
                /// POST /appeals/create/: an appeal, multipart with the receipt (never repeated).
                create_appeal(CreateAppeal) -> LostOrder;
            }
            lists {
                /// GET /statistics/{report}/: one page of a report.
                statistics / statistics_paginator / collect_statistics (ListStatistics => StatisticsRow, StatisticsPage, StatisticsPaginator);
                /// GET /advcampaigns/ or /advcampaigns/website/{website}/: one page of programs.
                programs / programs_paginator / collect_programs (ListPrograms => Program, ProgramPage, ProgramPaginator);
                /// GET /coupons/ or /coupons/website/{website}/: one page of coupons.
                coupons / coupons_paginator / collect_coupons (ListCoupons => Coupon, CouponPage, CouponPaginator);
                /// GET /websites/v2/: one page of ad spaces.
                websites / websites_paginator / collect_websites (ListWebsites => Website, WebsitePage, WebsitePaginator);
                /// GET /websites/kinds/ or /websites/regions/: one page of codes.
                codes / codes_paginator / collect_codes (ListCodes => String, CodePage, CodePaginator);
                /// GET /languages/: one page of languages.
                languages / languages_paginator / collect_languages (ListLanguages => Language, LanguagePage, LanguagePaginator);
                /// GET /currencies/: one page of currencies.
                currencies / currencies_paginator / collect_currencies (ListCurrencies => Currency, CurrencyPage, CurrencyPaginator);
                /// GET /categories/ (or a program's categories): one page of categories.
                categories / categories_paginator / collect_categories (ListCategories => Category, CategoryPage, CategoryPaginator);
                /// GET /adservices/: one page of ad services.
                ad_services / ad_services_paginator / collect_ad_services (ListAdServices => AdService, AdServicePage, AdServicePaginator);
                /// GET /traffic/: one page of traffic types.
                traffic_types / traffic_types_paginator / collect_traffic_types (ListTrafficTypes => TrafficType, TrafficTypePage, TrafficTypePaginator);
                /// GET /coupons/categories/: one page of coupon categories.
                coupon_categories / coupon_categories_paginator / collect_coupon_categories (ListCouponCategories => CouponCategory, CouponCategoryPage, CouponCategoryPaginator);
                /// GET /banners/{program}/ (or for an ad space): one page of banners.
                banners / banners_paginator / collect_banners (ListBanners => Banner, BannerPage, BannerPaginator);
                /// GET /landings/{program}/ (or for an ad space): one page of landing pages.
                landings / landings_paginator / collect_landings (ListLandings => Landing, LandingPage, LandingPaginator);
                /// GET /referrals/: one page of referrals.
                referrals / referrals_paginator / collect_referrals (ListReferrals => Referral, ReferralPage, ReferralPaginator);
                /// GET /announcements/: one page of announcements.
                announcements / announcements_paginator / collect_announcements (ListAnnouncements => Announcement, AnnouncementPage, AnnouncementPaginator);
                /// GET /news/: one page of news.
                news / news_paginator / collect_news (ListNews => News, NewsPage, NewsPaginator);
                /// GET /web_notificator/v1/web_notificator/: one page of notifications.
                notifications / notifications_paginator / collect_notifications (ListNotifications => Notification, NotificationPage, NotificationPaginator);
                /// GET /vendor_tool/v1/vendor_tool/: one page of vendor bonuses.
                vendor_bonuses / vendor_bonuses_paginator / collect_vendor_bonuses (ListVendorBonuses => VendorBonus, VendorBonusPage, VendorBonusPaginator);
                /// GET /opt_codes/: one page of postback URLs.
                opt_codes / opt_codes_paginator / collect_opt_codes (ListOptCodes => OptCode, OptCodePage, OptCodePaginator);
                /// GET /retag/: one page of ReTag tags.
                retags / retags_paginator / collect_retags (ListRetags => Retag, RetagPage, RetagPaginator);
                /// GET /retag/website/{website}/levels/ or /retag/advcampaign/{program}/levels/: one page of ReTag levels.
                retag_levels / retag_levels_paginator / collect_retag_levels (ListRetagLevels => RetagLevel, RetagLevelPage, RetagLevelPaginator);
                /// GET /broken_links/: one page of broken links.
                broken_links / broken_links_paginator / collect_broken_links (ListBrokenLinks => BrokenLink, BrokenLinkPage, BrokenLinkPaginator);
                /// GET /lost_orders/ or /appeals/: one page of lost orders or appeals.
                lost_orders / lost_orders_paginator / collect_lost_orders (ListLostOrders => LostOrder, LostOrderPage, LostOrderPaginator);
                /// GET /website/{website}/broker/applications/: one page of broker applications.
                broker_applications / broker_applications_paginator / collect_broker_applications (ListBrokerApplications => BrokerApplication, BrokerApplicationPage, BrokerApplicationPaginator);
            }
            raw_lists {
                /// GET /promo_offers/{program}/: one page of promo offers, each as sent.
                promo_offers / promo_offers_paginator / collect_promo_offers (ListPromoOffers => Json, PromoOfferPage, PromoOfferPaginator);
            }
        }
    };
}

/// Expands the rows into the client's named methods and the registry entries.
macro_rules! admitad_client {
    (
        unit_calls { $( $(#[doc = $ud:literal])* $un:ident($ur:ident) -> $uo:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cn:ident($cr:ident) -> $co:ty; )* }
        raw_calls { $( $(#[doc = $rd:literal])* $rn:ident($rr:ident) -> $ro:ty; )* }
        uploads { $( $(#[doc = $pd:literal])* $pn:ident($pr:ident) -> $po:ty; )* }
        lists { $( $(#[doc = $ld:literal])* $ln:ident / $lp:ident / $lc:ident ($lr:ident => $li:ty, $lpage:ident, $lpag:ident); )* }
        raw_lists { $( $(#[doc = $wd:literal])* $wn:ident / $wp:ident / $wc:ident ($wr:ident => $wi:ty, $wpage:ident, $wpag:ident); )* }
    ) => {
        impl<T: Transport, C: Timer> AdmitadClient<T, C> {
            $(
                $(#[doc = $ud])*
                pub async fn $un(&self) -> Result<$uo, Error> {
                    self.send(&$ur).await
                }
            )*
            $(
                $(#[doc = $cd])*
                pub async fn $cn(&self, request: &$cr) -> Result<$co, Error> {
                    self.send(request).await
                }
            )*
            $(
                $(#[doc = $rd])*
                pub async fn $rn(&self, request: &$rr) -> Result<$ro, Error> {
                    self.send(request).await
                }
            )*
            $(
                $(#[doc = $pd])*
                pub async fn $pn(&self, request: &$pr) -> Result<$po, Error> {
                    self.send(request).await
                }
            )*
            $(
                $(#[doc = $ld])*
                ///
                /// Every page: [`pages`](Self::pages); every item with a cap: [`collect_all`](Self::collect_all).
                pub async fn $ln(&self, request: &$lr) -> Result<Page<$li>, Error> {
                    self.send(request).await
                }
            )*
            $(
                $(#[doc = $wd])*
                ///
                /// Every page: [`pages`](Self::pages); every item with a cap: [`collect_all`](Self::collect_all).
                pub async fn $wn(&self, request: &$wr) -> Result<Page<$wi>, Error> {
                    self.send(request).await
                }
            )*
        }

        /// Every Admitad publisher operation, in declaration order.
        pub fn operations() -> Vec<Operation> {
            let ctx_base = crate::driver::parse_base_url(super::DEFAULT_BASE_URL);
            let defaults_valid = |build: &dyn Fn(&AdmitadContext<'_>) -> bool| match &ctx_base {
                Ok(base) => build(&AdmitadContext { base_url: base, access_token: "t" }),
                Err(_) => false,
            };
            vec![
                $(Operation::new(Vendor::Admitad, stringify!($un), OperationKind::Unit, stringify!($ur), stringify!($uo), None, concat!($($ud),*), false),)*
                $(Operation::new(Vendor::Admitad, stringify!($cn), OperationKind::Call, stringify!($cr), stringify!($co), None, concat!($($cd),*),
                    defaults_valid(&|c| <$cr>::default().build(c).is_ok())),)*
                $(Operation::new(Vendor::Admitad, stringify!($rn), OperationKind::RawCall, stringify!($rr), stringify!($ro), None, concat!($($rd),*),
                    defaults_valid(&|c| <$rr>::default().build(c).is_ok())),)*
                $(Operation::new(Vendor::Admitad, stringify!($pn), OperationKind::Upload, stringify!($pr), stringify!($po), None, concat!($($pd),*), false),)*
                $(Operation::new(Vendor::Admitad, stringify!($ln), OperationKind::List, stringify!($lr), stringify!($lpage), Some(stringify!($li)), concat!($($ld),*),
                    defaults_valid(&|c| <$lr>::default().build(c).is_ok())),)*
                $(Operation::new(Vendor::Admitad, stringify!($wn), OperationKind::RawList, stringify!($wr), stringify!($wpage), Some(stringify!($wi)), concat!($($wd),*),
                    defaults_valid(&|c| <$wr>::default().build(c).is_ok())),)*
            ]
        }
    };
}

use super::*;
use crate::Endpoint;
use crate::error::{Error, Vendor};
use crate::registry::{Operation, OperationKind};
use crate::transport::{Timer, Transport};
use crate::{Json, JsonReply};

crate::admitad_operations!(admitad_client);
