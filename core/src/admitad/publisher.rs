//! Publisher API, first groups: ad spaces, programs, coupons, the
//! link checker and broken links. Loose types (ids as strings, decimal strings, bare arrays) decode into
//! precise ones; every item also keeps the object as sent in `raw`.

use serde::{Deserialize, Serialize};

use super::AdmitadContext;
use super::decimal::Decimal;
use super::errors::decode;
use super::reference::NamedRef;
use super::wire::{
    Query, Send, concrete_page, endpoint, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
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

response_record! {
    /// A program (advcampaign); the object is open-ended, so `raw` carries the rest.
    Program {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `name`.
        name: String,
        /// `status`.
        status: Option<String>,
        /// `rating` (decimal text).
        rating: Decimal,
        /// `site_url`.
        site_url: Option<String>,
        /// `currency`.
        currency: Option<String>,
        /// `connection_status` (for an ad space).
        connection_status: Option<String>,
        /// `gotolink` (for an ad space).
        gotolink: Option<String>,
        /// `epc` (decimal text).
        epc: Decimal,
        /// `cr` (decimal text).
        cr: Decimal,
        /// The object as sent.
        #[serde(skip_deserializing)]
        raw: Json,
        /// The vendor's request id of the response (`None` for an item of a list).
        #[serde(skip_deserializing, skip_serializing_if = "Option::is_none")]
        request_id: Option<String>,
    }
}

request_record! {
    /// GET /advcampaigns/ (the catalogue, scope `advcampaigns`) or, with `website`,
    /// /advcampaigns/website/{w_id}/ (the programs of one ad space, scope `advcampaigns_for_website`).
    /// The catalogue's own `website` filter (`/advcampaigns/?website=10`) is `website_filter`.
    ListPrograms {
        /// The ad space whose programs to list (with its own rates and links): switches the path to
        /// /advcampaigns/website/{w_id}/.
        website: Option<u64> = None,
        /// `language`.
        language: Option<String> = None,
        /// `connection_status` (for an ad space): `active`, `pending`, `declined`.
        connection_status: Option<String> = None,
        /// `has_tool` (repeated): `deeplink`, `coupons`, `retag`, ...
        has_tool: Vec<String> = [],
        /// `traffic_id`: only programs allowing this traffic type.
        traffic_id: Option<u64> = None,
        /// `limit` (1..=500).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
        /// `website` as a filter of the catalogue (`/advcampaigns/?website=10`): the catalogue as this
        /// ad space would join it (whether joining needs moderation). Not with `website`.
        website_filter: Option<u64> = None,
        /// `promo_code_programs_only` (`true`/`false`): only programs with promo codes.
        promo_code_programs_only: Option<bool> = None,
        /// `takefluence_enabled_only` (`true`/`false`): only programs with Takefluence enabled.
        takefluence_enabled_only: Option<bool> = None,
    }
}

list_endpoint!(ListPrograms => Program, typed_page, |s, q| {
    q.text("language", &s.language)?;
    q.one_of("connection_status", &s.connection_status, &["active", "pending", "declined"])?;
    q.each_text("has_tool", &s.has_tool)?;
    q.num("traffic_id", s.traffic_id);
    if let Some(w) = s.website_filter {
        if s.website.is_some() {
            return Err(Error::invalid(
                "website_filter",
                "filters the catalogue; with `website` the list is already that ad space's",
            ));
        }
        q.num("website", Some(super::wire::id("website_filter", w)?));
    }
    q.boolean("promo_code_programs_only", s.promo_code_programs_only);
    q.boolean("takefluence_enabled_only", s.takefluence_enabled_only);
    match s.website {
        Some(w) => Send::Get(segs!["advcampaigns", "website", super::wire::id("website", w)?]),
        None => Send::Get(segs!["advcampaigns"]),
    }
});

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

with_raw!(Website, Program, Coupon, LinkCheck);

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
    /// GET /advcampaigns/{id}/.
    GetProgram {
        /// The program.
        id: u64,
        /// `language`.
        language: Option<String> = None,
    }
}

endpoint!(GetProgram => Program, typed_one, 0, idempotent = true, |s, q| {
    q.text("language", &s.language)?;
    Send::Get(segs!["advcampaigns", super::wire::id("id", s.id)?])
});

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

crate::reply::reply!(Coupon, Program, Website);

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::Endpoint;
    use crate::HttpResponse;

    fn req<E: crate::admitad::AdmitadEndpoint>(e: &E) -> Result<HttpRequest, Error> {
        let base = crate::driver::parse_base_url(super::super::DEFAULT_BASE_URL).unwrap();
        e.build(&AdmitadContext {
            base_url: &base,
            access_token: "t",
        })
    }

    #[test]
    fn wire_forms() {
        let r = req(&ListPrograms {
            website: Some(22),
            has_tool: vec!["deeplink".into(), "coupons".into()],
            limit: Some(100),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            r.url,
            "https://api.admitad.com/advcampaigns/website/22/?has_tool=deeplink&has_tool=coupons&limit=100"
        );
        let c = req(&ListCoupons {
            campaign: vec![3, 4],
            date_start: Some("01.05.2012".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            c.url,
            "https://api.admitad.com/coupons/?campaign=3&campaign=4&date_start=01.05.2012"
        );
        let b = req(&ResolveBrokenLinks {
            link_ids: vec![10, 20],
        })
        .unwrap();
        assert_eq!(
            std::str::from_utf8(&b.body).unwrap(),
            "link_id=10&link_id=20"
        );
        assert_eq!(b.url, "https://api.admitad.com/broken_links/resolve/");
        assert!(
            req(&ListCoupons {
                date_start: Some("02.01.2024".into()),
                date_end: Some("01.01.2024".into()),
                ..Default::default()
            })
            .is_err()
        );
        assert!(
            req(&ListWebsites {
                limit: Some(0),
                ..Default::default()
            })
            .is_err()
        );
    }

    #[test]
    fn loose_types_and_both_list_shapes() {
        let bare = Exchange::new(HttpResponse::new(
            200,
            r#"[{"id":"25","name":"Site","status":"active","kind":"website","site_url":"https://s.example/","new_field":1}]"#,
        ));
        let page = ListWebsites::default().parse(&bare).unwrap();
        assert_eq!((page.items[0].id, page.count), (25, 1));
        assert_eq!(page.items[0].raw.value()["new_field"], 1);
        let program = GetProgram {
            id: 6,
            language: None,
        }
        .parse(&Exchange::new(HttpResponse::new(
            200,
            r#"{"id":6,"name":"Shop","rating":"9.5","epc":3.21,"cr":"0.12"}"#,
        )))
        .unwrap();
        assert_eq!(
            (program.rating.as_str(), program.epc.as_str()),
            ("9.5", "3.21")
        );
    }
}

concrete_page! {
    /// A page of ad spaces (for surfaces without generics).
    WebsitePage(Website),
    /// A page of programs.
    ProgramPage(Program),
    /// A page of coupons.
    CouponPage(Coupon)
}
