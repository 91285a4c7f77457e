//! OAuth 2.0 against Admitad: the authorization URL with a CSPRNG `state`, the
//! callback check (constant-time `state`), the three token grants byte for byte, the token response
//! with an absolute expiry, and `signed_request` verification.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::errors::error_from_exchange;
use super::scopes::{Scope, check_scopes, join_scopes};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::{Error, ResponseDetails, Vendor};
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::secret::Secret;
use crate::validate;
use crate::weburl::WebUrl;

/// The state Admitad echoes back: 32 lowercase hex characters from the OS CSPRNG.
pub fn new_state() -> Result<String, Error> {
    let mut b = [0u8; 16];
    crate::random::fill(&mut b)?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Refuses a `redirect_uri` that is not an absolute https URL (http only for loopback hosts).
pub fn check_redirect_uri(uri: &str) -> Result<(), Error> {
    let url = WebUrl::parse(uri).map_err(|e| Error::invalid("redirect_uri", e))?;
    if !(url.is_https() || url.is_loopback()) {
        return Err(Error::invalid(
            "redirect_uri",
            "must be an absolute https URL (plain http only for loopback hosts)",
        ));
    }
    Ok(())
}

/// The authorization dialogue URL and the `state` to remember until the callback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AuthorizationUrl {
    /// Where to send the user's browser.
    pub url: String,
    /// The `state` in the URL; pass it to [`parse_callback`].
    pub state: String,
}

/// Builds `https://api.admitad.com/authorize/?client_id=…&redirect_uri=…&scope=…&response_type=code&state=…`
/// (scopes space-separated, form-encoded). A `state` is drawn from the CSPRNG.
pub fn authorization_url(
    base_url: &WebUrl,
    client_id: &str,
    redirect_uri: &str,
    scopes: &[Scope],
) -> Result<AuthorizationUrl, Error> {
    validate::required("client_id", client_id)?;
    check_redirect_uri(redirect_uri)?;
    check_scopes(scopes)?;
    let state = new_state()?;
    let scope = join_scopes(scopes);
    let url = base_url.endpoint(
        &["authorize", ""],
        &[
            ("client_id", client_id),
            ("redirect_uri", redirect_uri),
            ("scope", &scope),
            ("response_type", "code"),
            ("state", &state),
        ],
    );
    let url = url.to_string();
    if url.len() > crate::driver::MAX_URL_BYTES {
        return Err(Error::invalid(
            "redirect_uri",
            format!(
                "the authorization URL would be {} bytes long, more than {}",
                url.len(),
                crate::driver::MAX_URL_BYTES
            ),
        ));
    }
    Ok(AuthorizationUrl { url, state })
}

/// Reads the redirect back from Admitad (a full URL or just its query): checks `state` in constant
/// time (missing or different: [`Error::Verification`]), turns `error`/`error_description` into an
/// [`Error::Auth`] (status 302: the answer came as a redirect), and returns the `code`.
pub fn parse_callback(callback: &str, expected_state: &str) -> Result<String, Error> {
    let query = match callback.split_once('?') {
        Some((_, q)) => q,
        None => callback,
    };
    let query = query.split('#').next().unwrap_or_default();
    let (mut state, mut code, mut error, mut description) = (None, None, None, None);
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "state" => state = Some(v.into_owned()),
            "code" => code = Some(v.into_owned()),
            "error" => error = Some(v.into_owned()),
            "error_description" => description = Some(v.into_owned()),
            _ => {}
        }
    }
    let state = state.ok_or_else(|| Error::Verification {
        reason: "the callback has no state".into(),
    })?;
    let matches = state.len() == expected_state.len()
        && bool::from(state.as_bytes().ct_eq(expected_state.as_bytes()));
    if expected_state.is_empty() || !matches {
        return Err(Error::Verification {
            reason: "the callback's state does not match the one sent".into(),
        });
    }
    if let Some(error) = error {
        let mut d = ResponseDetails::new(Vendor::Admitad, 302, query.as_bytes());
        d.message = description.unwrap_or_else(|| error.clone());
        d.code = Some(error);
        return Err(Error::Auth(Box::new(d)));
    }
    code.filter(|c| !c.is_empty())
        .ok_or_else(|| Error::Verification {
            reason: "the callback has neither code nor error".into(),
        })
}

fn basic(client_id: &str, client_secret: &Secret) -> String {
    format!(
        "Basic {}",
        STANDARD.encode(format!("{client_id}:{}", client_secret.expose()))
    )
}

