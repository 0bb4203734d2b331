//! The last stage of dyad: serve the knowledge base over HTTP.
//!
//! A JSON API (`/api/events`, `/api/timeline`, `/api/dyads`, `/api/entities`,
//! `/api/events/{id}`, `/api/search`, `/api/export`, `/api/health`, with an OpenAPI document at
//! `/api/openapi.json`) and a web UI whose assets are compiled into the binary. Requests are
//! bounded (body size, concurrency, time, page size, a rate per client address), queries are
//! parameterised, and errors are JSON with a status code and no internals.

mod api;

pub use api::RATE_PER_SECOND;
mod ui;

use anyhow::{Context, Result};
use dyad_store::Store;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A few read connections, shared by the request handlers.
pub struct Pool {
    stores: Vec<Mutex<Store>>,
    next: AtomicUsize,
    pub path: PathBuf,
}

impl Pool {
    pub fn open(path: &Path, size: usize) -> Result<Pool> {
        let mut stores = Vec::new();
        for _ in 0..size.max(1) {
            stores.push(Mutex::new(
                Store::open(path).with_context(|| format!("opening {}", path.display()))?,
            ));
        }
        Ok(Pool {
            stores,
            next: AtomicUsize::new(0),
            path: path.to_path_buf(),
        })
    }

    /// Run `f` with one of the connections.
    pub fn with<T>(&self, f: impl FnOnce(&Store) -> T) -> T {
        let index = self.next.fetch_add(1, Ordering::Relaxed) % self.stores.len();
        let store = match self.stores[index].lock() {
            Ok(guard) => guard,
            // A panic in another request poisons the lock; the connection itself is fine.
            Err(poisoned) => poisoned.into_inner(),
        };
        f(&store)
    }
}

/// The application with all routes and limits, for `serve` and for tests.
pub fn app(pool: Arc<Pool>) -> axum::Router {
    api::router(pool).merge(ui::router())
}

/// Serve until Ctrl-C.
pub fn serve(addr: &str, db: &Path) -> Result<()> {
    let pool = Arc::new(Pool::open(db, 4)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        eprintln!(
            "dyad: serving {} at http://{local}/ (API at http://{local}/api/, Ctrl-C stops)",
            db.display()
        );
        axum::serve(
            listener,
            app(pool).into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("server stopped")
    })
}
