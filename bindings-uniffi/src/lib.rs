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
mod transport;

pub use adapty::{AdaptyClient, AdaptyClientOptions, AdaptyWebhookReceiver, BulkProgressListener};
pub use adjust::{AdjustClient, AdjustClientOptions, TicketProgressListener};
pub use admitad::{
    AdmitadClient, AdmitadClientOptions, AdmitadSignedRequest, AdmitadTokenListener, AdmitadTokens,
    CouponPaginator, ProgramPaginator, StatisticsPaginator, parse_admitad_callback,
    verify_admitad_signed_request,
};
pub use errors::{AdkitError, Checked, ResponseInfo};
pub use listeners::{ListenerError, ListenerFailure};
pub use transport::{
    HttpHeader, HttpRequest, HttpResponse, HttpTransport, TransportError, default_transport,
};

uniffi::setup_scaffolding!();

/// Shared by every client constructor: the transport chosen by the caller or the default one.
pub(crate) fn pick_transport(
    transport: Option<Arc<dyn HttpTransport>>,
) -> Result<Arc<dyn HttpTransport>, AdkitError> {
    match transport {
        Some(t) => Ok(t),
        None => transport::native_transport(),
    }
}
