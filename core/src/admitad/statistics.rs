//! Publisher reports and deeplinks: dates in `dd.mm.yyyy`, repeated `order_by`,
//! `total`, pagination; money as exact decimals.

use serde::{Deserialize, Serialize};

use super::AdmitadContext;
use super::decimal::Decimal;
use super::errors::decode;
use super::pagination::{Page, Paginated};
use super::wire::request_record;
use crate::driver::{Exchange, RequestPolicy};
use crate::error::Error;
use crate::http::{HttpRequest, Method};
use crate::json::Json;
use crate::open_enum::open_enum;
use crate::validate;

open_enum! {
    /// Which report (`/statistics/<report>/`).
    StatisticsReport {
        /// `websites`.
        Websites = "websites",
        /// `campaigns`.
        Campaigns = "campaigns",
        /// `dates`.
        Dates = "dates",
        /// `months`.
        Months = "months",
        /// `actions`.
        Actions = "actions",
        /// `sub_ids`.
        SubIds = "sub_ids",
        /// `sources`.
        Sources = "sources",
        /// `keywords`.
        Keywords = "keywords",
    }
}

request_record! {
    /// A report request. Dates are `dd.mm.yyyy`; `order_by` entries may start with `-` (descending).
    ListStatistics {
        /// The report.
        report: StatisticsReport,
        /// `date_start`.
        date_start: Option<String> = None,
        /// `date_end` (not before `date_start`).
        date_end: Option<String> = None,
        /// `website` (ad-space id).
        website: Option<u64> = None,
        /// `campaign` (repeated, program ids: `campaign=3&campaign=4`). A single id reads as one entry.
        #[serde(deserialize_with = "super::wire::one_or_many")]
        campaign: Vec<u64> = [],
        /// `subid` (at most 250 characters).
        subid: Option<String> = None,
        /// `total=1`: one aggregated row.
        total: Option<bool> = None,
        /// `order_by` (repeated), e.g. `["-clicks", "cr"]`.
        order_by: Vec<String> = [],
        /// `limit` (1..=500; default 20).
        limit: Option<u32> = None,
        /// `offset`.
        offset: Option<u64> = None,
        /// `subid1` (at most 250 characters).
        subid1: Option<String> = None,
        /// `subid2`.
        subid2: Option<String> = None,
        /// `subid3`.
        subid3: Option<String> = None,
        /// `subid4`.
        subid4: Option<String> = None,
        /// `keyword` (actions, keywords).
        keyword: Option<String> = None,
        /// `source`: `g` (Google) or `y` (Yandex) for keywords; as sent for actions.
        source: Option<String> = None,
        /// `status` (actions).
        status: Option<String> = None,
        /// `action_type`: `lead` or `sale` (actions).
        action_type: Option<String> = None,
        /// `closing_date_start` (`dd.mm.yyyy`, actions).
        closing_date_start: Option<String> = None,
        /// `closing_date_end` (`dd.mm.yyyy`).
        closing_date_end: Option<String> = None,
        /// `status_updated_start` (`dd.mm.yyyy HH:MM:SS`, actions).
        status_updated_start: Option<String> = None,
        /// `status_updated_end` (`dd.mm.yyyy HH:MM:SS`).
        status_updated_end: Option<String> = None,
        /// `group_subids`: `subid` or `subid1`…`subid4` (sub_ids).
        group_subids: Option<String> = None,
        /// `action_id` (actions).
        action_id: Option<u64> = None,
        /// `processed` (sent as 1/0; actions).
        processed: Option<bool> = None,
        /// `paid` (sent as 1/0; actions).
        paid: Option<bool> = None,
        /// `action`: the action's name (actions).
        action: Option<String> = None,
    }
}

/// `websites`, so requests can be built with `..Default::default()`.
#[allow(clippy::derivable_impls)] // the enum comes from `open_enum!`, which cannot place `#[default]`
impl Default for StatisticsReport {
    fn default() -> Self {
        StatisticsReport::Websites
    }
}

