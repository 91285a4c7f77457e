//! Adapty objects shared by the server-side operations: the profile and what hangs off it,
//! the create/update body, offers, prices, custom attributes and the open enumerations.

use serde::{Deserialize, Deserializer, Serialize};

use super::datetime::{self, lenient_opt};
use crate::error::Error;
use crate::open_enum::open_enum;
use crate::validate;

open_enum! {
    /// `environment`: where a purchase happened.
    Environment {
        /// `Sandbox`.
        Sandbox = "Sandbox",
        /// `Production`.
        Production = "Production",
    }
}

open_enum! {
    /// `cancellation_reason`.
    CancellationReason {
        /// `voluntarily_cancelled`.
        VoluntarilyCancelled = "voluntarily_cancelled",
        /// `billing_error`.
        BillingError = "billing_error",
        /// `price_increase`.
        PriceIncrease = "price_increase",
        /// `product_was_not_available`.
        ProductWasNotAvailable = "product_was_not_available",
        /// `refund`.
        Refund = "refund",
        /// `upgraded`.
        Upgraded = "upgraded",
        /// `unknown`.
        Unknown = "unknown",
        /// `cancelled_by_developer`.
        CancelledByDeveloper = "cancelled_by_developer",
        /// `new_subscription_replace`.
        NewSubscriptionReplace = "new_subscription_replace",
        /// `adapty_revoked`.
        AdaptyRevoked = "adapty_revoked",
    }
}

open_enum! {
    /// `offer.category`.
    OfferCategory {
        /// `introductory`.
        Introductory = "introductory",
        /// `promotional`.
        Promotional = "promotional",
        /// `offer_code`.
        OfferCode = "offer_code",
        /// `win_back`.
        WinBack = "win_back",
        /// `retention` (Web API).
        Retention = "retention",
    }
}

open_enum! {
    /// `offer.type`.
    OfferType {
        /// `free_trial`.
        FreeTrial = "free_trial",
        /// `pay_as_you_go`.
        PayAsYouGo = "pay_as_you_go",
        /// `pay_up_front`.
        PayUpFront = "pay_up_front",
        /// `unknown`.
        Unknown = "unknown",
    }
}

open_enum! {
    /// `gender`.
    Gender {
        /// `f`.
        Female = "f",
        /// `m`.
        Male = "m",
        /// `o`.
        OtherGender = "o",
    }
}

open_enum! {
    /// The `adapty-platform` header and `installation_meta.platform`.
    AdaptyPlatform {
        /// `iOS`.
        Ios = "iOS",
        /// `macOS`.
        MacOs = "macOS",
        /// `iPadOS`.
        IpadOs = "iPadOS",
        /// `visionOS`.
        VisionOs = "visionOS",
        /// `Android`.
        Android = "Android",
        /// `web`.
        Web = "web",
    }
}

/// Who an operation is about: the Adapty profile id, your customer user id, or both (only
/// [`super::AdaptyClient::create_profile`] accepts both: it attaches the customer user id to the
/// existing profile). `platform` becomes the optional `adapty-platform` header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AdaptyUser {
    /// `adapty-profile-id`: the Adapty profile id (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub profile_id: Option<String>,
    /// `adapty-customer-user-id`: your own user id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub customer_user_id: Option<String>,
    /// `adapty-platform`: the platform whose installation meta is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub platform: Option<AdaptyPlatform>,
}

impl AdaptyUser {
    /// The user with this Adapty profile id.
    pub fn profile_id(id: impl Into<String>) -> Self {
        AdaptyUser {
            profile_id: Some(id.into()),
            ..Default::default()
        }
    }

    /// The user with this customer user id.
    pub fn customer_user_id(id: impl Into<String>) -> Self {
        AdaptyUser {
            customer_user_id: Some(id.into()),
            ..Default::default()
        }
    }

    /// Sets the `adapty-platform` header.
    pub fn with_platform(mut self, platform: AdaptyPlatform) -> Self {
        self.platform = Some(platform);
        self
    }

    /// Checks the ids (exactly one, or both when `allow_both`) and returns the headers to send.
    pub(crate) fn headers(&self, allow_both: bool) -> Result<Vec<(&'static str, String)>, Error> {
        let mut out = Vec::with_capacity(3);
        if let Some(id) = &self.profile_id {
            validate::required("profile_id", id)?;
            if id.len() > 64 || !id.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') {
                return Err(Error::invalid(
                    "profile_id",
                    "an Adapty profile id is a UUID (hex digits and `-`)",
                ));
            }
            out.push(("adapty-profile-id", id.clone()));
        }
        if let Some(id) = &self.customer_user_id {
            validate::required("customer_user_id", id)?;
            if id.len() > 1024 {
                return Err(Error::invalid(
                    "customer_user_id",
                    "is longer than 1024 characters",
                ));
            }
            out.push(("adapty-customer-user-id", id.clone()));
        }
        match out.len() {
            0 => {
                return Err(Error::invalid(
                    "user",
                    "give a profile_id or a customer_user_id",
                ));
            }
            2 if !allow_both => {
                return Err(Error::invalid(
                    "user",
                    "give a profile_id or a customer_user_id, not both (only create_profile links the two)",
                ));
            }
            _ => {}
        }
        if let Some(p) = &self.platform {
            validate::required("platform", p.as_str())?;
            out.push(("adapty-platform", p.as_str().to_owned()));
        }
        Ok(out)
    }
}

