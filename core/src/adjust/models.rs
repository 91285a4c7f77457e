//! Shared Adjust types: platforms, sections, channel setup, override settings.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::json::Json;
use crate::open_enum::open_enum;

open_enum! {
    /// The platform of an Adjust app. `Both` is only valid for [`super::GenerateSignature`]
    /// (a multiplatform app); an `Other` value is refused before sending.
    Platform {
        /// Android.
        Android = "android",
        /// iOS.
        Ios = "ios",
        /// Both platforms of a multiplatform app (POST /signature only).
        Both = "both",
    }
}

/// `android`, so request records can be built with `..Default::default()`.
#[allow(clippy::derivable_impls)] // the enum comes from `open_enum!`, which cannot place `#[default]`
impl Default for Platform {
    fn default() -> Self {
        Platform::Android
    }
}

impl Platform {
    /// Accepts `android` or `ios` only (every endpoint but POST /signature).
    pub(crate) fn check_single(&self, field: &str) -> Result<(), Error> {
        match self {
            Platform::Android | Platform::Ios => Ok(()),
            other => Err(Error::invalid(
                field,
                format!("unknown platform `{other}`: expected `android` or `ios`"),
            )),
        }
    }
}

open_enum! {
    /// A settings section a migration can be limited to. The exact list is not public; these
    /// are the documented and inferred names.
    Section {
        /// Events.
        Events = "events",
        /// Partners (network modules).
        Partners = "partners",
        /// CSV upload settings.
        CsvUploadSettings = "csv_upload_settings",
        /// iOS 14 / SKAdNetwork settings.
        Ios14 = "ios_14",
        /// Attribution settings.
        AttributionSettings = "attribution_settings",
        /// Trackers.
        Trackers = "trackers",
        /// Callbacks.
        Callbacks = "callbacks",
        /// SDK secrets.
        SdkSecrets = "sdk_secrets",
        /// External data forwarding.
        ExternalDataForwarding = "external_data_forwarding",
        /// Fraud prevention settings.
        FraudPreventionSettings = "fraud_prevention_settings",
        /// Purchase verification.
        PurchaseVerification = "purchase_verification",
        /// SDK signature.
        Signature = "signature",
    }
}

/// Snapchat: the Snap app id. Adjust's channel-setup page names the key `snap_app_id`; its app-endpoint
/// examples send (and `GET /app` returns) `app_id`. Set the one your integration uses: it is sent as
/// given (at least one, non-empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SnapchatSetup {
    /// `snap_app_id` (the channel-setup page's key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub snap_app_id: Option<String>,
    /// `app_id` (the app endpoint's examples' key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub app_id: Option<String>,
}

/// Facebook: the Facebook app id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct FacebookSetup {
    /// `app_id`.
    pub app_id: String,
    /// `adimpression_forwarding`: forward ad impressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub adimpression_forwarding: Option<bool>,
}

/// Google: the Google Ads link id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GoogleSetup {
    /// `link_id`.
    pub link_id: String,
}

/// GameAnalytics: the game key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GameAnalyticsSetup {
    /// `key`.
    pub key: String,
}

/// A partner identified by an app id (Tapjoy, Vungle).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppIdSetup {
    /// `app_id`.
    pub app_id: String,
}

/// Unity Ads: the game id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct UnityAdsSetup {
    /// `game_id`.
    pub game_id: String,
}

/// Chartboost: app id and app signature.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChartboostSetup {
    /// `app_id`.
    pub app_id: String,
    /// `token`: the app signature (treated as a secret in `Debug`).
    pub token: String,
}

/// InMobi: property and advertiser ids.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InMobiSetup {
    /// `property_id`.
    pub property_id: String,
    /// `advertiser_id`.
    pub advertiser_id: String,
}

/// AppLovin: SDK keys.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AppLovinSetup {
    /// `sdk_keys` (treated as secrets in `Debug`).
    pub sdk_keys: Vec<String>,
}

/// Mintegral: enable the integration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MintegralSetup {
    /// `enabled`.
    pub enabled: bool,
}

