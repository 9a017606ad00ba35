//! Coding a sentence with the event model ([`crate::model`]): tag and parse it, gather the
//! dictionaries' evidence, score every candidate pair of actors, and turn the decisions into
//! events. Also collects the candidates with their features for training.

use crate::actors::{ActorGroup, ActorPhrase};
use crate::model::decide::{analyse, decisions, Decision, SentenceAnalysis};
use crate::model::evidence::EvidenceInput;
use crate::model::{CandidateRecord, SentenceCandidates, Weights};
use crate::record::{self, Decided, SentenceContext};
use crate::{parsing, CodeOptions, Coder};
use serde_json::json;
use tidings_dict::words::Words;
use tidings_dict::ActorId;
use tidings_event::Event;

/// One sentence, ready for the model.
pub struct ModelInput<'a> {
    pub ctx: &'a SentenceContext<'a>,
    pub words: &'a Words,
    pub groups: &'a [ActorGroup],
    pub lead_people: &'a [ActorId],
    pub options: &'a CodeOptions,
}

/// Codes one sentence with the model into `out`.
pub fn code(coder: &Coder, input: &ModelInput, weights: &Weights, out: &mut Vec<Event>) {
    let ctx = input.ctx;
    let words = input.words;
    if !worth_parsing(input.groups) {
        return;
    }
    parsing::with_tagged_parse(words, |tags, parse| {
        let analysis = analyse(&EvidenceInput {
            sentence: ctx.sentence,
            words,
            dicts: coder.dictionaries(),
            groups: input.groups,
            tags,
            parse,
            headline: ctx.headline,
        });
        let decided = decisions(&analysis, weights);
        if decided.is_empty() {
            return;
        }
        let sources: Vec<&ActorPhrase> = decided.iter().map(|d| d.source.phrase).collect();
        let date = coder.event_date(ctx, words, &sources, input.lead_people);
        for d in &decided {
            let explain = input.options.explain.then(|| explain(words, &analysis, d));
            let event = Decided {
                source: d.source.phrase,
                target: d.target.map(|t| t.phrase),
                cameo: &d.code,
                date,
                explain,
            };
            record::push_decided(ctx, words, coder.dictionaries(), event, out);
        }
    });
}

/// Whether the sentence names two different actors, one of them with a country or a name: the
/// model codes no event in other sentences, and tagging and parsing them would cost most of the
/// coder's time.
fn worth_parsing(groups: &[ActorGroup]) -> bool {
    let mentions = crate::model::candidates::mentions(groups);
    mentions.iter().enumerate().any(|(k, a)| {
        mentions[k + 1..].iter().any(|b| {
            a.identity() != b.identity()
                && (record::anchored(a.phrase) || record::anchored(b.phrase))
        })
    })
}

/// Why the model coded an event: its margin over "no event", and the dictionary act behind the
/// code, if any.
fn explain(words: &Words, analysis: &SentenceAnalysis, d: &Decision) -> serde_json::Value {
    let pattern = d.evidence.map(|k| {
        let e = &analysis.evidence[k];
        json!({"verb": words.norm(e.verb), "code": e.code, "vetoed_by": e.veto})
    });
    let standing = d.margin.is_infinite();
    json!({
        "decided_by": if standing { "verb pattern (no rule vetoed it)" } else { "event model" },
        "pattern": d.evidence.map(|k| analysis.evidence[k].pattern.clone()),
        "pattern_origin": d.evidence.map(|k| analysis.evidence[k].origin.clone()),
        "margin": if standing { None } else { Some(d.margin) },
        "dictionary_act": pattern,
        "source_entries": d.source.phrase.origins,
        "source_resolved_from": d.source.phrase.resolved_from,
        "target_entries": d.target.map(|t| t.phrase.origins.clone()),
        "target_resolved_from": d.target.and_then(|t| t.phrase.resolved_from),
    })
}

/// Collects the sentence's candidates with their features into `out`.
pub fn collect(
    coder: &Coder,
    ctx: &SentenceContext,
    words: &Words,
    groups: &[ActorGroup],
    out: &mut Vec<SentenceCandidates>,
) {
    let span = |p: &ActorPhrase| words.get(p.start).start as usize..words.get(p.end - 1).end as usize;
    parsing::with_tagged_parse(words, |tags, parse| {
        let analysis = analyse(&EvidenceInput {
            sentence: ctx.sentence,
            words,
            dicts: coder.dictionaries(),
            groups,
            tags,
            parse,
            headline: ctx.headline,
        });
        let candidates = analysis
            .scored
            .into_iter()
            .map(|s| CandidateRecord {
                source_span: span(s.candidate.source.phrase),
                source_code: s.candidate.source.phrase.code.clone(),
                target_span: s.candidate.target.map(|t| span(t.phrase)),
                target_code: s.candidate.target.map(|t| t.phrase.code.clone()),
                features: s.features,
            })
            .collect();
        out.push(SentenceCandidates {
            sentence: ctx.sentence.to_string(),
            candidates,
        });
    });
}
