//! The coder: turns articles into CAMEO events, each with the sentence that proves it.
//!
//! A [`Coder`] holds [`Dictionaries`]. [`Coder::code`] takes an [`Article`], cleans it
//! (`tidings-article`), splits it into sentences (`tidings-text`), and for each sentence finds the
//! actors ([`actors::find_actors`]: dictionary phrases, agents composed with countries, names and
//! pronouns remembered in an [`memory::ArticleMemory`]) and the acts ([`acts::find_acts`]: verb
//! patterns with source and target, passive, negation, intent). Each act then passes the checks
//! that a careful coder would make: [`assertion`] (is it reported as done: no question, condition or
//! hypothetical), [`intent`] (a wish is no threat), and, on the sentence's dependency parse,
//! [`structure`] (are the source and target the verb's arguments), [`clauses`] (no supposition, no
//! victim as target) and [`compounds`] (no name that only modifies a noun). Every act that stands
//! becomes one [`Event`] per source and target actor, read in the sense the actors allow
//! ([`sense`]: a pattern's `{official}`, `{abroad}`, `{verbal 111}` ... conditions), dated by the
//! sentence's own date expression or the article's story date, and filled in from the CAMEO table
//! (Goldstein, QuadClass, PLOVER), and placed (`action_geo`) by `tidings-geo`: a place its
//! sentence names, else the article's dateline or lead place.
//!
//! With tidings' own dictionaries a trained [`model`] decides instead. The acts and the checks above
//! become its evidence: every ordered pair of actor mentions in a sentence (and every mention with
//! no target) is a candidate, and the model scores it from the words, the dependency parse, the
//! patterns' acts and the rules' vetoes ([`model::features`]). `modelled.rs` runs it on a sentence;
//! [`Coder::candidates`] gives the candidates with their features, for training
//! (`examples/train_events.rs`) and inspection. PETRARCH verb dictionaries keep the pattern coder.
//!
//! The coder does not read files or store anything.
//!
//! ```
//! use tidings_coder::{Coder, CodeOptions};
//! use tidings_dict::Dictionaries;
//! let coder = Coder::new(Dictionaries::builtin());
//! let date = chrono::NaiveDate::from_ymd_opt(2019, 6, 1);
//! let text = "Japanese Prime Minister Shinzo Abe met South Korean President Moon Jae-in on Friday.";
//! let events = coder.code_text(text, date, &CodeOptions::default());
//! assert_eq!(events[0].source.code, "JPNGOV");
//! assert_eq!(events[0].target.as_ref().unwrap().code, "KORGOV");
//! assert_eq!(events[0].root, "04");
//! assert_eq!(events[0].date, "2019-05-31");
//! ```

pub mod actors;
pub mod acts;
pub mod assertion;
pub mod clauses;
pub mod compounds;
pub mod intent;
pub mod memory;
pub mod model;
mod modelled;
mod parsing;
mod record;
pub mod sense;
pub mod structure;
pub mod tagging;
pub mod throughput;

use chrono::NaiveDate;
use memory::ArticleMemory;
use tidings_article::{Article, CleanText};
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;
use tidings_event::Event;

/// Options for one coding run.
#[derive(Debug, Clone, Default)]
pub struct CodeOptions {
    /// Attach the dictionary entries and pattern behind each event.
    pub explain: bool,
    /// Emit negated events (marked `negated: true`) instead of dropping them.
    pub keep_negated: bool,
}

/// What coding one article produced.
#[derive(Debug, Clone)]
pub struct CodedArticle {
    pub clean: CleanText,
    pub sentence_count: usize,
    pub events: Vec<Event>,
}

/// Codes articles with one set of dictionaries. Share it across threads by reference.
pub struct Coder {
    dicts: Dictionaries,
    /// Check each act against a dependency parse of its sentence ([`structure`]); on by default,
    /// off for PETRARCH verb dictionaries.
    syntax_checks: bool,
    /// The trained event model ([`model`]); None codes with the verb patterns and rules alone.
    model: Option<&'static model::EventModel>,
    /// Every word of the names of the people the dictionaries know, lower-cased: a town named
    /// like one ("Obama", Japan) is no place (`tidings-geo`).
    person_words: std::collections::HashSet<String>,
}

/// Where a sentence's results go: events, or (for training) the candidates with their features.
enum Sink<'o> {
    Events(&'o mut Vec<Event>),
    Candidates(&'o mut Vec<model::SentenceCandidates>),
}

impl Sink<'_> {
    fn events_len(&self) -> usize {
        match self {
            Sink::Events(out) => out.len(),
            Sink::Candidates(_) => 0,
        }
    }
}

