use super::*;
use tidings_event::Event;

/// The text's sentences, cut at ". " after a lower-case letter (enough for these tests).
fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        if !text[..i].ends_with(|c: char| c.is_lowercase()) {
            continue;
        }
        out.push(start..i + 1);
        start = i + 2;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The ActionGeo of each sentence of `text`, its first sentence being the lead.
fn geos(text: &str) -> Vec<Option<Geo>> {
    let gaz = Gazetteer::builtin();
    let s = sentences(text);
    let geo = gaz.article(text, &s, 1);
    (0..s.len()).map(|i| geo.action_geo(gaz, i)).collect()
}

fn names(sentence: &str) -> Vec<(String, String)> {
    let gaz = Gazetteer::builtin();
    let s = [0..sentence.len()];
    let geo = gaz.article(sentence, &s, 0);
    geo.sentences[0]
        .iter()
        .map(|r| {
            (
                sentence[r.span.clone()].to_string(),
                gaz.geo(r.place, Span::default(), "", "").full_name,
            )
        })
        .collect()
}

#[test]
fn georgia_near_tbilisi_is_the_country() {
    let g = geos("Protesters gathered in Tbilisi on Monday. Police in Georgia arrested dozens.");
    let g = g[1].as_ref().unwrap();
    assert_eq!((g.geo_type, g.full_name.as_str()), (1, "Georgia"));
    assert_eq!(g.country_code, "GG");
    assert_eq!(g.geo_basis, "sentence");
}

#[test]
fn georgia_near_atlanta_is_the_us_state() {
    let g = geos("Protesters gathered in Atlanta on Monday. Police in Georgia arrested dozens.");
    let g = g[1].as_ref().unwrap();
    assert_eq!(
        (g.geo_type, g.full_name.as_str()),
        (2, "Georgia, United States")
    );
    assert_eq!(
        (g.country_code.as_str(), g.adm1_code.as_str()),
        ("US", "USGA")
    );
}

#[test]
fn georgia_alone_is_the_country() {
    let g = geos("Russia sent troops to Georgia.");
    assert_eq!(g[0].as_ref().unwrap().full_name, "Georgia");
}

#[test]
fn a_name_shared_by_a_country_and_its_capital_is_the_country() {
    let g = geos("Iraqi forces invaded Kuwait.");
    let g = g[0].as_ref().unwrap();
    assert_eq!((g.geo_type, g.full_name.as_str()), (1, "Kuwait"));
    let g = geos("Protesters marched in Kuwait City.");
    let g = g[0].as_ref().unwrap();
    assert_eq!(
        (g.geo_type, g.full_name.as_str()),
        (4, "Kuwait City, Kuwait")
    );
    assert_eq!(g.text, "Kuwait City");
}

#[test]
fn a_country_name_is_the_country_even_where_us_towns_share_it() {
    // Lebanon, Tennessee and five more US towns are in the gazetteer
    let g = geos("The American envoy arrived in Washington. He said aid to Lebanon would resume.");
    assert_eq!(g[1].as_ref().unwrap().full_name, "Lebanon");
    // unless the sentence says which one
    let names = names("A tornado hit Lebanon, Tennessee.");
    assert_eq!(names[0].1, "Lebanon, Tennessee, United States");
}

#[test]
fn washington_alone_is_the_capital() {
    let g = geos("Officials in Washington rejected the offer.");
    let g = g[0].as_ref().unwrap();
    assert_eq!(
        (g.geo_type, g.full_name.as_str()),
        (3, "Washington, District of Columbia, United States")
    );
}

#[test]
fn a_place_after_near_with_its_span() {
    let text = "Shells fell near the border town of Kilis on Friday.";
    let g = geos(text);
    let g = g[0].as_ref().unwrap();
    assert_eq!(g.full_name, "Kilis, Turkey");
    assert_eq!(&text[g.span.start..g.span.end], "Kilis");
    let g = geos("Rebels regrouped near Aleppo.");
    assert_eq!(g[0].as_ref().unwrap().full_name, "Aleppo, Syria");
}

#[test]
fn a_sentence_with_two_places() {
    let n = names("Russian jets struck Idlib and Aleppo overnight.");
    assert_eq!(
        n,
        [
            ("Idlib".to_string(), "Idlib, Syria".to_string()),
            ("Aleppo".to_string(), "Aleppo, Syria".to_string())
        ]
    );
    // the place where the act happened is the one a preposition announces, not the actor's country
    let g = geos("U.S. troops clashed with militants in Kandahar.");
    assert_eq!(g[0].as_ref().unwrap().full_name, "Kandahār, Afghanistan");
}

