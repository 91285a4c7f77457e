//! `AdaptyClient` for JS: `new AdaptyClient({ secretKey?, publicKey?, baseUrl?, exportBaseUrl?, fetch?,
//! timeoutMs?, maxRetries?, allowSecretKeyInBrowser? })`, one async camelCase method per operation,
//! `bulk`, and `AdaptyWebhookReceiver` for Node servers receiving Adapty's webhooks.

use adkit::Endpoint;
use adkit::adapty::webhooks::WebhookReceiver;
use adkit::adapty::*;
use adkit::driver::RequestPolicy;
use adkit::pagination::{Pager, collect_from};
use adkit::{Error, HttpRequest, WithQuery, race};
use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::convert::{
    client_options, extra_query_of, from_js, js_error, options_object, prop, prop_bool,
    prop_function, prop_string, prop_u32, signal_of, string_arg, to_js,
};
use crate::fetch::{FetchTransport, JsTimer, aborted};

type CoreClient = adkit::adapty::AdaptyClient<FetchTransport, JsTimer>;

fn out<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    let value = to_js(&result.map_err(|e| js_error(&e))?)?;
    // `()` results resolve to `undefined`, not `null`.
    Ok(if value.is_null() {
        JsValue::UNDEFINED
    } else {
        value
    })
}

macro_rules! calls {
    ($($variant:ident($endpoint:ty)),+ $(,)?) => {
        /// One operation, converted from JS and ready to build.
        enum Call {
            $($variant(Box<$endpoint>),)+
            Bulk(Box<(BulkOperation, Vec<AdaptyUser>, BulkOptions, Option<Function>)>),
        }

        fn build(call: &Call, ctx: &AdaptyContext<'_>) -> Result<(HttpRequest, RequestPolicy), Error> {
            match call {
                $(Call::$variant(e) => e.build(ctx).map(|r| (r, e.policy())),)+
                Call::Bulk(_) => Err(Error::invalid("operation", "bulk is not one request")),
            }
        }

        fn parse(call: &Call, exchange: &adkit::driver::Exchange) -> Result<JsValue, JsValue> {
            match call {
                $(Call::$variant(e) => out(e.parse_reply(exchange)),)+
                Call::Bulk(_) => Ok(JsValue::UNDEFINED),
            }
        }
    };
}

calls! {
    GetProfile(GetProfile),
    CreateProfile(CreateProfile),
    UpdateProfile(UpdateProfile),
    DeleteProfile(DeleteProfile),
    SetTransaction(SetTransaction),
    Grant(GrantAccessLevel),
    Revoke(RevokeAccessLevel),
    GetRefund(GetRefundSaverSettings),
    SetRefund(SetRefundSaverSettings),
    Stripe(ValidateStripePurchase),
    Paddle(ValidatePaddlePurchase),
    GetIds(GetIntegrationIdentifiers),
    SetIds(SetIntegrationIdentifiers),
    ListPaywalls(ListPaywalls),
    GetPaywall(GetPaywall),
    UpdatePaywall(UpdatePaywall),
    CreateVc(CreateVirtualCurrencyTransaction),
    ListVc(ListVirtualCurrencyTransactions),
    Balances(ListVirtualCurrencyBalances),
    Placements(ExportPlacements),
    Analytics(ExportAnalytics),
    Cohort(ExportCohort),
    Conversion(ExportConversion),
    Funnel(ExportFunnel),
    Ltv(ExportLtv),
    Retention(ExportRetention),
    WebPaywall(GetWebPaywall),
    Visit(RecordWebPaywallVisit),
    Attribution(SetWebAttribution),
}

/// A client of Adapty's APIs. The secret key is for servers; only the public key belongs in a page.
#[wasm_bindgen]
pub struct AdaptyClient {
    config: AdaptyConfig,
    fetch: Option<Function>,
}

