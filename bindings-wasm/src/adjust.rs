//! `AdjustClient` for JS: `new AdjustClient({ apiToken, signatureToken?, baseUrl?, fetch?, timeoutMs?,
//! maxRetries? })`, one async camelCase method per endpoint, and `waitForTicket`.

use adkit::adjust::*;
use adkit::{Error, race};
use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::future_to_promise;
use web_sys::AbortSignal;

use crate::convert::{
    MAX_DELAY_MS, MAX_SAFE_INTEGER, client_options, extra_query_of, js_error, prop_function,
    prop_string, prop_whole, signal_of, string_arg, to_js,
};
use crate::fetch::{FetchTransport, JsTimer, aborted};
use crate::operations::{operation_rows, reply_to_js as out};

macro_rules! adjust_wasm {
    ($($rows:tt)*) => { crate::operations::wasm_operations!("Adjust", AdjustContext; $($rows)*); };
}
adkit::adjust_operations!(adjust_wasm);

type CoreClient = adkit::adjust::AdjustClient<FetchTransport, JsTimer>;

/// A client of Adjust's settings API. The API token is a server-side secret.
#[wasm_bindgen]
pub struct AdjustClient {
    config: AdjustConfig,
    fetch: Option<Function>,
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
        send_call(client.driver(), &client.context(), &call, &extra).await
    };
    race(work, async {
        aborted(signal).await;
        Err(js_error(&Error::Cancelled))
    })
    .await
}

impl AdjustClient {
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

/// The named methods' declarations, generated from the same rows (`cargo run -p adkit-codegen`).
#[wasm_bindgen(typescript_custom_section)]
const TS_ADJUST_METHODS: &str = include_str!("../generated/adjust-methods.d.ts");