#[test]
fn a_possessive_place() {
    let n = names("A bomb exploded in Kabul's Green Zone.");
    assert_eq!(n, [("Kabul".to_string(), "Kabul, Afghanistan".to_string())]);
}

#[test]
fn a_country_name_is_never_a_street_or_a_paper() {
    assert!(names("The crowd met on Syria Street before dawn.").is_empty());
    assert!(names("He told the New York Times that talks failed.").is_empty());
}

#[test]
fn a_town_inside_a_persons_name_is_no_place() {
    // Obama, Japan has 29,000 people
    assert!(names("President Barack Obama spoke on Tuesday.").is_empty());
    // a small town named bare, with nothing saying it is a place, is not taken
    assert!(names("Jackson said the talks had failed.").is_empty());
}

#[test]
fn a_town_named_like_a_known_person_is_no_place() {
    let gaz = Gazetteer::builtin();
    let s = "The letter from Obama reached Rubio's office in Havana.";
    let person = |w: &str| w == "obama" || w == "rubio";
    let found: Vec<&str> = gaz
        .find_mentions_except(s, &person)
        .iter()
        .map(|m| &s[m.start..m.end])
        .collect();
    assert_eq!(found, ["Havana"]);
    // without the coder's people, "Rubio's" is a town (in Venezuela); "from" announces no place
    // but after a word of motion ("the letter from Obama" is the sender)
    assert_eq!(gaz.find_mentions(s).len(), 2);
    // a capital stays a place even when a person has its name
    let s = "Officials in Riyadh denied it.";
    assert_eq!(gaz.find_mentions_except(s, &|w| w == "riyadh").len(), 1);
}

#[test]
fn a_country_named_beside_a_city_does_not_move_it() {
    // Moscow, Idaho and Paris, Texas are in the gazetteer; "U.S." says who, not where
    let g = geos("U.S. diplomats met their counterparts in Moscow.");
    assert_eq!(g[0].as_ref().unwrap().full_name, "Moscow, Russia");
    assert!(names("The U.N. met in Paris.")
        .contains(&("Paris".to_string(), "Paris, France".to_string())));
    // a town in capitals inside a sentence is no town: "UN" is not Un, India
    assert!(names("The UN condemned the strike.").is_empty());
}

#[test]
fn months_and_continents_are_no_towns() {
    assert!(names("Talks in March failed.").is_empty());
    assert!(names("Tensions rose across Asia.").is_empty());
}

#[test]
fn a_name_and_a_comma_opening_a_sentence_is_no_dateline() {
    let gaz = Gazetteer::builtin();
    let s = "Clinton, in a speech, urged calm.";
    assert!(gaz.find_mentions(s).iter().all(|m| !m.dateline));
    let s = "ATLANTA, Georgia — Police arrested dozens.";
    assert!(gaz.find_mentions(s)[0].dateline);
    let s = "Atlanta, Georgia — Police arrested dozens.";
    assert!(gaz.find_mentions(s)[0].dateline);
}

#[test]
fn a_sentence_without_a_place_takes_the_dateline() {
    let g = geos("BEIRUT, Lebanon (AP) - Talks resumed. The minister said nothing.");
    let g = g[1].as_ref().unwrap();
    assert_eq!(g.full_name, "Beirut, Lebanon");
    assert_eq!(g.geo_basis, "dateline");
    let g = geos("The minister said nothing new. Nobody else spoke.");
    assert!(g[1].is_none());
}

#[test]
fn a_sentence_without_a_place_takes_the_leads_first_place() {
    let g = geos("Turkey shelled Kurdish positions in Syria. The minister said nothing.");
    let g = g[1].as_ref().unwrap();
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Syria", "lead")
    );
}

#[test]
fn gdelt_fields_of_a_city() {
    let g = geos("Rebels regrouped near Aleppo.");
    let f = g[0].as_ref().unwrap().gdelt_fields();
    assert_eq!(f[0], "4");
    assert_eq!(f[1], "Aleppo, Syria");
    assert_eq!(f[2], "SY");
    assert_eq!(f[3], "SY09");
    assert_eq!(f[4], "36.2012");
    assert_eq!(f[5], "37.1612");
    assert_eq!(f[6], "170063");
}

