//! Coupons: the list (all, or for an ad space) and one coupon.

use super::decimal::Decimal;
use super::reference::NamedRef;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::json::Json;

response_record! {
    /// The program a coupon belongs to: `{id, name, site_url}`.
    CouponCampaign {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `site_url`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        site_url: Option<String>,
    }
}

response_record! {
    /// A coupon.
    Coupon {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `status`.
        status: Option<String>,
        /// `rating` (decimal text).
        rating: Decimal,
        /// `discount` as sent.
        discount: Option<String>,
        /// `date_start`.
        date_start: Option<String>,
        /// `date_end`.
        date_end: Option<String>,
        /// `goto_link` (for an ad space).
        goto_link: Option<String>,
        /// `promocode` (for an ad space).
        promocode: Option<String>,
        /// `short_name`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        short_name: Option<String>,
        /// `description`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        description: Option<String>,
        /// `exclusive`.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        exclusive: Option<bool>,
        /// `species` (`promocode`, `action`, ...).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        species: Option<String>,
        /// `types`: `{id, name}` of each coupon type.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        types: Vec<NamedRef>,
        /// `categories`: `{id, name}` of each coupon category.
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        categories: Vec<NamedRef>,
        /// `campaign`: the program.
        campaign: Option<CouponCampaign>,
        /// `regions`: region codes (`KZ`, `RU`, ...).
        #[serde(deserialize_with = "crate::lenient::null_as_empty")]
        regions: Vec<String>,
        /// `language`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        language: Option<String>,
        /// `image` (often protocol-relative: `//cdn.admitad.com/...`).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        image: Option<String>,
        /// `frameset_link` (for an ad space).
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        frameset_link: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /coupons/ or, with `website`, /coupons/website/{w_id}/.
    ListCoupons {
        /// The ad space (scope `coupons_for_website`): coupons with its links.
        website: Option<u64> = None,
        /// `campaign` (repeated).
        campaign: Vec<u64> = [],
        /// `search`.
        search: Option<String> = None,
        /// `date_start` (dd.mm.yyyy).
        date_start: Option<String> = None,
        /// `date_end` (dd.mm.yyyy, not before `date_start`).
        date_end: Option<String> = None,
        /// `language`.
        language: Option<String> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
        /// `category` (repeated): coupon categories.
        category: Vec<u64> = [],
        /// `campaign_category` (repeated): program categories.
        campaign_category: Vec<u64> = [],
        /// `type` (repeated): coupon types, as text (a number reads as its digits).
        #[serde(deserialize_with = "super::wire::texts")]
        kind: Vec<String> = [],
        /// `region`.
        region: Option<String> = None,
        /// `order_by` (repeated, in order): `name`, `rating`, `date_start` or `date_end`, `-` for
        /// descending (`["name", "-rating"]`). A single text reads as one entry.
        #[serde(deserialize_with = "super::wire::texts")]
        order_by: Vec<String> = [],
    }
}

list_endpoint!(ListCoupons => Coupon, typed_page, |s, q| {
    q.each("campaign", &s.campaign);
    q.each("category", &s.category);
    q.each("campaign_category", &s.campaign_category);
    q.each_text("type", &s.kind)?;
    q.text("search", &s.search)?;
    q.date_range(("date_start", "date_end"), &s.date_start, &s.date_end)?;
    q.text("region", &s.region)?;
    q.text("language", &s.language)?;
    let orders = ["name", "-name", "rating", "-rating", "date_start", "-date_start", "date_end", "-date_end"];
    for o in &s.order_by {
        q.one_of("order_by", &Some(o.clone()), &orders)?;
    }
    match s.website {
        Some(w) => Send::Get(segs!["coupons", "website", super::wire::id("website", w)?]),
        None => Send::Get(segs!["coupons"]),
    }
});

request_record! {
    /// GET /coupons/{id}/ (scope `coupons`) or, with `website`, /coupons/{id}/website/{website}/ (scope
    /// `coupons_for_website`, with the ad space's links).
    GetCoupon {
        /// The coupon.
        id: u64,
        /// The ad space.
        website: Option<u64> = None,
    }
}

endpoint!(GetCoupon => Coupon, typed_one, 0, idempotent = true, |s, _q| {
    let mut p = segs!["coupons", id("id", s.id)?];
    if let Some(w) = s.website {
        p.extend(segs!["website", id("website", w)?]);
    }
    Send::Get(p)
});

with_raw!(Coupon);

crate::reply::reply!(Coupon);

concrete_page! {
    /// A page of coupons.
    CouponPage(Coupon),
}