/// One report row: the columns typed (money and rates exact; the actions report's columns are `None`
/// in the other reports), every column as sent in `row`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatisticsRow {
    /// `views`.
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    pub views: u64,
    /// `clicks`.
    #[serde(default, deserialize_with = "crate::lenient::u64_or_zero")]
    pub clicks: u64,
    /// `leads_sum` (or `leads`).
    #[serde(
        default,
        alias = "leads",
        deserialize_with = "crate::lenient::u64_or_zero"
    )]
    pub leads_sum: u64,
    /// `sales_sum` (or `sales`).
    #[serde(
        default,
        alias = "sales",
        deserialize_with = "crate::lenient::u64_or_zero"
    )]
    pub sales_sum: u64,
    /// `payment_sum_open`.
    #[serde(default)]
    pub payment_sum_open: Decimal,
    /// `payment_sum_approved`.
    #[serde(default)]
    pub payment_sum_approved: Decimal,
    /// `payment_sum_declined`.
    #[serde(default)]
    pub payment_sum_declined: Decimal,
    /// `currency`.
    #[serde(default)]
    pub currency: Option<String>,
    /// The row as sent (every column, report-specific ones such as `date` or `source` included).
    #[serde(default, skip_deserializing)]
    pub row: Json,
    /// `website_id` (websites report; Admitad sends it as text).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub website_id: Option<u64>,
    /// `website_name` (websites and actions reports).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub website_name: Option<String>,
    /// `ctr`: click-through rate.
    #[serde(default)]
    pub ctr: Option<Decimal>,
    /// `cr`: conversion rate.
    #[serde(default)]
    pub cr: Option<Decimal>,
    /// `ecpc`: effective cost per click.
    #[serde(default)]
    pub ecpc: Option<Decimal>,
    /// `ecpm`: effective cost per thousand views.
    #[serde(default)]
    pub ecpm: Option<Decimal>,
    /// `id` (actions: the action's id).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub id: Option<u64>,
    /// `action_id` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub action_id: Option<u64>,
    /// `order_id` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub order_id: Option<String>,
    /// `tariff_id` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub tariff_id: Option<u64>,
    /// `advcampaign_id` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub advcampaign_id: Option<u64>,
    /// `advcampaign_name` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub advcampaign_name: Option<String>,
    /// `action`: the action's name (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub action: Option<String>,
    /// `action_type`: `lead` or `sale` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub action_type: Option<String>,
    /// `status`: `pending`, `approved`, `declined`, ... (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub status: Option<String>,
    /// `processed` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_bool")]
    pub processed: Option<bool>,
    /// `paid` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_bool")]
    pub paid: Option<bool>,
    /// `cart`: the order amount (actions).
    #[serde(default)]
    pub cart: Option<Decimal>,
    /// `payment`: the reward (actions).
    #[serde(default)]
    pub payment: Option<Decimal>,
    /// `subid` (actions; sub_ids grouped by `subid`).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub subid: Option<String>,
    /// `subid1`.
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub subid1: Option<String>,
    /// `subid2`.
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub subid2: Option<String>,
    /// `subid3`.
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub subid3: Option<String>,
    /// `subid4`.
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub subid4: Option<String>,
    /// `keyword` (actions, keywords).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub keyword: Option<String>,
    /// `comment` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub comment: Option<String>,
    /// `promocode` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub promocode: Option<String>,
    /// `click_user_ip` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub click_user_ip: Option<String>,
    /// `click_user_referer` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub click_user_referer: Option<String>,
    /// `click_country_code` (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub click_country_code: Option<String>,
    /// `conversion_time`: seconds from click to action (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
    pub conversion_time: Option<u64>,
    /// `click_date` as sent (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub click_date: Option<String>,
    /// `action_date` as sent (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub action_date: Option<String>,
    /// `closing_date` as sent (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub closing_date: Option<String>,
    /// `status_updated` as sent (actions).
    #[serde(default, deserialize_with = "crate::lenient::opt_string")]
    pub status_updated: Option<String>,
    /// `positions`: the order's items (actions).
    #[serde(default, deserialize_with = "crate::lenient::null_as_empty")]
    pub positions: Vec<ActionPosition>,
}

