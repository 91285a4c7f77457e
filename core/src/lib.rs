//! # adkit
//!
//! Typed clients for the HTTP APIs of Adapty, Admitad and Adjust, built sans-IO: every endpoint is a
//! value that builds an [`HttpRequest`] and a pure function that parses an [`HttpResponse`]. One
//! [`driver::Driver`], generic over a [`Transport`] and a [`Timer`], adds what every surface shares —
//! base URL checks, an SDK identification header, timeouts, retries with backoff and `Retry-After`,
//! redirects that never carry credentials to another origin, a response size cap and the vendor
//! request id.
//!
//! With the `reqwest` feature, [`native::ReqwestTransport`] and [`native::TokioTimer`] make the
//! clients usable directly:
//!
//! ```no_run
//! # #[cfg(feature = "reqwest")]
//! # async fn demo() -> Result<(), adkit::Error> {
//! use adkit::adjust::{AdjustClient, AdjustConfig, Platform};
//! let client = AdjustClient::native(AdjustConfig::new("my-api-token"))?;
//! let app = client.find_app("com.example.app", Platform::Android).await?;
//! println!("{} -> {}", app.name, app.adjust_app_token);
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod adapty;
pub mod adjust;
pub mod admitad;
pub mod case;
pub mod driver;
pub mod endpoint;
mod error;
mod extra_query;
mod http;
mod json;
mod lenient;
pub mod limiter;
#[cfg(feature = "reqwest")]
pub mod native;
mod open_enum;
pub mod pagination;
pub mod random;
pub mod registry;
pub mod reply;
mod secret;
mod transport;
pub mod validate;
pub mod weburl;

pub use endpoint::{Endpoint, Session, send};
pub use error::{
    Error, ErrorKind, FieldError, ResponseDetails, TransportErrorKind, Vendor, is_credential_name,
};
pub use extra_query::{WithQuery, append_query};
pub use http::{HttpRequest, HttpResponse, Method, is_credential_header};
pub use json::Json;
pub use reply::{Ack, JsonReply, Reply};
pub use secret::Secret;
pub use transport::{
    MaybeSend, MaybeSync, Timer, Transport, TransportError, TransportOptions, race,
};

/// The crate version, sent in the SDK identification header.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!("adkit");
