//! `AdmitadClient` for Kotlin, Swift and Python: OAuth (authorization URL, callback check, code
//! exchange, `signed_request`), the managed token lifecycle with a persistence listener, and the
//! publisher calls so far, with a paginator object for reports.

use std::fmt;
use std::sync::Arc;

use adkit::Json;
use adkit::admitad::{AuthorizationUrl, Scope, SignedRequestPayload, TokenSet};
use adkit::driver::ClientOptions;
use adkit::native::TokioTimer;

use crate::errors::AdkitError;
use crate::listeners::{ListenerError, ListenerFailure, ListenerFailures};
use crate::transport::{Bridge, HttpTransport};

pub(crate) type Core = adkit::admitad::AdmitadClient<Bridge, TokioTimer>;

/// A token pair. An object, not a record, so printing it (Kotlin `toString`, Python `repr`) never shows
/// a token; read the parts to persist them and build one to start a client from stored tokens.
#[derive(uniffi::Object)]
pub struct AdmitadTokens {
    inner: TokenSet,
}

impl fmt::Debug for AdmitadTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdmitadTokens {
    /// A stored pair: access token, expiry (Unix ms), refresh token and granted scopes.
    #[uniffi::constructor(default(refresh_token = None, scope = None))]
    pub fn new(
        access_token: String,
        expires_at_ms: u64,
        refresh_token: Option<String>,
        scope: Option<String>,
    ) -> Arc<Self> {
        Arc::new(AdmitadTokens {
            inner: TokenSet {
                access_token,
                refresh_token,
                expires_at_ms,
                scope: scope.unwrap_or_default(),
                token_type: "bearer".into(),
                ..TokenSet::default()
            },
        })
    }

    /// The access token (a secret).
    pub fn access_token(&self) -> String {
        self.inner.access_token.clone()
    }

    /// The refresh token (a secret; single use, replaced on every refresh).
    pub fn refresh_token(&self) -> Option<String> {
        self.inner.refresh_token.clone()
    }

    /// When the access token expires (Unix epoch ms).
    pub fn expires_at_ms(&self) -> u64 {
        self.inner.expires_at_ms
    }

    /// The granted scopes, space-separated.
    pub fn scope(&self) -> String {
        self.inner.scope.clone()
    }

    /// `token_type` (`bearer`).
    pub fn token_type(&self) -> String {
        self.inner.token_type.clone()
    }

    /// `username` of the account, when the token answer carried it.
    pub fn username(&self) -> Option<String> {
        self.inner.username.clone()
    }

    /// `id` of the account, when the token answer carried it.
    pub fn user_id(&self) -> Option<u64> {
        self.inner.user_id
    }

    /// `first_name` of the account, when the token answer carried it.
    pub fn first_name(&self) -> Option<String> {
        self.inner.first_name.clone()
    }

    /// `last_name` of the account, when the token answer carried it.
    pub fn last_name(&self) -> Option<String> {
        self.inner.last_name.clone()
    }

    /// `language` of the account (`ru`, `en`, ...), when the token answer carried it.
    pub fn language(&self) -> Option<String> {
        self.inner.language.clone()
    }

    /// `group` of the account (`webmaster` for publishers), when the token answer carried it.
    pub fn group(&self) -> Option<String> {
        self.inner.group.clone()
    }

    /// `code`, when the token answer carried it (Admitad does not document its meaning).
    pub fn code(&self) -> Option<String> {
        self.inner.code.clone()
    }

    /// The token answer as sent **without** `access_token` and `refresh_token` (JSON text; `null` for a
    /// pair built from stored parts).
    pub fn raw(&self) -> Json {
        self.inner.raw.clone()
    }
}

/// Told every new token pair (persist it: the refresh token rotates).
///
/// If `on_tokens` throws, the call that obtained the pair still succeeds and the client keeps and
/// uses the pair — no token is lost or requested again. The failure is kept on the client: read it
/// with [`AdmitadClient::take_listener_failures`], and persist [`AdmitadClient::tokens`] then.
#[uniffi::export(with_foreign)]
pub trait AdmitadTokenListener: Send + Sync {
    /// A new pair was obtained.
    fn on_tokens(&self, tokens: Arc<AdmitadTokens>) -> Result<(), ListenerError>;
}

/// Options of an [`AdmitadClient`] (no credential in it).
#[derive(Clone, Debug, Default, uniffi::Record)]
pub struct AdmitadClientOptions {
    /// Base URL override (the sandbox's `…/admitad/`).
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Per-attempt timeout in milliseconds (default 30 000).
    #[uniffi(default = None)]
    pub timeout_ms: Option<u64>,
    /// Retries after the first attempt (default 2).
    #[uniffi(default = None)]
    pub max_retries: Option<u32>,
    /// Refresh this long before expiry (default 60 000 ms).
    #[uniffi(default = None)]
    pub refresh_skew_ms: Option<u64>,
    /// Client-side limit (Admitad allows 600 a minute per application); at least 1.
    #[uniffi(default = None)]
    pub max_requests_per_minute: Option<u32>,
}

/// A client of Admitad's API with a managed token pair.
#[derive(uniffi::Object)]
pub struct AdmitadClient {
    inner: Arc<Core>,
    listener_failures: Arc<ListenerFailures>,
}

impl AdmitadClient {
    /// The core client the generated publisher calls share.
    pub(crate) fn core(&self) -> &Arc<Core> {
        &self.inner
    }
}

impl crate::operations::CoreClient for AdmitadClient {
    type Core = Core;
    fn core(&self) -> &Arc<Core> {
        &self.inner
    }
}

