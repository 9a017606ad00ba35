//! Loads PETRARCH2's production dictionaries (the set PETR_config.ini names) and reports the time, the
//! rejected lines and the peak memory (VmHWM). Run: `cargo bench -p tidings-validate --bench load_petrarch`.

use std::path::Path;
use std::time::Instant;
use tidings_dict::petrarch::load_petrarch_dir;
use tidings_dict::DictionaryBuilder;

fn vm_hwm_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peers/petrarch2/dictionaries");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let before = vm_hwm_kb().unwrap_or(0);
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        let mut b = DictionaryBuilder::new();
        let summary = load_petrarch_dir(&mut b, &dir).expect("load");
        let (dicts, errors) = b.build();
        times.push(start.elapsed());
        last = Some((
            summary,
            dicts.actors.entries.len(),
            dicts.actors.phrases.len(),
            dicts.agents.phrases.len(),
            dicts.verbs.len(),
            errors,
        ));
    }
    times.sort();
    let (summary, actors, actor_phrases, agents, patterns, errors) = last.unwrap();
    println!("PETRARCH2 production dictionaries: {} actors ({} phrases), {} agent phrases, {} verbs, {} pattern lines -> {} patterns, {} transformations",
        actors, actor_phrases, agents, summary.verbs.verbs, summary.verbs.pattern_lines, patterns, summary.verbs.transformations.len());
    println!(
        "load + build: best {:.0} ms, median {:.0} ms (5 runs)",
        times[0].as_secs_f64() * 1e3,
        times[2].as_secs_f64() * 1e3
    );
    println!(
        "peak memory (VmHWM): {} MB (process start {} MB)",
        vm_hwm_kb().unwrap_or(0) / 1024,
        before / 1024
    );
    println!("rejected lines: {}", errors.len());
    for e in &errors {
        println!("  {e}");
    }
}