/// A custom attribute value: text or a number (Adapty turns booleans and integers into floats).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(untagged)]
pub enum AttributeValue {
    /// A string value.
    Text(String),
    /// A number.
    Number(f64),
    /// `null` (or an empty string): deletes the attribute when sent.
    Null,
}

impl<'de> Deserialize<'de> for AttributeValue {
    /// Text, a number (a boolean reads as 1 or 0) or `null`. An object or an array is refused: read
    /// as `null` it would delete the attribute when sent.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => AttributeValue::Text(s),
            serde_json::Value::Number(n) => AttributeValue::Number(n.as_f64().unwrap_or_default()),
            serde_json::Value::Bool(b) => AttributeValue::Number(if b { 1.0 } else { 0.0 }),
            serde_json::Value::Null => AttributeValue::Null,
            serde_json::Value::Object(_) | serde_json::Value::Array(_) => {
                return Err(serde::de::Error::custom(
                    "a custom attribute value must be text, a number, a boolean or null",
                ));
            }
        })
    }
}

/// One custom attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CustomAttribute {
    /// Up to 30 characters: ASCII letters, digits, `-`, `.`, `_`.
    pub key: String,
    /// The value (text up to 50 characters, or a number).
    pub value: AttributeValue,
}

/// At most this many custom attributes per profile.
pub const MAX_CUSTOM_ATTRIBUTES: usize = 30;
/// At most this many characters in a custom attribute key.
pub const MAX_ATTRIBUTE_KEY_LEN: usize = 30;
/// At most this many characters in a custom attribute text value (OAS; the prose says 30).
pub const MAX_ATTRIBUTE_VALUE_LEN: usize = 50;