#[test]
fn a_bad_line_names_the_file_and_line() {
    let table = "# header\nC\t1\tNarnia\tNA\tNAR\tNR\t\t1\t2\t10\tCair\t\nP\t2\tCair\tNA\t\t\t01\tnorth\t2\t10\t\t\n";
    let e = Gazetteer::parse(table, "extra.tsv").unwrap_err();
    assert_eq!(
        e.to_string(),
        "extra.tsv:3: latitude \"north\" is not a number within ±90"
    );
    let e = Gazetteer::parse("C\t1\tNarnia\n", "x.tsv").unwrap_err();
    assert!(e
        .to_string()
        .starts_with("x.tsv:1: 3 tab-separated fields, expected 12"));
    let ok = Gazetteer::parse(&table.replace("north", "3"), "extra.tsv").unwrap();
    assert_eq!(ok.places().len(), 2);
}

#[test]
fn the_builtin_table_loads() {
    let gaz = Gazetteer::builtin();
    assert!(gaz.places().len() > 34_000);
    assert_eq!(gaz.country("SY").unwrap().fips, "SY");
    assert_eq!(gaz.country("GE").unwrap().fips, "GG");
}

/// The place of an act of the last sentence of `text` (its first sentence being the lead).
fn event_geo(text: &str, kind: ActKind, source: Option<&str>, target: Option<&str>) -> Geo {
    let gaz = Gazetteer::builtin();
    let s = sentences(text);
    let geo = gaz.article(text, &s, 1);
    let last = s.len() - 1;
    let act = Act {
        kind,
        source_country: source,
        target_country: target,
        source_text: "the speaker",
        sentence: Span {
            start: s[last].start,
            end: s[last].end,
        },
        sentence_text: &text[s[last].clone()],
    };
    geo.event_geo(gaz, last, &act).expect("a place")
}

