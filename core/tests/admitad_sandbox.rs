//! Admitad's OAuth flows and the managed token lifecycle against the sandbox: the authorization-code
//! flow end to end, client credentials minted once, rotation, refresh after a 401 `invalid_token`, a
//! client started from stored tokens, and a refresh storm that makes exactly one token request.

use std::sync::{Arc, Mutex};

use adkit::ErrorKind;
use adkit::admitad::*;
use adkit::native::{ReqwestTransport, TokioTimer};
use adkit_sandbox::Sandbox;
use serde_json::{Value, json};

type Client = AdmitadClient<ReqwestTransport, TokioTimer>;

fn config(sb: &Sandbox, client_id: &str, scopes: Vec<Scope>) -> AdmitadConfig {
    AdmitadConfig::new(client_id, format!("secret_{client_id}"), scopes)
        .with_base_url(sb.admitad_url())
}

async fn control(sb: &Sandbox, path: &str, body: Value) -> Value {
    let r = reqwest::Client::new()
        .post(format!("{}{path}", sb.base_url))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap()
}

async fn stats(sb: &Sandbox, client_id: &str) -> u64 {
    let r = reqwest::get(format!(
        "{}/__sandbox/admitad/stats?client_id={client_id}",
        sb.base_url
    ))
    .await
    .unwrap();
    let v: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    v["token_requests"].as_u64().unwrap()
}

#[tokio::test]
async fn authorization_code_flow_end_to_end() {
    let sb = Sandbox::start().await.unwrap();
    let seen: Arc<Mutex<Vec<TokenSet>>> = Arc::default();
    let s2 = seen.clone();
    let mut cfg = config(
        &sb,
        "adm_code",
        vec![Scope::PrivateData, Scope::PrivateDataEmail],
    );
    cfg.on_tokens = Some(Arc::new(move |t: &TokenSet| {
        s2.lock().unwrap().push(t.clone())
    }));
    let client: Client = AdmitadClient::native(cfg).unwrap();
    let redirect_uri = "http://127.0.0.1:9/callback";
    let auth = client.authorization_url(redirect_uri).unwrap();
    // The "browser": follow the authorize URL, stop at the redirect back to us.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let resp = http.get(&auth.url).send().await.unwrap();
    assert_eq!(resp.status(), 302);
    let location = resp.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(redirect_uri));
    // A forged callback (another state) is refused before anything is sent.
    let forged = location.replace(&auth.state, "0123456789abcdef0123456789abcdef");
    assert_eq!(
        parse_callback(&forged, &auth.state).unwrap_err().kind(),
        ErrorKind::Verification
    );
    let code = parse_callback(&location, &auth.state).unwrap();
    let tokens = client.exchange_code(&code, redirect_uri).await.unwrap();
    assert_eq!(tokens.scope, "private_data private_data_email");
    assert_eq!(seen.lock().unwrap().len(), 1, "the listener saw the pair");
    let me = client.me().await.unwrap();
    assert_eq!(me.email.as_deref(), Some("webmaster1@example.com"));
    // The code is single use.
    let again = client.exchange_code(&code, redirect_uri).await.unwrap_err();
    assert_eq!(again.code(), Some("invalid_grant"));
    // An unknown client comes back as a typed error in the callback.
    let bad = AdmitadClient::native(config(&sb, "nope", vec![Scope::PrivateData])).unwrap();
    let auth = bad.authorization_url(redirect_uri).unwrap();
    let location = http.get(&auth.url).send().await.unwrap().headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    let e = parse_callback(&location, &auth.state).unwrap_err();
    assert_eq!(
        (e.kind(), e.code()),
        (ErrorKind::Auth, Some("invalid_client"))
    );
}

#[tokio::test]
async fn client_credentials_refresh_rotation_and_invalid_token() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_cc";
    let client: Client = AdmitadClient::native(config(&sb, id, vec![Scope::PrivateData])).unwrap();
    client.me().await.unwrap();
    client.me().await.unwrap();
    assert_eq!(client.token_requests(), 1, "minted once, then reused");
    let first = client.tokens().unwrap();
    // The server says the token is dead: one refresh, one repeat, success.
    control(&sb, "/__sandbox/admitad/expire", json!({"client_id": id})).await;
    client.me().await.unwrap();
    assert_eq!(client.token_requests(), 2);
    let second = client.tokens().unwrap();
    assert_ne!(second.access_token, first.access_token);
    assert_ne!(
        second.refresh_token, first.refresh_token,
        "the refresh token rotates"
    );
    // The old refresh token died with its use.
    let reuse = TokenRequest {
        client_id: id.into(),
        client_secret: format!("secret_{id}").as_str().into(),
        grant: TokenGrant::Refresh {
            refresh_token: first.refresh_token.unwrap().as_str().into(),
        },
    };
    let built = reuse
        .build(&adkit::driver::parse_base_url(&sb.admitad_url()).unwrap())
        .unwrap();
    let ex = client
        .driver()
        .execute(built, reuse.policy())
        .await
        .unwrap();
    let e = reuse.parse(&ex, 0).unwrap_err();
    assert_eq!((e.kind(), e.code()), (ErrorKind::Auth, Some("5")));
    // A client started from the stored pair makes no token request.
    let mut cfg = config(&sb, id, vec![Scope::PrivateData]);
    cfg.tokens = Some(second);
    let restored: Client = AdmitadClient::native(cfg).unwrap();
    restored.me().await.unwrap();
    assert_eq!(restored.token_requests(), 0);
    assert_eq!(
        stats(&sb, id).await,
        3,
        "two by the client, one replayed refresh token"
    );
    // Missing scope is 403, not a refresh loop.
    let narrow: Client =
        AdmitadClient::native(config(&sb, "adm_narrow", vec![Scope::Statistics])).unwrap();
    let e = narrow.me().await.unwrap_err();
    assert_eq!((e.kind(), e.status()), (ErrorKind::Auth, Some(403)));
    assert_eq!(narrow.token_requests(), 1);
}

