//! The JSON API.

use crate::Pool;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::export::Format;
use dyad_store::{EventFilter, StoreError};
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

/// Pages never exceed this many events.
pub const MAX_PAGE: usize = 500;

pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> ApiError {
        match err {
            StoreError::QuerySyntax { .. } => ApiError::bad_request(err.to_string()),
            StoreError::NoSuchEvent(_) => ApiError {
                status: StatusCode::NOT_FOUND,
                message: err.to_string(),
            },
            // Internals stay in the server's log, not in the response.
            other => {
                eprintln!("dyad serve: {other}");
                ApiError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    message: "internal error".into(),
                }
            }
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(rejection: QueryRejection) -> ApiError {
        ApiError::bad_request(rejection.body_text())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(json!({"error": self.message, "status": self.status.as_u16()})),
        )
            .into_response()
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct EventQuery {
    /// Comma-separated states (codes, names or demonyms) that must all take part.
    actor: Option<String>,
    /// Two states, `ITA-JPN` or `ITA,JPN`.
    pair: Option<String>,
    kind: Option<String>,
    from: Option<i64>,
    to: Option<i64>,
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
    factual: Option<bool>,
    format: Option<String>,
}

/// The gazetteer is built once: building it per request would cost more than the query.
static RECOGNISER: std::sync::LazyLock<Option<dyad_entity::Recogniser>> =
    std::sync::LazyLock::new(|| dyad_entity::Recogniser::new().ok());

fn resolve(name: &str) -> Result<String, ApiError> {
    let recogniser = RECOGNISER
        .as_ref()
        .ok_or_else(|| ApiError::bad_request("entity resources unavailable"))?;
    recogniser
        .gazetteer()
        .resolve_state(name)
        .ok_or_else(|| ApiError::bad_request(format!("unknown state `{name}`")))
}

fn filter(query: &EventQuery) -> Result<EventFilter, ApiError> {
    let mut actors = Vec::new();
    for list in [&query.actor, &query.pair].into_iter().flatten() {
        for name in list
            .split([',', '-'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            actors.push(resolve(name)?);
        }
    }
    if let Some(pair) = &query.pair {
        if pair
            .split([',', '-'])
            .filter(|s| !s.trim().is_empty())
            .count()
            != 2
        {
            return Err(ApiError::bad_request("pair takes two states, e.g. ITA-JPN"));
        }
    }
    if let (Some(from), Some(to)) = (query.from, query.to) {
        if from > to {
            return Err(ApiError::bad_request("from is after to"));
        }
    }
    let limit = query.limit.unwrap_or(100);
    if limit == 0 || limit > MAX_PAGE {
        return Err(ApiError::bad_request(format!(
            "limit must be between 1 and {MAX_PAGE}"
        )));
    }
    if query.q.as_ref().is_some_and(|q| q.len() > 500) {
        return Err(ApiError::bad_request("q is longer than 500 bytes"));
    }
    Ok(EventFilter {
        actors,
        kinds: query
            .kind
            .as_deref()
            .map(EventFilter::parse_kinds)
            .unwrap_or_default(),
        from: query.from,
        to: query.to,
        text: query.q.clone().filter(|q| !q.trim().is_empty()),
        factual_only: query.factual.unwrap_or(false),
        limit: Some(limit),
        offset: query.offset.unwrap_or(0).min(1_000_000),
    })
}

async fn blocking<T: Send + 'static>(
    pool: Arc<Pool>,
    f: impl FnOnce(&dyad_store::Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || pool.with(f))
        .await
        .map_err(|_| ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "internal error".into(),
        })?
}

async fn health(State(pool): State<Arc<Pool>>) -> Result<Json<serde_json::Value>, ApiError> {
    let documents = blocking(pool, |s| Ok(s.document_count()?)).await?;
    Ok(Json(
        json!({"status": "ok", "documents": documents, "version": env!("CARGO_PKG_VERSION")}),
    ))
}

async fn events(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    let filter = filter(&query)?;
    let (limit, offset) = (filter.limit.unwrap_or(100), filter.offset);
    let rows = blocking(pool, move |s| Ok(s.events(&filter)?)).await?;
    Ok(Json(
        json!({"events": rows, "limit": limit, "offset": offset, "count": rows.len()}),
    ))
}

async fn timeline(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    let filter = filter(&query)?;
    let rows = blocking(pool, move |s| Ok(s.events(&filter)?)).await?;
    Ok(Json(dyad_store::export::timelinejs(&rows)))
}

async fn event(
    State(pool): State<Arc<Pool>>,
    Path(id): Path<String>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad_request("event id is a number"))?;
    let row = blocking(pool, move |s| Ok(s.event(id)?)).await?;
    Ok(Json(json!(row)))
}

