//! `AdmitadClient` for JS: `new AdmitadClient({ clientId, clientSecret?, scopes, tokens?, onTokens?,
//! baseUrl?, fetch?, timeoutMs?, maxRetries?, refreshSkewMs? })`. One core client per JS client, so
//! the token pair, the single-flight refresh and the listener live across calls.

use std::rc::Rc;

use adkit::Error;
use adkit::admitad::{Scope, TokenSet};
use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::convert::{
    MAX_SAFE_INTEGER, client_options, from_js, js_error, options_object, prop, prop_function,
    prop_string, prop_u32, prop_whole, signal_of, string_arg, to_js,
};
use crate::fetch::{FetchTransport, JsTimer, aborted};

pub(crate) type Core = adkit::admitad::AdmitadClient<FetchTransport, JsTimer>;

/// A client of Admitad's API with a managed token pair. The client secret belongs on a server: in a
/// page, build the authorization URL and check the callback; exchange the code server-side.
#[wasm_bindgen]
pub struct AdmitadClient {
    inner: Rc<Core>,
}

pub(crate) fn out<T: serde::Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = to_js(&result.map_err(|e| js_error(&e))?)?;
    Ok(if value.is_null() {
        JsValue::UNDEFINED
    } else {
        value
    })
}

/// Runs `work` unless the call's `AbortSignal` fires first.
pub(crate) fn start(
    options: &JsValue,
    work: impl std::future::Future<Output = Result<JsValue, JsValue>> + 'static,
) -> Promise {
    // Boxed here so the race and the promise glue exist once, not once per method.
    start_boxed(options, Box::pin(work))
}

type Work = std::pin::Pin<Box<dyn std::future::Future<Output = Result<JsValue, JsValue>>>>;

fn start_boxed(options: &JsValue, work: Work) -> Promise {
    let signal: Result<Option<AbortSignal>, JsValue> = signal_of(options);
    future_to_promise(async move {
        let signal = signal?;
        adkit::race(work, async {
            aborted(signal).await;
            Err(js_error(&Error::Cancelled))
        })
        .await
    })
}

impl AdmitadClient {
    /// The core client the generated publisher calls share.
    pub(crate) fn core(&self) -> &Rc<Core> {
        &self.inner
    }
}

