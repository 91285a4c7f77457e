//! Bulk-delete report: creates N profiles in the embedded sandbox, deletes them all with
//! `AdaptyClient::bulk` (32 in flight by default), prints profiles/s and checks through the sandbox
//! that every one is gone. `cargo run --release -p adkit --features reqwest --example adapty_bulk_report -- 10000 32`

use std::time::Instant;

use adkit::adapty::*;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let concurrency: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(32);
    let sandbox = adkit_sandbox::Sandbox::start().await?;
    let key = "secret_bulk_report";
    let client =
        AdaptyClient::native(AdaptyConfig::secret(key).with_base_url(sandbox.adapty_url()))?;
    let users: Vec<AdaptyUser> = (0..n)
        .map(|i| AdaptyUser::customer_user_id(format!("bulk-{i}")))
        .collect();
    let started = Instant::now();
    for u in &users {
        client.create_profile(u, &ProfileRequest::default()).await?;
    }
    println!(
        "created {n} profiles in {:.2} s (sequential, setup)",
        started.elapsed().as_secs_f64()
    );
    let before = sandbox
        .state
        .adapty
        .lock()
        .map(|s| s.profile_count(key))
        .unwrap_or(0);
    let mut last_print = Instant::now();
    let started = Instant::now();
    let report = client
        .bulk(
            &BulkOperation::Delete,
            users,
            &BulkOptions {
                concurrency,
                stop_on_auth_error: true,
            },
            |p| {
                if last_print.elapsed().as_secs() >= 1 {
                    println!("  {}/{} done", p.done, p.total);
                    last_print = Instant::now();
                }
            },
        )
        .await?;
    let secs = started.elapsed().as_secs_f64();
    let after = sandbox
        .state
        .adapty
        .lock()
        .map(|s| s.profile_count(key))
        .unwrap_or(usize::MAX);
    println!(
        "bulk delete: {n} profiles, {concurrency} in flight: {:.2} s, {:.0} profiles/s; succeeded {}, failed {}; sandbox profiles before {before}, after {after}",
        secs,
        n as f64 / secs,
        report.succeeded,
        report.failed
    );
    if after != 0 || report.succeeded as usize != n || report.items.len() != n {
        return Err("not every profile was deleted exactly once".into());
    }
    println!("all {n} profiles are gone; every user has exactly one result");
    Ok(())
}