/// Runs one operation through one non-generic future (one copy of the request state machine).
async fn run(
    config: AdaptyConfig,
    fetch: Option<Function>,
    call: Result<Call, JsValue>,
    signal: Option<AbortSignal>,
    extra: Vec<(String, String)>,
) -> Result<JsValue, JsValue> {
    let call = call?;
    let client = core_client(config, fetch, signal.clone())?;
    let work = async {
        if let Call::Bulk(b) = &call {
            if !extra.is_empty() {
                return Err(js_error(&Error::invalid(
                    "extra_query",
                    "bulk does not take it",
                )));
            }
            let (operation, users, options, on_progress) = &**b;
            let progress = |p: BulkProgress| {
                if let (Some(f), Ok(v)) = (on_progress, to_js(&p)) {
                    let _ = f.call1(&JsValue::UNDEFINED, &v);
                }
            };
            return out(client
                .bulk(operation, users.clone(), options, progress)
                .await);
        }
        let (request, policy) = build(&call, &client.context())
            .and_then(|(q, p)| Ok((adkit::append_query(q, &extra)?, p)))
            .map_err(|e| js_error(&e))?;
        let exchange = client
            .driver()
            .execute(request, policy)
            .await
            .map_err(|e| js_error(&e))?;
        parse(&call, &exchange)
    };
    race(work, async {
        aborted(signal).await;
        Err(js_error(&Error::Cancelled))
    })
    .await
}

fn user_of(user: JsValue) -> Result<AdaptyUser, JsValue> {
    from_js(user, "user")
}

/// `{ page?, pageSize? }` (or nothing: the first page of the default size).
fn paywalls_request(paging: &JsValue) -> Result<ListPaywalls, JsValue> {
    options_object(paging)?;
    Ok(ListPaywalls {
        page: prop_u32(paging, "page", 0)?,
        page_size: prop_u32(paging, "pageSize", 0)?,
    })
}

fn history_request(
    user: JsValue,
    query: JsValue,
) -> Result<ListVirtualCurrencyTransactions, JsValue> {
    Ok(ListVirtualCurrencyTransactions {
        user: user_of(user)?,
        query: if query.is_undefined() || query.is_null() {
            VirtualCurrencyHistoryQuery::default()
        } else {
            from_js(query, "query")?
        },
    })
}

/// The endpoint with the call's `extraQuery` (sent with every page).
fn with_extra<E>(endpoint: E, options: &JsValue) -> Result<WithQuery<E>, JsValue> {
    Ok(WithQuery::new(endpoint).with_params(extra_query_of(options)?))
}

/// Which Adapty list a paginator walks (core's pager, one page per `nextPage()`).
enum Walk {
    Paywalls(Pager<WithQuery<ListPaywalls>>),
    History(Pager<WithQuery<ListVirtualCurrencyTransactions>>),
}

/// Pages of an Adapty list, one `nextPage()` at a time; the npm entry makes it async-iterable.
#[wasm_bindgen]
pub struct AdaptyPaginator {
    config: AdaptyConfig,
    fetch: Option<Function>,
    signal: Option<AbortSignal>,
    walk: std::rc::Rc<Walk>,
}

#[wasm_bindgen]
impl AdaptyPaginator {
    /// The next page, or `undefined` when there is none (after an error there is none either).
    #[wasm_bindgen(js_name = nextPage, unchecked_return_type = "Promise<any>")]
    pub fn next_page(&self) -> Promise {
        let job = Ok(PageJob::Next(self.walk.clone()));
        let (config, fetch) = (self.config.clone(), self.fetch.clone());
        future_to_promise(page_job(config, fetch, Ok(self.signal.clone()), job))
    }
}

/// What a paging call does: the next page of a paginator, or every item under a cap.
enum PageJob {
    Next(std::rc::Rc<Walk>),
    Collect(Walk, usize),
}

/// Every paging call of the Adapty client through one future (one copy of the request path).
async fn page_job(
    config: AdaptyConfig,
    fetch: Option<Function>,
    signal: Result<Option<AbortSignal>, JsValue>,
    job: Result<PageJob, JsValue>,
) -> Result<JsValue, JsValue> {
    let (job, signal) = (job?, signal?);
    let client = core_client(config, fetch, signal.clone())?;
    let work = async {
        match &job {
            PageJob::Next(walk) => match &**walk {
                Walk::Paywalls(p) => out(p.next_page(&client).await),
                Walk::History(p) => out(p.next_page(&client).await),
            },
            PageJob::Collect(Walk::Paywalls(p), cap) => out(collect_from(&client, p, *cap).await),
            PageJob::Collect(Walk::History(p), cap) => out(collect_from(&client, p, *cap).await),
        }
    };
    race(work, async {
        aborted(signal).await;
        Err(js_error(&Error::Cancelled))
    })
    .await
}

