//! Behaviour of the coder with small PETRARCH dictionaries (the notions the built-in dictionaries
//! lack: coding ontologies, compound subjects, paired codes).

use crate::{CodeOptions, Coder};
use tidings_dict::{petrarch, DictionaryBuilder};

const ACTORS: &str = "ARNOR_ [ARN]\nGONDOR_ [GON]\nOSGILIATH_ [OSG]\n";
const ONTOLOGY: &str = "050:0x0080\n057:0x0087\n110:0x1007f\n170:0x10086\n190:0x00A0\n";

fn coder(verbs: &str, ontology: Option<&str>) -> Coder {
    let mut b = DictionaryBuilder::new();
    petrarch::add_petrarch_actors(&mut b, "actors.txt", ACTORS);
    petrarch::add_petrarch_verbs(&mut b, "verbs.txt", verbs);
    if let Some(o) = ontology {
        petrarch::add_petrarch_ontology(&mut b, "pico.txt", o);
    }
    let (dicts, errors) = b.build();
    assert!(errors.is_empty(), "{errors:?}");
    Coder::new(dicts)
}

/// (source, target, code) of each event.
fn coded(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = coder
        .code_text(text, None, &CodeOptions::default())
        .into_iter()
        .map(|e| {
            let t = e.target.map(|t| t.code).unwrap_or_default();
            (e.source.code, t, e.cameo)
        })
        .collect();
    v.sort();
    v
}

