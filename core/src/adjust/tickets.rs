//! GET /status/{ticket_token} — background job status, and the options of
//! [`super::AdjustClient::wait_for_ticket`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::AdjustContext;
use super::apps::base_request;
use super::errors::{decode_error, decode_value};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::open_enum::open_enum;
use crate::validate;

open_enum! {
    /// The lifecycle of a ticket: `NEW` → `OPENED` → `COMPLETED` | `FAILED`. Unknown values are
    /// not terminal.
    TicketState {
        /// Created, job not started.
        New = "NEW",
        /// Job started.
        Opened = "OPENED",
        /// Job finished.
        Completed = "COMPLETED",
        /// Job failed.
        Failed = "FAILED",
    }
}

impl TicketState {
    /// `COMPLETED` or `FAILED`.
    pub fn is_terminal(&self) -> bool {
        matches!(self, TicketState::Completed | TicketState::Failed)
    }
}

/// GET /status/{ticket_token}.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GetTicketStatus {
    /// The ticket token (a UUID).
    pub ticket_token: String,
}

/// Migration result of one section: lists of migrated and failed items, or — when the section did not
/// run — the `detail` explaining why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SectionResult {
    /// Items migrated (usually names).
    pub successes: Vec<Json>,
    /// Items that failed.
    pub failures: Vec<Json>,
    /// Why the section did not run (the `{"section": ..., "detail": ...}` form).
    pub detail: Option<String>,
}

/// Signature generation result for one platform.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignatureResult {
    /// `success`.
    pub success: bool,
    /// `msg`.
    pub msg: String,
}

/// A ticket's status with its per-section and signature details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TicketStatus {
    /// The ticket token this status is for.
    pub ticket_token: String,
    /// `status`.
    pub status: TicketState,
    /// Per-section migration details, keyed by section name.
    pub sections: HashMap<String, SectionResult>,
    /// Signature results keyed by platform (`android`, `ios`).
    pub signatures: HashMap<String, SignatureResult>,
    /// `force_sdk_signature`: result text per app token, when the request changed the flag.
    pub force_sdk_signature: Option<HashMap<String, String>>,
    /// The vendor request id, when the response carried one.
    pub request_id: Option<String>,
}

impl crate::Endpoint for GetTicketStatus {
    type Api = crate::adjust::AdjustApi;
    type Output = TicketStatus;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        validate::path_segment("ticket_token", &self.ticket_token)?;
        base_request(ctx, Method::Get, &["status", &self.ticket_token], &[], true)
    }

    fn parse(&self, exchange: &Exchange) -> Result<TicketStatus, Error> {
        let Value::Object(map) = decode_value(exchange)? else {
            return Err(decode_error(exchange, "expected a JSON object"));
        };
        let status = match map.get("status") {
            Some(Value::String(s)) => TicketState::parse(s),
            _ => return Err(decode_error(exchange, "missing string field `status`")),
        };
        let mut out = TicketStatus {
            ticket_token: self.ticket_token.clone(),
            status,
            sections: HashMap::new(),
            signatures: HashMap::new(),
            force_sdk_signature: None,
            request_id: exchange.request_id.clone(),
        };
        for (key, value) in map {
            let Value::Object(obj) = value else { continue };
            if key == "force_sdk_signature" {
                let texts = obj
                    .into_iter()
                    .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())));
                out.force_sdk_signature = Some(texts.collect());
            } else if obj.contains_key("successes")
                || obj.contains_key("failures")
                || obj.contains_key("detail")
            {
                let list = |v: Option<&Value>| match v {
                    Some(Value::Array(items)) => items.iter().cloned().map(Json::new).collect(),
                    _ => Vec::new(),
                };
                let section = SectionResult {
                    successes: list(obj.get("successes")),
                    failures: list(obj.get("failures")),
                    detail: obj.get("detail").and_then(Value::as_str).map(str::to_owned),
                };
                out.sections.insert(key, section);
            } else if !obj.is_empty() && obj.values().all(|v| v.get("success").is_some()) {
                // Signature ticket info: {"<app_token or literal app_token>": {"android": {"success", "msg"}}}.
                for (platform, result) in obj {
                    let success = result
                        .get("success")
                        .and_then(Value::as_bool)
                        .unwrap_or(false);
                    let msg = result
                        .get("msg")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_owned();
                    out.signatures
                        .insert(platform, SignatureResult { success, msg });
                }
            }
        }
        Ok(out)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// How [`super::AdjustClient::wait_for_ticket`] polls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct WaitOptions {
    /// Give up after this many milliseconds (default 600 000).
    pub timeout_ms: u64,
    /// First pause between polls (default 1 000 ms), doubled after each poll.
    pub initial_interval_ms: u64,
    /// Longest pause between polls (default 15 000 ms).
    pub max_interval_ms: u64,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            timeout_ms: 600_000,
            initial_interval_ms: 1_000,
            max_interval_ms: 15_000,
        }
    }
}

crate::reply::reply!(TicketStatus);