fn core_client(
    config: AdaptyConfig,
    fetch: Option<Function>,
    signal: Option<AbortSignal>,
) -> Result<CoreClient, JsValue> {
    CoreClient::new(config, FetchTransport { fetch, signal }, JsTimer).map_err(|e| js_error(&e))
}

/// Whether this runs in a web page or worker (not Node): a secret key must not be there.
fn in_browser() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::has(&global, &"document".into()).unwrap_or(false)
        || js_sys::Reflect::has(&global, &"importScripts".into()).unwrap_or(false)
}

impl AdaptyClient {
    fn paginator(&self, walk: Walk, options: &JsValue) -> Result<AdaptyPaginator, JsValue> {
        Ok(AdaptyPaginator {
            config: self.config.clone(),
            fetch: self.fetch.clone(),
            signal: signal_of(options)?,
            walk: std::rc::Rc::new(walk),
        })
    }

    /// Every item of a list through core's collect, under its cap rule.
    fn collect(&self, walk: Result<Walk, JsValue>, cap: JsValue, options: &JsValue) -> Promise {
        // The cap is a whole number 0..=2^32 − 1: never wrapped, clamped or defaulted.
        let cap = crate::convert::whole(&cap, "cap", 0, u32::MAX.into());
        let job = walk.and_then(|w| Ok(PageJob::Collect(w, cap? as usize)));
        let (config, fetch) = (self.config.clone(), self.fetch.clone());
        future_to_promise(page_job(config, fetch, signal_of(options), job))
    }

    fn start(&self, call: Result<Call, JsValue>, options: &JsValue) -> Promise {
        let config = self.config.clone();
        let fetch = self.fetch.clone();
        let signal = signal_of(options);
        let extra = extra_query_of(options);
        future_to_promise(async move { run(config, fetch, call, signal?, extra?).await })
    }
}

