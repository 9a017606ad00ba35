//! Places: where an event took place, as GDELT's geography fields give it.
//!
//! - [`Gazetteer`]: the places tidings knows, compiled in from `data/places.tsv`, which
//!   `scripts/build-gazetteer.py` derives from GeoNames (CC BY 4.0; the file carries the
//!   attribution): 252 countries (ISO2, ISO3, FIPS 10-4, capital, population centre), the US
//!   states (the only first-level divisions the extract names) and the 34,006 places of 15,000
//!   people or more, with spelling variants ("Kiev", "Idleb") and the coder's own country names
//!   ("Britain", "U.S."). [`Gazetteer::parse`] reads another table; a bad line is an error naming
//!   the file and the line.
//! - [`Gazetteer::find_mentions`]: the place names in a sentence with their byte spans ("in Idlib",
//!   "near the border town of Azaz", "Kabul's"). Names are matched longest first and only when
//!   capitalised; a city needs a word that announces a place ("in", "near", "the town of"), a
//!   possessive, a dateline position, or to be a capital; a name inside a longer name ("Barack
//!   Obama") or a street's, building's or institution's name ("Syria Street") is no place.
//! - [`Gazetteer::article`]: every sentence's mentions, each disambiguated (see [`Gazetteer::resolve`]):
//!   the countries that the sentence and the article name unambiguously come first ("Georgia"
//!   with Tbilisi is the country, with Atlanta the US state), then the kind of place (a country
//!   before a US state before a city, so "Kuwait" is the country and "Kuwait City" the city; a
//!   national capital before a state, so "Washington" is the capital), then population.
//!   [`ArticleGeo::action_geo`] gives a sentence's place: its best mention (one announced by a
//!   preposition before a bare one, then the most precise), else the article's dateline or first
//!   place in its lead, else none, as a [`tidings_event::Geo`] with GDELT's Geo_Type, FullName,
//!   FIPS country code, ADM1 code, coordinates and GeoNames id, the span and a `geo_basis`.
//!
//! Not here yet: first-level divisions outside the US (the extract has no names for them, so
//! "Idlib" is the city, Geo_Type 4, never the province), places under 15,000 people ("Azaz"),
//! demonyms ("Syrian"), and the actors' own places (Actor1Geo, Actor2Geo).
//!
//! ```
//! use tidings_geo::Gazetteer;
//! let gaz = Gazetteer::builtin();
//! let text = "Turkish troops shelled positions near Aleppo on Sunday.";
//! let geo = gaz.article(text, &[0..text.len()], 1);
//! let place = geo.action_geo(gaz, 0).unwrap();
//! assert_eq!(place.full_name, "Aleppo, Syria");
//! assert_eq!(place.geo_type, 4);
//! assert_eq!(place.country_code, "SY");
//! assert_eq!(place.geo_basis, "sentence");
//! ```

mod actors;
mod clause;
mod find;
mod gazetteer;
mod lookup;
mod words;

use std::collections::HashMap;
use std::ops::Range;

pub use actors::why;
pub use find::{Cue, Mention, Scan, PERSON_CITY_POPULATION};
pub use gazetteer::{Country, Gazetteer, GazetteerError, Kind, Place};
use tidings_event::{Geo, Span};
pub use words::{CountryWords, PlaceWords};

/// A mention with the place chosen for it, in article offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Index into [`Gazetteer::places`].
    pub place: usize,
    /// Byte offsets of the name in the article text.
    pub span: Range<usize>,
    pub cue: Cue,
    pub dateline: bool,
    /// The gathering named just before it ("summit" in "a summit in Buenos Aires").
    pub meeting: Option<String>,
}

impl Resolved {
    /// A word or the dateline says this is where something happened ([`Cue::announced`]).
    pub fn announced(&self) -> bool {
        self.cue.announced()
    }
}

