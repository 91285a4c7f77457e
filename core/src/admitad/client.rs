//! [`AdmitadClient`]: the token lifecycle (single-flight refresh, refresh before expiry and once after
//! a 401 `invalid_token`, persistence listener) over the shared driver.

use std::fmt;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use super::errors::is_invalid_token;
use super::oauth::{self, AuthorizationUrl, TokenGrant, TokenRequest, TokenSet};
use super::scopes::{Scope, check_scopes};
use super::{AdmitadContext, AdmitadEndpoint, DEFAULT_BASE_URL};
use crate::driver::{ClientOptions, Driver, Exchange, RequestPolicy};
use crate::error::{Error, ErrorKind};
use crate::secret::Secret;
use crate::transport::{Timer, Transport};
use crate::validate;

/// Told every new token pair (persist it: the refresh token rotates on every refresh).
#[cfg(not(target_arch = "wasm32"))]
pub type TokenListener = std::sync::Arc<dyn Fn(&TokenSet) + Send + Sync>;
/// Told every new token pair (persist it: the refresh token rotates on every refresh).
#[cfg(target_arch = "wasm32")]
pub type TokenListener = std::rc::Rc<dyn Fn(&TokenSet)>;

/// How long before a token's expiry it is refreshed, unless the config says otherwise.
pub const DEFAULT_REFRESH_SKEW_MS: u64 = 60_000;

/// Credentials, scopes, stored tokens and options of an [`AdmitadClient`].
#[derive(Clone, Default)]
pub struct AdmitadConfig {
    /// The application's `client_id`.
    pub client_id: String,
    /// The `client_secret`: needed to mint (client credentials), exchange codes and refresh. Servers only.
    pub client_secret: Option<Secret>,
    /// Scopes for client-credentials tokens and authorization URLs.
    pub scopes: Vec<Scope>,
    /// A stored token pair to start from.
    pub tokens: Option<TokenSet>,
    /// Told every new token pair.
    pub on_tokens: Option<TokenListener>,
    /// Refresh this long before expiry; `None`: [`DEFAULT_REFRESH_SKEW_MS`] (60 000 ms).
    pub refresh_skew_ms: Option<u64>,
    /// A client-side limit: at most this many requests per `options.rate_limit_window` (Admitad allows
    /// 600 a minute per application; `None`: no client-side limit).
    pub max_requests_per_window: Option<u32>,
    /// Driver options. Admitad's 503 is its rate limit: unless set otherwise, `rate_limit` is 503 with
    /// `error_code` 4, so the driver waits for the next window and repeats (a non-repeatable request
    /// only when the body says so).
    pub options: ClientOptions,
}

impl fmt::Debug for AdmitadConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdmitadConfig")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("scopes", &self.scopes)
            .field("tokens", &self.tokens)
            .finish_non_exhaustive()
    }
}

impl AdmitadConfig {
    /// A server-side config: client id, secret and the scopes to request.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<Secret>,
        scopes: Vec<Scope>,
    ) -> Self {
        AdmitadConfig {
            client_id: client_id.into(),
            client_secret: Some(client_secret.into()),
            scopes,
            ..Default::default()
        }
    }

    /// Sets the base URL (e.g. the sandbox's).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.options.base_url = Some(base_url.into());
        self
    }
}

/// A token pair and when this client received it (so a token that lives shorter than the refresh skew
/// is used for half its life instead of being refreshed on every call).
#[derive(Clone)]
struct StoredTokens {
    tokens: TokenSet,
    received_at_ms: u64,
}

impl StoredTokens {
    /// Fresh with `skew_ms` to spare, the skew capped at half the token's life.
    fn is_fresh(&self, now_unix_ms: u64, skew_ms: u64) -> bool {
        let lifetime = self
            .tokens
            .expires_at_ms
            .saturating_sub(self.received_at_ms);
        self.tokens.is_fresh(now_unix_ms, skew_ms.min(lifetime / 2))
    }
}

/// A client of Admitad's API with a managed token pair.
pub struct AdmitadClient<T, C> {
    driver: Driver<T, C>,
    client_id: String,
    client_secret: Option<Secret>,
    scopes: Vec<Scope>,
    tokens: Mutex<Option<StoredTokens>>,
    refresh_lock: futures_util::lock::Mutex<()>,
    /// Token flights finished so far, and the error of the last one when it failed: callers that
    /// queued behind a failed flight get its error instead of each making a request of their own.
    flights: Mutex<(u64, Option<Error>)>,
    on_tokens: Option<TokenListener>,
    skew_ms: u64,
    token_requests: AtomicU64,
    limiter: Option<crate::limiter::WindowLimiter>,
}

impl<T, C> fmt::Debug for AdmitadClient<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdmitadClient")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .finish_non_exhaustive()
    }
}

