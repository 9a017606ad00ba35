//! Behaviour of the coder on single sentences, with the built-in dictionaries.

use crate::test_support::{coder, events_on, triples};
use crate::CodeOptions;
use chrono::NaiveDate;
use tidings_event::Event;

fn date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn code(text: &str, on: &str) -> Vec<Event> {
    events_on(text, Some(on))
}

fn has(events: &[Event], source: &str, target: &str, root: &str) -> bool {
    triples(events)
        .iter()
        .any(|(s, t, r)| s == source && t == target && r == root)
}

#[test]
fn active_voice() {
    let ev = code("China condemned Japan on Monday.", "2020-10-11");
    assert!(has(&ev, "CHN", "JPN", "11"), "{:?}", triples(&ev));
}

#[test]
fn passive_voice_swaps_source_and_target() {
    let ev = code("Japan was condemned by China.", "2020-10-11");
    assert!(has(&ev, "CHN", "JPN", "11"), "{:?}", triples(&ev));
    assert!(!has(&ev, "JPN", "CHN", "11"), "{:?}", triples(&ev));
}

#[test]
fn negated_acts_are_dropped_or_marked() {
    let ev = code("Russia did not attack Ukraine.", "2020-10-11");
    assert!(ev.is_empty(), "{:?}", triples(&ev));
    let kept = coder(true).code_text(
        "Russia did not attack Ukraine.",
        date("2020-10-11"),
        &CodeOptions {
            keep_negated: true,
            ..Default::default()
        },
    );
    assert!(
        kept.iter().any(|e| e.negated
            && e.source.code == "RUS"
            && e.target.as_ref().unwrap().code == "UKR"),
        "{:?}",
        triples(&kept)
    );
}

#[test]
fn compound_actors_give_one_event_each() {
    let ev = code(
        "China and Russia condemned the United States.",
        "2020-10-11",
    );
    assert!(has(&ev, "CHN", "USA", "11"), "{:?}", triples(&ev));
    assert!(has(&ev, "RUS", "USA", "11"), "{:?}", triples(&ev));
}

