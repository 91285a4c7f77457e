//! [`AdaptyClient`]: every Adapty operation over the shared driver, plus bulk work.

use crate::Endpoint;
use std::fmt;

use super::bulk::{self, BulkOperation, BulkOptions, BulkProgress, BulkReport};
use super::profiles::{DeleteProfile, UpdateProfile};
use super::purchases::{GrantAccessLevel, RevokeAccessLevel};
use super::{AdaptyContext, AdaptyEndpoint, AdaptyUser, DEFAULT_BASE_URL, DEFAULT_EXPORT_BASE_URL};
use crate::driver::{ClientOptions, Driver, parse_base_url};
use crate::error::Error;
use crate::secret::Secret;
use crate::transport::{Timer, Transport};
use crate::validate;
use crate::weburl::WebUrl;

/// Keys and options of an [`AdaptyClient`]. Give the secret key (servers), the public key (Web API;
/// safe in apps and browsers), or both.
#[derive(Clone, Debug, Default)]
pub struct AdaptyConfig {
    /// The secret key (`secret_live_…`): server-side, export and validation calls. Never ship it.
    pub secret_key: Option<Secret>,
    /// The public key (`public_live_…`): the Web API only.
    pub public_key: Option<Secret>,
    /// Root of the Analytics Export API (default `https://api-admin.adapty.io/`). `options.base_url`
    /// is the root of the other families (default `https://api.adapty.io/`).
    pub export_base_url: Option<String>,
    /// Driver options (base URL, timeout, retries, where the client runs, ...).
    pub options: ClientOptions,
    /// Lets a client in a browser ([`Runtime::Browser`](crate::driver::Runtime)) hold the secret key,
    /// which anyone loading the page could read (default false: refused).
    pub allow_secret_key_in_browser: bool,
}

impl AdaptyConfig {
    /// A config with the secret key.
    pub fn secret(secret_key: impl Into<Secret>) -> Self {
        AdaptyConfig {
            secret_key: Some(secret_key.into()),
            ..Default::default()
        }
    }

    /// A config with only the public key (Web API).
    pub fn public(public_key: impl Into<Secret>) -> Self {
        AdaptyConfig {
            public_key: Some(public_key.into()),
            ..Default::default()
        }
    }

    /// Sets both roots to one URL (the sandbox serves every family under one root).
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        let url = base_url.into();
        self.export_base_url = Some(url.clone());
        self.options.base_url = Some(url);
        self
    }
}

/// A client of Adapty's APIs, generic over the transport and timer.
pub struct AdaptyClient<T, C> {
    driver: Driver<T, C>,
    export_base_url: WebUrl,
    secret_key: Option<Secret>,
    public_key: Option<Secret>,
}

impl<T, C> fmt::Debug for AdaptyClient<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdaptyClient")
            .field("secret_key", &self.secret_key)
            .field("public_key", &self.public_key)
            .finish_non_exhaustive()
    }
}

impl<T: Transport, C: Timer> AdaptyClient<T, C> {
    /// Checks the config (at least one key, keys usable in a header, roots https or loopback http).
    pub fn new(config: AdaptyConfig, transport: T, timer: C) -> Result<Self, Error> {
        if config.secret_key.is_none() && config.public_key.is_none() {
            return Err(Error::invalid(
                "secret_key",
                "give the secret key (servers) or the public key (Web API)",
            ));
        }
        if let Some(k) = &config.secret_key {
            validate::credential("secret_key", k.expose())?;
            if config.options.runtime == crate::driver::Runtime::Browser
                && !config.allow_secret_key_in_browser
            {
                return Err(Error::invalid(
                    "secret_key",
                    "the secret key must stay on a server; in a browser use the public key (Web API), or allow the secret key in a browser explicitly",
                ));
            }
        }
        if let Some(k) = &config.public_key {
            validate::credential("public_key", k.expose())?;
        }
        let export_base_url = parse_base_url(
            config
                .export_base_url
                .as_deref()
                .unwrap_or(DEFAULT_EXPORT_BASE_URL),
        )?;
        let driver = Driver::new(config.options, DEFAULT_BASE_URL, transport, timer)?;
        Ok(AdaptyClient {
            driver,
            export_base_url,
            secret_key: config.secret_key,
            public_key: config.public_key,
        })
    }

    /// The driver.
    pub fn driver(&self) -> &Driver<T, C> {
        &self.driver
    }