crate::admitad::wire::response_record! {
    /// One item of an action's order (`positions[]` of the actions report).
    ActionPosition {
        /// `id`.
        #[serde(deserialize_with = "crate::lenient::u64_or_zero")]
        id: u64,
        /// `tariff_id`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        tariff_id: Option<u64>,
        /// `datetime` as sent.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        datetime: Option<String>,
        /// `amount`: the item's price.
        amount: Option<Decimal>,
        /// `payment`: the reward for it.
        payment: Option<Decimal>,
        /// `rate`.
        rate: Option<Decimal>,
        /// `rate_id`.
        #[serde(deserialize_with = "crate::lenient::opt_u64")]
        rate_id: Option<u64>,
        /// `percentage`: whether `rate` is a percentage.
        #[serde(deserialize_with = "crate::lenient::opt_bool")]
        percentage: Option<bool>,
        /// `product_id`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_id: Option<String>,
        /// `product_name`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_name: Option<String>,
        /// `product_url`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_url: Option<String>,
        /// `product_image`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_image: Option<String>,
        /// `product_category_id`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_category_id: Option<String>,
        /// `product_category_name`.
        #[serde(deserialize_with = "crate::lenient::opt_string")]
        product_category_name: Option<String>,
        /// The object as sent (every `product_*` field).
        #[serde(skip_deserializing)]
        raw: Json,
    }
}

/// One page of a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct StatisticsPage {
    /// The rows.
    pub items: Vec<StatisticsRow>,
    /// `_meta.count`.
    pub count: u64,
    /// `_meta.limit` (the server may lower it).
    pub limit: u32,
    /// `_meta.offset`.
    pub offset: u64,
    /// The vendor's request id of the response, when it sent one.
    #[serde(default)]
    pub request_id: Option<String>,
}

impl super::wire::WithRaw for StatisticsRow {
    fn set_raw(&mut self, raw: Json) {
        // Each position keeps its object as sent too (when they were read, they are in order). A row
        // without positions never parses its text into a tree.
        if self.positions.is_empty() {
            self.row = raw;
            return;
        }
        if let Some(sent) = raw.value().get("positions").and_then(|p| p.as_array()) {
            if sent.len() == self.positions.len() {
                for (position, object) in self.positions.iter_mut().zip(sent) {
                    position.raw = Json::new(object.clone());
                }
            }
        }
        self.row = raw;
    }
}

impl From<Page<StatisticsRow>> for StatisticsPage {
    fn from(p: Page<StatisticsRow>) -> Self {
        StatisticsPage {
            items: p.items,
            count: p.count,
            limit: p.limit,
            offset: p.offset,
            request_id: p.request_id,
        }
    }
}

impl ListStatistics {
    /// The report-specific filters (sub ids, actions, keywords), checked.
    fn filters(&self, q: &mut super::wire::Query) -> Result<(), Error> {
        for (k, v) in [
            ("subid1", &self.subid1),
            ("subid2", &self.subid2),
            ("subid3", &self.subid3),
            ("subid4", &self.subid4),
        ] {
            q.bounded(k, v, 250)?;
        }
        q.text("keyword", &self.keyword)?;
        if self.report == StatisticsReport::Keywords {
            q.one_of("source", &self.source, &["g", "y"])?;
        } else {
            q.text("source", &self.source)?;
        }
        q.text("status", &self.status)?;
        q.text("action", &self.action)?;
        q.one_of("action_type", &self.action_type, &["lead", "sale"])?;
        q.num("action_id", self.action_id);
        q.flag("processed", self.processed);
        q.flag("paid", self.paid);
        q.date_range(
            ("closing_date_start", "closing_date_end"),
            &self.closing_date_start,
            &self.closing_date_end,
        )?;
        q.date_time_range(
            ("status_updated_start", "status_updated_end"),
            &self.status_updated_start,
            &self.status_updated_end,
        )?;
        q.one_of(
            "group_subids",
            &self.group_subids,
            &["subid", "subid1", "subid2", "subid3", "subid4"],
        )?;
        Ok(())
    }
}

