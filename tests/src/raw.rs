//! Faults below HTTP, on their own listener: a connection reset, and a body shorter than its
//! `Content-Length`. The first path segment picks the fault, the second tags the connection for
//! counting; anything else answers 404.

use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::SandboxState;

pub(crate) async fn serve(listener: TcpListener, state: Arc<SandboxState>) {
    while let Ok((stream, _)) = listener.accept().await {
        tokio::spawn(handle(stream, state.clone()));
    }
}

async fn handle(mut stream: TcpStream, state: Arc<SandboxState>) {
    let mut buf = vec![0u8; 8192];
    let mut read = 0;
    // Read the request head (bodies are ignored).
    while read < buf.len() {
        match stream.read(&mut buf[read..]).await {
            Ok(0) | Err(_) => return,
            Ok(n) => read += n,
        }
        if buf[..read].windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let head = String::from_utf8_lossy(&buf[..read]);
    let path = head.split_whitespace().nth(1).unwrap_or("/");
    // `/reset/<tag>/...`: connections are counted per tag (`GET /__sandbox/raw-hits?tag=<tag>`).
    if let Some(tag) = path.split('/').nth(2).filter(|t| !t.is_empty()) {
        state.count_raw_hit(tag);
    }
    let cors = "Access-Control-Allow-Origin: *\r\n";
    if path.contains("/reset/") {
        // SO_LINGER 0: close with RST instead of FIN.
        let _ = stream.set_zero_linger();
        drop(stream);
    } else if path.contains("/truncated/") {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n{cors}\r\n"
        );
        let _ = stream.write_all(head.as_bytes()).await;
        let _ = stream.write_all(br#"{"adjust_app_token":"p7"#).await;
        let _ = stream.shutdown().await;
    } else {
        let body = r#"{"detail":"Not found."}"#;
        let resp = format!(
            "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{cors}Connection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = stream.write_all(resp.as_bytes()).await;
    }
}
