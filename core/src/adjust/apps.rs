//! Apps: get-or-create (POST /app), details (GET /app/{token}), lookup by store id (GET /app?store_id=
//! &platform=, answered with a redirect) and identity update (POST /app/{token}).

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use super::AdjustContext;
use super::errors::{decode_json, with_request_id};
use super::models::{ChannelSetup, OverrideSettings, Platform, Section, check_signature_hash};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::validate;

/// POST /app — creates the app from the template if it does not exist (get-or-create; safe to repeat)
/// and starts a background migration whose ticket is returned.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateApp {
    /// `store_id`: the bundle id on Android, the numeric iTunes id (digits only) on iOS.
    pub store_id: String,
    /// `platform`: `android` or `ios`.
    pub platform: Platform,
    /// `name`: the app name (mandatory since v2).
    pub name: String,
    /// `bundle_id` (mandatory since v2).
    pub bundle_id: String,
    /// `verification`: run iOS verification synchronously (needs the account feature, else HTTP 400).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub verification: Option<bool>,
    /// `android_signature_hash`: SHA-1 fingerprints, comma-separated without spaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_signature_hash: Option<String>,
    /// `channel_setup`: partner values (send the complete set each time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub channel_setup: Option<ChannelSetup>,
    /// `editors`: e-mails of users who get access to the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub editors: Option<Vec<String>>,
    /// `template_app_token`: a template other than the agreed default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub template_app_token: Option<String>,
    /// `ios_pv_shared_secret`: iOS purchase-verification shared secret (redacted in `Debug`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ios_pv_shared_secret: Option<String>,
    /// `sections`: migrate only these sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sections: Option<Vec<Section>>,
    /// `force_update`: run a full migration even if nothing changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub force_update: Option<bool>,
    /// `override_settings`: per-app overrides of template values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub override_settings: Option<OverrideSettings>,
}

impl fmt::Debug for CreateApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreateApp")
            .field("store_id", &self.store_id)
            .field("platform", &self.platform)
            .field("name", &self.name)
            .field("bundle_id", &self.bundle_id)
            .field("verification", &self.verification)
            .field("android_signature_hash", &self.android_signature_hash)
            .field("channel_setup", &self.channel_setup)
            .field("editors", &self.editors)
            .field("template_app_token", &self.template_app_token)
            .field(
                "ios_pv_shared_secret",
                &self.ios_pv_shared_secret.as_ref().map(|_| "<redacted>"),
            )
            .field("sections", &self.sections)
            .field("force_update", &self.force_update)
            .field("override_settings", &self.override_settings)
            .finish()
    }
}

/// Checks a store id for the platform: digits only on iOS.
fn check_store_id(field: &str, store_id: &str, platform: &Platform) -> Result<(), Error> {
    validate::required(field, store_id)?;
    if *platform == Platform::Ios && !store_id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Error::invalid(
            field,
            "an iOS store id is the numeric iTunes id, digits only",
        ));
    }
    Ok(())
}

/// Builds a JSON POST with the auth headers.
pub(super) fn json_post(
    ctx: &AdjustContext<'_>,
    path: &[&str],
    body: &impl Serialize,
    with_signature: bool,
) -> Result<HttpRequest, Error> {
    let mut req = base_request(ctx, Method::Post, path, &[], with_signature)?;
    req.set_header("Content-Type", "application/json");
    req.body = serde_json::to_vec(body).map_err(|e| Error::invalid("body", e.to_string()))?;
    Ok(req)
}

/// Builds a request under the base URL with the auth headers: `AdjustAuthorization: Token <api token>`
/// always, `SignatureAuthorization: Token <signature token>` when configured and `with_signature`.
pub(super) fn base_request(
    ctx: &AdjustContext<'_>,
    method: Method,
    path: &[&str],
    query: &[(&str, &str)],
    with_signature: bool,
) -> Result<HttpRequest, Error> {
    let url = ctx.base_url.endpoint(path, query);
    let mut req = HttpRequest::new(method, url.to_string());
    req.set_header("Accept", "application/json");
    req.set_header(
        super::AUTH_HEADER,
        format!("Token {}", ctx.api_token.expose()),
    );
    if with_signature {
        if let Some(sig) = ctx.signature_token {
            req.set_header(
                super::SIGNATURE_AUTH_HEADER,
                format!("Token {}", sig.expose()),
            );
        }
    }
    Ok(req)
}

impl crate::Endpoint for CreateApp {
    type Api = crate::adjust::AdjustApi;
    type Output = CreateAppResponse;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        self.platform.check_single("platform")?;
        check_store_id("store_id", &self.store_id, &self.platform)?;
        validate::required("name", &self.name)?;
        validate::required("bundle_id", &self.bundle_id)?;
        if let Some(hash) = &self.android_signature_hash {
            check_signature_hash("android_signature_hash", hash)?;
        }
        if let Some(setup) = &self.channel_setup {
            setup.check("channel_setup")?;
        }
        if let Some(editors) = &self.editors {
            for e in editors {
                let ok = e
                    .split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
                    && !e.chars().any(|c| c.is_whitespace() || c.is_control());
                if !ok {
                    return Err(Error::invalid(
                        "editors",
                        format!("`{e}` is not an e-mail address"),
                    ));
                }
            }
        }
        if let Some(t) = &self.template_app_token {
            validate::path_segment("template_app_token", t)?;
        }
        if let Some(sections) = &self.sections {
            if sections.iter().any(|s| s.as_str().trim().is_empty()) {
                return Err(Error::invalid(
                    "sections",
                    "section names must not be empty",
                ));
            }
        }
        // The signature token triggers signature generation only together with a hash.
        json_post(ctx, &["app"], self, self.android_signature_hash.is_some())
    }

    fn parse(&self, exchange: &Exchange) -> Result<CreateAppResponse, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        // Documented as safe to invoke multiple times for the same app (get-or-create).
        RequestPolicy {
            idempotent: true,
            follow_redirects: false,
        }
    }
}

