//! Every route, on a small database written here: good answers, and bad parameters answered 4xx
//! with a message that names what is wrong (never a 500).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use serde_json::Value;
use std::sync::Arc;
use tidings_event::{Actor, Event, Plover, Span};
use tidings_serve::{router, App, Config, ROUTES};
use tidings_store::{ArticleMeta, Store};
use tower::ServiceExt;

fn event(i: usize, date: &str, a: (&str, &str), b: (&str, &str), cameo: &str, g: f32) -> Event {
    let sentence = format!("{} answered {} on the matter number {i}.", a.0, b.0);
    Event {
        article_id: "x".into(),
        sentence_index: i,
        span: Span {
            start: 0,
            end: sentence.len(),
        },
        sentence,
        date: date.into(),
        date_basis: None,
        published: None,
        source: Actor::new(a.0, a.1),
        target: Some(Actor::new(b.0, b.1)),
        cameo: cameo.into(),
        root: cameo[..2].into(),
        quad_class: tidings_event::quad_class(&cameo[..2]).unwrap_or(0),
        goldstein: g,
        plover: Plover {
            event: "SUPPORT".into(),
            mode: None,
        },
        values_from: None,
        negated: false,
        explain: None,
        action_geo: None,
    }
}

fn meta(id: &str, text: &str) -> ArticleMeta {
    ArticleMeta {
        input_id: id.into(),
        title: None,
        date: None,
        source: Some("wire".into()),
        url: Some(format!("https://example.org/{id}")),
        text: text.into(),
        doc_len: text.len(),
        origin: format!("t.jsonl:{id}"),
    }
}

fn app() -> (tempfile::TempDir, Arc<App>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let chn = ("China", "CHN");
    let prk = ("North Korea", "PRK");
    let usa = ("Washington", "USAGOV");
    let batch = vec![
        (
            meta(
                "a1",
                "China praised North Korea. Pyongyang thanked Beijing warmly today.",
            ),
            vec![
                event(0, "2020-10-10", chn, prk, "051", 3.4),
                event(1, "2020-10-11", prk, chn, "018", 3.4),
            ],
        ),
        (
            meta(
                "a2",
                "North Korea fired missiles. China protested. Washington imposed sanctions.",
            ),
            vec![
                event(0, "2021-03-02", prk, chn, "190", -10.0),
                event(1, "2021-03-03", chn, prk, "111", -2.0),
                event(2, "2021-03-04", usa, prk, "163", -8.0),
            ],
        ),
    ];
    store.ingest_batch(&batch).unwrap();
    drop(store);
    let app = App::open(Config::new(path)).unwrap();
    (dir, app)
}

async fn get(app: &Arc<App>, uri: &str) -> (StatusCode, Value) {
    let res = router(Arc::clone(app))
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into()));
    (status, body)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap()
}