impl crate::Endpoint for ListStatistics {
    type Api = crate::admitad::AdmitadApi;
    type Output = Page<StatisticsRow>;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        if !self.report.is_known() {
            return Err(Error::invalid(
                "report",
                format!("unknown report `{}`", self.report),
            ));
        }
        for o in &self.order_by {
            let name = o.strip_prefix('-').unwrap_or(o);
            if name.is_empty()
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(Error::invalid(
                    "order_by",
                    format!("`{o}` is not a column name"),
                ));
            }
        }
        let mut q = super::wire::Query::default();
        q.date_range(("date_start", "date_end"), &self.date_start, &self.date_end)?;
        q.bounded("subid", &self.subid, 250)?;
        q.each("order_by", &self.order_by);
        self.filters(&mut q)?;
        q.num("website", self.website);
        q.each("campaign", &self.campaign);
        q.flag("total", self.total);
        q.page(self.limit, self.offset)?;
        Ok(ctx.get(&["statistics", self.report.as_str()], &q))
    }
    fn parse(&self, exchange: &Exchange) -> Result<Page<StatisticsRow>, Error> {
        super::wire::typed_page(exchange, self.offset.unwrap_or(0))
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

impl Paginated for ListStatistics {
    type Item = StatisticsRow;
    fn at_offset(&self, offset: u64) -> Self {
        ListStatistics {
            offset: Some(offset),
            ..self.clone()
        }
    }
    fn offset(&self) -> u64 {
        self.offset.unwrap_or(0)
    }
}

/// GET /deeplink/{w_id}/advcampaign/{c_id}/.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GetDeeplinks {
    /// The ad space.
    pub website_id: u64,
    /// The program.
    pub campaign_id: u64,
    /// `ulp`: target URLs (1 to 200; repeated key).
    pub ulp: Vec<String>,
    /// `subid` (≤ 50 characters).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subid: Option<String>,
    /// `subid1` (≤ 50).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subid1: Option<String>,
    /// `subid2` (≤ 50).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subid2: Option<String>,
    /// `subid3` (≤ 50).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subid3: Option<String>,
    /// `subid4` (≤ 120).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub subid4: Option<String>,
}

/// One generated link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deeplink {
    /// `link`.
    pub link: String,
    /// `is_affiliate_product` (AliExpress only).
    #[serde(default)]
    pub is_affiliate_product: Option<bool>,
}

impl crate::Endpoint for GetDeeplinks {
    type Api = crate::admitad::AdmitadApi;
    type Output = DeeplinkList;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<HttpRequest, Error> {
        if self.ulp.is_empty() || self.ulp.len() > 200 {
            return Err(Error::invalid("ulp", "give 1 to 200 target URLs"));
        }
        for u in &self.ulp {
            validate::required("ulp", u)?;
            if u.contains('\0') || u.contains("%00") {
                return Err(Error::invalid("ulp", "must not contain NUL (%00)"));
            }
        }
        let subids = [
            ("subid", &self.subid, 50),
            ("subid1", &self.subid1, 50),
            ("subid2", &self.subid2, 50),
            ("subid3", &self.subid3, 50),
            ("subid4", &self.subid4, 120),
        ];
        let mut query: Vec<(&str, &str)> = self.ulp.iter().map(|u| ("ulp", u.as_str())).collect();
        for (name, value, max) in subids {
            if let Some(v) = value {
                validate::no_controls(name, v)?;
                if v.chars().count() > max {
                    return Err(Error::invalid(name, format!("at most {max} characters")));
                }
                if v.contains("%00") {
                    return Err(Error::invalid(name, "must not contain %00"));
                }
                query.push((name, v));
            }
        }
        let (w, c) = (self.website_id.to_string(), self.campaign_id.to_string());
        Ok(ctx.request(Method::Get, &["deeplink", &w, "advcampaign", &c], &query))
    }
    fn parse(&self, exchange: &Exchange) -> Result<DeeplinkList, Error> {
        decode::<Vec<Deeplink>>(exchange).map(Into::into)
    }
    fn policy(&self) -> RequestPolicy {
        RequestPolicy::for_method(Method::Get)
    }
}