/// The places of one article, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct ArticleGeo {
    /// Each sentence's resolved mentions, in order.
    pub sentences: Vec<Vec<Resolved>>,
    /// The article's dateline place, else the first place of its lead, with that basis.
    pub lead: Option<(Resolved, &'static str)>,
    /// The text of each resolved mention (for the `text` field), by article offsets.
    texts: HashMap<(usize, usize), String>,
    /// The gatherings each sentence names ("summit", "talks"), lower-case.
    meetings: Vec<Vec<String>>,
}

/// Country ISO code -> number of unambiguous mentions.
type Counts = HashMap<String, usize>;

fn share(counts: &Counts, iso2: &str) -> f64 {
    let total: usize = counts.values().sum();
    if total == 0 {
        return 0.0;
    }
    *counts.get(iso2).unwrap_or(&0) as f64 / total as f64
}

impl Gazetteer {
    /// The country a mention is in when all its candidates are cities or states of one country
    /// ("Tbilisi", "Atlanta"), else none ("Georgia"). A country's own name is no evidence of where
    /// a town is: "U.S." is in nearly every story, and "U.S. officials in Moscow" are in Russia.
    fn unambiguous_country<'a>(&'a self, m: &Mention) -> Option<&'a str> {
        let first = &self.place(*m.candidates.first()?).iso2;
        m.candidates
            .iter()
            .all(|&c| &self.place(c).iso2 == first && self.place(c).kind != Kind::Country)
            .then_some(first.as_str())
    }

    /// How likely a candidate is before the context is read: a country (150) before a US state
    /// (120) before a city (40 plus three times the tens-logarithm of its population, plus 85 for
    /// a national capital, which a bare name most often means: "Washington").
    pub fn prior(&self, index: usize) -> f64 {
        let p = self.place(index);
        match p.kind {
            Kind::Country => 150.0,
            Kind::Division => 120.0,
            Kind::City => {
                let capital = if self.is_capital(index) { 85.0 } else { 0.0 };
                40.0 + 3.0 * (p.population.max(1) as f64).log10() + capital
            }
        }
    }

    /// The candidate of a mention that the context makes likeliest: its prior, plus 100 times the
    /// share of the sentence's unambiguous city and state mentions in its country, plus 60 times
    /// that share in the whole article.
    /// The article's share counts only for a city of at least a fifth of the population of the
    /// biggest city of that name: a US-heavy story does not make "talks in Geneva" Geneva,
    /// Illinois (21,000 people against Geneva's 183,000); the sentence can ("Geneva, Illinois").
    pub fn resolve(&self, m: &Mention, sentence: &Counts, article: &Counts) -> Option<usize> {
        let biggest = m
            .candidates
            .iter()
            .filter(|&&c| self.place(c).kind == Kind::City)
            .map(|&c| self.place(c).population)
            .max()
            .unwrap_or(0);
        let score = |c: usize| {
            let p = self.place(c);
            let dwarfed = p.kind == Kind::City && p.population.saturating_mul(5) < biggest;
            let article_weight = if dwarfed { 0.0 } else { 60.0 };
            self.prior(c)
                + 100.0 * share(sentence, &p.iso2)
                + article_weight * share(article, &p.iso2)
        };
        m.candidates
            .iter()
            .copied()
            .max_by(|&a, &b| score(a).total_cmp(&score(b)).then(b.cmp(&a)))
    }

    /// Finds and resolves the places of an article whose sentences are `sentences` (byte ranges
    /// of `text`); the first `lead` sentences (headline and lead) give the article's own place.
    pub fn article(&self, text: &str, sentences: &[Range<usize>], lead: usize) -> ArticleGeo {
        self.article_except(text, sentences, lead, &|_| false)
    }

    /// [`Gazetteer::article`], where a city name that `person` says is a person's is no place
    /// (see [`Gazetteer::find_mentions_except`]).
    pub fn article_except(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        lead: usize,
        person: &dyn Fn(&str) -> bool,
    ) -> ArticleGeo {
        let scans: Vec<Scan> = sentences
            .iter()
            .map(|r| self.scan(&text[r.clone()], person))
            .collect();
        let found: Vec<&[Mention]> = scans.iter().map(|s| s.mentions.as_slice()).collect();
        let mut article_counts = Counts::new();
        let counts: Vec<Counts> = found
            .iter()
            .map(|ms| {
                let mut c = Counts::new();
                // a seat of government or capital named bare stands for a government, not for
                // where the story is ("the White House said")
                let metonym = |m: &Mention| {
                    matches!(m.cue, Cue::Bare | Cue::Possessive)
                        && m.candidates.iter().any(|&c| self.is_capital(c))
                };
                for m in ms.iter().filter(|m| !metonym(m)) {
                    if let Some(iso2) = self.unambiguous_country(m) {
                        *c.entry(iso2.to_string()).or_default() += 1;
                        *article_counts.entry(iso2.to_string()).or_default() += 1;
                    }
                }
                c
            })
            .collect();
        let mut geo = ArticleGeo::default();
        for ((ms, c), range) in found.iter().zip(&counts).zip(sentences) {
            let mut resolved = Vec::new();
            for m in ms.iter() {
                if let Some(place) = self.resolve(m, c, &article_counts) {
                    let span = range.start + m.start..range.start + m.end;
                    geo.texts
                        .insert((span.start, span.end), text[span.clone()].to_string());
                    resolved.push(Resolved {
                        place,
                        span,
                        cue: m.cue,
                        dateline: m.dateline,
                        meeting: m.meeting.clone(),
                    });
                }
            }
            geo.sentences.push(resolved);
        }
        geo.meetings = scans.into_iter().map(|s| s.meetings).collect();
        let lead_sentences = &geo.sentences[..lead.min(geo.sentences.len())];
        geo.lead = lead_sentences
            .iter()
            .flatten()
            .find(|r| r.dateline)
            .map(|r| (r.clone(), "dateline"))
            .or_else(|| {
                lead_sentences
                    .iter()
                    .find_map(|rs| self.best(rs))
                    .map(|r| (r.clone(), "lead"))
            });
        geo
    }

    /// The mention that best says where a sentence's act took place: one announced by a word
    /// ("in Idlib") before a bare one ("U.S. troops"), then the most precise (a city before a
    /// division before a country; a capital named bare or with a possessive, "Pyongyang
    /// said", "Moscow's decision", counts as its country: it stands for a government), then
    /// the first.
    pub fn best<'a>(
        &self,
        resolved: impl IntoIterator<Item = &'a Resolved>,
    ) -> Option<&'a Resolved> {
        resolved
            .into_iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.announced(), self.precise(r), std::cmp::Reverse(*i)))
            .map(|(_, r)| r)
    }

    /// How precisely a mention places an act: 2 a city, 1 a division, 0 a country or a capital
    /// that is not announced (a metonym for its government).
    fn precise(&self, r: &Resolved) -> u8 {
        match self.place(r.place).kind {
            Kind::City if !r.announced() && self.is_capital(r.place) => 0,
            Kind::City => 2,
            Kind::Division => 1,
            Kind::Country => 0,
        }
    }
}