async fn dyads(State(pool): State<Arc<Pool>>) -> Result<Json<serde_json::Value>, ApiError> {
    let rows = blocking(pool, |s| Ok(s.dyads()?)).await?;
    Ok(Json(json!({"dyads": rows})))
}

#[derive(Debug, Deserialize)]
pub struct EntityQuery {
    kind: Option<String>,
    limit: Option<usize>,
}

async fn entities(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<EntityQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE);
    let rows = blocking(pool, move |s| Ok(s.entities(query.kind.as_deref(), limit)?)).await?;
    Ok(Json(json!({"entities": rows})))
}

#[derive(Debug, Deserialize)]
pub struct FactQuery {
    fact: Option<String>,
    state: Option<String>,
    limit: Option<usize>,
}

async fn facts(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<FactQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    if let Some(fact) = &query.fact {
        if !matches!(fact.as_str(), "mission" | "population" | "membership") {
            return Err(ApiError::bad_request(
                "fact must be mission, population or membership",
            ));
        }
    }
    let limit = query.limit.unwrap_or(100).clamp(1, MAX_PAGE);
    let state = query.state.map(|s| s.to_ascii_uppercase());
    let rows = blocking(pool, move |s| {
        Ok(s.facts(query.fact.as_deref(), state.as_deref(), limit)?)
    })
    .await?;
    Ok(Json(json!({"facts": rows})))
}

#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<SearchQuery>, QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let Query(query) = query?;
    let q = query
        .q
        .filter(|q| !q.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request("q is required"))?;
    if q.len() > 500 {
        return Err(ApiError::bad_request("q is longer than 500 bytes"));
    }
    let limit = query.limit.unwrap_or(20).clamp(1, MAX_PAGE);
    let hits = blocking(pool, move |s| Ok(s.search(&q, limit)?)).await?;
    Ok(Json(json!({"hits": hits})))
}

async fn export(
    State(pool): State<Arc<Pool>>,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    let format: Format = query
        .format
        .as_deref()
        .unwrap_or("json")
        .parse()
        .map_err(ApiError::bad_request)?;
    let mut filter = filter(&query)?;
    filter.limit = Some(query.limit.unwrap_or(MAX_PAGE).min(MAX_PAGE));
    let body = blocking(pool, move |s| {
        let rows = s.events(&filter)?;
        Ok(dyad_store::export::export(s, &rows, format)?)
    })
    .await?;
    Ok(([(header::CONTENT_TYPE, format.content_type())], body).into_response())
}

async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("assets/openapi.json"),
    )
}

async fn not_found() -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        message: "no such endpoint".into(),
    }
}

/// Requests per second each client address may make (with a burst of twice as many).
pub const RATE_PER_SECOND: f64 = 1000.0;

/// A token bucket per client address: a client over its rate gets 429 until tokens refill.
#[derive(Default)]
pub struct RateLimiter {
    buckets:
        std::sync::Mutex<std::collections::HashMap<std::net::IpAddr, (f64, std::time::Instant)>>,
}

impl RateLimiter {
    fn allow(&self, ip: std::net::IpAddr) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else {
            return true;
        };
        let now = std::time::Instant::now();
        if buckets.len() > 10_000 {
            // Forget idle clients rather than grow without bound.
            buckets.retain(|_, (_, seen)| now.duration_since(*seen) < Duration::from_secs(60));
        }
        let (tokens, seen) = buckets.entry(ip).or_insert((2.0 * RATE_PER_SECOND, now));
        *tokens = (*tokens + now.duration_since(*seen).as_secs_f64() * RATE_PER_SECOND)
            .min(2.0 * RATE_PER_SECOND);
        *seen = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

static LIMITER: std::sync::LazyLock<RateLimiter> = std::sync::LazyLock::new(RateLimiter::default);

async fn rate_limit(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let ip = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| info.0.ip());
    if let Some(ip) = ip {
        if !LIMITER.allow(ip) {
            return ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                message: "too many requests".into(),
            }
            .into_response();
        }
    }
    next.run(request).await
}

pub fn router(pool: Arc<Pool>) -> Router {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/timeline", get(timeline))
        .route("/api/dyads", get(dyads))
        .route("/api/entities", get(entities))
        .route("/api/facts", get(facts))
        .route("/api/search", get(search))
        .route("/api/export", get(export))
        .route("/api/openapi.json", get(openapi))
        .route("/api/{*rest}", get(not_found))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(16 * 1024))
        .layer(tower::limit::ConcurrencyLimitLayer::new(64))
        .layer(axum::middleware::from_fn(rate_limit))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(10),
        ))
        .with_state(pool)
}
