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
        parse: Box::new(move |exchange| convert(endpoint.parse_reply(exchange))),
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

/// One operation's call, paginator and collect, by name: the rows of core's declaration
/// (`adkit::admitad_operations!`) expanded into one match each, behind the three exports below.
macro_rules! wasm_admitad {
    (
        unit_calls { $( $(#[doc = $ud:literal])* $un:ident($ur:ident) -> $uo:ty; )* }
        calls { $( $(#[doc = $cd:literal])* $cn:ident($cr:ident) -> $co:ty; )* }
        raw_calls { $( $(#[doc = $rd:literal])* $rn:ident($rr:ident) -> $ro:ty; )* }
        uploads { $( $(#[doc = $pd:literal])* $pn:ident($pr:ident) -> $po:ty; )* }
        lists { $( $(#[doc = $ld:literal])* $ln:ident / $lp:ident / $lc:ident ($lr:ident => $li:ty, $lpage:ident, $lpag:ident); )* }
        raw_lists { $( $(#[doc = $wd:literal])* $wn:ident / $wp:ident / $wc:ident ($wr:ident => $wi:ty, $wpage:ident, $wpag:ident); )* }
    ) => {
        /// The job of operation `op` for a JS request.
        fn job_for(op: &str, request: JsValue) -> Result<Job, JsValue> {
            match op {
                $( stringify!($un) => Ok(job($ur, |r| value(out(r)))), )*
                $( stringify!($cn) => request_of::<$cr>(request).map(|r| job(r, |o| value(out(o)))), )*
                $( stringify!($rn) => request_of::<$rr>(request).map(|r| job(r, |o| value(raw_out(o)))), )*
                $( stringify!($pn) => with_receipt(request, |r: &mut $pr, b| r.receipt.bytes = b).map(|r| job(r, |o| value(out(o)))), )*
                $( stringify!($ln) => request_of::<$lr>(request).map(|r| job(r, typed_page)), )*
                $( stringify!($wn) => request_of::<$wr>(request).map(|r| job(r, raw_page)), )*
                _ => Err(unknown_operation(op)),
            }
        }

        /// The paginator of list `op`.
        fn paginator_for(
            client: &Rc<Core>,
            op: &str,
            request: JsValue,
            extra: Vec<(String, String)>,
        ) -> Result<AdmitadPaginator, JsValue> {
            match op {
                $( stringify!($ln) => Ok(paginator(client, request_of::<$lr>(request)?, typed_page, extra)), )*
                $( stringify!($wn) => Ok(paginator(client, request_of::<$wr>(request)?, raw_page, extra)), )*
                _ => Err(unknown_operation(op)),
            }
        }

        /// Every item of list `op`, under the cap.
        fn collect_for(client: &Rc<Core>, op: &str, request: JsValue, cap: JsValue, options: &JsValue) -> Promise {
            match op {
                $( stringify!($ln) => collect(client, request_of::<$lr>(request), cap, typed_page, options), )*
                $( stringify!($wn) => collect(client, request_of::<$wr>(request), cap, raw_page, options), )*
                _ => Promise::reject(&unknown_operation(op)),
            }
        }

        /// `[name, kind]` of every operation, in declaration order.
        const OPERATIONS: &[(&str, &str)] = &[
            $( (stringify!($un), "unit"), )*
            $( (stringify!($cn), "call"), )*
            $( (stringify!($rn), "call"), )*
            $( (stringify!($pn), "call"), )*
            $( (stringify!($ln), "list"), )*
            $( (stringify!($wn), "list"), )*
        ];
    };
}

adkit::admitad_operations!(wasm_admitad);

/// The named methods' declarations, generated from the same rows (`cargo run -p adkit-codegen`).
#[wasm_bindgen(typescript_custom_section)]
const TS_ADMITAD_METHODS: &str = include_str!("../generated/admitad-methods.d.ts");

fn unknown_operation(op: &str) -> JsValue {
    js_error(&Error::invalid(
        "operation",
        format!("`{op}` is not an Admitad operation"),
    ))
}

#[wasm_bindgen]
impl AdmitadClient {
    /// `[name, kind, method, pagesMethod, collectMethod]` of every operation (`kind` is `unit`, `call` or
    /// `list`; the method names follow core's one rule, `adkit::registry::js_methods`): the package entry
    /// installs a named method for each (`client.balance(request, options)`, and for lists `xxxPages` and
    /// `collectXxx`), all calling the three methods below.
    #[wasm_bindgen(
        unchecked_return_type = "[string, 'unit' | 'call' | 'list', string, string, string][]"
    )]
    pub fn operations() -> Array {
        OPERATIONS
            .iter()
            .map(|(name, kind)| {
                let names = adkit::registry::js_methods(name);
                [*name, *kind, &names.call, &names.pages, &names.collect]
                    .iter()
                    .map(|s| JsValue::from_str(s))
                    .collect::<Array>()
            })
            .collect()
    }

    /// Calls operation `op` (its snake_case name) with a request object (`undefined` for the defaults).
    #[wasm_bindgen(js_name = callOperation, unchecked_return_type = "Promise<any>")]
    pub fn call_operation(
        &self,
        op: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "object")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        call(self.core(), job_for(op, request), &options)
    }

    /// The pages of list `op`, one `nextPage()` at a time (async-iterable from the package entry).
    #[wasm_bindgen(js_name = operationPages)]
    pub fn operation_pages(
        &self,
        op: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "object")] request: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Pick<CallOptions, 'extraQuery'>")] options: JsValue,
    ) -> Result<AdmitadPaginator, JsValue> {
        paginator_for(self.core(), op, request, extra_query_of(&options)?)
    }

    /// Every item of list `op`; rejects (kind `invalid_input`, field `cap`) when there are more than `cap`.
    #[wasm_bindgen(js_name = collectOperation, unchecked_return_type = "Promise<any[]>")]
    pub fn collect_operation(
        &self,
        op: &str,
        #[wasm_bindgen(unchecked_param_type = "object | undefined")] request: JsValue,
        #[wasm_bindgen(unchecked_param_type = "number")] cap: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CallOptions")] options: JsValue,
    ) -> Promise {
        collect_for(self.core(), op, request, cap, &options)
    }
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
