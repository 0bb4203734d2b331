//! A bounded load test against a local dyad server (loopback only): requests/s and p50/p99
//! latency for one path.
//!
//! `cargo run --release -p dyad-serve --example load -- 127.0.0.1:8080 /api/events 4000 16`

use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let addr = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "127.0.0.1:8080".into());
    let path = args.get(2).cloned().unwrap_or_else(|| "/api/events".into());
    let total: usize = args
        .get(3)
        .and_then(|n| n.parse().ok())
        .unwrap_or(4000)
        .min(100_000);
    let connections: usize = args
        .get(4)
        .and_then(|n| n.parse().ok())
        .unwrap_or(16)
        .clamp(1, 256);
    let host = addr.split(':').next().unwrap_or("");
    if !(host.starts_with("127.") || host == "localhost" || host == "[::1]") {
        eprintln!("load: only loopback addresses");
        std::process::exit(2);
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..connections {
        let (addr, path) = (addr.clone(), path.clone());
        let share = total / connections + usize::from(c < total % connections);
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(share);
            let mut errors = 0usize;
            let Ok(mut stream) = TcpStream::connect(&addr).await else {
                return (latencies, share);
            };
            let request =
                format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n");
            let mut buffer = vec![0u8; 1 << 20];
            for _ in 0..share {
                if Instant::now() > deadline {
                    break;
                }
                let sent = Instant::now();
                if stream.write_all(request.as_bytes()).await.is_err() {
                    errors += 1;
                    break;
                }
                // Read one response: headers, then Content-Length bytes of body.
                let mut received = Vec::new();
                let ok = loop {
                    let Ok(n) = stream.read(&mut buffer).await else {
                        break false;
                    };
                    if n == 0 {
                        break false;
                    }
                    received.extend_from_slice(&buffer[..n]);
                    if let Some(end) = received.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&received[..end]).to_lowercase();
                        let length: usize = head
                            .lines()
                            .find_map(|l| {
                                l.strip_prefix("content-length:")
                                    .map(|v| v.trim().parse().unwrap_or(0))
                            })
                            .unwrap_or(0);
                        if received.len() >= end + 4 + length {
                            break head.starts_with("http/1.1 200");
                        }
                    }
                };
                if ok {
                    latencies.push(sent.elapsed());
                } else {
                    errors += 1;
                    break;
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        if let Ok((l, e)) = task.await {
            latencies.extend(l);
            errors += e;
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    latencies.sort();
    let percentile = |p: f64| {
        latencies
            .get(((latencies.len() as f64 * p) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    println!(
        "{path}: {} requests in {seconds:.2} s over {connections} connections: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, errors {errors}",
        latencies.len(),
        latencies.len() as f64 / seconds,
        percentile(0.50),
        percentile(0.99)
    );
}
