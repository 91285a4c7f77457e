//! Promo offers, tracking promo codes and short links.

use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::error::Error;
use crate::json::Json;

request_record! {
    /// GET /promo_offers/{program}/ (scope `public_data`). The item shape is not documented: each item
    /// is the object as sent.
    ListPromoOffers {
        /// The program.
        program: u64,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
    }
}

list_endpoint!(ListPromoOffers => Json, typed_page, |s, _q| {
    Send::Get(segs!["promo_offers", id("program", s.program)?])
});

response_record! {
    /// Whether a promo code of an offer still works.
    PromoCodeStatus {
        /// `promocode_value`.
        promocode_value: String,
        /// `status`: `active` or `revoked`.
        status: String,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

request_record! {
    /// GET /promo_offers/revocation_status/{offer}/?website_id= (scope `public_data`).
    GetPromoCodeRevocations {
        /// The promo offer.
        offer: u64,
        /// The ad space (required).
        website: u64,
    }
}

endpoint!(GetPromoCodeRevocations => PromoCodeStatusList, typed_vec, 0, idempotent = true, |s, q| {
    q.num("website_id", Some(id("website", s.website)?));
    Send::Get(segs!["promo_offers", "revocation_status", id("offer", s.offer)?])
});

response_record! {
    /// The answer to a tracking promo-code request (fields are null until assigned).
    TrackingCouponRequest {
        /// `assigned_promo_code`.
        assigned_promo_code: Option<String>,
        /// `tracking_link`.
        tracking_link: Option<String>,
        /// `request_id`: the tracking request's number; ask for its status with [`GetTrackingCouponStatus`].
        #[serde(rename(deserialize = "request_id"), deserialize_with = "crate::lenient::opt_u64")]
        coupon_request_id: Option<u64>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// POST /tracking_promo_code/request-tracking-coupon/ (form; scope `request_tracking_coupon`).
    RequestTrackingCoupon {
        /// `coupon_id`.
        coupon: u64,
        /// `advcampaign_id`.
        program: u64,
        /// `website_id`.
        website: u64,
    }
}

// Each call files a new request: never repeated.
endpoint!(RequestTrackingCoupon => TrackingCouponRequest, typed_one, 0, idempotent = false, |s, q| {
    q.num("coupon_id", Some(id("coupon", s.coupon)?));
    q.num("advcampaign_id", Some(id("program", s.program)?));
    q.num("website_id", Some(id("website", s.website)?));
    Send::Form(segs!["tracking_promo_code", "request-tracking-coupon"])
});

response_record! {
    /// The state of a tracking promo-code request.
    TrackingCouponState {
        /// `request_id`: the tracking request's number.
        #[serde(rename(deserialize = "request_id"), deserialize_with = "crate::lenient::u64_or_zero")]
        coupon_request_id: u64,
        /// `promo_offer_id`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        promo_offer_id: Option<u64>,
        /// `website_id`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        website_id: Option<u64>,
        /// `status`.
        status: String,
        /// `assigned_promo_code`.
        assigned_promo_code: Option<String>,
        /// `created_at` as sent.
        created_at: Option<String>,
        /// `approved_at` as sent.
        approved_at: Option<String>,
        /// `declined_at` as sent.
        declined_at: Option<String>,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /tracking_promo_code/request-status/?request_id= (404 `PROMO_REQUEST_NOT_FOUND` → not found).
    GetTrackingCouponStatus {
        /// The request.
        request_id: u64,
    }
}

endpoint!(GetTrackingCouponStatus => TrackingCouponState, typed_one, 0, idempotent = true, |s, q| {
    q.num("request_id", Some(id("request_id", s.request_id)?));
    Send::Get(segs!["tracking_promo_code", "request-status"])
});

response_record! {
    /// A short link.
    ShortLink {
        /// `short_link` (`https://fas.st/…`).
        short_link: String,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// POST /shortlink/modify/ with form `link` (Admitad links only; scope `short_link`).
    ShortenLink {
        /// The Admitad link to shorten.
        link: String,
    }
}

// The same link shortens to the same short link.
endpoint!(ShortenLink => ShortLink, plain, 0, idempotent = true, |s, q| {
    crate::weburl::WebUrl::parse(&s.link).map_err(|e| Error::invalid("link", e))?;
    q.required("link", &s.link)?;
    Send::Form(segs!["shortlink", "modify"])
});

with_raw!(PromoCodeStatus, TrackingCouponRequest, TrackingCouponState);

concrete_page! {
    /// A page of promo offers (objects as sent).
    PromoOfferPage(Json),
}

crate::reply::reply!(ShortLink, TrackingCouponRequest, TrackingCouponState);

crate::reply::item_list! {
    /// Revocation statuses of promo codes.
    PromoCodeStatusList(PromoCodeStatus);
}
