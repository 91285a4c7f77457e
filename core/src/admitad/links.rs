//! Links: the link checker and broken links (the list, one, and marking them resolved).

use serde::{Deserialize, Serialize};

use super::AdmitadContext;
use super::errors::decode;
use super::reference::NamedRef;
use super::wire::{
    Query, Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;

/// The link checker's verdict.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkCheck {
    /// `message` (`Link successfully tested.`) or the problem (`error_description`).
    #[serde(default, alias = "error_description")]
    pub message: String,
    /// Whether the link passed.
    #[serde(default, skip_deserializing)]
    pub valid: bool,
    /// `success`, when the answer has it.
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub success: Option<String>,
    /// The answer as sent.
    #[serde(default, skip_deserializing)]
    pub raw: Json,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

request_record! {
    /// GET /validate_links/?link=… (scope `validate_links`).
    ValidateLink {
        /// The affiliate link to check.
        link: String,
    }
}

impl crate::Endpoint for ValidateLink {
    type Api = crate::admitad::AdmitadApi;
    type Output = LinkCheck;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        let mut q = Query::default();
        q.required("link", &self.link)?;
        Send::Get(segs!["validate_links"]).request(ctx, &q)
    }
    fn parse(&self, exchange: &Exchange) -> Result<LinkCheck, Error> {
        let body: serde_json::Value = decode(exchange)?;
        let valid = body.get("error_description").is_none() && body.get("error").is_none();
        let mut out: LinkCheck = super::wire::typed(body);
        out.valid = valid;
        Ok(out)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

request_record! {
    /// POST /broken_links/resolve/ with `link_id` repeated (scope `manage_broken_links`).
    ResolveBrokenLinks {
        /// The broken-link ids to mark resolved.
        link_ids: Vec<u64>,
    }
}

/// The ids Admitad marked resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResolvedLinks {
    /// `resolved`.
    #[serde(default)]
    pub resolved: Vec<u64>,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default, skip_deserializing)]
    pub request_id: Option<String>,
}

crate::reply::reply!(LinkCheck, ResolvedLinks);

// Marking the same links resolved twice leaves them resolved.
endpoint!(ResolveBrokenLinks => ResolvedLinks, plain, 0, idempotent = true, |s, q| {
    if s.link_ids.is_empty() {
        return Err(Error::invalid("link_ids", "give at least one id"));
    }
    q.each("link_id", &s.link_ids);
    Send::Form(segs!["broken_links", "resolve"])
});

response_record! {
    /// A link that leads nowhere. `err_reason`: 0 program suspended, 1 not cooperating, 2 material deleted.
    BrokenLink {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `website`.
        website: Option<NamedRef>,
        /// `campaign`.
        campaign: Option<NamedRef>,
        /// `clicks`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        clicks: u64,
        /// `err_reason`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        err_reason: Option<u64>,
        /// `click_link`.
        click_link: Option<String>,
        /// `ref_link`.
        ref_link: Option<String>,
        /// `datetime` as sent.
        datetime: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /broken_links/ (scope `broken_links`). Dates go as `start_date`/`end_date`, as documented.
    ListBrokenLinks {
        /// `website` (repeated): broken links of these ad spaces. A single id reads as one entry.
        #[serde(deserialize_with = "super::wire::one_or_many")]
        website: Vec<u64> = [],
        /// `campaign` (repeated).
        campaign: Vec<u64> = [],
        /// `search`: part of the referer or click link.
        search: Option<String> = None,
        /// `reason`: 0 program suspended, 1 not cooperating, 2 material deleted.
        reason: Option<u8> = None,
        /// `start_date` (`dd.mm.yyyy`).
        start_date: Option<String> = None,
        /// `end_date` (`dd.mm.yyyy`).
        end_date: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListBrokenLinks => BrokenLink, typed_page, |s, q| {
    q.each("website", &s.website);
    q.each("campaign", &s.campaign);
    q.text("search", &s.search)?;
    if s.reason.is_some_and(|r| r > 2) {
        return Err(Error::invalid("reason", "0, 1 or 2"));
    }
    q.num("reason", s.reason);
    q.date_range(("start_date", "end_date"), &s.start_date, &s.end_date)?;
    Send::Get(segs!["broken_links"])
});

request_record! {
    /// GET /broken_links/{id}/.
    GetBrokenLink {
        /// The broken link.
        id: u64,
    }
}

endpoint!(GetBrokenLink => BrokenLink, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["broken_links", id("id", s.id)?])
});

with_raw!(LinkCheck, BrokenLink);

crate::reply::reply!(BrokenLink);

concrete_page! {
    /// A page of broken links.
    BrokenLinkPage(BrokenLink),
}
