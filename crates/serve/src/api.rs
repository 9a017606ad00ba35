//! The routes: each handler checks its parameters, then runs its queries on a blocking thread
//! with a pooled reader under the query-time limit.

use crate::params::Params;
use crate::pool::store_error;
use crate::series::{points, Period, Point};
use crate::{assets, ApiError, App, ROUTES};
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};
use std::sync::Arc;
use tidings_store::browse::Reader;
use tidings_store::{EventRow, MentionRow, StoreError};

type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// The application's routes over `app`.
pub fn router(app: Arc<App>) -> Router {
    let max_body = app.config.max_body;
    Router::new()
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/dyad", get(dyad))
        .route("/api/dyads/top", get(top_dyads))
        .route("/api/actors", get(actors))
        .route("/api/places", get(places))
        .route("/api/stats", get(stats))
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn_with_state(max_body, limit_body))
        .with_state(app)
}

/// Refuses a request whose declared body is over the limit, before anything reads it.
async fn limit_body(State(max): State<usize>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: format!("the request body is over {max} bytes; this API reads no body, send the parameters in the query string"),
        }
        .into_response();
    }
    next.run(req).await
}

async fn no_route(req: Request) -> ApiError {
    ApiError::not_found(format!(
        "no route {} {}; the routes are: {}",
        req.method(),
        req.uri().path(),
        ROUTES.join(", ")
    ))
}

fn params(q: Pairs, allowed: &[&str]) -> Result<Params, ApiError> {
    let Query(pairs) = q.map_err(|e| {
        ApiError::bad_request(format!(
            "the query string cannot be read: {}",
            e.body_text()
        ))
    })?;
    Params::new(pairs, allowed)
}

/// Runs `f` with a pooled reader on a blocking thread.
async fn read<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce(&Reader, &App) -> Result<T, StoreError> + Send + 'static,
) -> Result<T, ApiError> {
    let app = Arc::clone(app);
    tokio::task::spawn_blocking(move || {
        let limit = app.config.query_time;
        app.pool
            .with(limit, |r| f(r, &app).map_err(|e| store_error(e, limit)))
    })
    .await
    .map_err(|e| ApiError::internal(format!("the request failed: {e}")))?
}

const EVENT_PARAMS: &[&str] = &[
    "actor", "a", "b", "both", "code", "plover", "quad", "from", "to", "place", "text", "cursor",
    "limit",
];

/// `GET /api/events`: a page of events, newest stored first, and the cursor of the next page.
async fn events(State(app): State<Arc<App>>, q: Pairs) -> Result<Json<Page>, ApiError> {
    let search = params(q, EVENT_PARAMS)?.search(&app.dicts.cameo, app.config.max_page)?;
    let limit = search.limit;
    let events = read(&app, move |r, _| r.events(&search)).await?;
    let next_cursor = (events.len() == limit)
        .then(|| events.last().map(|e| e.id))
        .flatten();
    // Written straight from the rows: no intermediate JSON tree.
    Ok(Json(Page {
        events,
        next_cursor,
    }))
}

/// The answer of `GET /api/events`.
#[derive(Serialize)]
struct Page {
    events: Vec<EventRow>,
    next_cursor: Option<i64>,
}

/// `GET /api/events/{id}`: one event, its mentions, source URLs and why it was coded so.
async fn event(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let id: i64 = id.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
        ApiError::bad_request(format!("event id `{id}` is not a positive whole number"))
    })?;
    let (row, mentions) = read(&app, move |r, _| Ok((r.event(id)?, r.mentions(id)?))).await?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("no event with id {id}")))?;
    let mut urls: Vec<&str> = mentions.iter().filter_map(|m| m.url.as_deref()).collect();
    urls.dedup();
    let explain = explain(&app, &row, &mentions);
    Ok(Json(
        json!({ "event": row, "mentions": mentions, "source_urls": urls, "explain": explain }),
    ))
}

/// Why the event has its code and actors, from what the store keeps: the code table's entry for
/// the code, the dictionary entries behind the actor codes, and where each mention's sentence
/// names the actors. (The coder's pattern trace is not stored.)
fn explain(app: &App, e: &EventRow, mentions: &[MentionRow]) -> Value {
    let cameo = &app.dicts.cameo;
    let code = cameo.get(&e.event_code);
    let root = cameo.get(e.root_code());
    let quad_names = [
        "verbal cooperation",
        "material cooperation",
        "verbal conflict",
        "material conflict",
    ];
    let actor = |code: &str, name: &str| {
        let dict = &app.dicts.actors;
        let entry = dict.country(code).map(|id| dict.entry(id)).or_else(|| {
            dict.entries
                .iter()
                .find(|en| en.roles.iter().any(|r| r.code == code))
        });
        json!({
            "code": code,
            "words": name,
            "dictionary": entry.map(|en| json!({
                "name": en.name,
                "roles": en.roles.iter().filter(|r| r.code == code).map(|r| json!({
                    "role": r.role, "from": r.from, "to": r.to, "origin": r.origin,
                })).collect::<Vec<_>>(),
            })),
        })
    };
    let at = |m: &MentionRow, offset: i64| {
        let rel = offset - m.span_start;
        (offset >= 0 && rel >= 0 && (rel as usize) <= m.sentence.len()).then_some(rel)
    };
    json!({
        "code": e.event_code,
        "code_name": code.map(|c| c.name.as_str()),
        "root": e.root_code(),
        "root_name": root.map(|c| c.name.as_str()),
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "quad_class_name": quad_names.get((e.quad_class as usize).wrapping_sub(1)),
        "plover_event": code.map(|c| c.plover_event.as_str()),
        "plover_mode": code.and_then(|c| c.plover_mode.as_deref()),
        "actor1": actor(&e.actor1_code, &e.actor1_name),
        "actor2": actor(&e.actor2_code, &e.actor2_name),
        "evidence": mentions.iter().map(|m| json!({
            "sentence": m.sentence,
            "actor1_at": at(m, m.actor1_offset),
            "actor2_at": at(m, m.actor2_offset),
            "headline_or_lead": m.sentence_index == 0,
        })).collect::<Vec<_>>(),
        "note": "from the code table (dictionaries/cameo-codes.txt), the actor dictionaries and the stored mentions; run `tidings code --explain` on the article for the coder's full trace",
    })
}

