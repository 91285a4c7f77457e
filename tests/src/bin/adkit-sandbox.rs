//! `adkit-sandbox --port 0 [--port-file PATH]`: serves the sandbox until killed and prints its base URL
//! on the first line of stdout (and the other origin on the second).

use std::io::Write;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut port = 0u16;
    let mut port_file = None;
    let mut args = std::env::args();
    args.next(); // the program name
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => port = args.next().and_then(|p| p.parse().ok()).unwrap_or(0),
            "--port-file" => port_file = args.next(),
            "--help" | "-h" => {
                println!("adkit-sandbox [--port N] [--port-file PATH]");
                return Ok(());
            }
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
    }
    let sandbox = adkit_sandbox::Sandbox::start_on(port).await?;
    println!("{}", sandbox.base_url);
    println!("other-origin {}", sandbox.other_origin_url);
    println!("raw-faults {}", sandbox.raw_faults_url);
    std::io::stdout().flush()?;
    if let Some(path) = port_file {
        std::fs::write(&path, format!("{}\n", sandbox.base_url))?;
    }
    tokio::signal::ctrl_c().await?;
    Ok(())
}
