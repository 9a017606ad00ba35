//! Building [`Event`] records from acts: one per source and target actor, with the CAMEO table's
//! Goldstein value, QuadClass and PLOVER type, the event date, and (on request) the explanation.

use crate::actors::{ActorGroup, ActorPhrase};
use crate::acts::Act;
use crate::sense::{self, PairReading};
use crate::CodeOptions;
use chrono::NaiveDate;
use serde_json::json;
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;
use tidings_event::{split_actor_code, Actor, Event, Plover, Span};

/// The code an act's events carry, the CAMEO table entry whose QuadClass, Goldstein value and PLOVER
/// type they take, and that entry's code when it is not the act's own.
///
/// A dictionary may use codes the CAMEO table lacks: finer ones ("1951") take the values of their
/// nearest ancestor by prefix ("195"); local ones without a CAMEO ancestor (PETRARCH's validation
/// set codes arrests `212`) take the values of the verb's own entry, its least specific pattern
/// ("ADOPT [057]" for "adopt a revolution [802]"), else those of `010`, CAMEO's unspecified statement. The event keeps its own
/// code and names the entry it borrowed from (`Event::values_from`). Codes that are not two to four
/// digits are not coded.
fn event_values<'d>(
    dicts: &'d Dictionaries,
    act: &Act,
    own: &str,
) -> Option<(String, &'d tidings_cameo::EventCode, Option<String>)> {
    if !(2..=4).contains(&own.len()) || !own.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let values = dicts.cameo.get(own).or_else(|| {
        dicts
            .verbs
            .patterns
            .iter()
            .filter(|p| p.lemma == act.pattern.lemma)
            .min_by_key(|p| p.specificity())
            .and_then(|p| dicts.cameo.get(&p.code))
            .or_else(|| dicts.cameo.get("010"))
    })?;
    let borrowed = (values.code != own).then(|| values.code.clone());
    Some((own.to_string(), values, borrowed))
}

/// Where a sentence sits and which dates apply to it.
pub struct SentenceContext<'a> {
    pub article_id: &'a str,
    /// The sentence is the article's headline.
    pub headline: bool,
    pub index: usize,
    pub sentence: &'a str,
    /// Byte offset of the sentence in the cleaned article text.
    pub offset: usize,
    /// The story date (or article date) used when the sentence names no date.
    pub default_date: Option<NaiveDate>,
    pub article_date: Option<NaiveDate>,
    /// The sentence is the headline or one of the lead sentences.
    pub in_lead: bool,
    /// The date the lead gives (see `story_date` in lib.rs), or the article date.
    pub story_date: Option<NaiveDate>,
}

impl SentenceContext<'_> {
    /// The sentence's byte span in the cleaned article text.
    pub fn span(&self) -> Span {
        Span {
            start: self.offset,
            end: self.offset + self.sentence.len(),
        }
    }

    /// The sentence's own past date expression ("on Saturday", "Oct. 9"), else the default date.
    pub fn event_date(&self) -> (Option<NaiveDate>, &'static str) {
        if let Some(article_date) = self.article_date {
            let future = has_future_marker(self.sentence);
            for m in tidings_text::find_dates(self.sentence, article_date) {
                // "will meet on Friday": a bare weekday in a sentence about the future is the next one
                let date = if future
                    && m.kind == tidings_text::DateKind::Relative
                    && m.date < article_date
                    && (article_date - m.date).num_days() < 7
                {
                    m.date + chrono::Days::new(7)
                } else {
                    m.date
                };
                if date > article_date && future {
                    return (Some(date), "sentence");
                }
                if date <= article_date && (article_date - date).num_days() <= 366 {
                    return (Some(date), "sentence");
                }
            }
            // a month or year the sentence names: the first day of that period
            if let Some(p) = tidings_text::find_periods(self.sentence, article_date).first() {
                return (Some(p.start), period_basis(p.precision));
            }
        } else {
            // no publication date: only dates that carry their own year ("in August 2016")
            let anchor = chrono::Utc::now().date_naive();
            if let Some(m) = tidings_text::find_dates(self.sentence, anchor)
                .into_iter()
                .find(|m| has_year(&self.sentence[m.span.clone()]))
            {
                return (Some(m.date), "sentence");
            }
            if let Some(p) = tidings_text::find_periods(self.sentence, anchor)
                .into_iter()
                .find(|p| has_year(&self.sentence[p.span.clone()]))
            {
                return (Some(p.start), period_basis(p.precision));
            }
        }
        match self.default_date {
            Some(d) if Some(d) != self.article_date => (Some(d), "story"),
            Some(d) => (Some(d), "article"),
            None => (None, "undated"),
        }
    }
}

fn period_basis(p: tidings_text::Precision) -> &'static str {
    match p {
        tidings_text::Precision::Month => "sentence-month",
        tidings_text::Precision::Year => "sentence-year",
    }
}