fn token_request(base_url: &WebUrl, body: &[(&str, &str)]) -> HttpRequest {
    let url = base_url.endpoint(&["token", ""], &[]);
    let mut req = HttpRequest::new(Method::Post, url.to_string());
    req.set_header("Accept", "application/json");
    req.set_header(
        "Content-Type",
        "application/x-www-form-urlencoded;charset=UTF-8",
    );
    req.body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(body)
        .finish()
        .into_bytes();
    req
}

/// One way to get a token pair from `POST /token/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenGrant {
    /// `authorization_code`: Basic auth **and** the secret in the body.
    AuthorizationCode {
        /// The code from the callback.
        code: String,
        /// The same `redirect_uri` as in the authorization URL.
        redirect_uri: String,
    },
    /// `client_credentials`: Basic auth, no secret in the body.
    ClientCredentials {
        /// Scopes to request.
        scopes: Vec<Scope>,
    },
    /// `refresh_token`: credentials in the body, no Basic header. The refresh token rotates.
    Refresh {
        /// The current refresh token (single use).
        refresh_token: Secret,
    },
}

/// `POST /token/` for one grant.
#[derive(Clone, Debug)]
pub struct TokenRequest {
    /// Application id.
    pub client_id: String,
    /// Application secret.
    pub client_secret: Secret,
    /// The grant.
    pub grant: TokenGrant,
}

impl TokenRequest {
    /// The exact request (field order as Admitad documents it).
    pub fn build(&self, base_url: &WebUrl) -> Result<HttpRequest, Error> {
        validate::required("client_id", &self.client_id)?;
        validate::credential("client_secret", self.client_secret.expose())?;
        let id = self.client_id.as_str();
        let secret = self.client_secret.expose();
        let req = match &self.grant {
            TokenGrant::AuthorizationCode { code, redirect_uri } => {
                validate::required("code", code)?;
                check_redirect_uri(redirect_uri)?;
                let mut r = token_request(
                    base_url,
                    &[
                        ("code", code),
                        ("client_secret", secret),
                        ("grant_type", "authorization_code"),
                        ("client_id", id),
                        ("redirect_uri", redirect_uri),
                    ],
                );
                r.set_header("Authorization", basic(id, &self.client_secret));
                r
            }
            TokenGrant::ClientCredentials { scopes } => {
                check_scopes(scopes)?;
                let scope = join_scopes(scopes);
                let mut r = token_request(
                    base_url,
                    &[
                        ("grant_type", "client_credentials"),
                        ("client_id", id),
                        ("scope", &scope),
                    ],
                );
                r.set_header("Authorization", basic(id, &self.client_secret));
                r
            }
            TokenGrant::Refresh { refresh_token } => {
                validate::credential("refresh_token", refresh_token.expose())?;
                token_request(
                    base_url,
                    &[
                        ("grant_type", "refresh_token"),
                        ("client_id", id),
                        ("client_secret", secret),
                        ("refresh_token", refresh_token.expose()),
                    ],
                )
            }
        };
        Ok(req)
    }

    /// Never repeated after it was sent: a refresh token is single-use, and Admitad limits how many
    /// tokens exist (error code 6). Connection failures (nothing sent) are still retried.
    pub fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Post)
    }

    /// The token pair, with `expires_at_ms` computed from `now_unix_ms` (the injected clock).
    pub fn parse(&self, exchange: &Exchange, now_unix_ms: u64) -> Result<TokenSet, Error> {
        // A token response is never excerpted, whatever its status: its body is the credential (a
        // malformed one defeats redaction). The status, code and message still say what was wrong.
        if !exchange.response.is_success() {
            return Err(error_from_exchange(exchange).without_body_excerpt());
        }
        let fail = |reason: String| {
            Error::decode_credential_response(
                Vendor::Admitad,
                exchange.response.status,
                exchange.request_id.clone(),
                reason,
            )
        };
        let wire: TokenWire = serde_json::from_slice(&exchange.response.body).map_err(|e| {
            // serde's message can quote the offending value; keep only where and what kind of fault.
            fail(format!(
                "the token response is not the documented JSON object ({:?} error at line {} column {})",
                e.classify(),
                e.line(),
                e.column()
            ))
        })?;
        if wire.access_token.is_empty() {
            return Err(fail("the token response has no access_token".to_owned()));
        }
        Ok(TokenSet {
            expires_at_ms: now_unix_ms.saturating_add(wire.expires_in.saturating_mul(1000)),
            access_token: wire.access_token,
            refresh_token: wire.refresh_token.filter(|r| !r.is_empty()),
            scope: wire.scope,
            token_type: wire.token_type,
            username: wire.username,
            user_id: wire.id,
            first_name: wire.first_name,
            last_name: wire.last_name,
            language: wire.language,
            group: wire.group,
            code: wire.code,
            raw: account_fields(&exchange.response.body),
        })
    }
}