/// `GET /api/dyad`: per period, both directions' QuadClass counts and Goldstein sum and mean.
async fn dyad(State(app): State<Arc<App>>, q: Pairs) -> Result<Response, ApiError> {
    let p = params(q, &["a", "b", "period", "from", "to"])?;
    let (Some(a), Some(b)) = (p.actor("a")?, p.actor("b")?) else {
        return Err(ApiError::bad_request(
            "a time series needs both `a` and `b` (actor codes, e.g. a=CHN&b=PRK)",
        ));
    };
    let period: Period = p.period()?;
    let (from, to) = (p.date("from")?, p.date("to")?);
    let key = format!("dyad?{a}&{b}&{}&{from:?}&{to:?}", period.name());
    summary(&app, key, move |r| {
        let days = r.dyad_days(&a, &b, from, to, period)?;
        let series = Series {
            a: &a,
            b: &b,
            period: period.name(),
            points: points(&days, period),
        };
        // Written straight from the typed points: no intermediate JSON tree.
        serde_json::to_string(&series).map_err(|e| StoreError::Invalid(e.to_string()))
    })
    .await
}

/// The answer of `GET /api/dyad`.
#[derive(Serialize)]
struct Series<'a> {
    a: &'a str,
    b: &'a str,
    period: &'static str,
    points: Vec<Point>,
}

/// `GET /api/dyads/top`: the directed dyads with the most events.
async fn top_dyads(State(app): State<Arc<App>>, q: Pairs) -> Result<Response, ApiError> {
    let p = params(q, &["limit"])?;
    let limit = p.number("limit", 1, 100, "")?.unwrap_or(20) as usize;
    summary(&app, format!("top?{limit}"), move |r| {
        Ok(json!({ "dyads": r.top_dyads(limit)? }).to_string())
    })
    .await
}

/// An answer (JSON text) from the cache, or computed and kept.
async fn summary(
    app: &Arc<App>,
    key: String,
    f: impl FnOnce(&Reader) -> Result<String, StoreError> + Send + 'static,
) -> Result<Response, ApiError> {
    let text = match app.cache.get(&key) {
        Some(text) => text,
        None => {
            let v = read(app, move |r, _| f(r)).await?;
            app.cache.put(key, v)
        }
    };
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}

/// `GET /api/actors`: actors whose name or code matches `q`, from the dictionaries, then codes
/// in use in the database.
async fn actors(State(app): State<Arc<App>>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let p = params(q, &["q", "limit"])?;
    let Some(query) = p.text("q")? else {
        return Err(ApiError::bad_request(
            "give `q`, a few letters of an actor's name or code",
        ));
    };
    let limit = p.number("limit", 1, 100, "")?.unwrap_or(20) as usize;
    let needle = query.to_lowercase();
    let mut found = Vec::new();
    for en in &app.dicts.actors.entries {
        if found.len() >= limit {
            break;
        }
        let name_hit = en.name.to_lowercase().contains(&needle)
            || en.names.iter().any(|n| n.to_lowercase().contains(&needle));
        let code_hit = en
            .roles
            .iter()
            .any(|r| r.code.to_lowercase().starts_with(&needle));
        if name_hit || code_hit {
            let code = en
                .roles
                .iter()
                .max_by_key(|r| r.from)
                .map(|r| r.code.clone());
            if let Some(code) = code.filter(|c| !c.is_empty()) {
                found.push(json!({ "code": code, "name": en.name, "from": "dictionary" }));
            }
        }
    }
    let codes = if query.chars().all(|c| c.is_ascii_alphanumeric()) && query.len() <= 30 {
        let prefix = query.to_ascii_uppercase();
        read(&app, move |r, _| r.codes(&prefix, limit)).await?
    } else {
        Vec::new()
    };
    Ok(Json(json!({ "actors": found, "codes": codes })))
}

/// `GET /api/places`: action places with coordinates under the event filter.
async fn places(State(app): State<Arc<App>>, q: Pairs) -> Result<Json<Value>, ApiError> {
    let search = params(q, EVENT_PARAMS)?.search(&app.dicts.cameo, app.config.max_page)?;
    let limit = search.limit.max(500).min(app.config.max_page.max(500));
    let rows = read(&app, move |r, _| r.places(&search, limit)).await?;
    Ok(Json(json!({ "places": rows })))
}

/// `GET /api/stats`: totals, the day range and the QuadClass counts.
async fn stats(State(app): State<Arc<App>>, q: Pairs) -> Result<Response, ApiError> {
    params(q, &[])?;
    summary(&app, "stats".into(), |r| Ok(json!(r.stats()?).to_string())).await
}
