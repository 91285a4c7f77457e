//! Ad spaces: the list, one ad space (by id or by name), and ad spaces created for a subnetwork.
//! Loose types (ids as strings, bare arrays) decode into precise ones; every item also keeps the object
//! as sent in `raw`.

use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::error::Error;
use crate::json::Json;

response_record! {
    /// An ad space (websites v2).
    Website {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `status` (`new`, `pending`, `active`, `suspended`, `declined`).
        status: String,
        /// `kind` (`website`, `doorway`, `contextual`, `social_app`, `youtube`, ...).
        kind: String,
        /// `site_url`.
        site_url: String,
        /// `verification_code`.
        verification_code: Option<String>,
        /// `validation_passed`.
        validation_passed: Option<bool>,
        /// `creation_date` as sent.
        creation_date: Option<String>,
        /// `is_old`: an ad space from before websites v2.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        is_old: Option<bool>,
        /// `account_id`: the account on the ad space's platform (text; often empty).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        account_id: Option<String>,
        /// `is_lite`: a lite ad space.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        is_lite: Option<bool>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /websites/v2/ (scope `websites`): bare array or paginated, both read.
    ListWebsites {
        /// `status` (`new`, `active`, `suspended`, ...).
        status: Option<String> = None,
        /// `campaign_status` (`pending`, `active`, `declined`, `disabled`).
        campaign_status: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListWebsites => Website, typed_page, |s, q| {
    q.text("status", &s.status)?;
    q.text("campaign_status", &s.campaign_status)?;
    Send::Get(segs!["websites", "v2"])
});

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

with_raw!(Website);

crate::reply::reply!(Website);

crate::reply::item_list! {
    /// The ad spaces created, in the order asked.
    WebsiteList(Website);
}

concrete_page! {
    /// A page of ad spaces (for surfaces without generics).
    WebsitePage(Website),
}
