//! Adapty's Analytics Export API responses, CSV and JSON: the placements export (typed rows), every
//! metric export (JSON value or CSV table) and `parse_placements_csv`, on one fuzzed response
//! (`[status][flags] body`; flag 8 sends `Content-Type: text/csv`, flag 16 JSON).
#![no_main]

use adkit::Endpoint;
use adkit::HttpResponse;
use adkit::adapty::*;
use adkit::driver::Exchange;
use adkit_fuzz::{check_parsed, response};
use libfuzzer_sys::fuzz_target;

/// `raw` is the body as received, less the leading whitespace the parser skips.
fn assert_raw(what: &str, raw: &str, body: &[u8]) {
    let raw = raw.as_bytes();
    assert!(
        body.ends_with(raw)
            && body[..body.len() - raw.len()]
                .iter()
                .all(u8::is_ascii_whitespace),
        "{what}: raw is not the body"
    );
}

fn check_metrics(what: &str, resp: &HttpResponse, result: &Result<MetricsExport, adkit::Error>) {
    check_parsed(what, resp, result);
    if let Ok(m) = result {
        assert_raw(what, &m.raw, &resp.body);
        match m.format {
            ExportFormat::Json => assert!(
                m.json.is_some() && m.table.is_none(),
                "{what}: a JSON export without its value"
            ),
            ExportFormat::Csv => {
                let table = m
                    .table
                    .as_ref()
                    .unwrap_or_else(|| panic!("{what}: a CSV export without its table"));
                assert!(m.json.is_none(), "{what}: a CSV export with a JSON value");
                for row in &table.rows {
                    assert!(
                        row.len() >= table.columns.len(),
                        "{what}: a short CSV row was not padded"
                    );
                }
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let resp = response(data);
    if adkit_fuzz::skip_redact_boundary(&resp.body) {
        return;
    }
    let ex = Exchange::new(resp.clone());
    for placement_type in [PlacementType::Paywall, PlacementType::Onboarding] {
        for format in [ExportFormat::Json, ExportFormat::Csv] {
            let out = ExportPlacements {
                placement_type: placement_type.clone(),
                format,
            }
            .parse(&ex);
            check_parsed("adapty export_placements", &resp, &out);
            if let Ok(export) = out {
                assert_raw("adapty export_placements", &export.raw, &resp.body);
            }
        }
    }
    for format in [ExportFormat::Json, ExportFormat::Csv] {
        check_metrics(
            "adapty export_analytics",
            &resp,
            &ExportAnalytics {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
        check_metrics(
            "adapty export_cohort",
            &resp,
            &ExportCohort {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
        check_metrics(
            "adapty export_conversion",
            &resp,
            &ExportConversion {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
        check_metrics(
            "adapty export_funnel",
            &resp,
            &ExportFunnel {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
        check_metrics(
            "adapty export_ltv",
            &resp,
            &ExportLtv {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
        check_metrics(
            "adapty export_retention",
            &resp,
            &ExportRetention {
                format,
                ..Default::default()
            }
            .parse(&ex),
        );
    }
    let _ = parse_placements_csv(&String::from_utf8_lossy(&resp.body));
});