/// Four digits in a row: the expression names its year.
fn has_year(s: &str) -> bool {
    s.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// The sentence speaks of the future ("will", "is scheduled to", "next").
fn has_future_marker(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    [
        " will ",
        "'ll ",
        " scheduled to ",
        " is set to ",
        " are set to ",
        " is due to ",
        " plans to ",
        " planned for ",
    ]
    .iter()
    .any(|m| lower.contains(m))
}

fn actor_record(words: &Words, sentence: &str, p: &ActorPhrase) -> Actor {
    let start = words.get(p.start).start as usize;
    let end = words.get(p.end - 1).end as usize;
    let (country, role) = split_actor_code(&p.code);
    Actor {
        text: sentence[start..end].to_string(),
        code: p.code.clone(),
        country,
        role,
        name: p.name.clone(),
        geo: None,
    }
}

/// An actor tied to a country or a named entity, not only a role noun.
pub fn anchored(p: &ActorPhrase) -> bool {
    p.name.is_some() || p.code.len() >= 6 || split_actor_code(&p.code).0.is_some()
}

/// Whether the act would give at least one event: some source or target is anchored to a country or
/// a named entity, and not every pair is an actor acting on itself.
pub fn yields_events(groups: &[ActorGroup], act: &Act) -> bool {
    let sources = &groups[act.source].members;
    let targets: Vec<Option<&ActorPhrase>> = match act.target {
        Some(t) => groups[t].members.iter().map(Some).collect(),
        None => vec![None],
    };
    sources.iter().any(|s| {
        targets
            .iter()
            .any(|t| t.is_none_or(|t| t.code != s.code) && (anchored(s) || t.is_some_and(anchored)))
    })
}

/// Adds the events of one act: the cross product of its source and target groups' members.
#[allow(clippy::too_many_arguments)]
pub fn push_events(
    ctx: &SentenceContext,
    words: &Words,
    dicts: &Dictionaries,
    groups: &[ActorGroup],
    act: &Act,
    date: (Option<NaiveDate>, &str),
    options: &CodeOptions,
    out: &mut Vec<Event>,
) {
    let Some(as_coded) = event_values(dicts, act, &act.code) else {
        return;
    };
    let sources = &groups[act.source].members;
    let targets: Vec<Option<&ActorPhrase>> = match act.target {
        Some(t) => groups[t].members.iter().map(Some).collect(),
        None => vec![None],
    };
    for s in sources {
        for t in &targets {
            if let Some(t) = t {
                if t.code == s.code {
                    continue;
                }
            }
            // a bare role on both sides ("the military" -> "the president") says nothing about who
            if !anchored(s) && t.is_none_or(|t| !anchored(t)) {
                continue;
            }
            // the sense the actors allow: "Americans travelled to Syria" is no visit
            let recodable = act.code == act.pattern.code;
            let reading = sense::read_pair(act.pattern, s, *t, recodable, (words, act.verb));
            let (cameo, code, values_from) = match reading {
                PairReading::AsCoded => as_coded.clone(),
                PairReading::Recoded(other) => match event_values(dicts, act, other) {
                    Some(values) => values,
                    None => continue,
                },
                PairReading::Dropped(_) => continue,
            };
            let explain = options.explain.then(|| {
                json!({
                    "pattern": act.pattern.text,
                    "pattern_code": act.pattern.code,
                    "pattern_origin": act.pattern.origin,
                    "pattern_conditions": act
                        .pattern
                        .conditions
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>(),
                    "recoded_by_condition": matches!(reading, PairReading::Recoded(_)),
                    "verb": words.norm(act.verb),
                    "passive": act.passive,
                    "intent": act.intent,
                    "source_entries": s.origins,
                    "source_resolved_from": s.resolved_from,
                    "target_entries": t.map(|t| t.origins.clone()),
                    "target_resolved_from": t.and_then(|t| t.resolved_from),
                })
            });
            let decided = Decided {
                source: s,
                target: *t,
                cameo: &cameo,
                date,
                explain,
                negated: act.negated,
            };
            out.push(event_record(ctx, words, decided, code, values_from));
        }
    }
}

/// One coded event: `source` did `cameo` to `target`, on `date` (with its basis).
pub struct Decided<'a> {
    pub source: &'a ActorPhrase,
    pub target: Option<&'a ActorPhrase>,
    pub cameo: &'a str,
    pub date: (Option<NaiveDate>, &'a str),
    pub explain: Option<serde_json::Value>,
    pub negated: bool,
}

/// The event record of `d`, with the CAMEO table's `values` for its code (taken from the entry
/// `values_from` when that is not the code's own). An undated event has an empty date (never the
/// day it is coded).
fn event_record(
    ctx: &SentenceContext,
    words: &Words,
    d: Decided,
    values: &tidings_cameo::EventCode,
    values_from: Option<String>,
) -> Event {
    Event {
        article_id: ctx.article_id.to_string(),
        sentence_index: ctx.index,
        sentence: ctx.sentence.to_string(),
        span: ctx.span(),
        date: d
            .date
            .0
            .map(|date| date.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        date_basis: Some(d.date.1.to_string()),
        published: None,
        source: actor_record(words, ctx.sentence, d.source),
        target: d.target.map(|t| actor_record(words, ctx.sentence, t)),
        root: d.cameo[..2].to_string(),
        cameo: d.cameo.to_string(),
        quad_class: values.quad_class,
        goldstein: values.goldstein,
        plover: Plover {
            event: values.plover_event.clone(),
            mode: values.plover_mode.clone(),
        },
        values_from,
        negated: d.negated,
        explain: d.explain,
        action_geo: None,
    }
}

/// Adds the event of one model decision, with the CAMEO table's values for its code (or, for a
/// code the table lacks, for its root's generic code).
pub fn push_decided(
    ctx: &SentenceContext,
    words: &Words,
    dicts: &Dictionaries,
    d: Decided,
    out: &mut Vec<Event>,
) {
    let generic = format!("{}0", &d.cameo[..2]);
    let (cameo, values) = match dicts.cameo.get(d.cameo) {
        Some(v) => (d.cameo.to_string(), v),
        None => match dicts.cameo.get(&generic) {
            Some(v) => (generic.clone(), v),
            None => return,
        },
    };
    out.push(event_record(
        ctx,
        words,
        Decided { cameo: &cameo, ..d },
        values,
        None,
    ));
}