/// The token response as sent, minus the two tokens (a copy that is safe to log or store beside the
/// account): `null` when the body is not an object.
fn account_fields(body: &[u8]) -> Json {
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut object)) => {
            object.remove("access_token");
            object.remove("refresh_token");
            Json::new(serde_json::Value::Object(object))
        }
        _ => Json::default(),
    }
}

#[derive(Deserialize)]
struct TokenWire {
    #[serde(default)]
    access_token: String,
    #[serde(default)]
    token_type: String,
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    expires_in: u64,
    #[serde(default)]
    refresh_token: Option<String>,
    #[serde(default)]
    scope: String,
    #[serde(default)]
    username: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    id: Option<u64>,
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    first_name: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    last_name: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    language: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    group: Option<String>,
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    code: Option<String>,
}

/// A token pair with an absolute expiry, and the account the token endpoint described with it. Persist
/// it (the refresh token rotates on every refresh) and hand it back to a new client to start from it.
/// `Debug` shows neither token, and `raw` never holds them.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TokenSet {
    /// `access_token`: sent as `Authorization: Bearer …`.
    pub access_token: String,
    /// `refresh_token`: single use; replaced on every refresh.
    pub refresh_token: Option<String>,
    /// When the access token expires, in Unix epoch milliseconds (receipt time + `expires_in`).
    pub expires_at_ms: u64,
    /// `scope`: the scopes actually granted, space-separated.
    pub scope: String,
    /// `token_type` (`bearer`).
    pub token_type: String,
    /// `username`, when the token response carried it.
    pub username: Option<String>,
    /// `id` of the account, when the token response carried it.
    pub user_id: Option<u64>,
    /// `first_name` of the account, when the token response carried it.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub first_name: Option<String>,
    /// `last_name` of the account, when the token response carried it.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub last_name: Option<String>,
    /// `language` of the account (`ru`, `en`, ...), when the token response carried it.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<String>,
    /// `group` of the account (`webmaster` for publishers), when the token response carried it.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub group: Option<String>,
    /// `code`, when the token response carried it (Admitad does not document its meaning).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub code: Option<String>,
    /// The token response as sent **without** `access_token` and `refresh_token` (account fields and
    /// anything Admitad adds later); `null` for a pair that did not come from the token endpoint.
    #[serde(default)]
    pub raw: Json,
}

impl std::fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSet")
            .field("access_token", &"<redacted>")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at_ms", &self.expires_at_ms)
            .field("scope", &self.scope)
            .field("username", &self.username)
            .finish_non_exhaustive()
    }
}

impl TokenSet {
    /// Whether the access token is usable at `now_unix_ms` with `skew_ms` to spare.
    pub fn is_fresh(&self, now_unix_ms: u64, skew_ms: u64) -> bool {
        now_unix_ms.saturating_add(skew_ms) < self.expires_at_ms
    }
}

/// The payload of a verified `signed_request`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignedRequestPayload {
    /// `username`.
    #[serde(default)]
    pub username: String,
    /// `id`.
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub id: Option<u64>,
    /// `first_name`.
    #[serde(default)]
    pub first_name: Option<String>,
    /// `last_name`.
    #[serde(default)]
    pub last_name: Option<String>,
    /// `language`.
    #[serde(default)]
    pub language: Option<String>,
    /// `algorithm` (always `HMAC-SHA256` once verified).
    #[serde(default)]
    pub algorithm: String,
    /// `access_token`.
    #[serde(default)]
    pub access_token: Option<String>,
    /// `refresh_token`.
    #[serde(default)]
    pub refresh_token: Option<String>,
    /// `expires_in` (seconds).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub expires_in: Option<u64>,
}

impl std::fmt::Debug for SignedRequestPayload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedRequestPayload")
            .field("username", &self.username)
            .field("id", &self.id)
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