/// TikTok: enable flag and app id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TikTokSetup {
    /// `enabled`.
    pub enabled: bool,
    /// `app_id`.
    pub app_id: String,
}

/// ironSource: advertiser id and password.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct IronSourceSetup {
    /// `advertiser_id`.
    pub advertiser_id: String,
    /// `password` (a secret: redacted in `Debug`).
    pub password: String,
}

impl fmt::Debug for ChartboostSetup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ChartboostSetup")
            .field("app_id", &self.app_id)
            .field("token", &"<redacted>")
            .finish()
    }
}

impl fmt::Debug for AppLovinSetup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AppLovinSetup")
            .field(
                "sdk_keys",
                &format_args!("<{} redacted>", self.sdk_keys.len()),
            )
            .finish()
    }
}

impl fmt::Debug for IronSourceSetup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IronSourceSetup")
            .field("advertiser_id", &self.advertiser_id)
            .field("password", &"<redacted>")
            .finish()
    }
}

/// Partner-specific values sent as `channel_setup` on POST /app and POST /campaign: the 13
/// documented partners typed, any other partner as raw JSON in `other`. Adjust advises sending every
/// known value each time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ChannelSetup {
    /// `snapchat`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub snapchat: Option<SnapchatSetup>,
    /// `facebook`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub facebook: Option<FacebookSetup>,
    /// `google`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub google: Option<GoogleSetup>,
    /// `gameanalytics`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub gameanalytics: Option<GameAnalyticsSetup>,
    /// `tapjoy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tapjoy: Option<AppIdSetup>,
    /// `unityads`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub unityads: Option<UnityAdsSetup>,
    /// `vungle`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub vungle: Option<AppIdSetup>,
    /// `chartboost`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub chartboost: Option<ChartboostSetup>,
    /// `inmobi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub inmobi: Option<InMobiSetup>,
    /// `applovin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub applovin: Option<AppLovinSetup>,
    /// `mintegral`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub mintegral: Option<MintegralSetup>,
    /// `tiktok`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub tiktok: Option<TikTokSetup>,
    /// `ironsource`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ironsource: Option<IronSourceSetup>,
    /// Any other partner, keyed by its slug, values as raw JSON objects.
    #[serde(flatten, default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: HashMap<String, Json>,
}

