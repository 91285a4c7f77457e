//! Admitad publisher endpoints: exact wire bytes, bad input refused before sending, loose responses.

use adkit::Endpoint;
use std::collections::HashMap;

use adkit::admitad::*;
use adkit::driver::{Exchange, parse_base_url};
use adkit::{ErrorKind, HttpRequest, HttpResponse};

fn build<E: AdmitadEndpoint>(e: &E) -> Result<HttpRequest, adkit::Error> {
    let base = parse_base_url(DEFAULT_BASE_URL).unwrap();
    e.build(&AdmitadContext {
        base_url: &base,
        access_token: "tok",
    })
}

fn url<E: AdmitadEndpoint>(e: &E) -> String {
    build(e).unwrap().url
}

fn body<E: AdmitadEndpoint>(e: &E) -> String {
    String::from_utf8(build(e).unwrap().body).unwrap()
}

fn refused<E: AdmitadEndpoint>(e: &E, field: &str) {
    match build(e) {
        Err(err) => match &err {
            adkit::Error::InvalidInput { field: f, .. } => assert_eq!(f, field, "{err}"),
            other => panic!("expected invalid input on `{field}`, got {other}"),
        },
        Ok(r) => panic!("expected `{field}` refused, built {}", r.url),
    }
}

fn ok(body: &str) -> Exchange {
    Exchange::new(HttpResponse::new(200, body))
}

const API: &str = "https://api.admitad.com";

#[test]
fn account_and_reference_paths() {
    assert_eq!(
        url(&GetBalance { extended: false }),
        format!("{API}/me/balance/")
    );
    assert_eq!(
        url(&GetBalance { extended: true }),
        format!("{API}/me/balance/extended/")
    );
    assert_eq!(
        url(&GetPaymentSettings {
            currency: Some("EUR".into())
        }),
        format!("{API}/me/payment/settings/EUR/")
    );
    refused(
        &GetPaymentSettings {
            currency: Some("eur".into()),
        },
        "currency",
    );
    assert_eq!(
        url(&ListCodes {
            list: CodeList::WebsiteRegions,
            limit: Some(50),
            offset: Some(100)
        }),
        format!("{API}/websites/regions/?limit=50&offset=100")
    );
    assert_eq!(
        url(&GetLanguage { code: "en".into() }),
        format!("{API}/languages/en/")
    );
    refused(
        &GetLanguage {
            code: "../me".into(),
        },
        "code",
    );
    assert_eq!(
        url(&GetCurrencyRate {
            base: "USD".into(),
            target: "EUR".into(),
            date: "01.02.2024".into()
        }),
        format!("{API}/currencies/rate/?base=USD&target=EUR&date=01.02.2024")
    );
    refused(
        &GetCurrencyRate {
            base: "USD".into(),
            target: "EUR".into(),
            date: "2024-02-01".into(),
        },
        "date",
    );
    assert_eq!(
        url(&ListCategories {
            campaign: vec![6, 7],
            language: Some("en".into()),
            order_by: Some("name".into()),
            ..Default::default()
        }),
        format!("{API}/categories/?campaign=6&campaign=7&language=en&order_by=name")
    );
    assert_eq!(
        url(&ListCategories {
            program: Some(6),
            ..Default::default()
        }),
        format!("{API}/categories/advcampaign/6/")
    );
    refused(
        &ListCategories {
            order_by: Some("id".into()),
            ..Default::default()
        },
        "order_by",
    );
    assert_eq!(
        url(&GetCategory {
            id: 3,
            language: None
        }),
        format!("{API}/categories/3/")
    );
    refused(
        &GetCategory {
            id: 0,
            language: None,
        },
        "id",
    );
    assert_eq!(
        url(&ListAdServices {
            kind: Some("website".into()),
            ..Default::default()
        }),
        format!("{API}/adservices/kind/website/")
    );
    assert_eq!(url(&ListTrafficTypes::default()), format!("{API}/traffic/"));
    assert_eq!(
        url(&GetCouponCategory { id: 2 }),
        format!("{API}/coupons/categories/2/")
    );
    refused(
        &ListCurrencies {
            limit: Some(501),
            offset: None,
        },
        "limit",
    );
}

#[test]
fn programs_creatives_and_coupons() {
    assert_eq!(
        url(&GetWebsite { id: 22 }),
        format!("{API}/websites/v2/22/")
    );
    assert_eq!(
        url(&GetProgramForWebsite {
            program: 6,
            website: 22
        }),
        format!("{API}/advcampaigns/6/website/22/")
    );
    let join = build(&ChangeMembership {
        action: Membership::Attach,
        program: 6,
        website: 22,
    })
    .unwrap();
    assert_eq!(
        (join.method.as_str(), join.url.as_str()),
        ("POST", "https://api.admitad.com/advcampaigns/6/attach/22/")
    );
    assert!(join.body.is_empty() && join.header("content-type").is_none());
    assert!(
        build(&ChangeMembership {
            action: Membership::Detach,
            program: 6,
            website: 22
        })
        .unwrap()
        .url
        .ends_with("/advcampaigns/6/detach/22/")
    );
    assert_eq!(
        url(&GetProgramStatuses {
            program: 6,
            websites: vec![1, 2, 3]
        }),
        format!("{API}/subnetworks/v1/advcampaign/6/statuses/?websites_id=1%2C2%2C3")
    );
    refused(
        &GetProgramStatuses {
            program: 6,
            websites: (1..=31).collect(),
        },
        "websites_id",
    );
    refused(
        &GetProgramStatuses {
            program: 6,
            websites: vec![],
        },
        "websites",
    );
    assert_eq!(
        url(&ListBanners {
            program: 6,
            website: Some(22),
            mobile_content: Some(false),
            uri_scheme: Some("https".into()),
            landing: Some(4),
            limit: Some(10),
            offset: None
        }),
        format!(
            "{API}/banners/6/website/22/?landing=4&mobile_content=false&uri_scheme=https&limit=10"
        )
    );
    refused(
        &ListBanners {
            program: 6,
            uri_scheme: Some("ftp".into()),
            ..Default::default()
        },
        "uri_scheme",
    );
    refused(&ListBanners::default(), "program");
    assert_eq!(
        url(&ListLandings {
            program: 6,
            website: Some(22),
            ..Default::default()
        }),
        format!("{API}/landings/6/website/22/")
    );
    assert_eq!(
        url(&GetCoupon {
            id: 9,
            website: Some(22)
        }),
        format!("{API}/coupons/9/website/22/")
    );
    assert_eq!(
        url(&ListPromoOffers {
            program: 6,
            ..Default::default()
        }),
        format!("{API}/promo_offers/6/")
    );
    assert_eq!(
        url(&GetPromoCodeRevocations {
            offer: 5,
            website: 22
        }),
        format!("{API}/promo_offers/revocation_status/5/?website_id=22")
    );
    refused(
        &GetPromoCodeRevocations {
            offer: 5,
            website: 0,
        },
        "website",
    );
    let track = build(&RequestTrackingCoupon {
        coupon: 1,
        program: 6,
        website: 22,
    })
    .unwrap();
    assert_eq!(
        track.url,
        format!("{API}/tracking_promo_code/request-tracking-coupon/")
    );
    assert_eq!(
        track.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        String::from_utf8(track.body).unwrap(),
        "coupon_id=1&advcampaign_id=6&website_id=22"
    );
    assert_eq!(
        url(&GetTrackingCouponStatus { request_id: 77 }),
        format!("{API}/tracking_promo_code/request-status/?request_id=77")
    );
    assert_eq!(
        body(&ShortenLink {
            link: "https://ad.admitad.com/g/abc/?ulp=x".into()
        }),
        "link=https%3A%2F%2Fad.admitad.com%2Fg%2Fabc%2F%3Fulp%3Dx"
    );
    refused(
        &ShortenLink {
            link: "not a url".into(),
        },
        "link",
    );
}