fn triple(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

const CLASH: &str = "--- CLASH [190] ---\nCLASH\n- * (OVER EFFORTS) [110]\n\
    --- WIRETAP [170] ---\nWIRE TAP\n- * + [170]\n";

#[test]
fn an_ontology_says_what_a_negated_act_is() {
    let c = coder(CLASH, Some(ONTOLOGY));
    assert_eq!(
        coded(&c, "Arnor didn't clash over the efforts of Gondor."),
        [triple("ARN", "GON", "050")]
    );
    assert_eq!(
        coded(
            &c,
            "Arnor most certainly did not even ever clash over the efforts of Gondor."
        ),
        [triple("ARN", "GON", "050")]
    );
    assert_eq!(
        coded(&c, "Arnor will not wire tap Gondor."),
        [triple("ARN", "GON", "057")]
    );
    // no code has the negated value of a fight: the act stays negated and is not coded
    assert!(coded(&c, "Arnor did not clash with Gondor.").is_empty());
}

#[test]
fn without_an_ontology_petrarch_sets_have_no_negation() {
    let c = coder(CLASH, None);
    assert_eq!(
        coded(&c, "Arnor didn't clash over the efforts of Gondor."),
        [triple("ARN", "GON", "110")]
    );
}

const AGREE: &str = "--- AGREE [050] ---\nAGREE\n- % * [050]\n- * (WITH) [030]\n\
    --- RENEW [050] ---\nRENEW\n- % * {DIPLOMATIC TIES} [050:050]\n";

#[test]
fn a_compound_subject_acts_among_its_members() {
    let c = coder(AGREE, None);
    assert_eq!(
        coded(
            &c,
            "Arnor and Gondor agree that the dispute should be settled."
        ),
        [triple("ARN", "GON", "050"), triple("GON", "ARN", "050")]
    );
    // a paired code adds nothing: the members already act on each other
    assert_eq!(
        coded(&c, "Arnor and Osgiliath have renewed diplomatic ties."),
        [triple("ARN", "OSG", "050"), triple("OSG", "ARN", "050")]
    );
    // an abbreviation in brackets stays with its actor
    assert_eq!(
        coded(&c, "Arnor and the Osgiliath (OSG) agree that it is over."),
        [triple("ARN", "OSG", "050"), triple("OSG", "ARN", "050")]
    );
    // one actor alone is no compound: the other patterns apply
    assert_eq!(
        coded(&c, "Arnor agreed with Gondor."),
        [triple("ARN", "GON", "030")]
    );
}

const LOCAL_CODES: &str = "--- ADOPT [057] ---\nADOPT\n- * REVOLUTION [802]\n\
    --- ARREST [212] ---\nARREST\n--- CONDEMN [111] ---\nCONDEMN\n- * RECORD [1119]\n";

/// (cameo, root, quad class, goldstein, values_from) of the only event.
fn values(coder: &Coder, text: &str) -> (String, String, u8, f32, Option<String>) {
    let events = coder.code_text(text, None, &CodeOptions::default());
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    (
        e.cameo.clone(),
        e.root.clone(),
        e.quad_class,
        e.goldstein,
        e.values_from.clone(),
    )
}

#[test]
fn codes_outside_cameo_keep_their_code_and_name_the_values_they_borrow() {
    let c = coder(LOCAL_CODES, None);
    // a finer code takes its CAMEO parent's values
    assert_eq!(
        values(&c, "Arnor condemned the record of Gondor."),
        ("1119".into(), "11".into(), 3, -2.0, Some("111".into()))
    );
    // a local code without a CAMEO ancestor takes the verb's own entry
    assert_eq!(
        values(&c, "Arnor adopted a revolution with Gondor."),
        ("802".into(), "80".into(), 1, 8.0, Some("057".into()))
    );
    // ... and when that is local too, the unspecified statement's
    assert_eq!(
        values(&c, "Arnor arrested Gondor."),
        ("212".into(), "21".into(), 1, 0.0, Some("010".into()))
    );
    // a CAMEO code borrows nothing
    assert_eq!(values(&c, "Arnor condemned Gondor.").4, None);
}

#[test]
fn a_petrarch_pattern_takes_its_object_across_prepositional_phrases() {
    let c = coder("--- ARRANGE [040] ---\nARRANGE\n", None);
    assert_eq!(
        coded(
            &c,
            "Arnor has arranged for the reopening of guest houses in Gondor."
        ),
        [triple("ARN", "GON", "040")]
    );
    // the built-in dictionaries stop at two prepositions
    assert!(!tidings_dict::Dictionaries::builtin().petrarch_verbs);
}

#[test]
fn an_infinitive_is_coded_when_its_governor_has_no_pattern() {
    let verbs = format!("{CLASH}--- DECIDE [036] ---\nDECIDE\n");
    let c = coder(&verbs, Some(ONTOLOGY));
    // "try" is no verb of the set: the infinitive is the act, and the negation is try's
    assert_eq!(
        coded(
            &c,
            "Arnor now won't try to clash over the efforts of Gondor."
        ),
        [triple("ARN", "GON", "110")]
    );
    // "decide" is: the infinitive is its content
    assert!(
        !coded(&c, "Arnor decided to clash over the efforts of Gondor.")
            .iter()
            .any(|e| e.2 == "110")
    );
}

const CRITICIZE: &str = "--- CRITICIZE [111] ---\nCRITICIZE\n- HEAVILY * [122]\n\
    --- FREE [080] ---\nFREE\n- + * (FROM $) [080]\n--- BREAK [120] ---\nBREAK\n\
    --- SEE [020] ---\nSEE {SEES SEEING SEEN}\n";

#[test]
fn a_passive_without_by_takes_its_source_from_the_verb_phrase() {
    let c = coder(CRITICIZE, None);
    assert_eq!(
        coded(&c, "Gondor was criticized over its dispute with Arnor."),
        [triple("ARN", "GON", "111")]
    );
    // words a pattern puts before the verb stand before the auxiliary, not after it
    for text in [
        "Gondor was heavily criticized over its dispute with Arnor.",
        "Gondor was heavily and unjustly criticized over its dispute with Arnor.",
    ] {
        assert_eq!(coded(&c, text), [triple("ARN", "GON", "111")], "{text}");
    }
    // a pattern with its target before the verb describes the passive itself
    assert_eq!(
        coded(&c, "Gondor was freed from Osgiliath after the fighting."),
        [triple("OSG", "GON", "080")]
    );
    // an infinitive between holds the actor: it is no source of the passive
    assert!(!coded(&c, "Gondor was seen to break into Arnor.")
        .iter()
        .any(|e| e.2 == "020"));
}

#[test]
fn a_name_apart_from_its_anti_prefix_is_an_actor() {
    let c = coder(CRITICIZE, None);
    assert_eq!(
        coded(&c, "Arnor criticized an anti- Gondor parade."),
        [triple("ARN", "GON", "111")]
    );
    assert!(coded(&c, "Arnor criticized an anti-Gondor parade.").is_empty());
}

#[test]
fn a_verb_listed_under_its_own_spelling_goes_before_another_verbs_form() {
    let c = coder(
        "--- LEAVE [012] ---\nLEAVE\n- (ABLE TO) * [012]\n--- LEFT [042:043] ---\nLEFT [042:043]\n",
        None,
    );
    assert_eq!(
        coded(&c, "Arnor left for Gondor on Wednesday."),
        [triple("ARN", "GON", "042"), triple("GON", "ARN", "043")]
    );
}

#[test]
fn a_possessive_country_takes_the_title_after_a_few_words() {
    let mut b = DictionaryBuilder::new();
    petrarch::add_petrarch_actors(
        &mut b,
        "actors.txt",
        "ARNOR_ [ARN]\n+TELEMAR\nGONDOR_ [GON]\n",
    );
    petrarch::add_petrarch_agents(&mut b, "agents.txt", "PRIME_MINISTER [~GOV]\n");
    petrarch::add_petrarch_verbs(&mut b, "verbs.txt", CRITICIZE);
    let (dicts, errors) = b.build();
    assert!(errors.is_empty(), "{errors:?}");
    let c = Coder::new(dicts);
    assert_eq!(
        coded(
            &c,
            "Arnor's first Deputy Prime Minister Telemar criticized Gondor."
        ),
        [triple("ARNGOV", "GON", "111")]
    );
}

#[test]
fn a_name_after_a_preposition_and_a_word_is_no_subject() {
    let verbs = format!("{CRITICIZE}--- PROMISE [030] ---\nPROMISE\n- * AID [033]\n");
    let c = coder(&verbs, None);
    let e = coded(
        &c,
        "Arnor criticized the soldiers in south Osgiliath and promised aid to the villages of Gondor.",
    );
    assert!(e.contains(&triple("ARN", "GON", "033")), "{e:?}");
    assert!(!e.iter().any(|t| t.0 == "OSG"), "{e:?}");
}

#[test]
fn a_petrarch_noun_phrase_takes_one_word_more() {
    let c = coder(
        "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n--- ABANDON [1121] ---\nABANDON\n\
         - * {NEW &TIETYPES RELATIONS} [1951]\n",
        None,
    );
    let code = |text: &str| coded(&c, text).first().map(|t| t.2.clone());
    assert_eq!(
        code("Arnor will abandon new global economic relations with Gondor.").as_deref(),
        Some("1951")
    );
    // two words more break the phrase: the verb's own code
    assert_eq!(
        code("Arnor will abandon new global economic trade relations with Gondor.").as_deref(),
        Some("1121")
    );
}

#[test]
fn an_infinitive_is_coded_when_its_governing_verb_yields_no_act() {
    let c = coder(CRITICIZE, None);
    // "seen" has no actor to act on: PETRARCH's parse passes "break into" up to the clause
    assert_eq!(
        coded(&c, "Gondor was seen to break into Arnor."),
        [triple("GON", "ARN", "120")]
    );
    // "decided" yields an act of its own, whose content the infinitive is
    let verbs = format!("{CLASH}--- DECIDE [036] ---\nDECIDE\n");
    let c = coder(&verbs, None);
    assert!(!coded(&c, "Arnor decided to clash with Gondor.")
        .iter()
        .any(|e| e.2 == "190"));
}

#[test]
fn petrarch_sets_code_acts_under_modals_and_gerunds_after_them() {
    let c = coder(CLASH, None);
    assert_eq!(
        coded(&c, "Arnor indicated it should have clashed with Gondor."),
        [triple("ARN", "GON", "190")]
    );
    assert_eq!(
        coded(&c, "Arnor indicated it would clashing now with Gondor."),
        [triple("ARN", "GON", "190")]
    );
    // a gerund without a modal or a form of "be" is still no finite verb
    assert!(coded(&c, "Arnor watched a parade clashing with Gondor.").is_empty());
}

#[test]
fn neither_nor_joins_the_subjects() {
    let c = coder(CLASH, None);
    assert_eq!(
        coded(&c, "Neither Arnor nor Osgiliath clashed with Gondor."),
        [triple("ARN", "GON", "190"), triple("OSG", "GON", "190")]
    );
}

#[test]
fn a_finite_form_right_after_its_subject_is_a_verb_whatever_the_tagger_says() {
    let c = coder("--- DEPART [040] ---\nDEPART\n", None);
    assert_eq!(
        coded(
            &c,
            "Arnor departs from Gondor almost five years after crowds trashed its embassy."
        ),
        [triple("ARN", "GON", "040")]
    );
}

#[test]
fn words_before_the_verb_match_in_its_phrase_and_subject_only() {
    let verbs = "--- ALLOW [080] ---\nALLOW\n- RECENTLY * [025]\n\
        --- DEPLORE [111] ---\nDEPLORE\n- INDICATED * [123]\n\
        --- MOUNT [---] ---\nMOUNT\n- {DEATH TOLL} * [190]\n--- INDICATE [---] ---\nINDICATE\n";
    let c = coder(verbs, None);
    // an adverb between subject and verb, a verb of the set in another clause: no match, the
    // verb's own code
    assert_eq!(
        coded(&c, "Arnor recently allowed Gondor into the pass."),
        [triple("ARN", "GON", "080")]
    );
    assert_eq!(
        coded(&c, "Arnor indicated it deplored Gondor."),
        [triple("ARN", "GON", "111")]
    );
    // words of the subject match
    assert_eq!(
        coded(
            &c,
            "Arnor's death toll has mounted in the dispute with Gondor."
        ),
        [triple("ARN", "GON", "190")]
    );
}

#[test]
fn a_caret_skips_a_word_or_the_actor_there() {
    let verbs = "--- CELEBRATE [017] ---\nCELEBRATE\n- * FEAST (IN ^) + [017]\n";
    let c = coder(verbs, None);
    // the actor after "in" is passed over; the target is the next one
    assert_eq!(
        coded(&c, "Arnor celebrated the feast in Osgiliath with Gondor."),
        [triple("ARN", "GON", "017")]
    );
}

#[test]
fn a_pattern_word_may_be_the_head_of_a_long_object() {
    let verbs = "--- LAUNCH [---] ---\nLAUNCH\n- * OFFENSIVE [190]\n- * FLORIN [073]\n- * {GOLD FLORIN} [070]\n";
    let c = coder(verbs, None);
    assert_eq!(
        coded(
            &c,
            "Arnor launched a new bombing and shelling offensive against Gondor."
        ),
        [triple("ARN", "GON", "190")]
    );
    // a closer match of another pattern comes first
    assert_eq!(
        coded(
            &c,
            "Arnor launched a million austrian gold florin to Gondor."
        ),
        [triple("ARN", "GON", "070")]
    );
}

#[test]
fn a_weekday_after_the_verb_stands_outside_the_pattern() {
    let verbs = "--- VOW [170] ---\nVOW\n- * WAR [190]\n";
    let c = coder(verbs, None);
    assert_eq!(
        coded(&c, "Arnor vowed on Thursday to wage war on Gondor."),
        [triple("ARN", "GON", "190")]
    );
}

#[test]
fn an_infinitive_marker_is_no_preposition_before_the_verb() {
    let verbs = "--- ACCORD [013] ---\nACCORD\n- (TO) * [073]\n";
    let c = coder(verbs, None);
    // "to" right before the verb marks the infinitive: the verb's own code
    assert_eq!(
        coded(&c, "Arnor is inching to accord with Gondor."),
        [triple("ARN", "GON", "013")]
    );
    // a verb followed by an adverb and "to" is part of the infinitive's chain
    assert_eq!(
        coded(&c, "Arnor is inching nearer to accord with Gondor."),
        [triple("ARN", "GON", "013")]
    );
}

#[test]
fn a_prepositions_object_follows_it_after_determiners_only() {
    let verbs = "--- BARGAIN [031] ---\nBARGAIN\n- * (FOR ASYLUM) [1032]\n- * ASYLUM [1033]\n";
    let c = coder(verbs, None);
    assert_eq!(
        coded(&c, "Arnor will bargain for the asylum in Gondor."),
        [triple("ARN", "GON", "1032")]
    );
    // an adjective between: not the phrase, the noun alone
    assert_eq!(
        coded(&c, "Arnor will bargain for foreign asylum in Gondor."),
        [triple("ARN", "GON", "1033")]
    );
}
