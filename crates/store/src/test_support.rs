//! Hand-made articles and events for the tests (the coder is not needed to test the store).

use crate::ArticleMeta;
use tidings_event::{Actor, Event, Plover, Span};

pub fn meta(id: &str, url: Option<&str>, text: &str) -> ArticleMeta {
    ArticleMeta {
        input_id: id.into(),
        title: None,
        date: chrono::NaiveDate::from_ymd_opt(2020, 10, 11),
        source: Some("test wire".into()),
        url: url.map(Into::into),
        text: text.into(),
        doc_len: text.chars().count(),
        origin: format!("test.jsonl:{id}"),
    }
}

pub fn event(
    sentence_index: usize,
    date: &str,
    source: &str,
    target: &str,
    cameo: &str,
    goldstein: f32,
) -> Event {
    let sentence = format!("{source} did {cameo} to {target}.");
    Event {
        article_id: "x".into(),
        sentence_index,
        span: Span {
            start: 10 * sentence_index,
            end: 10 * sentence_index + sentence.len(),
        },
        sentence,
        date: date.into(),
        date_basis: None,
        published: None,
        source: Actor::new(source, source),
        target: if target.is_empty() {
            None
        } else {
            Some(Actor::new(target, target))
        },
        cameo: cameo.into(),
        root: cameo[..2].into(),
        quad_class: tidings_event::quad_class(&cameo[..2]).unwrap_or(0),
        goldstein,
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

/// A paragraph long enough for a MinHash signature, different for each `seed`.
pub fn story(seed: &str) -> String {
    format!(
        "In {seed}, officials met on Saturday to discuss trade, security and the fate of talks that \
         stalled last year. The delegation from {seed} said both sides agreed to keep meeting every month, \
         to widen exchanges between universities and to reopen a border crossing closed since the spring. \
         Analysts in {seed} said the meeting was the most cordial in a decade."
    )
}
