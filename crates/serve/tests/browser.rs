//! The web UI in a real browser (Debian's headless Chromium): the page loads its events from a
//! server started by the test, filters given in the address are applied, and the screenshot is
//! not blank. Run with `cargo test -p dyad-serve --features browser` (.ci/run does).

#![cfg(feature = "browser")]

use dyad_serve::{app, Pool};
use std::process::Command;
use std::sync::Arc;

const CHROMIUM: &str = "/usr/bin/chromium";

fn start_server() -> String {
    static SERVERS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = SERVERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("dyad-browser-test-{}-{n}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let mut store = dyad_store::Store::open(&path).unwrap();
    let extractor = dyad_event::Extractor::new().unwrap();
    let doc = dyad_read::parse_plain(
        include_str!("../../../corpus/italy-japan-relations.txt"),
        "seed",
    );
    store.ingest(&doc, &extractor.extract(&doc)).unwrap();
    let pool = Arc::new(Pool::open(&path, 2).unwrap());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app(pool)).await.unwrap();
        });
    });
    addr
}

fn chromium(args: &[&str]) -> std::process::Output {
    static PROFILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = PROFILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = std::env::temp_dir().join(format!("dyad-chrome-{}-{n}", std::process::id()));
    Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=8000",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn timeline_filters_and_screenshot() {
    assert!(
        std::path::Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: apt-get install chromium"
    );
    let addr = start_server();
    // The whole timeline.
    let output = chromium(&["--dump-dom", &format!("http://{addr}/")]);
    let dom = String::from_utf8_lossy(&output.stdout);
    let all = dom.matches("class=\"event\"").count();
    assert!(
        all > 30,
        "only {all} events in the page:\n{}",
        &dom[..dom.len().min(2000)]
    );
    assert!(dom.contains("<svg"), "no chart");
    // Filters from the address: only alliances of the pair, in the 1900s.
    let output = chromium(&[
        "--dump-dom",
        &format!("http://{addr}/?pair=ITA-JPN&kind=alliance&from=1900&to=1999"),
    ]);
    let dom = String::from_utf8_lossy(&output.stdout);
    let filtered = dom.matches("class=\"event\"").count();
    assert!(filtered > 0 && filtered < all, "{filtered} of {all}");
    assert_eq!(
        dom.matches("class=\"kind ").count(),
        dom.matches(">alliance</span>").count()
    );
    // A screenshot that is not blank: a white page compresses to a few kilobytes.
    let shot = std::env::temp_dir().join(format!("dyad-ui-{}.png", std::process::id()));
    let output = chromium(&[
        &format!("--screenshot={}", shot.display()),
        &format!("http://{addr}/"),
    ]);
    let bytes = std::fs::read(&shot)
        .unwrap_or_else(|_| panic!("no screenshot: {}", String::from_utf8_lossy(&output.stderr)));
    assert!(bytes.starts_with(b"\x89PNG"));
    assert!(
        bytes.len() > 40_000,
        "screenshot looks blank ({} bytes)",
        bytes.len()
    );
}

/// A minimal WebDriver client: JSON over HTTP/1.1 to chromedriver, enough to click.
mod webdriver {
    use serde_json::{json, Value};
    use std::io::{Read, Write};
    use std::net::TcpStream;

    pub struct Driver {
        port: u16,
        session: String,
    }