#[test]
fn events_filter_and_page_with_a_cursor() {
    let (_d, app) = app();
    runtime().block_on(async {
        let (s, all) = get(&app, "/api/events").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(all["events"].as_array().unwrap().len(), 5);
        let (_, ab) = get(&app, "/api/events?a=CHN&b=PRK").await;
        assert_eq!(ab["events"].as_array().unwrap().len(), 2);
        let (_, both) = get(&app, "/api/events?a=chn&b=PRK&both=true").await;
        assert_eq!(both["events"].as_array().unwrap().len(), 4);
        // A page filled by the newest-first walk is the start of the whole list.
        let (_, two) = get(&app, "/api/events?a=CHN&b=PRK&both=true&limit=2").await;
        assert_eq!(two["events"][0]["id"], both["events"][0]["id"]);
        assert_eq!(two["events"][1]["id"], both["events"][1]["id"]);
        let (_, after) = get(
            &app,
            &format!(
                "/api/events?a=CHN&b=PRK&both=true&limit=2&cursor={}",
                two["next_cursor"]
            ),
        )
        .await;
        assert_eq!(after["events"][0]["id"], both["events"][2]["id"]);
        let (_, actor) = get(&app, "/api/events?actor=USA").await;
        assert_eq!(actor["events"][0]["actor1_code"], "USAGOV");
        let (_, root) = get(&app, "/api/events?code=19").await;
        assert_eq!(root["events"][0]["event_code"], "190");
        let (_, quad) = get(&app, "/api/events?quad=1&from=2020-10-11&to=2020-12-31").await;
        assert_eq!(quad["events"].as_array().unwrap().len(), 1);
        let (_, plover) = get(&app, "/api/events?plover=assault").await;
        assert!(plover["events"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["event_code"] == "190"));
        let (_, text) = get(&app, "/api/events?text=washington%20ANSWERED").await;
        assert_eq!(text["events"].as_array().unwrap().len(), 1);
        let (s, place) = get(&app, "/api/events?place=idlib").await;
        assert_eq!(
            (s, place["events"].as_array().unwrap().len()),
            (StatusCode::OK, 0)
        );
        // Two pages of two, then the last one.
        let (_, p1) = get(&app, "/api/events?limit=2").await;
        let cursor = p1["next_cursor"].as_i64().unwrap();
        let (_, p2) = get(&app, &format!("/api/events?limit=2&cursor={cursor}")).await;
        let (_, p3) = get(
            &app,
            &format!("/api/events?limit=2&cursor={}", p2["next_cursor"]),
        )
        .await;
        let ids: Vec<i64> = [&p1, &p2, &p3]
            .iter()
            .flat_map(|p| {
                p["events"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|e| e["id"].as_i64().unwrap())
            })
            .collect();
        assert_eq!(ids.len(), 5);
        assert!(ids.windows(2).all(|w| w[0] > w[1]));
        assert!(p3["next_cursor"].is_null());
    });
}

