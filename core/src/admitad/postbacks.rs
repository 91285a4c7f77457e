//! Postback URLs, "opt codes": list, read, create and update (for actions or for program
//! status changes), delete. Numeric wire codes are typed enums.

use super::wire::{
    Query, Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
};
use crate::error::Error;
use crate::json::Json;

macro_rules! coded_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            #[default]
            $($(#[$vm])* $v,)+
        }

        impl $name {
            /// The number Admitad uses for it.
            pub fn code(self) -> u8 {
                match self {
                    $($name::$v => $code,)+
                }
            }
        }
    };
}

coded_enum! {
    /// What a postback reports.
    OptCodeKind {
        /// Actions (leads, sales): `/opt_codes/action/…`.
        Action = 0,
        /// Program status changes: `/opt_codes/offer/…`.
        Offer = 1,
    }
}

coded_enum! {
    /// The HTTP method of the postback.
    PostbackMethod {
        /// `0`: GET.
        Get = 0,
        /// `1`: POST.
        Post = 1,
    }
}

coded_enum! {
    /// `desc_mode` (per the documentation: 0 advanced, 1 simple).
    DescMode {
        /// `0`.
        Advanced = 0,
        /// `1`.
        Simple = 1,
    }
}

coded_enum! {
    /// `action_type`: which actions are reported.
    ActionTypeFilter {
        /// `0`: all.
        All = 0,
        /// `1`: sales.
        Sale = 1,
        /// `2`: leads.
        Lead = 2,
    }
}

coded_enum! {
    /// An action status a postback fires on.
    ActionStatus {
        /// `5`: new.
        New = 5,
        /// `6`: approved.
        Approved = 6,
        /// `7`: declined.
        Declined = 7,
        /// `8`: pending.
        Pending = 8,
    }
}

response_record! {
    /// A postback URL.
    OptCode {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `website` (id; null for all ad spaces).
        #[serde(deserialize_with = "crate::lenient::opt_id")]
        website: Option<u64>,
        /// `campaign` (id; null for all programs).
        #[serde(deserialize_with = "crate::lenient::opt_id")]
        campaign: Option<u64>,
        /// `event`: 0 action, 1 program status, 2 referral.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        event: Option<u64>,
        /// `method`: 0 GET, 1 POST.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        method: Option<u64>,
        /// `desc_mode`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        desc_mode: Option<u64>,
        /// `status`: the action status codes it fires on.
        #[serde(skip_deserializing)]
        status: Vec<u64>,
        /// `reward_ready`.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        reward_ready: Option<bool>,
        /// `user_url`: the URL as given, with macros.
        user_url: Option<String>,
        /// `generated_url`.
        generated_url: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

impl super::wire::WithRaw for OptCode {
    fn set_raw(&mut self, raw: Json) {
        self.status = raw
            .value()
            .get("status")
            .and_then(|s| s.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.get("id").unwrap_or(v).as_u64())
                    .collect()
            })
            .unwrap_or_default();
        self.raw = raw;
    }
}

request_record! {
    /// GET /opt_codes/ (scope `opt_codes`).
    ListOptCodes {
        /// `campaign`.
        campaign: Option<u64> = None,
        /// `website`.
        website: Option<u64> = None,
        /// `order_by` (repeated, in order): `action_type`, `method` or `desc_mode`, `-` for descending
        /// (`["-method", "desc_mode"]`). A single text reads as one entry.
        #[serde(deserialize_with = "super::wire::texts")]
        order_by: Vec<String> = [],
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListOptCodes => OptCode, typed_page, |s, q| {
    q.num("campaign", s.campaign);
    q.num("website", s.website);
    for o in &s.order_by {
        q.one_of("order_by", &Some(o.clone()), &["action_type", "-action_type", "method", "-method", "desc_mode", "-desc_mode"])?;
    }
    Send::Get(segs!["opt_codes"])
});

request_record! {
    /// GET /opt_codes/{id}/.
    GetOptCode {
        /// The postback.
        id: u64,
    }
}

endpoint!(GetOptCode => OptCode, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["opt_codes", id("id", s.id)?])
});

