//! Publisher API, first groups (spec §5.3, §5.4, §5.6, §5.7, §5.12): ad spaces, programs, coupons, the
//! link checker and broken links. Loose types (ids as strings, decimal strings, bare arrays) decode into
//! precise ones; every item also keeps the object as sent in `raw`.

use serde::{Deserialize, Serialize};

use super::decimal::Decimal;
use super::errors::decode;
use super::pagination::{Page, Paginated, check_limit};
use super::statistics::check_date_range;
use super::wire::{concrete_page, typed_one, typed_page, with_raw};
use super::{AdmitadContext, AdmitadEndpoint};
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::validate;

/// `limit`/`offset` as query pairs (checked).
fn paging(limit: Option<u32>, offset: Option<u64>) -> Result<Vec<(&'static str, String)>, Error> {
    check_limit(limit)?;
    let mut q = Vec::new();
    if let Some(l) = limit {
        q.push(("limit", l.to_string()));
    }
    if let Some(o) = offset {
        q.push(("offset", o.to_string()));
    }
    Ok(q)
}

fn refs<'a>(q: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    q.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// An ad space (websites v2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Website {
    /// `id`.
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    pub id: u64,
    /// `name`.
    #[serde(default)]
    pub name: String,
    /// `status` (`new`, `pending`, `active`, `suspended`, `declined`).
    #[serde(default)]
    pub status: String,
    /// `kind` (`website`, `doorway`, `contextual`, `social_app`, `youtube`, ...).
    #[serde(default)]
    pub kind: String,
    /// `site_url`.
    #[serde(default)]
    pub site_url: String,
    /// `verification_code`.
    #[serde(default)]
    pub verification_code: Option<String>,
    /// `validation_passed`.
    #[serde(default)]
    pub validation_passed: Option<bool>,
    /// `creation_date` as sent.
    #[serde(default)]
    pub creation_date: Option<String>,
    /// The object as sent.
    #[serde(default, skip_deserializing)]
    pub raw: Json,
}

/// GET /websites/v2/ (scope `websites`): bare array or paginated, both read.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListWebsites {
    /// `status`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub status: Option<String>,
    /// `campaign_status`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub campaign_status: Option<String>,
    /// `limit` (1..=500).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// `offset`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u64>,
}

/// A program (advcampaign); the object is open-ended, so `raw` carries the rest.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Program {
    /// `id`.
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    pub id: u64,
    /// `name`.
    #[serde(default)]
    pub name: String,
    /// `status`.
    #[serde(default)]
    pub status: Option<String>,
    /// `rating` (decimal text).
    #[serde(default)]
    pub rating: Decimal,
    /// `site_url`.
    #[serde(default)]
    pub site_url: Option<String>,
    /// `currency`.
    #[serde(default)]
    pub currency: Option<String>,
    /// `connection_status` (for an ad space).
    #[serde(default)]
    pub connection_status: Option<String>,
    /// `gotolink` (for an ad space).
    #[serde(default)]
    pub gotolink: Option<String>,
    /// `epc` (decimal text).
    #[serde(default)]
    pub epc: Decimal,
    /// `cr` (decimal text).
    #[serde(default)]
    pub cr: Decimal,
    /// The object as sent.
    #[serde(default, skip_deserializing)]
    pub raw: Json,
}

/// GET /advcampaigns/ or, with `website`, /advcampaigns/website/{w_id}/.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListPrograms {
    /// The ad space: programs as it sees them (scope `advcampaigns_for_website`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub website: Option<u64>,
    /// `language`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<String>,
    /// `connection_status` (for an ad space): `active`, `pending`, `declined`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub connection_status: Option<String>,
    /// `has_tool` (repeated): `deeplink`, `coupons`, `retag`, ...
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub has_tool: Vec<String>,
    /// `limit` (1..=500).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// `offset`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u64>,
}

/// A coupon.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Coupon {
    /// `id`.
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    pub id: u64,
    /// `name`.
    #[serde(default)]
    pub name: String,
    /// `status`.
    #[serde(default)]
    pub status: Option<String>,
    /// `rating` (decimal text).
    #[serde(default)]
    pub rating: Decimal,
    /// `discount` as sent.
    #[serde(default)]
    pub discount: Option<String>,
    /// `date_start`.
    #[serde(default)]
    pub date_start: Option<String>,
    /// `date_end`.
    #[serde(default)]
    pub date_end: Option<String>,
    /// `goto_link` (for an ad space).
    #[serde(default)]
    pub goto_link: Option<String>,
    /// `promocode` (for an ad space).
    #[serde(default)]
    pub promocode: Option<String>,
    /// The object as sent.
    #[serde(default, skip_deserializing)]
    pub raw: Json,
}

with_raw!(Website, Program, Coupon);

/// GET /coupons/ or, with `website`, /coupons/website/{w_id}/.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ListCoupons {
    /// The ad space (scope `coupons_for_website`): coupons with its links.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub website: Option<u64>,
    /// `campaign` (repeated).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub campaign: Vec<u64>,
    /// `search`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub search: Option<String>,
    /// `date_start` (dd.mm.yyyy).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub date_start: Option<String>,
    /// `date_end` (dd.mm.yyyy, not before `date_start`).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub date_end: Option<String>,
    /// `language`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub language: Option<String>,
    /// `limit` (1..=500).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub limit: Option<u32>,
    /// `offset`.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub offset: Option<u64>,
}

