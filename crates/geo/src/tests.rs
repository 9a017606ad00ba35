use super::*;

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
    // without the coder's people, both are towns (in Japan and Venezuela)
    assert_eq!(gaz.find_mentions(s).len(), 3);
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
    };
    geo.event_geo(gaz, last, &act).expect("a place")
}

#[test]
fn a_statement_about_a_country_takes_place_where_the_speaker_is() {
    let g = event_geo(
        "The State Department warned Iran on Monday.",
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
        "JERUSALEM (AP) - Talks resumed. The White House praised Egypt.",
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
