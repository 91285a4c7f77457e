//! Integration identifiers of a profile. Both verbs use the `…/set/…` path.

use serde::{Deserialize, Serialize};

use super::errors::{decode, expect_success};
use super::{AdaptyContext, AdaptyUser, Family, IDEMPOTENT_WRITE, with_user};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::validate;

const PATH: &[&str] = &["integration", "profile", "set", "integration-identifiers"];

macro_rules! identifiers {
    ($($(#[$m:meta])* $field:ident),+ $(,)?) => {
        /// A profile's ids in third-party tools (all optional; set at least one).
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
        pub struct IntegrationIdentifiers {
            $(
                $(#[$m])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                #[cfg_attr(feature = "uniffi", uniffi(default = None))]
                pub $field: Option<String>,
            )+
            /// The vendor's request id of the response that carried these ids (never sent).
            #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
            #[cfg_attr(feature = "uniffi", uniffi(default = None))]
            pub request_id: Option<String>,
        }

        impl IntegrationIdentifiers {
            fn fields(&self) -> [(&'static str, &Option<String>); 16] {
                [$((stringify!($field), &self.$field)),+]
            }
        }
    };
}

identifiers! {
    /// `adjust_device_id`.
    adjust_device_id,
    /// `airbridge_device_id`.
    airbridge_device_id,
    /// `amplitude_device_id`.
    amplitude_device_id,
    /// `amplitude_user_id`.
    amplitude_user_id,
    /// `appmetrica_device_id`.
    appmetrica_device_id,
    /// `appmetrica_profile_id`.
    appmetrica_profile_id,
    /// `appsflyer_id`.
    appsflyer_id,
    /// `branch_id`.
    branch_id,
    /// `facebook_anonymous_id`.
    facebook_anonymous_id,
    /// `firebase_app_instance_id`.
    firebase_app_instance_id,
    /// `mixpanel_user_id`.
    mixpanel_user_id,
    /// `one_signal_player_id` (legacy).
    one_signal_player_id,
    /// `one_signal_subscription_id` (recommended).
    one_signal_subscription_id,
    /// `posthog_distinct_user_id`.
    posthog_distinct_user_id,
    /// `pushwoosh_hwid`.
    pushwoosh_hwid,
    /// `tenjin_analytics_installation_id`.
    tenjin_analytics_installation_id,
}

/// GET …/integration-identifiers/ (getIntegrationIdentifiers).
#[derive(Clone, Debug, PartialEq)]
pub struct GetIntegrationIdentifiers {
    /// The user (one id).
    pub user: AdaptyUser,
}

impl crate::Endpoint for GetIntegrationIdentifiers {
    type Api = crate::adapty::AdaptyApi;
    type Output = IntegrationIdentifiers;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let req = ctx.request(Family::ServerSide, Method::Get, PATH, &[])?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<IntegrationIdentifiers, Error> {
        decode(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// POST …/integration-identifiers/ (setIntegrationIdentifiers): 200 with a blank body.
#[derive(Clone, Debug, PartialEq)]
pub struct SetIntegrationIdentifiers {
    /// The user (one id).
    pub user: AdaptyUser,
    /// The ids to set (at least one).
    pub identifiers: IntegrationIdentifiers,
}

impl crate::Endpoint for SetIntegrationIdentifiers {
    type Api = crate::adapty::AdaptyApi;
    type Output = crate::Ack;
    fn build(&self, ctx: &AdaptyContext<'_>) -> Result<HttpRequest, Error> {
        let fields = self.identifiers.fields();
        if fields.iter().all(|(_, v)| v.is_none()) {
            return Err(Error::invalid(
                "identifiers",
                "at least one integration identifier must be given",
            ));
        }
        for (name, v) in fields {
            if let Some(v) = v {
                validate::required(name, v)?;
            }
        }
        // A result passed back as the input must not send its request id.
        let identifiers = IntegrationIdentifiers {
            request_id: None,
            ..self.identifiers.clone()
        };
        let req = ctx.json(Family::ServerSide, Method::Post, PATH, &identifiers)?;
        with_user(req, &self.user, false)
    }
    fn parse(&self, exchange: &Exchange) -> Result<crate::Ack, Error> {
        expect_success(exchange).map(|()| crate::Ack::default())
    }
    fn policy(&self) -> RequestPolicy {
        IDEMPOTENT_WRITE
    }
}
