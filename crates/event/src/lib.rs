//! The coded-event record: what `tidings code` prints, one JSON object per line, and what the store,
//! the exports and the validation runner consume.
//!
//! An [`Event`] says that a source [`Actor`] did a CAMEO-coded act to a target [`Actor`] on a date,
//! and carries the sentence that proves it. Its JSON form follows `schema/event.schema.json`
//! (required: `article_id`, `sentence_index`, `sentence`, `date`, `source`, `target`, `cameo`,
//! `root`, `quad_class`, `goldstein`, `plover`); extra fields are additions, never replacements.
//!
//! Besides the record, [`dating`] settles an article's event dates once it is coded: what an
//! article without a publication date gets ([`dating::Undated`]), the publication date beside each
//! event date, and which dates are history ("founding in 1928") rather than events of that year.
//!
//! This crate does not code text (see `tidings-coder`) or store it (see `tidings-store`).
//!
//! ```
//! use tidings_event::{Actor, Event, Plover, Span};
//! let event = Event {
//!     article_id: "a1".into(),
//!     sentence_index: 1,
//!     sentence: "China praised North Korea.".into(),
//!     span: Span { start: 0, end: 26 },
//!     date: "2020-10-10".into(),
//!     date_basis: None,
//!     published: None,
//!     source: Actor::new("China", "CHN"),
//!     target: Some(Actor::new("North Korea", "PRK")),
//!     cameo: "051".into(),
//!     root: "05".into(),
//!     quad_class: 1,
//!     goldstein: 3.4,
//!     plover: Plover { event: "SUPPORT".into(), mode: None },
//!     values_from: None,
//!     negated: false,
//!     explain: None,
//!     action_geo: None,
//! };
//! let line = serde_json::to_string(&event).unwrap();
//! assert!(line.contains("\"cameo\":\"051\""));
//! ```

use serde::{Deserialize, Serialize};

pub mod dating;

/// Byte offsets `[start, end)` into the cleaned article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One side of an event: the words that name it and the CAMEO code they resolve to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The words in the sentence that name the actor ("Chinese President Xi Jinping").
    pub text: String,
    /// Full CAMEO actor code: `CHNGOV`, `PRKPTY`, `IGOUNO`, `REB`.
    pub code: String,
    /// Three-letter CAMEO country code, or `None` for non-state actors without one.
    pub country: Option<String>,
    /// Primary CAMEO role code (`GOV`, `MIL`, `PTY`, `MED`, ...).
    #[serde(rename = "type")]
    pub role: Option<String>,
    /// Canonical name of a known actor ("Xi Jinping").
    pub name: Option<String>,
    /// Where the actor is (GDELT's Actor1Geo, Actor2Geo): a place named in or right after its
    /// words ("Kabul police", "rebels in Idlib"), else its country's (`geo_basis` `actor` or
    /// `country`); none for an actor without a country and a place (`tidings-geo`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub geo: Option<Geo>,
}

impl Actor {
    /// An actor from its words and full code; country and role are split off the code.
    pub fn new(text: &str, code: &str) -> Actor {
        let (country, role) = split_actor_code(code);
        Actor {
            text: text.to_string(),
            code: code.to_string(),
            country,
            role,
            name: None,
            geo: None,
        }
    }
}

/// Splits a CAMEO actor code into its country and primary role.
///
/// `CHNGOV` -> (`CHN`, `GOV`); `PRK` -> (`PRK`, none); `IGOUNO` -> (none, `IGO`); `REB` -> (none, `REB`).
/// Country codes are three letters, except a few six-letter territory codes (`USAASM`); role codes are
/// three letters. A code whose first three letters are a known role or international prefix has no
/// country.
pub fn split_actor_code(code: &str) -> (Option<String>, Option<String>) {
    const NON_STATE: &[&str] = &[
        "IGO", "NGO", "IMG", "INT", "MNC", "NGM", "UIS", "REB", "INS", "OPP", "GOV", "MIL", "COP",
        "JUD", "SPY", "UAF", "SEP", "AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH",
        "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "PTY", "PKO", "SET", "AMN", "IRC", "GRP",
        "UNO",
    ];
    let code = code.trim();
    if code.len() < 3 || !code.is_ascii() {
        return (None, None);
    }
    let head = &code[..3];
    if NON_STATE.contains(&head) {
        return (None, Some(head.to_string()));
    }
    let role = if code.len() >= 6 {
        Some(code[3..6].to_string())
    } else {
        None
    };
    (Some(head.to_string()), role)
}

/// The PLOVER event type (and mode, when the table gives one) a CAMEO code converts to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub mode: Option<String>,
}