pub(crate) fn check_custom_attributes(attrs: &[CustomAttribute]) -> Result<(), Error> {
    if attrs.is_empty() {
        return Err(Error::invalid(
            "custom_attributes",
            "when present, must hold at least one attribute",
        ));
    }
    if attrs.len() > MAX_CUSTOM_ATTRIBUTES {
        return Err(Error::invalid(
            "custom_attributes",
            format!("at most {MAX_CUSTOM_ATTRIBUTES} attributes"),
        ));
    }
    for a in attrs {
        let ok_chars = a
            .key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
        if a.key.is_empty() || a.key.len() > MAX_ATTRIBUTE_KEY_LEN || !ok_chars {
            return Err(Error::invalid(
                "custom_attributes.key",
                format!(
                    "key `{}` must be 1-{MAX_ATTRIBUTE_KEY_LEN} ASCII letters, digits, `-`, `.` or `_`",
                    a.key.escape_debug()
                ),
            ));
        }
        match &a.value {
            AttributeValue::Text(t) if t.chars().count() > MAX_ATTRIBUTE_VALUE_LEN => {
                return Err(Error::invalid(
                    "custom_attributes.value",
                    format!(
                        "value of `{}` is longer than {MAX_ATTRIBUTE_VALUE_LEN} characters",
                        a.key
                    ),
                ));
            }
            AttributeValue::Text(t) => validate::no_controls("custom_attributes.value", t)?,
            AttributeValue::Number(n) if !n.is_finite() => {
                return Err(Error::invalid(
                    "custom_attributes.value",
                    format!("value of `{}` must be a finite number", a.key),
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Per-device data of a profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InstallationMeta {
    /// `device_id` (required): an id generated on the device.
    pub device_id: String,
    /// `device`: the model name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub device: Option<String>,
    /// `locale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub locale: Option<String>,
    /// `os`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub os: Option<String>,
    /// `platform`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub platform: Option<AdaptyPlatform>,
    /// `timezone` (IANA, e.g. `Europe/Rome`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub timezone: Option<String>,
    /// `user_agent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub user_agent: Option<String>,
    /// `app_build`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub app_build: Option<String>,
    /// `app_version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub app_version: Option<String>,
    /// `adapty_sdk_version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub adapty_sdk_version: Option<String>,
    /// `idfa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub idfa: Option<String>,
    /// `idfv`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub idfv: Option<String>,
    /// `advertising_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub advertising_id: Option<String>,
    /// `android_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_id: Option<String>,
    /// `android_app_set_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub android_app_set_id: Option<String>,
}

/// The body of create and update profile. Absent fields are left unchanged.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ProfileRequest {
    /// `first_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub first_name: Option<String>,
    /// `last_name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub last_name: Option<String>,
    /// `gender`: `f`, `m` or `o`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub gender: Option<Gender>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub email: Option<String>,
    /// `phone_number`, e.g. `+1234567890`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub phone_number: Option<String>,
    /// `birthday`: `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub birthday: Option<String>,
    /// `ip_country`: ISO 3166-1 alpha-2 (`FR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ip_country: Option<String>,
    /// `ip_v4_address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ip_v4_address: Option<String>,
    /// `store_country`: ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store_country: Option<String>,
    /// `store`: `app_store`, `play_store`, `stripe`, `adapty`, `paddle` or a custom store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store: Option<String>,
    /// `store_account_token` (a UUID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub store_account_token: Option<String>,
    /// `att_status`: 0 not determined, 1 restricted, 2 denied, 3 authorized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub att_status: Option<u8>,
    /// `analytics_disabled`: no events go to integrations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub analytics_disabled: Option<bool>,
    /// `custom_attributes`: up to 30; a `Null` value deletes the attribute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub custom_attributes: Option<Vec<CustomAttribute>>,
    /// `installation_meta`: send it (with `device_id`) when known; pair with the user's platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub installation_meta: Option<InstallationMeta>,
}

fn country(field: &str, v: &Option<String>) -> Result<(), Error> {
    if let Some(c) = v {
        if c.len() != 2 || !c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(Error::invalid(
                field,
                format!("`{c}` is not an ISO 3166-1 alpha-2 country code such as FR"),
            ));
        }
    }
    Ok(())
}

impl ProfileRequest {
    pub(crate) fn check(&self) -> Result<(), Error> {
        if let Some(b) = &self.birthday {
            datetime::check_date("birthday", b)?;
        }
        country("ip_country", &self.ip_country)?;
        country("store_country", &self.store_country)?;
        if let Some(g) = &self.gender {
            if !g.is_known() {
                return Err(Error::invalid("gender", "must be `f`, `m` or `o`"));
            }
        }
        if let Some(s) = self.att_status {
            if s > 3 {
                return Err(Error::invalid("att_status", "must be 0, 1, 2 or 3"));
            }
        }
        if let Some(e) = &self.email {
            if !e.contains('@') {
                return Err(Error::invalid("email", "is not an email address"));
            }
        }
        for (field, v) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("email", &self.email),
            ("phone_number", &self.phone_number),
            ("store", &self.store),
        ] {
            if let Some(v) = v {
                validate::no_controls(field, v)?;
            }
        }
        if let Some(attrs) = &self.custom_attributes {
            check_custom_attributes(attrs)?;
        }
        if let Some(meta) = &self.installation_meta {
            validate::required("installation_meta.device_id", &meta.device_id)?;
        }
        Ok(())
    }
}

/// An offer applied to a purchase. Sent as `category`/`type`/`id`; decoded from those or
/// from the older `offer_category`/`offer_type`/`offer_id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Offer {
    /// `category`.
    #[serde(alias = "offer_category")]
    pub category: OfferCategory,
    /// `type`.
    #[serde(rename = "type", alias = "offer_type")]
    pub offer_type: OfferType,
    /// `id`: required for every category but `introductory`.
    #[serde(default, alias = "offer_id", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub id: Option<String>,
}

/// A price: money as a float in the local currency.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Price {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// ISO 4217.
    pub currency: String,
    /// The amount.
    pub value: f64,
}

/// An access level of a profile. Active when now is within [`starts_at`, `expires_at`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AccessLevel {
    /// `access_level_id`, e.g. `premium`.
    pub access_level_id: String,
    /// `store`.
    #[serde(default)]
    pub store: String,
    /// `store_product_id`.
    #[serde(default)]
    pub store_product_id: String,
    /// `store_base_plan_id`.
    #[serde(default)]
    pub store_base_plan_id: Option<String>,
    /// `store_transaction_id`.
    #[serde(default)]
    pub store_transaction_id: String,
    /// `store_original_transaction_id`.
    #[serde(default)]
    pub store_original_transaction_id: String,
    /// `offer`.
    #[serde(default)]
    pub offer: Option<Offer>,
    /// `environment` (documented, not always sent).
    #[serde(default)]
    pub environment: Option<Environment>,
    /// `starts_at` (may be in the future).
    #[serde(default, deserialize_with = "lenient_opt")]
    pub starts_at: Option<String>,
    /// `purchased_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub purchased_at: Option<String>,
    /// `originally_purchased_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub originally_purchased_at: Option<String>,
    /// `expires_at`: `None` = lifetime.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub expires_at: Option<String>,
    /// `renewal_cancelled_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub renewal_cancelled_at: Option<String>,
    /// `billing_issue_detected_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub billing_issue_detected_at: Option<String>,
    /// `is_in_grace_period`.
    #[serde(default)]
    pub is_in_grace_period: bool,
    /// `cancellation_reason`.
    #[serde(default)]
    pub cancellation_reason: Option<CancellationReason>,
}