macro_rules! user_only {
    ($(#[$doc:meta])* $name:ident, $js:literal, $ret:literal, $variant:ident, $endpoint:ident) => {
        #[wasm_bindgen]
        impl AdaptyClient {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
        pub fn $name(
            &self,
            #[wasm_bindgen(unchecked_param_type = "AdaptyUser")] user: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
        ) -> Promise {
            let call = user_of(user).map(|user| Call::$variant(Box::new($endpoint { user })));
            self.start(call, &options)
        }
        }
    };
}

macro_rules! user_and {
    ($(#[$doc:meta])* $name:ident, $js:literal, $ty:literal, $ret:literal, $variant:ident, $endpoint:ident, $field:ident) => {
        #[wasm_bindgen]
        impl AdaptyClient {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
        pub fn $name(
            &self,
            #[wasm_bindgen(unchecked_param_type = "AdaptyUser")] user: JsValue,
            #[wasm_bindgen(unchecked_param_type = $ty)] request: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
        ) -> Promise {
            let call = (|| {
                Ok(Call::$variant(Box::new($endpoint {
                    user: user_of(user)?,
                    $field: from_js(request, stringify!($field))?,
                })))
            })();
            self.start(call, &options)
        }
        }
    };
}

macro_rules! request_only {
    ($(#[$doc:meta])* $name:ident, $js:literal, $ty:literal, $ret:literal, $variant:ident, $endpoint:ident, $field:ident) => {
        #[wasm_bindgen]
        impl AdaptyClient {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
        pub fn $name(
            &self,
            #[wasm_bindgen(unchecked_param_type = $ty)] request: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
        ) -> Promise {
            let call = from_js(request, stringify!($field))
                .map(|r| Call::$variant(Box::new($endpoint { $field: r })));
            self.start(call, &options)
        }
        }
    };
}

macro_rules! export_op {
    ($(#[$doc:meta])* $name:ident, $js:literal, $ty:literal, $ret:literal, $variant:ident, $request:ident) => {
        #[wasm_bindgen]
        impl AdaptyClient {
        $(#[$doc])*
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $ret)]
        pub fn $name(
            &self,
            #[wasm_bindgen(unchecked_param_type = $ty)] request: JsValue,
            #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
        ) -> Promise {
            let call = from_js::<$request>(request, "request").map(|r| Call::$variant(Box::new(r)));
            self.start(call, &options)
        }
        }
    };
}

#[wasm_bindgen]
impl AdaptyClient {
    /// `new AdaptyClient({ secretKey?, publicKey?, baseUrl?, exportBaseUrl?, fetch?, timeoutMs?,
    /// maxRetries?, allowSecretKeyInBrowser? })`. A secret key in a browser is refused unless
    /// `allowSecretKeyInBrowser` is true (it would be readable by anyone loading the page).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AdaptyClientOptions")] options: JsValue,
    ) -> Result<AdaptyClient, JsValue> {
        options_object(&options)?;
        let mut base = client_options(&options, "js")?;
        if in_browser() {
            base.runtime = adkit::driver::Runtime::Browser;
        }
        let config = AdaptyConfig {
            secret_key: prop_string(&options, "secretKey")?.map(adkit::Secret::new),
            public_key: prop_string(&options, "publicKey")?.map(adkit::Secret::new),
            export_base_url: prop_string(&options, "exportBaseUrl")?.or(base.base_url.clone()),
            options: base,
            allow_secret_key_in_browser: prop_bool(&options, "allowSecretKeyInBrowser")?
                .unwrap_or(false),
        };
        let fetch = prop_function(&options, "fetch")?;
        CoreClient::new(
            config.clone(),
            FetchTransport {
                fetch: None,
                signal: None,
            },
            JsTimer,
        )
        .map_err(|e| js_error(&e))?;
        Ok(AdaptyClient { config, fetch })
    }

    /// POST /vc/transactions/ (an Idempotency-Key is drawn when absent and returned).
    #[wasm_bindgen(js_name = createVirtualCurrencyTransaction, unchecked_return_type = "Promise<VirtualCurrencyTransactionResult>")]
    pub fn create_virtual_currency_transaction(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AdaptyUser")] user: JsValue,
        #[wasm_bindgen(unchecked_param_type = "VirtualCurrencyTransactionRequest")]
        request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let call = (|| {
            let endpoint =
                CreateVirtualCurrencyTransaction::new(user_of(user)?, from_js(request, "request")?)
                    .map_err(|e| js_error(&e))?;
            Ok(Call::CreateVc(Box::new(endpoint)))
        })();
        self.start(call, &options)
    }

    /// GET /paywalls/ (one page): `listPaywalls({ page?, pageSize? }?, options?)`.
    #[wasm_bindgen(js_name = listPaywalls, unchecked_return_type = "Promise<PaywallList>")]
    pub fn list_paywalls(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ page?: number; pageSize?: number }")]
        paging: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let call = paywalls_request(&paging).map(|r| Call::ListPaywalls(Box::new(r)));
        self.start(call, &options)
    }

    /// Every page of paywalls from `request` on: `for await (const page of client.paywallsPages())`.
    #[wasm_bindgen(js_name = paywallsPages, unchecked_return_type = "AdaptyPages<PaywallList>")]
    pub fn paywalls_pages(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "{ page?: number; pageSize?: number }")]
        paging: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Result<AdaptyPaginator, JsValue> {
        let first = with_extra(paywalls_request(&paging)?, &options)?;
        self.paginator(Walk::Paywalls(Pager::new(first)), &options)
    }

    /// Every paywall from `request` on, refusing more than `cap` (nothing is silently cut).
    #[wasm_bindgen(js_name = collectPaywalls, unchecked_return_type = "Promise<Paywall[]>")]
    pub fn collect_paywalls(
        &self,
        #[wasm_bindgen(unchecked_param_type = "{ page?: number; pageSize?: number } | undefined")]
        paging: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] cap: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let first = paywalls_request(&paging).and_then(|r| with_extra(r, &options));
        self.collect(first.map(|f| Walk::Paywalls(Pager::new(f))), cap, &options)
    }

    /// Every page of a profile's virtual-currency history, newest first.
    #[wasm_bindgen(
        js_name = virtualCurrencyTransactionsPages,
        unchecked_return_type = "AdaptyPages<VirtualCurrencyHistory>"
    )]
    pub fn virtual_currency_transactions_pages(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AdaptyUser")] user: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "VirtualCurrencyHistoryQuery")]
        query: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Result<AdaptyPaginator, JsValue> {
        let first = with_extra(history_request(user, query)?, &options)?;
        self.paginator(Walk::History(Pager::new(first)), &options)
    }

    /// Every entry of a profile's virtual-currency history, refusing more than `cap`.
    #[wasm_bindgen(
        js_name = collectVirtualCurrencyTransactions,
        unchecked_return_type = "Promise<VirtualCurrencyTransaction[]>"
    )]
    pub fn collect_virtual_currency_transactions(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AdaptyUser")] user: JsValue,
        #[wasm_bindgen(unchecked_param_type = "VirtualCurrencyHistoryQuery | undefined")]
        query: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] cap: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let first = history_request(user, query).and_then(|r| with_extra(r, &options));
        self.collect(first.map(|f| Walk::History(Pager::new(f))), cap, &options)
    }

    /// GET /paywalls/{paywallId}/.
    #[wasm_bindgen(js_name = getPaywall, unchecked_return_type = "Promise<Paywall>")]
    pub fn get_paywall(
        &self,
        #[wasm_bindgen(js_name = paywallId, unchecked_param_type = "string")] paywall_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let call = string_arg(&paywall_id, "paywallId")
            .map(|paywall_id| Call::GetPaywall(Box::new(GetPaywall { paywall_id })));
        self.start(call, &options)
    }

    /// PUT /paywalls/{paywallId}/ (replaces all remote configs).
    #[wasm_bindgen(js_name = updatePaywall, unchecked_return_type = "Promise<Paywall>")]
    pub fn update_paywall(
        &self,
        #[wasm_bindgen(js_name = paywallId, unchecked_param_type = "string")] paywall_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "UpdatePaywallRequest")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        let call = (|| {
            Ok(Call::UpdatePaywall(Box::new(UpdatePaywall {
                paywall_id: string_arg(&paywall_id, "paywallId")?,
                request: from_js(request, "request")?,
            })))
        })();
        self.start(call, &options)
    }

    /// Applies one operation to many users with bounded concurrency: `bulk({ operation: "delete" |
    /// "grant" | "revoke" | "update", request?, profile? }, users, { concurrency?, stopOnAuthError?,
    /// onProgress?, signal? })`. Resolves with one item per user, in input order.
    #[wasm_bindgen(unchecked_return_type = "Promise<BulkReport>")]
    pub fn bulk(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BulkOperation")] operation: JsValue,
        #[wasm_bindgen(unchecked_param_type = "AdaptyUser[]")] users: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "BulkOptions")] options: JsValue,
    ) -> Promise {
        let call = (|| {
            let operation: BulkOperation = from_js(operation, "operation")?;
            let users: Vec<AdaptyUser> = from_js(users, "users")?;
            options_object(&options)?;
            let mut bulk_options = BulkOptions::default();
            if let Some(n) = prop_u32(&options, "concurrency", 0)? {
                bulk_options.concurrency = n;
            }
            if let Some(stop) = prop_bool(&options, "stopOnAuthError")? {
                bulk_options.stop_on_auth_error = stop;
            }
            let on_progress = prop_function(&options, "onProgress")?;
            Ok(Call::Bulk(Box::new((
                operation,
                users,
                bulk_options,
                on_progress,
            ))))
        })();
        self.start(call, &options)
    }
}

