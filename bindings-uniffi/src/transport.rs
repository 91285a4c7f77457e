//! The transport seam: records for one HTTP exchange, the foreign-implementable [`HttpTransport`]
//! trait, the default reqwest implementation, and the bridge to core's `Transport`.

use std::fmt;
use std::sync::Arc;

use adkit::{TransportErrorKind, TransportOptions};

use crate::errors::AdkitError;

/// One header. Printing it (Kotlin `toString()`, Python `str()`/`repr()`, Swift `description`) never
/// shows the value of a credential header (`Authorization`, `AdjustAuthorization`, `Cookie`, ...):
/// read [`HttpHeader::value`] to send it.
#[derive(Clone, PartialEq, Eq, uniffi::Object)]
#[uniffi::export(Debug, Display, Eq)]
pub struct HttpHeader {
    name: String,
    value: String,
}

#[uniffi::export]
impl HttpHeader {
    /// A header.
    #[uniffi::constructor]
    pub fn new(name: String, value: String) -> Arc<Self> {
        Arc::new(HttpHeader { name, value })
    }

    /// The name.
    pub fn name(&self) -> String {
        self.name.clone()
    }

    /// The value (for a credential header, a secret: send it, never log it).
    pub fn value(&self) -> String {
        self.value.clone()
    }
}

impl HttpHeader {
    pub(crate) fn name_str(&self) -> &str {
        &self.name
    }

    pub(crate) fn value_str(&self) -> &str {
        &self.value
    }

    /// The value as printed: credential values redacted.
    fn shown_value(&self) -> &str {
        if adkit::is_credential_header(&self.name) {
            "<redacted>"
        } else {
            &self.value
        }
    }
}

impl fmt::Display for HttpHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.shown_value())
    }
}

impl fmt::Debug for HttpHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpHeader({self})")
    }
}

fn headers_of(pairs: Vec<(String, String)>) -> Vec<Arc<HttpHeader>> {
    pairs
        .into_iter()
        .map(|(name, value)| Arc::new(HttpHeader { name, value }))
        .collect()
}

fn pairs_of(headers: &[Arc<HttpHeader>]) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|h| (h.name.clone(), h.value.clone()))
        .collect()
}

/// Headers as printed: `[name: value, name: <redacted>]`.
struct ShownHeaders<'a>(&'a [Arc<HttpHeader>]);

impl fmt::Display for ShownHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, h) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{h}")?;
        }
        f.write_str("]")
    }
}

/// A request for an [`HttpTransport`] to send. Do not follow redirects; give up after `timeout_ms`
/// (the whole exchange, body included) and past `max_response_bytes` of body (while reading it, not
/// after). Printing it never shows a credential header's value or the body (which may hold a client
/// secret or a refresh token): only its size.
#[derive(Clone, uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct HttpRequest {
    method: String,
    url: String,
    headers: Vec<Arc<HttpHeader>>,
    body: Vec<u8>,
    timeout_ms: u64,
    max_response_bytes: u64,
}

#[uniffi::export]
impl HttpRequest {
    /// A request (adkit builds them; this is for testing a transport on its own).
    #[uniffi::constructor]
    pub fn new(
        method: String,
        url: String,
        headers: Vec<Arc<HttpHeader>>,
        body: Vec<u8>,
        timeout_ms: u64,
        max_response_bytes: u64,
    ) -> Arc<Self> {
        Arc::new(HttpRequest {
            method,
            url,
            headers,
            body,
            timeout_ms,
            max_response_bytes,
        })
    }

    /// `GET`, `POST`, ...
    pub fn method(&self) -> String {
        self.method.clone()
    }

    /// Absolute URL.
    pub fn url(&self) -> String {
        self.url.clone()
    }

    /// Headers in order (credential values are secrets: send them, never log them).
    pub fn headers(&self) -> Vec<Arc<HttpHeader>> {
        self.headers.clone()
    }

    /// Body bytes (empty for none).
    pub fn body(&self) -> Vec<u8> {
        self.body.clone()
    }

    /// The time allowed for the whole exchange, body included, in milliseconds (adkit always sets
    /// one; 0 would mean none).
    pub fn timeout_ms(&self) -> u64 {
        self.timeout_ms
    }

    /// Fail with [`TransportError::BodyTooLarge`] as soon as the body exceeds this many bytes (or
    /// `Content-Length` announces more).
    pub fn max_response_bytes(&self) -> u64 {
        self.max_response_bytes
    }
}

