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

mod find;
mod gazetteer;

use std::collections::HashMap;
use std::ops::Range;

pub use find::{Mention, PERSON_CITY_POPULATION};
pub use gazetteer::{Country, Gazetteer, GazetteerError, Kind, Place};
use tidings_event::{Geo, Span};

/// A mention with the place chosen for it, in article offsets.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Index into [`Gazetteer::places`].
    pub place: usize,
    /// Byte offsets of the name in the article text.
    pub span: Range<usize>,
    pub cued: bool,
    pub dateline: bool,
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
    pub fn resolve(&self, m: &Mention, sentence: &Counts, article: &Counts) -> Option<usize> {
        let score = |c: usize| {
            let iso2 = &self.place(c).iso2;
            self.prior(c) + 100.0 * share(sentence, iso2) + 60.0 * share(article, iso2)
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
        let found: Vec<Vec<Mention>> = sentences
            .iter()
            .map(|r| self.find_mentions_except(&text[r.clone()], person))
            .collect();
        let mut article_counts = Counts::new();
        let counts: Vec<Counts> = found
            .iter()
            .map(|ms| {
                let mut c = Counts::new();
                for m in ms {
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
            for m in ms {
                if let Some(place) = self.resolve(m, c, &article_counts) {
                    let span = range.start + m.start..range.start + m.end;
                    geo.texts
                        .insert((span.start, span.end), text[span.clone()].to_string());
                    resolved.push(Resolved {
                        place,
                        span,
                        cued: m.cued,
                        dateline: m.dateline,
                    });
                }
            }
            geo.sentences.push(resolved);
        }
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

    /// The mention that best says where a sentence's act took place: one announced by a
    /// preposition ("in Idlib") before a bare one ("U.S. troops"), then the most precise (a city
    /// before a state before a country), then the first.
    pub fn best<'a>(&self, resolved: &'a [Resolved]) -> Option<&'a Resolved> {
        let precision = |r: &Resolved| match self.place(r.place).kind {
            Kind::City => 2,
            Kind::Division => 1,
            Kind::Country => 0,
        };
        resolved
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| (r.cued, precision(r), std::cmp::Reverse(*i)))
            .map(|(_, r)| r)
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
    /// Where the act of an event of sentence `index` took place. A city or US state the sentence
    /// names, or any place a preposition announces ("in Syria"), is where; a country named bare
    /// is often only what the act is about ("Washington warned Iran"): a verbal act takes place
    /// in its source's country when the named place is in another, and a material act by a
    /// country whose own name is the bare place ("Iran's troops attacked Syria") in its
    /// target's. Without a place in the sentence, the dateline or lead place, and for a verbal
    /// act whose source is of another country, the source's country.
    pub fn event_geo(&self, gaz: &Gazetteer, index: usize, act: &Act) -> Option<Geo> {
        let in_sentence = self.sentences.get(index).and_then(|rs| gaz.best(rs));
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
        Some(match choice {
            Choice::Named(r, basis) => {
                let text = self
                    .texts
                    .get(&(r.span.start, r.span.end))
                    .map(String::as_str)
                    .unwrap_or_default();
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
                gaz.geo(place, act.sentence.clone(), text, basis)
            }
        })
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
        let precise = place.kind != Kind::Country;
        let source = country_of(act.source_country);
        match act.kind {
            ActKind::Said => match source {
                // a city of the dateline or lead in another country says where the reporter is
                Some(s)
                    if Some(s) != named_country
                        && !(basis == "sentence" && (r.cued || precise)) =>
                {
                    Choice::Country(s, "source")
                }
                _ => Choice::Named(r, basis),
            },
            ActKind::Done => {
                let target = country_of(act.target_country);
                match (source, target) {
                    (Some(s), Some(t))
                        if basis == "sentence"
                            && !r.cued
                            && !precise
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
