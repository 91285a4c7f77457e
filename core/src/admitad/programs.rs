//! Programs (advertiser campaigns): the list, one program, one program as an ad space sees it,
//! joining and leaving, and connection statuses across ad spaces.

use super::decimal::Decimal;
use super::wire::{
    Send, concrete_page, endpoint, id, list_endpoint, request_record, response_record, segs,
    with_raw,
};
use crate::error::Error;
use crate::json::Json;

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

with_raw!(Program);

crate::reply::reply!(Program, ActionResult);

crate::reply::item_list! {
    /// A program's connection statuses.
    ProgramConnectionList(ProgramConnection);
}

concrete_page! {
    /// A page of programs.
    ProgramPage(Program),
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::Endpoint;
    use crate::HttpRequest;
    use crate::HttpResponse;
    use crate::admitad::{AdmitadContext, ListCoupons, ListWebsites, ResolveBrokenLinks};
    use crate::driver::Exchange;

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