impl fmt::Debug for AdmitadClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdmitadClient {
    /// `client_id`, the client secret (servers only; needed to mint, exchange and refresh), the scopes
    /// to request, stored tokens to start from, a listener told every new pair, options, transport.
    #[uniffi::constructor(default(client_secret = None, scopes = [], tokens = None, listener = None, options = None, transport = None))]
    pub fn new(
        client_id: String,
        client_secret: Option<String>,
        scopes: Vec<Scope>,
        tokens: Option<Arc<AdmitadTokens>>,
        listener: Option<Arc<dyn AdmitadTokenListener>>,
        options: Option<AdmitadClientOptions>,
        transport: Option<Arc<dyn HttpTransport>>,
    ) -> Result<Arc<Self>, AdkitError> {
        let options = options.unwrap_or_default();
        if let Some(max) = options.max_requests_per_minute {
            adkit::validate::integer_in_range(
                "max_requests_per_minute",
                i128::from(max),
                1,
                u64::from(u32::MAX),
            )?;
        }
        let listener_failures = Arc::new(ListenerFailures::default());
        let failures = listener_failures.clone();
        let config = adkit::admitad::AdmitadConfig {
            client_id,
            client_secret: client_secret.map(adkit::Secret::new),
            scopes,
            tokens: tokens.map(|t| t.inner.clone()),
            on_tokens: listener.map(|l| {
                let f: adkit::admitad::TokenListener = Arc::new(move |t: &TokenSet| {
                    let told = l.on_tokens(Arc::new(AdmitadTokens { inner: t.clone() }));
                    failures.record("AdmitadTokenListener.on_tokens", told);
                });
                f
            }),
            refresh_skew_ms: options.refresh_skew_ms,
            max_requests_per_window: options.max_requests_per_minute,
            options: ClientOptions::for_surface(
                "uniffi",
                options.base_url,
                options.timeout_ms,
                options.max_retries,
            ),
        };
        let transport = crate::pick_transport(transport)?;
        let inner = Core::new(config, Bridge(transport), TokioTimer)?;
        Ok(Arc::new(AdmitadClient {
            inner: Arc::new(inner),
            listener_failures,
        }))
    }

    /// What this client's token listener threw since the last call, oldest first (at most the last
    /// 64); the client forgets them once returned. After a failure, persist [`Self::tokens`].
    pub fn take_listener_failures(&self) -> Vec<ListenerFailure> {
        self.listener_failures.take()
    }

    /// The authorization dialogue URL and its CSPRNG `state` (keep it for the callback).
    pub fn authorization_url(&self, redirect_uri: String) -> Result<AuthorizationUrl, AdkitError> {
        Ok(self.inner.authorization_url(&redirect_uri)?)
    }

    /// Exchanges a code from the callback (server-side: it needs the client secret).
    pub async fn exchange_code(
        &self,
        code: String,
        redirect_uri: String,
    ) -> Result<Arc<AdmitadTokens>, AdkitError> {
        let inner = self.inner.exchange_code(&code, &redirect_uri).await?;
        Ok(Arc::new(AdmitadTokens { inner }))
    }

    /// The current token pair, if any.
    pub fn tokens(&self) -> Option<Arc<AdmitadTokens>> {
        self.inner
            .tokens()
            .map(|inner| Arc::new(AdmitadTokens { inner }))
    }

    /// How many token requests this client has sent.
    pub fn token_requests(&self) -> u64 {
        self.inner.token_requests()
    }
}

/// Checks Admitad's redirect back (`state` in constant time) and returns the `code`.
#[uniffi::export]
pub fn parse_admitad_callback(
    callback: String,
    expected_state: String,
) -> Result<String, AdkitError> {
    Ok(adkit::admitad::parse_callback(&callback, &expected_state)?)
}

/// A verified `signed_request`: the account, and its token pair as [`AdmitadTokens`]. An object, so
/// printing it never shows a token.
#[derive(uniffi::Object)]
pub struct AdmitadSignedRequest {
    inner: SignedRequestPayload,
    received_at_ms: u64,
}

impl fmt::Debug for AdmitadSignedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.fmt(f)
    }
}

#[uniffi::export]
impl AdmitadSignedRequest {
    /// `username`.
    pub fn username(&self) -> String {
        self.inner.username.clone()
    }

    /// `id` of the account.
    pub fn user_id(&self) -> Option<u64> {
        self.inner.id
    }

    /// `first_name`.
    pub fn first_name(&self) -> Option<String> {
        self.inner.first_name.clone()
    }

    /// `last_name`.
    pub fn last_name(&self) -> Option<String> {
        self.inner.last_name.clone()
    }

    /// `language`.
    pub fn language(&self) -> Option<String> {
        self.inner.language.clone()
    }

    /// The token pair it carries (expiry counted from verification time), if any.
    pub fn tokens(&self) -> Option<Arc<AdmitadTokens>> {
        let inner = self.inner.tokens(self.received_at_ms)?;
        Some(Arc::new(AdmitadTokens { inner }))
    }
}

/// Verifies an app's `signed_request` (HMAC-SHA256, constant time) and returns its payload.
#[uniffi::export]
pub fn verify_admitad_signed_request(
    signed_request: String,
    client_secret: String,
) -> Result<Arc<AdmitadSignedRequest>, AdkitError> {
    let inner =
        adkit::admitad::verify_signed_request(&signed_request, &adkit::Secret::new(client_secret))?;
    let received_at_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0);
    Ok(Arc::new(AdmitadSignedRequest {
        inner,
        received_at_ms,
    }))
}

/// A collect cap as the platform's size, refused (never clamped) when it does not fit.
pub(crate) fn cap_of(cap: u64) -> Result<usize, AdkitError> {
    usize::try_from(cap).map_err(|_| AdkitError::InvalidInput {
        field: "cap".into(),
        reason: format!("must be at most {}", usize::MAX),
    })
}
