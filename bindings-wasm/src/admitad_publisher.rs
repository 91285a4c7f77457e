//! The rest of Admitad's publisher API for JS: one method per endpoint taking a plain object (the core
//! request, camelCase), and for every list a page call, `xxxPages(request)` (an `AdmitadPaginator`,
//! async-iterable) and `collectXxx(request, cap)`. Declared by macros: one line per endpoint.

use std::rc::Rc;

use adkit::admitad::*;
use adkit::driver::{Exchange, RequestPolicy};
use adkit::{Error, HttpRequest};
use js_sys::{Array, Promise, Reflect, Uint8Array};
use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;

use crate::admitad::{AdmitadClient, Core, out, start};
use crate::convert::{extra_query_of, from_js, js_error, to_js, whole};

/// A request object, or the request's defaults when `undefined`/`null`.
pub(crate) fn request_of<T: DeserializeOwned + Default>(value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        Ok(T::default())
    } else {
        from_js(value, "request")
    }
}

/// A JSON value exactly as the vendor sent it (no key conversion).
fn raw_out(result: Result<impl Serialize, Error>) -> Result<JsValue, JsValue> {
    let value = result.map_err(|e| js_error(&e))?;
    let text = serde_json::to_string(&value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// What a parsed response gives the shared call path: the JS value, and for a page where the list goes on.
pub(crate) struct Parsed {
    pub(crate) value: JsValue,
    /// `(items on this page, _meta.count, _meta.offset, next offset)` for pages.
    pub(crate) page: Option<(usize, u64, u64, Option<u64>)>,
}

/// Builds an endpoint's request for a context (base URL and access token).
type BuildFn = dyn Fn(&AdmitadContext<'_>) -> Result<HttpRequest, Error> + Sync;

/// Turns the final exchange into the JS value.
type ParseFn = dyn Fn(&Exchange) -> Result<Parsed, JsValue>;

/// One call with its endpoint-specific parts as boxed closures, so the async path (token, limiter,
/// driver, the refresh-and-repeat) is one copy in the module instead of one per endpoint.
pub(crate) struct Job {
    build: Box<BuildFn>,
    policy: RequestPolicy,
    parse: Box<ParseFn>,
    /// The call's `extraQuery`, appended to the built request.
    extra: Rc<[(String, String)]>,
}

pub(crate) fn job<E, F>(endpoint: E, convert: F) -> Job
where
    E: AdmitadEndpoint + Send + Sync + 'static,
    F: Fn(Result<E::Output, Error>) -> Result<Parsed, JsValue> + 'static,
{
    let endpoint = std::sync::Arc::new(endpoint);
    let policy = endpoint.policy();
    let builder = endpoint.clone();
    Job {
        build: Box::new(move |ctx| builder.build(ctx)),
        policy,
        parse: Box::new(move |exchange| convert(endpoint.parse(exchange))),
        extra: Rc::new([]),
    }
}

/// The one async path every generated call takes.
async fn run(client: Rc<Core>, job: Job) -> Result<Parsed, JsValue> {
    let extra: &[(String, String)] = &job.extra;
    let build = |ctx: &AdmitadContext<'_>| adkit::append_query((job.build)(ctx)?, extra);
    let exchange = adkit::Session::exchange(&*client, &build, job.policy)
        .await
        .map_err(|e| js_error(&e))?;
    (job.parse)(&exchange)
}

pub(crate) fn value(v: Result<JsValue, JsValue>) -> Result<Parsed, JsValue> {
    Ok(Parsed {
        value: v?,
        page: None,
    })
}

fn page_value<T: Serialize>(page: Result<Page<T>, Error>, raw: bool) -> Result<Parsed, JsValue> {
    let page = page.map_err(|e| js_error(&e))?;
    let shape = page_shape(&page);
    let value = if raw {
        raw_out(Ok(page))?
    } else {
        to_js(&page)?
    };
    Ok(Parsed {
        value,
        page: Some(shape),
    })
}

/// What the paginator and the collect helper need from a page: its length, `_meta` and the next offset.
pub(crate) fn page_shape<T>(page: &Page<T>) -> (usize, u64, u64, Option<u64>) {
    (
        page.items.len(),
        page.count,
        page.offset,
        page.next_offset(),
    )
}

/// A call: the job runs when the promise is awaited; bad input rejects it without a request.
pub(crate) fn call(client: &Rc<Core>, job: Result<Job, JsValue>, options: &JsValue) -> Promise {
    let client = client.clone();
    let extra = extra_query_of(options);
    start(options, async move {
        let mut job = job?;
        job.extra = extra?.into();
        run(client, job).await.map(|p| p.value)
    })
}

/// Pages of a list one `nextPage()` at a time; the npm entry makes it async-iterable.
#[wasm_bindgen]
pub struct AdmitadPaginator {
    client: Rc<Core>,
    /// The job for the page at an offset.
    at: Rc<dyn Fn(u64) -> Job>,
    /// Where the next page starts (core's rule).
    next: Rc<OffsetCursor>,
}

#[wasm_bindgen]
impl AdmitadPaginator {
    /// The next page (`{ items, count, limit, offset }`), or `undefined` when there is none.
    #[wasm_bindgen(js_name = nextPage, unchecked_return_type = "Promise<AdmitadPage<any> | undefined>")]
    pub fn next_page(&self) -> Promise {
        self.next_promise()
    }
}

impl AdmitadPaginator {
    /// The next page's promise (shared by the report, program and coupon paginators).
    pub(crate) fn next_promise(&self) -> Promise {
        let (client, at, next) = (self.client.clone(), self.at.clone(), self.next.clone());
        future_to_promise(async move {
            // Taken first: after an error the paginator is done, as core's cursor is.
            let Some(offset) = next.take() else {
                return Ok(JsValue::UNDEFINED);
            };
            let parsed = run(client, at(offset)).await?;
            if let Some((len, count, page_offset, _)) = parsed.page {
                next.advance_from(len, count, page_offset)
                    .map_err(|e| js_error(&e))?;
            }
            Ok(parsed.value)
        })
    }
}

/// How a page becomes its JS value (and its shape for the paginator).
pub(crate) type PageConvert<T> = fn(Result<Page<T>, Error>) -> Result<Parsed, JsValue>;

pub(crate) fn paginator<R>(
    client: &Rc<Core>,
    request: R,
    convert: PageConvert<R::Item>,
    extra: Vec<(String, String)>,
) -> AdmitadPaginator
where
    R: Paginated + Send + Sync + 'static,
    R::Item: 'static,
{
    let first = request.offset();
    let extra: Rc<[(String, String)]> = extra.into();
    AdmitadPaginator {
        client: client.clone(),
        at: Rc::new(move |offset| Job {
            extra: extra.clone(),
            ..job(request.at_offset(offset), convert)
        }),
        next: Rc::new(OffsetCursor::new(first)),
    }
}

/// A page as `{ items, count, limit, offset }` (camelCase records).
pub(crate) fn typed_page<T: Serialize>(page: Result<Page<T>, Error>) -> Result<Parsed, JsValue> {
    page_value(page, false)
}

/// A page whose items are kept as sent.
fn raw_page<T: Serialize>(page: Result<Page<T>, Error>) -> Result<Parsed, JsValue> {
    page_value(page, true)
}

/// Every item of a list through the shared path, under core's cap rule.
pub(crate) fn collect<R>(
    client: &Rc<Core>,
    request: Result<R, JsValue>,
    cap: JsValue,
    convert: PageConvert<R::Item>,
    options: &JsValue,
) -> Promise
where
    R: Paginated + Send + Sync + 'static,
    R::Item: 'static,
{
    // The cap is a whole number 0..=2^32 − 1: never wrapped (2^32 + 1 is not 1), clamped or defaulted.
    let cap = whole(&cap, "cap", 0, u32::MAX.into());
    let extra = extra_query_of(options);
    let pages = request.and_then(|r| Ok(paginator(client, r, convert, extra?)));
    start(options, async move {
        let cap = cap? as usize;
        let pages = pages?;
        let all = Array::new();
        while let Some(offset) = pages.next.take() {
            let parsed = run(pages.client.clone(), (pages.at)(offset)).await?;
            let (len, count, page_offset, _) = parsed.page.unwrap_or((0, 0, 0, None));
            check_cap(all.length() as usize, len, count, page_offset, cap)
                .map_err(|e| js_error(&e))?;
            let items = Reflect::get(&parsed.value, &"items".into()).unwrap_or(JsValue::UNDEFINED);
            if let Ok(items) = items.dyn_into::<Array>() {
                for item in items.iter() {
                    all.push(&item);
                }
            }
            pages
                .next
                .advance_from(len, count, page_offset)
                .map_err(|e| js_error(&e))?;
        }
        Ok(all.into())
    })
}

macro_rules! calls {
    ($($(#[$m:meta])* $name:ident = $js:literal ($req:ty, $ts:literal) -> $ret:literal $(, $raw:ident)?;)+) => {$(
        #[wasm_bindgen]
        impl AdmitadClient {
            $(#[$m])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
            pub fn $name(
                &self,
                #[wasm_bindgen(unchecked_param_type = $ts)] request: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
            ) -> Promise {
                let request: Result<$req, JsValue> = request_of(request);
                let job = request.map(|r| job(r, |result| value(calls!(@out result $(, $raw)?))));
                call(self.core(), job, &options)
            }
        }
    )+};
    (@out $result:ident) => { out($result) };
    (@out $result:ident, raw) => { raw_out($result) };
    (@convert) => { typed_page };
    (@convert raw) => { raw_page };
}

macro_rules! lists {
    ($($(#[$m:meta])* $name:ident / $pages:ident / $collect:ident = $js:literal / $js_pages:literal / $js_collect:literal ($req:ty, $ts:literal, $page_ts:literal, $pages_ts:literal, $all_ts:literal) $(, $raw:ident)?;)+) => {$(
        #[wasm_bindgen]
        impl AdmitadClient {
            $(#[$m])*
            #[wasm_bindgen(js_name = $js, unchecked_return_type = $page_ts)]
            pub fn $name(
                &self,
                #[wasm_bindgen(unchecked_optional_param_type = $ts)] request: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
            ) -> Promise {
                let request: Result<$req, JsValue> = request_of(request);
                let job = request.map(|r| job(r, calls!(@convert $($raw)?)));
                call(self.core(), job, &options)
            }
        }

        #[wasm_bindgen]
        impl AdmitadClient {
            /// Pages of the same list: `for await (const page of client.xxxPages(request, { extraQuery })) { … }`
            /// (`extraQuery` goes with every page).
            #[wasm_bindgen(js_name = $js_pages, unchecked_return_type = $pages_ts)]
            pub fn $pages(
                &self,
                #[wasm_bindgen(unchecked_optional_param_type = $ts)] request: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "Pick<CallOptions, 'extraQuery'>")] options: JsValue,
            ) -> Result<AdmitadPaginator, JsValue> {
                let request: $req = request_of(request)?;
                Ok(paginator(self.core(), request, calls!(@convert $($raw)?), extra_query_of(&options)?))
            }
        }

        #[wasm_bindgen]
        impl AdmitadClient {
            /// Every item of the list; rejects (kind `invalid_input`, field `cap`) when there are more than `cap`.
            #[wasm_bindgen(js_name = $js_collect, unchecked_return_type = $all_ts)]
            pub fn $collect(
                &self,
                #[wasm_bindgen(unchecked_param_type = $ts)] request: JsValue,
                #[wasm_bindgen(unchecked_param_type = "number")] cap: JsValue,
                #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
            ) -> Promise {
                let request: Result<$req, JsValue> = request_of(request);
                collect(self.core(), request, cap, calls!(@convert $($raw)?), &options)
            }
        }
    )+};
}

calls! {
    /// GET /me/balance/ (or, `{ extended: true }`, /me/balance/extended/).
    balance = "balance" (GetBalance, "GetBalance | undefined") -> "Promise<Balance[]>";
    /// GET /me/payment/settings/ (or for one currency).
    payment_settings = "paymentSettings" (GetPaymentSettings, "GetPaymentSettings | undefined") -> "Promise<PaymentSetting[]>";
    /// GET /languages/{code}/.
    language = "language" (GetLanguage, "GetLanguage") -> "Promise<Language>";
    /// GET /currencies/rate/.
    currency_rate = "currencyRate" (GetCurrencyRate, "GetCurrencyRate") -> "Promise<CurrencyRate>";
    /// GET /categories/{id}/.
    category = "category" (GetCategory, "GetCategory") -> "Promise<Category>";
    /// GET /adservices/{id}/.
    ad_service = "adService" (GetAdService, "GetAdService") -> "Promise<AdService>";
    /// GET /coupons/categories/{id}/.
    coupon_category = "couponCategory" (GetCouponCategory, "GetCouponCategory") -> "Promise<CouponCategory>";
    /// GET /websites/v2/{id}/.
    website = "website" (GetWebsite, "GetWebsite") -> "Promise<Website>";
    /// GET /websites/v2/{name}/?search_by=name: one ad space by its name (percent-encoded as UTF-8).
    website_by_name = "websiteByName" (GetWebsiteByName, "GetWebsiteByName") -> "Promise<Website>";
    /// GET /advcampaigns/{program}/website/{website}/.
    program_for_website = "programForWebsite" (GetProgramForWebsite, "GetProgramForWebsite") -> "Promise<Program>";
    /// POST /subnetworks/v1/websites/create/ (JSON; all or nothing; never repeated).
    create_subnetwork_websites = "createSubnetworkWebsites" (CreateSubnetworkWebsites, "CreateSubnetworkWebsites") -> "Promise<Website[]>";
    /// POST /advcampaigns/{program}/attach|detach/{website}/.
    change_membership = "changeMembership" (ChangeMembership, "ChangeMembership") -> "Promise<ActionResult>";
    /// GET /subnetworks/v1/advcampaign/{program}/statuses/.
    program_statuses = "programStatuses" (ProgramStatuses, "ProgramStatuses") -> "Promise<ProgramConnection[]>";
    /// GET /coupons/{id}/ (or for an ad space).
    coupon = "coupon" (GetCoupon, "GetCoupon") -> "Promise<Coupon>";
    /// GET /promo_offers/revocation_status/{offer}/.
    promo_code_revocations = "promoCodeRevocations" (PromoCodeRevocations, "PromoCodeRevocations") -> "Promise<PromoCodeStatus[]>";
    /// POST /tracking_promo_code/request-tracking-coupon/ (never repeated).
    request_tracking_coupon = "requestTrackingCoupon" (RequestTrackingCoupon, "RequestTrackingCoupon") -> "Promise<TrackingCouponRequest>";
    /// GET /tracking_promo_code/request-status/.
    tracking_coupon_status = "trackingCouponStatus" (TrackingCouponStatus, "TrackingCouponStatus") -> "Promise<TrackingCouponState>";
    /// POST /shortlink/modify/.
    shorten_link = "shortenLink" (ShortenLink, "ShortenLink") -> "Promise<ShortLink>";
    /// GET /referrals/{id}/.
    referral = "referral" (GetReferral, "GetReferral") -> "Promise<Referral>";
    /// GET /announcements/{id}/.
    announcement = "announcement" (GetAnnouncement, "GetAnnouncement") -> "Promise<Announcement>";
    /// GET /news/{id}/.
    news_item = "newsItem" (GetNews, "GetNews") -> "Promise<News>";
    /// POST …/{id}/mark_as_read/ or …/mark_all_as_read/: the answer as sent (`null` when empty).
    mark_notifications_read = "markNotificationsRead" (MarkNotificationsRead, "MarkNotificationsRead | undefined") -> "Promise<JsonValue>", raw;
    /// GET /opt_codes/{id}/.
    opt_code = "optCode" (GetOptCode, "GetOptCode") -> "Promise<OptCode>";
    /// Creates (no `id`) or updates a postback URL.
    save_opt_code = "saveOptCode" (SaveOptCode, "SaveOptCode") -> "Promise<OptCode>";
    /// POST /opt_codes/delete/{id}/.
    delete_opt_code = "deleteOptCode" (DeleteOptCode, "DeleteOptCode") -> "Promise<JsonValue>", raw;
    /// GET /retag/{id}/.
    retag = "retag" (GetRetag, "GetRetag") -> "Promise<Retag>";
    /// Creates (no `id`) or updates a ReTag tag.
    save_retag = "saveRetag" (SaveRetag, "SaveRetag") -> "Promise<Retag>";
    /// POST /retag/delete/{id}/.
    delete_retag = "deleteRetag" (DeleteRetag, "DeleteRetag") -> "Promise<JsonValue>", raw;
    /// GET /broken_links/{id}/.
    broken_link = "brokenLink" (GetBrokenLink, "GetBrokenLink") -> "Promise<BrokenLink>";
    /// GET /lost_orders/{id}/ or /appeals/{id}/.
    lost_order = "lostOrder" (GetLostOrder, "GetLostOrder") -> "Promise<LostOrder>";
    /// GET /lost_orders/payments_info/.
    lost_order_payments = "lostOrderPayments" (LostOrderPayments, "LostOrderPayments") -> "Promise<OrderPayments>";
    /// POST /aliexpress/commission_rates/ (JSON body).
    aliexpress_commission_rates = "aliexpressCommissionRates" (AliexpressCommissionRates, "AliexpressCommissionRates") -> "Promise<CommissionRates>";
    /// POST /website/{website}/broker/applications/create/ (never repeated).
    create_broker_application = "createBrokerApplication" (CreateBrokerApplication, "CreateBrokerApplication") -> "Promise<BrokerApplication>";
    /// GET /broker/campaign_settings/{program}/: the fields and patterns as sent.
    broker_campaign_settings = "brokerCampaignSettings" (BrokerCampaignSettings, "BrokerCampaignSettings") -> "Promise<JsonValue>", raw;
}

lists! {
    /// GET /websites/v2/ (one page of ad spaces).
    websites / websites_pages / collect_websites = "websites" / "websitesPages" / "collectWebsites" (ListWebsites, "ListWebsites", "Promise<AdmitadPage<Website>>", "AdmitadPages<Website>", "Promise<Website[]>");
    /// GET /websites/kinds/ or /websites/regions/ (one page of codes).
    codes / codes_pages / collect_codes = "codes" / "codesPages" / "collectCodes" (ListCodes, "ListCodes", "Promise<AdmitadPage<string>>", "AdmitadPages<string>", "Promise<string[]>");
    /// GET /languages/ (one page).
    languages / languages_pages / collect_languages = "languages" / "languagesPages" / "collectLanguages" (ListLanguages, "ListLanguages", "Promise<AdmitadPage<Language>>", "AdmitadPages<Language>", "Promise<Language[]>");
    /// GET /currencies/ (one page).
    currencies / currencies_pages / collect_currencies = "currencies" / "currenciesPages" / "collectCurrencies" (ListCurrencies, "ListCurrencies", "Promise<AdmitadPage<Currency>>", "AdmitadPages<Currency>", "Promise<Currency[]>");
    /// GET /categories/ or a program's categories (one page).
    categories / categories_pages / collect_categories = "categories" / "categoriesPages" / "collectCategories" (ListCategories, "ListCategories", "Promise<AdmitadPage<Category>>", "AdmitadPages<Category>", "Promise<Category[]>");
    /// GET /adservices/ (one page).
    ad_services / ad_services_pages / collect_ad_services = "adServices" / "adServicesPages" / "collectAdServices" (ListAdServices, "ListAdServices", "Promise<AdmitadPage<AdService>>", "AdmitadPages<AdService>", "Promise<AdService[]>");
    /// GET /traffic/ (one page).
    traffic_types / traffic_types_pages / collect_traffic_types = "trafficTypes" / "trafficTypesPages" / "collectTrafficTypes" (ListTrafficTypes, "ListTrafficTypes", "Promise<AdmitadPage<TrafficType>>", "AdmitadPages<TrafficType>", "Promise<TrafficType[]>");
    /// GET /coupons/categories/ (one page).
    coupon_categories / coupon_categories_pages / collect_coupon_categories = "couponCategories" / "couponCategoriesPages" / "collectCouponCategories" (ListCouponCategories, "ListCouponCategories", "Promise<AdmitadPage<CouponCategory>>", "AdmitadPages<CouponCategory>", "Promise<CouponCategory[]>");
    /// GET /banners/{program}/ (or for an ad space; one page).
    banners / banners_pages / collect_banners = "banners" / "bannersPages" / "collectBanners" (ListBanners, "ListBanners", "Promise<AdmitadPage<Banner>>", "AdmitadPages<Banner>", "Promise<Banner[]>");
    /// GET /landings/{program}/ (or for an ad space; one page).
    landings / landings_pages / collect_landings = "landings" / "landingsPages" / "collectLandings" (ListLandings, "ListLandings", "Promise<AdmitadPage<Landing>>", "AdmitadPages<Landing>", "Promise<Landing[]>");
    /// GET /promo_offers/{program}/ (one page; items as sent).
    promo_offers / promo_offers_pages / collect_promo_offers = "promoOffers" / "promoOffersPages" / "collectPromoOffers" (ListPromoOffers, "ListPromoOffers", "Promise<AdmitadPage<JsonValue>>", "AdmitadPages<JsonValue>", "Promise<JsonValue[]>"), raw;
    /// GET /referrals/ (one page).
    referrals / referrals_pages / collect_referrals = "referrals" / "referralsPages" / "collectReferrals" (ListReferrals, "ListReferrals", "Promise<AdmitadPage<Referral>>", "AdmitadPages<Referral>", "Promise<Referral[]>");
    /// GET /announcements/ (one page).
    announcements / announcements_pages / collect_announcements = "announcements" / "announcementsPages" / "collectAnnouncements" (ListAnnouncements, "ListAnnouncements", "Promise<AdmitadPage<Announcement>>", "AdmitadPages<Announcement>", "Promise<Announcement[]>");
    /// GET /news/ (one page).
    news / news_pages / collect_news = "news" / "newsPages" / "collectNews" (ListNews, "ListNews", "Promise<AdmitadPage<News>>", "AdmitadPages<News>", "Promise<News[]>");
    /// GET /web_notificator/v1/web_notificator/ (one page).
    notifications / notifications_pages / collect_notifications = "notifications" / "notificationsPages" / "collectNotifications" (ListNotifications, "ListNotifications", "Promise<AdmitadPage<Notification>>", "AdmitadPages<Notification>", "Promise<Notification[]>");
    /// GET /vendor_tool/v1/vendor_tool/ (one page).
    vendor_bonuses / vendor_bonuses_pages / collect_vendor_bonuses = "vendorBonuses" / "vendorBonusesPages" / "collectVendorBonuses" (ListVendorBonuses, "ListVendorBonuses", "Promise<AdmitadPage<VendorBonus>>", "AdmitadPages<VendorBonus>", "Promise<VendorBonus[]>");
    /// GET /opt_codes/ (one page).
    opt_codes / opt_codes_pages / collect_opt_codes = "optCodes" / "optCodesPages" / "collectOptCodes" (ListOptCodes, "ListOptCodes", "Promise<AdmitadPage<OptCode>>", "AdmitadPages<OptCode>", "Promise<OptCode[]>");
    /// GET /retag/ (one page).
    retags / retags_pages / collect_retags = "retags" / "retagsPages" / "collectRetags" (ListRetags, "ListRetags", "Promise<AdmitadPage<Retag>>", "AdmitadPages<Retag>", "Promise<Retag[]>");
    /// GET /retag/website/{w}/levels/ or /retag/advcampaign/{c}/levels/ (one page).
    retag_levels / retag_levels_pages / collect_retag_levels = "retagLevels" / "retagLevelsPages" / "collectRetagLevels" (ListRetagLevels, "ListRetagLevels", "Promise<AdmitadPage<RetagLevel>>", "AdmitadPages<RetagLevel>", "Promise<RetagLevel[]>");
    /// GET /broken_links/ (one page).
    broken_links / broken_links_pages / collect_broken_links = "brokenLinks" / "brokenLinksPages" / "collectBrokenLinks" (ListBrokenLinks, "ListBrokenLinks", "Promise<AdmitadPage<BrokenLink>>", "AdmitadPages<BrokenLink>", "Promise<BrokenLink[]>");
    /// GET /lost_orders/ or /appeals/ (one page).
    lost_orders / lost_orders_pages / collect_lost_orders = "lostOrders" / "lostOrdersPages" / "collectLostOrders" (ListLostOrders, "ListLostOrders", "Promise<AdmitadPage<LostOrder>>", "AdmitadPages<LostOrder>", "Promise<LostOrder[]>");
    /// GET /website/{website}/broker/applications/ (one page).
    broker_applications / broker_applications_pages / collect_broker_applications = "brokerApplications" / "brokerApplicationsPages" / "collectBrokerApplications" (ListBrokerApplications, "ListBrokerApplications", "Promise<AdmitadPage<BrokerApplication>>", "AdmitadPages<BrokerApplication>", "Promise<BrokerApplication[]>");
}

/// Takes `receipt.bytes` (a `Uint8Array`, `ArrayBuffer` or array of numbers) out of the request before the
/// JSON crossing, which would turn a typed array into an object.
fn take_receipt(request: &JsValue) -> Result<Option<Vec<u8>>, JsValue> {
    let receipt = Reflect::get(request, &"receipt".into()).unwrap_or(JsValue::UNDEFINED);
    if !receipt.is_object() {
        return Ok(None);
    }
    let bytes = Reflect::get(&receipt, &"bytes".into()).unwrap_or(JsValue::UNDEFINED);
    if bytes.is_undefined() || bytes.is_null() {
        return Ok(None);
    }
    if !(bytes.is_instance_of::<Uint8Array>()
        || bytes.is_instance_of::<js_sys::ArrayBuffer>()
        || js_sys::Array::is_array(&bytes))
    {
        return Err(js_error(&adkit::Error::invalid(
            "receipt",
            "`bytes` must be a Uint8Array, an ArrayBuffer or an array of bytes",
        )));
    }
    let data = if js_sys::Array::is_array(&bytes) {
        // Each element a byte, 0..=255 (a typed-array copy would wrap 300 to 44 and make "x" 0).
        let list: &js_sys::Array = bytes.unchecked_ref();
        list.iter()
            .map(|b| whole(&b, "receipt", 0, 255).map(|b| b as u8))
            .collect::<Result<Vec<u8>, JsValue>>()?
    } else {
        Uint8Array::new(&bytes).to_vec()
    };
    // A copy without the bytes, so the caller's object is untouched.
    let copy = js_sys::Object::assign(&js_sys::Object::new(), receipt.unchecked_ref());
    let _ = Reflect::delete_property(&copy, &"bytes".into());
    let _ = Reflect::set(request, &"receipt".into(), &copy);
    Ok(Some(data))
}

fn with_receipt<T: DeserializeOwned + Default>(
    request: JsValue,
    set: fn(&mut T, Vec<u8>),
) -> Result<T, JsValue> {
    if !request.is_object() {
        return from_js(request, "request");
    }
    let request = js_sys::Object::assign(&js_sys::Object::new(), request.unchecked_ref()).into();
    let bytes = take_receipt(&request)?;
    let mut parsed: T = from_js(request, "request")?;
    if let Some(b) = bytes {
        set(&mut parsed, b);
    }
    Ok(parsed)
}

#[wasm_bindgen]
impl AdmitadClient {
    /// POST /lost_orders/create/ as multipart with the receipt (`receipt: { fileName, contentType, bytes }`,
    /// `bytes` a `Uint8Array`). Never repeated.
    #[wasm_bindgen(js_name = createLostOrder, unchecked_return_type = "Promise<LostOrder>")]
    pub fn create_lost_order(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateLostOrder")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let request: Result<CreateLostOrder, JsValue> =
            with_receipt(request, |r: &mut CreateLostOrder, b| r.receipt.bytes = b);
        call(
            self.core(),
            request.map(|r| job(r, |o| value(out(o)))),
            &options,
        )
    }

    /// POST /appeals/create/ as multipart with the receipt. Never repeated.
    #[wasm_bindgen(js_name = createAppeal, unchecked_return_type = "Promise<LostOrder>")]
    pub fn create_appeal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateAppeal")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let request: Result<CreateAppeal, JsValue> =
            with_receipt(request, |r: &mut CreateAppeal, b| r.receipt.bytes = b);
        call(
            self.core(),
            request.map(|r| job(r, |o| value(out(o)))),
            &options,
        )
    }
}