impl AccessLevel {
    /// Whether the level is active at `now_unix_ms` (`starts_at` ≤ now < `expires_at`, open ends).
    pub fn is_active_at(&self, now_unix_ms: i64) -> bool {
        let ms = |v: &Option<String>| v.as_deref().and_then(datetime::parse).map(|p| p.unix_ms());
        ms(&self.starts_at).is_none_or(|s| s <= now_unix_ms)
            && ms(&self.expires_at).is_none_or(|e| now_unix_ms < e)
    }
}

/// A subscription of a profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Subscription {
    /// `store`.
    #[serde(default)]
    pub store: String,
    /// `store_product_id`.
    #[serde(default)]
    pub store_product_id: String,
    /// `store_base_plan_id`.
    #[serde(default)]
    pub store_base_plan_id: Option<String>,
    /// `store_transaction_id`.
    #[serde(default)]
    pub store_transaction_id: String,
    /// `store_original_transaction_id`.
    #[serde(default)]
    pub store_original_transaction_id: String,
    /// `offer`.
    #[serde(default)]
    pub offer: Option<Offer>,
    /// `environment`.
    #[serde(default)]
    pub environment: Option<Environment>,
    /// `purchased_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub purchased_at: Option<String>,
    /// `originally_purchased_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub originally_purchased_at: Option<String>,
    /// `expires_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub expires_at: Option<String>,
    /// `renewal_cancelled_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub renewal_cancelled_at: Option<String>,
    /// `billing_issue_detected_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub billing_issue_detected_at: Option<String>,
    /// `is_in_grace_period`.
    #[serde(default)]
    pub is_in_grace_period: bool,
    /// `cancellation_reason`.
    #[serde(default)]
    pub cancellation_reason: Option<CancellationReason>,
}

/// A one-time purchase of a profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NonSubscription {
    /// `purchase_id`: Adapty's id, for de-duplication.
    #[serde(default)]
    pub purchase_id: String,
    /// `store`.
    #[serde(default)]
    pub store: String,
    /// `store_product_id`.
    #[serde(default)]
    pub store_product_id: String,
    /// `store_base_plan_id`.
    #[serde(default)]
    pub store_base_plan_id: Option<String>,
    /// `store_transaction_id`.
    #[serde(default)]
    pub store_transaction_id: String,
    /// `store_original_transaction_id`.
    #[serde(default)]
    pub store_original_transaction_id: String,
    /// `purchased_at`.
    #[serde(default, deserialize_with = "lenient_opt")]
    pub purchased_at: Option<String>,
    /// `environment`.
    #[serde(default)]
    pub environment: Option<Environment>,
    /// `is_refund`.
    #[serde(default)]
    pub is_refund: bool,
    /// `is_consumable`.
    #[serde(default)]
    pub is_consumable: bool,
}

/// An Adapty profile, as returned by every profile, purchase and access-level operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Profile {
    /// `app_id`.
    #[serde(default)]
    pub app_id: String,
    /// `profile_id`: the Adapty ID.
    pub profile_id: String,
    /// `customer_user_id`.
    #[serde(default)]
    pub customer_user_id: Option<String>,
    /// `total_revenue_usd`.
    #[serde(default)]
    pub total_revenue_usd: f64,
    /// `segment_hash`.
    #[serde(default)]
    pub segment_hash: String,
    /// `timestamp`: response time in epoch ms; discard a response older than one already applied.
    #[serde(default, deserialize_with = "crate::lenient::i64_or_zero")]
    pub timestamp: i64,
    /// `custom_attributes`.
    #[serde(default, deserialize_with = "crate::lenient::null_as_empty")]
    pub custom_attributes: Vec<CustomAttribute>,
    /// `access_levels` (`null` decodes as empty).
    #[serde(default, deserialize_with = "crate::lenient::null_as_empty")]
    pub access_levels: Vec<AccessLevel>,
    /// `subscriptions`.
    #[serde(default, deserialize_with = "crate::lenient::null_as_empty")]
    pub subscriptions: Vec<Subscription>,
    /// `non_subscriptions`.
    #[serde(default, deserialize_with = "crate::lenient::null_as_empty")]
    pub non_subscriptions: Vec<NonSubscription>,
    /// The vendor request id of the response that carried this profile.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

impl Profile {
    /// The access level with this id, if the profile has it.
    pub fn access_level(&self, id: &str) -> Option<&AccessLevel> {
        self.access_levels.iter().find(|a| a.access_level_id == id)
    }
}
