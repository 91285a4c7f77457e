//! The request id of the response reaches every kind of result of every vendor: a record, an
//! acknowledgement, a page, a list record and an answer kept as sent. Each id is compared with the one
//! the sandbox logged for that very request.

use adkit::Reply;
use adkit::adapty::{AdaptyClient, AdaptyConfig, AdaptyUser, ListPaywalls, ProfileRequest};
use adkit::adjust::{AdjustClient, AdjustConfig, CreateApp};
use adkit::admitad::{AdmitadClient, AdmitadConfig, GetBalance, ListWebsites, Scope};
use adkit_sandbox::Sandbox;

/// The `x-request-id` the sandbox answered the last request of `key` with.
fn last_id(sb: &Sandbox, key: &str) -> String {
    let log = sb.state.requests_for(key);
    let last = log.last().expect("a request was logged");
    last["request_id"].as_str().expect("an id").to_owned()
}

fn same(sb: &Sandbox, key: &str, result: &dyn Reply) {
    let id = last_id(sb, key);
    assert!(id.starts_with("sbx-"), "{id}");
    assert_eq!(result.request_id(), Some(id.as_str()));
}

#[tokio::test]
async fn every_kind_of_result_carries_its_request_id() {
    let sb = Sandbox::start().await.unwrap();

    let adapty =
        AdaptyClient::native(AdaptyConfig::secret("secret_rid").with_base_url(sb.adapty_url()))
            .unwrap();
    let user = AdaptyUser::customer_user_id("rid");
    let profile = adapty
        .create_profile(&user, &ProfileRequest::default())
        .await
        .unwrap();
    same(&sb, "secret_rid", &profile);
    let page = adapty
        .list_paywalls(&ListPaywalls::default())
        .await
        .unwrap();
    same(&sb, "secret_rid", &page);
    let ack = adapty.delete_profile(&user).await.unwrap();
    same(&sb, "secret_rid", &ack);

    let adjust =
        AdjustClient::native(AdjustConfig::new("adj_rid").with_base_url(sb.adjust_url())).unwrap();
    let created = adjust
        .create_app(&CreateApp {
            store_id: "com.example.ids".into(),
            platform: adkit::adjust::Platform::Android,
            name: "Ids".into(),
            bundle_id: "com.example.ids".into(),
            ..Default::default()
        })
        .await
        .unwrap();
    same(&sb, "adj_rid", &created);

    let scopes = ["private_data_balance", "websites", "broker_application"].map(Scope::parse);
    let admitad = AdmitadClient::native(
        AdmitadConfig::new("adm_rid", "secret_adm_rid", scopes.to_vec())
            .with_base_url(sb.admitad_url()),
    )
    .unwrap();
    let balance = admitad.balance(&GetBalance::default()).await.unwrap();
    let token = admitad.tokens().unwrap().access_token;
    same(&sb, &token, &balance);
    let sites = admitad.websites(&ListWebsites::default()).await.unwrap();
    same(&sb, &token, &sites);
    let settings = admitad
        .broker_campaign_settings(&adkit::admitad::GetBrokerCampaignSettings { program: 6 })
        .await
        .unwrap();
    same(&sb, &token, &settings);
    // Items of a list carry none: the id belongs to the page.
    assert!(sites.items.iter().all(|w| w.request_id().is_none()));
}
