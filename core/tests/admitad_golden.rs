//! Admitad publisher endpoints: exact wire bytes, bad input refused before sending, loose responses.

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
        url(&ProgramStatuses {
            program: 6,
            websites: vec![1, 2, 3]
        }),
        format!("{API}/subnetworks/v1/advcampaign/6/statuses/?websites_id=1%2C2%2C3")
    );
    refused(
        &ProgramStatuses {
            program: 6,
            websites: (1..=31).collect(),
        },
        "websites_id",
    );
    refused(
        &ProgramStatuses {
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
        url(&PromoCodeRevocations {
            offer: 5,
            website: 22
        }),
        format!("{API}/promo_offers/revocation_status/5/?website_id=22")
    );
    refused(
        &PromoCodeRevocations {
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
        url(&TrackingCouponStatus { request_id: 77 }),
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
        url(&GetNews {
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
        "action_type",
    );
    assert_eq!(
        url(&DeleteOptCode { id: 9 }),
        format!("{API}/opt_codes/delete/9/")
    );
    assert_eq!(
        url(&ListOptCodes {
            order_by: Some("-method".into()),
            website: Some(22),
            ..Default::default()
        }),
        format!("{API}/opt_codes/?website=22&order_by=-method")
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
        url(&LostOrderPayments {
            program: 6,
            order_ids: vec!["A".into(), "B".into()]
        }),
        format!("{API}/lost_orders/payments_info/?advcampaign=6&order_id=A&order_id=B")
    );
    refused(
        &LostOrderPayments {
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

    let rates = build(&AliexpressCommissionRates {
        urls: vec!["https://aliexpress.com/item/1.html".into()],
    })
    .unwrap();
    assert_eq!(rates.header("content-type"), Some("application/json"));
    assert_eq!(
        String::from_utf8(rates.body).unwrap(),
        r#"{"urls":["https://aliexpress.com/item/1.html"]}"#
    );
    refused(&AliexpressCommissionRates { urls: vec![] }, "urls");

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
        url(&BrokerCampaignSettings { program: 6 }),
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

    let info = LostOrderPayments { program: 6, order_ids: vec!["A".into()] }
        .parse(&ok(r#"{"order_info":[{"order_id":123,"status":"owner","payment_id":"77","payment_status":"paid"}]}"#))
        .unwrap();
    assert_eq!(info.order_info[0].order_id.as_deref(), Some("123"));
    assert_eq!(info.order_info[0].payment_id, Some(77));

    let rates = AliexpressCommissionRates { urls: vec!["https://a.example/".into()] }
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
    assert!(empty.value().is_null());

    let status_missing = TrackingCouponStatus { request_id: 5 }
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
    let actions = StatisticsRequest {
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
        &StatisticsRequest {
            action_type: Some("click".into()),
            ..actions.clone()
        },
        "action_type",
    );
    refused(
        &StatisticsRequest {
            status_updated_start: Some("01.03.2024".into()),
            ..actions.clone()
        },
        "status_updated_start",
    );
    refused(
        &StatisticsRequest {
            closing_date_end: Some("01.02.2024".into()),
            ..actions.clone()
        },
        "closing_date_end",
    );
    refused(
        &StatisticsRequest {
            subid3: Some("x".repeat(251)),
            ..actions.clone()
        },
        "subid3",
    );
    let keywords = StatisticsRequest {
        report: StatisticsReport::Keywords,
        source: Some("g".into()),
        ..Default::default()
    };
    assert_eq!(
        url(&keywords),
        format!("{API}/statistics/keywords/?source=g")
    );
    refused(
        &StatisticsRequest {
            source: Some("b".into()),
            ..keywords
        },
        "source",
    );
    let grouped = StatisticsRequest {
        report: StatisticsReport::SubIds,
        group_subids: Some("subid3".into()),
        ..Default::default()
    };
    assert_eq!(
        url(&grouped),
        format!("{API}/statistics/sub_ids/?group_subids=subid3")
    );
    refused(
        &StatisticsRequest {
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
            LostOrderPayments::default().parse(&x).is_ok(),
            AliexpressCommissionRates::default().parse(&x).is_ok(),
            ListCategories::default().parse(&x).is_ok(),
            MarkNotificationsRead::default().parse(&x).is_ok(),
            StatisticsRequest::default().parse(&x).is_ok(),
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
    let coded = TrackingCouponStatus { request_id: 1 }
        .parse(&Exchange::new(HttpResponse::new(
            400,
            r#"{"error_code": "CHECK_PRE_APPROVED_COUPON_ERROR_CODE_NO_COUPON"}"#,
        )))
        .unwrap_err();
    assert!(coded.details().unwrap().field_errors.is_empty());
}