impl SignedRequestPayload {
    /// The token pair the payload carries, if any, expiring `expires_in` after `received_at_ms`.
    pub fn tokens(&self, received_at_ms: u64) -> Option<TokenSet> {
        Some(TokenSet {
            access_token: self.access_token.clone()?,
            refresh_token: self.refresh_token.clone(),
            expires_at_ms: received_at_ms
                .saturating_add(self.expires_in.unwrap_or(0).saturating_mul(1000)),
            scope: String::new(),
            token_type: "bearer".into(),
            username: Some(self.username.clone()),
            user_id: self.id,
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            language: self.language.clone(),
            ..TokenSet::default()
        })
    }
}

/// Verifies `hex(HMAC-SHA256(client_secret, P)) + "." + P` over the base64 text `P` as received, in
/// constant time, then decodes `P` and checks `algorithm == "HMAC-SHA256"`.
pub fn verify_signed_request(
    signed_request: &str,
    client_secret: &Secret,
) -> Result<SignedRequestPayload, Error> {
    let fail = |reason: &str| Error::Verification {
        reason: reason.to_owned(),
    };
    // HMAC accepts any key, the empty one included: a payload "signed" with "" must never verify.
    if client_secret.expose().trim().is_empty() {
        return Err(Error::invalid("client_secret", "must not be empty"));
    }
    let (sig_hex, payload) = signed_request
        .trim()
        .split_once('.')
        .ok_or_else(|| fail("signed_request is not `signature.payload`"))?;
    if sig_hex.len() != 64 || !sig_hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(fail("the signature is not 64 hex characters"));
    }
    let mut given = [0u8; 32];
    for (i, chunk) in sig_hex.as_bytes().chunks(2).enumerate() {
        let hi = (chunk[0] as char).to_digit(16).unwrap_or(0);
        let lo = (chunk[1] as char).to_digit(16).unwrap_or(0);
        given[i] = (hi * 16 + lo) as u8;
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(client_secret.expose().as_bytes())
        .map_err(|_| fail("unusable client secret"))?;
    mac.update(payload.as_bytes());
    mac.verify_slice(&given)
        .map_err(|_| fail("the signature does not match"))?;
    let json = STANDARD
        .decode(payload.trim_end_matches('='))
        .or_else(|_| {
            base64::engine::general_purpose::STANDARD_NO_PAD.decode(payload.trim_end_matches('='))
        })
        .or_else(|_| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(payload.trim_end_matches('='))
        })
        .map_err(|_| fail("the payload is not base64"))?;
    let out: SignedRequestPayload =
        serde_json::from_slice(&json).map_err(|_| fail("the payload is not JSON"))?;
    if out.algorithm != "HMAC-SHA256" {
        return Err(fail("the payload's algorithm is not HMAC-SHA256"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> WebUrl {
        crate::driver::parse_base_url(super::super::DEFAULT_BASE_URL).unwrap()
    }

    #[test]
    fn token_grants_byte_for_byte() {
        let req = TokenRequest {
            client_id: "cb281d918a37e346b45e9aea1c6eb7".into(),
            client_secret: Secret::new("a0f8a8b24de8b8182a0ddd2e89f5b1"),
            grant: TokenGrant::AuthorizationCode {
                code: "c75ebf64ad48a352630b6d953ce365".into(),
                redirect_uri: "https://google.com/".into(),
            },
        }
        .build(&base())
        .unwrap();
        assert_eq!(req.url, "https://api.admitad.com/token/");
        assert_eq!(
            req.header("authorization"),
            Some(
                "Basic Y2IyODFkOTE4YTM3ZTM0NmI0NWU5YWVhMWM2ZWI3OmEwZjhhOGIyNGRlOGI4MTgyYTBkZGQyZTg5ZjViMQ=="
            )
        );
        assert_eq!(
            std::str::from_utf8(&req.body).unwrap(),
            "code=c75ebf64ad48a352630b6d953ce365&client_secret=a0f8a8b24de8b8182a0ddd2e89f5b1&grant_type=authorization_code&client_id=cb281d918a37e346b45e9aea1c6eb7&redirect_uri=https%3A%2F%2Fgoogle.com%2F"
        );
        let cc = TokenRequest {
            client_id: "client_id".into(),
            client_secret: Secret::new("s3cret"),
            grant: TokenGrant::ClientCredentials {
                scopes: vec![Scope::PrivateData, Scope::Statistics],
            },
        }
        .build(&base())
        .unwrap();
        let body = std::str::from_utf8(&cc.body).unwrap();
        assert_eq!(
            body,
            "grant_type=client_credentials&client_id=client_id&scope=private_data+statistics"
        );
        assert!(!body.contains("s3cret"));
        assert!(cc.header("authorization").unwrap().starts_with("Basic "));
        let refresh = TokenRequest {
            client_id: "cb281d918a37e346b45e9aea1c6eb7".into(),
            client_secret: Secret::new("a0f8a8b24de8b8182a0ddd2e89f5b1"),
            grant: TokenGrant::Refresh {
                refresh_token: Secret::new("7521b7640c"),
            },
        }
        .build(&base())
        .unwrap();
        assert_eq!(refresh.header("authorization"), None);
        assert_eq!(
            std::str::from_utf8(&refresh.body).unwrap(),
            "grant_type=refresh_token&client_id=cb281d918a37e346b45e9aea1c6eb7&client_secret=a0f8a8b24de8b8182a0ddd2e89f5b1&refresh_token=7521b7640c"
        );
    }

    #[test]
    fn token_response_is_lenient_with_absolute_expiry() {
        let req = TokenRequest {
            client_id: "c".into(),
            client_secret: Secret::new("s"),
            grant: TokenGrant::ClientCredentials {
                scopes: vec![Scope::PrivateData],
            },
        };
        for expires in ["604800", "\"604800\""] {
            let body = format!(
                r#"{{"username":"webmaster1","access_token":"4b8b33955a","token_type":"bearer","expires_in":{expires},"refresh_token":"ea957cce42","scope":"advcampaigns banners websites","group":"webmaster","brand_new":1}}"#
            );
            let t = req
                .parse(&Exchange::new(crate::HttpResponse::new(200, body)), 1_000)
                .unwrap();
            assert_eq!(t.expires_at_ms, 1_000 + 604_800_000);
            assert_eq!(t.refresh_token.as_deref(), Some("ea957cce42"));
            assert!(!format!("{t:?}").contains("4b8b33955a"));
        }
    }

    #[test]
    fn authorization_url_and_callback() {
        let a = authorization_url(
            &base(),
            "cb281d918a37e346b45e9aea1c6eb7",
            "https://example.com/cb",
            &[Scope::Advcampaigns, Scope::Banners, Scope::Websites],
        )
        .unwrap();
        assert_eq!(a.state.len(), 32);
        assert!(a.url.starts_with("https://api.admitad.com/authorize/?client_id=cb281d918a37e346b45e9aea1c6eb7&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=advcampaigns+banners+websites&response_type=code&state="));
        let b =
            authorization_url(&base(), "c", "https://example.com/cb", &[Scope::Banners]).unwrap();
        assert_ne!(a.state, b.state, "fresh state every time");
        let cb = format!(
            "https://example.com/cb?state={}&code=c75ebf64ad48a352630b6d953ce365",
            a.state
        );
        assert_eq!(
            parse_callback(&cb, &a.state).unwrap(),
            "c75ebf64ad48a352630b6d953ce365"
        );
        for (bad, expected) in [
            (
                format!("https://example.com/cb?state={}X&code=c", a.state),
                crate::ErrorKind::Verification,
            ),
            (
                "https://example.com/cb?code=c".to_owned(),
                crate::ErrorKind::Verification,
            ),
            (
                format!(
                    "?state={}&error=invalid_client&error_description=client_id+x+doesn%27t+exist",
                    a.state
                ),
                crate::ErrorKind::Auth,
            ),
        ] {
            assert_eq!(
                parse_callback(&bad, &a.state).unwrap_err().kind(),
                expected,
                "{bad}"
            );
        }
        let e = parse_callback(
            &format!(
                "?state={}&error=invalid_client&error_description=client_id+x+doesn%27t+exist",
                a.state
            ),
            &a.state,
        )
        .unwrap_err();
        assert_eq!(e.code(), Some("invalid_client"));
        for uri in ["http://example.com/cb", "example.com/cb", "/cb", "ftp://x/"] {
            assert!(
                authorization_url(&base(), "c", uri, &[Scope::Banners]).is_err(),
                "{uri}"
            );
        }
        assert!(
            authorization_url(&base(), "c", "http://127.0.0.1:8080/cb", &[Scope::Banners]).is_ok()
        );
        assert!(authorization_url(&base(), "c", "https://e.com/", &[]).is_err());
    }

    #[test]
    fn a_token_response_that_fails_to_decode_never_shows_the_tokens() {
        let request = TokenRequest {
            client_id: "c".into(),
            client_secret: Secret::new("CLIENT-SECRET-X"),
            grant: TokenGrant::ClientCredentials {
                scopes: vec![Scope::PrivateData],
            },
        };
        for body in [
            r#"{"access_token":"","refresh_token":"RT-LIVE-LEAK","token_type":"bearer"}"#,
            r#"{"access_token":"AT-LIVE-LEAK","refresh_token":"RT-LIVE-LEAK","scope":7}"#,
            r#"{"access_token":"AT-LIVE-LEAK","refresh_token":"RT-LIVE-LEAK","expires_in":"#,
            r#"{"access_token":7,"refresh_token":"RT-LIVE-LEAK","x":"AT-LIVE-LEAK"}"#,
        ] {
            let ex = Exchange::new(
                crate::HttpResponse::new(200, body).with_header("x-request-id", "req-9"),
            );
            let err = request.parse(&ex, 0).unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::Decode, "{body}");
            assert_eq!(err.request_id(), Some("req-9"));
            let shown = format!("{err:?} {err} {:?}", err.body_excerpt());
            assert!(
                !shown.contains("LIVE-LEAK") && !shown.contains("CLIENT-SECRET"),
                "{shown}"
            );
        }
    }

    #[test]
    fn a_failed_token_response_is_never_excerpted() {
        // The fuzzer's find: a 503 whose body holds the refresh token and then bytes that are not JSON,
        // so the redactor could not find the token again; the excerpt carried it.
        let mut body = br#"{"access_token":"at-SECRET-1","refresh_token":"rt-SECRET-2","#.to_vec();
        body.extend_from_slice(b"\r\r\xf1\r\"access_\r\"access_tokr4\xf8nJ\xa6*\x00n\":\"$A\"\r\r");
        for status in [400, 401, 429, 500, 503] {
            let exchange = Exchange::new(crate::HttpResponse::new(status, body.clone()));
            let request = TokenRequest {
                client_id: "c".into(),
                client_secret: Secret::new("cs"),
                grant: TokenGrant::ClientCredentials { scopes: Vec::new() },
            };
            let err = request.parse(&exchange, 0).unwrap_err();
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains("SECRET"), "{status}: {shown}");
            assert_eq!(err.status(), Some(status));
            assert_eq!(err.body_excerpt(), Some(""));
        }
    }

    #[test]
    fn an_empty_client_secret_never_verifies() {
        let payload = STANDARD.encode(r#"{"algorithm":"HMAC-SHA256","username":"u"}"#);
        let mut mac = Hmac::<Sha256>::new_from_slice(b"").unwrap();
        mac.update(payload.as_bytes());
        let sig: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        for secret in ["", " "] {
            let err = verify_signed_request(&format!("{sig}.{payload}"), &Secret::new(secret))
                .unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn signed_request_documented_sample() {
        let secret = Secret::new("a0f8a8b24de8b8182a0ddd2e89f5b1");
        let payload = STANDARD.encode(r#"{"username":"webmaster1","id":1,"first_name":"F","last_name":"L","algorithm":"HMAC-SHA256","language":"ru","access_token":"a","refresh_token":"r","expires_in":604800}"#);
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()).unwrap();
        mac.update(payload.as_bytes());
        let sig: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let ok = verify_signed_request(&format!("{sig}.{payload}"), &secret).unwrap();
        assert_eq!((ok.username.as_str(), ok.id), ("webmaster1", Some(1)));
        let tampered = format!(
            "{sig}.{}",
            STANDARD.encode(r#"{"username":"admin","algorithm":"HMAC-SHA256"}"#)
        );
        assert_eq!(
            verify_signed_request(&tampered, &secret)
                .unwrap_err()
                .kind(),
            crate::ErrorKind::Verification
        );
        assert!(verify_signed_request(&format!("{sig}.{payload}"), &Secret::new("other")).is_err());
        let none_alg = STANDARD.encode(r#"{"username":"u","algorithm":"none"}"#);
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()).unwrap();
        mac.update(none_alg.as_bytes());
        let sig2: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(verify_signed_request(&format!("{sig2}.{none_alg}"), &secret).is_err());
        for junk in ["", ".", "abc", "zz.zz", &"0".repeat(64)] {
            assert!(verify_signed_request(junk, &secret).is_err());
        }
    }
}
