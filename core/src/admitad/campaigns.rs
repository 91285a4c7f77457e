//! Ad spaces and programs beyond the lists: one ad space, one program as an ad space
//! sees it, joining and leaving a program, and connection statuses across ad spaces.

use super::publisher::{Program, Website};
use super::wire::{Send, endpoint, id, request_record, response_record, segs, with_raw};
use crate::error::Error;
use crate::json::Json;

request_record! {
    /// GET /websites/v2/{id}/ (scope `websites`).
    GetWebsite {
        /// The ad space.
        id: u64,
    }
}

endpoint!(GetWebsite => Website, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["websites", "v2", id("id", s.id)?])
});

request_record! {
    /// GET /websites/v2/{name}/?search_by=name (scope `websites`): one ad space looked up by its name.
    /// The name is one path segment, percent-encoded as UTF-8 (`My blog` → `My%20blog`).
    GetWebsiteByName {
        /// The ad space's name (at most 200 characters).
        name: String,
    }
}

endpoint!(GetWebsiteByName => Website, typed_one, 0, idempotent = true, |s, q| {
    crate::validate::required("name", &s.name)?;
    if s.name.chars().count() > 200 {
        return Err(Error::invalid("name", "at most 200 characters"));
    }
    // A segment of dots would be read as a step up the path, addressing another resource.
    if s.name.chars().all(|c| c == '.') {
        return Err(Error::invalid("name", "`.` and `..` are not names"));
    }
    q.required("search_by", "name")?;
    Send::Get(segs!["websites", "v2", s.name])
});

request_record! {
    /// GET /advcampaigns/{program}/website/{website}/ (scope `advcampaigns_for_website`).
    GetProgramForWebsite {
        /// The program.
        program: u64,
        /// The ad space.
        website: u64,
    }
}

endpoint!(GetProgramForWebsite => Program, typed_one, 0, idempotent = true, |s, _q| {
    Send::Get(segs!["advcampaigns", id("program", s.program)?, "website", id("website", s.website)?])
});

response_record! {
    /// The answer of a state change: `{"message": "...", "success": "OK" | "Deleted" | "Accepted"}`.
    ActionResult {
        /// `success`.
        success: String,
        /// `message`.
        message: String,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}
with_raw!(ActionResult);

/// Join or leave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Membership {
    /// POST /advcampaigns/{c}/attach/{w}/: request to join (accepts the program's rules).
    #[default]
    Attach,
    /// POST /advcampaigns/{c}/detach/{w}/: leave.
    Detach,
}

request_record! {
    /// Joins or leaves a program with an ad space (scope `manage_advcampaigns`); no body.
    ChangeMembership {
        /// Join or leave.
        action: Membership,
        /// The program.
        program: u64,
        /// The ad space.
        website: u64,
    }
}

// Joining twice re-files the same request and leaving twice finds nothing to remove: repeatable.
endpoint!(ChangeMembership => ActionResult, typed_one, 0, idempotent = true, |s, _q| {
    let verb = match s.action {
        Membership::Attach => "attach",
        Membership::Detach => "detach",
    };
    Send::Form(segs!["advcampaigns", id("program", s.program)?, verb, id("website", s.website)?])
});

response_record! {
    /// A program's connection with one ad space.
    ProgramConnection {
        /// `website_id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        website_id: u64,
        /// `advcampaign_id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        advcampaign_id: u64,
        /// `connection_status` (`active`, `disabled`).
        connection_status: String,
        /// `gotolink`.
        gotolink: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}
with_raw!(ProgramConnection);

request_record! {
    /// GET /subnetworks/v1/advcampaign/{program}/statuses/?websites_id=1,2 (at most 30 ad spaces).
    GetProgramStatuses {
        /// The program.
        program: u64,
        /// The ad spaces (1 to 30; sent as one comma list).
        websites: Vec<u64>,
    }
}

endpoint!(GetProgramStatuses => ProgramConnectionList, typed_vec, 0, idempotent = true, |s, q| {
    if s.websites.is_empty() {
        return Err(Error::invalid("websites", "give 1 to 30 ad-space ids"));
    }
    q.comma("websites_id", &s.websites, 30)?;
    Send::Get(segs!["subnetworks", "v1", "advcampaign", id("program", s.program)?, "statuses"])
});

request_record! {
    /// One ad space to create in a subnetwork.
    NewWebsite {
        /// `name` (at most 200 characters).
        name: String,
        /// `url` (an absolute http(s) URL, at most 255 characters).
        url: String,
        /// `category` ids.
        category: Vec<u64> = [],
        /// `region` codes (`RU`, ...).
        region: Vec<String> = [],
        /// `native_kind` (`website`, `youtube`, ...).
        native_kind: Option<String> = None,
    }
}

request_record! {
    /// POST /subnetworks/v1/websites/create/ with a JSON array (scope `manage_websites`; the account needs
    /// Admitad's "subnetwork" tag). All or nothing: a 400 names the failing indexes. Never repeated.
    CreateSubnetworkWebsites {
        /// The ad spaces (1 to 100), answered in the same order.
        websites: Vec<NewWebsite>,
    }
}

endpoint!(CreateSubnetworkWebsites => WebsiteList, typed_indexed, 0, idempotent = false, |s, _q| {
    if s.websites.is_empty() || s.websites.len() > 100 {
        return Err(Error::invalid("websites", "give 1 to 100 ad spaces"));
    }
    for w in &s.websites {
        crate::validate::required("name", &w.name)?;
        if w.name.chars().count() > 200 {
            return Err(Error::invalid("name", "at most 200 characters"));
        }
        if w.url.len() > 255 {
            return Err(Error::invalid("url", "at most 255 characters"));
        }
        crate::weburl::WebUrl::parse(&w.url).map_err(|e| Error::invalid("url", e))?;
        for r in &w.region {
            crate::validate::path_segment("region", r)?;
        }
    }
    let body = serde_json::to_vec(&s.websites).map_err(|e| Error::invalid("websites", e.to_string()))?;
    Send::Json(segs!["subnetworks", "v1", "websites", "create"], body)
});

crate::reply::reply!(ActionResult);

crate::reply::item_list! {
    /// A program's connection statuses.
    ProgramConnectionList(ProgramConnection);
    /// The ad spaces created, in the order asked.
    WebsiteList(super::publisher::Website);
}