/// Gives each event of sentence `index` the place where its act took place (GDELT's ActionGeo)
/// and its actors' places (Actor1Geo, Actor2Geo): [`tidings_geo::ArticleGeo::place_event`].
fn place_events(events: &mut [Event], places: &tidings_geo::ArticleGeo, index: usize) {
    for e in events {
        places.place_event(tidings_geo::Gazetteer::builtin(), index, e);
    }
}

/// How many body sentences at the top of an article may set its story date ("... reported on Saturday").
const LEAD_SENTENCES: usize = 3;

impl Coder {
    pub fn new(dicts: Dictionaries) -> Coder {
        // PETRARCH verb files are coded the way PETRARCH codes them, by their own patterns
        let syntax_checks = !dicts.petrarch_verbs;
        // the event model is trained on tidings' own dictionaries' actors and patterns
        let model = (!dicts.petrarch_verbs).then(model::builtin);
        let person_words = dicts
            .actors
            .entries
            .iter()
            .filter(|e| e.kind == tidings_dict::actors::ActorKind::Person)
            .flat_map(|e| std::iter::once(&e.name).chain(&e.names))
            .flat_map(|n| n.split_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| w.chars().count() >= 3)
            .collect();
        Coder {
            dicts,
            syntax_checks,
            model,
            person_words,
        }
    }

    /// Codes with the given event model, or with the verb patterns and rules alone (None).
    pub fn with_model(mut self, model: Option<&'static model::EventModel>) -> Coder {
        self.model = model;
        self
    }