/// One coded event: who did what to whom, when, and the sentence that says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The input record's id, or a content hash when the input has none.
    pub article_id: String,
    /// 0 is the headline when the article has one, then body sentences in order.
    pub sentence_index: usize,
    /// The evidence sentence, verbatim from the cleaned article text.
    pub sentence: String,
    /// Byte offsets of the evidence sentence in the cleaned article text.
    pub span: Span,
    /// The date the event took place, `YYYY-MM-DD`; empty when it is not known (`date_basis`
    /// `undated`: the article has no date and the sentence names none).
    pub date: String,
    /// Where `date` comes from: `sentence` (a date expression in the evidence sentence),
    /// `sentence-month` / `sentence-year` (the sentence names only a past month or year: `date` is its
    /// first day), `history` (a bare year named in the sentence more than a year before
    /// publication: "founding in 1928"; kept out of timelines by default), `story` (the date the
    /// article's lead gives), `article` (the publication date), `given` (the date `--undated DATE`
    /// gives an article without one), or `undated` (no date at all: `date` is empty). See
    /// [`dating`].
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date_basis: Option<String>,
    /// The article's publication date (YYYY-MM-DD), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub source: Actor,
    pub target: Option<Actor>,
    /// Full CAMEO event code with leading zeros ("051").
    pub cameo: String,
    /// The two-digit root of `cameo`.
    pub root: String,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// Goldstein value of `cameo`, -10 to +10.
    pub goldstein: f32,
    pub plover: Plover,
    /// Present when `cameo` is not in the CAMEO table (a dictionary's finer or local code, "1951",
    /// "212"): the table code whose `quad_class`, `goldstein` and `plover` the event carries (the
    /// nearest ancestor by prefix, else the code of the verb's own entry, else `010`, CAMEO's
    /// unspecified statement). `root` is then the first two digits of `cameo`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub values_from: Option<String>,
    /// True when the text says the act did not happen ("did not attack").
    #[serde(default)]
    pub negated: bool,
    /// Which dictionary entries and pattern produced this event (with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub explain: Option<serde_json::Value>,
    /// Where the act took place (GDELT's ActionGeo), when the sentence or the article's lead names
    /// a place the gazetteer knows (`tidings-geo`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub action_geo: Option<Geo>,
}

/// A place as GDELT's geography fields give it (`ActionGeo_*`, `Actor1Geo_*`), plus where the text
/// names it and why it was chosen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// GDELT's Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
    pub geo_type: u8,
    /// "Idlib, Syria", "Atlanta, Georgia, United States", "Georgia, United States", "Syria".
    pub full_name: String,
    /// FIPS 10-4 country code, as GDELT gives it (`SY`, `US`, `GG` for Georgia).
    pub country_code: String,
    /// FIPS country code and first-level division code (`USGA`, `SY12`); the country code alone for
    /// a country.
    pub adm1_code: String,
    pub lat: Option<f64>,
    pub long: Option<f64>,
    /// The GeoNames id of the place.
    pub feature_id: String,
    /// Byte offsets of the place's name in the cleaned article text.
    pub span: Span,
    /// The words that name it ("Idlib").
    pub text: String,
    /// How it was chosen. For ActionGeo: `sentence` (a place named in the evidence sentence),
    /// `meeting` (the sentence names a gathering the article places elsewhere: "the summit" of
    /// "a summit in Buenos Aires"), `dateline` or `lead` (the article's dateline or first place,
    /// the sentence naming none), `source` (a verbal act's speaker's country, the places named
    /// being elsewhere; `span` is then the sentence's and `text` the speaker's words) or
    /// `target` (a material act on another country, the sentence naming only its source's). For
    /// an actor's: `actor` (named in or right after its words) or `country` (its country's;
    /// `span` and `text` are then the actor's words).
    pub geo_basis: String,
}

impl Geo {
    /// GDELT's seven geography fields as text, in column order (Type, FullName, CountryCode,
    /// ADM1Code, Lat, Long, FeatureID), as the GKG writes a location joined by `#`.
    pub fn gdelt_fields(&self) -> [String; 7] {
        let coord = |v: Option<f64>| v.map(|v| format!("{v:.4}")).unwrap_or_default();
        [
            self.geo_type.to_string(),
            self.full_name.clone(),
            self.country_code.clone(),
            self.adm1_code.clone(),
            coord(self.lat),
            coord(self.long),
            self.feature_id.clone(),
        ]
    }
}

/// GDELT's QuadClass for a CAMEO root: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
pub fn quad_class(root: &str) -> Option<u8> {
    let n: u8 = root.get(..2)?.parse().ok()?;
    match n {
        1..=5 => Some(1),
        6..=9 => Some(2),
        10..=14 => Some(3),
        15..=20 => Some(4),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_codes() {
        assert_eq!(
            split_actor_code("CHNGOV"),
            (Some("CHN".into()), Some("GOV".into()))
        );
        assert_eq!(split_actor_code("PRK"), (Some("PRK".into()), None));
        assert_eq!(split_actor_code("IGOUNO"), (None, Some("IGO".into())));
        assert_eq!(split_actor_code("REB"), (None, Some("REB".into())));
    }

    #[test]
    fn quad_classes_follow_gdelt() {
        assert_eq!(quad_class("05"), Some(1));
        assert_eq!(quad_class("06"), Some(2));
        assert_eq!(quad_class("14"), Some(3));
        assert_eq!(quad_class("190"), Some(4));
        assert_eq!(quad_class("21"), None);
    }
}