#[test]
fn intent_turns_cooperation_into_root_03() {
    let ev = code(
        "Chinese President Xi Jinping said he intends to deepen relations with Pyongyang.",
        "2020-10-11",
    );
    assert!(
        ev.iter().any(|e| e.source.code == "CHNGOV"
            && e.target.as_ref().unwrap().code == "PRKGOV"
            && e.root == "03"),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn reported_speech_codes_the_reported_act() {
    let ev = code("KCNA said that China praised North Korea.", "2020-10-11");
    assert!(has(&ev, "CHN", "PRK", "05"), "{:?}", triples(&ev));
    assert!(
        !ev.iter().any(|e| e.source.code.ends_with("MED")),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn a_pronoun_after_a_reporting_verb_is_the_reporter() {
    // the tag rules alone (the dependency-parse checks of `structure` judge the same sentences
    // on their own)
    let code =
        |text: &str| coder(false).code_text(text, date("2020-10-11"), &CodeOptions::default());
    let ev = code("Turkey said it shot down a Russian warplane.");
    assert!(has(&ev, "TUR", "RUSMIL", "19"), "{:?}", triples(&ev));
    // another subject after the reporting verb is not the reporter
    let ev = code("Turkey said Russia shot down a Syrian warplane.");
    assert!(
        !ev.iter().any(|e| e.source.code == "TUR"),
        "{:?}",
        triples(&ev)
    );
    // nor is a pronoun after a verb that is not one of reporting
    let ev = code("Iran denied it attacked Saudi Arabia.");
    assert!(
        !ev.iter().any(|e| e.root == "18" || e.root == "19"),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn agents_compose_with_countries() {
    let ev = code(
        "North Korean state media praised the Chinese president.",
        "2020-10-11",
    );
    assert!(has(&ev, "PRKMED", "CHNGOV", "05"), "{:?}", triples(&ev));
}

#[test]
fn same_name_codes_by_date() {
    // in office, out of office (a former official is an elite), back in office
    let first_term = code("Donald Trump praised Japan.", "2018-06-01");
    let between = code("Donald Trump praised Japan.", "2022-06-01");
    let second_term = code("Donald Trump praised Japan.", "2025-06-01");
    assert_eq!(
        first_term[0].source.code,
        "USAGOV",
        "{:?}",
        triples(&first_term)
    );
    assert_eq!(between[0].source.code, "USAELI", "{:?}", triples(&between));
    assert_eq!(
        second_term[0].source.code,
        "USAGOV",
        "{:?}",
        triples(&second_term)
    );
    // before a first office: the country alone
    let before = code("Emmanuel Macron praised Japan.", "2012-06-01");
    assert_eq!(before[0].source.code, "FRA", "{:?}", triples(&before));
}

#[test]
fn short_names_and_pronouns_resolve_within_an_article() {
    let ev = code(
        "Kim Jong Un met Xi Jinping in Beijing. Later, Kim praised China. He also thanked Xi.",
        "2019-01-10",
    );
    assert!(
        ev.iter().any(|e| e.sentence.starts_with("Later")
            && e.source.code == "PRKGOV"
            && e.source.name.as_deref() == Some("Kim Jong Un")),
        "{:?}",
        triples(&ev)
    );
    assert!(
        ev.iter().any(|e| e.sentence.starts_with("He")
            && e.source.code == "PRKGOV"
            && e.target.as_ref().is_some_and(|t| t.code == "CHNGOV")),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn the_sentence_date_wins_over_the_article_date() {
    let ev = code("China condemned Japan on Saturday.", "2020-10-11");
    assert_eq!(ev[0].date, "2020-10-10");
    let ev = code("China condemned Japan.", "2020-10-11");
    assert_eq!(ev[0].date, "2020-10-11");
}

#[test]
fn events_carry_cameo_facts() {
    let ev = code("China praised North Korea.", "2020-10-11");
    let e = &ev[0];
    assert_eq!((e.quad_class, e.plover.event.as_str()), (1, "SUPPORT"));
    assert!((e.goldstein - 3.4).abs() < 1e-6);
    assert_eq!(&e.sentence, "China praised North Korea.");
}

#[test]
fn questions_conditionals_and_hypotheticals_are_not_events() {
    for text in [
        "Will China attack Japan?",
        "If Russia attacks Ukraine, the West will respond.",
        "China could attack Japan.",
        "The United States urged Russia to attack Ukraine.",
    ] {
        let ev = code(text, "2020-10-11");
        assert!(
            !ev.iter().any(|e| e.root == "19" || e.root == "18"),
            "{text}: {:?}",
            triples(&ev)
        );
    }
    // the appeal itself stands
    let ev = code(
        "The United States urged Russia to withdraw from Ukraine.",
        "2020-10-11",
    );
    assert!(
        ev.iter().any(|e| e.source.code == "USA"
            && e.target.as_ref().is_some_and(|t| t.code == "RUS")
            && (e.root == "02" || e.root == "10")),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn places_after_a_locative_preposition_are_not_targets() {
    // when the clause names the real target after the place
    let ev = code(
        "Russia condemned the violence in Syria against Turkey.",
        "2020-10-11",
    );
    assert!(!has(&ev, "RUS", "SYR", "11"), "{:?}", triples(&ev));
}

#[test]
fn a_definite_role_phrase_refers_to_the_person_named_before() {
    let ev = code(
        "Xi Jinping arrived in Pyongyang. The Chinese president praised North Korea.",
        "2019-06-20",
    );
    let e = ev
        .iter()
        .find(|e| e.sentence.starts_with("The Chinese"))
        .unwrap_or_else(|| panic!("{:?}", triples(&ev)));
    assert_eq!(
        (e.source.code.as_str(), e.source.name.as_deref()),
        ("CHNGOV", Some("Xi Jinping"))
    );
}

#[test]
fn country_names_inside_other_names_are_not_countries() {
    for text in [
        "Pro-Russian rebels attacked Ukrainian troops.",
        "Radio France Internationale criticized Mali.",
    ] {
        let ev = code(text, "2020-10-11");
        assert!(
            !ev.iter()
                .any(|e| e.source.code.starts_with("RUS") || e.source.code == "FRA"),
            "{text}: {:?}",
            triples(&ev)
        );
    }
    let ev = code(
        "Russia increased its attacks in Eastern Ukraine.",
        "2020-10-11",
    );
    assert!(
        !ev.iter().any(|e| e
            .target
            .as_ref()
            .is_some_and(|t| t.text.contains("Eastern"))),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn future_weekdays_and_lead_dates() {
    // "will ... on Friday" in an article of Sunday 2020-10-11 is the coming Friday
    let ev = code("China will host Japan on Friday.", "2020-10-11");
    assert!(
        ev.iter().all(|e| e.date == "2020-10-16"),
        "{:?}",
        ev.iter().map(|e| &e.date).collect::<Vec<_>>()
    );
    // the lead's date dates the lead only
    let article = tidings_article::Article {
        id: "a".into(),
        title: Some("Talks".into()),
        date: date("2020-10-11"),
        source: None,
        url: None,
        text: "Officials met on Saturday.\n\nChina praised Japan.\n\nOne.\n\nTwo.\n\nThree.\n\nRussia praised Japan.".into(),
        origin: tidings_article::Origin { file: "t".into(), line: 1 },
        warnings: Vec::new(),
    };
    let coded = coder(true).code(&article, &CodeOptions::default());
    let by = |s: &str| {
        coded
            .events
            .iter()
            .find(|e| e.source.code == s)
            .map(|e| e.date.clone())
    };
    assert_eq!(
        by("CHN").as_deref(),
        Some("2020-10-10"),
        "{:?}",
        coded.events
    );
    assert_eq!(
        by("RUS").as_deref(),
        Some("2020-10-11"),
        "{:?}",
        coded.events
    );
}

#[test]
fn undated_text_uses_dates_that_carry_their_year() {
    let ev = coder(true).code_text(
        "In August 2016, China condemned Japan.",
        None,
        &CodeOptions::default(),
    );
    assert_eq!(
        (ev[0].date.as_str(), ev[0].date_basis.as_deref()),
        ("2016-08-01", Some("sentence-month"))
    );
}

#[test]
fn a_persons_agents_are_their_countrys() {
    let ev = code("Assad's forces attacked Turkish troops.", "2016-06-01");
    assert!(has(&ev, "SYRMIL", "TURMIL", "19"), "{:?}", triples(&ev));
}

#[test]
fn agents_in_a_capital_belong_to_its_country() {
    let ev = code(
        "Protesters in Baghdad condemned the United States.",
        "2020-01-01",
    );
    assert!(has(&ev, "IRQCVL", "USA", "11"), "{:?}", triples(&ev));
}

#[test]
fn a_target_after_a_coordinated_verb_is_that_verbs() {
    let ev = code(
        "Iran rejected the criticism and accused France of hypocrisy.",
        "2024-03-14",
    );
    assert!(has(&ev, "IRN", "FRA", "11"), "{:?}", triples(&ev));
    assert!(!has(&ev, "IRN", "FRA", "12"), "{:?}", triples(&ev));
}

#[test]
fn he_does_not_jump_over_an_unknown_speaker() {
    // Kamalvandi is in no dictionary: "he" is him, not Rouhani, so no event is coded for "he"
    let ev = code("Hassan Rouhani praised Russia. Behrouz Kamalvandi told reporters that he condemned Israel.", "2019-07-01");
    assert!(
        !ev.iter()
            .any(|e| e.sentence.starts_with("Behrouz") && e.source.code == "IRNGOV"),
        "{:?}",
        triples(&ev)
    );
    assert!(
        ev.iter().any(
            |e| e.source.code == "IRNGOV" && e.target.as_ref().is_some_and(|t| t.code == "RUS")
        ),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn asking_a_question_is_not_an_appeal() {
    for text in [
        "A reporter asked Trump if Kim agreed to denuclearize.",
        "Trump was asked by a reporter if Kim agreed.",
        "Trump decided to ask his generals how many people would be killed.",
    ] {
        let ev = code(text, "2019-06-01");
        assert!(
            !ev.iter().any(|e| e.root == "02"),
            "{text}: {:?}",
            triples(&ev)
        );
    }
    let ev = code("Britain asked Trump to uphold the pact.", "2019-06-01");
    assert!(has(&ev, "GBR", "USAGOV", "02"), "{:?}", triples(&ev));
}

#[test]
fn he_after_an_unknown_name_is_not_the_last_known_person() {
    // "he" is Bercow, whom the dictionaries do not know, not Johnson
    let ev = code(
        "Boris Johnson spoke in Parliament. MPs applauded Speaker John Bercow as he criticized the Prime Minister.",
        "2019-09-05",
    );
    assert!(
        !ev.iter()
            .any(|e| e.sentence.starts_with("MPs") && e.source.code == "GBRGOV"),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn a_possessor_after_a_comma_is_not_another_member() {
    // Haley urged China, not North Korea
    let ev = code(
        "Nikki Haley urged China, North Korea's only major ally, to do more.",
        "2017-08-01",
    );
    assert!(
        ev.iter()
            .any(|e| e.target.as_ref().is_some_and(|t| t.code == "CHN")),
        "{:?}",
        triples(&ev)
    );
    assert!(
        !ev.iter()
            .any(|e| e.target.as_ref().is_some_and(|t| t.code.starts_with("PRK"))),
        "{:?}",
        triples(&ev)
    );
}

#[test]
fn the_acronym_of_a_defunct_organisation_names_it_only_while_it_existed() {
    // "IRA": the Irish Republican Army disbanded in 2005; in 2018 news the letters are the
    // Internet Research Agency, which the dictionaries do not know
    let then = code(
        "The IRA attacked British soldiers in Belfast.",
        "1993-05-01",
    );
    assert!(
        triples(&then).iter().any(|t| t.0 == "GBRINSIRA"),
        "{:?}",
        triples(&then)
    );
    let later = code(
        "The IRA attacked British soldiers in Belfast.",
        "2018-05-01",
    );
    assert!(!triples(&later).iter().any(|t| t.0 == "GBRINSIRA"));
    let named = code(
        "The Irish Republican Army attacked British soldiers in Belfast.",
        "2018-05-01",
    );
    assert!(triples(&named).iter().any(|t| t.0 == "GBRINSIRA"));
}

#[test]
fn he_after_an_unknown_speaker_is_that_speaker() {
    let text = "Putin \"is not our friend,\" Burr said, and he urged Trump to confront Moscow.";
    let events = code(text, "2018-07-16");
    assert!(
        !triples(&events).iter().any(|t| t.0.starts_with("RUS")),
        "{:?}",
        triples(&events)
    );
    // a known speaker stays known, and a weekday is no speaker
    let text = "President Donald Trump on Monday said he had urged Congress to act.";
    let events = code(text, "2018-07-16");
    assert!(
        triples(&events).iter().any(|t| t.0.starts_with("USA")),
        "{:?}",
        triples(&events)
    );
}

#[test]
fn a_negated_subject_with_an_adjective_and_an_event_clause_code_nothing() {
    let none = code(
        "No sitting US president has ever met a North Korean leader.",
        "2018-03-09",
    );
    assert!(none.is_empty(), "{:?}", triples(&none));
    let met = code(
        "The US president met the North Korean leader on Tuesday.",
        "2018-03-09",
    );
    assert!(!met.is_empty());
    let hypothetical = code(
        "Seoul is ready in the event the regime decides to attack South Korea.",
        "2018-03-09",
    );
    assert!(hypothetical.is_empty(), "{:?}", triples(&hypothetical));
}

#[test]
fn a_suspicion_is_no_report() {
    let text = "The claim comes after months of suspicions that the Syrian regime has used sarin against rebels.";
    assert!(code(text, "2013-03-15").is_empty());
}

#[test]
fn code_each_hands_over_each_sentences_events_in_order() {
    let article = tidings_article::Article {
        id: "a".into(),
        title: Some("China praises North Korea".into()),
        date: date("2020-10-11"),
        source: None,
        url: None,
        text: "China praised North Korea on Saturday.\n\nNothing happened.\n\nRussia attacked Ukraine.\n\nJapan condemned China.".into(),
        origin: tidings_article::Origin { file: "t".into(), line: 1 },
        warnings: Vec::new(),
    };
    let whole = coder(true).code(&article, &CodeOptions::default());
    let mut batches: Vec<Vec<Event>> = Vec::new();
    let each = coder(true).code_each(&article, &CodeOptions::default(), &mut |b| batches.push(b));
    assert!(each.events.is_empty());
    assert_eq!(each.sentence_count, whole.sentence_count);
    assert!(
        batches.len() >= 3,
        "one batch per sentence with events: {batches:?}"
    );
    for batch in &batches {
        assert!(!batch.is_empty());
        assert!(batch
            .iter()
            .all(|e| e.sentence_index == batch[0].sentence_index));
    }
    let streamed: Vec<String> = batches
        .iter()
        .flatten()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    let collected: Vec<String> = whole
        .events
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    assert_eq!(streamed, collected);
}