crate::reply::item_list! {
    /// One affiliate link per landing URL asked for.
    DeeplinkList(Deeplink);
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::Endpoint;
    use crate::HttpResponse;

    fn ctx_req<E: crate::admitad::AdmitadEndpoint>(e: &E) -> Result<HttpRequest, Error> {
        let base = crate::driver::parse_base_url(super::super::DEFAULT_BASE_URL).unwrap();
        e.build(&AdmitadContext {
            base_url: &base,
            access_token: "tok",
        })
    }

    #[test]
    fn statistics_wire_and_checks() {
        let r = ListStatistics {
            report: StatisticsReport::Actions,
            date_start: Some("01.05.2012".into()),
            date_end: Some("31.05.2012".into()),
            campaign: vec![6],
            order_by: vec!["-clicks".into(), "cr".into()],
            limit: Some(500),
            offset: Some(1000),
            ..Default::default()
        };
        let req = ctx_req(&r).unwrap();
        assert_eq!(
            req.url,
            "https://api.admitad.com/statistics/actions/?date_start=01.05.2012&date_end=31.05.2012&order_by=-clicks&order_by=cr&campaign=6&limit=500&offset=1000"
        );
        assert_eq!(req.header("authorization"), Some("Bearer tok"));
        for bad in [
            ListStatistics {
                limit: Some(501),
                ..r.clone()
            },
            ListStatistics {
                date_start: Some("2012-05-01".into()),
                ..r.clone()
            },
            ListStatistics {
                date_end: Some("30.04.2012".into()),
                ..r.clone()
            },
            ListStatistics {
                date_start: Some("31.02.2012".into()),
                ..r.clone()
            },
            ListStatistics {
                subid: Some("x".repeat(251)),
                ..r.clone()
            },
            ListStatistics {
                order_by: vec!["clicks;drop".into()],
                ..r.clone()
            },
        ] {
            assert_eq!(
                ctx_req(&bad).unwrap_err().kind(),
                crate::ErrorKind::InvalidInput,
                "{bad:?}"
            );
        }
        let page = r
            .parse(&Exchange::new(HttpResponse::new(
                200,
                r#"{"results":[{"website_id":"25","clicks":"12","views":100,"payment_sum_approved":"20000.00","payment_sum_open":104.66,"currency":"USD"}],"_meta":{"count":"1001","limit":300,"offset":1000}}"#,
            )))
            .unwrap();
        assert_eq!((page.count, page.limit, page.offset), (1001, 300, 1000));
        let row = &page.items[0];
        assert_eq!((row.clicks, row.views), (12, 100));
        assert_eq!(row.payment_sum_approved.as_str(), "20000.00");
        assert_eq!(row.payment_sum_open.as_str(), "104.66");
        assert_eq!(row.row.value()["website_id"], "25");
        assert_eq!(page.next_offset(), None);
    }

    #[test]
    fn deeplink_limits() {
        let ok = GetDeeplinks {
            website_id: 22,
            campaign_id: 6,
            ulp: vec![
                "https://shop.example/a?x=1".into(),
                "https://shop.example/b".into(),
            ],
            subid: Some("s".into()),
            ..Default::default()
        };
        assert_eq!(
            ctx_req(&ok).unwrap().url,
            "https://api.admitad.com/deeplink/22/advcampaign/6/?ulp=https%3A%2F%2Fshop.example%2Fa%3Fx%3D1&ulp=https%3A%2F%2Fshop.example%2Fb&subid=s"
        );
        let too_many = GetDeeplinks {
            ulp: vec!["https://e/".into(); 201],
            ..ok.clone()
        };
        let long = GetDeeplinks {
            subid: Some("x".repeat(51)),
            ..ok.clone()
        };
        let long4 = GetDeeplinks {
            subid4: Some("x".repeat(121)),
            ..ok.clone()
        };
        let nul = GetDeeplinks {
            ulp: vec!["https://e/%00".into()],
            ..ok.clone()
        };
        for bad in [too_many, long, long4, nul] {
            assert_eq!(
                ctx_req(&bad).unwrap_err().kind(),
                crate::ErrorKind::InvalidInput
            );
        }
        assert!(
            ctx_req(&GetDeeplinks {
                subid4: Some("x".repeat(120)),
                ..ok
            })
            .is_ok()
        );
    }
}
