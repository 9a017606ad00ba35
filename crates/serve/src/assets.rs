//! The dashboard page, its script and its style, compiled into the binary. Assets are looked up
//! by name in a fixed table, so no request path reaches the file system.

use crate::ApiError;
use axum::extract::Path;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// Name, content type and content of every asset.
pub const ASSETS: &[(&str, &str, &str)] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_str!("../assets/app.js"),
    ),
    (
        "style.css",
        "text/css; charset=utf-8",
        include_str!("../assets/style.css"),
    ),
];

/// `GET /`: the dashboard.
pub async fn index() -> Html<&'static str> {
    Html(include_str!("../assets/index.html"))
}

/// `GET /assets/{name}`: one compiled-in asset.
pub async fn asset(Path(name): Path<String>) -> Result<Response, ApiError> {
    let (_, kind, body) = ASSETS.iter().find(|(n, _, _)| *n == name).ok_or_else(|| {
        let names: Vec<&str> = ASSETS.iter().map(|a| a.0).collect();
        ApiError::not_found(format!(
            "no asset `{name}`; the assets are {}",
            names.join(", ")
        ))
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, *kind),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        *body,
    )
        .into_response())
}