impl AdmitadEndpoint for ListWebsites {
    type Output = Page<Website>;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        let mut q = paging(self.limit, self.offset)?;
        if let Some(s) = &self.status {
            validate::required("status", s)?;
            q.insert(0, ("status", s.clone()));
        }
        if let Some(s) = &self.campaign_status {
            validate::required("campaign_status", s)?;
            q.insert(0, ("campaign_status", s.clone()));
        }
        Ok(ctx.request(Method::Get, &["websites", "v2"], &refs(&q)))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Page<Website>, Error> {
        typed_page(exchange, self.offset.unwrap_or(0))
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

impl AdmitadEndpoint for ListPrograms {
    type Output = Page<Program>;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        let mut q: Vec<(&'static str, String)> = Vec::new();
        if let Some(l) = &self.language {
            q.push(("language", l.clone()));
        }
        if let Some(c) = &self.connection_status {
            q.push(("connection_status", c.clone()));
        }
        for t in &self.has_tool {
            validate::required("has_tool", t)?;
            q.push(("has_tool", t.clone()));
        }
        q.extend(paging(self.limit, self.offset)?);
        let w = self.website.map(|w| w.to_string());
        let path: Vec<&str> = match &w {
            Some(w) => vec!["advcampaigns", "website", w],
            None => vec!["advcampaigns"],
        };
        Ok(ctx.request(Method::Get, &path, &refs(&q)))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Page<Program>, Error> {
        typed_page(exchange, self.offset.unwrap_or(0))
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// GET /advcampaigns/{id}/.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GetProgram {
    /// The program.
    pub id: u64,
    /// `language`.
    pub language: Option<String>,
}

impl AdmitadEndpoint for GetProgram {
    type Output = Program;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        let id = self.id.to_string();
        let q: Vec<(&str, &str)> = self
            .language
            .iter()
            .map(|l| ("language", l.as_str()))
            .collect();
        Ok(ctx.request(Method::Get, &["advcampaigns", &id], &q))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Program, Error> {
        typed_one(exchange, 0)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

impl AdmitadEndpoint for ListCoupons {
    type Output = Page<Coupon>;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        check_date_range(self.date_start.as_deref(), self.date_end.as_deref())?;
        let mut q: Vec<(&'static str, String)> = Vec::new();
        for c in &self.campaign {
            q.push(("campaign", c.to_string()));
        }
        for (k, v) in [
            ("search", &self.search),
            ("date_start", &self.date_start),
            ("date_end", &self.date_end),
            ("language", &self.language),
        ] {
            if let Some(v) = v {
                validate::no_controls(k, v)?;
                q.push((k, v.clone()));
            }
        }
        q.extend(paging(self.limit, self.offset)?);
        let w = self.website.map(|w| w.to_string());
        let path: Vec<&str> = match &w {
            Some(w) => vec!["coupons", "website", w],
            None => vec!["coupons"],
        };
        Ok(ctx.request(Method::Get, &path, &refs(&q)))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Page<Coupon>, Error> {
        typed_page(exchange, self.offset.unwrap_or(0))
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

macro_rules! paginated {
    ($($t:ty => $item:ty),+) => {$(
        impl Paginated for $t {
            type Item = $item;
            fn at_offset(&self, offset: u64) -> Self {
                Self { offset: Some(offset), ..self.clone() }
            }
            fn offset(&self) -> u64 {
                self.offset.unwrap_or(0)
            }
        }
    )+};
}

paginated!(ListWebsites => Website, ListPrograms => Program, ListCoupons => Coupon);

/// The link checker's verdict.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LinkCheck {
    /// `message` (`Link successfully tested.`) or the problem (`error_description`).
    #[serde(default, alias = "error_description")]
    pub message: String,
    /// Whether the link passed.
    #[serde(default, skip_deserializing)]
    pub valid: bool,
}

/// GET /validate_links/?link=… (scope `validate_links`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValidateLink {
    /// The affiliate link to check.
    pub link: String,
}

impl AdmitadEndpoint for ValidateLink {
    type Output = LinkCheck;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        validate::required("link", &self.link)?;
        Ok(ctx.request(Method::Get, &["validate_links"], &[("link", &self.link)]))
    }
    fn parse(&self, exchange: &Exchange) -> Result<LinkCheck, Error> {
        let mut out: LinkCheck = decode(exchange)?;
        let body: serde_json::Value = decode(exchange)?;
        out.valid = body.get("error_description").is_none() && body.get("error").is_none();
        Ok(out)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

/// POST /broken_links/resolve/ with `link_id` repeated (scope `manage_broken_links`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ResolveBrokenLinks {
    /// The broken-link ids to mark resolved.
    pub link_ids: Vec<u64>,
}

/// The ids Admitad marked resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct ResolvedLinks {
    /// `resolved`.
    #[serde(default)]
    pub resolved: Vec<u64>,
}

impl AdmitadEndpoint for ResolveBrokenLinks {
    type Output = ResolvedLinks;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        if self.link_ids.is_empty() {
            return Err(Error::invalid("link_ids", "give at least one id"));
        }
        let mut req = ctx.request(Method::Post, &["broken_links", "resolve"], &[]);
        req.set_header("Content-Type", "application/x-www-form-urlencoded");
        let ids: Vec<String> = self.link_ids.iter().map(u64::to_string).collect();
        req.body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(ids.iter().map(|i| ("link_id", i.as_str())))
            .finish()
            .into_bytes();
        Ok(req)
    }
    fn parse(&self, exchange: &Exchange) -> Result<ResolvedLinks, Error> {
        decode(exchange)
    }
    fn policy(&self) -> RequestPolicy {
        // Marking the same links resolved twice leaves them resolved.
        RequestPolicy {
            idempotent: true,
            follow_redirects: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HttpResponse;

    fn req<E: AdmitadEndpoint>(e: &E) -> Result<HttpRequest, Error> {
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
