//! adkit for browsers and Node (wasm-bindgen). Each client method converts plain JS objects (camelCase
//! keys) to core's request types, runs core's driver over a `fetch` transport, and converts the typed
//! result back. No policy lives here.

mod adjust;
mod convert;
mod fetch;
mod typescript;

pub use adjust::AdjustClient;