user_only!(/// GET /profile/.
    get_profile, "getProfile", "Promise<Profile>", GetProfile, GetProfile);
user_and!(/// POST /profile/ (a customer user id alone creates a profile; both ids link them).
    create_profile, "createProfile", "ProfileRequest", "Promise<Profile>", CreateProfile, CreateProfile, profile);
user_and!(/// PATCH /profile/.
    update_profile, "updateProfile", "ProfileRequest", "Promise<Profile>", UpdateProfile, UpdateProfile, profile);
user_only!(/// DELETE /profile/.
    delete_profile, "deleteProfile", "Promise<Ack>", DeleteProfile, DeleteProfile);
user_and!(/// POST /purchase/set/transaction/.
    set_transaction, "setTransaction", "Transaction", "Promise<Profile>", SetTransaction, SetTransaction, transaction);
user_and!(/// POST /purchase/profile/grant/access-level/.
    grant_access_level, "grantAccessLevel", "GrantAccessLevelRequest", "Promise<Profile>", Grant, GrantAccessLevel, request);
user_and!(/// POST /purchase/profile/revoke/access-level/.
    revoke_access_level, "revokeAccessLevel", "RevokeAccessLevelRequest", "Promise<Profile>", Revoke, RevokeAccessLevel, request);
user_only!(/// GET /purchase/profile/refund-saver/settings/.
    get_refund_saver_settings, "getRefundSaverSettings", "Promise<RefundSaverSettings>", GetRefund, GetRefundSaverSettings);