#[tokio::test]
async fn refresh_storm_makes_exactly_one_token_request() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_storm";
    // Tokens that expire within the refresh skew: the stored pair is stale from the start.
    let client: Arc<Client> =
        Arc::new(AdmitadClient::native(config(&sb, id, vec![Scope::PrivateData])).unwrap());
    client.me().await.unwrap();
    let mut stale = client.tokens().unwrap();
    stale.expires_at_ms = 0;
    let mut cfg = config(&sb, id, vec![Scope::PrivateData]);
    cfg.tokens = Some(stale);
    let listened = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let l2 = listened.clone();
    cfg.on_tokens = Some(Arc::new(move |_| {
        l2.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }));
    let storm: Arc<Client> = Arc::new(AdmitadClient::native(cfg).unwrap());
    // Slow token endpoint so every caller arrives while the refresh is in flight.
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": id, "token_delay_ms": 200}),
    )
    .await;
    let before = stats(&sb, id).await;
    let calls = (0..1000).map(|_| {
        let c = storm.clone();
        tokio::spawn(async move { c.me().await })
    });
    let results = futures_util::future::join_all(calls).await;
    assert!(results.into_iter().all(|r| r.unwrap().is_ok()));
    assert_eq!(storm.token_requests(), 1, "one refresh for 1000 calls");
    assert_eq!(
        stats(&sb, id).await - before,
        1,
        "the sandbox saw one token request"
    );
    assert_eq!(listened.load(std::sync::atomic::Ordering::SeqCst), 1);
    println!("refresh storm: 1000 concurrent calls on an expired token -> 1 token request");
}

#[tokio::test]
async fn bad_input_is_refused_before_sending() {
    let sb = Sandbox::start().await.unwrap();
    for scopes in [
        vec![Scope::Other("payments".into())],
        vec![Scope::Other("Bad Scope".into())],
    ] {
        assert!(AdmitadClient::native(config(&sb, "adm_x", scopes)).is_err());
    }
    let client: Client = AdmitadClient::native(config(&sb, "adm_x", vec![Scope::Banners])).unwrap();
    for uri in ["http://example.com/cb", "not a url", "https://"] {
        let e = client.authorization_url(uri).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{uri}");
    }
    let public = AdmitadConfig {
        client_id: "adm_x".into(),
        ..Default::default()
    }
    .with_base_url(sb.admitad_url());
    let e = AdmitadClient::native(public)
        .unwrap()
        .me()
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(stats(&sb, "adm_x").await, 0, "nothing was sent");
}

