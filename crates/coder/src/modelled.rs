//! Coding a sentence with the event model ([`crate::model`]): tag and parse it (only when it names
//! two actors that could make an event), gather the
//! dictionaries' evidence, score every candidate pair of actors, and turn the decisions into
//! events. Also collects the candidates with their features for training.

use crate::actors::{ActorGroup, ActorPhrase};
use crate::model::candidates::{self, Mention};
use crate::model::decide::{analyse, decisions, DecidedBy, Decision, SentenceAnalysis};
use crate::model::evidence::EvidenceInput;
use crate::model::{roots, CandidateRecord, EventModel, SentenceCandidates};
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
pub fn code(coder: &Coder, input: &ModelInput, model: &EventModel, out: &mut Vec<Event>) {
    let (ctx, words) = (input.ctx, input.words);
    let described = described(coder, ctx, words, input.groups);
    let mentions = candidates::mentions(input.groups, &described);
    // tagging and parsing would cost most of the coder's time: only where the model may code
    if !candidates::has_pair(&mentions) {
        return;
    }
    // nor where the sentence model finds no event likely and no verb pattern matches
    let read = roots::SentenceRoots::read(&model.roots, &roots::sentence_features(words));
    let dicts = coder.dictionaries();
    if read.hopeless() && crate::acts::find_acts(words, dicts, input.groups).is_empty() {
        return;
    }
    let priors = read.features();
    with_analysis(
        coder,
        ctx,
        words,
        input.groups,
        &mentions,
        &priors,
        |analysis| {
            let decided = decisions(&analysis, &model.events);
            if decided.is_empty() {
                return;
            }
            let sources: Vec<&ActorPhrase> = decided.iter().map(|d| d.source.phrase).collect();
            let date = coder.event_date(ctx, words, &sources, input.lead_people);
            for d in decided
                .iter()
                .filter(|d| !d.negated || input.options.keep_negated)
            {
                let explain = input.options.explain.then(|| explain(words, &analysis, d));
                let event = Decided {
                    source: d.source.phrase,
                    target: d.target.map(|t| t.phrase),
                    cameo: &d.code,
                    date,
                    explain,
                    negated: d.negated,
                };
                record::push_decided(ctx, words, coder.dictionaries(), event, out);
            }
        },
    );
}

/// The countries the sentence names only by an adjective that describes a thing.
fn described(
    coder: &Coder,
    ctx: &SentenceContext,
    words: &Words,
    groups: &[ActorGroup],
) -> Vec<ActorPhrase> {
    let date = ctx.default_date.or(ctx.article_date);
    crate::actors::described_countries(words, coder.dictionaries(), date, groups)
}

/// Tags and parses the sentence and hands its candidates, features and evidence to `f`.
fn with_analysis<'g, R>(
    coder: &Coder,
    ctx: &SentenceContext,
    words: &Words,
    groups: &'g [ActorGroup],
    mentions: &[Mention<'g>],
    priors: &[u64],
    f: impl FnOnce(SentenceAnalysis<'g>) -> R,
) -> R {
    parsing::with_tagged_parse(words, |tags, parse| {
        let input = EvidenceInput {
            sentence: ctx.sentence,
            words,
            dicts: coder.dictionaries(),
            groups,
            tags,
            parse,
            headline: ctx.headline,
        };
        f(analyse(&input, mentions, priors))
    })
}

/// Why the model coded an event: its margin over "no event", and the dictionary act behind the
/// code, if any.
fn explain(words: &Words, analysis: &SentenceAnalysis, d: &Decision) -> serde_json::Value {
    let pattern = d.evidence.map(|k| {
        let e = &analysis.evidence[k];
        json!({"verb": words.norm(e.verb), "code": e.code, "vetoed_by": e.veto})
    });
    let (decided_by, margin) = match d.by {
        DecidedBy::Model { margin } => ("event model", Some(margin)),
        DecidedBy::Pattern => ("verb pattern (no rule vetoed it)", None),
    };
    json!({
        "decided_by": decided_by,
        "pattern": d.evidence.map(|k| analysis.evidence[k].pattern.clone()),
        "pattern_origin": d.evidence.map(|k| analysis.evidence[k].origin.clone()),
        "margin": margin,
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
    let span =
        |p: &ActorPhrase| words.get(p.start).start as usize..words.get(p.end - 1).end as usize;
    let described = described(coder, ctx, words, groups);
    let mentions = candidates::mentions(groups, &described);
    with_analysis(coder, ctx, words, groups, &mentions, &[], |analysis| {
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
            sentence_features: roots::sentence_features(words),
            has_acts: !analysis.evidence.is_empty(),
            candidates,
        });
    });
}

#[cfg(test)]
mod tests {
    use crate::{CodeOptions, Coder};
    use tidings_dict::Dictionaries;

    #[test]
    fn an_act_the_sentence_negates_is_no_event_unless_negated_events_are_kept() {
        let coder = Coder::new(Dictionaries::builtin());
        let text = "The European Union did not impose new sanctions on Iran.";
        let date = chrono::NaiveDate::from_ymd_opt(2024, 3, 14);
        let events = coder.code_text(text, date, &CodeOptions::default());
        assert!(events.is_empty(), "{events:?}");
        let kept = CodeOptions {
            keep_negated: true,
            ..CodeOptions::default()
        };
        let events = coder.code_text(text, date, &kept);
        assert!(events.iter().all(|e| e.negated), "{events:?}");
    }
}