#[test]
fn community_postbacks_and_retag() {
    assert_eq!(
        url(&ListReferrals {
            date_start: Some("01.01.2024".into()),
            date_end: Some("31.01.2024".into()),
            limit: Some(5),
            offset: None
        }),
        format!("{API}/referrals/?date_start=01.01.2024&date_end=31.01.2024&limit=5")
    );
    refused(
        &ListReferrals {
            date_start: Some("02.01.2024".into()),
            date_end: Some("01.01.2024".into()),
            ..Default::default()
        },
        "date_end",
    );
    assert_eq!(url(&GetReferral { id: 3 }), format!("{API}/referrals/3/"));
    assert_eq!(
        url(&GetNewsItem {
            id: 3,
            language: Some("en".into())
        }),
        format!("{API}/news/3/?language=en")
    );
    assert_eq!(
        url(&ListNotifications {
            category: Some("finance".into()),
            status: Some("not_read".into()),
            start_date: Some("01.01.2024 00:00:00".into()),
            end_date: Some("01.01.2024 12:30:00".into()),
            ..Default::default()
        }),
        format!(
            "{API}/web_notificator/v1/web_notificator/?category=finance&status=not_read&start_date=01.01.2024+00%3A00%3A00&end_date=01.01.2024+12%3A30%3A00"
        )
    );
    refused(
        &ListNotifications {
            start_date: Some("01.01.2024".into()),
            ..Default::default()
        },
        "start_date",
    );
    refused(
        &ListNotifications {
            category: Some("spam".into()),
            ..Default::default()
        },
        "category",
    );
    let all = build(&MarkNotificationsRead { id: None }).unwrap();
    assert_eq!(
        (all.method.as_str(), all.url.as_str()),
        (
            "POST",
            "https://api.admitad.com/web_notificator/v1/web_notificator/mark_all_as_read/"
        )
    );
    assert!(
        url(&MarkNotificationsRead { id: Some(4) }).ends_with("/web_notificator/4/mark_as_read/")
    );
    assert_eq!(
        url(&ListVendorBonuses {
            programs: vec![6, 7],
            ..Default::default()
        }),
        format!("{API}/vendor_tool/v1/vendor_tool/?advcampaign_id=6%2C7")
    );

    let create = SaveOptCode {
        kind: OptCodeKind::Action,
        website: Some(22),
        campaign: Some(6),
        url: Some("https://me.example/pb?order=[[[order_id]]]&sum=[[[payment_sum]]]".into()),
        method: Some(PostbackMethod::Get),
        desc_mode: Some(DescMode::Simple),
        action_type: Some(ActionTypeFilter::Sale),
        statuses: vec![ActionStatus::Approved, ActionStatus::Declined],
        reward_ready: Some(true),
        ..Default::default()
    };
    let r = build(&create).unwrap();
    assert_eq!(r.url, format!("{API}/opt_codes/action/create/"));
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        "website=22&campaign=6&desc_mode=1&url=https%3A%2F%2Fme.example%2Fpb%3Forder%3D%5B%5B%5Border_id%5D%5D%5D%26sum%3D%5B%5B%5Bpayment_sum%5D%5D%5D&method=0&action_type=1&status=6&status=7&reward_ready=1"
    );
    assert!(!create.policy().idempotent, "creating is never repeated");
    let update = SaveOptCode {
        id: Some(9),
        kind: OptCodeKind::Offer,
        url: Some("https://me.example/o".into()),
        ..Default::default()
    };
    assert_eq!(url(&update), format!("{API}/opt_codes/offer/update/9/"));
    assert!(update.policy().idempotent);
    refused(
        &SaveOptCode {
            url: None,
            ..create.clone()
        },
        "url",
    );
    refused(
        &SaveOptCode {
            statuses: vec![],
            reward_ready: None,
            ..create.clone()
        },
        "statuses",
    );
    refused(
        &SaveOptCode {
            url: Some("ftp://x".into()),
            ..create.clone()
        },
        "url",
    );
    refused(
        &SaveOptCode {
            kind: OptCodeKind::Offer,
            ..create.clone()
        },
        "statuses",
    );
    assert_eq!(
        url(&DeleteOptCode { id: 9 }),
        format!("{API}/opt_codes/delete/9/")
    );
    assert_eq!(
        url(&ListOptCodes {
            order_by: vec!["-method".into()],
            website: Some(22),
            ..Default::default()
        }),
        format!("{API}/opt_codes/?website=22&order_by=-method")
    );
    // The documented example repeats it: `order_by=-method&order_by=desc_mode`.
    assert_eq!(
        url(&ListOptCodes {
            order_by: vec!["-method".into(), "desc_mode".into()],
            ..Default::default()
        }),
        format!("{API}/opt_codes/?order_by=-method&order_by=desc_mode")
    );
    refused(
        &ListOptCodes {
            order_by: vec!["-method".into(), "url".into()],
            ..Default::default()
        },
        "order_by",
    );

    let tag = SaveRetag {
        website: Some(22),
        level: Some(3),
        script: Some("<script>\n  x()\n</script>".into()),
        active: Some(true),
        ..Default::default()
    };
    assert_eq!(
        body(&tag),
        "website=22&level=3&script=%3Cscript%3E%0A++x%28%29%0A%3C%2Fscript%3E&active=1"
    );
    refused(
        &SaveRetag {
            script: None,
            ..tag.clone()
        },
        "script",
    );
    refused(
        &SaveRetag {
            id: Some(4),
            ..tag.clone()
        },
        "website",
    );
    assert_eq!(
        url(&SaveRetag {
            id: Some(4),
            active: Some(false),
            ..Default::default()
        }),
        format!("{API}/retag/update/4/")
    );
    assert_eq!(
        url(&ListRetagLevels {
            program: Some(6),
            ..Default::default()
        }),
        format!("{API}/retag/advcampaign/6/levels/")
    );
    refused(&ListRetagLevels::default(), "website");
    assert_eq!(
        url(&ListRetags {
            active: Some(false),
            ..Default::default()
        }),
        format!("{API}/retag/?active=0")
    );
}

fn receipt() -> Attachment {
    Attachment {
        file_name: "receipt.pdf".into(),
        content_type: "application/pdf".into(),
        bytes: b"%PDF-1.4 test".to_vec(),
    }
}

#[test]
fn lost_orders_multipart_and_partners() {
    let order = CreateLostOrder {
        program: 6,
        website: 22,
        order_id: "A-1".into(),
        order_date: "05.03.2024".into(),
        order_price: "1499.90".into(),
        comment: "Bought on the phone".into(),
        appeal_id: None,
        estimated_reward: "45.00".into(),
        receipt: receipt(),
    };
    let r = build(&order).unwrap();
    assert_eq!(r.url, format!("{API}/lost_orders/create/"));
    let ct = r.header("content-type").unwrap().to_owned();
    let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
    assert!(
        boundary.starts_with("adkit-") && boundary.len() == 38,
        "{boundary}"
    );
    let text = String::from_utf8(r.body).unwrap();
    let expected = [
        ("advcampaign", "6"),
        ("website", "22"),
        ("order_id", "A-1"),
        ("order_date", "05.03.2024"),
        ("order_price", "1499.90"),
        ("comment", "Bought on the phone"),
        ("estimated_reward", "45.00"),
    ]
    .iter()
    .map(|(k, v)| {
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
    })
    .collect::<String>()
        + &format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"receipt\"; filename=\"receipt.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--{boundary}--\r\n"
        );
    assert_eq!(text, expected);
    assert!(!order.policy().idempotent);
    refused(
        &CreateLostOrder {
            order_price: "12,50".into(),
            ..order.clone()
        },
        "order_price",
    );
    refused(
        &CreateLostOrder {
            order_date: "2024-03-05".into(),
            ..order.clone()
        },
        "order_date",
    );
    refused(
        &CreateLostOrder {
            comment: "x".repeat(513),
            ..order.clone()
        },
        "comment",
    );
    refused(
        &CreateLostOrder {
            order_id: "x".repeat(101),
            ..order.clone()
        },
        "order_id",
    );
    refused(
        &CreateLostOrder {
            receipt: Attachment {
                content_type: "image/gif".into(),
                ..receipt()
            },
            ..order.clone()
        },
        "receipt",
    );
    refused(
        &CreateLostOrder {
            receipt: Attachment {
                bytes: b"GIF89a".to_vec(),
                ..receipt()
            },
            ..order.clone()
        },
        "receipt",
    );
    refused(
        &CreateLostOrder {
            receipt: Attachment {
                file_name: "a\".pdf".into(),
                ..receipt()
            },
            ..order.clone()
        },
        "receipt",
    );
    let debug = format!("{:?}", receipt());
    assert!(
        debug.contains("13 bytes") && !debug.contains("PDF-1.4"),
        "{debug}"
    );

    let appeal = CreateAppeal {
        program: 6,
        order_id: "A-1".into(),
        comment: "c".into(),
        appeal_id: Some("T-9".into()),
        receipt: receipt(),
    };
    let text = String::from_utf8(build(&appeal).unwrap().body).unwrap();
    assert!(
        text.contains("name=\"appeal_id\"\r\n\r\nT-9\r\n")
            && text.contains("filename=\"receipt.pdf\"")
    );
    assert_eq!(
        url(&ListLostOrders {
            kind: ClaimKind::Appeal,
            status: Some("processing".into()),
            ..Default::default()
        }),
        format!("{API}/appeals/?status=processing")
    );
    refused(
        &ListLostOrders {
            status: Some("lost".into()),
            ..Default::default()
        },
        "status",
    );
    assert_eq!(
        url(&GetLostOrder {
            kind: ClaimKind::LostOrder,
            id: 5
        }),
        format!("{API}/lost_orders/5/")
    );
    assert_eq!(
        url(&GetLostOrderPayments {
            program: 6,
            order_ids: vec!["A".into(), "B".into()]
        }),
        format!("{API}/lost_orders/payments_info/?advcampaign=6&order_id=A&order_id=B")
    );
    refused(
        &GetLostOrderPayments {
            program: 6,
            order_ids: (0..21).map(|i| i.to_string()).collect(),
        },
        "order_ids",
    );
    assert_eq!(
        url(&ListBrokenLinks {
            campaign: vec![1, 2],
            reason: Some(1),
            start_date: Some("01.01.2024".into()),
            ..Default::default()
        }),
        format!("{API}/broken_links/?campaign=1&campaign=2&reason=1&start_date=01.01.2024")
    );
    refused(
        &ListBrokenLinks {
            reason: Some(3),
            ..Default::default()
        },
        "reason",
    );

    let rates = build(&GetAliexpressCommissionRates {
        urls: vec!["https://aliexpress.com/item/1.html".into()],
    })
    .unwrap();
    assert_eq!(rates.header("content-type"), Some("application/json"));
    assert_eq!(
        String::from_utf8(rates.body).unwrap(),
        r#"{"urls":["https://aliexpress.com/item/1.html"]}"#
    );
    refused(&GetAliexpressCommissionRates { urls: vec![] }, "urls");

    let app = CreateBrokerApplication {
        website: 22,
        program: 6,
        first_name: "Ann".into(),
        last_name: "Lee".into(),
        mobile_phone: "+70000000000".into(),
        email: "ann@example.com".into(),
        work_date: None,
        user_notified: true,
        sms_confirmation: false,
        extra: HashMap::from([
            ("passport".into(), "1234".into()),
            ("city".into(), "Riga".into()),
        ]),
    };
    let r = build(&app).unwrap();
    assert_eq!(
        r.url,
        format!("{API}/website/22/broker/applications/create/")
    );
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        "first_name=Ann&last_name=Lee&mobile_phone=%2B70000000000&email=ann%40example.com&campaign_id=6&user_notified=1&city=Riga&passport=1234"
    );
    refused(
        &CreateBrokerApplication {
            extra: HashMap::from([("email".into(), "x".into())]),
            ..app.clone()
        },
        "extra",
    );
    refused(
        &CreateBrokerApplication {
            email: "nope".into(),
            ..app.clone()
        },
        "email",
    );
    assert_eq!(
        url(&GetBrokerCampaignSettings { program: 6 }),
        format!("{API}/broker/campaign_settings/6/")
    );
}

