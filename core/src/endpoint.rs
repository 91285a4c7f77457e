//! One endpoint model for every vendor: an [`Endpoint`] is a request value that builds the exact
//! [`HttpRequest`] for its vendor's [`Api`] context and parses the final [`Exchange`]; a [`Session`] is a
//! vendor client that knows how to get an exchange for a request (credentials, token refresh, rate
//! limits); [`send`] is the one build → exchange → parse path all three clients share.
//!
//! ```
//! use adkit::Endpoint;
//! use adkit::admitad::{AdmitadContext, GetBalance};
//! use adkit::driver::parse_base_url;
//!
//! let base = parse_base_url("https://api.admitad.com/")?;
//! let request = GetBalance { extended: true, ..Default::default() }
//!     .build(&AdmitadContext { base_url: &base, access_token: "t" })?;
//! assert_eq!(request.url, "https://api.admitad.com/me/balance/extended/");
//! # Ok::<(), adkit::Error>(())
//! ```

use std::future::Future;

use crate::driver::{Exchange, RequestPolicy};
use crate::error::{Error, Vendor};
use crate::http::HttpRequest;
use crate::reply::Reply;
use crate::transport::MaybeSend;

/// A vendor API: which vendor, and what its endpoints need to build a request (base URLs and
/// credentials).
pub trait Api {
    /// The vendor.
    const VENDOR: Vendor;
    /// What an endpoint of this API builds its request from.
    type Context<'a>;
}

/// The build context of API `A`.
pub type Context<'a, A> = <A as Api>::Context<'a>;

/// One endpoint of any vendor: a pure request builder and a pure response parser.
pub trait Endpoint {
    /// The vendor API the endpoint belongs to.
    type Api: Api;
    /// The typed result; it carries the request id of its response (see [`crate::reply`]).
    type Output: crate::Reply;
    /// Builds the exact request, or refuses bad input with [`Error::InvalidInput`] before anything is
    /// sent.
    fn build(&self, ctx: &Context<'_, Self::Api>) -> Result<HttpRequest, Error>;
    /// Parses the final response of the exchange (the vendor's envelope and errors included).
    fn parse(&self, exchange: &Exchange) -> Result<Self::Output, Error>;
    /// Whether the request may be repeated and may follow redirects.
    fn policy(&self) -> RequestPolicy;
    /// [`parse`](Self::parse), then the response's request id recorded on the result: what every
    /// client's call path returns.
    fn parse_reply(&self, exchange: &Exchange) -> Result<Self::Output, Error> {
        let mut out = self.parse(exchange)?;
        out.set_request_id(exchange.request_id.clone());
        Ok(out)
    }
}

/// Builds an endpoint's request for the context of the moment (an Admitad client calls it again with
/// a renewed token).
pub type Build<'b, A> = dyn for<'c> Fn(&Context<'c, A>) -> Result<HttpRequest, Error> + Sync + 'b;

/// A vendor client: turns a request builder into the final exchange, with everything the vendor needs
/// around it (credentials, a token refresh, a rate limit) and the driver's timeouts, retries and
/// redirects.
pub trait Session {
    /// The vendor API of the client.
    type Api: Api;
    /// Builds the request with `build` (refusing bad input before anything is sent) and runs it under
    /// `policy`. A client whose path is long (Admitad's token refresh) hands `build` on as a [`Build`]
    /// trait object, so that path exists once however many endpoints there are.
    fn exchange<'s, B>(
        &'s self,
        build: &'s B,
        policy: RequestPolicy,
    ) -> impl Future<Output = Result<Exchange, Error>> + MaybeSend + 's
    where
        B: for<'c> Fn(&Context<'c, Self::Api>) -> Result<HttpRequest, Error> + Sync;
}

/// The one call path of every endpoint of every vendor: build, exchange, parse.
pub async fn send<S, E>(session: &S, endpoint: &E) -> Result<E::Output, Error>
where
    S: Session,
    E: Endpoint<Api = S::Api> + Sync,
{
    let build = |ctx: &Context<'_, S::Api>| endpoint.build(ctx);
    let exchange = session.exchange(&build, endpoint.policy()).await?;
    endpoint.parse_reply(&exchange)
}

/// How a method parameter becomes the field of the endpoint value it builds: the operation tables
/// write each named method's parameters as they are taken (`user: &AdaptyUser`, `app_token: &str`,
/// `platform: Platform`) and the field is made from the parameter (a clone, an owned string, a copy).
#[doc(hidden)]
pub trait FieldFrom<P> {
    /// The field made from the parameter.
    fn field_from(parameter: P) -> Self;
}

impl<T: Clone> FieldFrom<&T> for T {
    fn field_from(parameter: &T) -> T {
        parameter.clone()
    }
}

impl FieldFrom<&str> for String {
    fn field_from(parameter: &str) -> String {
        parameter.to_owned()
    }
}

impl FieldFrom<crate::adjust::Platform> for crate::adjust::Platform {
    fn field_from(parameter: crate::adjust::Platform) -> Self {
        parameter
    }
}

/// The type a named Rust method takes for a field of the operation tables: `&str` for a `String`,
/// a plain `Platform` (it is `Copy`), `&T` for anything else.
#[doc(hidden)]
#[macro_export]
macro_rules! param_type {
    (String) => {
        &str
    };
    (Platform) => {
        $crate::adjust::Platform
    };
    ($t:ident) => {
        &$t
    };
}