impl<T: Transport, C: Timer> AdmitadClient<T, C> {
    /// Checks the config and builds the client (no request is made).
    pub fn new(config: AdmitadConfig, transport: T, timer: C) -> Result<Self, Error> {
        validate::required("client_id", &config.client_id)?;
        if let Some(s) = &config.client_secret {
            validate::credential("client_secret", s.expose())?;
        }
        if !config.scopes.is_empty() {
            check_scopes(&config.scopes)?;
        }
        if config.max_requests_per_window == Some(0) {
            // Zero requests a window would wait forever; never silently raised to one.
            return Err(Error::invalid(
                "max_requests_per_window",
                "must be at least 1 (or unset for no client-side limit)",
            ));
        }
        let mut options = config.options;
        options.rate_limit = options.rate_limit.or(Some(super::errors::RATE_LIMIT));
        let limiter = config
            .max_requests_per_window
            .map(|max| crate::limiter::WindowLimiter::new(max, options.rate_limit_window));
        let driver = Driver::new(options, DEFAULT_BASE_URL, transport, timer)?;
        let now = driver.timer().now_unix_ms();
        let tokens = config.tokens.map(|tokens| StoredTokens {
            tokens,
            received_at_ms: now,
        });
        Ok(AdmitadClient {
            driver,
            client_id: config.client_id,
            client_secret: config.client_secret,
            scopes: config.scopes,
            tokens: Mutex::new(tokens),
            refresh_lock: futures_util::lock::Mutex::new(()),
            flights: Mutex::new((0, None)),
            on_tokens: config.on_tokens,
            skew_ms: config.refresh_skew_ms.unwrap_or(DEFAULT_REFRESH_SKEW_MS),
            token_requests: AtomicU64::new(0),
            limiter,
        })
    }

    /// The driver.
    pub fn driver(&self) -> &Driver<T, C> {
        &self.driver
    }

    async fn limit(&self) {
        if let Some(l) = &self.limiter {
            l.acquire(self.driver.timer()).await;
        }
    }

    /// The current token pair, if any.
    pub fn tokens(&self) -> Option<TokenSet> {
        self.stored().map(|s| s.tokens)
    }

    fn stored(&self) -> Option<StoredTokens> {
        self.tokens.lock().ok().and_then(|t| t.clone())
    }

    /// Replaces the token pair (one another process refreshed and persisted, say). The listener is not
    /// told: the pair came from the caller.
    pub fn set_tokens(&self, tokens: TokenSet) {
        let received_at_ms = self.driver.timer().now_unix_ms();
        if let Ok(mut t) = self.tokens.lock() {
            *t = Some(StoredTokens {
                tokens,
                received_at_ms,
            });
        }
    }

    /// How many `POST /token/` requests this client has sent.
    pub fn token_requests(&self) -> u64 {
        self.token_requests.load(Ordering::SeqCst)
    }

    /// The authorization dialogue URL for this client's id and scopes, with a fresh CSPRNG `state`.
    pub fn authorization_url(&self, redirect_uri: &str) -> Result<AuthorizationUrl, Error> {
        oauth::authorization_url(
            self.driver.base_url(),
            &self.client_id,
            redirect_uri,
            &self.scopes,
        )
    }

    fn secret(&self) -> Result<&Secret, Error> {
        self.client_secret.as_ref().ok_or_else(|| {
            Error::invalid(
                "client_secret",
                "getting or refreshing tokens needs the client secret (keep it on a server)",
            )
        })
    }

    async fn request_tokens(&self, grant: TokenGrant) -> Result<TokenSet, Error> {
        let request = TokenRequest {
            client_id: self.client_id.clone(),
            client_secret: self.secret()?.clone(),
            grant,
        };
        let built = request.build(self.driver.base_url())?;
        self.limit().await;
        self.token_requests.fetch_add(1, Ordering::SeqCst);
        let exchange = self.driver.execute(built, request.policy()).await?;
        let tokens = request.parse(&exchange, self.driver.timer().now_unix_ms())?;
        self.store(tokens.clone());
        Ok(tokens)
    }

    fn store(&self, tokens: TokenSet) {
        self.set_tokens(tokens.clone());
        if let Some(listener) = &self.on_tokens {
            listener(&tokens);
        }
    }

    /// Forgets a refresh token the server refused, so it is never sent again.
    fn drop_refresh_token(&self, refused: &str) {
        if let Ok(mut t) = self.tokens.lock() {
            if let Some(s) = t.as_mut() {
                if s.tokens.refresh_token.as_deref() == Some(refused) {
                    s.tokens.refresh_token = None;
                }
            }
        }
    }

    /// Exchanges an authorization code (after [`oauth::parse_callback`]) for a token pair, stores it and
    /// tells the listener.
    pub async fn exchange_code(&self, code: &str, redirect_uri: &str) -> Result<TokenSet, Error> {
        let _flight = self.refresh_lock.lock().await;
        self.request_tokens(TokenGrant::AuthorizationCode {
            code: code.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
        })
        .await
    }

