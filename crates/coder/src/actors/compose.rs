//! Composing raw matches into actor phrases: countries, adjectives, agent nouns and names joined
//! ("Chinese President Xi Jinping", "police in Kenya", "Assad's forces"), pronouns resolved.
//! Not the grouping of phrases into coordinations (`groups`).

use super::function_words::{is_function_word, is_preposition};
use super::glue::{glue_ok, of_glue, possessive_title_glue};
use super::names::{unknown_name_before, unknown_speaker_between};
use super::pieces::{Match, Piece};
use super::shared_agents::{distribute_bare_agents, joins_agents, Shape};
use super::ActorPhrase;
use crate::memory::ArticleMemory;
use chrono::NaiveDate;
use tidings_dict::words::{Word, Words};
use tidings_dict::{ActorId, ActorKind, Dictionaries};

/// Joins countries, adjectives, agents and names into actor phrases.
pub(super) fn compose(
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
            // "Putin \"is not our friend,\" Burr said, and he urged": an unknown speaker after the
            // known person's last mention is who "he" is
            let last_named = memory.subject_person().and_then(|id| {
                matches[..k]
                    .iter()
                    .rposition(|m| matches!(&m.piece, Piece::Named { id: n, .. } if *n == id))
                    .map(|i| matches[i].end)
            });
            let unknown_before = memory.subject_person().is_some_and(|id| !named_here(id))
                && unknown_name_before(words, matches, start)
                || unknown_speaker_between(words, matches, last_named.unwrap_or(0), start);
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
        // A person's agents: "Assad's forces" are Syria's military, not Assad himself; so are "the
        // Obama administration" and "Putin spokesman" (the name right before the agent).
        let mut owner_agent: Option<String> = None;
        if let Some((id, code)) = &named {
            let possessive = end < words.len() && words.norm(end) == "'s";
            // "anti-Assad forces" are against him
            let stance = start > 0 && matches!(words.norm(start - 1), "anti" | "pro");
            if dicts.actors.entry(*id).kind == ActorKind::Person
                && (possessive || role.is_none() && !stance)
            {
                if let Some(n) = matches.get(next) {
                    if let Piece::Agent { role: r, origin } = &n.piece {
                        let country = tidings_event::split_actor_code(code).0;
                        let at = if possessive { end + 1 } else { end };
                        if n.start == at && !r.starts_with('=') && !r.ends_with('~') {
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
                && !names_the_country(n)
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

/// Nouns after which a country adjective still names the country: acts it does ("Russian
/// interference", "Israeli shelling", "Chinese efforts"), people acting for it ("a Russian lawyer",
/// "his French counterpart"), and what it owns or trades ("Israeli airspace", "Chinese goods").
const COUNTRY_NOUNS: &[&str] = &[
    "meddling",
    "interference",
    "aggression",
    "threat",
    "attack",
    "strike",
    "airstrike",
    "shelling",
    "missile",
    "rocket",
    "barrage",
    "bombardment",
    "incursion",
    "intervention",
    "involvement",
    "invasion",
    "occupation",
    "effort",
    "compliance",
    "expansion",
    "expansionism",
    "disinformation",
    "propaganda",
    "hacking",
    "provocation",
    "retaliation",
    "crackdown",
    "offensive",
    "buildup",
    "withdrawal",
    "pressure",
    "lawyer",
    "attorney",
    "operative",
    "agent",
    "counterpart",
    "negotiator",
    "goods",
    "import",
    "export",
    "product",
    "territory",
    "airspace",
    "waters",
    "sovereignty",
    "settlement",
    "claim",
    "demand",
    "response",
    "position",
    "stance",
    "proposal",
    "offer",
];

/// Whether `noun` (or its singular) is one of [`COUNTRY_NOUNS`].
fn names_the_country(noun: &str) -> bool {
    COUNTRY_NOUNS.contains(&noun)
        || noun
            .strip_suffix('s')
            .is_some_and(|n| COUNTRY_NOUNS.contains(&n))
}
