//! adkit beside the call a Rust user would write by hand — raw `reqwest` plus a typed `serde_json`
//! decode into the same records — on three Admitad calls (`/me/`, one programs page, a 500-row statistics
//! page), 1 and 32 in flight, against a sandbox in another process. Each measurement runs in a child
//! process of its own (so CPU time and peak RSS are that side's alone), A and B interleaved for seven
//! rounds; the medians are printed with the ratios.
//!
//! ```text
//! cargo build --release -p adkit-sandbox && target/release/adkit-sandbox --port 0 &   # prints its URL
//! ADKIT_SANDBOX_URL=http://127.0.0.1:PORT \
//!   cargo run --release -p adkit --features reqwest --example bench_vs_reqwest
//! ```

use std::time::Instant;

use adkit::admitad::*;
use futures_util::StreamExt;
use serde::Deserialize;

const ROUNDS: usize = 7;
const CALLS: [(&str, usize); 3] = [("me", 2000), ("programs", 1000), ("statistics500", 120)];

#[derive(Deserialize)]
struct Wire<T> {
    results: Vec<T>,
    #[serde(rename = "_meta")]
    _meta: serde_json::Value,
}

/// This process's CPU time so far (user + system), in milliseconds.
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of the file (utime, stime), in clock ticks of 10 ms.
    (ticks(11) + ticks(12)) * 10.0
}

/// This process's peak resident set, in KiB.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn client(
    base: &str,
) -> Result<AdmitadClient<adkit::native::ReqwestTransport, adkit::native::TokioTimer>, adkit::Error>
{
    AdmitadClient::native(
        AdmitadConfig::new(
            "adm_bench",
            "secret_adm_bench",
            vec![Scope::PrivateData, Scope::Advcampaigns, Scope::Statistics],
        )
        .with_base_url(format!("{base}/admitad/")),
    )
}

fn statistics() -> ListStatistics {
    ListStatistics {
        report: StatisticsReport::Websites,
        limit: Some(500),
        ..Default::default()
    }
}

/// One side of one measurement, in this (child) process: prints `secs cpu_ms peak_rss_kib`.
async fn child(
    side: &str,
    call: &str,
    in_flight: usize,
    n: usize,
    base: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let adkit = client(base)?;
    adkit.me().await?; // the token, and a warm connection
    let token = adkit.tokens().map(|t| t.access_token).unwrap_or_default();
    let raw = reqwest::Client::new();
    let url = match call {
        "me" => format!("{base}/admitad/me/"),
        "programs" => format!("{base}/admitad/advcampaigns/"),
        _ => format!("{base}/admitad/statistics/websites/?limit=500"),
    };
    let one = |i: usize| {
        let (adkit, raw, url, token) = (&adkit, &raw, &url, &token);
        async move {
            let _ = i;
            let items = match (side, call) {
                ("adkit", "me") => adkit.me().await.map(|m| m.id as usize)?,
                ("adkit", "programs") => {
                    adkit.programs(&ListPrograms::default()).await?.items.len()
                }
                ("adkit", _) => adkit.statistics(&statistics()).await?.items.len(),
                _ => {
                    let body = raw
                        .get(url)
                        .bearer_auth(token)
                        .header("accept", "application/json")
                        .send()
                        .await?
                        .error_for_status()?
                        .bytes()
                        .await?;
                    match call {
                        "me" => serde_json::from_slice::<Me>(&body)?.id as usize,
                        "programs" => serde_json::from_slice::<Wire<Program>>(&body)?
                            .results
                            .len(),
                        _ => serde_json::from_slice::<Wire<StatisticsRow>>(&body)?
                            .results
                            .len(),
                    }
                }
            };
            Ok::<usize, Box<dyn std::error::Error>>(items)
        }
    };
    let cpu = cpu_ms();
    let started = Instant::now();
    let mut results = futures_util::stream::iter(0..n)
        .map(one)
        .buffer_unordered(in_flight);
    while let Some(r) = results.next().await {
        r?;
    }
    let secs = started.elapsed().as_secs_f64();
    println!("{secs} {} {}", cpu_ms() - cpu, peak_rss_kib());
    Ok(())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn run_child(
    side: &str,
    call: &str,
    in_flight: usize,
    n: usize,
) -> Result<(f64, f64, f64), Box<dyn std::error::Error>> {
    let out = std::process::Command::new(std::env::current_exe()?)
        .args([
            "--child",
            side,
            call,
            &in_flight.to_string(),
            &n.to_string(),
        ])
        .output()?;
    if !out.status.success() {
        return Err(format!("{side} {call}: {}", String::from_utf8_lossy(&out.stderr)).into());
    }
    let text = String::from_utf8(out.stdout)?;
    let v: Vec<f64> = text
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    Ok((v[0], v[1], v[2]))
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::var("ADKIT_SANDBOX_URL").map_err(
        |_| "set ADKIT_SANDBOX_URL to a sandbox in another process (see the doc comment)",
    )?;
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        let in_flight = args[4].parse()?;
        let n = args[5].parse()?;
        return child(&args[2], &args[3], in_flight, n, &base).await;
    }
    println!(
        "call           in flight | adkit calls/s  raw calls/s  ratio | adkit CPU/call  raw CPU/call  ratio | adkit RSS  raw RSS (MiB)"
    );
    for (call, n) in CALLS {
        for in_flight in [1, 32] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for _ in 0..ROUNDS {
                a.push(run_child("adkit", call, in_flight, n)?);
                b.push(run_child("raw", call, in_flight, n)?);
            }
            let rate = |v: &[(f64, f64, f64)]| median(v.iter().map(|x| n as f64 / x.0).collect());
            let cpu =
                |v: &[(f64, f64, f64)]| median(v.iter().map(|x| x.1 * 1000.0 / n as f64).collect());
            let rss = |v: &[(f64, f64, f64)]| median(v.iter().map(|x| x.2 / 1024.0).collect());
            let (ra, rb, ca, cb) = (rate(&a), rate(&b), cpu(&a), cpu(&b));
            println!(
                "{call:<14} {in_flight:>9} | {ra:>13.0} {rb:>12.0} {:>6.2} | {ca:>11.1} µs {cb:>9.1} µs {:>6.2} | {:>9.1} {:>8.1}",
                ra / rb,
                ca / cb,
                rss(&a),
                rss(&b)
            );
        }
    }
    Ok(())
}
