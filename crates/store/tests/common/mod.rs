//! Hand-made articles and events for the integration tests: the store is tested without the coder.
#![allow(dead_code)]

use tidings_event::{Actor, Event, Plover, Span};
use tidings_store::ArticleMeta;

pub const PLACES: [&str; 12] = [
    "Seoul",
    "Beijing",
    "Pyongyang",
    "Tokyo",
    "Hanoi",
    "Manila",
    "Jakarta",
    "Delhi",
    "Kabul",
    "Tehran",
    "Riyadh",
    "Cairo",
];
const DYADS: [(&str, &str, &str); 8] = [
    ("CHNGOV", "China's government", "PRKGOV"),
    ("PRK", "North Korea", "CHN"),
    ("USA", "Washington", "CHN"),
    ("IGOUNO", "the United Nations", "PRK"),
    ("CHN", "Beijing", "USAGOV"),
    ("KOR", "Seoul", "PRKMIL"),
    ("JPN", "Tokyo", ""),
    ("RUS", "Moscow", "UKR"),
];
const CODES: [(&str, f32); 8] = [
    ("051", 3.4),
    ("0251", 3.0),
    ("19", -10.0),
    ("190", -10.0),
    ("042", 1.9),
    ("1011", -5.0),
    ("036", 4.0),
    ("112", -2.0),
];

/// Article number `i` of a synthetic corpus: a distinct story, except every seventh article, which
/// reprints article `i - 1` under another URL with a byline (a near-duplicate).
pub fn article(i: usize) -> (ArticleMeta, Vec<Event>) {
    let (story_of, reprint) = if i % 7 == 6 {
        (i - 1, true)
    } else {
        (i, false)
    };
    let place = PLACES[story_of % PLACES.len()];
    let mut text = format!(
        "Officials in {place} said on day {story_of}: {}.",
        filler(story_of, 80)
    );
    if reprint {
        text = format!("{place} (Wire) - {text}");
    }
    let day = 1 + story_of % 28;
    let date = format!("2020-{:02}-{day:02}", 1 + story_of % 12);
    let events = (0..3)
        .map(|k| {
            let (code, gold) = CODES[(story_of + k) % CODES.len()];
            let (a1, words, a2) = DYADS[(story_of / 3 + k) % DYADS.len()];
            event(k, &date, a1, words, a2, code, gold)
        })
        .collect();
    let meta = ArticleMeta {
        input_id: format!("art{i}"),
        title: Some(format!("Story {story_of}")),
        date: chrono::NaiveDate::parse_from_str(&date, "%Y-%m-%d").ok(),
        source: Some(format!("outlet {}", i % 5)),
        url: Some(format!("https://site{}.example/news/{i}", i % 5)),
        doc_len: text.chars().count(),
        text,
        origin: format!("synthetic.jsonl:{}", i + 1),
    };
    (meta, events)
}

/// `n` words drawn from a fixed vocabulary by a generator seeded with `seed`: unrelated stories
/// share almost no three-word shingles.
pub fn filler(seed: usize, n: usize) -> String {
    const WORDS: &str = "talks trade border security minister summit army navy port grain oil sanctions vote \
        court leader party rally strike protest treaty envoy aid loan bank rate market budget tax police \
        election coalition reform rebel ceasefire missile drill satellite cable bridge dam river flood \
        drought harvest factory union wage pension school hospital vaccine virus outbreak embassy visa \
        refugee camp convoy pipeline tariff quota export import deal pact alliance council senate cabinet \
        decree statement letter message visit meeting dinner ceremony anniversary parade speech interview";
    let words: Vec<&str> = WORDS.split_whitespace().collect();
    let mut state = (seed as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            words[(state % words.len() as u64) as usize]
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn event(
    k: usize,
    date: &str,
    a1: &str,
    words: &str,
    a2: &str,
    code: &str,
    gold: f32,
) -> Event {
    let sentence = format!("{words} did {code} in sentence {k}.");
    Event {
        article_id: "x".into(),
        sentence_index: k,
        span: Span {
            start: 40 * k,
            end: 40 * k + sentence.len(),
        },
        sentence,
        date: date.into(),
        date_basis: None,
        published: None,
        source: Actor::new(words, a1),
        target: if a2.is_empty() {
            None
        } else {
            Some(Actor::new(a2, a2))
        },
        cameo: code.into(),
        root: code[..2].into(),
        quad_class: tidings_event::quad_class(&code[..2]).unwrap_or(0),
        goldstein: gold,
        plover: Plover {
            event: "X".into(),
            mode: None,
        },
        values_from: None,
        negated: false,
        explain: None,
        action_geo: None,
    }
}