    fn request(port: u16, method: &str, path: &str, body: Option<&Value>) -> Value {
        let payload = body.map(|b| b.to_string()).unwrap_or_default();
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("chromedriver listens");
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: localhost:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            payload.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(payload.as_bytes()).unwrap();
        // chromedriver may keep the connection open: read the headers, then exactly the body.
        let mut raw = Vec::new();
        let mut buffer = [0u8; 65536];
        let (split, length) = loop {
            let n = stream.read(&mut buffer).unwrap();
            assert!(n > 0, "chromedriver closed the connection early");
            raw.extend_from_slice(&buffer[..n]);
            if let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
                let headers = String::from_utf8_lossy(&raw[..split]).to_lowercase();
                let length = headers
                    .lines()
                    .find_map(|l| {
                        l.strip_prefix("content-length:")
                            .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                    })
                    .expect("a Content-Length");
                break (split, length);
            }
        };
        while raw.len() < split + 4 + length {
            let n = stream.read(&mut buffer).unwrap();
            assert!(n > 0, "chromedriver closed the connection early");
            raw.extend_from_slice(&buffer[..n]);
        }
        let body = raw[split + 4..split + 4 + length].to_vec();
        serde_json::from_slice(&body)
            .unwrap_or_else(|e| panic!("chromedriver said {e}: {}", String::from_utf8_lossy(&body)))
    }

    impl Driver {
        pub fn start(port: u16, chromium: &str) -> Driver {
            let capabilities = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1200,1600"]
            }}}});
            let response = request(port, "POST", "/session", Some(&capabilities));
            let session = response["value"]["sessionId"]
                .as_str()
                .unwrap_or_else(|| panic!("no session: {response}"))
                .to_string();
            Driver { port, session }
        }

        pub fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
            request(
                self.port,
                method,
                &format!("/session/{}{path}", self.session),
                body.as_ref(),
            )["value"]
                .clone()
        }

        pub fn go(&self, url: &str) {
            self.call("POST", "/url", Some(json!({"url": url})));
        }

        pub fn find_all(&self, css: &str) -> Vec<String> {
            let found = self.call(
                "POST",
                "/elements",
                Some(json!({"using": "css selector", "value": css})),
            );
            found
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|e| {
                            e.as_object()?.values().next()?.as_str().map(str::to_string)
                        })
                        .collect()
                })
                .unwrap_or_default()
        }

        /// Wait (up to 10 s) until `css` matches and `ready` says so.
        pub fn wait_for(&self, css: &str, ready: impl Fn(&[String]) -> bool) -> Vec<String> {
            let mut last = 0;
            for _ in 0..100 {
                let found = self.find_all(css);
                if ready(&found) {
                    return found;
                }
                last = found.len();
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            panic!("timed out waiting for {css} ({last} found last)");
        }

        pub fn click(&self, element: &str) {
            self.call(
                "POST",
                &format!("/element/{element}/click"),
                Some(json!({})),
            );
        }

        pub fn type_into(&self, element: &str, text: &str) {
            self.call(
                "POST",
                &format!("/element/{element}/value"),
                Some(json!({"text": text})),
            );
        }

        pub fn text(&self, element: &str) -> String {
            self.call("GET", &format!("/element/{element}/text"), None)
                .as_str()
                .unwrap_or("")
                .to_string()
        }

        pub fn screenshot_base64(&self) -> String {
            self.call("GET", "/screenshot", None)
                .as_str()
                .unwrap_or("")
                .to_string()
        }

        pub fn quit(&self) {
            let _ = request(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
    }
}

#[test]
fn clicking_filters_and_an_event_in_a_real_browser() {
    const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
    assert!(
        std::path::Path::new(CHROMEDRIVER).exists(),
        "{CHROMEDRIVER} is missing: apt-get install chromium-driver"
    );
    let addr = start_server();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut driver_process = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    for _ in 0..50 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let driver = webdriver::Driver::start(port, CHROMIUM);
    driver.go(&format!("http://{addr}/"));
    let all = driver.wait_for("li.event", |found| found.len() > 30).len();
    // Type a word into the text filter and press Apply.
    let q = driver.find_all("#q");
    driver.type_into(&q[0], "Tripartite");
    let apply = driver.find_all("#apply");
    driver.click(&apply[0]);
    let filtered = driver.wait_for("li.event", |found| !found.is_empty() && found.len() < all);
    assert!(driver.text(&filtered[0]).contains("Tripartite"));
    // Back to the whole timeline, then untick every kind but one with clicks and apply.
    driver.go(&format!("http://{addr}/"));
    driver.wait_for("li.event", |found| found.len() == all);
    for checkbox in driver.find_all("#kinds input:not([value=alliance])") {
        driver.click(&checkbox);
    }
    driver.click(&driver.find_all("#apply")[0]);
    let alliances = driver.wait_for("li.event", |found| !found.is_empty() && found.len() < all);
    for event in &alliances {
        assert!(driver.text(event).contains("alliance"));
    }
    // Open an event: the detail shows its codes and the evidence with the trigger marked.
    driver.click(&alliances[0]);
    let detail = driver.wait_for("#detail-body mark", |found| !found.is_empty());
    assert!(!driver.text(&detail[0]).is_empty());
    let body = driver.text(&driver.find_all("#detail-body")[0]);
    assert!(body.contains("PLOVER COOPERATE"), "{body}");
    let screenshot = driver.screenshot_base64();
    assert!(screenshot.len() > 40_000, "screenshot looks blank");
    driver.quit();
    let _ = driver_process.kill();
    let _ = driver_process.wait();
}
