//! What `tidings eval` prints: score.py's summary line, a table per CAMEO root (01-20, then any other
//! root met), the root confusions most frequent first and, with `--misses`, each gold sentence with a
//! missed gold event or a false positive; or all of it as one JSON object (`--json`).

use super::Outcome;
use serde_json::{json, Value};
use tidings_cameo::CameoTable;
use tidings_gold::{Counts, Score, Triple};

/// Adds up the outcomes of all gold sentences.
pub fn total(outcomes: &[Outcome]) -> Score {
    let mut score = Score::default();
    for o in outcomes {
        score.add(&o.gold_triples, &o.got, &o.matched);
    }
    score
}

/// The roots to report: 01 to 20, then any other root of the gold or the coder.
fn roots(score: &Score) -> Vec<String> {
    let mut roots: Vec<String> = (1..=20).map(|n| format!("{n:02}")).collect();
    let others = score
        .per_root
        .keys()
        .filter(|r| !roots.contains(r))
        .cloned()
        .collect::<Vec<_>>();
    roots.extend(others);
    roots
}

fn root_name(table: &CameoTable, root: &str) -> String {
    table
        .get(root)
        .map(|c| c.name.to_lowercase())
        .unwrap_or_default()
}

pub fn print_human(score: &Score, misses: Option<&[Outcome]>, explain: bool) {
    let c = score.overall;
    outln!(
        "gold_sentences={} gold_events={} engine_events={} precision={:.3} recall={:.3} F1={:.3}",
        score.sentences,
        c.gold,
        c.engine,
        c.precision(),
        c.recall(),
        c.f1()
    );
    outln!(
        "tp={} fp={} fn={}",
        c.tp,
        c.false_positives(),
        c.false_negatives()
    );
    outln!();
    print_roots(score);
    outln!();
    print_confusions(score);
    if let Some(outcomes) = misses {
        outln!();
        print_misses(outcomes, explain);
    }
}

fn print_roots(score: &Score) {
    let table = CameoTable::builtin();
    outln!(
        "{:<4} {:<32} {:>5} {:>6} {:>4} {:>9} {:>6} {:>5}",
        "root",
        "",
        "gold",
        "engine",
        "tp",
        "precision",
        "recall",
        "F1"
    );
    for root in roots(score) {
        let c = score.per_root.get(&root).copied().unwrap_or_default();
        outln!(
            "{root:<4} {:<32} {:>5} {:>6} {:>4} {:>9.3} {:>6.3} {:>5.3}",
            root_name(&table, &root),
            c.gold,
            c.engine,
            c.tp,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
}

fn print_confusions(score: &Score) {
    outln!("root confusions (gold -> coded: a false positive with the countries of a gold event, another root):");
    let list = score.confusions_by_count();
    if list.is_empty() {
        outln!("  none");
    }
    for (gold, coded, n) in list {
        outln!("  {gold} -> {coded}  {n:>4}");
    }
}

fn print_misses(outcomes: &[Outcome], explain: bool) {
    outln!("missed gold events and false positives:");
    for o in outcomes.iter().filter(|o| has_miss(o)) {
        outln!();
        outln!(
            "{} (article {})  {}",
            o.gold.sid,
            o.gold.article_id,
            o.gold.text
        );
        for g in missed(o) {
            outln!("  missed          {}", show(g, "any"));
        }
        for e in false_positives(o) {
            outln!("  false positive  {}", show(e, "none"));
        }
        for (i, e) in o.events.iter().enumerate() {
            let mark = if o.matched.used[i] { "tp" } else { "fp" };
            let (target, target_text) = e.target.as_ref().map_or(("-", ""), |t| (&t.code, &t.text));
            outln!(
                "  coded ({mark})      {} -> {target} {}  {:?} -> {target_text:?}",
                e.source.code,
                e.cameo,
                e.source.text
            );
            if let (true, Some(x)) = (explain, &e.explain) {
                outln!("      explain {x}");
            }
        }
    }
}

fn has_miss(o: &Outcome) -> bool {
    o.matched.gold_hits.iter().any(Option::is_none) || o.matched.used.iter().any(|u| !u)
}

fn missed<'a>(o: &'a Outcome) -> impl Iterator<Item = &'a Triple> {
    o.gold_triples
        .iter()
        .zip(&o.matched.gold_hits)
        .filter(|(_, h)| h.is_none())
        .map(|(g, _)| g)
}

fn false_positives<'a>(o: &'a Outcome) -> impl Iterator<Item = &'a Triple> {
    o.got
        .iter()
        .zip(&o.matched.used)
        .filter(|(_, u)| !**u)
        .map(|(e, _)| e)
}

/// `USA -> GBR 04`; a target country of None is shown as `no_target`.
fn show(t: &Triple, no_target: &str) -> String {
    let source = t.source_country.as_deref().unwrap_or("none");
    let target = t.target_country.as_deref().unwrap_or(no_target);
    format!("{source} -> {target} {}", t.root)
}

pub fn print_json(score: &Score, misses: Option<&[Outcome]>) -> anyhow::Result<()> {
    let mut value = counts_json(&score.overall);
    value["gold_sentences"] = json!(score.sentences);
    let table = CameoTable::builtin();
    value["per_root"] = roots(score)
        .iter()
        .map(|root| {
            let mut row = counts_json(&score.per_root.get(root).copied().unwrap_or_default());
            row["root"] = json!(root);
            row["name"] = json!(root_name(&table, root));
            row
        })
        .collect();
    value["confusion"] = score
        .confusions_by_count()
        .into_iter()
        .map(|(gold, engine, count)| json!({"gold": gold, "engine": engine, "count": count}))
        .collect();
    if let Some(outcomes) = misses {
        value["misses"] = outcomes
            .iter()
            .filter(|o| has_miss(o))
            .map(miss_json)
            .collect();
    }
    outln!("{}", serde_json::to_string(&value)?);
    Ok(())
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "gold_events": c.gold, "engine_events": c.engine,
        "tp": c.tp, "fp": c.false_positives(), "fn": c.false_negatives(),
        "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
    })
}

fn miss_json(o: &Outcome) -> Value {
    json!({
        "sid": o.gold.sid,
        "article_id": o.gold.article_id,
        "sentence": o.gold.text,
        "missed": missed(o).collect::<Vec<_>>(),
        "false_positives": false_positives(o).collect::<Vec<_>>(),
        "events": o.events,
    })
}
