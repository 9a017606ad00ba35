//! `tidings-fuzz TARGET [--cases N] [--seconds S] [--seed FIRST] [--max-len BYTES] [--seeds FILE]
//! [--hang SECONDS] [--max-rss-mb MB] [--crash-dir DIR]`, or `tidings-fuzz TARGET --replay FILE`.
//!
//! Runs case after case of one target (see README.md): case `i` is made from seed `FIRST + i`, so
//! any case can be made again. Stops at the first failure (a broken property, a panic, a case
//! slower than `--hang`, or the process above `--max-rss-mb`), saves the input under `--crash-dir`
//! and exits 1; else prints the count of cases and exits 0.

mod dates;
mod dicts;
mod files;
mod gen;
mod seeds;
mod targets;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use targets::{Ctx, TARGETS};

struct Options {
    target: String,
    cases: u64,
    seconds: Option<f64>,
    first_seed: u64,
    max_len: usize,
    seeds: Option<PathBuf>,
    hang: f64,
    max_rss_mb: u64,
    crash_dir: PathBuf,
    replay: Option<PathBuf>,
}

fn usage() -> ! {
    eprintln!(
        "usage: tidings-fuzz TARGET [--cases N] [--seconds S] [--seed FIRST] [--max-len BYTES] \
         [--seeds FILE] [--hang SECONDS] [--max-rss-mb MB] [--crash-dir DIR] [--replay FILE]\n\
         targets: {}",
        TARGETS.join(", ")
    );
    std::process::exit(2)
}

fn parse() -> Options {
    let mut args = std::env::args().skip(1);
    let target = args.next().unwrap_or_else(|| usage());
    if !TARGETS.contains(&target.as_str()) {
        usage()
    }
    let mut o = Options {
        max_len: targets::default_max_len(&target),
        target,
        cases: u64::MAX,
        seconds: None,
        first_seed: 1,
        seeds: None,
        hang: 30.0,
        max_rss_mb: 2048,
        crash_dir: std::env::temp_dir().join("tidings-fuzz"),
        replay: None,
    };
    let mut limited = false;
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_else(|| usage());
        let num = |v: &str| v.parse::<f64>().unwrap_or_else(|_| usage());
        match flag.as_str() {
            "--cases" => {
                o.cases = num(&value) as u64;
                limited = true;
            }
            "--seconds" => {
                o.seconds = Some(num(&value));
                limited = true;
            }
            "--seed" => o.first_seed = num(&value) as u64,
            "--max-len" => o.max_len = num(&value) as usize,
            "--seeds" => o.seeds = Some(value.into()),
            "--hang" => o.hang = num(&value),
            "--max-rss-mb" => o.max_rss_mb = num(&value) as u64,
            "--crash-dir" => o.crash_dir = value.into(),
            "--replay" => o.replay = Some(value.into()),
            _ => usage(),
        }
    }
    if !limited {
        o.cases = 10_000;
    }
    o
}

/// Seed texts from a file: each line, and for a JSON Lines record its `text` and `title` as well.
fn load_seeds(path: &PathBuf) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
        eprintln!("{}: {e}", path.display());
        std::process::exit(2)
    });
    let mut seeds = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            for key in ["text", "title"] {
                if let Some(s) = v.get(key).and_then(|s| s.as_str()) {
                    seeds.push(s.to_string());
                }
            }
        }
        seeds.push(line.to_string());
    }
    seeds
}