#[test]
fn a_statement_about_a_country_takes_place_where_the_speaker_is() {
    let g = event_geo(
        "Officials warned Iran on Monday.",
        ActKind::Said,
        Some("USA"),
        Some("IRN"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str(), g.text.as_str()),
        ("United States", "source", "the speaker")
    );
    // a place the sentence announces is where, whoever speaks
    let g = event_geo(
        "The minister criticised Iran in Paris on Monday.",
        ActKind::Said,
        Some("GBR"),
        Some("IRN"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Paris, France", "sentence")
    );
    // the speaker's own country named bare stays
    let g = event_geo(
        "Britain thanked Canada for its help.",
        ActKind::Said,
        Some("GBR"),
        Some("CAN"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("United Kingdom", "sentence")
    );
}

#[test]
fn a_statement_with_a_foreign_dateline_takes_the_speakers_country() {
    let g = event_geo(
        "JERUSALEM (AP) - Talks resumed. The spokesman praised Egypt.",
        ActKind::Said,
        Some("USA"),
        Some("EGY"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("United States", "source")
    );
    // a dateline in the speaker's country stays
    let g = event_geo(
        "JERUSALEM (AP) - Talks resumed. The prime minister criticised the plan.",
        ActKind::Said,
        Some("ISR"),
        None,
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Jerusalem, Israel", "dateline")
    );
}

#[test]
fn an_attack_named_by_its_sources_country_takes_place_in_the_targets() {
    let g = event_geo(
        "Iran sent troops to fight rebels. Iran attacked Syrian army posts.",
        ActKind::Done,
        Some("IRN"),
        Some("SYR"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Syria", "target")
    );
    // an attack in a place the sentence names stays there
    let g = event_geo(
        "Fighting went on. Iranian forces attacked rebels in Aleppo.",
        ActKind::Done,
        Some("IRN"),
        Some("SYR"),
    );
    assert_eq!(g.full_name, "Aleppo, Syria");
}

fn said(text: &str, source: &str, target: Option<&str>) -> Geo {
    event_geo(text, ActKind::Said, Some(source), target)
}

#[test]
fn a_capital_or_country_in_the_actors_words_is_not_the_place() {
    // a possessive is whose decision it is, not where
    let g = said(
        "Trump continued to tread softly after Ankara's decision to buy Russian missiles.",
        "USA",
        Some("TUR"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("United States", "source")
    );
    let g = said(
        "Israel is expressing new concerns about Iran's nuclear program.",
        "ISR",
        Some("IRN"),
    );
    assert_eq!(g.full_name, "Israel");
    // a capital named bare stands for its government: the speaker is at home
    let g = said(
        "The US sought to extract concessions from Pyongyang.",
        "USA",
        Some("PRK"),
    );
    assert_eq!(g.country_code, "US");
    // ... and is the place when it is the speaker's own
    let g = said("Pyongyang denied the report.", "PRK", None);
    assert_eq!(g.full_name, "Pyongyang, North Korea");
}

#[test]
fn to_names_a_place_only_after_a_word_of_motion() {
    let g = said(
        "The administration is in talks to sell nuclear equipment to Saudi Arabia.",
        "USA",
        Some("SAU"),
    );
    assert_eq!(g.country_code, "US");
    let g = said(
        "Pompeo flew to Tokyo to meet his counterparts.",
        "USA",
        Some("JPN"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Tokyo, Japan", "sentence")
    );
}

#[test]
fn a_seat_of_government_is_in_its_capital() {
    // "inside the White House": the cue skips "the"; the White House is in Washington
    let g = said(
        "Trump met the Russian ambassador inside the White House.",
        "RUS",
        Some("USA"),
    );
    assert_eq!(
        g.full_name,
        "Washington, District of Columbia, United States"
    );
    assert_eq!(g.text, "White House");
    assert_eq!(names("The Kremlin denied it.")[0].1, "Moscow, Russia");
}

#[test]
fn a_manner_a_brand_or_an_organisation_is_no_place() {
    assert!(names("He spoke with a London accent.").is_empty());
    assert!(names("He told USA TODAY that the talks failed.").is_empty());
    assert!(names("The Port of Cleveland signed an agreement.").is_empty());
    // the port of a place is the place
    assert_eq!(
        names("Ships docked at the port of Aden.")[0].1,
        "Aden, Yemen"
    );
}

#[test]
fn a_role_of_a_country_is_the_actor_not_the_place() {
    assert!(names("The president of France spoke first.").is_empty());
    assert!(names("He consulted the leaders of Britain and France.").is_empty());
}

#[test]
fn a_place_that_is_the_topic_of_a_statement_is_not_where_it_was_made() {
    let g = said(
        "The White House withheld an email about the attack in Benghazi.",
        "USA",
        None,
    );
    assert_eq!(g.country_code, "US");
    // a material act there is there
    let g = event_geo(
        "Gunmen stormed the compound. Militants attacked the consulate in Benghazi.",
        ActKind::Done,
        None,
        Some("USA"),
    );
    assert_eq!(g.full_name, "Benghazi, Libya");
}

#[test]
fn a_meeting_is_where_the_article_says_it_was_held() {
    let g = said(
        "Leaders gathered for the G-20 summit in Buenos Aires on Friday. Trump pressed Putin on the sidelines of the summit.",
        "USA",
        Some("RUS"),
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Buenos Aires, Argentina", "meeting")
    );
}

#[test]
fn regions_and_divisions_outside_the_us() {
    let n = names("Russian troops moved into Crimea.");
    assert_eq!(n, [("Crimea".to_string(), "Crimea, Ukraine".to_string())]);
    let g = geos("Jets struck villages in Idlib province on Monday.");
    let g = g[0].as_ref().unwrap();
    assert_eq!(
        (g.geo_type, g.full_name.as_str()),
        (5, "Idlib Province, Syria")
    );
    assert_eq!((g.adm1_code.as_str(), g.feature_id.as_str()), ("SY12", ""));
    assert_eq!(g.text, "Idlib province");
    // the city alone is the city
    assert_eq!(names("Jets struck Idlib.")[0].1, "Idlib, Syria");
    let g = geos("India sent more troops to Kashmir.");
    assert_eq!(g[0].as_ref().unwrap().full_name, "Kashmir, India");
}

#[test]
fn a_demonym_before_a_place_noun_names_the_country() {
    let g = event_geo(
        "Fighting went on. Militants captured the Syrian town of al-Qaryatayn.",
        ActKind::Done,
        None,
        None,
    );
    assert_eq!((g.full_name.as_str(), g.text.as_str()), ("Syria", "Syrian"));
    // a demonym alone is the actor's ("Syrian troops"), no place
    assert!(names("Syrian troops advanced.").is_empty());
}

#[test]
fn a_countrys_possessive_before_a_city_announces_the_city() {
    let g = event_geo(
        "Jets landed. Russia's buildup at Syria's Latakia airbase raised alarm.",
        ActKind::Done,
        Some("RUS"),
        Some("SYR"),
    );
    assert_eq!(g.full_name, "Latakia, Syria");
}

fn coded(text: &str, source: (&str, &str), target: Option<(&str, &str)>, quad: u8) -> Event {
    let gaz = Gazetteer::builtin();
    let s = sentences(text);
    let geo = gaz.article(text, &s, 1);
    let last = s.len() - 1;
    let mut e = Event {
        article_id: "a".into(),
        sentence_index: last,
        sentence: text[s[last].clone()].to_string(),
        span: Span {
            start: s[last].start,
            end: s[last].end,
        },
        date: String::new(),
        date_basis: None,
        published: None,
        source: tidings_event::Actor::new(source.0, source.1),
        target: target.map(|(t, c)| tidings_event::Actor::new(t, c)),
        cameo: "190".into(),
        root: "19".into(),
        quad_class: quad,
        goldstein: -10.0,
        plover: tidings_event::Plover {
            event: "ASSAULT".into(),
            mode: None,
        },
        values_from: None,
        negated: false,
        explain: Some(serde_json::json!({})),
        action_geo: None,
    };
    geo.place_event(gaz, last, &mut e);
    e
}

#[test]
fn an_actors_place_is_named_in_or_after_its_words_else_its_country() {
    let e = coded(
        "Fighting went on. Syrian rebels in Idlib attacked Russian troops.",
        ("Syrian rebels", "SYRREB"),
        Some(("Russian troops", "RUSMIL")),
        4,
    );
    let a1 = e.source.geo.as_ref().unwrap();
    assert_eq!(
        (a1.full_name.as_str(), a1.geo_type, a1.geo_basis.as_str()),
        ("Idlib, Syria", 4, "actor")
    );
    let a2 = e.target.as_ref().unwrap().geo.as_ref().unwrap();
    assert_eq!(
        (a2.full_name.as_str(), a2.geo_type, a2.geo_basis.as_str()),
        ("Russia", 1, "country")
    );
    assert_eq!(a2.country_code, "RS");
    assert_eq!(e.action_geo.as_ref().unwrap().full_name, "Idlib, Syria");
    // --explain says why each place was chosen
    let why = &e.explain.as_ref().unwrap()["place"];
    assert!(why["action"]
        .as_str()
        .unwrap()
        .contains("the sentence names \"Idlib\""));
    assert!(why["actor2"]
        .as_str()
        .unwrap()
        .contains("the actor's country"));
    // a place inside the actor's words; an actor without a country or place has none
    let e = coded(
        "Talks failed. Kabul police arrested protesters.",
        ("Kabul police", "AFGCOP"),
        Some(("protesters", "CVL")),
        4,
    );
    assert_eq!(
        e.source.geo.as_ref().unwrap().full_name,
        "Kabul, Afghanistan"
    );
    assert!(e.target.as_ref().unwrap().geo.is_none());
}

#[test]
fn the_acts_own_clause_before_the_sentence() {
    // the place of a clause a subordinating word opens is another act's
    let act = |text: &str, kind: ActKind, source_text: &str| {
        let gaz = Gazetteer::builtin();
        let s = [0..text.len()];
        let geo = gaz.article(text, &s, 0);
        let act = Act {
            kind,
            source_country: Some("IRN"),
            target_country: Some("SYR"),
            source_text,
            sentence: Span {
                start: 0,
                end: text.len(),
            },
            sentence_text: text,
        };
        geo.event_geo(gaz, 0, &act).unwrap()
    };
    let g = act(
        "Iran, which had sent troops to Syria, attacked rebels in Aleppo.",
        ActKind::Done,
        "Iran",
    );
    assert_eq!(g.full_name, "Aleppo, Syria");
    let g = act(
        "After talks in Geneva, the minister criticised Syria.",
        ActKind::Said,
        "the minister",
    );
    assert_eq!(
        (g.full_name.as_str(), g.geo_basis.as_str()),
        ("Iran", "source")
    );
    // a place inside a quotation is what a speaker spoke of
    let g = act(
        "“We will fight in Idlib,” the minister said in Tehran.",
        ActKind::Said,
        "the minister",
    );
    assert_eq!(g.full_name, "Tehran, Iran");
}

#[test]
fn a_capitalised_word_after_a_comma_is_not_part_of_the_name() {
    let n = names("At a debate in Las Vegas, Trump spoke.");
    assert_eq!(n[0].1, "Las Vegas, Nevada, United States");
}

#[test]
fn a_us_heavy_story_does_not_move_a_famous_city_to_a_small_us_town() {
    let g =
        geos("Officials in Chicago and Boston met. Talks with Iran resumed in Geneva on Monday.");
    assert_eq!(g[1].as_ref().unwrap().full_name, "Geneva, Switzerland");
    // the sentence itself can say so
    assert!(names("A storm hit Geneva, Illinois.")
        .iter()
        .any(|n| n.1 == "Geneva, Illinois, United States"));
}
