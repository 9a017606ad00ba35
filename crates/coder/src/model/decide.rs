//! Deciding a sentence: score each candidate, keep the roots that beat "no event", and keep one
//! event per (source, target, root) as the coders count them.

use super::candidates::{self, Candidate, Mention};
use super::evidence::{dictionary_evidence, EvidenceInput, NEGATED};
use super::features::{candidate_features, DictEvidence, FeatureSink, SentenceView};
use super::train::decide;
use super::weights::{Weights, CLASSES};

/// A candidate with its features.
pub struct Scored<'g> {
    pub candidate: Candidate<'g>,
    pub features: Vec<u64>,
}

/// The candidates of a sentence with their features, and the dictionaries' evidence.
pub struct SentenceAnalysis<'g> {
    pub scored: Vec<Scored<'g>>,
    pub evidence: Vec<DictEvidence>,
    /// The sentence model's features, the same for every candidate: scored once per sentence.
    pub priors: Vec<u64>,
}

/// Finds the candidates of a sentence (its actor `mentions`, [`candidates::mentions`]) and their
/// features; the sentence model's `priors` ([`super::roots::prior_features`]) count for every
/// candidate and are kept once.
pub fn analyse<'g>(
    input: &EvidenceInput,
    mentions: &[Mention<'g>],
    priors: &[u64],
) -> SentenceAnalysis<'g> {
    let cands = candidates::candidates(mentions);
    let evidence = dictionary_evidence(input);
    let mut covered = vec![None; input.words.len()];
    for (k, m) in mentions.iter().enumerate() {
        for c in &mut covered[m.phrase.start..m.phrase.end] {
            *c = Some(k);
        }
    }
    let lexicon = super::features::lexicon_roots(input.words, input.dicts);
    let view = SentenceView {
        lexicon: &lexicon,
        words: input.words,
        parse: input.parse,
        covered: &covered,
        evidence: &evidence,
        headline: input.headline,
    };
    let scored = cands
        .into_iter()
        .map(|candidate| {
            let mut features = Vec::with_capacity(96);
            candidate_features(&view, &candidate, &mut FeatureSink { out: &mut features });
            Scored {
                candidate,
                features,
            }
        })
        .collect();
    SentenceAnalysis {
        scored,
        evidence,
        priors: priors.to_vec(),
    }
}

/// What coded an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DecidedBy {
    /// The model: the root's score beat "no event" by `margin`.
    Model { margin: f32 },
    /// A verb pattern's act that no precision rule vetoed, kept as the pattern coder kept it.
    Pattern,
}

/// One coded event.
#[derive(Debug, Clone)]
pub struct Decision<'g> {
    pub source: Mention<'g>,
    pub target: Option<Mention<'g>>,
    /// The CAMEO root as a class (1..=20).
    pub class: usize,
    pub by: DecidedBy,
    /// The CAMEO code: a dictionary pattern's code with this root for the pair, else the root's
    /// generic code ("040").
    pub code: String,
    /// The dictionary act behind the code, if any.
    pub evidence: Option<usize>,
    /// The act behind the code is negated ("did not impose sanctions"): no event, unless the
    /// caller keeps negated events.
    pub negated: bool,
}

impl Decision<'_> {
    /// How sure the coder is: the model's margin; a pattern's act above any.
    fn confidence(&self) -> f32 {
        match self.by {
            DecidedBy::Model { margin } => margin,
            DecidedBy::Pattern => f32::INFINITY,
        }
    }
}