/// What kind of act an event is, for where it took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActKind {
    /// A statement, appeal, criticism, threat or other verbal act (QuadClass 1 and 3): it takes
    /// place where the speaker is, not in the country spoken about.
    Said,
    /// A material act (QuadClass 2 and 4): aid, sanctions, attacks.
    Done,
}

/// What an event says about where its act took place: its kind and its actors' countries (ISO
/// alpha-3, as actor codes give them).
#[derive(Debug, Clone, Copy)]
pub struct Act<'a> {
    pub kind: ActKind,
    pub source_country: Option<&'a str>,
    pub target_country: Option<&'a str>,
    /// The source actor's words, the `text` of a place inferred from its country.
    pub source_text: &'a str,
    /// The evidence sentence's span: the `span` of a place inferred from an actor.
    pub sentence: Span,
    /// The evidence sentence's words: where its source's clause and its quotations are.
    pub sentence_text: &'a str,
}

/// A place chosen for an event, before it is written as GDELT's fields.
enum Choice<'r> {
    /// A place the text names, with its basis (`sentence`, `dateline`, `lead`).
    Named(&'r Resolved, &'static str),
    /// An actor's country: `source` (a verbal act with no place of the speaker's named) or
    /// `target` (a material act on another country, its source's own country named bare).
    Country(usize, &'static str),
}

