//! The rest of Admitad's publisher API for Kotlin, Swift and Python: one method per endpoint taking the
//! core request record (and an optional trailing `extra_query`), and for every list a page call, a paginator object and a collect helper with a
//! mandatory cap. Declared by macros so each surface stays one line per endpoint.

use std::fmt;
use std::sync::Arc;

use adkit::admitad::*;
use adkit::{Json, WithQuery};

use crate::admitad::{AdmitadClient, Core};
use crate::errors::AdkitError;
use crate::{QueryParam, with_query};

macro_rules! calls {
    ($($(#[$m:meta])* $name:ident($req:ty) -> $out:ty;)+) => {$(
        #[uniffi::export]
        impl AdmitadClient {
            $(#[$m])*
            #[uniffi::method(default(extra_query = None))]
            pub async fn $name(
                &self,
                request: $req,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<$out, AdkitError> {
                Ok(self.core().send(&with_query(request, extra_query)).await?)
            }
        }
    )+};
}

macro_rules! lists {
    ($($(#[$m:meta])* $name:ident / $paginator:ident / $collect:ident ($req:ty => $item:ty, $page:ident, $pag:ident);)+) => {$(
        #[uniffi::export]
        impl AdmitadClient {
            $(#[$m])*
            #[uniffi::method(default(request = None, extra_query = None))]
            pub async fn $name(
                &self,
                request: Option<$req>,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<$page, AdkitError> {
                let request = with_query(request.unwrap_or_default(), extra_query);
                Ok(self.core().send(&request).await?.into())
            }

            /// A paginator over the same list: call `next_page()` until it returns null. `extra_query`
            /// goes with every page.
            #[uniffi::method(default(request = None, extra_query = None))]
            pub fn $paginator(
                &self,
                request: Option<$req>,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Arc<$pag> {
                Arc::new($pag {
                    client: self.core().clone(),
                    cursor: PageCursor::new(with_query(request.unwrap_or_default(), extra_query)),
                })
            }

            /// Every item of the list, refusing more than `cap` (`extra_query` on every page).
            #[uniffi::method(default(extra_query = None))]
            pub async fn $collect(
                &self,
                request: $req,
                cap: u64,
                extra_query: Option<Vec<QueryParam>>,
            ) -> Result<Vec<$item>, AdkitError> {
                let request = with_query(request, extra_query);
                Ok(self.core().collect_all(request, crate::admitad::cap_of(cap)?).await?)
            }
        }

        /// Pages of a list, one `next_page()` at a time (follows `_meta`; null after the last page).
        #[derive(uniffi::Object)]
        pub struct $pag {
            client: Arc<Core>,
            cursor: PageCursor<WithQuery<$req>>,
        }

        impl fmt::Debug for $pag {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($pag)).finish_non_exhaustive()
            }
        }

        #[uniffi::export]
        impl $pag {
            /// The next page, or null when there is none.
            pub async fn next_page(&self) -> Result<Option<$page>, AdkitError> {
                Ok(self.cursor.next_page(&self.client).await?.map(Into::into))
            }
        }
    )+};
}

calls! {
    /// GET /me/balance/ (or /me/balance/extended/).
    balance(GetBalance) -> Vec<Balance>;
    /// GET /me/payment/settings/ (or for one currency).
    payment_settings(GetPaymentSettings) -> Vec<PaymentSetting>;
    /// GET /languages/{code}/.
    language(GetLanguage) -> Language;
    /// GET /currencies/rate/.
    currency_rate(GetCurrencyRate) -> CurrencyRate;
    /// GET /categories/{id}/.
    category(GetCategory) -> Category;
    /// GET /adservices/{id}/.
    ad_service(GetAdService) -> AdService;
    /// GET /coupons/categories/{id}/.
    coupon_category(GetCouponCategory) -> CouponCategory;
    /// GET /websites/v2/{id}/.
    website(GetWebsite) -> Website;
    /// GET /websites/v2/{name}/?search_by=name: one ad space by its name (percent-encoded as UTF-8).
    website_by_name(GetWebsiteByName) -> Website;
    /// GET /advcampaigns/{program}/website/{website}/.
    program_for_website(GetProgramForWebsite) -> Program;
    /// POST /subnetworks/v1/websites/create/ (JSON; all or nothing; never repeated).
    create_subnetwork_websites(CreateSubnetworkWebsites) -> Vec<Website>;
    /// POST /advcampaigns/{program}/attach|detach/{website}/.
    change_membership(ChangeMembership) -> ActionResult;
    /// GET /subnetworks/v1/advcampaign/{program}/statuses/.
    program_statuses(ProgramStatuses) -> Vec<ProgramConnection>;
    /// GET /coupons/{id}/ (or for an ad space).
    coupon(GetCoupon) -> Coupon;
    /// GET /promo_offers/revocation_status/{offer}/.
    promo_code_revocations(PromoCodeRevocations) -> Vec<PromoCodeStatus>;
    /// POST /tracking_promo_code/request-tracking-coupon/ (never repeated).
    request_tracking_coupon(RequestTrackingCoupon) -> TrackingCouponRequest;
    /// GET /tracking_promo_code/request-status/.
    tracking_coupon_status(TrackingCouponStatus) -> TrackingCouponState;
    /// POST /shortlink/modify/.
    shorten_link(ShortenLink) -> ShortLink;
    /// GET /referrals/{id}/.
    referral(GetReferral) -> Referral;
    /// GET /announcements/{id}/.
    announcement(GetAnnouncement) -> Announcement;
    /// GET /news/{id}/.
    news_item(GetNews) -> News;
    /// POST …/mark_as_read/ (one) or …/mark_all_as_read/; the answer as sent (JSON text, `null` if empty).
    mark_notifications_read(MarkNotificationsRead) -> Json;
    /// GET /opt_codes/{id}/.
    opt_code(GetOptCode) -> OptCode;
    /// Creates or updates a postback URL.
    save_opt_code(SaveOptCode) -> OptCode;
    /// POST /opt_codes/delete/{id}/.
    delete_opt_code(DeleteOptCode) -> Json;
    /// GET /retag/{id}/.
    retag(GetRetag) -> Retag;
    /// Creates or updates a ReTag tag.
    save_retag(SaveRetag) -> Retag;
    /// POST /retag/delete/{id}/.
    delete_retag(DeleteRetag) -> Json;
    /// GET /broken_links/{id}/.
    broken_link(GetBrokenLink) -> BrokenLink;
    /// GET /lost_orders/{id}/ or /appeals/{id}/.
    lost_order(GetLostOrder) -> LostOrder;
    /// POST /lost_orders/create/ (multipart with the receipt; never repeated).
    create_lost_order(CreateLostOrder) -> LostOrder;
    /// POST /appeals/create/ (multipart with the receipt; never repeated).
    create_appeal(CreateAppeal) -> LostOrder;
    /// GET /lost_orders/payments_info/.
    lost_order_payments(LostOrderPayments) -> OrderPayments;
    /// POST /aliexpress/commission_rates/ (JSON body).
    aliexpress_commission_rates(AliexpressCommissionRates) -> CommissionRates;
    /// POST /website/{website}/broker/applications/create/ (never repeated).
    create_broker_application(CreateBrokerApplication) -> BrokerApplication;
    /// GET /broker/campaign_settings/{program}/ (JSON text).
    broker_campaign_settings(BrokerCampaignSettings) -> Json;
}

lists! {
    /// GET /websites/v2/ (one page of ad spaces).
    websites / websites_paginator / collect_websites (ListWebsites => Website, WebsitePage, WebsitePaginator);
    /// GET /websites/kinds/ or /websites/regions/ (one page of codes).
    codes / codes_paginator / collect_codes (ListCodes => String, CodePage, CodePaginator);
    /// GET /languages/ (one page).
    languages / languages_paginator / collect_languages (ListLanguages => Language, LanguagePage, LanguagePaginator);
    /// GET /currencies/ (one page).
    currencies / currencies_paginator / collect_currencies (ListCurrencies => Currency, CurrencyPage, CurrencyPaginator);
    /// GET /categories/ or a program's categories (one page).
    categories / categories_paginator / collect_categories (ListCategories => Category, CategoryPage, CategoryPaginator);
    /// GET /adservices/ (one page).
    ad_services / ad_services_paginator / collect_ad_services (ListAdServices => AdService, AdServicePage, AdServicePaginator);
    /// GET /traffic/ (one page).
    traffic_types / traffic_types_paginator / collect_traffic_types (ListTrafficTypes => TrafficType, TrafficTypePage, TrafficTypePaginator);
    /// GET /coupons/categories/ (one page).
    coupon_categories / coupon_categories_paginator / collect_coupon_categories (ListCouponCategories => CouponCategory, CouponCategoryPage, CouponCategoryPaginator);
    /// GET /banners/{program}/ (or for an ad space; one page).
    banners / banners_paginator / collect_banners (ListBanners => Banner, BannerPage, BannerPaginator);
    /// GET /landings/{program}/ (or for an ad space; one page).
    landings / landings_paginator / collect_landings (ListLandings => Landing, LandingPage, LandingPaginator);
    /// GET /promo_offers/{program}/ (one page; items as JSON text).
    promo_offers / promo_offers_paginator / collect_promo_offers (ListPromoOffers => Json, PromoOfferPage, PromoOfferPaginator);
    /// GET /referrals/ (one page).
    referrals / referrals_paginator / collect_referrals (ListReferrals => Referral, ReferralPage, ReferralPaginator);
    /// GET /announcements/ (one page).
    announcements / announcements_paginator / collect_announcements (ListAnnouncements => Announcement, AnnouncementPage, AnnouncementPaginator);
    /// GET /news/ (one page).
    news / news_paginator / collect_news (ListNews => News, NewsPage, NewsPaginator);
    /// GET /web_notificator/v1/web_notificator/ (one page).
    notifications / notifications_paginator / collect_notifications (ListNotifications => Notification, NotificationPage, NotificationPaginator);
    /// GET /vendor_tool/v1/vendor_tool/ (one page).
    vendor_bonuses / vendor_bonuses_paginator / collect_vendor_bonuses (ListVendorBonuses => VendorBonus, VendorBonusPage, VendorBonusPaginator);
    /// GET /opt_codes/ (one page).
    opt_codes / opt_codes_paginator / collect_opt_codes (ListOptCodes => OptCode, OptCodePage, OptCodePaginator);
    /// GET /retag/ (one page).
    retags / retags_paginator / collect_retags (ListRetags => Retag, RetagPage, RetagPaginator);
    /// GET /retag/website/{w}/levels/ or /retag/advcampaign/{c}/levels/ (one page).
    retag_levels / retag_levels_paginator / collect_retag_levels (ListRetagLevels => RetagLevel, RetagLevelPage, RetagLevelPaginator);
    /// GET /broken_links/ (one page).
    broken_links / broken_links_paginator / collect_broken_links (ListBrokenLinks => BrokenLink, BrokenLinkPage, BrokenLinkPaginator);
    /// GET /lost_orders/ or /appeals/ (one page).
    lost_orders / lost_orders_paginator / collect_lost_orders (ListLostOrders => LostOrder, LostOrderPage, LostOrderPaginator);
    /// GET /website/{website}/broker/applications/ (one page).
    broker_applications / broker_applications_paginator / collect_broker_applications (ListBrokerApplications => BrokerApplication, BrokerApplicationPage, BrokerApplicationPaginator);
}
