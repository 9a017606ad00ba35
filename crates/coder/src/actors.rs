//! Finding the actors of a sentence: dictionary phrases, agent nouns composed with countries
//! ("Chinese President" -> `CHNGOV`), people remembered from earlier in the article ("Kim",
//! "Jinping", "he"), and compound actors ("China and Russia"). Agents are shared across a
//! coordination: "lawmakers in China and Russia" (CHNLEG, RUSLEG), "Danish media and government"
//! (DNKMED, DNKGOV); a named place or organisation keeps the agents after it ("White House
//! officials" USAGOV); a prepended agent code (`NGO~`) goes before the country ("MSF Arnor" NGOARN).
//!
//! [`find_actors`] turns the [`Words`] of a sentence into [`ActorPhrase`]s, each a span of words with
//! a resolved code, and groups coordinated phrases into [`ActorGroup`]s.

use crate::memory::ArticleMemory;
use chrono::NaiveDate;
use tidings_dict::words::{Word, Words};
use tidings_dict::{ActorId, ActorKind, Dictionaries, PhraseMeaning};

/// One actor named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorPhrase {
    /// Word range `[start, end)`.
    pub start: usize,
    pub end: usize,
    /// Full CAMEO actor code.
    pub code: String,
    /// Canonical name of a known person or organisation.
    pub name: Option<String>,
    /// The person, when the phrase names one (for coreference).
    pub person: Option<ActorId>,
    /// Dictionary entries behind the code, `file:line`, for `--explain`.
    pub origins: Vec<String>,
    /// Reached through a pronoun or a short name: how it was resolved.
    pub resolved_from: Option<&'static str>,
}

/// Actor phrases joined by "and", "," or "as well as": one event each.
#[derive(Debug, Clone)]
pub struct ActorGroup {
    pub start: usize,
    pub end: usize,
    pub members: Vec<ActorPhrase>,
}

/// A raw match before composition.
#[derive(Debug, Clone)]
enum Piece {
    /// A known actor (country, place, person, organisation).
    Named {
        id: ActorId,
        code: String,
        origin: String,
    },
    /// A country adjective ("Chinese").
    Adjective { id: ActorId },
    /// An agent noun and its role code ("president" -> GOV).
    Agent { role: String, origin: String },
    /// "he" or "she": the last person named as a subject.
    Pronoun,
}

#[derive(Debug, Clone)]
struct Match {
    start: usize,
    end: usize,
    piece: Piece,
}

const PREPOSITIONS: &[&str] = &[
    "to",
    "for",
    "with",
    "of",
    "in",
    "from",
    "by",
    "at",
    "on",
    "against",
    "about",
    "toward",
    "towards",
    "between",
    "among",
    "over",
    "after",
    "before",
    "under",
    "into",
    "than",
    "through",
    "without",
    "within",
    "across",
    "behind",
    "near",
    "like",
    "around",
    "amid",
    "amidst",
    "despite",
    "including",
    "during",
    "since",
    "until",
    "via",
    "beyond",
    "throughout",
    "upon",
    "onto",
    "alongside",
    "inside",
    "outside",
    "besides",
    "regarding",
    "concerning",
    "unlike",
    "per",
    "versus",
    "vs",
];

pub fn is_preposition(w: &str) -> bool {
    PREPOSITIONS.contains(&w)
}

const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "de", "da", "del", "der", "van", "von", "la", "le", "du", "dos",
    "das", "jr", "sr", "abu", "abd", "mr", "ms", "mrs",
];

/// Finds every actor phrase in the sentence, composed and resolved, then groups coordinated ones.
pub fn find_actors(
    words: &Words,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    memory: &mut ArticleMemory,
) -> Vec<ActorGroup> {
    let matches = raw_matches(words, dicts, date, memory);
    if opens_with_unknown_name(words, &matches) {
        memory.forget_subject();
    }
    let phrases = compose(words, dicts, date, &matches, memory);
    // someone the dictionaries do not know was named: a later "he"/"she" may be them
    if unknown_name_before(words, &matches, words.len()) {
        memory.forget_subject();
    }
    group(words, dicts, phrases)
}

