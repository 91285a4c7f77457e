//! adkit for Kotlin, Swift and Python (uniffi). Records and enums come from `adkit` itself (its
//! `uniffi` feature); this crate adds the clients, the error mapping, and the transport seam: a
//! foreign-implementable [`HttpTransport`] with the reqwest transport as the default. No policy lives
//! here — retries, redirects, timeouts and ticket polling are core's driver.

// `AdkitError` carries its response data by value because uniffi lifts error fields by value (no
// `Box` across the FFI); the size is the price of a typed error on every foreign surface.
#![allow(clippy::result_large_err)]
#![warn(missing_docs)]

use std::sync::Arc;

mod adapty;
mod adjust;
mod admitad;
mod admitad_publisher;
mod errors;
mod listeners;
mod operations;
mod transport;

pub use adapty::{AdaptyClient, AdaptyClientOptions, AdaptyWebhookReceiver, BulkProgressListener};
pub use adjust::{AdjustClient, AdjustClientOptions, TicketProgressListener};
pub use admitad::{
    AdmitadClient, AdmitadClientOptions, AdmitadSignedRequest, AdmitadTokenListener, AdmitadTokens,
    parse_admitad_callback, verify_admitad_signed_request,
};
pub use admitad_publisher::*;
pub use errors::{AdkitError, Checked, ResponseInfo};
pub use listeners::{ListenerError, ListenerFailure};
pub use transport::{
    HttpHeader, HttpRequest, HttpResponse, HttpTransport, TransportError, default_transport,
};

uniffi::setup_scaffolding!();

/// One query parameter this version of adkit does not know yet, appended to a request's URL after the
/// ones adkit sends (every client method takes a list of them as its last, optional `extra_query`
/// argument; repeat a name to repeat the parameter). A name must not be empty, and neither part may
/// hold control characters (`InvalidInput` otherwise); both are percent-encoded as UTF-8.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct QueryParam {
    /// The parameter's name (`brand_new_filter`).
    pub name: String,
    /// Its value, as text.
    pub value: String,
}

/// `endpoint` with the caller's extra query parameters (none when `extra_query` is null).
pub(crate) fn with_query<E>(
    endpoint: E,
    extra_query: Option<Vec<QueryParam>>,
) -> adkit::WithQuery<E> {
    adkit::WithQuery::new(endpoint).with_params(
        extra_query
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.name, p.value)),
    )
}

/// Shared by every client constructor: the transport chosen by the caller or the default one.
pub(crate) fn pick_transport(
    transport: Option<Arc<dyn HttpTransport>>,
) -> Result<Arc<dyn HttpTransport>, AdkitError> {
    match transport {
        Some(t) => Ok(t),
        None => transport::native_transport(),
    }
}
