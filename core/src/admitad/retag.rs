//! ReTag: retargeting tags of ad spaces and the levels they can use.

use super::reference::NamedRef;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::error::Error;
use crate::json::Json;

response_record! {
    /// The level a tag is placed on.
    RetagLevelRef {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: Option<String>,
        /// `campaign`.
        campaign: Option<NamedRef>,
    }
}

response_record! {
    /// A ReTag tag. `status`: 0 accepted, 1 rejected, 2 in moderation, 3 active, 4 stopped, 5 stopped by
    /// the advertiser.
    Retag {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `website`.
        website: Option<NamedRef>,
        /// `level`.
        level: Option<RetagLevelRef>,
        /// `script`.
        script: Option<String>,
        /// `comment`.
        comment: Option<String>,
        /// `active`.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        active: Option<bool>,
        /// `status`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        status: Option<u64>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /retag/ (scope `webmaster_retag`).
    ListRetags {
        /// `website`.
        website: Option<u64> = None,
        /// `active` (sent as 1/0).
        active: Option<bool> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListRetags => Retag, typed_page, |s, q| {
    q.num("website", s.website);
    q.flag("active", s.active);
    Send::Get(segs!["retag"])
});

request_record! {
    /// GET /retag/{id}/.
    GetRetag {
        /// The tag.
        id: u64,
    }
}

endpoint!(GetRetag => Retag, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["retag", id("id", s.id)?])
});

response_record! {
    /// A level a tag can be placed on.
    RetagLevel {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `level` (its name).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        level: Option<String>,
        /// `advcampaign`.
        advcampaign: Option<NamedRef>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

request_record! {
    /// GET /retag/website/{website}/levels/ or /retag/advcampaign/{program}/levels/ (give exactly one).
    ListRetagLevels {
        /// The ad space.
        website: Option<u64> = None,
        /// The program.
        program: Option<u64> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListRetagLevels => RetagLevel, typed_page, |s, _q| {
    match (s.website, s.program) {
        (Some(w), None) => Send::Get(segs!["retag", "website", id("website", w)?, "levels"]),
        (None, Some(p)) => Send::Get(segs!["retag", "advcampaign", id("program", p)?, "levels"]),
        _ => return Err(Error::invalid("website", "give exactly one of `website` and `program`")),
    }
});

request_record! {
    /// Creates (no `id`: POST /retag/create/, needs `website`, `level` and `script`) or updates (POST
    /// /retag/update/{id}/) a tag (scope `manage_webmaster_retag`).
    SaveRetag {
        /// The tag to update; none creates one.
        id: Option<u64> = None,
        /// `website` (create only).
        website: Option<u64> = None,
        /// `level`.
        level: Option<u64> = None,
        /// `script`: the tag's code.
        script: Option<String> = None,
        /// `active` (sent as 1/0).
        active: Option<bool> = None,
        /// `comment`.
        comment: Option<String> = None,
    }
}

// Creating twice makes two tags: never repeated. Updates are repeatable.
endpoint!(SaveRetag => Retag, typed_one, 0, idempotent = s.id.is_some(), |s, q| {
    match s.id {
        None => {
            for (field, given) in [("website", s.website.is_some()), ("level", s.level.is_some()), ("script", s.script.is_some())] {
                if !given {
                    return Err(Error::invalid(field, "required to create a tag"));
                }
            }
            q.num("website", s.website);
        }
        Some(_) if s.website.is_some() => {
            return Err(Error::invalid("website", "a tag's ad space cannot be changed"));
        }
        Some(_) => {}
    }
    q.num("level", s.level);
    if let Some(script) = &s.script {
        // A script is multi-line code: only NUL is refused.
        if script.trim().is_empty() || script.contains('\0') {
            return Err(Error::invalid("script", "must not be empty or contain NUL"));
        }
    }
    q.num("script", s.script.as_ref());
    q.flag("active", s.active);
    q.text("comment", &s.comment)?;
    match s.id {
        Some(n) => Send::Form(segs!["retag", "update", id("id", n)?]),
        None => Send::Form(segs!["retag", "create"]),
    }
});

request_record! {
    /// POST /retag/delete/{id}/ (scope `manage_webmaster_retag`).
    DeleteRetag {
        /// The tag.
        id: u64,
    }
}

endpoint!(DeleteRetag => crate::JsonReply, plain_or_null, 0, idempotent = false, |s, _q| {
    Send::Form(segs!["retag", "delete", id("id", s.id)?])
});

with_raw!(Retag, RetagLevel);

concrete_page! {
    /// A page of tags.
    RetagPage(Retag),
    /// A page of levels.
    RetagLevelPage(RetagLevel),
}

crate::reply::reply!(Retag);