impl ArticleGeo {
    /// Where the act of an event of sentence `index` took place. A place a word announces in
    /// the sentence ("in Syria", "a trip to Tokyo", "the Syrian town of") is where; a place named
    /// bare, with a possessive or as a topic ("Washington warned Iran", "Moscow's decision", "the
    /// war in Afghanistan") is often only what the act is about or who did it: a verbal act takes
    /// place in its source's country when such a place is in another, and a material act by a
    /// country whose own name is the bare place ("Iran's troops attacked Syria") in its target's.
    /// A sentence without an announced place that names a gathering ("on the sidelines of the
    /// summit") takes the place the article gives it ("a summit in Buenos Aires",
    /// `geo_basis` `meeting`). Without a place in the sentence, the dateline or lead place, and
    /// for a verbal act whose source is of another country, the source's country.
    pub fn event_geo(&self, gaz: &Gazetteer, index: usize, act: &Act) -> Option<Geo> {
        let in_sentence = gaz.best(self.act_places(index, act));
        if !in_sentence.is_some_and(Resolved::announced) {
            if let Some(r) = self.meeting_place(index) {
                return Some(self.write(gaz, &Choice::Named(r, "meeting"), act));
            }
        }
        let named = in_sentence
            .map(|r| (r, "sentence"))
            .or_else(|| self.lead.as_ref().map(|(r, basis)| (r, *basis)));
        let choice = match named {
            Some((r, basis)) => Some(self.choose(gaz, r, basis, act)),
            None => match act.kind {
                ActKind::Said => act.source_country.and_then(|c| gaz.country_place(c)),
                ActKind::Done => None,
            }
            .map(|p| Choice::Country(p, "source")),
        }?;
        Some(self.write(gaz, &choice, act))
    }

    /// The places of sentence `index` that may be where its act took place: those of its
    /// source's clause when a word announces one there, else the sentence's but those of other
    /// clauses a subordinating word opens ("After talks in Geneva, the minister criticised
    /// Iran", "..., which had sent troops to Syria, ..."); for a verbal act, none inside
    /// quotation marks ("“We will fight in Idlib,” he said" was not said in Idlib).
    fn act_places(&self, index: usize, act: &Act) -> Vec<&Resolved> {
        let all = self.sentences.get(index).map(Vec::as_slice).unwrap_or(&[]);
        let text = act.sentence_text;
        let at = |r: &Resolved| r.span.start.checked_sub(act.sentence.start);
        let quotes = match act.kind {
            ActKind::Said => clause::quoted(text),
            ActKind::Done => Vec::new(),
        };
        let pool: Vec<&Resolved> = all
            .iter()
            .filter(|r| !at(r).is_some_and(|a| quotes.iter().any(|q| q.contains(&a))))
            .collect();
        let Some(source) = text
            .find(act.source_text)
            .filter(|_| !act.source_text.is_empty())
        else {
            return pool;
        };
        let own = clause::clause_of(text, source);
        let in_own = |r: &Resolved| at(r).is_some_and(|a| own.contains(&a));
        if pool.iter().any(|r| in_own(r) && r.announced()) {
            return pool.into_iter().filter(|r| in_own(r)).collect();
        }
        let main: Vec<&Resolved> = pool
            .iter()
            .copied()
            .filter(|r| {
                in_own(r)
                    || !at(r).is_some_and(|a| clause::subordinate(text, clause::clause_of(text, a)))
            })
            .collect();
        if main.is_empty() {
            pool
        } else {
            main
        }
    }

