//! Plain owned HTTP records: what an endpoint builds and what a transport returns.

use std::fmt;

/// An HTTP method used by the vendors' APIs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as it appears on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Header names that carry credentials. Their values are redacted in `Debug` output and they are never
/// sent to an origin other than the one the request was built for.
const CREDENTIAL_HEADERS: &[&str] = &[
    "authorization",
    "adjustauthorization",
    "signatureauthorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
];

/// Whether a header (name compared case-insensitively) carries a credential.
pub fn is_credential_header(name: &str) -> bool {
    CREDENTIAL_HEADERS
        .iter()
        .any(|h| h.eq_ignore_ascii_case(name))
}

/// A request ready to be sent: method, absolute URL, headers in order, body bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The method.
    pub method: Method,
    /// The absolute URL, query included.
    pub url: String,
    /// Header name/value pairs, in the order they are sent.
    pub headers: Vec<(String, String)>,
    /// The body (empty for none).
    pub body: Vec<u8>,
}

impl HttpRequest {
    /// A request without headers or body.
    pub fn new(method: Method, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// The first value of a header, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Sets a header, replacing any value of the same name.
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.into()));
    }

    /// Removes every credential header (see [`is_credential_header`]).
    pub fn strip_credentials(&mut self) {
        self.headers.retain(|(n, _)| !is_credential_header(n));
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body", &BodyPreview(&self.body))
            .finish()
    }
}

/// A response as a transport received it.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Header name/value pairs.
    pub headers: Vec<(String, String)>,
    /// The body bytes.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// A response with a status and body and no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// The first value of a header, compared case-insensitively.
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body", &BodyPreview(&self.body))
            .finish()
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

struct RedactedHeaders<'a>(&'a [(String, String)]);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut list = f.debug_list();
        for (name, value) in self.0 {
            if is_credential_header(name) {
                list.entry(&(name.as_str(), "<redacted>"));
            } else {
                list.entry(&(name.as_str(), value.as_str()));
            }
        }
        list.finish()
    }
}

struct BodyPreview<'a>(&'a [u8]);

impl fmt::Debug for BodyPreview<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Bodies may hold secrets (an Admitad client secret in a refresh body, a partner password), so
        // Debug shows only the size.
        write!(f, "<{} bytes>", self.0.len())
    }
}

impl TryFrom<HttpRequest> for http::Request<Vec<u8>> {
    type Error = http::Error;

    fn try_from(req: HttpRequest) -> Result<Self, Self::Error> {
        let mut builder = http::Request::builder()
            .method(req.method.as_str())
            .uri(req.url.as_str());
        for (name, value) in &req.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder.body(req.body)
    }
}

impl TryFrom<http::Request<Vec<u8>>> for HttpRequest {
    type Error = crate::Error;

    /// Takes a request built with the `http` crate (methods other than GET, POST, PUT, PATCH and
    /// DELETE, and non-UTF-8 header values, are refused).
    fn try_from(req: http::Request<Vec<u8>>) -> Result<Self, Self::Error> {
        let (parts, body) = req.into_parts();
        let method = match parts.method.as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            other => {
                return Err(crate::Error::invalid(
                    "method",
                    format!("unsupported method {other}"),
                ));
            }
        };
        let mut headers = Vec::with_capacity(parts.headers.len());
        for (name, value) in &parts.headers {
            let value = value.to_str().map_err(|_| {
                crate::Error::invalid(name.as_str(), "header value is not visible ASCII")
            })?;
            headers.push((name.as_str().to_owned(), value.to_owned()));
        }
        Ok(HttpRequest {
            method,
            url: parts.uri.to_string(),
            headers,
            body,
        })
    }
}

impl From<http::Response<Vec<u8>>> for HttpResponse {
    fn from(resp: http::Response<Vec<u8>>) -> Self {
        let (parts, body) = resp.into_parts();
        let headers = parts
            .headers
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        HttpResponse {
            status: parts.status.as_u16(),
            headers,
            body,
        }
    }
}

impl TryFrom<HttpResponse> for http::Response<Vec<u8>> {
    type Error = http::Error;

    fn try_from(resp: HttpResponse) -> Result<Self, Self::Error> {
        let mut builder = http::Response::builder().status(resp.status);
        for (name, value) in &resp.headers {
            builder = builder.header(name.as_str(), value.as_str());
        }
        builder.body(resp.body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_redacts_credential_headers_and_bodies() {
        let mut req = HttpRequest::new(Method::Post, "https://settings.adjust.com/api/app");
        req.set_header("AdjustAuthorization", "Token s3cr3t-token");
        req.set_header("SignatureAuthorization", "Token sig-s3cr3t");
        req.set_header("Content-Type", "application/json");
        req.body = br#"{"password":"hunter2"}"#.to_vec();
        let dbg = format!("{req:?}");
        assert!(!dbg.contains("s3cr3t"), "{dbg}");
        assert!(!dbg.contains("hunter2"), "{dbg}");
        assert!(dbg.contains("application/json"));
        assert!(dbg.contains("<redacted>"));
    }

    #[test]
    fn response_debug_redacts_set_cookie() {
        let resp = HttpResponse::new(200, "{}")
            .with_header("Set-Cookie", "session=SESSION-S3CRET; HttpOnly")
            .with_header("x-request-id", "r1");
        let dbg = format!("{resp:?}");
        assert!(!dbg.contains("SESSION-S3CRET"), "{dbg}");
        assert!(dbg.contains("r1"));
    }

    #[test]
    fn converts_to_and_from_http_crate() {
        let mut req = HttpRequest::new(Method::Get, "https://example.com/a?b=c");
        req.set_header("accept", "application/json");
        let h: http::Request<Vec<u8>> = req.try_into().unwrap();
        assert_eq!(h.method(), http::Method::GET);
        assert_eq!(h.uri().query(), Some("b=c"));
        assert_eq!(h.headers()["accept"], "application/json");

        let resp = http::Response::builder()
            .status(201)
            .header("x-request-id", "r1")
            .body(b"{}".to_vec())
            .unwrap();
        let ours = HttpResponse::from(resp);
        assert_eq!(ours.status, 201);
        assert_eq!(ours.header("X-Request-Id"), Some("r1"));
        let back: http::Response<Vec<u8>> = ours.try_into().unwrap();
        assert_eq!(back.status(), 201);

        let h = http::Request::builder()
            .method("POST")
            .uri("https://x.test/p?q=1")
            .header("a", "b")
            .body(b"hi".to_vec())
            .unwrap();
        let ours = HttpRequest::try_from(h).unwrap();
        assert_eq!(
            (
                ours.method,
                ours.url.as_str(),
                ours.header("A"),
                ours.body.as_slice()
            ),
            (Method::Post, "https://x.test/p?q=1", Some("b"), &b"hi"[..])
        );
        let head = http::Request::builder()
            .method("HEAD")
            .uri("https://x.test/")
            .body(Vec::new())
            .unwrap();
        assert!(HttpRequest::try_from(head).is_err());
    }

    #[test]
    fn set_header_replaces_case_insensitively() {
        let mut req = HttpRequest::new(Method::Get, "https://x.test/");
        req.set_header("Accept", "a");
        req.set_header("accept", "b");
        assert_eq!(req.headers, vec![("accept".to_owned(), "b".to_owned())]);
        req.set_header("Authorization", "x");
        req.strip_credentials();
        assert_eq!(req.headers.len(), 1);
    }
}
