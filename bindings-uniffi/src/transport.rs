//! The transport seam: records for one HTTP exchange, the foreign-implementable [`HttpTransport`]
//! trait, the default reqwest implementation, and the bridge to core's `Transport`.

use std::sync::Arc;

use adkit::{TransportErrorKind, TransportOptions};

use crate::errors::AdkitError;

/// One header.
#[derive(Clone, Debug, uniffi::Record)]
pub struct HttpHeader {
    /// Name.
    pub name: String,
    /// Value.
    pub value: String,
}

/// A request to send. Do not follow redirects; honour `timeout_ms` and `max_response_bytes`.
#[derive(Clone, uniffi::Record)]
pub struct HttpRequest {
    /// `GET`, `POST`, ...
    pub method: String,
    /// Absolute URL.
    pub url: String,
    /// Headers in order (may carry credentials: never log them).
    pub headers: Vec<HttpHeader>,
    /// Body bytes (empty for none).
    pub body: Vec<u8>,
    /// Per-attempt timeout.
    pub timeout_ms: u64,
    /// Give up past this many response body bytes.
    pub max_response_bytes: u64,
}

/// A response, whatever its status.
#[derive(Clone, Debug, uniffi::Record)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: Vec<HttpHeader>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// How a transport failed.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum TransportError {
    /// No response within the timeout.
    #[error("timeout: {detail}")]
    Timeout {
        /// Description.
        detail: String,
    },
    /// No connection (nothing was sent).
    #[error("connect: {detail}")]
    Connect {
        /// Description.
        detail: String,
    },
    /// The body exceeded `max_response_bytes`.
    #[error("body too large: {detail}")]
    BodyTooLarge {
        /// Description.
        detail: String,
    },
    /// The caller cancelled.
    #[error("cancelled")]
    Cancelled,
    /// Anything else.
    #[error("{detail}")]
    Other {
        /// Description.
        detail: String,
    },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for TransportError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        TransportError::Other {
            detail: format!("transport callback failed: {}", e.reason),
        }
    }
}

/// Sends one HTTP exchange. Implement it in Kotlin, Swift or Python to use the app's own HTTP stack;
/// [`default_transport`] is the built-in one.
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends `request` and returns the response of any status.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

struct NativeTransport(adkit::native::ReqwestTransport);

#[async_trait::async_trait]
impl HttpTransport for NativeTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let options = TransportOptions {
            timeout: Some(std::time::Duration::from_millis(request.timeout_ms)),
            max_response_bytes: usize::try_from(request.max_response_bytes).unwrap_or(usize::MAX),
        };
        let method = match request.method.as_str() {
            "GET" => adkit::Method::Get,
            "POST" => adkit::Method::Post,
            "PUT" => adkit::Method::Put,
            "PATCH" => adkit::Method::Patch,
            "DELETE" => adkit::Method::Delete,
            other => {
                return Err(TransportError::Other {
                    detail: format!("unsupported method {other}"),
                });
            }
        };
        let core = adkit::HttpRequest {
            method,
            url: request.url,
            headers: request
                .headers
                .into_iter()
                .map(|h| (h.name, h.value))
                .collect(),
            body: request.body,
        };
        match adkit::Transport::send(&self.0, core, options).await {
            Ok(r) => Ok(HttpResponse {
                status: r.status,
                headers: r
                    .headers
                    .into_iter()
                    .map(|(name, value)| HttpHeader { name, value })
                    .collect(),
                body: r.body,
            }),
            Err(e) if e.cancelled => Err(TransportError::Cancelled),
            Err(e) => Err(match e.kind {
                TransportErrorKind::Timeout => TransportError::Timeout { detail: e.message },
                TransportErrorKind::Connect => TransportError::Connect { detail: e.message },
                TransportErrorKind::BodyTooLarge => {
                    TransportError::BodyTooLarge { detail: e.message }
                }
                _ => TransportError::Other { detail: e.message },
            }),
        }
    }
}

pub(crate) fn native_transport() -> Result<Arc<dyn HttpTransport>, AdkitError> {
    let t = adkit::native::ReqwestTransport::new().map_err(AdkitError::from)?;
    Ok(Arc::new(NativeTransport(t)))
}

/// The built-in transport (reqwest, rustls).
#[uniffi::export]
pub fn default_transport() -> Result<Arc<dyn HttpTransport>, AdkitError> {
    native_transport()
}

/// Core's `Transport` over any [`HttpTransport`].
#[derive(Clone)]
pub(crate) struct Bridge(pub Arc<dyn HttpTransport>);

impl adkit::Transport for Bridge {
    async fn send(
        &self,
        request: adkit::HttpRequest,
        options: TransportOptions,
    ) -> Result<adkit::HttpResponse, adkit::TransportError> {
        let ffi = HttpRequest {
            method: request.method.as_str().to_owned(),
            url: request.url,
            headers: request
                .headers
                .into_iter()
                .map(|(name, value)| HttpHeader { name, value })
                .collect(),
            body: request.body,
            timeout_ms: options.timeout.map(|t| t.as_millis() as u64).unwrap_or(0),
            max_response_bytes: options.max_response_bytes as u64,
        };
        match self.0.send(ffi).await {
            Ok(r) => Ok(adkit::HttpResponse {
                status: r.status,
                headers: r.headers.into_iter().map(|h| (h.name, h.value)).collect(),
                body: r.body,
            }),
            Err(TransportError::Cancelled) => Err(adkit::TransportError::cancelled()),
            Err(e) => {
                let kind = match &e {
                    TransportError::Timeout { .. } => TransportErrorKind::Timeout,
                    TransportError::Connect { .. } => TransportErrorKind::Connect,
                    TransportError::BodyTooLarge { .. } => TransportErrorKind::BodyTooLarge,
                    _ => TransportErrorKind::Other,
                };
                Err(adkit::TransportError::new(kind, e.to_string()))
            }
        }
    }
}
