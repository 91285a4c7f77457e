//! Adapty numbers: decode of a full profile response beside a bare `serde_json` typed decode of the
//! same body, and the CSV placements parse rate on a 100 000-row file.
//! `cargo bench -p adkit --bench adapty`.

use adkit::Endpoint;
use std::hint::black_box;

use adkit::HttpResponse;
use adkit::adapty::*;
use adkit::driver::Exchange;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A full profile: 30 custom attributes, 3 access levels, 12 subscriptions, 20 one-time purchases.
fn full_profile() -> String {
    let attrs: Vec<String> = (0..30)
        .map(|i| {
            if i % 2 == 0 {
                format!(r#"{{"key":"attr_{i}","value":{i}.0}}"#)
            } else {
                format!(r#"{{"key":"attr_{i}","value":"value {i}"}}"#)
            }
        })
        .collect();
    let level = |id: &str| {
        format!(
            r#"{{"access_level_id":"{id}","store":"app_store","store_product_id":"monthly","store_base_plan_id":null,"store_transaction_id":"t-9","store_original_transaction_id":"t-1","offer":{{"category":"promotional","type":"pay_up_front","id":"p1"}},"starts_at":null,"purchased_at":"2024-12-24T10:50:23+00:00","originally_purchased_at":"2024-01-24T10:50:23.000000+0000","expires_at":"2025-01-24T10:50:23.461425+00:00","renewal_cancelled_at":null,"billing_issue_detected_at":null,"is_in_grace_period":false,"cancellation_reason":null}}"#
        )
    };
    let levels: Vec<String> = ["premium", "pro", "ads_free"]
        .iter()
        .map(|l| level(l))
        .collect();
    let subs: Vec<String> = (0..12)
        .map(|i| format!(r#"{{"store":"app_store","store_product_id":"monthly","store_base_plan_id":null,"store_transaction_id":"t-{i}","store_original_transaction_id":"t-1","offer":null,"environment":"Production","purchased_at":"2024-{:02}-24T10:50:23+00:00","originally_purchased_at":"2024-01-24T10:50:23+00:00","expires_at":"2024-{:02}-24T10:50:23+00:00","renewal_cancelled_at":null,"billing_issue_detected_at":null,"is_in_grace_period":false,"cancellation_reason":null}}"#, i % 12 + 1, (i + 1) % 12 + 1))
        .collect();
    let nons: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"purchase_id":"8f2c1a7e-0000-4000-8000-{i:012}","store":"play_store","store_product_id":"coins_{i}","store_base_plan_id":null,"store_transaction_id":"GPA.{i}","store_original_transaction_id":"GPA.{i}","purchased_at":"2025-07-30T11:13:58.798Z","environment":"Production","is_refund":false,"is_consumable":true}}"#))
        .collect();
    format!(
        r#"{{"data":{{"app_id":"6e3c5b7d-1a2b-4c3d-8e9f-0a1b2c3d4e5f","profile_id":"3286abd3-48b0-4e9c-a5f6-ac0a006333a6","customer_user_id":"user-42","total_revenue_usd":109.88999999999999,"segment_hash":"8f45ed4b1e3e9c8d","timestamp":1736083667461,"custom_attributes":[{}],"access_levels":[{}],"subscriptions":[{}],"non_subscriptions":[{}]}}}}"#,
        attrs.join(","),
        levels.join(","),
        subs.join(","),
        nons.join(",")
    )
}

#[derive(serde::Deserialize)]
struct Envelope {
    #[allow(dead_code)]
    data: Profile,
}

/// The floor: the same fields as plain serde types (no tolerance: strings kept as sent, no null→[]).
mod plain {
    #![allow(dead_code)]
    use serde::Deserialize;
    #[derive(Deserialize)]
    pub struct Envelope {
        pub data: Profile,
    }
    #[derive(Deserialize)]
    pub struct Offer {
        pub category: String,
        #[serde(rename = "type")]
        pub offer_type: String,
        pub id: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct Attr {
        pub key: String,
        pub value: serde_json::Value,
    }
    #[derive(Deserialize)]
    pub struct Level {
        pub access_level_id: Option<String>,
        pub store: String,
        pub store_product_id: String,
        pub store_base_plan_id: Option<String>,
        pub store_transaction_id: String,
        pub store_original_transaction_id: String,
        pub offer: Option<Offer>,
        pub environment: Option<String>,
        pub starts_at: Option<String>,
        pub purchased_at: Option<String>,
        pub originally_purchased_at: Option<String>,
        pub expires_at: Option<String>,
        pub renewal_cancelled_at: Option<String>,
        pub billing_issue_detected_at: Option<String>,
        pub is_in_grace_period: bool,
        pub cancellation_reason: Option<String>,
    }
    #[derive(Deserialize)]
    pub struct NonSub {
        pub purchase_id: String,
        pub store: String,
        pub store_product_id: String,
        pub store_base_plan_id: Option<String>,
        pub store_transaction_id: String,
        pub store_original_transaction_id: String,
        pub purchased_at: Option<String>,
        pub environment: Option<String>,
        pub is_refund: bool,
        pub is_consumable: bool,
    }
    #[derive(Deserialize)]
    pub struct Profile {
        pub app_id: String,
        pub profile_id: String,
        pub customer_user_id: Option<String>,
        pub total_revenue_usd: f64,
        pub segment_hash: String,
        pub timestamp: i64,
        pub custom_attributes: Vec<Attr>,
        pub access_levels: Vec<Level>,
        pub subscriptions: Vec<Level>,
        pub non_subscriptions: Vec<NonSub>,
    }
}

fn placements_csv(rows: usize) -> String {
    let mut s = String::from(
        "developer_id,placement_name,audience_name,segment_name,cross_placement_ab_test_name,ab_test_name,paywall_name\n",
    );
    for i in 0..rows {
        s.push_str(&format!(
            "placement_{i},Placement {i},All users,All users,,Price test {},\"Paywall, {i}\"\n",
            i % 7
        ));
    }
    s
}

fn benches(c: &mut Criterion) {
    let body = full_profile();
    println!("full profile body: {} bytes", body.len());
    let exchange =
        Exchange::new(HttpResponse::new(200, body.clone()).with_header("request-id", "r"));
    let endpoint = GetProfile {
        user: AdaptyUser::customer_user_id("user-42"),
    };
    let mut g = c.benchmark_group("adapty_profile");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("parse (adkit: tolerant decode, dates normalised)", |b| {
        b.iter(|| black_box(endpoint.parse(black_box(&exchange))))
    });
    g.bench_function("serde_json typed decode (same types)", |b| {
        b.iter(|| {
            black_box(serde_json::from_slice::<Envelope>(black_box(
                body.as_bytes(),
            )))
        })
    });
    g.bench_function(
        "serde_json plain decode (mirror types, no tolerance)",
        |b| {
            b.iter(|| {
                black_box(
                    serde_json::from_slice::<plain::Envelope>(black_box(body.as_bytes()))
                        .map(|e| e.data.access_levels.len()),
                )
            })
        },
    );
    g.finish();

    let csv = placements_csv(100_000);
    println!("placements CSV: 100000 rows, {} bytes", csv.len());
    let mut g = c.benchmark_group("adapty_placements_csv");
    g.sample_size(10);
    g.throughput(Throughput::Elements(100_000));
    g.bench_function("parse_placements_csv 100k rows", |b| {
        b.iter(|| black_box(parse_placements_csv(black_box(&csv)).map(|r| r.len())))
    });
    g.finish();
}

criterion_group!(adapty, benches);
criterion_main!(adapty);
