//! Admitad numbers: parsing a 500-row statistics page (the websites report, as the sandbox and Admitad
//! send it) beside a bare `serde_json` typed decode of the same body into the same rows (no `raw`, no
//! leniency fallback, no `_meta` rules). `cargo bench -p adkit --bench admitad`.

use std::hint::black_box;

use adkit::Endpoint;
use adkit::HttpResponse;
use adkit::admitad::{ListStatistics, StatisticsReport, StatisticsRow};
use adkit::driver::Exchange;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A page of `rows` websites-report rows, with the loose types Admitad sends (ids and numbers as text).
fn page(rows: u64) -> String {
    let items: Vec<String> = (0..rows)
        .map(|i| {
            format!(
                r#"{{"website_id":"{w}","website_name":"site {w}","date":"{d:02}.{m:02}.2024","views":{v},"clicks":"{c}","ctr":"0.33","cr":1.5,"ecpc":0.62,"ecpm":"1513.71","leads_sum":{l},"sales_sum":{s},"payment_sum_open":"{o}.{p:02}","payment_sum_approved":{a}.25,"payment_sum_declined":"0.00","currency":"USD"}}"#,
                w = i % 50,
                d = i % 28 + 1,
                m = i % 12 + 1,
                v = i * 3,
                c = i % 97,
                l = i % 5,
                s = i % 3,
                o = i % 1000,
                p = i % 100,
                a = i % 100,
            )
        })
        .collect();
    format!(
        r#"{{"results":[{}],"_meta":{{"count":100000,"limit":500,"offset":0}}}}"#,
        items.join(",")
    )
}

#[derive(serde::Deserialize)]
struct Wire {
    #[allow(dead_code)]
    results: Vec<StatisticsRow>,
}

fn statistics(c: &mut Criterion) {
    let body = page(500);
    let exchange = Exchange::new(HttpResponse::new(200, body.clone()));
    let request = ListStatistics {
        report: StatisticsReport::Websites,
        limit: Some(500),
        ..Default::default()
    };
    let parsed = request.parse(&exchange).expect("parses");
    assert_eq!(parsed.items.len(), 500);
    let mut g = c.benchmark_group("admitad statistics page, 500 rows");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("adkit ListStatistics::parse (typed rows + raw)", |b| {
        b.iter(|| black_box(request.parse(black_box(&exchange)).map(|p| p.items.len())))
    });
    g.bench_function("serde_json typed decode (same rows, no raw)", |b| {
        b.iter(|| {
            black_box(
                serde_json::from_slice::<Wire>(black_box(body.as_bytes())).map(|w| w.results.len()),
            )
        })
    });
    g.finish();
}

criterion_group!(benches, statistics);
criterion_main!(benches);
