//! `adkit-sandbox`: a real HTTP server on 127.0.0.1 that plays the vendors for adkit's tests and tour.
//!
//! * `/adjust/api/...` — Adjust's settings API ([`adjust`]): token checks (401 with a JSON body),
//!   required-field validation (400 with field errors), in-memory apps with get-or-create semantics,
//!   tickets that move NEW → OPENED → COMPLETED (or FAILED for an unknown template) over successive
//!   polls, the store-id lookup answered with a redirect, signature jobs.
//! * `/adapty/...` — Adapty ([`adapty`]): every server-side, export and Web API family under one
//!   root, in-memory profiles, access levels, transactions, paywalls, virtual currency, the four error
//!   envelopes, and a webhook sender (`POST /__sandbox/adapty/webhook`).
//! * `/admitad/...` — Admitad's OAuth server and `/me/` ([`admitad`]).
//! * `/__sandbox/faults` — tests queue faults per credential (status + `Retry-After`, HTML, truncated or
//!   oversized bodies, delays, a redirect to another origin) consumed by that credential's next requests.
//! * A second listener is "another origin": it records the headers it receives
//!   (`GET /__sandbox/other-origin/requests` on the main listener) so tests can prove credentials never
//!   travel there.
//!
//! Every response carries CORS headers and an `x-request-id`. State is kept per API token, so parallel
//! tests with different tokens never see each other. New vendors mount beside Adjust in [`router`].

#![warn(missing_docs)]

pub mod adapty;
pub mod adjust;
pub mod admitad;
mod admitad_publisher;
mod common;
mod raw;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use tokio::net::TcpListener;

pub use common::{Fault, SandboxState};

/// A running sandbox.
pub struct Sandbox {
    /// `http://127.0.0.1:<port>`: the main listener.
    pub base_url: String,
    /// `http://127.0.0.1:<other port>`: a different origin that records what it receives.
    pub other_origin_url: String,
    /// `http://127.0.0.1:<raw port>`: faults below HTTP — `/reset/...` resets the connection,
    /// `/truncated/...` promises a longer body than it sends.
    pub raw_faults_url: String,
    /// Shared state (for in-process assertions).
    pub state: Arc<SandboxState>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Sandbox {
    /// Starts both listeners on 127.0.0.1 (`port` 0 picks a free one) on the current tokio runtime.
    pub async fn start_on(port: u16) -> std::io::Result<Sandbox> {
        let main = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
        let other = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let raw = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
        let raw_faults_url = format!("http://{}", raw.local_addr()?);
        let base_url = format!("http://{}", main.local_addr()?);
        let other_origin_url = format!("http://{}", other.local_addr()?);
        let state = Arc::new(SandboxState::new(
            base_url.clone(),
            other_origin_url.clone(),
        ));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let rx = Arc::new(Mutex::new(Some(rx)));
        let app = router(state.clone());
        let other_app = common::other_origin_router(state.clone());
        tokio::spawn(async move {
            let stop = async move {
                let rx = rx.lock().ok().and_then(|mut g| g.take());
                if let Some(rx) = rx {
                    let _ = rx.await;
                }
            };
            let _ = axum::serve(main, app).with_graceful_shutdown(stop).await;
        });
        tokio::spawn(async move {
            let _ = axum::serve(other, other_app).await;
        });
        tokio::spawn(raw::serve(raw, state.clone()));
        Ok(Sandbox {
            base_url,
            other_origin_url,
            raw_faults_url,
            state,
            shutdown: Some(tx),
        })
    }

    /// Starts on a free port.
    pub async fn start() -> std::io::Result<Sandbox> {
        Sandbox::start_on(0).await
    }

    /// The root of every Adapty family (server-side, Stripe, export, Web API), ending in `/`.
    pub fn adapty_url(&self) -> String {
        format!("{}/adapty/", self.base_url)
    }

    /// The base URL of Admitad's API and OAuth server (ends in `/`).
    pub fn admitad_url(&self) -> String {
        format!("{}/admitad/", self.base_url)
    }

    /// The base URL of the Adjust settings API (ends in `/`).
    pub fn adjust_url(&self) -> String {
        format!("{}/adjust/api/", self.base_url)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// All vendors and the control endpoints on one router.
pub fn router(state: Arc<SandboxState>) -> Router {
    Router::new()
        .nest("/adjust/api", adjust::router())
        .nest("/adapty", adapty::router())
        .nest("/admitad", admitad::router())
        .merge(common::control_router())
        .merge(adapty::control_router())
        .merge(admitad::control_router())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            common::cors_and_request_id,
        ))
        .with_state(state)
}