    /// The place of a gathering sentence `index` names ("the summit"), as the article gives it
    /// elsewhere ("a summit in Buenos Aires"): the same word's nearest mention before the
    /// sentence, else after it.
    fn meeting_place(&self, index: usize) -> Option<&Resolved> {
        let words = self.meetings.get(index)?;
        if words.is_empty() {
            return None;
        }
        let with = |i: usize| {
            self.sentences[i].iter().find(|r| {
                r.meeting
                    .as_ref()
                    .is_some_and(|m| words.contains(m) || words.iter().any(|w| w == "sidelines"))
            })
        };
        (0..index)
            .rev()
            .find_map(with)
            .or_else(|| (index + 1..self.sentences.len()).find_map(with))
    }

    /// The words that name a resolved mention.
    fn text_of(&self, r: &Resolved) -> &str {
        self.texts
            .get(&(r.span.start, r.span.end))
            .map(String::as_str)
            .unwrap_or_default()
    }

    fn write(&self, gaz: &Gazetteer, choice: &Choice, act: &Act) -> Geo {
        match *choice {
            Choice::Named(r, basis) => {
                let text = self.text_of(r);
                let span = Span {
                    start: r.span.start,
                    end: r.span.end,
                };
                gaz.geo(r.place, span, text, basis)
            }
            Choice::Country(place, basis) => {
                let text = match basis {
                    "source" => act.source_text,
                    _ => "",
                };
                gaz.geo(place, act.sentence, text, basis)
            }
        }
    }

    fn choose<'r>(
        &self,
        gaz: &Gazetteer,
        r: &'r Resolved,
        basis: &'static str,
        act: &Act,
    ) -> Choice<'r> {
        let place = gaz.place(r.place);
        let country_of = |iso3: Option<&str>| iso3.and_then(|c| gaz.country_place(c));
        let named_country = gaz.country(&place.iso2).map(|c| c.place);
        let announced = basis == "sentence" && r.announced();
        let source = country_of(act.source_country);
        match act.kind {
            ActKind::Said => match source {
                // a place of the dateline or lead in another country says where the reporter
                // is; one named bare elsewhere, what the speaker spoke of
                Some(s) if Some(s) != named_country && !announced => Choice::Country(s, "source"),
                _ => Choice::Named(r, basis),
            },
            ActKind::Done => {
                let target = country_of(act.target_country);
                match (source, target) {
                    (Some(s), Some(t))
                        if basis == "sentence"
                            && !announced
                            && gaz.precise(r) == 0
                            && Some(s) == named_country
                            && t != s =>
                    {
                        Choice::Country(t, "target")
                    }
                    _ => Choice::Named(r, basis),
                }
            }
        }
    }

    /// Where the act of sentence `index` took place: the sentence's best place (`geo_basis`
    /// `sentence`), else the article's dateline (`dateline`) or the first place of its lead
    /// (`lead`), else none.
    pub fn action_geo(&self, gaz: &Gazetteer, index: usize) -> Option<Geo> {
        let (r, basis) = match self.sentences.get(index).and_then(|rs| gaz.best(rs)) {
            Some(r) => (r, "sentence"),
            None => {
                let (r, basis) = self.lead.as_ref()?;
                (r, *basis)
            }
        };
        let text = self
            .texts
            .get(&(r.span.start, r.span.end))
            .map(String::as_str)
            .unwrap_or_default();
        Some(gaz.geo(
            r.place,
            Span {
                start: r.span.start,
                end: r.span.end,
            },
            text,
            basis,
        ))
    }
}

#[cfg(test)]
mod tests;
