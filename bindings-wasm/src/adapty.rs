//! `AdaptyClient` for JS: `new AdaptyClient({ secretKey?, publicKey?, baseUrl?, exportBaseUrl?, fetch?,
//! timeoutMs?, maxRetries?, allowSecretKeyInBrowser? })`, one async camelCase method per operation,
//! `bulk`, and `AdaptyWebhookReceiver` for Node servers receiving Adapty's webhooks.

use adkit::adapty::webhooks::WebhookReceiver;
use adkit::adapty::*;
use adkit::pagination::{Pager, collect_from};
use adkit::{Error, WithQuery, race};
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::convert::{
    client_options, extra_query_of, from_js, js_error, options_object, prop, prop_bool,
    prop_function, prop_string, prop_u32, signal_of, to_js,
};
use crate::fetch::{FetchTransport, JsTimer, aborted};
use crate::operations::{operation_rows, reply_to_js as out};

type CoreClient = adkit::adapty::AdaptyClient<FetchTransport, JsTimer>;

macro_rules! adapty_wasm {
    ($($rows:tt)*) => { crate::operations::wasm_operations!("Adapty", AdaptyContext; $($rows)*); };
}
adkit::adapty_operations!(adapty_wasm);

/// One operation of the client: an endpoint call, or bulk work over many users.
enum Op {
    Call(Call),
    Bulk(
        Box<(
            BulkOperation,
            Vec<AdaptyUser>,
            BulkOptions,
            Option<Function>,
        )>,
    ),
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
    op: Result<Op, JsValue>,
    signal: Option<AbortSignal>,
    extra: Vec<(String, String)>,
) -> Result<JsValue, JsValue> {
    let op = op?;
    let client = core_client(config, fetch, signal.clone())?;
    let work = async {
        let call = match &op {
            Op::Call(call) => call,
            Op::Bulk(b) => {
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
        };
        send_call(client.driver(), &client.context(), call, &extra).await
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
            // `undefined` after the last page (it ends a `for await`).
            PageJob::Next(walk) => match &**walk {
                Walk::Paywalls(p) => out(p.next_page(&client).await).map(null_as_undefined),
                Walk::History(p) => out(p.next_page(&client).await).map(null_as_undefined),
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

fn null_as_undefined(value: JsValue) -> JsValue {
    if value.is_null() {
        JsValue::UNDEFINED
    } else {
        value
    }
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

    fn start(&self, op: Result<Op, JsValue>, options: &JsValue) -> Promise {
        let config = self.config.clone();
        let fetch = self.fetch.clone();
        let signal = signal_of(options);
        let extra = extra_query_of(options);
        future_to_promise(async move { run(config, fetch, op, signal?, extra?).await })
    }
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

    /// `[name, 'args', method, pagesMethod, collectMethod, parameters]` of every operation (names by
    /// core's one rule, `adkit::registry::js_methods`): the package entry installs
    /// `client.<method>(...arguments, options)` for each, calling [`callOperation`](Self::call_operation).
    #[wasm_bindgen(unchecked_return_type = "[string, 'args', string, string, string, number][]")]
    pub fn operations() -> Array {
        operation_rows(OPERATIONS)
    }

    /// Calls operation `op` (its snake_case name) with its arguments: the endpoint's fields in order, or
    /// its request record.
    #[wasm_bindgen(js_name = callOperation, unchecked_return_type = "Promise<any>")]
    pub fn call_operation(
        &self,
        op: &str,
        #[wasm_bindgen(unchecked_param_type = "unknown[]")] args: Array,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.start(call_for(op, &args).map(Op::Call), &options)
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
            Ok(Op::Bulk(Box::new((
                operation,
                users,
                bulk_options,
                on_progress,
            ))))
        })();
        self.start(call, &options)
    }
}

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

/// The named methods' declarations, generated from the same rows (`cargo run -p adkit-codegen`).
#[wasm_bindgen(typescript_custom_section)]
const TS_ADAPTY_METHODS: &str = include_str!("../generated/adapty-methods.d.ts");