    /// Turns the dependency-parse checks of [`structure`] on or off (on by default). Off, the
    /// coder finds more events, fewer of them right, and runs faster.
    pub fn with_syntax_checks(mut self, on: bool) -> Coder {
        self.syntax_checks = on;
        self
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Codes one article: clean, split, code each sentence in order.
    pub fn code(&self, article: &Article, options: &CodeOptions) -> CodedArticle {
        let mut events = Vec::new();
        let (clean, sentence_count) =
            self.run(article, options, &mut Sink::Events(&mut events), None);
        CodedArticle {
            clean,
            sentence_count,
            events,
        }
    }

    /// Codes one article like [`Coder::code`], but hands each sentence's events to `each` as soon
    /// as the sentence is coded, in order, so that memory does not grow with the article's events
    /// (a huge record of junk yields hundreds of thousands). The returned `events` are empty.
    pub fn code_each(
        &self,
        article: &Article,
        options: &CodeOptions,
        each: &mut dyn FnMut(Vec<Event>),
    ) -> CodedArticle {
        let mut events = Vec::new();
        let (clean, sentence_count) =
            self.run(article, options, &mut Sink::Events(&mut events), Some(each));
        CodedArticle {
            clean,
            sentence_count,
            events,
        }
    }

    /// The candidate events of each sentence of an article that names an actor, with the
    /// features the event model reads: what training and inspection need.
    pub fn candidates(&self, article: &Article) -> Vec<model::SentenceCandidates> {
        let mut out = Vec::new();
        self.run(
            article,
            &CodeOptions::default(),
            &mut Sink::Candidates(&mut out),
            None,
        );
        out
    }

    /// Cleans, splits and codes each sentence in order into `sink`; with `each`, the events of each
    /// sentence are taken out of the sink and handed to it.
    fn run(
        &self,
        article: &Article,
        options: &CodeOptions,
        sink: &mut Sink,
        mut each: Option<&mut dyn FnMut(Vec<Event>)>,
    ) -> (CleanText, usize) {
        let clean = tidings_article::clean(article);
        let sentences = tidings_text::split_sentences(&clean.text);
        let text = &clean.text;
        if self.story_discarded(text) {
            return (clean, sentences.len());
        }
        let story_date = story_date(text, &sentences, clean.headline_end, article.date);
        let places = match sink {
            Sink::Events(_) => Some(self.places(text, &sentences, clean.headline_end)),
            Sink::Candidates(_) => None,
        };
        let mut memory = ArticleMemory::default();
        let mut words = Words::default();
        let mut body_index = 0;
        let mut lead_people = Vec::new();
        for (index, range) in sentences.iter().enumerate() {
            let before = sink.events_len();
            let sentence = &text[range.clone()];
            let headline = clean.headline_end.is_some_and(|h| range.end <= h);
            // the lead's date applies to the headline and the lead; later sentences report other,
            // often older, acts and keep the publication date
            let in_lead = headline || body_index < LEAD_SENTENCES;
            body_index += usize::from(!headline);
            let ctx = record::SentenceContext {
                article_id: &article.id,
                headline,
                index,
                sentence,
                offset: range.start,
                default_date: if in_lead { story_date } else { article.date },
                article_date: article.date,
                in_lead,
                story_date,
            };
            self.code_sentence(
                &ctx,
                &mut words,
                &mut memory,
                &mut lead_people,
                options,
                sink,
            );
            if let (Some(places), Sink::Events(out)) = (&places, &mut *sink) {
                place_events(&mut out[before..], places, index);
            }
            if let (Some(each), Sink::Events(out)) = (each.as_mut(), &mut *sink) {
                if !out.is_empty() {
                    each(std::mem::take(*out));
                }
            }
        }
        (clean, sentences.len())
    }

    /// Codes a piece of text with no article around it (one or more sentences), dated `date`.
    pub fn code_text(
        &self,
        text: &str,
        date: Option<NaiveDate>,
        options: &CodeOptions,
    ) -> Vec<Event> {
        let sentences = tidings_text::split_sentences(text);
        let mut memory = ArticleMemory::default();
        let mut words = Words::default();
        let mut events = Vec::new();
        let places = self.places(text, &sentences, None);
        for (index, range) in sentences.iter().enumerate() {
            let before = events.len();
            let ctx = record::SentenceContext {
                article_id: "text",
                headline: false,
                in_lead: true,
                story_date: date,
                index,
                sentence: &text[range.clone()],
                offset: range.start,
                default_date: date,
                article_date: date,
            };
            self.code_sentence(
                &ctx,
                &mut words,
                &mut memory,
                &mut Vec::new(),
                options,
                &mut Sink::Events(&mut events),
            );
            place_events(&mut events[before..], &places, index);
        }
        events
    }

    /// The places of an article (`tidings-geo`): each sentence's, and the dateline's or lead's,
    /// the lead being the headline and the first [`LEAD_SENTENCES`] body sentences.
    fn places(
        &self,
        text: &str,
        sentences: &[std::ops::Range<usize>],
        headline_end: Option<usize>,
    ) -> tidings_geo::ArticleGeo {
        let headlines = sentences
            .iter()
            .take_while(|r| headline_end.is_some_and(|h| r.end <= h))
            .count();
        tidings_geo::Gazetteer::builtin().article_except(
            text,
            sentences,
            headlines + LEAD_SENTENCES,
            &|name| self.person_words.contains(name),
        )
    }

    /// The date of a sentence's events: its own date expression, else the story or article date.
    /// A later sentence whose subject refers back to a person of the lead ("he", "Kim", "the
    /// Chinese president") continues the lead's story and takes its date.
    pub(crate) fn event_date(
        &self,
        ctx: &record::SentenceContext,
        words: &Words,
        sources: &[&actors::ActorPhrase],
        lead_people: &[tidings_dict::ActorId],
    ) -> (Option<NaiveDate>, &'static str) {
        let date = ctx.event_date();
        if date.1 == "article" && !ctx.in_lead && ctx.story_date != ctx.article_date {
            let refers_back = sources.iter().any(|m| {
                let Some(p) = m.person.filter(|p| lead_people.contains(p)) else {
                    return false;
                };
                let text = &ctx.sentence
                    [words.get(m.start).start as usize..words.get(m.end - 1).end as usize];
                !text.contains(self.dicts.actors.entry(p).name.as_str())
            });
            if refers_back {
                return (ctx.story_date, "story");
            }
        }
        date
    }

    fn story_discarded(&self, text: &str) -> bool {
        if self.dicts.story_discards.is_empty() {
            return false;
        }
        let words = Words::new(text);
        (0..words.len()).any(|i| self.dicts.story_discards.longest_at(&words, i).is_some())
    }

    /// Codes one sentence. `lead_people` collects the people named in the lead, so that a later
    /// sentence that refers back to one of them ("The Chinese president extended ...") is dated
    /// like the lead.
    fn code_sentence(
        &self,
        ctx: &record::SentenceContext,
        words: &mut Words,
        memory: &mut ArticleMemory,
        lead_people: &mut Vec<tidings_dict::ActorId>,
        options: &CodeOptions,
        sink: &mut Sink,
    ) {
        words.fill(ctx.sentence);
        if words.is_empty() {
            return;
        }
        // actors are resolved on the story date; the sentence's own date is looked up only when
        // there is an event to date
        let groups = actors::find_actors(
            words,
            &self.dicts,
            ctx.default_date.or(ctx.article_date),
            memory,
        );
        if groups.is_empty() {
            return;
        }
        if ctx.in_lead {
            lead_people.extend(
                groups
                    .iter()
                    .flat_map(|g| g.members.iter().filter_map(|m| m.person)),
            );
        }
        if !self.dicts.discards.is_empty()
            && (0..words.len()).any(|i| self.dicts.discards.longest_at(words, i).is_some())
        {
            return;
        }
        let out = match sink {
            Sink::Candidates(c) => return modelled::collect(self, ctx, words, &groups, c),
            Sink::Events(out) => out,
        };
        if let Some(model) = self.model {
            let input = modelled::ModelInput {
                ctx,
                words,
                groups: &groups,
                lead_people,
                options,
            };
            return modelled::code(self, &input, model, out);
        }
        let mut acts = acts::find_acts(words, &self.dicts, &groups);
        if acts.is_empty() {
            return;
        }
        acts.retain(|a| {
            (!a.negated || options.keep_negated)
                && record::yields_events(&groups, a)
                && assertion::rejection(words, &self.dicts, &groups, a).is_none()
                && (self.dicts.petrarch_verbs || intent::intent_rejection(words, a).is_none())
        });
        if acts.is_empty() {
            return;
        }
        // part-of-speech tags of the words the tag rules read, tagged once, when some act needs them
        let needy: Vec<bool> = acts
            .iter()
            .map(|a| assertion::needs_tags(words, &self.dicts, &groups, a))
            .collect();
        if needy.iter().any(|n| *n) {
            let (first, last) = acts
                .iter()
                .zip(&needy)
                .filter(|(_, n)| **n)
                .map(|(a, _)| assertion::checked_span(&groups, a))
                .fold((usize::MAX, 0), |(f, l), (a, b)| (f.min(a), l.max(b)));
            let mut tags = Vec::new();
            tagging::tag_span(words, first, last, &mut tags);
            let mut k = 0;
            acts.retain(|a| {
                let keep = !needy[k]
                    || assertion::rejection_by_tags(words, &groups, a, &tags, ctx.headline)
                        .is_none();
                k += 1;
                keep
            });
        }
        if acts.is_empty() {
            return;
        }
        // the dependency parse of the sentence: is the source the verb's subject, the target its object?
        if self.syntax_checks {
            parsing::with_parse(words, |parse| {
                acts.retain(|a| {
                    structure::structural_rejection(ctx.sentence, words, parse, &groups, a)
                        .is_none()
                        && clauses::clause_rejection(words, parse, &groups, a).is_none()
                        && compounds::compound_rejection(words, &self.dicts, parse, &groups, a)
                            .is_none()
                })
            });
            if acts.is_empty() {
                return;
            }
        }
        let sources: Vec<&actors::ActorPhrase> = acts
            .iter()
            .flat_map(|a| groups[a.source].members.iter())
            .collect();
        let date = self.event_date(ctx, words, &sources, lead_people);
        let first = out.len();
        for act in &acts {
            if act.negated && !options.keep_negated {
                continue;
            }
            record::push_events(ctx, words, &self.dicts, &groups, act, date, options, out);
        }
        // one event per (source, target, code, negated) in a sentence: "defend, consolidate and
        // develop ties" is one act of intent, not three
        let mut seen: Vec<(String, Option<String>, String, bool)> = Vec::new();
        let mut k = first;
        while k < out.len() {
            let e = &out[k];
            let key = (
                e.source.code.clone(),
                e.target.as_ref().map(|t| t.code.clone()),
                e.cameo.clone(),
                e.negated,
            );
            if seen.contains(&key) {
                out.remove(k);
            } else {
                seen.push(key);
                k += 1;
            }
        }
    }
}

/// The date the lead's events happened: the first date expression in the lead sentences that is not
/// in the future ("North Korea state media reported on Saturday"), else the article date. It dates the
/// headline and the lead sentences that name no date of their own.
fn story_date(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    headline_end: Option<usize>,
    article_date: Option<NaiveDate>,
) -> Option<NaiveDate> {
    let article_date = article_date?;
    let body = sentences
        .iter()
        .filter(|r| headline_end.is_none_or(|h| r.start >= h));
    for r in body.take(LEAD_SENTENCES) {
        for m in tidings_text::find_dates(&text[r.clone()], article_date) {
            if m.date <= article_date && (article_date - m.date).num_days() <= 31 {
                return Some(m.date);
            }
        }
    }
    Some(article_date)
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_petrarch;
