//! The native transport (reqwest with rustls/ring, no redirects of its own) and a tokio timer. Both
//! work under any executor: when no tokio runtime is current they run on a private one.

use std::sync::OnceLock;
use std::time::Duration;

use tokio::runtime::{Handle, Runtime};

use crate::error::{Error, TransportErrorKind};
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{Timer, Transport, TransportError, TransportOptions};

fn runtime_handle() -> Result<Handle, TransportError> {
    if let Ok(handle) = Handle::try_current() {
        return Ok(handle);
    }
    static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();
    let rt = RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("adkit-io")
            .enable_all()
            .build()
            .map_err(|e| e.to_string())
    });
    match rt {
        Ok(rt) => Ok(rt.handle().clone()),
        Err(e) => Err(TransportError::new(
            TransportErrorKind::Other,
            format!("cannot start the I/O runtime: {e}"),
        )),
    }
}

/// Aborts a spawned task when the future waiting for it is dropped.
struct AbortOnDrop(tokio::task::AbortHandle);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// HTTP over reqwest. Redirects are left to the driver.
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with rustls (ring provider), no proxy sniffing surprises and no redirects.
    pub fn new() -> Result<Self, Error> {
        // Installing twice is harmless; another provider installed by the host app wins.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Transport {
                kind: TransportErrorKind::Other,
                message: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(ReqwestTransport { client })
    }

    /// A transport around a reqwest client the caller configured (turn its redirects off).
    pub fn with_client(client: reqwest::Client) -> Self {
        ReqwestTransport { client }
    }
}

fn classify(e: &reqwest::Error) -> TransportError {
    let kind = if e.is_timeout() {
        TransportErrorKind::Timeout
    } else if e.is_connect() {
        TransportErrorKind::Connect
    } else {
        TransportErrorKind::Other
    };
    // reqwest's message names the URL but never headers, so no credential leaks here.
    TransportError::new(kind, e.to_string())
}

async fn exchange(
    client: reqwest::Client,
    request: HttpRequest,
    options: TransportOptions,
) -> Result<HttpResponse, TransportError> {
    let method = reqwest::Method::from_bytes(request.method.as_str().as_bytes())
        .map_err(|e| TransportError::new(TransportErrorKind::Other, e.to_string()))?;
    let mut builder = client.request(method, request.url.as_str());
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    if !request.body.is_empty() {
        builder = builder.body(request.body);
    }
    // No reqwest timeout of its own: the driver's deadline races the whole exchange, body included.
    let mut response = builder.send().await.map_err(|e| classify(&e))?;
    let too_large = || {
        TransportError::new(
            TransportErrorKind::BodyTooLarge,
            format!("response body exceeds {} bytes", options.max_response_bytes),
        )
    };
    if response
        .content_length()
        .is_some_and(|n| n > options.max_response_bytes as u64)
    {
        return Err(too_large());
    }
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| {
            (
                n.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e))? {
        if body.len() + chunk.len() > options.max_response_bytes {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    Ok(HttpResponse {
        status,
        headers,
        body,
    })
}

impl Transport for ReqwestTransport {
    async fn send(
        &self,
        request: HttpRequest,
        options: TransportOptions,
    ) -> Result<HttpResponse, TransportError> {
        // A task of its own on the current runtime (so many calls in flight from one task still use
        // every worker thread), or on the private runtime under another executor.
        let handle = runtime_handle()?;
        let task = handle.spawn(exchange(self.client.clone(), request, options));
        // A caller that stops waiting (a cancelled coroutine, a lost timeout race) aborts the request.
        let _abort = AbortOnDrop(task.abort_handle());
        task.await.map_err(|e| {
            TransportError::new(TransportErrorKind::Other, format!("I/O task failed: {e}"))
        })?
    }
}

/// Sleep on tokio's timer (on the current runtime, or the private one) and the system clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokioTimer;

impl Timer for TokioTimer {
    async fn sleep(&self, duration: Duration) {
        // No runtime means no transport either: the call then fails without waiting, rather than
        // blocking the caller's executor thread.
        if Handle::try_current().is_ok() {
            tokio::time::sleep(duration).await;
        } else if let Ok(handle) = runtime_handle() {
            // Created inside the task: `tokio::time::sleep` needs the runtime context when it is built.
            let task = handle.spawn(async move { tokio::time::sleep(duration).await });
            let _abort = AbortOnDrop(task.abort_handle());
            let _ = task.await;
        }
    }

    fn now_unix_ms(&self) -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or(0)
    }
}