impl ChannelSetup {
    /// Each typed partner's slug and whether it is set.
    fn typed_slugs(&self) -> [(&'static str, bool); 13] {
        [
            ("snapchat", self.snapchat.is_some()),
            ("facebook", self.facebook.is_some()),
            ("google", self.google.is_some()),
            ("gameanalytics", self.gameanalytics.is_some()),
            ("tapjoy", self.tapjoy.is_some()),
            ("unityads", self.unityads.is_some()),
            ("vungle", self.vungle.is_some()),
            ("chartboost", self.chartboost.is_some()),
            ("inmobi", self.inmobi.is_some()),
            ("applovin", self.applovin.is_some()),
            ("mintegral", self.mintegral.is_some()),
            ("tiktok", self.tiktok.is_some()),
            ("ironsource", self.ironsource.is_some()),
        ]
    }

    pub(crate) fn check(&self, field: &str) -> Result<(), Error> {
        let non_empty = |name: &str, value: &str| {
            if value.trim().is_empty() {
                Err(Error::invalid(
                    format!("{field}.{name}"),
                    "must not be empty",
                ))
            } else {
                Ok(())
            }
        };
        // A typed partner and the open map for the same slug would send a duplicate JSON key.
        for (slug, typed) in self.typed_slugs() {
            if typed && self.other.contains_key(slug) {
                return Err(Error::invalid(
                    format!("{field}.{slug}"),
                    "set either the typed partner or the open map entry, not both",
                ));
            }
        }
        if let Some(s) = &self.snapchat {
            match (&s.snap_app_id, &s.app_id) {
                (None, None) => {
                    return Err(Error::invalid(
                        format!("{field}.snapchat"),
                        "set snap_app_id or app_id",
                    ));
                }
                (a, b) => {
                    for (name, v) in [("snapchat.snap_app_id", a), ("snapchat.app_id", b)] {
                        if let Some(v) = v {
                            non_empty(name, v)?;
                        }
                    }
                }
            }
        }
        if let Some(s) = &self.facebook {
            non_empty("facebook.app_id", &s.app_id)?;
        }
        if let Some(s) = &self.google {
            non_empty("google.link_id", &s.link_id)?;
        }
        if let Some(s) = &self.gameanalytics {
            non_empty("gameanalytics.key", &s.key)?;
        }
        if let Some(s) = &self.tapjoy {
            non_empty("tapjoy.app_id", &s.app_id)?;
        }
        if let Some(s) = &self.unityads {
            non_empty("unityads.game_id", &s.game_id)?;
        }
        if let Some(s) = &self.vungle {
            non_empty("vungle.app_id", &s.app_id)?;
        }
        if let Some(s) = &self.chartboost {
            non_empty("chartboost.app_id", &s.app_id)?;
            non_empty("chartboost.token", &s.token)?;
        }
        if let Some(s) = &self.inmobi {
            non_empty("inmobi.property_id", &s.property_id)?;
            non_empty("inmobi.advertiser_id", &s.advertiser_id)?;
        }
        if let Some(s) = &self.applovin {
            if s.sdk_keys.is_empty() {
                return Err(Error::invalid(
                    format!("{field}.applovin.sdk_keys"),
                    "must not be empty",
                ));
            }
        }
        if let Some(s) = &self.tiktok {
            non_empty("tiktok.app_id", &s.app_id)?;
        }
        if let Some(s) = &self.ironsource {
            non_empty("ironsource.advertiser_id", &s.advertiser_id)?;
            non_empty("ironsource.password", &s.password)?;
        }
        for (slug, value) in &self.other {
            if slug.is_empty()
                || !slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(Error::invalid(
                    format!("{field}.{slug}"),
                    "partner slugs are lower-case letters, digits and `_`",
                ));
            }
            if !value.value().is_object() {
                return Err(Error::invalid(
                    format!("{field}.{slug}"),
                    "partner values must be a JSON object",
                ));
            }
        }
        Ok(())
    }
}

/// Per-app overrides of template values (`override_settings`). Inner schemas are not public,
/// so values are raw JSON; unknown keys go to `other`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct OverrideSettings {
    /// `events`: list of objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub events: Option<Vec<Json>>,
    /// `partners`: list of objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub partners: Option<Vec<Json>>,
    /// `csv_upload_settings`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub csv_upload_settings: Option<Json>,
    /// `ios_14`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ios_14: Option<Json>,
    /// `attribution_settings`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub attribution_settings: Option<Json>,
    /// `trackers`: list of objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub trackers: Option<Vec<Json>>,
    /// `callbacks`: list of `{"id": ..., <new values>}` objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub callbacks: Option<Vec<Json>>,
    /// `sdk_secrets`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub sdk_secrets: Option<Json>,
    /// `external_data_forwarding`: list of objects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub external_data_forwarding: Option<Vec<Json>>,
    /// `fraud_prevention_settings`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub fraud_prevention_settings: Option<Json>,
    /// `purchase_verification`: object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub purchase_verification: Option<Json>,
    /// Keys this version does not know.
    #[serde(flatten, default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub other: HashMap<String, Json>,
}

/// Checks `android_signature_hash`: one or more SHA-1 certificate fingerprints (20 colon-separated hex
/// bytes), comma-separated without spaces.
pub(crate) fn check_signature_hash(field: &str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    for hash in value.split(',') {
        let bytes: Vec<&str> = hash.split(':').collect();
        let ok = bytes.len() == 20
            && bytes
                .iter()
                .all(|b| b.len() == 2 && b.bytes().all(|c| c.is_ascii_hexdigit()));
        if !ok {
            return Err(Error::invalid(
                field,
                "expected SHA-1 fingerprints as 20 colon-separated hex bytes (AA:BB:...), comma-separated without spaces",
            ));
        }
    }
    Ok(())
}