/// Does a name the dictionaries do not know stand before word `pos` ("applauded Speaker John
/// Bercow as he ridiculed ...")? Two or more capitalised words that no match covers, outside a
/// Title-case headline; a "he" or "she" after one most likely refers to that person.
fn unknown_name_before(words: &Words, matches: &[Match], pos: usize) -> bool {
    let content = words.iter().filter(|w| !w.is(Word::PUNCT)).count();
    let capitalised = words.iter().filter(|w| w.is(Word::CAPITALIZED)).count();
    if content >= 4 && capitalised * 10 >= content * 7 {
        return false;
    }
    let covered = |k: usize| matches.iter().any(|m| m.start <= k && k < m.end);
    let mut run = 0;
    for k in 0..pos.min(words.len()) {
        let w = words.get(k);
        if w.is(Word::CAPITALIZED)
            && !w.is(Word::PUNCT)
            && !is_function_word(words.norm(k))
            && !covered(k)
        {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The sentence opens with a name the dictionaries and the article do not know ("Nickolay Mladenov
/// told the council ..."): two or more capitalised words that start no dictionary phrase, followed by
/// a lowercase word, so Title-case headlines never qualify. Read off the matches [`raw_matches`]
/// found, so no dictionary lookup is repeated.
fn opens_with_unknown_name(words: &Words, matches: &[Match]) -> bool {
    let k = (0..words.len().min(5))
        .take_while(|&k| {
            let w = words.get(k);
            w.is(Word::CAPITALIZED) && !w.is(Word::PUNCT) && !is_function_word(words.norm(k))
        })
        .count();
    k >= 2
        && k < words.len()
        && !words.get(k).is(Word::CAPITALIZED)
        && !words.get(k).is(Word::PUNCT)
        && !matches.iter().any(|m| m.start < k)
}

/// Longest dictionary matches, left to right; remembered short names and pronouns too.
fn raw_matches(
    words: &Words,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    memory: &ArticleMemory,
) -> Vec<Match> {
    let mut out = Vec::new();
    // a headline in Title Case capitalises every word, so capitals say nothing about names there
    let content = words.iter().filter(|w| !w.is(Word::PUNCT)).count();
    let capitalised = words.iter().filter(|w| w.is(Word::CAPITALIZED)).count();
    let title_case = content >= 4 && capitalised * 10 >= content * 7;
    let mut i = 0;
    while i < words.len() {
        let w = words.get(i);
        if w.is(Word::PUNCT) {
            i += 1;
            continue;
        }
        let actor = dicts.actors.phrases.longest_at(words, i);
        let agent = dicts.agents.phrases.longest_at(words, i);
        let actor_len = actor.as_ref().map_or(0, |a| a.0);
        let agent_len = agent.as_ref().map_or(0, |a| a.0);
        if actor_len > 0 && actor_len >= agent_len {
            let (len, meanings) = actor.unwrap();
            let meaning = pick_meaning(&meanings, dicts, date);
            if inside_other_name(words, dicts, i, len, meaning, title_case) {
                i += len;
                continue;
            }
            if len == 1 && defunct_acronym(dicts, meaning, w, date) {
                i += 1;
                continue;
            }
            let piece = match meaning {
                PhraseMeaning::Actor(id) => {
                    let (code, role) = dicts.actors.code_on(id, date);
                    Piece::Named {
                        id,
                        code,
                        origin: role.map(|r| r.origin.clone()).unwrap_or_default(),
                    }
                }
                PhraseMeaning::Adjective(id) => Piece::Adjective { id },
            };
            out.push(Match {
                start: i,
                end: i + len,
                piece,
            });
            i += len;
            continue;
        }
        if agent_len > 0 {
            let (len, roles) = agent.unwrap();
            out.push(Match {
                start: i,
                end: i + len,
                piece: Piece::Agent {
                    role: roles[0].code.clone(),
                    origin: roles[0].origin.clone(),
                },
            });
            i += len;
            continue;
        }
        if matches!(words.norm(i), "he" | "she") {
            out.push(Match {
                start: i,
                end: i + 1,
                piece: Piece::Pronoun,
            });
            i += 1;
            continue;
        }
        // a single capitalised word that is part of a remembered person's name ("Kim", "Jinping")
        if w.is(Word::CAPITALIZED) {
            if let Some(id) = memory.person_by_name_part(words.norm(i)) {
                let (code, role) = dicts.actors.code_on(id, date);
                out.push(Match {
                    start: i,
                    end: i + 1,
                    piece: Piece::Named {
                        id,
                        code,
                        origin: role.map(|r| r.origin.clone()).unwrap_or_default(),
                    },
                });
            } else if let Some(code) = memory.unknown_by_name_part(words.norm(i)) {
                // a name learned in this article ("Foreign Minister Wang Yi" -> "Wang")
                out.push(Match {
                    start: i,
                    end: i + 1,
                    piece: Piece::Agent {
                        role: format!("={code}"),
                        origin: "article".into(),
                    },
                });
            }
        }
        i += 1;
    }
    out
}

const DIRECTIONS: &[&str] = &[
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "east",
    "west",
    "north",
    "south",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "greater",
    "upper",
    "lower",
    "mainland",
    "occupied",
    "rebel",
    "government",
];

/// Words that make a place or organisation name out of a country name before or after them.
const NAME_HEADS: &[&str] = &[
    "international",
    "internationale",
    "air",
    "airways",
    "airlines",
    "today",
    "daily",
    "times",
    "post",
    "herald",
    "bank",
    "telecom",
    "energy",
    "petroleum",
    "oil",
    "gas",
    "motors",
    "media",
    "news",
    "radio",
    "tv",
    "television",
    "network",
    "group",
    "holdings",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "university",
    "institute",
    "foundation",
    "society",
    "sea",
    "ocean",
    "gulf",
    "strait",
    "straits",
    "peninsula",
    "cup",
    "open",
    "league",
    "republic",
    "street",
    "avenue",
    "square",
    "museum",
    "center",
    "centre",
    "hotel",
    "airport",
    "fund",
    "trust",
    "journal",
    "review",
];

/// "anti- Gondor", the prefix standing apart from the name, with a PETRARCH verb file: PETRARCH reads
/// the name as a word of its own (its tokens split at spaces, not hyphens), so it is the actor; the
/// built-in dictionaries treat it like "anti-Gondor".
fn detached_prefix(words: &Words, dicts: &Dictionaries, at: usize) -> bool {
    dicts.petrarch_verbs && words.get(at).start > words.get(at - 1).end + 1
}

/// A country name or adjective that is only part of another name or stance: "pro-Russian rebels",
/// "anti-American protests", "Radio France Internationale", "New Mexico", "Bank of America".
fn inside_other_name(
    words: &Words,
    dicts: &Dictionaries,
    at: usize,
    len: usize,
    meaning: PhraseMeaning,
    title_case: bool,
) -> bool {
    let id = match meaning {
        PhraseMeaning::Actor(id) | PhraseMeaning::Adjective(id) => id,
    };
    if dicts.actors.entry(id).kind != ActorKind::Country {
        return false;
    }
    if at > 0 && matches!(words.norm(at - 1), "pro" | "anti") && !detached_prefix(words, dicts, at)
    {
        return true;
    }
    if title_case {
        return false;
    }
    let unknown_capital = |k: usize| {
        let w = words.get(k);
        w.is(Word::CAPITALIZED)
            && !w.is(Word::PUNCT)
            && dicts.actors.phrases.longest_at(words, k).is_none()
            && dicts.agents.phrases.longest_at(words, k).is_none()
            && !crate::actors::is_function_word(words.norm(k))
    };
    // "New Mexico", "Radio France": a capitalised word before, not at the start of the sentence and
    // not a direction ("Eastern Ukraine" is Ukraine)
    let before = at >= 2
        && unknown_capital(at - 1)
        && !words.get(at - 1).is(Word::ALL_CAPS)
        && !DIRECTIONS.contains(&words.norm(at - 1))
        && !words.get(at - 2).is(Word::PUNCT);
    // "Bank of America", "Gulf of Mexico"
    let of_name = at >= 2
        && words.norm(at - 1) == "of"
        && unknown_capital(at - 2)
        && NAME_HEADS.contains(&words.norm(at - 2));
    // "Radio France Internationale", "Iran Air", "South China Sea": a name-forming word after
    let after = at + len < words.len()
        && words.get(at + len).is(Word::CAPITALIZED)
        && NAME_HEADS.contains(&words.norm(at + len));
    before || of_name || after
}

/// Among several meanings of one phrase, prefer the one with a role in force on the date.
fn pick_meaning(
    meanings: &[&PhraseMeaning],
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
) -> PhraseMeaning {
    if meanings.len() == 1 {
        return *meanings[0];
    }
    if let Some(date) = date {
        for m in meanings {
            if let PhraseMeaning::Actor(id) = m {
                if dicts.actors.entry(*id).roles.iter().any(|r| r.covers(date)) {
                    return **m;
                }
            }
        }
    }
    *meanings[0]
}

/// Joins countries, adjectives, agents and names into actor phrases.
fn compose(
    words: &Words,
    dicts: &Dictionaries,
    date: Option<NaiveDate>,
    matches: &[Match],
    memory: &mut ArticleMemory,
) -> Vec<ActorPhrase> {
    let mut out: Vec<ActorPhrase> = Vec::new();
    // parallel to `out`: how each phrase was composed, for agents shared across "and"
    let mut shapes: Vec<Shape> = Vec::new();
    let mut k = 0;
    while k < matches.len() {
        let m = &matches[k];
        let start = m.start;
        let mut end = m.end;
        let mut country: Option<String> = None;
        let mut role: Option<String> = None;
        let mut fixed_code: Option<String> = None;
        let mut named: Option<(ActorId, String)> = None;
        let mut prefix: Option<String> = None;
        let mut origins = Vec::new();
        let mut next = k + 1;
        if let Piece::Pronoun = &m.piece {
            // "applauded Speaker John Bercow as he ridiculed ...": "he" is the unknown name, unless
            // the known person was named earlier in this very sentence
            let named_here = |id: ActorId| {
                matches[..k]
                    .iter()
                    .any(|m| matches!(&m.piece, Piece::Named { id: n, .. } if *n == id))
            };
            let unknown_before = memory.subject_person().is_some_and(|id| !named_here(id))
                && unknown_name_before(words, matches, start);
            if let Some(id) = memory.subject_person().filter(|_| !unknown_before) {
                let (code, role) = dicts.actors.code_on(id, date);
                let origin = role.map(|r| r.origin.clone()).unwrap_or_default();
                out.push(ActorPhrase {
                    start,
                    end,
                    code,
                    name: Some(dicts.actors.entry(id).name.clone()),
                    person: Some(id),
                    origins: vec![origin],
                    resolved_from: Some("pronoun"),
                });
                shapes.push(Shape::Other);
            }
            k = next;
            continue;
        }
        match &m.piece {
            Piece::Adjective { id } => {
                country = Some(dicts.actors.code_on(*id, date).0);
            }
            Piece::Named { id, code, origin } => {
                origins.push(origin.clone());
                let kind = dicts.actors.entry(*id).kind;
                if kind == ActorKind::Country {
                    country = Some(code.clone());
                } else {
                    named = Some((*id, code.clone()));
                }
            }
            Piece::Pronoun => {}
            Piece::Agent { role: r, origin } => {
                if let Some(code) = r.strip_prefix('=') {
                    fixed_code = Some(code.to_string());
                } else if let Some(p) = r.strip_suffix('~') {
                    // a prepended agent (PETRARCH `[NGO~]`): "MSF Arnor" is NGOARN
                    origins.push(origin.clone());
                    let following =
                        matches
                            .get(next)
                            .filter(|n| n.start == end)
                            .and_then(|n| match &n.piece {
                                Piece::Named { id, code, origin }
                                    if dicts.actors.entry(*id).kind == ActorKind::Country =>
                                {
                                    Some((n.end, code.clone(), origin.clone()))
                                }
                                Piece::Adjective { id } => {
                                    Some((n.end, dicts.actors.code_on(*id, date).0, String::new()))
                                }
                                _ => None,
                            });
                    match following {
                        Some((e, code, origin)) => {
                            prefix = Some(p.to_string());
                            country = Some(code);
                            if !origin.is_empty() {
                                origins.push(origin);
                            }
                            end = e;
                            next += 1;
                        }
                        None => role = Some(p.to_string()),
                    }
                } else {
                    role = Some(r.clone());
                    origins.push(origin.clone());
                }
            }
        }
        // Country (adjective or name, optionally 's) followed by agents: "Chinese President", "North Korea's ruling party".
        if country.is_some() && named.is_none() {
            if let Some(n) = matches.get(next) {
                if let Piece::Agent { role: r, origin } = &n.piece {
                    if !r.starts_with('=')
                        && !r.ends_with('~')
                        && (glue_ok(words, end, n.start, true)
                            || dicts.petrarch_verbs && possessive_title_glue(words, end, n.start))
                    {
                        role = Some(r.clone());
                        origins.push(origin.clone());
                        end = n.end;
                        next += 1;
                    }
                }
            }
        }
        // A named place or organisation followed by agent nouns keeps its own country: "White House
        // security officials" (USAGOV), "Beijing police" (CHNCOP), "Hamas fighters" (Hamas).
        if let (Some((id, _)), None) = (&named, &role) {
            if dicts.actors.entry(*id).kind != ActorKind::Person {
                if let Some(n) = matches.get(next) {
                    if let Piece::Agent { role: r, origin } = &n.piece {
                        if !r.starts_with('=')
                            && !r.ends_with('~')
                            && glue_ok(words, end, n.start, false)
                        {
                            role = Some(r.clone());
                            origins.push(origin.clone());
                            end = n.end;
                            next += 1;
                        }
                    }
                }
            }
        }
        // more agent nouns in a row ("Foreign Ministry spokesman"): the first role stays
        while let Some(n) = matches.get(next) {
            match &n.piece {
                Piece::Agent { role: r, .. }
                    if !r.starts_with('=') && role.is_some() && n.start == end =>
                {
                    end = n.end;
                    next += 1;
                }
                _ => break,
            }
        }
        // Agent(s) followed by a name: "President Xi Jinping", "Chinese President Xi Jinping".
        if named.is_none() && fixed_code.is_none() {
            if let Some(n) = matches.get(next) {
                if let Piece::Named { id, code, origin } = &n.piece {
                    let kind = dicts.actors.entry(*id).kind;
                    // a name coded as its bare country after that country's agent: "Bree Prime
                    // Minister Romendacil" (PETRARCH files give people their country's code)
                    let own_country =
                        kind == ActorKind::Country && country.as_deref() == Some(code.as_str());
                    if n.start == end
                        && role.is_some()
                        && (kind == ActorKind::Person || own_country)
                    {
                        named = Some((*id, code.clone()));
                        origins.push(origin.clone());
                        end = n.end;
                        next += 1;
                    }
                }
            }
        }
        // Agent "of"/"in" country or capital: "president of China", "police in Kenya", "protesters in Cairo".
        let mut of_country = false;
        if role.is_some() && country.is_none() && named.is_none() {
            if let Some(n) = matches.get(next) {
                if let Piece::Named { id, code, origin } = &n.piece {
                    let kind = dicts.actors.entry(*id).kind;
                    // a capital stands for its country here: "protesters in Baghdad" are Iraqi
                    let place_country = (kind == ActorKind::Place)
                        .then(|| tidings_event::split_actor_code(code).0)
                        .flatten();
                    if (kind == ActorKind::Country || place_country.is_some())
                        && of_glue(words, end, n.start)
                    {
                        country = Some(place_country.unwrap_or_else(|| code.clone()));
                        of_country = true;
                        origins.push(origin.clone());
                        end = n.end;
                        next += 1;
                    }
                }
            }
        }
        // A person's agents: "Assad's forces" are Syria's military, not Assad himself.
        let mut owner_agent: Option<String> = None;
        if let Some((id, code)) = &named {
            if dicts.actors.entry(*id).kind == ActorKind::Person
                && end < words.len()
                && words.norm(end) == "'s"
            {
                if let Some(n) = matches.get(next) {
                    if let Piece::Agent { role: r, origin } = &n.piece {
                        let country = tidings_event::split_actor_code(code).0;
                        if n.start == end + 1 && !r.starts_with('=') {
                            if let Some(c) = country {
                                owner_agent = Some(format!("{c}{r}"));
                                origins.push(origin.clone());
                                end = n.end;
                                next += 1;
                            }
                        }
                    }
                }
            }
        }
        // An unknown capitalised name right after a composed agent: "Foreign Minister Wang Yi".
        let mut learned_name: Option<(usize, usize)> = None;
        if named.is_none() && role.is_some() {
            let mut j = end;
            while j < words.len()
                && j < end + 4
                && words.get(j).is(Word::CAPITALIZED)
                && !words.get(j).is(Word::PUNCT)
                && matches.get(next).is_none_or(|n| n.start > j)
            {
                j += 1;
            }
            if j > end {
                learned_name = Some((end, j));
                end = j;
            }
        }

        let (mut code, name, person) = if let Some(code) = owner_agent {
            (code, None, None)
        } else if let Some((id, code)) = &named {
            let e = dicts.actors.entry(*id);
            let person = (e.kind == ActorKind::Person).then_some(*id);
            // A known person or organisation keeps its own code; a bare country code of a person
            // outside office gains the role the text gives it.
            let code = match (&role, code.len()) {
                (Some(r), 3) if matches!(e.kind, ActorKind::Person | ActorKind::Country) => {
                    format!("{code}{r}")
                }
                // a seat of government stands for the government; with another agent, for its country
                (Some(r), _) if e.kind == ActorKind::Place => {
                    match tidings_event::split_actor_code(code).0 {
                        Some(c) => format!("{c}{r}"),
                        None => code.clone(),
                    }
                }
                _ => code.clone(),
            };
            (code, Some(e.name.clone()), person)
        } else if let Some(code) = fixed_code {
            (code, None, None)
        } else {
            let code = match (&country, &role) {
                (Some(c), Some(r)) => format!("{c}{r}"),
                (Some(c), None) => c.clone(),
                (None, Some(r)) => r.clone(),
                (None, None) => String::new(),
            };
            let code = match &prefix {
                Some(p) => format!("{p}{code}"),
                None => code,
            };
            // "the Chinese president": the person of that role named earlier in the article
            let definite = start > 0 && words.norm(start - 1) == "the";
            let referent =
                (definite && country.is_some() && role.is_some() && learned_name.is_none())
                    .then(|| memory.person_with_code(&code, dicts, date))
                    .flatten();
            match referent {
                Some(id) => (code, Some(dicts.actors.entry(id).name.clone()), Some(id)),
                None => (code, None, None),
            }
        };
        if code.is_empty() {
            k = next;
            continue;
        }
        // a country adjective that only describes a thing is no actor: "the Russian border",
        // "Iranian-backed militias", "American wars" (with an agent noun it is: "Russian troops")
        if matches!(m.piece, Piece::Adjective { .. })
            && role.is_none()
            && named.is_none()
            && end == m.end
            && end < words.len()
        {
            let w = words.get(end);
            let n = words.norm(end);
            if !w.is(Word::PUNCT)
                && !w.is(Word::CAPITALIZED)
                && n.chars().all(char::is_alphabetic)
                && !is_function_word(n)
            {
                k = next;
                continue;
            }
        }
        if let Some((a, b)) = learned_name {
            let parts: Vec<String> = (a..b).map(|i| words.norm(i).to_string()).collect();
            if code.len() >= 6 {
                memory.learn_unknown(&parts, &code);
            }
        }
        if let Some(id) = person {
            let before = if start > 0 {
                Some(words.norm(start - 1))
            } else {
                None
            };
            let is_subject =
                before.is_none_or(|b| !is_preposition(b) && dicts.verbs.lookup(b).is_none());
            memory.mention_person(id, dicts, is_subject);
        }
        let resolved_from = if matches!(&m.piece, Piece::Named { .. })
            && m.end - m.start == 1
            && memory.is_short_reference(words.norm(m.start), person)
        {
            Some("short name")
        } else {
            None
        };
        let bare_agent = matches!(m.piece, Piece::Agent { .. })
            && country.is_none()
            && named.is_none()
            && person.is_none()
            && learned_name.is_none()
            && !code.starts_with('=')
            && role.as_deref() == Some(code.as_str());
        let mut shape = if bare_agent {
            Shape::BareAgent
        } else if country.is_some()
            && role.is_some()
            && named.is_none()
            && !of_country
            && !matches!(m.piece, Piece::Agent { .. })
        {
            Shape::CountryAgent(country.clone().unwrap_or_default())
        } else {
            Shape::Other
        };
        // an agent after "Danish media and": the country is shared ("Danish media and government")
        if bare_agent {
            if let (Some(prev), Some(Shape::CountryAgent(c))) = (out.last(), shapes.last()) {
                if joins_agents(words, prev.end, start) {
                    code = format!("{c}{code}");
                    shape = Shape::CountryAgent(c.clone());
                }
            }
        }
        let role_code = if of_country { role.clone() } else { None };
        out.push(ActorPhrase {
            start,
            end,
            code,
            name,
            person,
            origins,
            resolved_from,
        });
        shapes.push(shape);
        // "lawmakers in Arnor and Gondor", "the ambassadors of Arnor, Osgiliath and Gondor": the agent
        // goes with every country of the list (and with bare agents joined before it: "lawmakers
        // and officials in Arnor and Gondor")
        if let (true, Some(r), Some(c0)) = (of_country, role_code, country) {
            let mut countries = vec![c0];
            let mut last_end = end;
            while let Some(n) = matches.get(next) {
                let Piece::Named {
                    id,
                    code: c,
                    origin,
                } = &n.piece
                else {
                    break;
                };
                if dicts.actors.entry(*id).kind != ActorKind::Country
                    || !joins_agents(words, last_end, n.start)
                {
                    break;
                }
                // "the president of France and Germany's chancellor": Germany has its own agent
                let owned = n.end < words.len() && words.norm(n.end) == "'s"
                    || matches.get(next + 1).is_some_and(|a| {
                        a.start == n.end && matches!(a.piece, Piece::Agent { .. })
                    });
                if owned {
                    break;
                }
                out.push(ActorPhrase {
                    start: n.start,
                    end: n.end,
                    code: format!("{c}{r}"),
                    name: None,
                    person: None,
                    origins: vec![origin.clone()],
                    resolved_from: None,
                });
                shapes.push(Shape::Other);
                countries.push(c.clone());
                last_end = n.end;
                next += 1;
            }
            if countries.len() > 1 {
                distribute_bare_agents(words, &mut out, &mut shapes, start, &countries);
            }
        }
        k = next;
    }
    out
}

/// How a phrase was composed, for sharing agents and countries across a coordination.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// An agent noun alone ("government").
    BareAgent,
    /// A country before its agent ("Danish media"): the country.
    CountryAgent(String),
    Other,
}

/// The acronym of an organisation that had ceased to exist on `date`: acronyms are reused ("IRA" is
/// the Irish Republican Army until 2005, the Internet Research Agency in news of 2018), so after the
/// organisation's end only its full name still names it. An undated article is read as of today,
/// the date its events get.
fn defunct_acronym(
    dicts: &Dictionaries,
    meaning: PhraseMeaning,
    word: &tidings_dict::words::Word,
    date: Option<NaiveDate>,
) -> bool {
    let PhraseMeaning::Actor(id) = meaning else {
        return false;
    };
    let date = date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let entry = dicts.actors.entry(id);
    word.is(Word::ALL_CAPS)
        && entry.kind == tidings_dict::actors::ActorKind::Organisation
        && !entry.roles.is_empty()
        && entry.roles.iter().all(|r| r.to.is_some_and(|t| t < date))
}

/// "and", ",", ", and" between two coordinated agents or countries.
fn joins_agents(words: &Words, from: usize, to: usize) -> bool {
    let gap: Vec<&str> = (from..to.max(from)).map(|i| words.norm(i)).collect();
    matches!(gap.as_slice(), ["and"] | [","] | [",", "and"] | ["&"])
}

/// Bare agents joined right before the phrase at `before` each become one phrase per country:
/// "lawmakers and officials in Arnor and Gondor" gives Arnor's and Gondor's lawmakers. The copies
/// share the agent's words.
fn distribute_bare_agents(
    words: &Words,
    out: &mut Vec<ActorPhrase>,
    shapes: &mut Vec<Shape>,
    before: usize,
    countries: &[String],
) {
    let Some(at) = out.iter().position(|p| p.start == before) else {
        return;
    };
    let mut first = at;
    while first > 0
        && shapes[first - 1] == Shape::BareAgent
        && joins_agents(words, out[first - 1].end, out[first].start)
    {
        first -= 1;
    }
    if first == at {
        return;
    }
    let bare: Vec<ActorPhrase> = out.drain(first..at).collect();
    shapes.drain(first..at);
    let mut copies = Vec::new();
    for p in bare {
        for c in countries {
            copies.push(ActorPhrase {
                code: format!("{c}{}", p.code),
                ..p.clone()
            });
        }
    }
    let n = copies.len();
    out.splice(first..first, copies);
    shapes.splice(first..first, std::iter::repeat_n(Shape::Other, n));
}

/// Words allowed between a country and its agent: "'s", "the", and up to two plain lowercase words
/// ("Chinese state-run media", "Syrian government forces").
fn glue_ok(words: &Words, from: usize, to: usize, allow_plain: bool) -> bool {
    if to < from || to - from > 3 {
        return false;
    }
    (from..to).all(|i| {
        let w = words.get(i);
        let n = words.norm(i);
        n == "'s"
            || (allow_plain
                && !w.is(Word::PUNCT)
                && !w.is(Word::CAPITALIZED)
                && !is_function_word(n)
                && to - from <= 2)
    })
}

/// "'s first Deputy": a possessive and one or two words of a title, capitalised or not, between a
/// country and its agent ("Dagolath's first Deputy Prime Minister"). PETRARCH reads the whole noun
/// phrase, so its sets take these; the built-in dictionaries keep to [`glue_ok`].
fn possessive_title_glue(words: &Words, from: usize, to: usize) -> bool {
    to > from + 1
        && to - from <= 3
        && words.norm(from) == "'s"
        && (from + 1..to).all(|i| !words.get(i).is(Word::PUNCT) && !is_function_word(words.norm(i)))
}

/// "of", "in", "of the", "from": between an agent and its country.
fn of_glue(words: &Words, from: usize, to: usize) -> bool {
    matches!(to.checked_sub(from), Some(1) | Some(2))
        && matches!(words.norm(from), "of" | "in" | "from")
        && (to - from == 1 || words.norm(from + 1) == "the")
}

pub fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "this"
            | "these"
            | "those"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "said"
            | "says"
            | "not"
    ) || is_preposition(w)
}

/// Groups phrases joined by "and", ",", "as well as", "&" (and "both ... and").
fn group(words: &Words, dicts: &Dictionaries, phrases: Vec<ActorPhrase>) -> Vec<ActorGroup> {
    let mut groups: Vec<ActorGroup> = Vec::new();
    for p in phrases {
        if let Some(g) = groups.last_mut() {
            let gap: Vec<&str> = (g.end..p.start).map(|i| words.norm(i)).collect();
            // copies of one agent shared by several countries overlap
            let joined = p.start < g.end
                || matches!(
                    gap.as_slice(),
                    ["and"]
                        | [","]
                        | [",", "and"]
                        | ["&"]
                        | ["as", "well", "as"]
                        | ["and", "the"]
                        | [",", "the"]
                        | [",", "and", "the"]
                )
                || joined_with_adjectives(words, dicts, g.end, p.start)
                || dicts.petrarch_verbs && gap == ["nor"];
            // "China, North Korea's only major ally": after a bare comma, a possessor opens an
            // apposition, not the next member of a list
            let possessor = gap.first() == Some(&",")
                && !gap.contains(&"and")
                && p.end < words.len()
                && matches!(words.norm(p.end), "'s" | "'");
            if joined && !possessor {
                g.end = p.end;
                g.members.push(p);
                continue;
            }
        }
        groups.push(ActorGroup {
            start: p.start,
            end: p.end,
            members: vec![p],
        });
    }
    for k in 0..groups.len() {
        let end = after_abbreviation(words, groups[k].end);
        if groups.get(k + 1).is_none_or(|next| next.start >= end) {
            groups[k].end = end;
        }
    }
    groups
}

/// Words that select part of a set, not adjectives: "and other officials", "and some Republicans".
const QUANTIFIERS: &[&str] = &[
    "other", "others", "some", "many", "several", "all", "both", "more", "most", "few", "its",
    "their", "his", "her", "our", "top", "senior", "former", "where", "when", "while", "then",
    "also", "even", "only", "not", "no", "any", "each", "every", "fellow", "another", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "local",
];

/// "and the evil awful", ", and good", ", the awful": a coordination, then adjectives before the
/// next actor (at most two plain lowercase words, no verbs of the dictionary nor words ending in
/// -ed, -ing or -ly, no quantifiers); after a comma alone, "the" must come first.
fn joined_with_adjectives(words: &Words, dicts: &Dictionaries, from: usize, to: usize) -> bool {
    let mut j = from;
    while j < to && matches!(words.norm(j), "," | "and") {
        j += 1;
    }
    if j == from || j - from > 2 || (j - from == 2 && words.norm(from) != ",") {
        return false;
    }
    let and = words.norm(j - 1) == "and";
    if j < to && words.norm(j) == "the" {
        j += 1;
    } else if !and {
        // ", where ...", ", who ...": a comma alone needs "the"
        return false;
    }
    let adjectives = to - j;
    // the actor after them is a name ("good Gondor"), not a role ("coalition forces")
    (1..=2).contains(&adjectives)
        && to < words.len()
        && words.get(to).is(Word::CAPITALIZED)
        && (j..to).all(|k| {
            let (w, n) = (words.get(k), words.norm(k));
            !(w.is(Word::CAPITALIZED) || w.is(Word::PUNCT) || w.is(Word::NUMBER))
                && !is_function_word(n)
                && !QUANTIFIERS.contains(&n)
                && !n.ends_with("ed")
                && !n.ends_with("ing")
                && !n.ends_with("ly")
                && dicts.verbs.lookup(n).is_none()
                && n.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// The index after an abbreviation in brackets that follows an actor ("the European Union (EU)"):
/// up to three words in capitals that are no actor of their own; `end` itself when there is none.
fn after_abbreviation(words: &Words, end: usize) -> usize {
    if end >= words.len() || words.norm(end) != "(" {
        return end;
    }
    let inner = (end + 1..words.len().min(end + 5))
        .take_while(|&j| {
            let w = words.get(j);
            w.is(Word::ALL_CAPS) && !w.is(Word::PUNCT) && !words.norm(j).contains('-')
        })
        .count();
    let close = end + 1 + inner;
    if inner > 0 && inner <= 3 && close < words.len() && words.norm(close) == ")" {
        close + 1
    } else {
        end
    }
}

/// Parts of a person's names usable as short references ("Kim", "Jinping").
pub fn name_parts(name: &str) -> Vec<String> {
    let w = Words::new(name);
    (0..w.len())
        .map(|i| w.norm(i).to_string())
        .filter(|p| {
            p.chars().count() >= 3
                && !NAME_PARTICLES.contains(&p.as_str())
                && p.chars().all(char::is_alphabetic)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of each group of the sentence's actors, with the built-in dictionaries.
    fn groups(text: &str) -> Vec<Vec<String>> {
        groups_with(&Dictionaries::builtin(), text)
    }

    fn groups_with(dicts: &Dictionaries, text: &str) -> Vec<Vec<String>> {
        let words = Words::new(text);
        let mut memory = ArticleMemory::default();
        find_actors(
            &words,
            dicts,
            NaiveDate::from_ymd_opt(2020, 1, 1),
            &mut memory,
        )
        .into_iter()
        .map(|g| g.members.into_iter().map(|p| p.code).collect())
        .collect()
    }

    #[test]
    fn adjectives_after_a_coordination_keep_the_list_together() {
        assert_eq!(
            groups("France and the evil awful Germany met Spain")[0],
            vec!["FRA", "DEU"]
        );
        assert_eq!(
            groups("Evil Italy, the awful France, and good Germany met Spain")[0],
            vec!["ITA", "FRA", "DEU"]
        );
        // a quantifier or a verb is no adjective: two groups
        assert_eq!(
            groups("France and some Russian officials met")[0],
            vec!["FRA"]
        );
        assert_eq!(groups("to counter Iran and support Israel")[0], vec!["IRN"]);
    }

    #[test]
    fn an_abbreviation_in_brackets_stays_with_its_actor() {
        let words = Words::new("the European Union (XQZ) agree");
        let mut memory = ArticleMemory::default();
        let g = find_actors(&words, &Dictionaries::builtin(), None, &mut memory);
        assert_eq!(g[0].end, 6);
    }

    #[test]
    fn a_seat_of_government_keeps_its_country_before_agents() {
        assert_eq!(groups("White House officials met them")[0], vec!["USAGOV"]);
        assert_eq!(groups("Washington police arrested them")[0], vec!["USACOP"]);
    }

    #[test]
    fn an_agent_goes_with_every_country_of_a_list() {
        assert_eq!(
            groups("Lawmakers in China and Russia met")[0],
            vec!["CHNLEG", "RUSLEG"]
        );
        assert_eq!(
            groups("The ambassadors of France, Italy and Spain met")[0],
            vec!["FRAGOV", "ITAGOV", "ESPGOV"]
        );
        assert_eq!(
            groups("Lawmakers and police in China and Russia met")[0],
            vec!["CHNLEG", "RUSLEG", "CHNCOP", "RUSCOP"]
        );
        // a country with its own agent keeps it
        assert_eq!(
            groups("the president of France and Germany's chancellor met")[0],
            vec!["FRAGOV", "DEUGOV"]
        );
    }

    #[test]
    fn a_country_goes_with_every_agent_joined_after_it() {
        assert_eq!(
            groups("Danish media and government warned them")[0],
            vec!["DNKMED", "DNKGOV"]
        );
    }

    #[test]
    fn a_prepended_agent_goes_before_the_country() {
        let mut b = tidings_dict::DictionaryBuilder::new();
        tidings_dict::petrarch::add_petrarch_actors(
            &mut b,
            "actors.txt",
            "ARNOR_ [ARN]\n+ARNORIAN\n",
        );
        tidings_dict::petrarch::add_petrarch_agents(
            &mut b,
            "agents.txt",
            "MSF {}  [NGO~]\nDIPLOMAT  [~GOV]\n",
        );
        let (dicts, errors) = b.build();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(groups_with(&dicts, "MSF Arnor met them")[0], vec!["NGOARN"]);
        assert_eq!(
            groups_with(&dicts, "An MSF Arnor diplomat met them")[0],
            vec!["NGOARNGOV"]
        );
        assert_eq!(groups_with(&dicts, "MSF met them")[0], vec!["NGO"]);
    }
}
