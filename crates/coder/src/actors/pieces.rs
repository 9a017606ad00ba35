//! The raw matches of a sentence, before composition: dictionary names, country adjectives, agent
//! nouns, pronouns, and short names remembered from the article. How they join into actor phrases
//! is `compose`'s business.

use crate::memory::ArticleMemory;
use chrono::NaiveDate;
use tidings_dict::words::{Word, Words};
use tidings_dict::{ActorId, ActorKind, Dictionaries, PhraseMeaning};

/// A raw match before composition.
#[derive(Debug, Clone)]
pub(super) enum Piece {
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
pub(super) struct Match {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) piece: Piece,
}

/// Longest dictionary matches, left to right; remembered short names and pronouns too.
pub(super) fn raw_matches(
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
        // "Peru's Congress", "the Philippine Senate", "a state Senate": a country's or a state's own
        // body, though the bare name ("Congress") is the United States'
        let qualified_body = actor_len > 0
            && actor_len == agent_len
            && qualified_before(words, dicts, &out, i)
            && actor.as_ref().is_some_and(|(_, ms)| {
                ms.iter().all(|m| match m {
                    PhraseMeaning::Actor(id) => {
                        dicts.actors.entry(*id).kind == ActorKind::Organisation
                    }
                    PhraseMeaning::Adjective(_) => false,
                })
            });
        if actor_len > 0 && actor_len >= agent_len && !qualified_body {
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
            // "anti-government rebels", "pro-government militias": a stance, not the government
            if i > 0 && matches!(words.norm(i - 1), "anti" | "pro") {
                i += len;
                continue;
            }
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

/// A country (adjective, name, or name with "'s") or the word "state" right before word `at`.
fn qualified_before(words: &Words, dicts: &Dictionaries, out: &[Match], at: usize) -> bool {
    if at > 0 && matches!(words.norm(at - 1), "state" | "provincial" | "regional") {
        return true;
    }
    out.last().is_some_and(|m| {
        let country = match &m.piece {
            Piece::Adjective { .. } => true,
            Piece::Named { id, .. } => dicts.actors.entry(*id).kind == ActorKind::Country,
            _ => false,
        };
        country && (m.end == at || m.end + 1 == at && words.norm(m.end) == "'s")
    })
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
    let entry = dicts.actors.entry(id);
    if !word.is(Word::ALL_CAPS)
        || entry.kind != tidings_dict::actors::ActorKind::Organisation
        || entry.roles.is_empty()
    {
        return false;
    }
    let date = date.unwrap_or_else(|| chrono::Utc::now().date_naive());
    entry.roles.iter().all(|r| r.to.is_some_and(|t| t < date))
}