impl fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} <{} bytes> (timeout {} ms, max {} bytes)",
            self.method,
            self.url,
            ShownHeaders(&self.headers),
            self.body.len(),
            self.timeout_ms,
            self.max_response_bytes
        )
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpRequest({self})")
    }
}

/// A response, whatever its status. Printing it shows the headers (credential values redacted) and
/// the body's size, never the body (a token response holds tokens).
#[derive(Clone, uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct HttpResponse {
    status: u16,
    headers: Vec<Arc<HttpHeader>>,
    body: Vec<u8>,
}

#[uniffi::export]
impl HttpResponse {
    /// A response: status, headers in order, body bytes.
    #[uniffi::constructor]
    pub fn new(status: u16, headers: Vec<Arc<HttpHeader>>, body: Vec<u8>) -> Arc<Self> {
        Arc::new(HttpResponse {
            status,
            headers,
            body,
        })
    }

    /// Status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Headers.
    pub fn headers(&self) -> Vec<Arc<HttpHeader>> {
        self.headers.clone()
    }

    /// Body bytes.
    pub fn body(&self) -> Vec<u8> {
        self.body.clone()
    }
}

impl fmt::Display for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HTTP {} {} <{} bytes>",
            self.status,
            ShownHeaders(&self.headers),
            self.body.len()
        )
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HttpResponse({self})")
    }
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
/// [`default_transport`] is the built-in one. Report failures as [`TransportError`]: `Connect` only
/// when nothing was sent (it is always retried), `Timeout` past [`HttpRequest::timeout_ms`],
/// `BodyTooLarge` past [`HttpRequest::max_response_bytes`], `Other` for the rest (a reset or a body
/// cut short).
#[uniffi::export(with_foreign)]
#[async_trait::async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends `request` and returns the response of any status.
    async fn send(&self, request: Arc<HttpRequest>) -> Result<Arc<HttpResponse>, TransportError>;
}

struct NativeTransport(adkit::native::ReqwestTransport);

#[async_trait::async_trait]
impl HttpTransport for NativeTransport {
    async fn send(&self, request: Arc<HttpRequest>) -> Result<Arc<HttpResponse>, TransportError> {
        let options = TransportOptions {
            timeout: (request.timeout_ms > 0)
                .then(|| std::time::Duration::from_millis(request.timeout_ms)),
            // Past usize::MAX no body fits in memory anyway: the cap cannot be reached.
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
            url: request.url.clone(),
            headers: pairs_of(&request.headers),
            body: request.body.clone(),
        };
        match adkit::Transport::send(&self.0, core, options).await {
            Ok(r) => Ok(Arc::new(HttpResponse {
                status: r.status,
                headers: headers_of(r.headers),
                body: r.body,
            })),
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
        let ffi = Arc::new(HttpRequest {
            method: request.method.as_str().to_owned(),
            url: request.url,
            headers: headers_of(request.headers),
            body: request.body,
            // The driver always sets a timeout; 0 would mean none.
            timeout_ms: options
                .timeout
                .map_or(0, |t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX)),
            max_response_bytes: u64::try_from(options.max_response_bytes).unwrap_or(u64::MAX),
        });
        match self.0.send(ffi).await {
            Ok(r) => {
                let r = Arc::unwrap_or_clone(r);
                Ok(adkit::HttpResponse {
                    status: r.status,
                    headers: pairs_of(&r.headers),
                    body: r.body,
                })
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printing_never_shows_a_credential_or_a_body() {
        let headers = vec![
            HttpHeader::new("AdjustAuthorization".into(), "Token adj_secret".into()),
            HttpHeader::new("authorization".into(), "Basic c2VjcmV0".into()),
            HttpHeader::new("accept".into(), "application/json".into()),
        ];
        let body = b"client_secret=s3cr3t&refresh_token=r3fr3sh".to_vec();
        let request = HttpRequest::new(
            "POST".into(),
            "https://api.example/token/".into(),
            headers.clone(),
            body.clone(),
            1000,
            64,
        );
        let response = HttpResponse::new(200, headers, body);
        for text in [
            request.to_string(),
            format!("{request:?}"),
            response.to_string(),
            format!("{response:?}"),
        ] {
            for secret in ["adj_secret", "c2VjcmV0", "s3cr3t", "r3fr3sh"] {
                assert!(!text.contains(secret), "{text}");
            }
            assert!(text.contains("application/json"), "{text}");
        }
        assert_eq!(request.headers()[0].value(), "Token adj_secret");
    }
}