/// Scores the candidates and keeps the events.
pub fn decisions<'g>(analysis: &SentenceAnalysis<'g>, weights: &Weights) -> Vec<Decision<'g>> {
    let prior_row = weights.scores(&analysis.priors);
    let mut scores = [0.0f32; CLASSES];
    let mut out: Vec<Decision> = Vec::new();
    for s in &analysis.scored {
        weights.score(&s.features, &mut scores);
        for (score, prior) in scores.iter_mut().zip(prior_row) {
            *score += prior;
        }
        let class = decide(&scores, weights.margin);
        if class == 0 {
            continue;
        }
        let c = &s.candidate;
        let behind = |e: &DictEvidence| {
            e.source == c.source.group
                && e.target == c.target.map(|t| t.group)
                && super::class_of(&e.code) == Some(class as u8)
        };
        // an act said to happen goes before one said not to
        let acts = &analysis.evidence;
        let evidence = (acts
            .iter()
            .position(|e| behind(e) && e.veto != Some(NEGATED)))
        .or_else(|| acts.iter().position(behind));
        let code = match evidence {
            Some(k) => analysis.evidence[k].code.clone(),
            None => format!("{}0", super::root_of(class)),
        };
        out.push(Decision {
            source: c.source,
            target: c.target,
            class,
            by: DecidedBy::Model {
                margin: scores[class] - scores[0],
            },
            code,
            evidence,
            negated: evidence.is_some_and(|k| acts[k].veto == Some(NEGATED)),
        });
    }
    out.extend(standing_pattern_acts(analysis));
    deduplicate(out)
}

/// The acts of verb patterns that no precision rule vetoed: the pattern coder's own events, right
/// on the dev gold about seven times in ten, are kept whatever the model scores them.
fn standing_pattern_acts<'g>(analysis: &SentenceAnalysis<'g>) -> Vec<Decision<'g>> {
    let mut out = Vec::new();
    for (k, e) in analysis.evidence.iter().enumerate() {
        let Some(class) = super::class_of(&e.code).filter(|_| e.veto.is_none()) else {
            continue;
        };
        for s in &analysis.scored {
            let c = &s.candidate;
            if c.source.group == e.source && c.target.map(|t| t.group) == e.target {
                out.push(Decision {
                    source: c.source,
                    target: c.target,
                    class: class as usize,
                    by: DecidedBy::Pattern,
                    code: e.code.clone(),
                    evidence: Some(k),
                    negated: false,
                });
            }
        }
    }
    out
}

/// One event per (source actor, target actor, root), the most confident; an event with no target
/// gives way to one of the same source and root that has one. `key` gives an item's source and
/// target identities and class, `margin` its confidence.
pub fn keep_events<T>(
    mut items: Vec<T>,
    key: impl Fn(&T) -> (String, Option<String>, usize),
    margin: impl Fn(&T) -> f32,
) -> Vec<T> {
    items.sort_by(|a, b| margin(b).total_cmp(&margin(a)));
    let mut kept: Vec<T> = Vec::new();
    let mut keys: Vec<(String, Option<String>, usize)> = Vec::new();
    for item in items {
        let k = key(&item);
        if !keys.contains(&k) {
            keys.push(k);
            kept.push(item);
        }
    }
    let targeted: Vec<(String, usize)> = keys
        .iter()
        .filter(|k| k.1.is_some())
        .map(|k| (k.0.clone(), k.2))
        .collect();
    kept.into_iter()
        .zip(keys)
        .filter(|(_, k)| k.1.is_some() || !targeted.contains(&(k.0.clone(), k.2)))
        .map(|(item, _)| item)
        .collect()
}

fn deduplicate(ds: Vec<Decision>) -> Vec<Decision> {
    let mut kept = keep_events(
        ds,
        |d| {
            // a pattern's own act is one per actor, as the pattern coder counts ("Kim and the
            // Workers' Party": PRKGOV and PRKPTY); the model's are one per country
            if d.by == DecidedBy::Pattern {
                let code = |m: &Mention| m.phrase.code.clone();
                (code(&d.source), d.target.as_ref().map(code), d.class)
            } else {
                (d.source.identity(), d.target.map(|t| t.identity()), d.class)
            }
        },
        Decision::confidence,
    );
    // the model's event of the same two countries and root as a pattern's is the same event
    let identity = |d: &Decision| (d.source.identity(), d.target.map(|t| t.identity()), d.class);
    let by_patterns: Vec<_> = kept
        .iter()
        .filter(|d| d.by == DecidedBy::Pattern)
        .map(identity)
        .collect();
    kept.retain(|d| d.by == DecidedBy::Pattern || !by_patterns.contains(&identity(d)));
    kept.sort_by_key(|d| (d.source.phrase.start, d.target.map(|t| t.phrase.start)));
    kept
}
