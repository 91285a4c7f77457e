//! SDK signatures: download links (GET /signature?bundle_id=) and generation (POST /signature, both
//! tokens required).

use serde::{Deserialize, Serialize};

use super::AdjustContext;
use super::apps::{base_request, json_post};
use super::errors::{decode_json, with_request_id};
use super::models::{Platform, check_signature_hash};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::validate;

/// GET /signature?bundle_id= — the signed SDK libraries of a bundle id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GetSignature {
    /// `bundle_id` (query).
    pub bundle_id: String,
}

impl crate::Endpoint for GetSignature {
    type Api = crate::adjust::AdjustApi;
    type Output = SignatureLibraries;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("bundle_id", &self.bundle_id)?;
        base_request(
            ctx,
            Method::Get,
            &["signature"],
            &[("bundle_id", &self.bundle_id)],
            true,
        )
    }

    fn parse(&self, exchange: &Exchange) -> Result<SignatureLibraries, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// Download links of the signed SDK libraries; every field is `None` until available.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignatureLibraries {
    /// `android_app_token`.
    #[serde(default)]
    pub android_app_token: Option<String>,
    /// `ios_app_token`.
    #[serde(default)]
    pub ios_app_token: Option<String>,
    /// `android_lib_url`: the signed `adjust-android.aar`.
    #[serde(default)]
    pub android_lib_url: Option<String>,
    /// `ios_lib_url`: the signed `AdjustSdk.a`.
    #[serde(default)]
    pub ios_lib_url: Option<String>,
    /// `android_doctor_url`: debugging tools.
    #[serde(default)]
    pub android_doctor_url: Option<String>,
    /// `ios_doctor_url`: debugging tools.
    #[serde(default)]
    pub ios_doctor_url: Option<String>,
    /// `ios_md5_sum`.
    #[serde(default)]
    pub ios_md5_sum: Option<String>,
    /// `android_md5_sum`.
    #[serde(default)]
    pub android_md5_sum: Option<String>,
    /// `library_type` (currently only `plugin`).
    #[serde(default)]
    pub library_type: Option<String>,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// POST /signature — generates SDK signatures in a background job. Needs the signature token.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GenerateSignature {
    /// `app_token`.
    pub app_token: String,
    /// `platform`: `android`, `ios` or `both` (multiplatform app).
    pub platform: Platform,
    /// `android_signature_hash`: required for `android` and `both`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_signature_hash: Option<String>,
    /// `force_sdk_signature`: turn the app's "Force SDK Signature" setting on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub force_sdk_signature: Option<bool>,
}

impl crate::Endpoint for GenerateSignature {
    type Api = crate::adjust::AdjustApi;
    type Output = GenerateSignatureResponse;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        if ctx.signature_token.is_none() {
            return Err(Error::invalid(
                "signature_token",
                "POST /signature needs the signature token (SignatureAuthorization)",
            ));
        }
        validate::path_segment("app_token", &self.app_token)?;
        match (&self.platform, &self.android_signature_hash) {
            (Platform::Android | Platform::Both, None) => {
                return Err(Error::invalid(
                    "android_signature_hash",
                    "required for platform `android` and `both`",
                ));
            }
            (Platform::Android | Platform::Ios | Platform::Both, _) => {}
            (other, _) => {
                return Err(Error::invalid(
                    "platform",
                    format!("unknown platform `{other}`: expected `android`, `ios` or `both`"),
                ));
            }
        }
        if let Some(hash) = &self.android_signature_hash {
            check_signature_hash("android_signature_hash", hash)?;
        }
        json_post(ctx, &["signature"], self, true)
    }

    fn parse(&self, exchange: &Exchange) -> Result<GenerateSignatureResponse, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Post)
    }
}

/// The answer to POST /signature.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GenerateSignatureResponse {
    /// `ticket_token` of the signature job.
    pub ticket_token: String,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

with_request_id!(SignatureLibraries, GenerateSignatureResponse);