    /// A usable token pair: the stored one while fresh, else one refresh (or a client-credentials grant
    /// when there is nothing to refresh). Concurrent callers share one request, and its outcome: when
    /// it fails, every caller that waited for it gets that error. `rejected` is an access token the API
    /// refused: a pair holding it is not reused.
    pub async fn fresh_tokens(&self, rejected: Option<&str>) -> Result<TokenSet, Error> {
        let usable = |s: &StoredTokens, now: u64| {
            s.is_fresh(now, self.skew_ms) && Some(s.tokens.access_token.as_str()) != rejected
        };
        if let Some(s) = self.stored() {
            if usable(&s, self.driver.timer().now_unix_ms()) {
                return Ok(s.tokens);
            }
        }
        let flights_seen = self.flights.lock().map(|f| f.0).unwrap_or(0);
        // Single flight: whoever holds the lock refreshes; the others find its outcome afterwards.
        let _flight = self.refresh_lock.lock().await;
        let current = self.stored();
        if let Some(s) = &current {
            if usable(s, self.driver.timer().now_unix_ms()) {
                return Ok(s.tokens.clone());
            }
        }
        if let Ok(f) = self.flights.lock() {
            if f.0 != flights_seen {
                if let Some(e) = &f.1 {
                    return Err(e.clone());
                }
            }
        }
        let outcome = self.token_flight(current.map(|s| s.tokens)).await;
        if let Ok(mut f) = self.flights.lock() {
            f.0 += 1;
            f.1 = outcome.as_ref().err().cloned();
        }
        outcome
    }

    /// One token flight: refresh when there is a refresh token, else (or after the refresh token is
    /// refused) client credentials when there are scopes.
    async fn token_flight(&self, current: Option<TokenSet>) -> Result<TokenSet, Error> {
        if let Some(rt) = current.and_then(|t| t.refresh_token) {
            match self
                .request_tokens(TokenGrant::Refresh {
                    refresh_token: Secret::new(rt.clone()),
                })
                .await
            {
                Ok(t) => return Ok(t),
                // Refused (single-use, perhaps spent by a refresh whose answer was lost): never send
                // it again, and start over with client credentials when we can.
                Err(e) if matches!(e.kind(), ErrorKind::Auth | ErrorKind::Api) => {
                    self.drop_refresh_token(&rt);
                    if self.scopes.is_empty() {
                        return Err(e);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        if self.scopes.is_empty() {
            return Err(Error::invalid(
                "scopes",
                "no usable token: authorize again (exchange_code) or hand in a stored pair \
                 (set_tokens); without scopes there is no client-credentials grant to fall back on",
            ));
        }
        self.request_tokens(TokenGrant::ClientCredentials {
            scopes: self.scopes.clone(),
        })
        .await
    }

    /// Builds, sends and parses any endpoint with the managed token: after a 401 `invalid_token` the
    /// token is refreshed once and the call repeated once.
    pub fn send<'a, E: AdmitadEndpoint + Sync>(
        &'a self,
        endpoint: &'a E,
    ) -> impl std::future::Future<Output = Result<E::Output, Error>> + crate::MaybeSend + 'a {
        crate::endpoint::send(self, endpoint)
    }

    crate::pagination::paged_methods!();
}

impl<T: Transport, C: Timer> crate::Session for AdmitadClient<T, C> {
    type Api = super::AdmitadApi;

    fn exchange<'s, B>(
        &'s self,
        build: &'s B,
        policy: RequestPolicy,
    ) -> impl std::future::Future<Output = Result<Exchange, Error>> + crate::MaybeSend + 's
    where
        B: for<'c> Fn(&AdmitadContext<'c>) -> Result<crate::HttpRequest, Error> + Sync,
    {
        self.exchange_with(build, policy)
    }
}

impl<T: Transport, C: Timer> AdmitadClient<T, C> {
    /// The token and rate-limit path every endpoint shares (one copy, `build` behind a trait object):
    /// bad input is refused before anything is sent (a token request included); after a 401
    /// `invalid_token` the token is renewed once and the request built and sent once more.
    async fn exchange_with(
        &self,
        build: &crate::endpoint::Build<'_, super::AdmitadApi>,
        policy: RequestPolicy,
    ) -> Result<Exchange, Error> {
        let base_url = self.driver.base_url();
        let with = |access_token: &str| {
            build(&AdmitadContext {
                base_url,
                access_token,
            })
        };
        with("")?;
        let tokens = self.fresh_tokens(None).await?;
        self.limit().await;
        let exchange = self
            .driver
            .execute(with(&tokens.access_token)?, policy)
            .await?;
        if !is_invalid_token(&exchange) {
            return Ok(exchange);
        }
        let renewed = self.fresh_tokens(Some(&tokens.access_token)).await?;
        self.limit().await;
        self.driver
            .execute(with(&renewed.access_token)?, policy)
            .await
    }
}

#[cfg(feature = "reqwest")]
impl AdmitadClient<crate::native::ReqwestTransport, crate::native::TokioTimer> {
    /// A client on the native reqwest transport and tokio timer.
    pub fn native(config: AdmitadConfig) -> Result<Self, Error> {
        AdmitadClient::new(
            config,
            crate::native::ReqwestTransport::new()?,
            crate::native::TokioTimer,
        )
    }
}
