//! Banners and landing pages.

use super::wire::{
    Send, concrete_page, id, list_endpoint, request_record, response_record, segs, with_raw,
};
use crate::json::Json;

response_record! {
    /// A banner.
    Banner {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `type` (`png`, `jpeg`, `gif`, `link`, `flash`).
        #[serde(rename(deserialize = "type"))]
        kind: String,
        /// `size_width`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        size_width: u64,
        /// `size_height`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        size_height: u64,
        /// `creation_date` as sent.
        creation_date: Option<String>,
        /// `is_flash`.
        is_flash: Option<bool>,
        /// `mobile_content`.
        mobile_content: Option<bool>,
        /// `banner_image_url`.
        banner_image_url: Option<String>,
        /// `banner_flashobj_url` (flash banners).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        banner_flashobj_url: Option<String>,
        /// `direct_link` (for an ad space).
        direct_link: Option<String>,
        /// `html_code` (for an ad space).
        html_code: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

request_record! {
    /// GET /banners/{program}/ (scope `banners`) or, with `website`, /banners/{program}/website/{website}/
    /// (scope `banners_for_website`, with links and HTML code).
    ListBanners {
        /// The program.
        program: u64,
        /// The ad space.
        website: Option<u64> = None,
        /// `landing`: banners leading to this landing page.
        landing: Option<u64> = None,
        /// `mobile_content` (`true`/`false`).
        mobile_content: Option<bool> = None,
        /// `uri_scheme`: `http`, `https` or `no`.
        uri_scheme: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListBanners => Banner, typed_page, |s, q| {
    q.num("landing", s.landing);
    q.boolean("mobile_content", s.mobile_content);
    q.one_of("uri_scheme", &s.uri_scheme, &["http", "https", "no"])?;
    let mut p = segs!["banners", id("program", s.program)?];
    if let Some(w) = s.website {
        p.extend(segs!["website", id("website", w)?]);
    }
    Send::Get(p)
});

response_record! {
    /// A landing page.
    Landing {
        /// `id` (Admitad sends it as a string).
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `date_created` as sent.
        date_created: Option<String>,
        /// `gotolink` (for an ad space).
        gotolink: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

request_record! {
    /// GET /landings/{program}/ or, with `website`, /landings/{program}/website/{website}/ (scope `landings`).
    ListLandings {
        /// The program.
        program: u64,
        /// The ad space (adds `gotolink`).
        website: Option<u64> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListLandings => Landing, typed_page, |s, _q| {
    let mut p = segs!["landings", id("program", s.program)?];
    if let Some(w) = s.website {
        p.extend(segs!["website", id("website", w)?]);
    }
    Send::Get(p)
});

with_raw!(Banner, Landing);

concrete_page! {
    /// A page of banners.
    BannerPage(Banner),
    /// A page of landing pages.
    LandingPage(Landing),
}