/// The process's resident memory now (`VmRSS`) or at its peak (`VmHWM`), in MB.
fn status_mb(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn rss_mb() -> u64 {
    status_mb("VmRSS:")
}

fn save(o: &Options, seed: u64, input: &[u8], why: &str) -> ! {
    let _ = std::fs::create_dir_all(&o.crash_dir);
    let path = o.crash_dir.join(format!("{}-seed-{seed}.bin", o.target));
    let _ = std::fs::write(&path, input);
    eprintln!(
        "FAILED {} case seed {seed}: {why}\ninput ({} bytes) saved to {}; replay with \
         `tidings-fuzz {} --replay {}` or `--seed {seed} --cases 1`",
        o.target,
        input.len(),
        path.display(),
        o.target,
        path.display()
    );
    std::process::exit(1)
}

fn main() {
    let o = Arc::new(parse());
    let ctx = match seeds::default_paths(&o.target) {
        // a target that reads whole files: --seeds replaces its default seed files
        paths if !paths.is_empty() => {
            let paths = o.seeds.clone().map_or(paths, |p| vec![p]);
            let files = seeds::load(&o.target, &paths);
            if files.is_empty() {
                eprintln!("no seed files in {paths:?}; give --seeds PATH");
                std::process::exit(2)
            }
            eprintln!("{}: {} seed files", o.target, files.len());
            Ctx::with_files(Vec::new(), files)
        }
        _ => {
            let seeds = o.seeds.as_ref().map(load_seeds).unwrap_or_default();
            // the feed target makes its items of seed texts and pieces of web pages
            let pages = match o.target.as_str() {
                "feed" => seeds::load("html", &seeds::default_paths("html")),
                _ => Vec::new(),
            };
            Ctx::with_files(seeds, pages)
        }
    };
    if o.target == "coder" {
        ctx.coder(); // built before the clock starts
    }
    let panic_message = Arc::new(Mutex::new(String::new()));
    {
        let panic_message = panic_message.clone();
        std::panic::set_hook(Box::new(move |info| {
            // kept for the report; printed too, for a panic outside a target (in the generator)
            eprintln!("panic: {info}");
            *panic_message.lock().unwrap() = info.to_string();
        }));
    }

    if let Some(path) = &o.replay {
        let input = std::fs::read(path).unwrap_or_else(|e| {
            eprintln!("{}: {e}", path.display());
            std::process::exit(2)
        });
        let started = Instant::now();
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| targets::check(&o.target, &input, &ctx)));
        let secs = started.elapsed().as_secs_f64();
        match result {
            Ok(Ok(())) => println!("{}: ok ({secs:.3} s)", path.display()),
            Ok(Err(why)) => {
                println!("{}: property broken: {why}", path.display());
                std::process::exit(1)
            }
            Err(_) => {
                println!(
                    "{}: panic: {}",
                    path.display(),
                    panic_message.lock().unwrap()
                );
                std::process::exit(1)
            }
        }
        return;
    }

    // The watchdog: the case running now, since when, and its input, for a hang or a blow-up.
    let current = Arc::new(AtomicU64::new(u64::MAX));
    let case_started = Arc::new(Mutex::new(Instant::now()));
    let current_input = Arc::new(Mutex::new(Vec::<u8>::new()));
    {
        let (o, current, case_started, current_input) = (
            o.clone(),
            current.clone(),
            case_started.clone(),
            current_input.clone(),
        );
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(200));
            let seed = current.load(Ordering::SeqCst);
            if seed == u64::MAX {
                continue;
            }
            let elapsed = case_started.lock().unwrap().elapsed().as_secs_f64();
            let rss = rss_mb();
            let why = if elapsed > o.hang {
                format!(
                    "hang: still running after {elapsed:.1} s (--hang {})",
                    o.hang
                )
            } else if rss > o.max_rss_mb {
                format!("memory: {rss} MB resident (--max-rss-mb {})", o.max_rss_mb)
            } else {
                continue;
            };
            // The input may be a copy of a later case if the case ended meanwhile; the seed says.
            let input = current_input.lock().unwrap().clone();
            save(&o, seed, &input, &why);
        });
    }

    let started = Instant::now();
    let mut last_report = Instant::now();
    let (mut cases, mut bytes, mut slowest) = (0u64, 0u64, (0.0f64, 0u64));
    while cases < o.cases {
        let seed = o.first_seed + cases;
        let input = targets::input(&o.target, seed, &ctx, o.max_len);
        *current_input.lock().unwrap() = input.clone();
        *case_started.lock().unwrap() = Instant::now();
        current.store(seed, Ordering::SeqCst);
        let t = Instant::now();
        let result =
            std::panic::catch_unwind(AssertUnwindSafe(|| targets::check(&o.target, &input, &ctx)));
        let secs = t.elapsed().as_secs_f64();
        current.store(u64::MAX, Ordering::SeqCst);
        match result {
            Ok(Ok(())) => {}
            Ok(Err(why)) => save(&o, seed, &input, &format!("property broken: {why}")),
            Err(_) => {
                let message = panic_message.lock().unwrap().clone();
                save(&o, seed, &input, &format!("panic: {message}"))
            }
        }
        if secs > slowest.0 {
            slowest = (secs, seed);
        }
        cases += 1;
        bytes += input.len() as u64;
        let total = started.elapsed().as_secs_f64();
        if last_report.elapsed() > Duration::from_secs(30) {
            eprintln!(
                "{}: {cases} cases, {total:.0} s, {} MB resident",
                o.target,
                rss_mb()
            );
            last_report = Instant::now();
        }
        if o.seconds.is_some_and(|s| total >= s) {
            break;
        }
    }
    let total = started.elapsed().as_secs_f64();
    println!(
        "{}: {cases} cases (seeds {}..={}), {:.1} MB of input, {total:.0} s, {:.0} cases/s, \
         slowest case {:.3} s (seed {}), peak {} MB resident (VmHWM); no failure",
        o.target,
        o.first_seed,
        o.first_seed + cases.saturating_sub(1),
        bytes as f64 / 1e6,
        cases as f64 / total.max(1e-9),
        slowest.0,
        slowest.1,
        status_mb("VmHWM:")
    );
}