#[test]
fn bad_parameters_are_4xx_with_a_clear_message() {
    let (_d, app) = app();
    let cases = [
        ("/api/events?code=999", "not a CAMEO code"),
        ("/api/events?code=05x", "not a CAMEO code"),
        ("/api/events?plover=HUG", "not a PLOVER event type"),
        ("/api/events?from=2020-13-45", "not a date"),
        ("/api/events?to=yesterday", "write it as YYYY-MM-DD"),
        ("/api/events?from=2021-01-01&to=2020-01-01", "swap them"),
        ("/api/events?limit=1000000", "largest page"),
        ("/api/events?limit=-3", "out of range"),
        ("/api/events?limit=ten", "not a whole number"),
        (
            "/api/events?actor=CHN%27%3B%20DROP%20TABLE%20events%3B--",
            "not an actor code",
        ),
        (
            "/api/events?a=CHN%27%20OR%20%271%27%3D%271&b=PRK",
            "not an actor code",
        ),
        ("/api/events?a=CHN", "needs both"),
        ("/api/events?quad=7", "QuadClass"),
        ("/api/events?cursor=0", "out of range"),
        ("/api/events?both=maybe", "not a flag"),
        ("/api/events?colour=red", "unknown parameter"),
        ("/api/events?limit=1&limit=2", "given twice"),
        ("/api/events/abc", "not a positive whole number"),
        ("/api/events/999999", "no event with id"),
        ("/api/dyad?a=CHN", "needs both"),
        ("/api/dyad?a=CHN&b=PRK&period=fortnight", "not a period"),
        ("/api/dyad?a=CHN&b=PRK&from=10/10/2020", "not a date"),
        ("/api/actors", "give `q`"),
        ("/api/actors?q=china&limit=1000000", "out of range"),
        ("/api/dyads/top?limit=0", "out of range"),
        ("/api/places?code=123456", "not a CAMEO code"),
        ("/api/stats?x=1", "unknown parameter"),
        ("/assets/..%2F..%2Fetc%2Fpasswd", "no asset"),
        ("/assets/../Cargo.toml", "no "),
        ("/api/nothing", "no route"),
    ];
    runtime().block_on(async {
        for (uri, words) in cases {
            let (s, body) = get(&app, uri).await;
            assert!(s.is_client_error(), "{uri}: {s} {body}");
            let msg = body["error"]
                .as_str()
                .unwrap_or_else(|| panic!("{uri}: {body}"));
            assert!(msg.contains(words), "{uri}: {msg}");
        }
        // A body over the limit is refused before it is read.
        let res = router(Arc::clone(&app))
            .oneshot(
                Request::get("/api/stats")
                    .header("content-length", "10000000")
                    .body(Body::from(vec![b'x'; 10_000_000]))
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    });
}

#[test]
fn the_dyad_series_one_event_actors_stats_top_and_places() {
    let (_d, app) = app();
    runtime().block_on(async {
        let (s, series) = get(&app, "/api/dyad?a=CHN&b=PRK&period=month").await;
        assert_eq!(s, StatusCode::OK);
        let points = series["points"].as_array().unwrap();
        assert_eq!(points.len(), 2);
        assert_eq!(points[0]["period"], "2020-10");
        assert_eq!(points[0]["ab"]["by_quad"], serde_json::json!([1, 0, 0, 0]));
        assert_eq!(points[1]["ba"]["goldstein_mean"], -10.0);
        let (_, years) = get(&app, "/api/dyad?a=PRK&b=CHN&period=year&from=2021-01-01").await;
        assert_eq!(years["points"].as_array().unwrap().len(), 1);

        let (_, page) = get(&app, "/api/events?a=CHN&b=PRK&code=051").await;
        let id = page["events"][0]["id"].as_i64().unwrap();
        let (s, one) = get(&app, &format!("/api/events/{id}")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(
            one["mentions"][0]["sentence"],
            "China answered North Korea on the matter number 0."
        );
        assert_eq!(one["source_urls"][0], "https://example.org/a1");
        assert_eq!(one["explain"]["root"], "05");
        assert_eq!(one["explain"]["actor1"]["dictionary"]["name"], "China");

        let (_, actors) = get(&app, "/api/actors?q=north%20korea").await;
        assert!(actors["actors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == "PRK"));
        let (_, codes) = get(&app, "/api/actors?q=usa").await;
        assert_eq!(codes["codes"][0]["code"], "USAGOV");

        let (_, stats) = get(&app, "/api/stats").await;
        assert_eq!(
            (stats["events"].as_i64(), stats["articles"].as_i64()),
            (Some(5), Some(2))
        );
        assert_eq!(stats["first_day"], "2020-10-10");

        let (_, top) = get(&app, "/api/dyads/top?limit=1").await;
        assert_eq!(top["dyads"].as_array().unwrap().len(), 1);
        let (s, places) = get(&app, "/api/places").await;
        assert_eq!(
            (s, places["places"].as_array().unwrap().len()),
            (StatusCode::OK, 0)
        );

        let (s, page) = get(&app, "/").await;
        assert_eq!(s, StatusCode::OK);
        assert!(page.as_str().unwrap().contains("/assets/app.js"));
        let (s, js) = get(&app, "/assets/app.js").await;
        assert!(s.is_success() && js.as_str().unwrap().contains("drawChart"));
    });
}

/// Each route in `ROUTES` answers something other than "no route", and the README documents it.
#[test]
fn the_routes_are_documented_and_exist() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let (_d, app) = app();
    runtime().block_on(async {
        for route in ROUTES {
            assert!(
                readme.contains(&format!("`{route}`")),
                "README does not document `{route}`"
            );
            let path = route
                .trim_start_matches("GET ")
                .replace("{name}", "app.js")
                .replace("{id}", "1");
            let (_, body) = get(&app, &path).await;
            assert!(
                !body["error"].as_str().unwrap_or("").starts_with("no route"),
                "{route}: {body}"
            );
        }
    });
    // And the README lists no route the server lacks.
    for line in readme
        .lines()
        .filter(|l| l.trim_start().starts_with("| `GET /"))
    {
        let route = line.split('`').nth(1).unwrap();
        assert!(
            ROUTES.contains(&route),
            "README documents `{route}`, which tidings serve lacks"
        );
    }
}
