//! Every Adjust endpoint's `parse` on one fuzzed response (`[status][flags] body`).
#![no_main]

use adkit::Endpoint;
use adkit::adjust::*;
use adkit::driver::Exchange;
use adkit_fuzz::{check_parsed, response};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let resp = response(data);
    if adkit_fuzz::skip_redact_boundary(&resp.body) {
        return;
    }
    let ex = Exchange::new(resp.clone());
    let app = "p77yk727r18g".to_owned();
    check_parsed(
        "adjust create_app",
        &resp,
        &CreateApp::default().parse(&ex),
    );
    check_parsed(
        "adjust get_app",
        &resp,
        &GetApp {
            app_token: app.clone(),
        }
        .parse(&ex),
    );
    check_parsed(
        "adjust find_app",
        &resp,
        &FindApp {
            store_id: "com.example.app".into(),
            platform: Platform::Android,
        }
        .parse(&ex),
    );
    check_parsed(
        "adjust create_campaign",
        &resp,
        &CreateCampaign::default().parse(&ex),
    );
    check_parsed(
        "adjust get_signature",
        &resp,
        &GetSignature {
            bundle_id: "com.example.app".into(),
        }
        .parse(&ex),
    );
    check_parsed(
        "adjust list_channels",
        &resp,
        &ListChannels {
            app_token: app.clone(),
        }
        .parse(&ex),
    );
    let status = GetTicketStatus {
        ticket_token: "af7702a9-ba95-6ba2-bdac-3f83e55ed8d3".into(),
    }
    .parse(&ex);
    if let Ok(s) = &status {
        // Terminal or not, asking must not panic on any state the server names.
        let _ = s.status.is_terminal();
    }
    check_parsed("adjust get_ticket_status", &resp, &status);
    check_parsed(
        "adjust update_app",
        &resp,
        &UpdateApp::default().parse(&ex),
    );
    check_parsed(
        "adjust generate_signature",
        &resp,
        &GenerateSignature::default().parse(&ex),
    );
    let err = error_from_exchange(&ex);
    adkit_fuzz::check_response_error("adjust error_from_exchange", &resp, &err);
});
