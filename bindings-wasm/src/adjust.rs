//! `AdjustClient` for JS: `new AdjustClient({ apiToken, signatureToken?, baseUrl?, fetch?, timeoutMs?,
//! maxRetries? })`, one async camelCase method per endpoint, and `waitForTicket`.

use adkit::Endpoint;
use adkit::adjust::{
    AdjustConfig, CreateApp, CreateCampaign, FindApp, GenerateSignature, GetApp, GetSignature,
    GetTicketStatus, ListChannels, UpdateApp, WaitOptions,
};
use adkit::{Error, race};
use js_sys::{Function, Promise};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::convert::{
    MAX_DELAY_MS, MAX_SAFE_INTEGER, client_options, extra_query_of, from_js, id_or_object,
    js_error, prop_function, prop_string, prop_whole, signal_of, string_arg, to_js,
};
use crate::fetch::{FetchTransport, JsTimer, aborted};

type CoreClient = adkit::adjust::AdjustClient<FetchTransport, JsTimer>;

/// A client of Adjust's settings API. The API token is a server-side secret.
#[wasm_bindgen]
pub struct AdjustClient {
    config: AdjustConfig,
    fetch: Option<Function>,
}

/// One endpoint call, converted from JS and ready to build.
enum Call {
    CreateApp(Box<CreateApp>),
    GetApp(GetApp),
    FindApp(FindApp),
    CreateCampaign(Box<CreateCampaign>),
    GetSignature(GetSignature),
    ListChannels(ListChannels),
    GetTicketStatus(GetTicketStatus),
    UpdateApp(UpdateApp),
    GenerateSignature(GenerateSignature),
}

/// One operation of the client: an endpoint call, or ticket polling.
enum Op {
    Call(Call),
    WaitForTicket {
        ticket_token: String,
        wait: WaitOptions,
        on_progress: Option<Function>,
    },
}

fn out<T: Serialize>(result: Result<T, Error>) -> Result<JsValue, JsValue> {
    to_js(&result.map_err(|e| js_error(&e))?)
}

