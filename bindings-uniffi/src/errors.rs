//! [`AdkitError`]: core's error model as a uniffi error (Kotlin `AdkitException`, Swift/Python
//! `AdkitError`), one variant per kind, with the response data.

use adkit::{Error, FieldError, TransportErrorKind, Vendor};

/// What is known about the response behind an error.
#[derive(Clone, Debug, uniffi::Record)]
pub struct ResponseInfo {
    /// The vendor.
    pub vendor: Vendor,
    /// HTTP status.
    pub status: u16,
    /// Vendor error code.
    pub code: Option<String>,
    /// Human-readable message.
    pub detail: String,
    /// Vendor request id.
    pub request_id: Option<String>,
    /// Start of the body.
    pub body_excerpt: String,
    /// `Retry-After` in milliseconds.
    pub retry_after_ms: Option<u64>,
    /// Per-field errors.
    pub field_errors: Vec<FieldError>,
}

/// Every failure of an adkit call.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum AdkitError {
    /// Bad input, refused before sending.
    #[error("invalid input `{field}`: {reason}")]
    InvalidInput {
        /// The field.
        field: String,
        /// Why.
        reason: String,
    },
    /// The vendor answered with an error.
    #[error("{} API error (HTTP {}): {}", info.vendor.as_str(), info.status, info.detail)]
    Api {
        /// Response data.
        info: ResponseInfo,
    },
    /// The addressed resource does not exist (404, or a vendor code meaning it).
    #[error("{} not found (HTTP {}): {}", info.vendor.as_str(), info.status, info.detail)]
    NotFound {
        /// Response data.
        info: ResponseInfo,
    },
    /// Credentials refused (401/403).
    #[error("{} authentication failed (HTTP {}): {}", info.vendor.as_str(), info.status, info.detail)]
    Auth {
        /// Response data.
        info: ResponseInfo,
    },
    /// Rate limited after the driver's retries.
    #[error("{} rate limited (HTTP {})", info.vendor.as_str(), info.status)]
    RateLimited {
        /// Response data.
        info: ResponseInfo,
    },
    /// The response did not decode as documented.
    #[error("{} unexpected response (HTTP {}): {}", info.vendor.as_str(), info.status, info.detail)]
    Decode {
        /// Response data.
        info: ResponseInfo,
    },
    /// Failure below HTTP.
    #[error("transport error ({kind:?}): {detail}")]
    Transport {
        /// What failed.
        kind: TransportErrorKind,
        /// Description.
        detail: String,
    },
    /// The call was cancelled.
    #[error("cancelled")]
    Cancelled,
    /// A received webhook, callback or signed payload is not authentic.
    #[error("verification failed: {reason}")]
    Verification {
        /// What did not match.
        reason: String,
    },
}

impl From<Error> for AdkitError {
    fn from(e: Error) -> Self {
        let info = |d: &adkit::ResponseDetails| ResponseInfo {
            vendor: d.vendor,
            status: d.status,
            code: d.code.clone(),
            detail: d.message.clone(),
            request_id: d.request_id.clone(),
            body_excerpt: d.body_excerpt.clone(),
            retry_after_ms: d
                .retry_after
                .map(|r| u64::try_from(r.as_millis()).unwrap_or(u64::MAX)),
            field_errors: d.field_errors.clone(),
        };
        match &e {
            Error::InvalidInput { field, reason } => AdkitError::InvalidInput {
                field: field.clone(),
                reason: reason.clone(),
            },
            Error::Api(d) => AdkitError::Api { info: info(d) },
            Error::NotFound(d) => AdkitError::NotFound { info: info(d) },
            Error::Auth(d) => AdkitError::Auth { info: info(d) },
            Error::RateLimited(d) => AdkitError::RateLimited { info: info(d) },
            Error::Decode(d) => AdkitError::Decode { info: info(d) },
            Error::Transport { kind, message } => AdkitError::Transport {
                kind: *kind,
                detail: message.clone(),
            },
            Error::Cancelled => AdkitError::Cancelled,
            Error::Verification { reason } => AdkitError::Verification {
                reason: reason.clone(),
            },
            other => AdkitError::Transport {
                kind: TransportErrorKind::Other,
                detail: other.to_string(),
            },
        }
    }
}

impl From<uniffi::UnexpectedUniFFICallbackError> for AdkitError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        AdkitError::Transport {
            kind: TransportErrorKind::Other,
            detail: format!("callback failed: {}", e.reason),
        }
    }
}

/// The return type of a call whose arguments hold raw JSON text (core's `Json`, JSON text on the
/// foreign side). uniffi reads arguments before the function runs, so text that is not JSON fails
/// there — and would reach Kotlin, Swift or Python as an internal error. Through this wrapper such an
/// argument becomes `AdkitError::InvalidInput` naming it, like every other bad input. On the foreign
/// side the signature is exactly that of `Result<T, AdkitError>`.
pub struct Checked<T>(pub Result<T, AdkitError>);

impl<T> From<Result<T, AdkitError>> for Checked<T> {
    fn from(result: Result<T, AdkitError>) -> Self {
        Checked(result)
    }
}

/// Why an argument could not be read: the innermost cause (serde's message for JSON text), with
/// what it concerns.
fn unreadable(error: &uniffi::deps::anyhow::Error) -> String {
    let cause = error.root_cause().to_string();
    let json = error
        .chain()
        .any(|e| e.to_string().contains("adkit::json::Json"));
    if json {
        format!("holds text that is not JSON in a raw-JSON field: {cause}")
    } else {
        format!("could not be read: {cause}")
    }
}

// SAFETY: every item delegates to the `Result<T, AdkitError>` implementation, so the FFI type, the
// lowered values and the metadata are exactly those of a plain `Result`; only a failed argument lift
// is answered differently, with a lowered `AdkitError` (what `Result` itself does for errors it can
// downcast).
unsafe impl<T> uniffi::LowerReturn<crate::UniFfiTag> for Checked<T>
where
    Result<T, AdkitError>: uniffi::LowerReturn<crate::UniFfiTag>,
{
    type ReturnType = <Result<T, AdkitError> as uniffi::LowerReturn<crate::UniFfiTag>>::ReturnType;

    fn lower_return(v: Self) -> Result<Self::ReturnType, uniffi::RustCallError> {
        <Result<T, AdkitError> as uniffi::LowerReturn<crate::UniFfiTag>>::lower_return(v.0)
    }

    fn handle_failed_lift(
        error: uniffi::LiftArgsError,
    ) -> Result<Self::ReturnType, uniffi::RustCallError> {
        let invalid = AdkitError::InvalidInput {
            field: error.arg_name.to_owned(),
            reason: unreadable(&error.error),
        };
        Self::lower_return(Checked(Err(invalid)))
    }
}

impl<T> uniffi::TypeId<crate::UniFfiTag> for Checked<T>
where
    Result<T, AdkitError>: uniffi::TypeId<crate::UniFfiTag>,
{
    const TYPE_ID_META: uniffi::MetadataBuffer =
        <Result<T, AdkitError> as uniffi::TypeId<crate::UniFfiTag>>::TYPE_ID_META;
}
