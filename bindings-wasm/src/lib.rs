//! adkit for browsers and Node (wasm-bindgen). Each client method converts plain JS objects (camelCase
//! keys) to core's request types, runs core's driver over a `fetch` transport, and converts the typed
//! result back. No policy lives here.

//!
//! The crate is empty off wasm32: JS promises and `fetch` exist only there.
#![warn(missing_docs)]

#[cfg(all(target_arch = "wasm32", feature = "adapty"))]
mod adapty;
#[cfg(all(target_arch = "wasm32", feature = "adjust"))]
mod adjust;
#[cfg(all(target_arch = "wasm32", feature = "admitad"))]
mod admitad;
#[cfg(all(target_arch = "wasm32", feature = "admitad"))]
mod admitad_publisher;
#[cfg(target_arch = "wasm32")]
mod convert;
#[cfg(target_arch = "wasm32")]
mod fetch;
#[cfg(all(target_arch = "wasm32", any(feature = "adapty", feature = "adjust")))]
mod operations;
#[cfg(target_arch = "wasm32")]
mod typescript;
#[cfg(all(target_arch = "wasm32", feature = "adapty"))]
mod typescript_adapty;
#[cfg(all(target_arch = "wasm32", feature = "admitad"))]
mod typescript_admitad;

#[cfg(all(target_arch = "wasm32", feature = "adapty"))]
pub use adapty::{AdaptyClient, AdaptyWebhookReceiver};
#[cfg(all(target_arch = "wasm32", feature = "adjust"))]
pub use adjust::AdjustClient;
#[cfg(all(target_arch = "wasm32", feature = "admitad"))]
pub use admitad::{AdmitadClient, parse_admitad_callback, verify_admitad_signed_request};
#[cfg(all(target_arch = "wasm32", feature = "admitad"))]
pub use admitad_publisher::AdmitadPaginator;