#[wasm_bindgen]
impl AdmitadClient {
    /// `new AdmitadClient({ clientId, clientSecret?, scopes, tokens?, onTokens?, baseUrl?, fetch?,
    /// timeoutMs?, maxRetries?, refreshSkewMs? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AdmitadClientOptions")] options: JsValue,
    ) -> Result<AdmitadClient, JsValue> {
        options_object(&options)?;
        let scopes_js = prop(&options, "scopes");
        let scopes: Vec<Scope> = if scopes_js.is_undefined() || scopes_js.is_null() {
            Vec::new()
        } else {
            from_js(scopes_js, "scopes")?
        };
        let tokens_js = prop(&options, "tokens");
        let tokens: Option<TokenSet> = if tokens_js.is_undefined() || tokens_js.is_null() {
            None
        } else {
            Some(from_js(tokens_js, "tokens")?)
        };
        let on_tokens = prop_function(&options, "onTokens")?.map(|f| {
            let listener: adkit::admitad::TokenListener = Rc::new(move |t: &TokenSet| {
                if let Ok(v) = to_js(t) {
                    // A throwing listener must not break the call that refreshed.
                    let _ = f.call1(&JsValue::UNDEFINED, &v);
                }
            });
            listener
        });
        let config = adkit::admitad::AdmitadConfig {
            client_id: prop_string(&options, "clientId")?.unwrap_or_default(),
            client_secret: prop_string(&options, "clientSecret")?.map(adkit::Secret::new),
            scopes,
            tokens,
            on_tokens,
            refresh_skew_ms: prop_whole(&options, "refreshSkewMs", 0, MAX_SAFE_INTEGER)?,
            // At least one request a minute: 0 would be no limit or no requests, neither meant.
            max_requests_per_window: prop_u32(&options, "maxRequestsPerMinute", 1)?,
            options: client_options(&options, "js")?,
        };
        let transport = FetchTransport {
            fetch: prop_function(&options, "fetch")?,
            signal: None,
        };
        let inner = Core::new(config, transport, JsTimer).map_err(|e| js_error(&e))?;
        Ok(AdmitadClient {
            inner: Rc::new(inner),
        })
    }

    /// The authorization dialogue URL and its CSPRNG `state`: `{ url, state }`.
    #[wasm_bindgen(js_name = authorizationUrl, unchecked_return_type = "AuthorizationUrl")]
    pub fn authorization_url(
        &self,
        #[wasm_bindgen(js_name = redirectUri, unchecked_param_type = "string")]
        redirect_uri: JsValue,
    ) -> Result<JsValue, JsValue> {
        let redirect_uri = string_arg(&redirect_uri, "redirectUri")?;
        out(self.inner.authorization_url(&redirect_uri))
    }

    /// Exchanges a callback's code for a token pair (needs the client secret: run it on a server).
    #[wasm_bindgen(js_name = exchangeCode, unchecked_return_type = "Promise<AdmitadTokens>")]
    pub fn exchange_code(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
        #[wasm_bindgen(js_name = redirectUri, unchecked_param_type = "string")]
        redirect_uri: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let inner = self.inner.clone();
        let args = string_arg(&code, "code")
            .and_then(|code| Ok((code, string_arg(&redirect_uri, "redirectUri")?)));
        start(&options, async move {
            let (code, redirect_uri) = args?;
            out(inner.exchange_code(&code, &redirect_uri).await)
        })
    }

    /// The current token pair, or `undefined`.
    #[wasm_bindgen(getter, unchecked_return_type = "AdmitadTokens | undefined")]
    pub fn tokens(&self) -> Result<JsValue, JsValue> {
        match self.inner.tokens() {
            Some(t) => to_js(&t),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// How many token requests this client has sent.
    #[wasm_bindgen(getter, js_name = tokenRequests)]
    pub fn token_requests(&self) -> f64 {
        self.inner.token_requests() as f64
    }
}

/// Checks Admitad's redirect back (`state` in constant time) and returns the `code`; throws an
/// `AdkitError` of kind `verification` (state) or `auth` (`error=` in the callback).
#[wasm_bindgen(js_name = parseAdmitadCallback)]
pub fn parse_admitad_callback(
    #[wasm_bindgen(unchecked_param_type = "string")] callback: JsValue,
    #[wasm_bindgen(js_name = expectedState, unchecked_param_type = "string")]
    expected_state: JsValue,
) -> Result<String, JsValue> {
    let callback = string_arg(&callback, "callback")?;
    let expected_state = string_arg(&expected_state, "expectedState")?;
    adkit::admitad::parse_callback(&callback, &expected_state).map_err(|e| js_error(&e))
}

/// Verifies an app's `signed_request` and returns its payload (throws kind `verification`).
#[wasm_bindgen(js_name = verifyAdmitadSignedRequest, unchecked_return_type = "SignedRequestPayload")]
pub fn verify_admitad_signed_request(
    #[wasm_bindgen(js_name = signedRequest, unchecked_param_type = "string")]
    signed_request: JsValue,
    #[wasm_bindgen(js_name = clientSecret, unchecked_param_type = "string")] client_secret: JsValue,
) -> Result<JsValue, JsValue> {
    let signed_request = string_arg(&signed_request, "signedRequest")?;
    let client_secret = string_arg(&client_secret, "clientSecret")?;
    out(adkit::admitad::verify_signed_request(
        &signed_request,
        &adkit::Secret::new(client_secret),
    ))
}

#[wasm_bindgen(typescript_custom_section)]
const TS_ADMITAD: &'static str = r#"
export type AdmitadScope =
  | "public_data" | "websites" | "manage_websites" | "advcampaigns" | "advcampaigns_for_website" | "manage_advcampaigns"
  | "banners" | "landings" | "banners_for_website" | "announcements" | "referrals" | "coupons" | "coupons_for_website"
  | "private_data" | "private_data_email" | "private_data_phone" | "private_data_balance" | "validate_links"
  | "deeplink_generator" | "statistics" | "opt_codes" | "manage_opt_codes" | "webmaster_retag" | "manage_webmaster_retag"
  | "broken_links" | "manage_broken_links" | "lost_orders" | "manage_lost_orders" | "broker_application"
  | "manage_broker_application" | "aliexpress_commission" | "vendor_tool" | "short_link" | "web_notificator" | (string & {});
/** A token pair: persist it (the refresh token rotates) and pass it back as `tokens`. */
export interface AdmitadTokens {
  accessToken: string; refreshToken: string | null; /** Unix ms */ expiresAtMs: number; scope: string;
  tokenType: string; username: string | null; userId: number | null;
  /** The account fields the token endpoint returned with the pair. */
  firstName?: string | null; lastName?: string | null; language?: string | null; /** `webmaster` */ group?: string | null;
  code?: string | null;
  /** The token endpoint's answer without the tokens (`null` for a pair that did not come from it). */
  raw?: JsonValue;
}
export interface AdmitadClientOptions {
  clientId: string;
  /** Needed to mint, exchange and refresh tokens: servers only. */
  clientSecret?: string;
  scopes?: AdmitadScope[];
  /** A stored pair to start from. */
  tokens?: AdmitadTokens;
  /** Told every new pair. */
  onTokens?: (tokens: AdmitadTokens) => void;
  baseUrl?: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Per-attempt timeout in ms: a whole number 1..2147483647 (default 30000). */
  timeoutMs?: number;
  /** Retries after the first attempt: a whole number 0..4294967295 (default 2). */
  maxRetries?: number;
  /** Refresh this long before expiry (default 60000). */
  refreshSkewMs?: number;
  /** Client-side limit, at least 1 (Admitad allows 600 a minute per application). */
  maxRequestsPerMinute?: number;
}
export interface AuthorizationUrl { url: string; state: string }
export interface AdmitadMe extends Reply {
  id: number; username: string; firstName: string | null; lastName: string | null; language: string | null;
  defaultCurrency: string | null; country: string | null; email: string | null; phone: string | null; raw: JsonValue;
}
export type StatisticsReport = "websites" | "campaigns" | "dates" | "months" | "actions" | "sub_ids" | "sources" | "keywords";
export interface ListStatistics {
  report: StatisticsReport; /** dd.mm.yyyy */ dateStart?: string; /** dd.mm.yyyy */ dateEnd?: string;
  website?: number; /** repeated: `campaign=3&campaign=4` */ campaign?: number | number[]; subid?: string; total?: boolean; orderBy?: string[]; /** 1..500 */ limit?: number; offset?: number;
  /** ≤ 250 characters each */ subid1?: string; subid2?: string; subid3?: string; subid4?: string; keyword?: string;
  /** keywords: "g" | "y" */ source?: string; status?: string; actionType?: "lead" | "sale"; actionId?: number;
  processed?: boolean; paid?: boolean; /** dd.mm.yyyy */ closingDateStart?: string; /** dd.mm.yyyy */ closingDateEnd?: string;
  /** dd.mm.yyyy HH:MM:SS */ statusUpdatedStart?: string; /** dd.mm.yyyy HH:MM:SS */ statusUpdatedEnd?: string;
  groupSubids?: "subid" | "subid1" | "subid2" | "subid3" | "subid4"; /** actions: the action's name */ action?: string;
}
/** Money is exact decimal text ("20000.00"). `row` keeps every column as sent. */
export interface StatisticsRow {
  views: number; clicks: number; leadsSum: number; salesSum: number; paymentSumOpen: string; paymentSumApproved: string;
  paymentSumDeclined: string; currency: string | null; row: JsonValue;
  websiteId: number | null; websiteName: string | null; ctr: string | null; cr: string | null; ecpc: string | null; ecpm: string | null;
  id: number | null; actionId: number | null; orderId: string | null; tariffId: number | null; advcampaignId: number | null;
  advcampaignName: string | null; action: string | null; actionType: string | null; status: string | null; processed: boolean | null;
  paid: boolean | null; cart: string | null; payment: string | null; subid: string | null; subid1: string | null; subid2: string | null;
  subid3: string | null; subid4: string | null; keyword: string | null; comment: string | null; promocode: string | null;
  clickUserIp: string | null; clickUserReferer: string | null; clickCountryCode: string | null; /** seconds */ conversionTime: number | null;
  clickDate: string | null; actionDate: string | null; closingDate: string | null; statusUpdated: string | null; positions: ActionPosition[];
}
export interface StatisticsPage { items: StatisticsRow[]; count: number; limit: number; offset: number }
export interface GetDeeplinks {
  websiteId: number; campaignId: number; /** 1..200 */ ulp: string[]; /** ≤ 50 */ subid?: string; subid1?: string;
  subid2?: string; subid3?: string; /** ≤ 120 */ subid4?: string;
}
export interface Deeplink { link: string; isAffiliateProduct: boolean | null }
export interface AdmitadPage<T> extends Reply { items: T[]; count: number; limit: number; offset: number }
export interface ListWebsites { status?: string; campaignStatus?: string; limit?: number; offset?: number }
export interface Website extends Reply {
  id: number; name: string; status: string; kind: string; siteUrl: string; verificationCode: string | null;
  validationPassed: boolean | null; creationDate: string | null; isOld: boolean | null; accountId: string | null; isLite: boolean | null;
  raw: JsonValue;
}
export interface ListPrograms {
  website?: number; language?: string; connectionStatus?: "active" | "pending" | "declined"; hasTool?: string[]; trafficId?: number;
  limit?: number; offset?: number;
  /** the catalogue's `?website=` filter (not with `website`, which lists that ad space's programs) */ websiteFilter?: number;
  promoCodeProgramsOnly?: boolean; takefluenceEnabledOnly?: boolean;
}
/** Money and rates are exact decimal text. */
export interface Program extends Reply {
  id: number; name: string; status: string | null; rating: string; siteUrl: string | null; currency: string | null;
  connectionStatus: string | null; gotolink: string | null; epc: string; cr: string; raw: JsonValue;
}
export interface ListCoupons {
  website?: number; campaign?: number[]; search?: string; /** dd.mm.yyyy */ dateStart?: string; /** dd.mm.yyyy */ dateEnd?: string;
  language?: string; limit?: number; offset?: number;
  category?: number[]; campaignCategory?: number[]; /** `type` (repeated) */ kind?: (string | number)[]; region?: string;
  /** repeated, in order: `["name", "-rating"]` */ orderBy?: CouponOrder | CouponOrder[];
}
export type CouponOrder = "name" | "-name" | "rating" | "-rating" | "date_start" | "-date_start" | "date_end" | "-date_end";
export interface Coupon extends Reply {
  id: number; name: string; status: string | null; rating: string; discount: string | null; dateStart: string | null;
  dateEnd: string | null; gotoLink: string | null; promocode: string | null; shortName: string | null; description: string | null;
  exclusive: boolean | null; species: string | null; types: NamedRef[]; categories: NamedRef[]; campaign: CouponCampaign | null;
  regions: string[]; language: string | null; image: string | null; framesetLink: string | null; raw: JsonValue;
}
export interface LinkCheck extends Reply { message: string; valid: boolean; success: string | null; raw: JsonValue }
export interface ResolvedLinks extends Reply { resolved: number[] }
export interface GetProgram { id: number; language?: string }
export interface ValidateLink { link: string }
export interface ResolveBrokenLinks { linkIds: number[] }
export interface SignedRequestPayload {
  username: string; id: number | null; firstName: string | null; lastName: string | null; language: string | null;
  algorithm: string; accessToken: string | null; refreshToken: string | null; expiresIn: number | null;
}
"#;