/// The answer to POST /app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CreateAppResponse {
    /// `adjust_app_token`: the app token for the SDK and later calls.
    pub adjust_app_token: String,
    /// `ticket_token`: the background job; absent when no job was needed.
    #[serde(default)]
    pub ticket_token: Option<String>,
    /// `name`.
    #[serde(default)]
    pub name: Option<String>,
    /// `sk_app_id`: StoreKit app id once verified (sent as null, a number or a string).
    #[serde(default, deserialize_with = "string_or_number")]
    pub sk_app_id: Option<String>,
    /// `store_id`.
    #[serde(default)]
    pub store_id: Option<String>,
    /// `bundle_id`.
    #[serde(default)]
    pub bundle_id: Option<String>,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Null) | None => None,
        Some(_) => return Err(serde::de::Error::custom("expected a string or number")),
    })
}

/// GET /app/{adjust_app_token}/ — app details (with the trailing slash the developer docs write).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GetApp {
    /// The app token.
    pub app_token: String,
}

impl crate::Endpoint for GetApp {
    type Api = crate::adjust::AdjustApi;
    type Output = AppDetails;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        validate::path_segment("app_token", &self.app_token)?;
        base_request(ctx, Method::Get, &["app", &self.app_token, ""], &[], false)
    }

    fn parse(&self, exchange: &Exchange) -> Result<AppDetails, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// GET /app?store_id=&platform= — finds an app by store id; Adjust answers with a redirect to
/// GET /app/{token}, which the driver follows on the same origin with the credentials.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FindApp {
    /// `store_id`.
    pub store_id: String,
    /// `platform`: `android` or `ios`.
    pub platform: Platform,
}

impl crate::Endpoint for FindApp {
    type Api = crate::adjust::AdjustApi;
    type Output = AppDetails;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        self.platform.check_single("platform")?;
        check_store_id("store_id", &self.store_id, &self.platform)?;
        base_request(
            ctx,
            Method::Get,
            &["app"],
            &[
                ("store_id", &self.store_id),
                ("platform", self.platform.as_str()),
            ],
            false,
        )
    }

    fn parse(&self, exchange: &Exchange) -> Result<AppDetails, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// An app as GET /app/{token} describes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppDetails {
    /// `adjust_app_token`.
    pub adjust_app_token: String,
    /// `store_id`.
    pub store_id: String,
    /// `platform`.
    pub platform: Platform,
    /// `name`.
    pub name: String,
    /// `cross_promo_token`, once available.
    #[serde(default)]
    pub cross_promo_token: Option<String>,
    /// `additional_info`: everything the automation stored (e.g. `{"overrides": {...}}`), raw.
    #[serde(default)]
    pub additional_info: Option<Json>,
    /// `android_signature_hash`.
    #[serde(default)]
    pub android_signature_hash: Option<String>,
    /// `channel_setup` as stored (keys may differ from what was sent, e.g. snapchat `app_id`).
    #[serde(default)]
    pub channel_setup: Option<HashMap<String, Json>>,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

/// POST /app/{app_token} — changes name, store id, bundle id or signature hash of an existing app.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UpdateApp {
    /// The app token (path).
    #[serde(skip_serializing, default)]
    pub app_token: String,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub name: Option<String>,
    /// `store_id` (Android: `bundle_id` follows it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store_id: Option<String>,
    /// `bundle_id` (iOS only; ignored for Android).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub bundle_id: Option<String>,
    /// `android_signature_hash`: needed to regenerate the signature when an Android store id changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_signature_hash: Option<String>,
}

impl crate::Endpoint for UpdateApp {
    type Api = crate::adjust::AdjustApi;
    type Output = UpdateAppResponse;

    fn build(&self, ctx: &AdjustContext<'_>) -> Result<HttpRequest, Error> {
        validate::path_segment("app_token", &self.app_token)?;
        if self.name.is_none()
            && self.store_id.is_none()
            && self.bundle_id.is_none()
            && self.android_signature_hash.is_none()
        {
            return Err(Error::invalid(
                "body",
                "nothing to update: set name, store_id, bundle_id or android_signature_hash",
            ));
        }
        for (field, value) in [
            ("name", &self.name),
            ("store_id", &self.store_id),
            ("bundle_id", &self.bundle_id),
        ] {
            if let Some(v) = value {
                validate::required(field, v)?;
            }
        }
        if let Some(hash) = &self.android_signature_hash {
            check_signature_hash("android_signature_hash", hash)?;
        }
        json_post(ctx, &["app", &self.app_token], self, true)
    }

    fn parse(&self, exchange: &Exchange) -> Result<UpdateAppResponse, Error> {
        decode_json(exchange)
    }

    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Post)
    }
}

/// The answer to POST /app/{app_token}.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UpdateAppResponse {
    /// `store_id`.
    pub store_id: String,
    /// `name`.
    pub name: String,
    /// `ticket_token` of the update job.
    pub ticket_token: String,
    /// The vendor request id, when the response carried one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

with_request_id!(CreateAppResponse, AppDetails, UpdateAppResponse);
