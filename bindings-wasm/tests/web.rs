//! wasm-bindgen-test suite, run in Node and in headless Chromium against the sandbox (whose URL is
//! baked in at compile time from `ADKIT_SANDBOX_URL`). Exercises the JS-facing API: real `fetch`,
//! CORS preflights in the browser, typed `Error`s, `AbortSignal`.
#![cfg(all(target_arch = "wasm32", feature = "adjust"))]

use adkit_wasm::AdjustClient;
use js_sys::{Array, JSON, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const SANDBOX: &str = match option_env!("ADKIT_SANDBOX_URL") {
    Some(url) => url,
    None => "http://127.0.0.1:9",
};

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn in_browser() -> bool {
    Reflect::has(&js_sys::global(), &"document".into()).unwrap_or(false)
}

fn unique(name: &str) -> String {
    format!("adj_wasm_{name}_{}", (js_sys::Math::random() * 1e9) as u64)
}

fn client(token: &str) -> AdjustClient {
    let options = obj(&format!(
        r#"{{"apiToken":"{token}","signatureToken":"sig_wasm","baseUrl":"{SANDBOX}/adjust/api/"}}"#
    ));
    AdjustClient::new(options).expect("client")
}

async fn ok(p: Promise) -> JsValue {
    match JsFuture::from(p).await {
        Ok(v) => v,
        Err(e) => panic!("rejected: {:?}", get(&e, "message")),
    }
}

async fn err(p: Promise) -> JsValue {
    match JsFuture::from(p).await {
        Ok(v) => panic!("expected a rejection, got {:?}", JSON::stringify(&v)),
        Err(e) => e,
    }
}

#[wasm_bindgen_test]
async fn endpoints_round_trip_through_fetch() {
    let c = client(&unique("rt"));
    let created = ok(c.call_operation("create_app", Array::of1(&obj(r#"{"storeId":"com.example.wasm","platform":"android","name":"Wasm","bundleId":"com.example.wasm"}"#)), JsValue::UNDEFINED)).await;
    let app = get(&created, "adjustAppToken");
    assert_eq!(app.as_string().map(|s| s.len()), Some(12));
    assert!(
        get(&created, "requestId")
            .as_string()
            .unwrap()
            .starts_with("sbx-"),
        "x-request-id is exposed to scripts"
    );
    let details = ok(c.call_operation("get_app", Array::of1(&app), JsValue::UNDEFINED)).await;
    assert_eq!(get(&details, "name").as_string().as_deref(), Some("Wasm"));
    let ticket = get(&created, "ticketToken").as_string().unwrap();
    let done = ok(c.wait_for_ticket(
        ticket.into(),
        obj(r#"{"timeoutMs":10000,"initialIntervalMs":5,"maxIntervalMs":20}"#),
    ))
    .await;
    assert_eq!(
        get(&done, "status").as_string().as_deref(),
        Some("COMPLETED")
    );
    let channels =
        ok(c.call_operation("list_channels", Array::of1(&app), JsValue::UNDEFINED)).await;
    assert_eq!(
        JSON::stringify(&get(&channels, "channels")).unwrap(),
        "[\"organic\"]"
    );

    // GET /app?store_id= answers with a redirect: followed in Node; hidden from scripts in a browser.
    let found = JsFuture::from(c.call_operation(
        "find_app",
        Array::of2(&"com.example.wasm".into(), &"android".into()),
        JsValue::UNDEFINED,
    ))
    .await;
    if in_browser() {
        let e = found.expect_err("browsers hide redirects");
        assert_eq!(get(&e, "kind").as_string().as_deref(), Some("transport"));
        assert_eq!(
            get(&e, "transportKind").as_string().as_deref(),
            Some("redirect")
        );
    } else {
        let found = found.expect("node follows the redirect");
        assert_eq!(get(&found, "name").as_string().as_deref(), Some("Wasm"));
    }
}

#[wasm_bindgen_test]
async fn errors_are_typed_js_errors() {
    let e = err(client("wrong").call_operation(
        "get_app",
        Array::of1(&"abcdefabcdef".into()),
        JsValue::UNDEFINED,
    ))
    .await;
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&e, "name").as_string().as_deref(), Some("AdkitError"));
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("auth"));
    assert_eq!(get(&e, "status").as_f64(), Some(401.0));

    let c = client(&unique("err"));
    let e = err(c.call_operation("get_app", Array::of1(&"../x".into()), JsValue::UNDEFINED)).await;
    assert_eq!(
        get(&e, "kind").as_string().as_deref(),
        Some("invalid_input")
    );
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("appToken"));
    let e = err(c.call_operation(
        "create_app",
        Array::of1(&obj(
            r#"{"storeId":"x","platform":"windows","name":"n","bundleId":"x"}"#,
        )),
        JsValue::UNDEFINED,
    ))
    .await;
    assert_eq!(get(&e, "field").as_string().as_deref(), Some("platform"));
    assert!(AdjustClient::new(obj(r#"{"apiToken":""}"#)).is_err());
}

#[wasm_bindgen_test]
async fn abort_signal_cancels() {
    let c = client(&unique("abort"));
    let controller = web_sys::AbortController::new().unwrap();
    controller.abort();
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &"signal".into(),
        controller.signal().unchecked_ref(),
    )
    .unwrap();
    let e = err(c.call_operation(
        "get_app",
        Array::of1(&"abcdefabcdef".into()),
        options.into(),
    ))
    .await;
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("cancelled"));
}

/// Queues faults for a credential through the sandbox's control API.
async fn queue_faults(key: &str, faults: &str) {
    let fetch: js_sys::Function = get(&js_sys::global(), "fetch").unchecked_into();
    let init = obj(r#"{"method":"POST","headers":{"content-type":"application/json"}}"#);
    Reflect::set(
        &init,
        &"body".into(),
        &format!(r#"{{"key":"{key}","faults":{faults}}}"#).into(),
    )
    .unwrap();
    let url = JsValue::from(format!("{SANDBOX}/__sandbox/faults"));
    let response = ok(fetch
        .call2(&JsValue::UNDEFINED, &url, &init)
        .unwrap()
        .unchecked_into())
    .await;
    assert_eq!(get(&response, "status").as_f64(), Some(200.0));
}

#[wasm_bindgen_test]
async fn bodies_over_the_cap_are_refused_with_or_without_content_length() {
    let token = unique("cap");
    let c = client(&token);
    for chunked in [false, true] {
        queue_faults(
            &token,
            &format!(r#"[{{"oversized_bytes":17825792,"chunked":{chunked}}}]"#),
        )
        .await;
        let e = err(c.call_operation(
            "get_app",
            Array::of1(&"abcdefabcdef".into()),
            JsValue::UNDEFINED,
        ))
        .await;
        assert_eq!(get(&e, "kind").as_string().as_deref(), Some("transport"));
        assert_eq!(
            get(&e, "transportKind").as_string().as_deref(),
            Some("body_too_large"),
            "chunked: {chunked}"
        );
    }
    // The client still works afterwards.
    let e = err(c.call_operation(
        "get_app",
        Array::of1(&"abcdefabcdef".into()),
        JsValue::UNDEFINED,
    ))
    .await;
    assert_eq!(get(&e, "kind").as_string().as_deref(), Some("not_found"));
}

#[wasm_bindgen_test]
async fn numbers_from_js_are_range_checked() {
    for bad in ["-1", "4294967297", "1.5", "0"] {
        let options = obj(&format!(
            r#"{{"apiToken":"adj_x","baseUrl":"{SANDBOX}/adjust/api/","timeoutMs":{bad}}}"#
        ));
        let e = AdjustClient::new(options).err().expect("refused");
        assert_eq!(
            get(&e, "kind").as_string().as_deref(),
            Some("invalid_input")
        );
        assert_eq!(get(&e, "field").as_string().as_deref(), Some("timeoutMs"));
    }
}