request_record! {
    /// Creates (no `id`: POST /opt_codes/{kind}/create/) or updates (POST /opt_codes/{kind}/update/{id}/)
    /// a postback (scope `manage_opt_codes`). Creating needs `url`, `method` and `desc_mode`; an action
    /// postback also `action_type` and at least one of `statuses` / `reward_ready`. Program-status
    /// postbacks take no `statuses` or `reward_ready` (an `action_type` is sent as given).
    SaveOptCode {
        /// Actions or program status changes.
        kind: OptCodeKind,
        /// The postback to update; none creates one.
        id: Option<u64> = None,
        /// `website` (none: every ad space).
        website: Option<u64> = None,
        /// `campaign` (none: every program).
        campaign: Option<u64> = None,
        /// `url`: an http(s) URL, macros such as `[[[order_id]]]` allowed.
        url: Option<String> = None,
        /// `method`.
        method: Option<PostbackMethod> = None,
        /// `desc_mode`.
        desc_mode: Option<DescMode> = None,
        /// `action_type` (required to create an action postback; sent as given for program status).
        action_type: Option<ActionTypeFilter> = None,
        /// `status` (repeated; actions only).
        statuses: Vec<ActionStatus> = [],
        /// `reward_ready` (actions only).
        reward_ready: Option<bool> = None,
    }
}

fn check_postback_url(url: &str) -> Result<(), Error> {
    let lower = url.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://"))
        || url.chars().any(|c| c.is_whitespace() || c.is_control())
        || url.len() > 2048
    {
        return Err(Error::invalid(
            "url",
            "must be an http(s) URL without spaces (macros such as [[[order_id]]] are fine)",
        ));
    }
    Ok(())
}

fn opt_code_form(s: &SaveOptCode, q: &mut Query) -> Result<(), Error> {
    let creating = s.id.is_none();
    let is_action = s.kind == OptCodeKind::Action;
    if creating {
        for (field, given) in [
            ("url", s.url.is_some()),
            ("method", s.method.is_some()),
            ("desc_mode", s.desc_mode.is_some()),
        ] {
            if !given {
                return Err(Error::invalid(field, "required to create a postback"));
            }
        }
        if is_action && s.action_type.is_none() {
            return Err(Error::invalid(
                "action_type",
                "required to create an action postback",
            ));
        }
        if is_action && s.statuses.is_empty() && s.reward_ready.is_none() {
            return Err(Error::invalid(
                "statuses",
                "give `statuses`, `reward_ready` or both",
            ));
        }
    }
    // `action_type` is sent as given for either kind: Admitad's own program-status example sends it.
    if !is_action && !s.statuses.is_empty() {
        return Err(Error::invalid(
            "statuses",
            "program-status postbacks fire on program changes, not on action statuses",
        ));
    }
    if !is_action && s.reward_ready.is_some() {
        return Err(Error::invalid(
            "reward_ready",
            "program-status postbacks fire on program changes, not on rewards",
        ));
    }
    if let Some(u) = &s.url {
        check_postback_url(u)?;
    }
    q.num("website", s.website);
    q.num("campaign", s.campaign);
    q.num("desc_mode", s.desc_mode.map(DescMode::code));
    q.text("url", &s.url)?;
    q.num("method", s.method.map(PostbackMethod::code));
    q.num("action_type", s.action_type.map(ActionTypeFilter::code));
    q.each(
        "status",
        &s.statuses.iter().map(|st| st.code()).collect::<Vec<_>>(),
    );
    q.flag("reward_ready", s.reward_ready);
    Ok(())
}

// Creating twice makes two postbacks: never repeated. Updates are repeatable.
endpoint!(SaveOptCode => OptCode, typed_one, 0, idempotent = s.id.is_some(), |s, q| {
    opt_code_form(s, q)?;
    let kind = match s.kind {
        OptCodeKind::Action => "action",
        OptCodeKind::Offer => "offer",
    };
    match s.id {
        Some(n) => Send::Form(segs!["opt_codes", kind, "update", id("id", n)?]),
        None => Send::Form(segs!["opt_codes", kind, "create"]),
    }
});

request_record! {
    /// POST /opt_codes/delete/{id}/ (scope `manage_opt_codes`).
    DeleteOptCode {
        /// The postback.
        id: u64,
    }
}

endpoint!(DeleteOptCode => crate::JsonReply, plain_or_null, 0, idempotent = false, |s, _q| {
    Send::Form(segs!["opt_codes", "delete", id("id", s.id)?])
});

concrete_page! {
    /// A page of postbacks.
    OptCodePage(OptCode),
}

crate::reply::reply!(OptCode);