user_and!(/// POST /purchase/profile/refund-saver/settings/.
    set_refund_saver_settings, "setRefundSaverSettings", "SetRefundSaverSettingsRequest", "Promise<RefundSaverSettings>", SetRefund, SetRefundSaverSettings, request);
request_only!(/// POST /api/v1/sdk/purchase/stripe/token/validate/ (JSON:API).
    validate_stripe_purchase, "validateStripePurchase", "ValidateStripePurchaseRequest", "Promise<Ack>", Stripe, ValidateStripePurchase, request);
request_only!(/// POST /purchase/paddle/token/validate/.
    validate_paddle_purchase, "validatePaddlePurchase", "ValidatePaddlePurchaseRequest", "Promise<Profile>", Paddle, ValidatePaddlePurchase, request);
user_only!(/// GET …/integration-identifiers/.
    get_integration_identifiers, "getIntegrationIdentifiers", "Promise<IntegrationIdentifiers>", GetIds, GetIntegrationIdentifiers);
user_and!(/// POST …/integration-identifiers/.
    set_integration_identifiers, "setIntegrationIdentifiers", "IntegrationIdentifiers", "Promise<Ack>", SetIds, SetIntegrationIdentifiers, identifiers);

user_and!(/// GET /vc/transactions/ (one page, newest first).
    list_virtual_currency_transactions, "listVirtualCurrencyTransactions", "VirtualCurrencyHistoryQuery", "Promise<VirtualCurrencyHistory>", ListVc, ListVirtualCurrencyTransactions, query);
user_only!(/// GET /vc/balances/.
    list_virtual_currency_balances, "listVirtualCurrencyBalances", "Promise<VirtualCurrencyBalances>", Balances, ListVirtualCurrencyBalances);
export_op!(/// POST /exports/placements/.
    export_placements, "exportPlacements", "ExportPlacements", "Promise<PlacementExport>", Placements, ExportPlacements);
export_op!(/// POST /metrics/analytics/.
    export_analytics, "exportAnalytics", "ExportAnalytics", "Promise<MetricsExport>", Analytics, ExportAnalytics);
export_op!(/// POST /metrics/cohort/.
    export_cohort, "exportCohort", "ExportCohort", "Promise<MetricsExport>", Cohort, ExportCohort);
export_op!(/// POST /metrics/conversion/.
    export_conversion, "exportConversion", "ExportConversion", "Promise<MetricsExport>", Conversion, ExportConversion);
export_op!(/// POST /metrics/funnel/.
    export_funnel, "exportFunnel", "ExportFunnel", "Promise<MetricsExport>", Funnel, ExportFunnel);
export_op!(/// POST /metrics/ltv/.
    export_ltv, "exportLtv", "ExportLtv", "Promise<MetricsExport>", Ltv, ExportLtv);
export_op!(/// POST /metrics/retention/.
    export_retention, "exportRetention", "ExportRetention", "Promise<MetricsExport>", Retention, ExportRetention);
request_only!(/// Web API POST /paywall/ (public key).
    get_web_paywall, "getWebPaywall", "WebPaywallRequest", "Promise<WebPaywall>", WebPaywall, GetWebPaywall, request);
request_only!(/// Web API POST /paywall/visit/ (public key).
    record_web_paywall_visit, "recordWebPaywallVisit", "WebPaywallVisit", "Promise<Ack>", Visit, RecordWebPaywallVisit, visit);