#[tokio::test]
async fn pagination_follows_meta_and_collect_needs_a_cap() {
    use futures_util::StreamExt;
    let sb = Sandbox::start().await.unwrap();
    let client: Client = AdmitadClient::native(config(
        &sb,
        "adm_pages",
        vec![Scope::Statistics, Scope::DeeplinkGenerator],
    ))
    .unwrap();
    let request = ListStatistics {
        report: StatisticsReport::Websites,
        date_start: Some("01.01.2024".into()),
        date_end: Some("31.12.2024".into()),
        limit: Some(500),
        offset: Some(98_000),
        ..Default::default()
    };
    let pages: Vec<Page<StatisticsRow>> = client
        .pages(request.clone())
        .map(|p| p.unwrap())
        .collect()
        .await;
    assert_eq!(pages.len(), 4);
    assert_eq!(pages.iter().map(|p| p.items.len()).sum::<usize>(), 2_000);
    assert_eq!(pages[0].items[0].payment_sum_open.as_str(), "0.00");
    // The dates report lowers the page size to 300: the stream follows `_meta`, nothing is skipped.
    let dates = ListStatistics {
        report: StatisticsReport::Dates,
        offset: Some(99_000),
        ..request.clone()
    };
    let offsets: Vec<u64> = client
        .pages(dates.clone())
        .map(|p| p.unwrap().offset)
        .collect()
        .await;
    assert_eq!(offsets, vec![99_000, 99_300, 99_600, 99_900]);
    let items = client.items(dates.clone()).count().await;
    assert_eq!(items, 1_000);
    let all = client.collect_all(dates.clone(), 1_000).await.unwrap();
    assert_eq!(all.len(), 1_000);
    let over = client.collect_all(dates, 999).await.unwrap_err();
    assert_eq!(over.kind(), ErrorKind::InvalidInput);
    // Deeplinks: one per ulp.
    let links = client
        .deeplinks(&GetDeeplinks {
            website_id: 22,
            campaign_id: 6,
            ulp: vec![
                "https://shop.example/a".into(),
                "https://shop.example/b".into(),
            ],
            subid: Some("newsletter".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(links.len(), 2);
    assert!(links[0].link.contains("subid=newsletter"));
    // A bad request never reaches the server.
    let before = client.token_requests();
    let e = client
        .statistics(&ListStatistics {
            limit: Some(501),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert_eq!(client.token_requests(), before);
}

#[tokio::test]
async fn rate_limit_503_waits_for_the_next_window_and_the_limiter_stays_under_it() {
    let sb = Sandbox::start().await.unwrap();
    let id = "adm_rate";
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": id, "rate_limit": 3, "window_ms": 400}),
    )
    .await;
    let mut cfg = config(&sb, id, vec![Scope::PrivateData]);
    cfg.options.rate_limit_window = std::time::Duration::from_millis(400);
    cfg.options.max_retries = 3;
    let client: Client = AdmitadClient::native(cfg).unwrap();
    // Without a client-side limit: the 4th call in a window gets 503, waits for the next one, succeeds.
    for _ in 0..6 {
        client.me().await.unwrap();
    }
    // Out of retries inside the window: a typed rate-limit error.
    let mut cfg = config(&sb, "adm_rate_strict", vec![Scope::PrivateData]);
    cfg.options.rate_limit_window = std::time::Duration::from_secs(3600);
    cfg.options.max_retry_after = std::time::Duration::from_millis(1);
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": "adm_rate_strict", "rate_limit": 1, "window_ms": 3_600_000}),
    )
    .await;
    let strict: Client = AdmitadClient::native(cfg).unwrap();
    strict.me().await.unwrap();
    let e = strict.me().await.unwrap_err();
    assert_eq!(
        (e.kind(), e.status(), e.code()),
        (ErrorKind::RateLimited, Some(503), Some("4"))
    );
    // With the client-side limiter at the quota, no request ever meets a 503.
    let lid = "adm_rate_limited";
    control(
        &sb,
        "/__sandbox/admitad/config",
        json!({"client_id": lid, "rate_limit": 3, "window_ms": 400}),
    )
    .await;
    let mut cfg = config(&sb, lid, vec![Scope::PrivateData]);
    cfg.options.rate_limit_window = std::time::Duration::from_millis(400);
    cfg.options.max_retries = 0;
    cfg.max_requests_per_window = Some(3);
    let limited: Client = AdmitadClient::native(cfg).unwrap();
    limited.me().await.unwrap(); // token request + call
    for _ in 0..6 {
        limited.me().await.unwrap();
    }
}

/// A withdrawn method (POST /websites/v2/create/), called through the client: 410 is a typed error.
struct CreateWebsiteWithdrawn;

impl adkit::Endpoint for CreateWebsiteWithdrawn {
    type Api = adkit::admitad::AdmitadApi;
    type Output = adkit::JsonReply;
    fn build(&self, ctx: &AdmitadContext<'_>) -> Result<adkit::HttpRequest, adkit::Error> {
        let mut req = adkit::HttpRequest::new(
            adkit::Method::Post,
            format!("{}websites/v2/create/", ctx.base_url),
        );
        req.set_header("Authorization", format!("Bearer {}", ctx.access_token));
        Ok(req)
    }
    fn parse(&self, exchange: &adkit::driver::Exchange) -> Result<adkit::JsonReply, adkit::Error> {
        Err(error_from_exchange(exchange))
    }
    fn policy(&self) -> adkit::driver::RequestPolicy {
        adkit::driver::RequestPolicy::for_method(adkit::Method::Post)
    }
}

#[tokio::test]
async fn publisher_lists_loose_types_and_withdrawn_methods() {
    use futures_util::StreamExt;
    let sb = Sandbox::start().await.unwrap();
    let scopes = vec![
        Scope::Websites,
        Scope::Advcampaigns,
        Scope::AdvcampaignsForWebsite,
        Scope::Coupons,
        Scope::CouponsForWebsite,
        Scope::ValidateLinks,
        Scope::ManageBrokenLinks,
        Scope::ManageWebsites,
    ];
    let client: Client = AdmitadClient::native(config(&sb, "adm_pub", scopes)).unwrap();
    let sites = client.websites(&ListWebsites::default()).await.unwrap();
    assert_eq!(
        sites.items.iter().map(|w| w.id).collect::<Vec<_>>(),
        vec![22, 23],
        "string and number ids"
    );
    assert_eq!(sites.count, 2, "a bare array is one page");
    let programs: Vec<Program> = client
        .items(ListPrograms {
            website: Some(22),
            has_tool: vec!["deeplink".into()],
            limit: Some(50),
            ..Default::default()
        })
        .map(|p| p.unwrap())
        .collect()
        .await;
    assert_eq!(programs.len(), 120);
    assert_eq!(
        programs[0].gotolink.as_deref(),
        Some("https://ad.admitad.com/g/122/")
    );
    assert_eq!(programs[5].epc.as_str(), "0.06");
    let one = client
        .program(&adkit::admitad::GetProgram {
            id: 7,
            language: Some("en".to_owned()),
        })
        .await
        .unwrap();
    assert_eq!((one.id, one.rating.as_str()), (7, "7.5"));
    let missing = client
        .program(&adkit::admitad::GetProgram {
            id: 999,
            language: None,
        })
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    let coupons = client
        .collect_all(
            ListCoupons {
                website: Some(22),
                campaign: vec![2, 3],
                limit: Some(500),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap();
    assert_eq!(coupons.len(), 20);
    assert!(
        coupons
            .iter()
            .all(|c| c.promocode.is_some() && c.rating.as_str() == "4.20")
    );
    let ok = client
        .validate_link(&adkit::admitad::ValidateLink {
            link: "https://ad.admitad.com/g/abc/".to_owned(),
        })
        .await
        .unwrap();
    assert!(ok.valid);
    let bad = client
        .validate_link(&adkit::admitad::ValidateLink {
            link: "https://elsewhere.example/".to_owned(),
        })
        .await
        .unwrap();
    assert_eq!((bad.valid, bad.message.as_str()), (false, "Wrong domain"));
    let resolved = client
        .resolve_broken_links(&adkit::admitad::ResolveBrokenLinks {
            link_ids: vec![10, 20],
        })
        .await
        .unwrap();
    assert_eq!(resolved.resolved, vec![10, 20]);
    let gone = client.send(&CreateWebsiteWithdrawn).await.unwrap_err();
    assert_eq!((gone.kind(), gone.status()), (ErrorKind::Api, Some(410)));
    assert_eq!(
        gone.details().unwrap().message,
        "This method is no longer supported"
    );
}

fn all_publisher_scopes() -> Vec<Scope> {
    [
        "public_data",
        "websites",
        "advcampaigns",
        "advcampaigns_for_website",
        "manage_advcampaigns",
        "banners",
        "banners_for_website",
        "landings",
        "coupons",
        "coupons_for_website",
        "private_data_balance",
        "short_link",
        "referrals",
        "announcements",
        "web_notificator",
        "vendor_tool",
        "opt_codes",
        "manage_opt_codes",
        "webmaster_retag",
        "manage_webmaster_retag",
        "broken_links",
        "lost_orders",
        "manage_lost_orders",
        "aliexpress_commission",
        "broker_application",
        "manage_broker_application",
        "request_tracking_coupon",
    ]
    .iter()
    .map(|s| Scope::parse(s))
    .collect()
}

#[tokio::test]
async fn account_reference_programs_and_creatives() {
    use futures_util::StreamExt;
    let sb = Sandbox::start().await.unwrap();
    let client: Client =
        AdmitadClient::native(config(&sb, "adm_ref", all_publisher_scopes())).unwrap();
    let balance = client.send(&GetBalance { extended: true }).await.unwrap();
    assert_eq!(balance.len(), 2);
    assert_eq!(
        (balance[0].currency.as_str(), balance[0].balance.as_str()),
        ("USD", "20000.00")
    );
    assert_eq!(
        balance[1].stalled.as_ref().map(Decimal::as_str),
        Some("12.10")
    );
    let methods = client
        .send(&GetPaymentSettings {
            currency: Some("RUB".into()),
        })
        .await
        .unwrap();
    assert_eq!(
        (methods.len(), methods[0].id, methods[0].currency.clone()),
        (1, 12, vec!["RUB".to_owned()])
    );

    let regions: Vec<String> = client
        .items(ListCodes {
            list: CodeList::WebsiteRegions,
            limit: Some(25),
            ..Default::default()
        })
        .map(|r| r.unwrap())
        .collect()
        .await;
    assert_eq!(regions.len(), 80, "every page followed");
    assert_eq!(&regions[..3], ["00", "01", "AE"]);
    let en = client
        .send(&GetLanguage { code: "en".into() })
        .await
        .unwrap();
    assert_eq!((en.language.as_str(), en.flag.is_some()), ("English", true));
    assert_eq!(
        client
            .send(&GetLanguage { code: "xx".into() })
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    let currencies = client.send(&ListCurrencies::default()).await.unwrap();
    assert_eq!(
        currencies.items[2].min_sum.as_ref().map(Decimal::as_str),
        Some("500"),
        "a number read as a decimal"
    );
    let rate = client
        .send(&GetCurrencyRate {
            base: "USD".into(),
            target: "EUR".into(),
            date: "01.03.2024".into(),
        })
        .await
        .unwrap();
    assert_eq!(rate.rate.as_ref().map(Decimal::as_str), Some("0.9215"));
    let categories = client
        .collect_all(
            ListCategories {
                language: Some("de".into()),
                limit: Some(500),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap();
    assert_eq!(categories.len(), 40);
    assert_eq!(categories[20].parent.as_ref().map(|p| p.id), Some(6));
    assert_eq!(categories[0].language.as_deref(), Some("de"));
    assert_eq!(
        client
            .send(&GetCategory {
                id: 9,
                language: None
            })
            .await
            .unwrap()
            .name,
        "Category 9"
    );
    let services = client
        .send(&ListAdServices {
            kind: Some("contextual".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        services.items.iter().map(|s| s.id).collect::<Vec<_>>(),
        vec![1, 4, 7]
    );
    assert_eq!(
        client.send(&GetAdService { id: 4 }).await.unwrap().name,
        "Service 4"
    );
    assert_eq!(
        client
            .send(&ListTrafficTypes::default())
            .await
            .unwrap()
            .count,
        12
    );
    assert_eq!(
        client
            .send(&GetCouponCategory { id: 3 })
            .await
            .unwrap()
            .name,
        "Travel"
    );

    assert_eq!(client.send(&GetWebsite { id: 22 }).await.unwrap().id, 22);
    let leave = client
        .send(&ChangeMembership {
            action: Membership::Detach,
            program: 6,
            website: 22,
        })
        .await
        .unwrap();
    assert_eq!(leave.success, "Deleted");
    let seen = client
        .send(&GetProgramForWebsite {
            program: 6,
            website: 22,
        })
        .await
        .unwrap();
    assert_eq!(
        seen.connection_status.as_deref(),
        Some("disabled"),
        "state seen through the sandbox"
    );
    client
        .send(&ChangeMembership {
            action: Membership::Attach,
            program: 6,
            website: 23,
        })
        .await
        .unwrap();
    let statuses = client
        .send(&GetProgramStatuses {
            program: 6,
            websites: vec![22, 23],
        })
        .await
        .unwrap();
    assert_eq!(
        statuses
            .iter()
            .map(|s| (s.website_id, s.advcampaign_id, s.connection_status.as_str()))
            .collect::<Vec<_>>(),
        vec![(22, 6, "disabled"), (23, 6, "active")]
    );

    let banners = client
        .collect_all(
            ListBanners {
                program: 6,
                website: Some(22),
                mobile_content: Some(true),
                limit: Some(10),
                ..Default::default()
            },
            100,
        )
        .await
        .unwrap();
    assert_eq!(banners.len(), 22);
    assert!(
        banners
            .iter()
            .all(|b| b.mobile_content == Some(true) && b.html_code.is_some())
    );
    assert_eq!(
        (banners[0].size_height, banners[0].kind.as_str()),
        (400, "gif")
    );
    let landings = client
        .send(&ListLandings {
            program: 6,
            website: Some(22),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (landings.items[0].id, landings.items[0].gotolink.is_some()),
        (61, true)
    );
    let coupon = client
        .send(&GetCoupon {
            id: 9,
            website: Some(22),
        })
        .await
        .unwrap();
    assert_eq!(coupon.promocode.as_deref(), Some("SAVE9"));
    assert_eq!(
        client
            .send(&ListPromoOffers {
                program: 6,
                ..Default::default()
            })
            .await
            .unwrap()
            .count,
        7
    );
    let revoked = client
        .send(&GetPromoCodeRevocations {
            offer: 5,
            website: 22,
        })
        .await
        .unwrap();
    assert_eq!(
        revoked
            .iter()
            .map(|r| r.status.as_str())
            .collect::<Vec<_>>(),
        ["active", "active", "revoked"]
    );
    let asked = client
        .send(&RequestTrackingCoupon {
            coupon: 4,
            program: 6,
            website: 22,
        })
        .await
        .unwrap();
    let state = client
        .send(&GetTrackingCouponStatus {
            request_id: asked.coupon_request_id.unwrap(),
        })
        .await
        .unwrap();
    assert_eq!(
        (state.status.as_str(), state.assigned_promo_code.as_deref()),
        ("approved", Some("TRACK4"))
    );
    let not_connected = client
        .send(&RequestTrackingCoupon {
            coupon: 4,
            program: 6,
            website: 23,
        })
        .await
        .unwrap_err();
    assert_eq!(
        (not_connected.kind(), not_connected.code()),
        (ErrorKind::Api, Some("webmaster_not_connected"))
    );
    let unknown = client
        .send(&GetTrackingCouponStatus { request_id: 999 })
        .await
        .unwrap_err();
    assert_eq!(
        (unknown.kind(), unknown.code()),
        (ErrorKind::NotFound, Some("PROMO_REQUEST_NOT_FOUND"))
    );
    let short = client
        .send(&ShortenLink {
            link: "https://ad.admitad.com/g/abc/".into(),
        })
        .await
        .unwrap();
    assert!(short.short_link.starts_with("https://fas.st/"));
}

#[tokio::test]
async fn community_postbacks_retag_claims_and_partners() {
    let sb = Sandbox::start().await.unwrap();
    let client: Client =
        AdmitadClient::native(config(&sb, "adm_w", all_publisher_scopes())).unwrap();
    let referrals = client
        .send(&ListReferrals {
            date_start: Some("05.01.2024".into()),
            date_end: Some("10.01.2024".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        referrals.items.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![5, 6, 7, 8, 9, 10]
    );
    assert_eq!(referrals.items[3].payment, None, "a null payment");
    assert_eq!(
        referrals.items[0].payment.as_ref().map(Decimal::as_str),
        Some("15.05")
    );
    let a = client
        .send(&GetAnnouncement {
            id: 3,
            language: None,
        })
        .await
        .unwrap();
    assert_eq!(a.advcampaign.map(|c| c.name), Some("Shop 3".to_owned()));
    assert_eq!(
        client
            .send(&ListNews {
                language: Some("en".into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .count,
        33
    );
    assert_eq!(
        client
            .send(&GetNewsItem {
                id: 2,
                language: None
            })
            .await
            .unwrap()
            .language
            .as_deref(),
        Some("ru")
    );

    let unread = |c: &'static str| ListNotifications {
        category: Some(c.into()),
        status: Some("not_read".into()),
        ..Default::default()
    };
    assert_eq!(client.send(&unread("finance")).await.unwrap().count, 6);
    let marked = client
        .send(&MarkNotificationsRead { id: Some(4) })
        .await
        .unwrap();
    assert_eq!(marked.body.value()["status"], "read");
    assert_eq!(
        client.send(&unread("finance")).await.unwrap().count,
        5,
        "state seen through the sandbox"
    );
    let all = client
        .send(&MarkNotificationsRead { id: None })
        .await
        .unwrap();
    assert!(all.body.value().is_null(), "an empty answer");
    assert_eq!(client.send(&unread("system")).await.unwrap().count, 0);
    let bonuses = client
        .send(&ListVendorBonuses {
            programs: vec![2],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        bonuses.items.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![1, 5, 9]
    );

    let created = client
        .send(&SaveOptCode {
            kind: OptCodeKind::Action,
            website: Some(22),
            url: Some("https://me.example/pb?o=[[[order_id]]]".into()),
            method: Some(PostbackMethod::Post),
            desc_mode: Some(DescMode::Advanced),
            action_type: Some(ActionTypeFilter::All),
            statuses: vec![ActionStatus::Approved],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (created.website, created.method, created.status.clone()),
        (Some(22), Some(1), vec![6])
    );
    let updated = client
        .send(&SaveOptCode {
            kind: OptCodeKind::Action,
            id: Some(created.id),
            reward_ready: Some(true),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(updated.reward_ready, Some(true));
    assert_eq!(
        client
            .send(&GetOptCode { id: created.id })
            .await
            .unwrap()
            .reward_ready,
        Some(true)
    );
    assert_eq!(
        client.send(&ListOptCodes::default()).await.unwrap().count,
        1
    );
    client
        .send(&DeleteOptCode { id: created.id })
        .await
        .unwrap();
    assert_eq!(
        client
            .send(&GetOptCode { id: created.id })
            .await
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );

    let levels = client
        .send(&ListRetagLevels {
            website: Some(22),
            ..Default::default()
        })
        .await
        .unwrap();
    let tag = client
        .send(&SaveRetag {
            website: Some(22),
            level: Some(levels.items[1].id),
            script: Some("<script>t()</script>".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (tag.level.as_ref().map(|l| l.id), tag.status, tag.active),
        (Some(222), Some(2), Some(true))
    );
    client
        .send(&SaveRetag {
            id: Some(tag.id),
            active: Some(false),
            comment: Some("paused".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    let inactive = client
        .send(&ListRetags {
            active: Some(false),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (inactive.count, inactive.items[0].comment.as_deref()),
        (1, Some("paused"))
    );
    client.send(&DeleteRetag { id: tag.id }).await.unwrap();
    assert_eq!(client.send(&ListRetags::default()).await.unwrap().count, 0);

    let broken = client
        .send(&ListBrokenLinks {
            campaign: vec![2],
            reason: Some(0),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(
        broken
            .items
            .iter()
            .all(|l| l.campaign.as_ref().map(|c| c.id) == Some(2) && l.err_reason == Some(0))
    );
    assert_eq!(
        client.send(&GetBrokenLink { id: 7 }).await.unwrap().clicks,
        14
    );

    let receipt = Attachment {
        file_name: "r.png".into(),
        content_type: "image/png".into(),
        bytes: b"\x89PNG\r\n\x1a\nrest".to_vec(),
    };
    let order = client
        .send(&CreateLostOrder {
            program: 6,
            website: 22,
            order_id: "A-100".into(),
            order_date: "05.03.2024".into(),
            order_price: "1499.90".into(),
            comment: "Paid by card".into(),
            appeal_id: None,
            estimated_reward: "45.00".into(),
            receipt: receipt.clone(),
        })
        .await
        .unwrap();
    assert_eq!(
        (
            order.status.as_deref(),
            order.order_price.as_ref().map(Decimal::as_str)
        ),
        (Some("processing"), Some("1499.90"))
    );
    assert_eq!(
        order.raw.value()["receipt"]["size"],
        12,
        "the file arrived whole"
    );
    let listed = client
        .send(&ListLostOrders {
            kind: ClaimKind::LostOrder,
            status: Some("processing".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        listed.items.iter().map(|o| o.id).collect::<Vec<_>>(),
        vec![order.id]
    );
    let appeal = client
        .send(&CreateAppeal {
            program: 6,
            order_id: "A-100".into(),
            comment: "Still missing".into(),
            appeal_id: Some("T-1".into()),
            receipt,
        })
        .await
        .unwrap();
    assert_eq!(
        client
            .send(&GetLostOrder {
                kind: ClaimKind::Appeal,
                id: appeal.id
            })
            .await
            .unwrap()
            .appeal_id
            .as_deref(),
        Some("T-1")
    );
    let info = client
        .send(&GetLostOrderPayments {
            program: 6,
            order_ids: vec!["abc".into(), "abcd".into()],
        })
        .await
        .unwrap();
    assert_eq!(
        info.order_info
            .iter()
            .map(|i| i.status.as_str())
            .collect::<Vec<_>>(),
        ["owner", "already_counted"]
    );
    assert_eq!(info.order_info[0].payment_id, Some(503));

    let rates = client
        .send(&GetAliexpressCommissionRates {
            urls: vec![
                "https://aliexpress.com/item/1.html".into(),
                "https://shop.example/p".into(),
            ],
        })
        .await
        .unwrap();
    assert_eq!(
        rates.commission_rates[0]
            .hot_commission_rate
            .as_ref()
            .map(Decimal::as_str),
        Some("9.5")
    );
    assert_eq!(rates.commission_rates[1].product_name, None);
    let app = client
        .send(&CreateBrokerApplication {
            website: 22,
            program: 6,
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            mobile_phone: "+70000000000".into(),
            email: "ann@example.com".into(),
            work_date: None,
            user_notified: true,
            sms_confirmation: false,
            extra: [("city".to_owned(), "Riga".to_owned())].into(),
        })
        .await
        .unwrap();
    assert_eq!(
        (app.status.as_deref(), app.campaign_id),
        (Some("processing"), Some(6))
    );
    assert_eq!(app.raw.value()["fields"]["city"], "Riga");
    let apps = client
        .send(&ListBrokerApplications {
            website: 22,
            status: Some("processing".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(apps.count, 1);
    let settings = client
        .send(&GetBrokerCampaignSettings { program: 6 })
        .await
        .unwrap();
    assert_eq!(settings.body.value()["required_fields"][0], "first_name");

    // A scope the token lacks is a typed auth error (403, code 2).
    let narrow: Client =
        AdmitadClient::native(config(&sb, "adm_narrow", vec![Scope::PublicData])).unwrap();
    let denied = narrow.send(&ListRetags::default()).await.unwrap_err();
    assert_eq!(
        (denied.kind(), denied.status()),
        (ErrorKind::Auth, Some(403))
    );
}

#[tokio::test]
async fn subnetwork_websites_and_sms_confirmed_applications() {
    let sb = Sandbox::start().await.unwrap();
    let scopes = ["manage_websites", "manage_broker_application"]
        .iter()
        .map(|s| Scope::parse(s))
        .collect();
    let client: Client = AdmitadClient::native(config(&sb, "adm_subnet", scopes)).unwrap();
    let created = client
        .send(&CreateSubnetworkWebsites {
            websites: vec![
                NewWebsite {
                    name: "Blog".into(),
                    url: "https://blog.example/".into(),
                    native_kind: Some("website".into()),
                    ..Default::default()
                },
                NewWebsite {
                    name: "Channel".into(),
                    url: "https://video.example/".into(),
                    ..Default::default()
                },
            ],
        })
        .await
        .unwrap();
    assert_eq!(
        created.iter().map(|w| w.name.as_str()).collect::<Vec<_>>(),
        ["Blog", "Channel"],
        "in input order"
    );
    assert!(created[0].id > 0 && created[0].id != created[1].id);
    let app = client
        .send(&CreateBrokerApplication {
            website: 22,
            program: 6,
            first_name: "Ann".into(),
            last_name: "Lee".into(),
            mobile_phone: "+70000000000".into(),
            email: "ann@example.com".into(),
            user_notified: true,
            sms_confirmation: true,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(app.status.as_deref(), Some("waiting_sms_verification"));
}

#[tokio::test]
async fn documented_calls_and_fields_through_the_sandbox() {
    let sb = Sandbox::start().await.unwrap();
    let mut scopes = all_publisher_scopes();
    scopes.extend([Scope::Statistics, Scope::PrivateData, Scope::ValidateLinks]);
    let client: Client = AdmitadClient::native(config(&sb, "adm_docs", scopes)).unwrap();

    // The token response's account fields, and a copy of it without the tokens.
    client.me().await.unwrap();
    let tokens = client.tokens().unwrap();
    assert_eq!(
        (
            tokens.first_name.as_deref(),
            tokens.last_name.as_deref(),
            tokens.language.as_deref(),
            tokens.group.as_deref(),
            tokens.user_id
        ),
        (
            Some("name"),
            Some("surname"),
            Some("ru"),
            Some("webmaster"),
            Some(1)
        )
    );
    let raw = tokens.raw.value().as_object().unwrap();
    assert!(!raw.contains_key("access_token") && !raw.contains_key("refresh_token"));
    assert_eq!(raw["username"], "webmaster1");
    assert_eq!(client.me().await.unwrap().raw.value()["country"], "RU");

    // An ad space by name (a space in it), and a non-ASCII name the server reads back whole.
    let blog = client
        .send(&GetWebsiteByName {
            name: "My blog".into(),
        })
        .await
        .unwrap();
    assert_eq!(
        (
            blog.id,
            blog.is_old,
            blog.account_id.as_deref(),
            blog.is_lite
        ),
        (22, Some(true), Some(""), Some(false))
    );
    let missing = client
        .send(&GetWebsiteByName {
            name: "Мой блог №1".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::NotFound);
    assert_eq!(
        missing.details().unwrap().message,
        "No ad space «Мой блог №1»"
    );
    let sites = client.websites(&ListWebsites::default()).await.unwrap();
    assert_eq!(
        (sites.items[1].account_id.as_deref(), sites.items[1].is_lite),
        (Some("UC-channel-23"), Some(true))
    );

    // The catalogue's filters: `website`, promo codes, Takefluence.
    let catalogue = |f: fn(&mut ListPrograms)| {
        let mut r = ListPrograms {
            limit: Some(500),
            ..Default::default()
        };
        f(&mut r);
        r
    };
    let for_site = client
        .programs(&catalogue(|r| r.website_filter = Some(22)))
        .await
        .unwrap();
    assert_eq!(
        (for_site.count, for_site.items[0].gotolink.as_deref()),
        (120, None),
        "the catalogue, not the ad space's list"
    );
    let unknown = client
        .programs(&catalogue(|r| r.website_filter = Some(99)))
        .await
        .unwrap_err();
    assert_eq!(
        (
            unknown.status(),
            unknown.details().unwrap().field_errors[0].field.as_str()
        ),
        (Some(400), "website")
    );
    let promo = client
        .programs(&catalogue(|r| r.promo_code_programs_only = Some(true)))
        .await
        .unwrap();
    assert_eq!(promo.count, 40);
    let both = client
        .programs(&catalogue(|r| {
            r.promo_code_programs_only = Some(true);
            r.takefluence_enabled_only = Some(true);
        }))
        .await
        .unwrap();
    assert_eq!(
        both.items.iter().map(|p| p.id).collect::<Vec<_>>(),
        (1..=10).map(|i| i * 12).collect::<Vec<_>>()
    );

    // Coupons: repeated order_by, `type` as text, every documented field.
    let sorted = client
        .coupons(&ListCoupons {
            website: Some(22),
            order_by: vec!["-date_start".into(), "name".into()],
            limit: Some(500),
            ..Default::default()
        })
        .await
        .unwrap();
    let first = &sorted.items[0];
    assert_eq!(
        (first.date_start.as_deref(), first.name.as_str()),
        (Some("2024-02-01 00:00:00"), "-1% on everything"),
        "sorted by the first key, ties by the second"
    );
    assert_eq!(
        (
            first.types[0].name.as_str(),
            first.campaign.as_ref().and_then(|c| c.site_url.as_deref()),
            first.regions.clone(),
            first.frameset_link.is_some()
        ),
        (
            "Free shipping",
            Some("https://shop2.example/"),
            vec!["RU".to_owned(), "KZ".to_owned()],
            true
        )
    );
    let gifts = client
        .coupons(&ListCoupons {
            kind: vec!["Gift".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    let by_id = client
        .coupons(&ListCoupons {
            kind: vec!["1".into(), "Gift".into()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((gifts.count, by_id.count), (20, 40));

    // Broken links: `website` repeats.
    let links = |website: Vec<u64>| ListBrokenLinks {
        website,
        ..Default::default()
    };
    assert_eq!(client.send(&links(vec![23])).await.unwrap().count, 0);
    assert_eq!(client.send(&links(vec![22, 23])).await.unwrap().count, 50);

    // Reports: the actions filter, and the typed columns.
    let actions = client
        .statistics(&ListStatistics {
            report: StatisticsReport::Actions,
            action: Some("Paid order, new client".into()),
            campaign: vec![6, 7],
            limit: Some(3),
            ..Default::default()
        })
        .await
        .unwrap();
    let row = &actions.items[0];
    assert_eq!(
        (
            row.action.as_deref(),
            row.order_id.as_deref(),
            row.processed,
            row.payment.as_ref().map(Decimal::as_str),
            row.positions[0].rate.as_ref().map(Decimal::as_str)
        ),
        (
            Some("Paid order, new client"),
            Some("c-0"),
            Some(true),
            Some("104.66"),
            Some("50.00")
        )
    );
    let sites = client
        .statistics(&ListStatistics {
            limit: Some(2),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (
            sites.items[1].website_id,
            sites.items[1].ecpc.as_ref().map(Decimal::as_str),
            sites.items[1].ecpm.as_ref().map(Decimal::as_str),
            sites.items[1].action_id
        ),
        (Some(1), Some("0.62"), Some("1513.71"), None)
    );

    // Documented requests the API used to refuse.
    let offer = client
        .send(&SaveOptCode {
            kind: OptCodeKind::Offer,
            website: Some(22),
            campaign: Some(6),
            desc_mode: Some(DescMode::Advanced),
            method: Some(PostbackMethod::Post),
            action_type: Some(ActionTypeFilter::Sale),
            url: Some("http://test.com/?offer_id=[[[offer_id]]]".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (offer.event, offer.raw.value()["action_type"].as_u64()),
        (Some(1), Some(1))
    );
    let receipt = Attachment {
        file_name: "receipt.jpg".into(),
        content_type: "image/jpeg".into(),
        bytes: b"\xFF\xD8\xFF\xE0 jpeg".to_vec(),
    };
    let order = client
        .send(&CreateLostOrder {
            program: 1,
            website: 22,
            order_id: "YH123D".into(),
            order_date: "11.11.2016".into(),
            order_price: "1200".into(),
            appeal_id: Some("788aq".into()),
            receipt,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        (
            order.comment,
            order.estimated_reward,
            order.appeal_id.as_deref()
        ),
        (None, None, Some("788aq"))
    );

    // Vendor bonuses: conditions typed.
    let bonuses = client.send(&ListVendorBonuses::default()).await.unwrap();
    let condition = &bonuses.items[0].conditions[0];
    assert_eq!(
        (
            condition
                .action
                .as_ref()
                .map(|a| a.tariffs[0].rates[0].is_percentage),
            condition.product.as_deref(),
            condition.price_from.as_ref().map(Decimal::as_str)
        ),
        (Some(Some(true)), Some("1,23,3"), Some("10.00"))
    );
    // Joining keeps the answer as sent; the link checker too.
    let joined = client
        .send(&ChangeMembership {
            action: Membership::Attach,
            program: 6,
            website: 22,
        })
        .await
        .unwrap();
    assert_eq!(joined.raw.value()["success"], "OK");
    let check = client
        .validate_link(&adkit::admitad::ValidateLink {
            link: "https://ad.admitad.com/g/abc/".to_owned(),
        })
        .await
        .unwrap();
    assert_eq!(check.raw.value()["message"], "Link successfully tested.");
}