    /// The build context of this client's endpoints.
    pub fn context(&self) -> AdaptyContext<'_> {
        AdaptyContext {
            base_url: self.driver.base_url(),
            export_base_url: &self.export_base_url,
            secret_key: self.secret_key.as_ref(),
            public_key: self.public_key.as_ref(),
        }
    }

    /// Builds, sends (through the driver) and parses any endpoint: [`crate::send`], the call path every
    /// vendor shares.
    pub fn send<'a, E: AdaptyEndpoint + Sync>(
        &'a self,
        endpoint: &'a E,
    ) -> impl std::future::Future<Output = Result<E::Output, Error>> + crate::MaybeSend + 'a {
        crate::endpoint::send(self, endpoint)
    }

    crate::pagination::paged_methods!();

    /// Applies `operation` to every user with at most `options.concurrency` requests in flight (each
    /// through the driver, with its retries). Returns one item per user in input order; `on_progress`
    /// runs after each user finishes. Input is checked for every user before anything is sent.
    pub async fn bulk(
        &self,
        operation: &BulkOperation,
        users: Vec<AdaptyUser>,
        options: &BulkOptions,
        on_progress: impl FnMut(BulkProgress) + crate::MaybeSend,
    ) -> Result<BulkReport, Error> {
        let ctx = self.context();
        // Refuse bad input for the whole run up front, before the first request.
        for user in &users {
            match operation {
                BulkOperation::Delete => {
                    DeleteProfile { user: user.clone() }.build(&ctx).map(drop)?
                }
                BulkOperation::Grant { request } => GrantAccessLevel {
                    user: user.clone(),
                    request: request.clone(),
                }
                .build(&ctx)
                .map(drop)?,
                BulkOperation::Revoke { request } => RevokeAccessLevel {
                    user: user.clone(),
                    request: request.clone(),
                }
                .build(&ctx)
                .map(drop)?,
                BulkOperation::Update { profile } => UpdateProfile {
                    user: user.clone(),
                    profile: profile.clone(),
                }
                .build(&ctx)
                .map(drop)?,
            }
        }
        bulk::run(
            users,
            options,
            |user| async move {
                match operation {
                    BulkOperation::Delete => self.delete_profile(&user).await.map(|_| None),
                    BulkOperation::Grant { request } => {
                        self.grant_access_level(&user, request).await.map(Some)
                    }
                    BulkOperation::Revoke { request } => {
                        self.revoke_access_level(&user, request).await.map(Some)
                    }
                    BulkOperation::Update { profile } => {
                        self.update_profile(&user, profile).await.map(Some)
                    }
                }
            },
            on_progress,
        )
        .await
    }
}

impl<T: Transport, C: Timer> crate::Session for AdaptyClient<T, C> {
    type Api = super::AdaptyApi;

    async fn exchange<'s, B>(
        &'s self,
        build: &'s B,
        policy: crate::driver::RequestPolicy,
    ) -> Result<crate::driver::Exchange, Error>
    where
        B: for<'c> Fn(&AdaptyContext<'c>) -> Result<crate::HttpRequest, Error> + Sync,
    {
        let request = build(&self.context())?;
        self.driver.execute(request, policy).await
    }
}

#[cfg(feature = "reqwest")]
impl AdaptyClient<crate::native::ReqwestTransport, crate::native::TokioTimer> {
    /// A client on the native reqwest transport and tokio timer.
    pub fn native(config: AdaptyConfig) -> Result<Self, Error> {
        AdaptyClient::new(
            config,
            crate::native::ReqwestTransport::new()?,
            crate::native::TokioTimer,
        )
    }
}

#[cfg(all(test, feature = "reqwest"))]
mod secret_key_tests {
    use super::*;
    use crate::driver::Runtime;
    use crate::native::{ReqwestTransport, TokioTimer};

    fn client(runtime: Runtime, allow: bool) -> Result<(), Error> {
        let mut config = AdaptyConfig::secret("secret_live_x");
        config.options.runtime = runtime;
        config.allow_secret_key_in_browser = allow;
        AdaptyClient::new(config, ReqwestTransport::new()?, TokioTimer).map(drop)
    }

    #[test]
    fn a_secret_key_in_a_browser_is_refused_unless_allowed() {
        match client(Runtime::Browser, false) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "secret_key"),
            other => panic!("expected the secret key refused, got {other:?}"),
        }
        assert!(client(Runtime::Browser, true).is_ok());
        assert!(client(Runtime::Server, false).is_ok());
        let mut public = AdaptyConfig::public("public_live_x");
        public.options.runtime = Runtime::Browser;
        assert!(AdaptyClient::new(public, ReqwestTransport::new().unwrap(), TokioTimer).is_ok());
    }
}