/// Runs one operation. Every method goes through this one non-generic future, which keeps one copy
/// of the promise glue in the `.wasm` instead of one per method.
async fn run(
    config: AdjustConfig,
    fetch: Option<Function>,
    op: Result<Op, JsValue>,
    signal: Option<AbortSignal>,
    extra: Vec<(String, String)>,
) -> Result<JsValue, JsValue> {
    let op = op?;
    let client = CoreClient::new(
        config,
        FetchTransport {
            fetch,
            signal: signal.clone(),
        },
        JsTimer,
    )
    .map_err(|e| js_error(&e))?;
    let work = async {
        let call = match op {
            Op::Call(call) => call,
            Op::WaitForTicket {
                ticket_token,
                wait,
                on_progress,
            } => {
                if !extra.is_empty() {
                    return Err(js_error(&Error::invalid(
                        "extra_query",
                        "waitForTicket does not take it (send getTicketStatus yourself)",
                    )));
                }
                let progress = |status: &adkit::adjust::TicketStatus| {
                    if let (Some(f), Ok(v)) = (&on_progress, to_js(status)) {
                        // A throwing callback must not break polling.
                        let _ = f.call1(&JsValue::UNDEFINED, &v);
                    }
                };
                return out(client.wait_for_ticket(&ticket_token, wait, progress).await);
            }
        };
        // Build, then one shared await of the driver, then parse: the exchange is not generic over
        // the endpoint, so the module carries a single copy of the request state machine.
        let ctx = client.context();
        let built = match &call {
            Call::CreateApp(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::GetApp(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::FindApp(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::CreateCampaign(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::GetSignature(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::ListChannels(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::GetTicketStatus(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::UpdateApp(r) => r.build(&ctx).map(|q| (q, r.policy())),
            Call::GenerateSignature(r) => r.build(&ctx).map(|q| (q, r.policy())),
        };
        let (request, policy) = built
            .and_then(|(q, p)| Ok((adkit::append_query(q, &extra)?, p)))
            .map_err(|e| js_error(&e))?;
        let exchange = client
            .driver()
            .execute(request, policy)
            .await
            .map_err(|e| js_error(&e))?;
        match &call {
            Call::CreateApp(r) => out(r.parse_reply(&exchange)),
            Call::GetApp(r) => out(r.parse_reply(&exchange)),
            Call::FindApp(r) => out(r.parse_reply(&exchange)),
            Call::CreateCampaign(r) => out(r.parse_reply(&exchange)),
            Call::GetSignature(r) => out(r.parse_reply(&exchange)),
            Call::ListChannels(r) => out(r.parse_reply(&exchange)),
            Call::GetTicketStatus(r) => out(r.parse_reply(&exchange)),
            Call::UpdateApp(r) => out(r.parse_reply(&exchange)),
            Call::GenerateSignature(r) => out(r.parse_reply(&exchange)),
        }
    };
    race(work, async {
        aborted(signal).await;
        Err(js_error(&Error::Cancelled))
    })
    .await
}

impl AdjustClient {
    /// Converts `input` to the endpoint's request type and starts the call.
    fn call<R: serde::de::DeserializeOwned>(
        &self,
        input: JsValue,
        what: &str,
        wrap: impl FnOnce(R) -> Call,
        options: &JsValue,
    ) -> Promise {
        self.start(
            from_js::<R>(input, what).map(|r| Op::Call(wrap(r))),
            options,
        )
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
impl AdjustClient {
    /// `new AdjustClient({ apiToken, signatureToken?, baseUrl?, fetch?, timeoutMs?, maxRetries? })`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AdjustClientOptions")] options: JsValue,
    ) -> Result<AdjustClient, JsValue> {
        let api_token = prop_string(&options, "apiToken")?.unwrap_or_default();
        let mut config = AdjustConfig::new(api_token);
        config.signature_token = prop_string(&options, "signatureToken")?.map(adkit::Secret::new);
        config.options = client_options(&options, "js")?;
        let fetch = prop_function(&options, "fetch")?;
        let client = AdjustClient { config, fetch };
        // Validate tokens and base URL now rather than at the first call.
        CoreClient::new(
            client.config.clone(),
            FetchTransport {
                fetch: None,
                signal: None,
            },
            JsTimer,
        )
        .map_err(|e| js_error(&e))?;
        Ok(client)
    }

    /// POST /app: get-or-create the app; returns its token and the migration ticket.
    #[wasm_bindgen(js_name = createApp, unchecked_return_type = "Promise<CreateAppResponse>")]
    pub fn create_app(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateApp")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            request,
            "request",
            |r| Call::CreateApp(Box::new(r)),
            &options,
        )
    }

    /// GET /app/{appToken}.
    #[wasm_bindgen(js_name = getApp, unchecked_return_type = "Promise<AppDetails>")]
    pub fn get_app(
        &self,
        #[wasm_bindgen(js_name = appToken, unchecked_param_type = "string | { appToken: string }")]
        app_token: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            id_or_object(app_token, "appToken"),
            "appToken",
            Call::GetApp,
            &options,
        )
    }

    /// GET /app?store_id=&platform= (follows Adjust's redirect; in a browser the redirect is hidden
    /// from scripts, so this call needs Node or a server). Also `findApp({ storeId, platform }, options?)`.
    #[wasm_bindgen(js_name = findApp, unchecked_return_type = "Promise<AppDetails>")]
    pub fn find_app(
        &self,
        #[wasm_bindgen(js_name = storeId, unchecked_param_type = "string | FindApp")]
        store_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Platform | CallOptions")] platform: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        if !store_id.is_string() {
            return self.call(store_id, "request", Call::FindApp, &platform);
        }
        let request = id_or_object(store_id, "storeId");
        let _ = js_sys::Reflect::set(&request, &"platform".into(), &platform);
        self.call(request, "request", Call::FindApp, &options)
    }

    /// POST /campaign: click and impression URLs.
    #[wasm_bindgen(js_name = createCampaign, unchecked_return_type = "Promise<CampaignUrls>")]
    pub fn create_campaign(
        &self,
        #[wasm_bindgen(unchecked_param_type = "CreateCampaign")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            request,
            "request",
            |r| Call::CreateCampaign(Box::new(r)),
            &options,
        )
    }

    /// GET /signature?bundle_id=.
    #[wasm_bindgen(js_name = getSignature, unchecked_return_type = "Promise<SignatureLibraries>")]
    pub fn get_signature(
        &self,
        #[wasm_bindgen(js_name = bundleId, unchecked_param_type = "string | { bundleId: string }")]
        bundle_id: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            id_or_object(bundle_id, "bundleId"),
            "bundleId",
            Call::GetSignature,
            &options,
        )
    }

    /// GET /app/{appToken}/channels.
    #[wasm_bindgen(js_name = listChannels, unchecked_return_type = "Promise<ChannelList>")]
    pub fn list_channels(
        &self,
        #[wasm_bindgen(js_name = appToken, unchecked_param_type = "string | { appToken: string }")]
        app_token: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            id_or_object(app_token, "appToken"),
            "appToken",
            Call::ListChannels,
            &options,
        )
    }

    /// GET /status/{ticketToken}.
    #[wasm_bindgen(js_name = getTicketStatus, unchecked_return_type = "Promise<TicketStatus>")]
    pub fn get_ticket_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | { ticketToken: string }")]
        ticket_token: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(
            id_or_object(ticket_token, "ticketToken"),
            "ticketToken",
            Call::GetTicketStatus,
            &options,
        )
    }

    /// POST /app/{appToken}: change name, store id, bundle id or signature hash.
    #[wasm_bindgen(js_name = updateApp, unchecked_return_type = "Promise<UpdateAppResponse>")]
    pub fn update_app(
        &self,
        #[wasm_bindgen(unchecked_param_type = "UpdateApp")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(request, "request", Call::UpdateApp, &options)
    }

    /// POST /signature (needs `signatureToken`).
    #[wasm_bindgen(js_name = generateSignature, unchecked_return_type = "Promise<GenerateSignatureResponse>")]
    pub fn generate_signature(
        &self,
        #[wasm_bindgen(unchecked_param_type = "GenerateSignature")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        self.call(request, "request", Call::GenerateSignature, &options)
    }

    /// Polls a ticket until COMPLETED or FAILED (resolved) or the deadline (rejected with kind
    /// `transport`, `transportKind` `timeout`). `onProgress` sees every status read.
    #[wasm_bindgen(js_name = waitForTicket, unchecked_return_type = "Promise<TicketStatus>")]
    pub fn wait_for_ticket(
        &self,
        #[wasm_bindgen(js_name = ticketToken, unchecked_param_type = "string")]
        ticket_token: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "WaitForTicketOptions")] options: JsValue,
    ) -> Promise {
        let op = (|| {
            let ticket_token = string_arg(&ticket_token, "ticketToken")?;
            let defaults = WaitOptions::default();
            // The deadline may be long; each pause (at most maxIntervalMs) is one JS timer.
            let wait = WaitOptions {
                timeout_ms: prop_whole(&options, "timeoutMs", 1, MAX_SAFE_INTEGER)?
                    .unwrap_or(defaults.timeout_ms),
                initial_interval_ms: prop_whole(&options, "initialIntervalMs", 1, MAX_DELAY_MS)?
                    .unwrap_or(defaults.initial_interval_ms),
                max_interval_ms: prop_whole(&options, "maxIntervalMs", 1, MAX_DELAY_MS)?
                    .unwrap_or(defaults.max_interval_ms),
            };
            let on_progress = prop_function(&options, "onProgress")?;
            Ok(Op::WaitForTicket {
                ticket_token,
                wait,
                on_progress,
            })
        })();
        self.start(op, &options)
    }
}
