//! Pages per second: iterates all 100 000 statistics rows of the embedded sandbox (or of the one at
//! `ADKIT_SANDBOX_URL`, e.g. a release build, so the server's JSON is not what is measured) with limit 500 (200
//! pages) through `AdmitadClient::pages`, and prints pages/s and rows/s.
//! `cargo run --release -p adkit --features reqwest --example admitad_pages_report`

use std::time::Instant;

use adkit::admitad::*;
use futures_util::StreamExt;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sandbox = adkit_sandbox::Sandbox::start().await?;
    let url = std::env::var("ADKIT_SANDBOX_URL")
        .map(|b| format!("{b}/admitad/"))
        .unwrap_or_else(|_| sandbox.admitad_url());
    let client = AdmitadClient::native(
        AdmitadConfig::new("adm_report", "secret_adm_report", vec![Scope::Statistics])
            .with_base_url(url),
    )?;
    let request = ListStatistics {
        report: StatisticsReport::Websites,
        limit: Some(500),
        ..Default::default()
    };
    client
        .statistics(&ListStatistics {
            limit: Some(1),
            ..request.clone()
        })
        .await?; // token, warm-up
    let started = Instant::now();
    let mut pages = 0u64;
    let mut rows = 0u64;
    let mut stream = std::pin::pin!(client.pages(request));
    while let Some(page) = stream.next().await {
        pages += 1;
        rows += page?.items.len() as u64;
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "admitad statistics, native: {rows} rows in {pages} pages (limit 500) in {secs:.2} s: {:.0} pages/s, {:.0} rows/s",
        pages as f64 / secs,
        rows as f64 / secs
    );
    Ok(())
}