#[test]
fn loose_responses_decode_into_precise_types() {
    let balance = GetBalance { extended: true }
        .parse(&ok(r#"[{"currency":"USD","balance":"20000.00","processing":"1.50","today":0,"stalled":null}]"#))
        .unwrap();
    assert_eq!(balance[0].balance.as_str(), "20000.00");
    assert_eq!(
        balance[0].processing.as_ref().map(|d| d.as_str()),
        Some("1.50")
    );
    assert_eq!(balance[0].today.as_ref().map(|d| d.as_str()), Some("0"));
    assert_eq!(balance[0].stalled, None);

    let kinds = ListCodes::default()
        .parse(&ok(
            r#"{"results":["website","doorway"],"_meta":{"count":9,"limit":2,"offset":0}}"#,
        ))
        .unwrap();
    assert_eq!(
        (kinds.items, kinds.count),
        (vec!["website".to_owned(), "doorway".to_owned()], 9)
    );

    let landing = ListLandings { program: 6, ..Default::default() }
        .parse(&ok(r#"{"results":[{"id":"13","name":"Main","date_created":"2024-01-01 10:00:00"}],"_meta":{"count":1,"limit":20,"offset":0}}"#))
        .unwrap();
    assert_eq!(landing.items[0].id, 13);

    let code = GetOptCode { id: 1 }
        .parse(&ok(r#"{"id":1,"website":{"id":22,"name":"S"},"campaign":"6","event":0,"method":1,"desc_mode":0,"status":[{"id":6},{"id":7}],"reward_ready":"1","user_url":"https://x/[[[order_id]]]"}"#))
        .unwrap();
    assert_eq!(
        (
            code.website,
            code.campaign,
            code.status.clone(),
            code.reward_ready
        ),
        (Some(22), Some(6), vec![6, 7], Some(true))
    );

    let note = ListNotifications::default()
        .parse(&ok(r#"[{"id":3,"status":"not_read","category":"finance","translate":{"id":1,"subject":"Paid","text":"You were paid"}}]"#))
        .unwrap();
    assert_eq!(
        (
            note.items[0].subject.as_deref(),
            note.items[0].text.as_deref()
        ),
        (Some("Paid"), Some("You were paid"))
    );

    let info = GetLostOrderPayments { program: 6, order_ids: vec!["A".into()] }
        .parse(&ok(r#"{"order_info":[{"order_id":123,"status":"owner","payment_id":"77","payment_status":"paid"}]}"#))
        .unwrap();
    assert_eq!(info.order_info[0].order_id.as_deref(), Some("123"));
    assert_eq!(info.order_info[0].payment_id, Some(77));

    let rates = GetAliexpressCommissionRates { urls: vec!["https://a.example/".into()] }
        .parse(&ok(r#"{"commission_rates":[{"product_name":null,"commission_rate":null,"hot_commission_rate":"7.5","is_hot":true,"url":"https://a.example/"}]}"#))
        .unwrap();
    assert_eq!(
        rates.commission_rates[0]
            .hot_commission_rate
            .as_ref()
            .map(|d| d.as_str()),
        Some("7.5")
    );
    assert_eq!(rates.commission_rates[0].commission_rate, None);

    let empty = MarkNotificationsRead { id: None }.parse(&ok("")).unwrap();
    assert!(empty.body.value().is_null());

    let status_missing = GetTrackingCouponStatus { request_id: 5 }
        .parse(&Exchange::new(HttpResponse::new(
            404,
            r#"{"err_code":"PROMO_REQUEST_NOT_FOUND"}"#,
        )))
        .unwrap_err();
    assert_eq!(status_missing.kind(), ErrorKind::NotFound);
    assert_eq!(status_missing.code(), Some("PROMO_REQUEST_NOT_FOUND"));
}

#[test]
fn statistics_report_filters() {
    let actions = ListStatistics {
        report: StatisticsReport::Actions,
        date_start: Some("01.03.2024".into()),
        subid2: Some("spring".into()),
        action_type: Some("sale".into()),
        status: Some("approved".into()),
        processed: Some(true),
        paid: Some(false),
        closing_date_start: Some("01.03.2024".into()),
        closing_date_end: Some("31.03.2024".into()),
        status_updated_start: Some("01.03.2024 00:00:00".into()),
        order_by: vec!["-datetime".into()],
        limit: Some(500),
        ..Default::default()
    };
    assert_eq!(
        url(&actions),
        format!(
            "{API}/statistics/actions/?date_start=01.03.2024&order_by=-datetime&subid2=spring&status=approved&action_type=sale&processed=1&paid=0&closing_date_start=01.03.2024&closing_date_end=31.03.2024&status_updated_start=01.03.2024+00%3A00%3A00&limit=500"
        )
    );
    refused(
        &ListStatistics {
            action_type: Some("click".into()),
            ..actions.clone()
        },
        "action_type",
    );
    refused(
        &ListStatistics {
            status_updated_start: Some("01.03.2024".into()),
            ..actions.clone()
        },
        "status_updated_start",
    );
    refused(
        &ListStatistics {
            closing_date_end: Some("01.02.2024".into()),
            ..actions.clone()
        },
        "closing_date_end",
    );
    refused(
        &ListStatistics {
            subid3: Some("x".repeat(251)),
            ..actions.clone()
        },
        "subid3",
    );
    let keywords = ListStatistics {
        report: StatisticsReport::Keywords,
        source: Some("g".into()),
        ..Default::default()
    };
    assert_eq!(
        url(&keywords),
        format!("{API}/statistics/keywords/?source=g")
    );
    refused(
        &ListStatistics {
            source: Some("b".into()),
            ..keywords
        },
        "source",
    );
    let grouped = ListStatistics {
        report: StatisticsReport::SubIds,
        group_subids: Some("subid3".into()),
        ..Default::default()
    };
    assert_eq!(
        url(&grouped),
        format!("{API}/statistics/sub_ids/?group_subids=subid3")
    );
    refused(
        &ListStatistics {
            group_subids: Some("subid9".into()),
            ..grouped
        },
        "group_subids",
    );
}

#[test]
fn a_field_of_the_wrong_type_does_not_blank_the_others() {
    let page = ListBanners { program: 6, ..Default::default() }
        .parse(&ok(r#"[{"id":"7","name":"Banner","type":"png","is_flash":"maybe","size_width":{"px":1},"mobile_content":true}]"#))
        .unwrap();
    let b = &page.items[0];
    assert_eq!(
        (b.id, b.name.as_str(), b.kind.as_str(), b.mobile_content),
        (7, "Banner", "png", Some(true))
    );
    assert_eq!(
        (b.is_flash, b.size_width),
        (None, 0),
        "the wrong ones read as their defaults"
    );
    assert_eq!(
        b.raw.value()["is_flash"],
        "maybe",
        "and stay in raw as sent"
    );
    let not_object = ListLandings {
        program: 6,
        ..Default::default()
    }
    .parse(&ok(r#"[42]"#))
    .unwrap();
    assert_eq!(
        (
            not_object.items[0].id,
            not_object.items[0].raw.value().as_u64()
        ),
        (0, Some(42))
    );
}

/// Mutations of real-shaped bodies: every parser answers `Ok` or a typed error, never panics.
#[test]
fn mutated_responses_never_panic() {
    let samples = [
        r#"{"results":[{"id":"1","name":"B","type":"png","size_width":"240","is_flash":false,"parent":{"id":2,"name":"P"}}],"_meta":{"count":"9","limit":1,"offset":0}}"#,
        r#"[{"currency":"USD","balance":"20000.00","processing":1.5,"status":[{"id":6}],"website":{"id":22},"order_info":[{"order_id":1}]}]"#,
        r#"{"commission_rates":[{"url":"u","commission_rate":"7.5","is_hot":"1"}],"order_info":null,"translate":{"subject":1}}"#,
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let swaps = [
        "null",
        "\"x\"",
        "-1",
        "1e400",
        "[]",
        "{}",
        "true",
        "\"\u{0}\"",
    ];
    let mut bodies: Vec<String> = Vec::new();
    for s in samples {
        for _ in 0..400 {
            let mut b = s.to_owned();
            match next() % 3 {
                0 => b.truncate((next() as usize) % b.len()),
                1 => {
                    let at = (next() as usize) % b.len();
                    if b.is_char_boundary(at) {
                        b.insert_str(at, swaps[(next() as usize) % swaps.len()]);
                    }
                }
                _ => b = b.replace("\"1\"", swaps[(next() as usize) % swaps.len()]),
            }
            bodies.push(b);
        }
    }
    let mut decoded = 0;
    for (i, body) in bodies.iter().enumerate() {
        let status = [200, 200, 200, 400, 404, 503][i % 6];
        let x = Exchange::new(HttpResponse::new(status, body.as_str()));
        let results = [
            ListBanners::default().parse(&x).is_ok(),
            GetBalance::default().parse(&x).is_ok(),
            ListCodes::default().parse(&x).is_ok(),
            GetOptCode::default().parse(&x).is_ok(),
            ListNotifications::default().parse(&x).is_ok(),
            GetLostOrderPayments::default().parse(&x).is_ok(),
            GetAliexpressCommissionRates::default().parse(&x).is_ok(),
            ListCategories::default().parse(&x).is_ok(),
            MarkNotificationsRead::default().parse(&x).is_ok(),
            ListStatistics::default().parse(&x).is_ok(),
        ];
        decoded += results.iter().filter(|ok| **ok).count();
    }
    assert!(decoded > 0, "some mutations still decode");
}

#[test]
fn subnetwork_websites_and_sms_confirmed_broker_applications() {
    let create = CreateSubnetworkWebsites {
        websites: vec![
            NewWebsite {
                name: "Blog".into(),
                url: "https://blog.example/".into(),
                category: vec![1, 2],
                region: vec!["RU".into()],
                native_kind: Some("website".into()),
            },
            NewWebsite {
                name: "Channel".into(),
                url: "https://video.example/c".into(),
                ..Default::default()
            },
        ],
    };
    let r = build(&create).unwrap();
    assert_eq!(
        (r.method.as_str(), r.url.as_str()),
        (
            "POST",
            "https://api.admitad.com/subnetworks/v1/websites/create/"
        )
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(
        String::from_utf8(r.body).unwrap(),
        r#"[{"name":"Blog","url":"https://blog.example/","category":[1,2],"region":["RU"],"native_kind":"website"},{"name":"Channel","url":"https://video.example/c","category":[],"region":[],"native_kind":null}]"#
    );
    assert!(!create.policy().idempotent);
    refused(&CreateSubnetworkWebsites { websites: vec![] }, "websites");
    refused(
        &CreateSubnetworkWebsites {
            websites: vec![NewWebsite {
                name: "x".repeat(201),
                url: "https://a.example/".into(),
                ..Default::default()
            }],
        },
        "name",
    );
    refused(
        &CreateSubnetworkWebsites {
            websites: vec![NewWebsite {
                name: "x".into(),
                url: "blog.example".into(),
                ..Default::default()
            }],
        },
        "url",
    );
    let created = create
        .parse(&ok(
            r#"{"1":{"id":"31","name":"Channel"},"0":{"id":30,"name":"Blog","status":"new"}}"#,
        ))
        .unwrap();
    assert_eq!(
        created
            .iter()
            .map(|w| (w.id, w.name.as_str()))
            .collect::<Vec<_>>(),
        vec![(30, "Blog"), (31, "Channel")]
    );

    let sms = CreateBrokerApplication {
        website: 22,
        program: 6,
        first_name: "Ann".into(),
        last_name: "Lee".into(),
        mobile_phone: "+70000000000".into(),
        email: "ann@example.com".into(),
        user_notified: true,
        sms_confirmation: true,
        ..Default::default()
    };
    assert_eq!(
        url(&sms),
        format!("{API}/website/22/broker/applications/sync_create/")
    );
}

#[test]
fn validation_bodies_become_field_errors() {
    let e = SaveRetag::default()
        .parse(&Exchange::new(HttpResponse::new(
            400,
            r#"{"script": ["This field is required."], "level": ["Unknown level."]}"#,
        )))
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Api);
    let fields: Vec<(String, String)> = e
        .details()
        .unwrap()
        .field_errors
        .iter()
        .map(|f| (f.field.clone(), f.detail.clone()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("level".into(), "Unknown level.".into()),
            ("script".into(), "This field is required.".into())
        ]
    );
    assert_eq!(e.details().unwrap().message, "level: Unknown level.");
    let batch = CreateSubnetworkWebsites::default()
        .parse(&Exchange::new(HttpResponse::new(
            400,
            r#"{"1": {"url": ["Enter a valid URL."]}}"#,
        )))
        .unwrap_err();
    assert_eq!(batch.details().unwrap().field_errors[0].field, "1.url");
    let coded = GetTrackingCouponStatus { request_id: 1 }
        .parse(&Exchange::new(HttpResponse::new(
            400,
            r#"{"error_code": "CHECK_PRE_APPROVED_COUPON_ERROR_CODE_NO_COUPON"}"#,
        )))
        .unwrap_err();
    assert!(coded.details().unwrap().field_errors.is_empty());
}

/// Decoded form or query pairs, sorted: the same request whatever the order of its pairs.
fn pairs(encoded: &str) -> Vec<(String, String)> {
    let mut p: Vec<(String, String)> = form_urlencoded::parse(encoded.as_bytes())
        .into_owned()
        .collect();
    p.sort();
    p
}

fn query_of(url: &str) -> &str {
    url.split_once('?').map(|(_, q)| q).unwrap_or_default()
}

/// The text parts of a multipart body, by name, and the files' names.
fn multipart_parts(req: &HttpRequest) -> (Vec<(String, String)>, Vec<String>) {
    let ct = req.header("content-type").unwrap();
    let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
    let text = String::from_utf8_lossy(&req.body).into_owned();
    let (mut fields, mut files) = (Vec::new(), Vec::new());
    for part in text.split(&format!("--{boundary}")) {
        let Some(rest) = part.strip_prefix("\r\nContent-Disposition: form-data; name=\"") else {
            continue;
        };
        let (name, rest) = rest.split_once('"').unwrap();
        if let Some(file) = rest.strip_prefix("; filename=\"") {
            files.push(format!("{name}={}", file.split_once('"').unwrap().0));
        } else {
            let value = rest
                .strip_prefix("\r\n\r\n")
                .unwrap()
                .strip_suffix("\r\n")
                .unwrap();
            fields.push((name.to_owned(), value.to_owned()));
        }
    }
    fields.sort();
    (fields, files)
}

/// The token endpoint's documented answer (refresh article): every account field kept, typed, and the
/// object as sent without the two tokens.
#[test]
fn token_response_keeps_the_account_fields() {
    let request = TokenRequest {
        client_id: "cb281d918a37e346b45e9aea1c6eb7".into(),
        client_secret: "a0f8a8b24de8b8182a0ddd2e89f5b1".into(),
        grant: TokenGrant::Refresh {
            refresh_token: "7521b7640c".into(),
        },
    };
    let documented = r#"{
"username": "webmaster1",
"first_name": "name",
"last_name": "surname",
"language": "ru",
"access_token": "4b8b33955a",
"token_type": "bearer",
"expires_in": 604800,
"refresh_token": "ea957cce42",
"scope": "advcampaigns banners websites",
"group": "webmaster"
}"#;
    let t = request.parse(&ok(documented), 1_000).unwrap();
    assert_eq!(
        (
            t.access_token.as_str(),
            t.refresh_token.as_deref(),
            t.expires_at_ms,
            t.token_type.as_str(),
            t.scope.as_str()
        ),
        (
            "4b8b33955a",
            Some("ea957cce42"),
            1_000 + 604_800_000,
            "bearer",
            "advcampaigns banners websites"
        )
    );
    assert_eq!(
        (
            t.username.as_deref(),
            t.first_name.as_deref(),
            t.last_name.as_deref(),
            t.language.as_deref(),
            t.group.as_deref(),
            t.user_id,
            t.code.as_deref()
        ),
        (
            Some("webmaster1"),
            Some("name"),
            Some("surname"),
            Some("ru"),
            Some("webmaster"),
            None,
            None
        )
    );
    let raw = t.raw.value().as_object().unwrap();
    assert!(!raw.contains_key("access_token") && !raw.contains_key("refresh_token"));
    assert_eq!(raw.len(), 8, "every other member as sent: {raw:?}");
    assert_eq!(raw["group"], "webmaster");
    let shown = format!("{t:?} {}", t.raw.value());
    assert!(
        !shown.contains("4b8b33955a") && !shown.contains("ea957cce42"),
        "{shown}"
    );
    // `id` and `code` (seen in the wild, as numbers or text) are kept too.
    let t = request
        .parse(
            &ok(r#"{"access_token":"a1","refresh_token":"r1","expires_in":"604800","id":"17","code":1234,"group":"webmaster"}"#),
            0,
        )
        .unwrap();
    assert_eq!((t.user_id, t.code.as_deref()), (Some(17), Some("1234")));
    // A stored pair from before these fields reads as it did.
    let stored: TokenSet = serde_json::from_str(
        r#"{"access_token":"a","refresh_token":null,"expires_at_ms":5,"scope":"","token_type":"bearer","username":null,"user_id":null}"#,
    )
    .unwrap();
    assert_eq!((stored.expires_at_ms, stored.group), (5, None));
    assert!(stored.raw.value().is_null());
}

#[test]
fn the_catalogue_filter_and_the_ad_space_list_are_two_calls() {
    assert_eq!(
        url(&ListPrograms {
            website_filter: Some(10),
            ..Default::default()
        }),
        format!("{API}/advcampaigns/?website=10")
    );
    assert_eq!(
        url(&ListPrograms {
            website: Some(10),
            ..Default::default()
        }),
        format!("{API}/advcampaigns/website/10/")
    );
    // The documented catalogue example: `?limit=1&website=1234124` (paging goes last here).
    let documented = "limit=1&website=1234124";
    let ours = url(&ListPrograms {
        website_filter: Some(1_234_124),
        limit: Some(1),
        ..Default::default()
    });
    assert_eq!(ours, format!("{API}/advcampaigns/?website=1234124&limit=1"));
    assert_eq!(pairs(query_of(&ours)), pairs(documented));
    assert_eq!(
        url(&ListPrograms {
            language: Some("en".into()),
            has_tool: vec!["coupons".into(), "vendor_bonus".into()],
            traffic_id: Some(1),
            website_filter: Some(22),
            promo_code_programs_only: Some(true),
            takefluence_enabled_only: Some(false),
            ..Default::default()
        }),
        format!(
            "{API}/advcampaigns/?language=en&has_tool=coupons&has_tool=vendor_bonus&traffic_id=1&website=22&promo_code_programs_only=true&takefluence_enabled_only=false"
        )
    );
    refused(
        &ListPrograms {
            website: Some(22),
            website_filter: Some(22),
            ..Default::default()
        },
        "website_filter",
    );
    refused(
        &ListPrograms {
            website_filter: Some(0),
            ..Default::default()
        },
        "website_filter",
    );
}

#[test]
fn coupons_repeat_order_by_and_take_type_as_text() {
    let r = url(&ListCoupons {
        kind: vec!["1".into(), "free_shipping".into()],
        order_by: vec!["name".into(), "-rating".into()],
        ..Default::default()
    });
    assert_eq!(
        r,
        format!("{API}/coupons/?type=1&type=free_shipping&order_by=name&order_by=-rating")
    );
    // The documented example: `?region=KZ&limit=1`.
    assert_eq!(
        url(&ListCoupons {
            region: Some("KZ".into()),
            limit: Some(1),
            ..Default::default()
        }),
        format!("{API}/coupons/?region=KZ&limit=1")
    );
    refused(
        &ListCoupons {
            order_by: vec!["name".into(), "id".into()],
            ..Default::default()
        },
        "order_by",
    );
    refused(
        &ListCoupons {
            kind: vec![" ".into()],
            ..Default::default()
        },
        "type",
    );
    // From JSON (the JS surface): one text or a list; numbers read as their digits.
    let from_json: ListCoupons =
        serde_json::from_str(r#"{"order_by":"-date_end","kind":[1,"gift"]}"#).unwrap();
    assert_eq!(
        (from_json.order_by, from_json.kind),
        (
            vec!["-date_end".to_owned()],
            vec!["1".to_owned(), "gift".to_owned()]
        )
    );

    // The documented answer (its trailing comma after the last category removed: it is not JSON).
    let documented = r#"{
"results": [
{
"status": "active",
"rating": "2.50",
"campaign": {
"id": 8,
"name": "Campaign_8",
"site_url": "http://example.com/"
},
"description": "description",
"short_name": "coupon",
"exclusive": false,
"date_end": "2018-07-25T23:59:59",
"date_start": "2018-11-10T00:00:00",
"id": 3,
"regions": [
"KZ"
],
"language": "en",
"discount": "20%",
"types": [
{
"id": 1,
"name": "Type name 1"
},
{
"id": 2,
"name": "Type name 2"
}
],
"image": "//cdn.admitad.com/media/campaign/images/2018/06/13/1d37869cf370a26b091f726cc4b24025.jpg",
"species": "promocode",
"categories": [
{
"id": 1,
"name": "Category name 1"
},
{
"id": 2,
"name": "Category name 2"
}
],
"name": "Coupon1"
}
],
"_meta": {
"count": 8,
"limit": 1,
"offset": 1
}
}"#;
    let page = ListCoupons::default().parse(&ok(documented)).unwrap();
    let c = &page.items[0];
    assert_eq!(
        (
            c.id,
            c.name.as_str(),
            c.short_name.as_deref(),
            c.description.as_deref(),
            c.status.as_deref(),
            c.rating.as_str(),
            c.exclusive,
            c.discount.as_deref(),
            c.species.as_deref()
        ),
        (
            3,
            "Coupon1",
            Some("coupon"),
            Some("description"),
            Some("active"),
            "2.50",
            Some(false),
            Some("20%"),
            Some("promocode")
        )
    );
    assert_eq!(
        c.types
            .iter()
            .map(|t| (t.id, t.name.as_str()))
            .collect::<Vec<_>>(),
        [(1, "Type name 1"), (2, "Type name 2")]
    );
    assert_eq!(
        c.categories.iter().map(|t| t.id).collect::<Vec<_>>(),
        [1, 2]
    );
    assert_eq!(
        c.campaign.clone().unwrap(),
        CouponCampaign {
            id: 8,
            name: "Campaign_8".into(),
            site_url: Some("http://example.com/".into())
        }
    );
    assert_eq!(
        (
            c.regions.clone(),
            c.language.as_deref(),
            c.date_start.as_deref(),
            c.date_end.as_deref()
        ),
        (
            vec!["KZ".to_owned()],
            Some("en"),
            Some("2018-11-10T00:00:00"),
            Some("2018-07-25T23:59:59")
        )
    );
    assert!(
        c.image
            .as_deref()
            .unwrap()
            .starts_with("//cdn.admitad.com/")
    );
    let for_site = GetCoupon {
        id: 3,
        website: Some(22),
    }
    .parse(&ok(
        r#"{"id":3,"name":"C","goto_link":"https://ad.admitad.com/coupon/3/","frameset_link":"https://ad.admitad.com/coupon/3/?f=1","promocode":"SAVE"}"#,
    ))
    .unwrap();
    assert_eq!(
        for_site.frameset_link.as_deref(),
        Some("https://ad.admitad.com/coupon/3/?f=1")
    );
}

#[test]
fn broken_links_repeat_website() {
    assert_eq!(
        url(&ListBrokenLinks {
            website: vec![1, 2, 3],
            ..Default::default()
        }),
        format!("{API}/broken_links/?website=1&website=2&website=3")
    );
    let one: ListBrokenLinks = serde_json::from_str(r#"{"website":22}"#).unwrap();
    assert_eq!(one.website, vec![22], "one id still reads (JS callers)");
}

#[test]
fn statistics_action_filter_repeated_campaign_and_typed_columns() {
    // The documented filter example: `campaign=3&campaign=4&website=8&date_start=01.01.2011`.
    let documented = "campaign=3&campaign=4&website=8&date_start=01.01.2011";
    let ours = url(&ListStatistics {
        report: StatisticsReport::Websites,
        campaign: vec![3, 4],
        website: Some(8),
        date_start: Some("01.01.2011".into()),
        ..Default::default()
    });
    assert_eq!(
        ours,
        format!("{API}/statistics/websites/?date_start=01.01.2011&website=8&campaign=3&campaign=4")
    );
    assert_eq!(pairs(query_of(&ours)), pairs(documented));
    // The documented actions example, and the `action` filter.
    let documented = "date_start=01.01.2011&limit=2&order_by=date&offset=1&action_id=12&total=0";
    let ours = url(&ListStatistics {
        report: StatisticsReport::Actions,
        date_start: Some("01.01.2011".into()),
        limit: Some(2),
        order_by: vec!["date".into()],
        offset: Some(1),
        action_id: Some(12),
        total: Some(false),
        ..Default::default()
    });
    assert_eq!(pairs(query_of(&ours)), pairs(documented));
    assert_eq!(
        url(&ListStatistics {
            report: StatisticsReport::Actions,
            action: Some("Paid order".into()),
            action_type: Some("sale".into()),
            ..Default::default()
        }),
        format!("{API}/statistics/actions/?action=Paid+order&action_type=sale")
    );
    refused(
        &ListStatistics {
            report: StatisticsReport::Actions,
            action: Some(" ".into()),
            ..Default::default()
        },
        "action",
    );
    let one: ListStatistics =
        serde_json::from_str(r#"{"report":"campaigns","campaign":6}"#).unwrap();
    assert_eq!(one.campaign, vec![6], "one id still reads (JS callers)");

    // The documented websites report answer.
    let documented = r#"{
"results": [
{
"leads_sum": 24,
"payment_sum_declined": 0.0,
"ctr": 2413.5714,
"views": 7,
"website_id": "25",
"clicks": 16895,
"payment_sum_approved": 0.0,
"currency": "RUB",
"website_name": "site3_of_webmaster1",
"ecpm": 1513735.71,
"sales_sum": 1,
"cr": 0.0015,
"ecpc": 0.62,
"payment_sum_open": 10596.15
}
],
"_meta": {
"count": 3,
"limit": 1,
"offset": 1
}
}"#;
    let page = ListStatistics::default().parse(&ok(documented)).unwrap();
    let row = &page.items[0];
    assert_eq!(
        (row.website_id, row.website_name.as_deref()),
        (Some(25), Some("site3_of_webmaster1"))
    );
    let rate = |d: &Option<Decimal>| d.as_ref().map(|d| d.as_str().to_owned());
    assert_eq!(
        (
            rate(&row.ctr),
            rate(&row.cr),
            rate(&row.ecpc),
            rate(&row.ecpm)
        ),
        (
            Some("2413.5714".into()),
            Some("0.0015".into()),
            Some("0.62".into()),
            Some("1513735.71".into())
        )
    );
    assert_eq!(
        (
            row.views,
            row.clicks,
            row.leads_sum,
            row.sales_sum,
            row.payment_sum_open.as_str()
        ),
        (7, 16895, 24, 1, "10596.15")
    );
    assert_eq!(row.action_id, None, "no actions column in this report");

    // An actions report row (the documented columns, as Admitad sends them).
    let actions = r##"{"_meta":{"count":34,"limit":2,"offset":0},"results":[{"id":807084960,"order_id":"c-145792467","tariff_id":7106,"action_id":807084960,"advcampaign_id":14361,"advcampaign_name":"Adv name","website_name":"website","click_user_ip":null,"click_user_referer":"http://admitad.com/","click_country_code":null,"conversion_time":0,"action":"buy 01.10.16","action_type":"sale","cart":209.32,"status":"approved","processed":1,"subid":"#admitad-click#","subid1":null,"subid2":null,"subid3":null,"subid4":null,"payment":104.66,"currency":"RUB","keyword":null,"comment":null,"positions":[{"id":915191242,"tariff_id":8343,"datetime":"2021-12-26 10:48:02","amount":"209.32","payment":"104.66","rate":"50.00","rate_id":74578,"percentage":true,"product_url":"","product_id":"","product_image":"","product_name":"","product_category_id":"","product_category_name":""}],"paid":0,"promocode":null,"click_date":"2021-12-26 10:48:02","action_date":"2021-12-26 10:48:02","closing_date":"2022-02-03","status_updated":"2022-02-02 05:24:24"}]}"##;
    let page = ListStatistics {
        report: StatisticsReport::Actions,
        ..Default::default()
    }
    .parse(&ok(actions))
    .unwrap();
    let a = &page.items[0];
    assert_eq!(
        (
            a.id,
            a.action_id,
            a.order_id.as_deref(),
            a.tariff_id,
            a.advcampaign_id,
            a.advcampaign_name.as_deref(),
            a.website_name.as_deref()
        ),
        (
            Some(807_084_960),
            Some(807_084_960),
            Some("c-145792467"),
            Some(7106),
            Some(14361),
            Some("Adv name"),
            Some("website")
        )
    );
    assert_eq!(
        (
            a.action.as_deref(),
            a.action_type.as_deref(),
            a.status.as_deref(),
            a.processed,
            a.paid,
            rate(&a.cart),
            rate(&a.payment),
            a.currency.as_deref()
        ),
        (
            Some("buy 01.10.16"),
            Some("sale"),
            Some("approved"),
            Some(true),
            Some(false),
            Some("209.32".into()),
            Some("104.66".into()),
            Some("RUB")
        )
    );
    assert_eq!(
        (
            a.subid.as_deref(),
            a.subid1.as_deref(),
            a.keyword.as_deref(),
            a.comment.as_deref(),
            a.promocode.as_deref(),
            a.click_user_ip.as_deref(),
            a.click_user_referer.as_deref(),
            a.click_country_code.as_deref(),
            a.conversion_time
        ),
        (
            Some("#admitad-click#"),
            None,
            None,
            None,
            None,
            None,
            Some("http://admitad.com/"),
            None,
            Some(0)
        )
    );
    assert_eq!(
        (
            a.click_date.as_deref(),
            a.action_date.as_deref(),
            a.closing_date.as_deref(),
            a.status_updated.as_deref()
        ),
        (
            Some("2021-12-26 10:48:02"),
            Some("2021-12-26 10:48:02"),
            Some("2022-02-03"),
            Some("2022-02-02 05:24:24")
        )
    );
    let p = &a.positions[0];
    assert_eq!(
        (
            p.id,
            p.tariff_id,
            p.datetime.as_deref(),
            rate(&p.amount),
            rate(&p.payment),
            rate(&p.rate),
            p.rate_id,
            p.percentage,
            p.product_id.as_deref()
        ),
        (
            915_191_242,
            Some(8343),
            Some("2021-12-26 10:48:02"),
            Some("209.32".into()),
            Some("104.66".into()),
            Some("50.00".into()),
            Some(74578),
            Some(true),
            Some("")
        )
    );
    assert_eq!(p.raw.value()["product_category_name"], "");
}

#[test]
fn an_ad_space_by_name_is_one_percent_encoded_segment() {
    // The official Python client's example: `getOne('Google Ads', search_by='name')`.
    assert_eq!(
        url(&GetWebsiteByName {
            name: "Google Ads".into()
        }),
        format!("{API}/websites/v2/Google%20Ads/?search_by=name")
    );
    assert_eq!(
        url(&GetWebsiteByName {
            name: "Мой блог №1 café".into()
        }),
        format!(
            "{API}/websites/v2/%D0%9C%D0%BE%D0%B9%20%D0%B1%D0%BB%D0%BE%D0%B3%20%E2%84%961%20caf%C3%A9/?search_by=name"
        )
    );
    assert_eq!(
        url(&GetWebsiteByName {
            name: "a/b?c#d%e".into()
        }),
        format!("{API}/websites/v2/a%2Fb%3Fc%23d%25e/?search_by=name"),
        "a name never leaves its segment"
    );
    for bad in ["", " ", "..", ".", "a\nb"] {
        refused(&GetWebsiteByName { name: bad.into() }, "name");
    }
    refused(
        &GetWebsiteByName {
            name: "x".repeat(201),
        },
        "name",
    );
    // Its documented answer, with the fields only `raw` had before.
    let site = GetWebsiteByName {
        name: "Google Ads".into(),
    }
    .parse(&ok(r#"{
"id": 42,
"status": "active",
"kind": "social_network_google_ads",
"name": "Google Ads",
"site_url": "https://ads.google.com/profile",
"verification_code": "074a583c47",
"creation_date": "2025-08-28T12:54:24",
"is_old": false,
"account_id": "google_ads_123",
"validation_passed": true,
"is_lite": false
}"#))
    .unwrap();
    assert_eq!(
        (
            site.id,
            site.kind.as_str(),
            site.is_old,
            site.account_id.as_deref(),
            site.is_lite,
            site.validation_passed
        ),
        (
            42,
            "social_network_google_ads",
            Some(false),
            Some("google_ads_123"),
            Some(false),
            Some(true)
        )
    );
    let listed = ListWebsites::default()
        .parse(&ok(r#"{"results":[{"id":30,"name":"test website","is_old":true,"account_id":"","is_lite":"1"}],"_meta":{"count":1,"limit":10,"offset":0}}"#))
        .unwrap();
    assert_eq!(
        (
            listed.items[0].is_old,
            listed.items[0].account_id.as_deref(),
            listed.items[0].is_lite
        ),
        (Some(true), Some(""), Some(true))
    );
}

#[test]
fn records_keep_what_the_answer_says() {
    // The link checker's documented answer, and one with `success`.
    let check = ValidateLink {
        link: "https://ad.admitad.com/g/e5be4e10ef3cb5566912bc6358ff32".into(),
    };
    assert_eq!(
        url(&check),
        format!(
            "{API}/validate_links/?link=https%3A%2F%2Fad.admitad.com%2Fg%2Fe5be4e10ef3cb5566912bc6358ff32"
        )
    );
    let passed = check
        .parse(&ok(r#"{"message": "Link successfully tested."}"#))
        .unwrap();
    assert_eq!(
        (
            passed.valid,
            passed.message.as_str(),
            passed.success.as_deref()
        ),
        (true, "Link successfully tested.", None)
    );
    assert_eq!(passed.raw.value()["message"], "Link successfully tested.");
    let with_success = check
        .parse(&ok(
            r#"{"success": "Accepted", "message": "Link successfully tested.", "extra": 1}"#,
        ))
        .unwrap();
    assert_eq!(
        (with_success.valid, with_success.success.as_deref()),
        (true, Some("Accepted"))
    );
    assert_eq!(with_success.raw.value()["extra"], 1);
    let failed = check
        .parse(&ok(r#"{"error_description": "Wrong domain name."}"#))
        .unwrap();
    assert_eq!(
        (failed.valid, failed.message.as_str()),
        (false, "Wrong domain name.")
    );

    // `/me/` (its documented fields) and the object as sent.
    let me = GetMe
        .parse(&ok(r#"{"id": 1, "username": "webmaster1", "first_name": "name", "last_name": "surname", "language": "ru", "default_currency": "USD", "country": "RU", "email": "w@example.com", "phone": "+70000000000", "later": true}"#))
        .unwrap();
    assert_eq!(
        (
            me.id,
            me.username.as_str(),
            me.country.as_deref(),
            me.phone.as_deref()
        ),
        (1, "webmaster1", Some("RU"), Some("+70000000000"))
    );
    assert_eq!(me.raw.value()["later"], true);

    // Joining: the documented answer.
    let joined = ChangeMembership {
        action: Membership::Attach,
        program: 6,
        website: 22,
    }
    .parse(&ok(r#"{"message": "Request for adding the campaign AdvCamp 1 was successfully created.", "success": "OK"}"#))
    .unwrap();
    assert_eq!(joined.success, "OK");
    assert_eq!(joined.raw.value()["success"], "OK");

    // Tracking promo codes.
    let asked = RequestTrackingCoupon {
        coupon: 1,
        program: 6,
        website: 22,
    }
    .parse(&ok(
        r#"{"assigned_promo_code": "TRACK1", "tracking_link": null, "request_id": 77, "note": "x"}"#,
    ))
    .unwrap();
    assert_eq!(
        (asked.coupon_request_id, asked.raw.value()["note"].as_str()),
        (Some(77), Some("x"))
    );
    let state = GetTrackingCouponStatus { request_id: 77 }
        .parse(&ok(r#"{"request_id": 77, "promo_offer_id": 5, "website_id": "22", "status": "approved", "approved_at": "2024-03-01T10:00:00", "declined_at": null, "created_at": "2024-03-01T09:59:00", "assigned_promo_code": "TRACK1"}"#))
        .unwrap();
    assert_eq!(
        (state.website_id, state.raw.value()["status"].as_str()),
        (Some(22), Some("approved"))
    );

    // Banners: `banner_flashobj_url`.
    let banners = ListBanners {
        program: 6,
        ..Default::default()
    }
    .parse(&ok(r#"[{"id": 7, "name": "Flash", "type": "flash", "is_flash": true, "banner_image_url": null, "banner_flashobj_url": "https://cdn.admitad.com/b/7.swf"}]"#))
    .unwrap();
    assert_eq!(
        banners.items[0].banner_flashobj_url.as_deref(),
        Some("https://cdn.admitad.com/b/7.swf")
    );

    // Vendor bonuses: the documented answer, `conditions` typed.
    let documented = r#"{
"id": 29,
"conditions": [
{
"action": {
"name": "vendor_action_eralala",
"hold_size_days": 30,
"tariffs": [
{
"name": "Тариф по умолчанию",
"rates": [
{
"size": "5.00",
"price_s": "0.00",
"country": null,
"date_s": "2020-08-20",
"is_percentage": true
},
{
"size": "7.00",
"price_s": "0.00",
"country": null,
"date_s": "2020-12-17",
"is_percentage": true
}
]
}
]
},
"advcampaign": {
"id": 15939,
"name": "beard-bookerae-alie1"
},
"price_from": null,
"price_up_to": null,
"category": "",
"brand": "",
"product": "1,23,3",
"supplier": "",
"additional_filter_name": "",
"additional_filter_value": ""
}
],
"name": "qweqwe",
"status": "active",
"start_datetime": null,
"stop_datetime": null,
"allow_all_webmasters": true,
"allowed_to_you": true,
"vendor_campaign": {
"id": 15932,
"name": "HIDDEN VENDOR eraoelgoselRs"
}
}"#;
    let bonuses = ListVendorBonuses::default()
        .parse(&ok(&format!("[{documented}]")))
        .unwrap();
    let b = &bonuses.items[0];
    assert_eq!(
        (b.id, b.name.as_str(), b.allowed_to_you),
        (29, "qweqwe", Some(true))
    );
    let condition = &b.conditions[0];
    let action = condition.action.as_ref().unwrap();
    assert_eq!(
        (action.name.as_str(), action.hold_size_days),
        ("vendor_action_eralala", Some(30))
    );
    let rates = &action.tariffs[0].rates;
    assert_eq!(action.tariffs[0].name, "Тариф по умолчанию");
    assert_eq!(
        rates
            .iter()
            .map(|r| (
                r.size.as_ref().map(Decimal::as_str),
                r.date_s.as_deref(),
                r.is_percentage
            ))
            .collect::<Vec<_>>(),
        [
            (Some("5.00"), Some("2020-08-20"), Some(true)),
            (Some("7.00"), Some("2020-12-17"), Some(true))
        ]
    );
    assert_eq!(rates[0].price_s.as_ref().map(Decimal::as_str), Some("0.00"));
    assert_eq!(
        (
            condition.advcampaign.as_ref().map(|c| c.id),
            condition.price_from.clone(),
            condition.product.as_deref(),
            condition.brand.as_deref(),
            condition.additional_filter_value.as_deref()
        ),
        (Some(15939), None, Some("1,23,3"), Some(""), Some(""))
    );
}

#[test]
fn documented_postback_and_lost_order_requests_are_sent() {
    // The program-status example sends `action_type`.
    let documented = "website=33&campaign=6&desc_mode=0&method=1&action_type=1&url=http%3A//test.com/%3Foffer_id%3D%5B%5B%5Boffer_id%5D%5D%5D%26offer_status%3D%5B%5B%5Boffer_status%5D%5D%5D";
    let offer = SaveOptCode {
        kind: OptCodeKind::Offer,
        website: Some(33),
        campaign: Some(6),
        desc_mode: Some(DescMode::Advanced),
        method: Some(PostbackMethod::Post),
        action_type: Some(ActionTypeFilter::Sale),
        url: Some(
            "http://test.com/?offer_id=[[[offer_id]]]&offer_status=[[[offer_status]]]".into(),
        ),
        ..Default::default()
    };
    let r = build(&offer).unwrap();
    assert_eq!(r.url, format!("{API}/opt_codes/offer/create/"));
    let sent = String::from_utf8(r.body).unwrap();
    assert_eq!(
        sent,
        "website=33&campaign=6&desc_mode=0&url=http%3A%2F%2Ftest.com%2F%3Foffer_id%3D%5B%5B%5Boffer_id%5D%5D%5D%26offer_status%3D%5B%5B%5Boffer_status%5D%5D%5D&method=1&action_type=1"
    );
    assert_eq!(pairs(&sent), pairs(documented));
    // The action example.
    let documented = "website=33&campaign=6&status=6&status=7&reward_ready=1&desc_mode=0&method=1&action_type=1&url=http%3A//test.com/%3Foffer_id%3D%5B%5B%5Boffer_id%5D%5D%5D%26time%3D%5B%5B%5Btime%5D%5D%5D";
    let action = SaveOptCode {
        kind: OptCodeKind::Action,
        statuses: vec![ActionStatus::Approved, ActionStatus::Declined],
        reward_ready: Some(true),
        url: Some("http://test.com/?offer_id=[[[offer_id]]]&time=[[[time]]]".into()),
        ..offer.clone()
    };
    assert_eq!(pairs(&body(&action)), pairs(documented));
    // Program-status postbacks still take no action statuses or reward flag.
    refused(
        &SaveOptCode {
            statuses: vec![ActionStatus::Approved],
            ..offer.clone()
        },
        "statuses",
    );
    refused(
        &SaveOptCode {
            reward_ready: Some(true),
            ..offer.clone()
        },
        "reward_ready",
    );

    // The lost-order example: no `comment`.
    //   -F 'website=1' -F 'advcampaign=1' -F 'order_id=YH123D' -F 'order_date=11.11.2016'
    //   -F 'order_price=1200' -F 'appeal_id=788aq' -F 'estimated_reward=7' -F 'receipt=@/example/DM89YVjMZY.jpg'
    let jpeg = Attachment {
        file_name: "DM89YVjMZY.jpg".into(),
        content_type: "image/jpeg".into(),
        bytes: b"\xFF\xD8\xFF\xE0 jpeg".to_vec(),
    };
    let order = CreateLostOrder {
        program: 1,
        website: 1,
        order_id: "YH123D".into(),
        order_date: "11.11.2016".into(),
        order_price: "1200".into(),
        appeal_id: Some("788aq".into()),
        estimated_reward: "7".into(),
        receipt: jpeg.clone(),
        ..Default::default()
    };
    let (fields, files) = multipart_parts(&build(&order).unwrap());
    let mut documented: Vec<(String, String)> = [
        ("website", "1"),
        ("advcampaign", "1"),
        ("order_id", "YH123D"),
        ("order_date", "11.11.2016"),
        ("order_price", "1200"),
        ("appeal_id", "788aq"),
        ("estimated_reward", "7"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    documented.sort();
    assert_eq!(fields, documented);
    assert_eq!(files, ["receipt=DM89YVjMZY.jpg"]);
    // The official Python client sends no `estimated_reward`: neither does an empty one.
    let (fields, _) = multipart_parts(
        &build(&CreateLostOrder {
            estimated_reward: String::new(),
            ..order.clone()
        })
        .unwrap(),
    );
    assert!(
        fields
            .iter()
            .all(|(k, _)| k != "estimated_reward" && k != "comment")
    );
    // A comment is still sent when given, and still checked.
    let (fields, _) = multipart_parts(
        &build(&CreateLostOrder {
            comment: "Paid by card".into(),
            ..order.clone()
        })
        .unwrap(),
    );
    assert!(fields.contains(&("comment".into(), "Paid by card".into())));
    refused(
        &CreateLostOrder {
            comment: "x".repeat(513),
            ..order.clone()
        },
        "comment",
    );
    refused(
        &CreateLostOrder {
            estimated_reward: "7,5".into(),
            ..order.clone()
        },
        "estimated_reward",
    );
    // Its documented answer.
    let created = order
        .parse(&ok(r#"{
"status": "processing",
"website": {
"id": 1,
"name": "TestWebsite"
},
"currency": "USD",
"order_id": "YH123D",
"advcampaign": {
"id": 1,
"name": "TestAdvCampaign"
},
"order_price": 1200,
"order_date": "2016-11-11T00:00:00",
"date_created": "2016-06-02T19:31:36",
"id": 6,
"comment": "",
"appeal_id": "788aq",
"appeal_status": "processing",
"estimated_reward": 7
}"#))
        .unwrap();
    assert_eq!(
        (
            created.id,
            created.order_price.as_ref().map(Decimal::as_str),
            created.estimated_reward.as_ref().map(Decimal::as_str),
            created.comment.as_deref()
        ),
        (6, Some("1200"), Some("7"), Some(""))
    );
}

/// The requests the registry found without a wire test: each one's exact method, URL and body.
#[test]
fn reference_community_retag_and_link_requests_byte_for_byte() {
    let get = |e: &dyn Fn() -> Result<HttpRequest, adkit::Error>| {
        let r = e().unwrap();
        assert_eq!(r.method, adkit::Method::Get, "{}", r.url);
        assert!(r.body.is_empty(), "{}", r.url);
        r.url
    };
    assert_eq!(
        get(&|| build(&GetAdService { id: 4 })),
        format!("{API}/adservices/4/")
    );
    refused(&GetAdService { id: 0 }, "id");
    assert_eq!(
        get(&|| build(&GetProgram {
            id: 7,
            language: Some("en".into())
        })),
        format!("{API}/advcampaigns/7/?language=en")
    );
    refused(
        &GetProgram {
            id: 0,
            language: None,
        },
        "id",
    );
    assert_eq!(
        get(&|| build(&GetAnnouncement {
            id: 3,
            language: Some("de".into())
        })),
        format!("{API}/announcements/3/?language=de")
    );
    assert_eq!(
        get(&|| build(&GetRetag { id: 9 })),
        format!("{API}/retag/9/")
    );
    assert_eq!(
        get(&|| build(&GetBrokenLink { id: 5 })),
        format!("{API}/broken_links/5/")
    );
    assert_eq!(
        get(&|| build(&ListLanguages {
            limit: Some(2),
            offset: Some(4)
        })),
        format!("{API}/languages/?limit=2&offset=4")
    );
    refused(
        &ListLanguages {
            limit: Some(501),
            offset: None,
        },
        "limit",
    );
    assert_eq!(
        get(&|| build(&ListCouponCategories::default())),
        format!("{API}/coupons/categories/")
    );
    assert_eq!(
        get(&|| build(&ListAnnouncements {
            language: Some("de".into()),
            limit: Some(20),
            offset: None
        })),
        format!("{API}/announcements/?language=de&limit=20")
    );
    assert_eq!(
        get(&|| build(&ListNews {
            language: Some("en".into()),
            limit: None,
            offset: Some(40)
        })),
        format!("{API}/news/?language=en&offset=40")
    );
    assert_eq!(
        get(&|| build(&ListBrokerApplications {
            website: 22,
            status: Some("approved".into()),
            program: Some(6),
            date_start: Some("01.03.2024".into()),
            date_end: Some("31.03.2024".into()),
            limit: Some(50),
            offset: None,
        })),
        format!(
            "{API}/website/22/broker/applications/?status=approved&campaign=6&date_start=01.03.2024&date_end=31.03.2024&limit=50"
        )
    );
    refused(
        &ListBrokerApplications {
            website: 22,
            status: Some("done".into()),
            ..Default::default()
        },
        "status",
    );
    assert_eq!(
        get(&|| build(&GetDeeplinks {
            website_id: 22,
            campaign_id: 6,
            ulp: vec![
                "https://shop.example/a?b=1".into(),
                "https://shop.example/c d".into()
            ],
            subid: Some("s 1".into()),
            subid1: None,
            subid2: None,
            subid3: None,
            subid4: None,
        })),
        format!(
            "{API}/deeplink/22/advcampaign/6/?ulp=https%3A%2F%2Fshop.example%2Fa%3Fb%3D1&ulp=https%3A%2F%2Fshop.example%2Fc+d&subid=s+1"
        )
    );

    let resolve = build(&ResolveBrokenLinks {
        link_ids: vec![10, 20],
    })
    .unwrap();
    assert_eq!(resolve.method, adkit::Method::Post);
    assert_eq!(resolve.url, format!("{API}/broken_links/resolve/"));
    assert_eq!(
        resolve.header("content-type"),
        Some("application/x-www-form-urlencoded")
    );
    assert_eq!(
        String::from_utf8(resolve.body).unwrap(),
        "link_id=10&link_id=20"
    );
    refused(&ResolveBrokenLinks { link_ids: vec![] }, "link_ids");

    let delete = build(&DeleteRetag { id: 9 }).unwrap();
    assert_eq!(delete.method, adkit::Method::Post);
    assert_eq!(delete.url, format!("{API}/retag/delete/9/"));
    assert!(delete.body.is_empty());
    refused(&DeleteRetag { id: 0 }, "id");
}