request_only!(/// Web API POST /attribution/ (public key).
    set_web_attribution, "setWebAttribution", "WebAttributionRequest", "Promise<Ack>", Attribution, SetWebAttribution, request);

/// Checks and decodes Adapty webhook deliveries (for Node servers):
/// `new AdaptyWebhookReceiver({ productionAuthorization?, sandboxAuthorization?, eventNames? })`.
#[wasm_bindgen]
pub struct AdaptyWebhookReceiver {
    inner: WebhookReceiver,
}

#[wasm_bindgen]
impl AdaptyWebhookReceiver {
    /// The configured Authorization values and custom event names → Adapty names.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AdaptyWebhookReceiverOptions")] options: JsValue,
    ) -> Result<AdaptyWebhookReceiver, JsValue> {
        options_object(&options)?;
        let names = prop(&options, "eventNames");
        let event_names = if names.is_undefined() || names.is_null() {
            Default::default()
        } else {
            serde_json::from_slice(
                String::from(js_sys::JSON::stringify(&names).map_err(|_| {
                    js_error(&Error::invalid("eventNames", "must be a plain object"))
                })?)
                .as_bytes(),
            )
            .map_err(|_| js_error(&Error::invalid("eventNames", "must map strings to strings")))?
        };
        let inner = WebhookReceiver::with_values(
            prop_string(&options, "productionAuthorization")?.map(adkit::Secret::new),
            prop_string(&options, "sandboxAuthorization")?.map(adkit::Secret::new),
        )
        .map_err(|e| js_error(&e))?
        .with_event_names(event_names);
        Ok(AdaptyWebhookReceiver { inner })
    }

    /// Checks the `Authorization` header (from a `Headers`, a plain object or `[name, value]` pairs)
    /// and parses the body (string or bytes): `{ kind: "verification" }` or `{ kind: "event", event }`.
    /// Throws an `AdkitError` of kind `verification` when the header does not match (answer 401).
    #[wasm_bindgen(unchecked_return_type = "WebhookDelivery")]
    pub fn receive(
        &self,
        #[wasm_bindgen(
            unchecked_param_type = "Headers | Record<string, string> | [string, string][]"
        )]
        headers: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] body: JsValue,
    ) -> Result<JsValue, JsValue> {
        if !headers.is_object() {
            return Err(js_error(&Error::invalid(
                "headers",
                "must be a Headers object, a plain object or [name, value] pairs",
            )));
        }
        let auth = authorization_of(&headers);
        let bytes: Vec<u8> = if let Some(s) = body.as_string() {
            s.into_bytes()
        } else if body.is_instance_of::<js_sys::Uint8Array>()
            || body.is_instance_of::<js_sys::ArrayBuffer>()
        {
            js_sys::Uint8Array::new(&body).to_vec()
        } else {
            return Err(js_error(&Error::invalid(
                "body",
                "must be a string, a Uint8Array or an ArrayBuffer",
            )));
        };
        let delivery = self
            .inner
            .receive(auth.as_deref().map(|a| ("authorization", a)), &bytes)
            .map_err(|e| js_error(&e))?;
        to_js(&delivery)
    }

    /// The JSON body to answer every delivery with (`{}`), with a 200.
    #[wasm_bindgen(getter, js_name = ackBody)]
    pub fn ack_body(&self) -> String {
        WebhookReceiver::ACK_BODY.to_owned()
    }
}

/// The `Authorization` value from a `Headers` object, a plain object (any key case) or pairs.
fn authorization_of(headers: &JsValue) -> Option<String> {
    if let Ok(get) = js_sys::Reflect::get(headers, &"get".into())
        && let Some(get) = get.dyn_ref::<Function>()
    {
        return get
            .call1(headers, &"authorization".into())
            .ok()
            .and_then(|v| v.as_string());
    }
    let entries: js_sys::Array = if js_sys::Array::is_array(headers) {
        headers.clone().into()
    } else if headers.is_object() {
        js_sys::Object::entries(headers.unchecked_ref())
    } else {
        return None;
    };
    entries.iter().find_map(|pair| {
        let pair: js_sys::Array = pair.dyn_into().ok()?;
        let name = pair.get(0).as_string()?;
        name.eq_ignore_ascii_case("authorization")
            .then(|| pair.get(1).as_string())
            .flatten()
    })
}
