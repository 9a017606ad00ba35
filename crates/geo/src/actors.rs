//! An event's actors' places (GDELT's Actor1Geo, Actor2Geo) and why each place was chosen.

use tidings_event::{Actor, Event, Geo, Span};

use crate::gazetteer::{Gazetteer, Kind};
use crate::{Act, ActKind, ArticleGeo, Resolved};

/// Words that tie a place to the actor words right before it ("rebels in Idlib", "the mayor of
/// Aleppo", "protesters from Homs", "a group based in Raqqa").
const TIES: &[&str] = &["in", "of", "from", "at", "based", "near", "inside"];

impl ArticleGeo {
    /// Places an event of sentence `index`: its ActionGeo ([`ArticleGeo::event_geo`]) and each
    /// actor's place ([`ArticleGeo::actor_geo`]); with `--explain` (the event has an `explain`
    /// object), a `place` entry saying why each was chosen.
    pub fn place_event(&self, gaz: &Gazetteer, index: usize, e: &mut Event) {
        let act = Act {
            kind: match e.quad_class {
                1 | 3 => ActKind::Said,
                _ => ActKind::Done,
            },
            source_country: e.source.country.as_deref(),
            target_country: e.target.as_ref().and_then(|t| t.country.as_deref()),
            source_text: &e.source.text,
            sentence: e.span,
            sentence_text: &e.sentence,
        };
        let action = self.event_geo(gaz, index, &act);
        let source = self.actor_geo(gaz, index, e, &e.source);
        let target = e
            .target
            .as_ref()
            .and_then(|t| self.actor_geo(gaz, index, e, t));
        if let Some(serde_json::Value::Object(explain)) = e.explain.as_mut() {
            let why = |g: &Option<Geo>| g.as_ref().map_or("no place".to_string(), |g| why(g));
            explain.insert(
                "place".into(),
                serde_json::json!({
                    "action": why(&action),
                    "actor1": why(&source),
                    "actor2": why(&target),
                }),
            );
        }
        e.action_geo = action;
        e.source.geo = source;
        if let Some(t) = e.target.as_mut() {
            t.geo = target;
        }
    }

    /// Where an actor of an event of sentence `index` is: a place named inside its words
    /// ("Kabul police") or right after them and tied by "in", "of", "from", "based"
    /// ("rebels in Idlib", "the governor of Aleppo"), the most precise first (`geo_basis`
    /// `actor`); else its country's centre (`country`); else none.
    pub fn actor_geo(&self, gaz: &Gazetteer, index: usize, e: &Event, a: &Actor) -> Option<Geo> {
        let words = e.sentence.find(&a.text).filter(|_| !a.text.is_empty());
        if let Some(start) = words {
            let (start, end) = (e.span.start + start, e.span.start + start + a.text.len());
            let named = self
                .sentences
                .get(index)
                .into_iter()
                .flatten()
                .filter(|r| {
                    let inside = r.span.start >= start && r.span.end <= end;
                    inside || (r.span.start >= end && tied(&e.sentence, e.span.start, end, r))
                })
                .max_by_key(|r| (precision(gaz, r), std::cmp::Reverse(r.span.start)));
            if let Some(r) = named {
                let text = self.text_of(r);
                let span = Span {
                    start: r.span.start,
                    end: r.span.end,
                };
                return Some(gaz.geo(r.place, span, text, "actor"));
            }
        }
        let place = gaz.country_place(a.country.as_deref()?)?;
        let span = words.map_or(e.span, |s| Span {
            start: e.span.start + s,
            end: e.span.start + s + a.text.len(),
        });
        Some(gaz.geo(place, span, &a.text, "country"))
    }
}

fn precision(gaz: &Gazetteer, r: &Resolved) -> u8 {
    match gaz.place(r.place).kind {
        Kind::City => 2,
        Kind::Division => 1,
        Kind::Country => 0,
    }
}

/// Whether the words between the actor's end (article offset `end`) and the place are at most
/// three and begin with a tie ("in", "of", "based in").
fn tied(sentence: &str, base: usize, end: usize, r: &Resolved) -> bool {
    let Some(between) = sentence.get(end - base..r.span.start - base) else {
        return false;
    };
    let words: Vec<&str> = between.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && !between.contains([',', ';', '(', '"', '“'])
        && TIES.contains(&words[0].to_lowercase().as_str())
}

/// Why a place was chosen, in a sentence, from its basis.
pub fn why(g: &Geo) -> String {
    let place = &g.full_name;
    let named = &g.text;
    match g.geo_basis.as_str() {
        "sentence" => format!("{place}: the sentence names \"{named}\""),
        "meeting" => format!(
            "{place}: the sentence names a gathering the article places in \"{named}\""
        ),
        "dateline" => format!("{place}: the sentence names no place; the article's dateline \"{named}\""),
        "lead" => format!("{place}: the sentence names no place; the first place of the article's lead, \"{named}\""),
        "source" => format!(
            "{place}: a verbal act whose sentence names no place of its speaker's announced by a word (\"in\", \"at\", ...): where the speaker (\"{named}\") is"
        ),
        "target" => format!(
            "{place}: a material act whose sentence names only its source's country: the target's"
        ),
        "actor" => format!("{place}: named in or right after the actor's words (\"{named}\")"),
        "country" => format!("{place}: the actor's country (\"{named}\" names no place)"),
        other => format!("{place}: {other}"),
    }
}
