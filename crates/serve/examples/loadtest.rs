//! Load test of `tidings serve` on 127.0.0.1 (issue 13): not part of `cargo test`.
//!
//! ```text
//! cargo run --release -p tidings-serve --example loadtest -- generate DB EVENTS
//! cargo run --release -p tidings-serve --example loadtest -- run BIN DB [CLIENTS] [REQUESTS] [SECONDS]
//! ```
//!
//! `generate` writes a database of about EVENTS synthetic events through the store's own ingest
//! (articles of five events, actors drawn with a Zipf-like skew from the built-in dictionaries'
//! countries with GOV/MIL suffixes, codes from the CAMEO table, days over ten years).
//! `run` starts the `tidings serve` binary BIN on a free loopback port, times its start (spawn to
//! the first answer of `/`), then for each scenario (dyad time series, event pages) sends at most
//! REQUESTS requests (default 5000) from CLIENTS threads (default 50) on kept-alive connections,
//! for at most SECONDS (default 60), and prints latency percentiles, throughput, non-200 answers,
//! the server's CPU time per answer (user + system, from /proc: unlike latency, it hardly depends
//! on what else the machine runs) and its resident memory (VmRSS, peak VmHWM). Bounded in count and
//! time; it only talks to 127.0.0.1.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tidings_dict::{ActorKind, Dictionaries};
use tidings_event::{Actor, Event, Plover, Span};
use tidings_store::{ArticleMeta, Store};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize| args.get(i).map(String::as_str);
    let num = |i: usize, default: usize| arg(i).and_then(|v| v.parse().ok()).unwrap_or(default);
    match (arg(0), arg(1), arg(2)) {
        (Some("generate"), Some(db), Some(_)) => generate(Path::new(db), num(2, 1_000_000)),
        (Some("run"), Some(bin), Some(db)) => run(bin, db, num(3, 50), num(4, 5000), num(5, 60)),
        _ => {
            eprintln!("usage: loadtest generate DB EVENTS | loadtest run BIN DB [CLIENTS] [REQUESTS] [SECONDS]");
            std::process::exit(2);
        }
    }
}

/// A small deterministic generator (xorshift64*), so two runs write the same database.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// An index in `0..n`, low indexes far more often (about 1/(i+1)).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u)) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

/// The country codes and names of the built-in dictionaries, in a fixed shuffled order.
fn countries() -> Vec<(String, String)> {
    let dicts = Dictionaries::builtin();
    let mut out: Vec<(String, String)> = dicts
        .actors
        .entries
        .iter()
        .filter(|e| e.kind == ActorKind::Country)
        .filter_map(|e| {
            let code = e.roles.iter().find(|r| r.code.len() == 3)?.code.clone();
            Some((code, e.name.clone()))
        })
        .collect();
    out.sort();
    out.dedup_by(|a, b| a.0 == b.0);
    let mut rng = Rng(7);
    for i in (1..out.len()).rev() {
        out.swap(i, rng.below(i + 1));
    }
    out
}

fn generate(db: &Path, target: usize) {
    let started = Instant::now();
    let dicts = Dictionaries::builtin();
    let codes: Vec<_> = dicts
        .cameo
        .codes()
        .into_iter()
        .filter(|c| c.code.len() == 3 && c.quad_class > 0)
        .map(|c| (c.code.clone(), c.goldstein, c.quad_class))
        .collect();
    let countries = countries();
    let suffixes = ["", "", "GOV", "MIL", "GOV", "BUS", "OPP"];
    let mut rng = Rng(42);
    let mut store = Store::open(db).unwrap_or_else(|e| panic!("{}: {e}", db.display()));
    let words = [
        "talks",
        "border",
        "trade",
        "envoy",
        "summit",
        "aid",
        "sanctions",
        "drills",
    ];
    let (mut articles, mut events) = (0usize, 0usize);
    while events < target {
        let mut batch = Vec::new();
        for _ in 0..2000 {
            let day = 16_436 + rng.below(3650) as i64; // days from 1970: 2015-01-01 on
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(719_163 + day as i32).unwrap();
            let mut sentences = Vec::new();
            let mut evs = Vec::new();
            for i in 0..5 {
                let (a, b) = (rng.skewed(countries.len()), rng.skewed(countries.len()));
                let (ca, na) = &countries[a];
                let (cb, nb) = &countries[if a == b { (b + 1) % countries.len() } else { b }];
                let ca = format!("{ca}{}", suffixes[rng.below(suffixes.len())]);
                let cb = format!("{cb}{}", suffixes[rng.below(suffixes.len())]);
                let (code, goldstein, quad) = &codes[rng.skewed(codes.len())];
                let sentence = format!(
                    "{na} and {nb} held {} number {} with {} {}.",
                    words[rng.below(words.len())],
                    rng.next() % 100_000,
                    words[rng.below(words.len())],
                    rng.next() % 100_000
                );
                let start = sentences.iter().map(|s: &String| s.len() + 1).sum();
                evs.push(Event {
                    article_id: format!("g{articles}"),
                    sentence_index: i,
                    span: Span {
                        start,
                        end: start + sentence.len(),
                    },
                    sentence: sentence.clone(),
                    date: date.to_string(),
                    date_basis: None,
                    published: Some(date.to_string()),
                    source: Actor::new(na, &ca),
                    target: Some(Actor::new(nb, &cb)),
                    cameo: code.clone(),
                    root: code[..2].to_string(),
                    quad_class: *quad,
                    goldstein: *goldstein,
                    plover: Plover {
                        event: "SUPPORT".into(),
                        mode: None,
                    },
                    values_from: None,
                    negated: false,
                    explain: None,
                    action_geo: None,
                });
                sentences.push(sentence);
            }
            let text = sentences.join(" ");
            let meta = ArticleMeta {
                input_id: format!("g{articles}"),
                title: None,
                date: Some(date),
                source: Some(format!("wire {}", articles % 40)),
                url: Some(format!("https://example.org/generated/{articles}")),
                doc_len: text.len(),
                text,
                origin: format!("generated:{articles}"),
            };
            batch.push((meta, evs));
            articles += 1;
        }
        let stats = store.ingest_batch(&batch).expect("ingest");
        let _ = stats;
        events = store.summary().expect("summary").events as usize;
        eprint!(
            "\r{articles} articles, {events} events, {:.0} s",
            started.elapsed().as_secs_f64()
        );
    }
    eprintln!();
    println!(
        "generated {} : {articles} articles, {events} events in {:.1} s ({} MB)",
        db.display(),
        started.elapsed().as_secs_f64(),
        std::fs::metadata(db)
            .map(|m| m.len() / 1_000_000)
            .unwrap_or(0)
    );
}

/// One kept-alive HTTP/1.1 connection.
struct Client {
    port: u16,
    stream: Option<TcpStream>,
}

impl Client {
    /// GETs `path`; returns the status and the body.
    fn get(&mut self, path: &str) -> std::io::Result<(u16, Vec<u8>)> {
        for attempt in 0..2 {
            if self.stream.is_none() {
                let s = TcpStream::connect(("127.0.0.1", self.port))?;
                s.set_read_timeout(Some(Duration::from_secs(30)))?;
                s.set_nodelay(true)?;
                self.stream = Some(s);
            }
            let s = self.stream.as_mut().unwrap();
            let req = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            match s.write_all(req.as_bytes()).and_then(|_| read_answer(s)) {
                Ok(a) => return Ok(a),
                Err(e) if attempt == 0 => {
                    self.stream = None;
                    let _ = e;
                }
                Err(e) => return Err(e),
            }
        }
        unreachable!()
    }
}

fn read_answer(s: &mut TcpStream) -> std::io::Result<(u16, Vec<u8>)> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    loop {
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..at]).to_ascii_lowercase();
            let status = head.get(9..12).and_then(|v| v.parse().ok()).unwrap_or(0);
            let length = head
                .lines()
                .find_map(|l| {
                    l.strip_prefix("content-length:")
                        .and_then(|n| n.trim().parse().ok())
                })
                .unwrap_or(0usize);
            while raw.len() < at + 4 + length {
                let n = s.read(&mut buf)?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                raw.extend_from_slice(&buf[..n]);
            }
            return Ok((status, raw[at + 4..at + 4 + length].to_vec()));
        }
        let n = s.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        raw.extend_from_slice(&buf[..n]);
    }
}

fn proc_status(pid: u32, key: &str) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .map(|l| l[key.len()..].trim().to_string())
        .unwrap_or_else(|| "?".into())
}

/// CPU time the process `pid` has used (user + system), from /proc/PID/stat.
fn cpu_time(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let field = |i: usize| {
        rest.split_whitespace()
            .nth(i - 3)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // clock ticks: 100 a second on Linux
    Duration::from_millis((field(14) + field(15)) * 10)
}

fn run(bin: &str, db: &str, clients: usize, requests: usize, seconds: usize) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let spawned = Instant::now();
    let mut child = Command::new(bin)
        .args(["serve", "--db", db, "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .spawn()
        .expect("start tidings serve");
    let mut probe = Client { port, stream: None };
    let startup = loop {
        if let Ok((200, _)) = probe.get("/") {
            break spawned.elapsed();
        }
        assert!(
            spawned.elapsed() < Duration::from_secs(30),
            "tidings serve did not answer in 30 s"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    let pid = child.id();
    println!("database {db}; server pid {pid}; start to first answer {:.0} ms; memory after start VmRSS {}", startup.as_secs_f64() * 1e3, proc_status(pid, "VmRSS:"));
    let (_, stats) = probe.get("/api/stats").expect("stats");
    println!("stats: {}", String::from_utf8_lossy(&stats));

    let countries: Vec<String> = countries().into_iter().map(|c| c.0).collect();
    let periods = ["day", "week", "month", "year"];
    let c2 = countries.clone();
    let dyad = move |rng: &mut Rng| {
        let (a, b) = (rng.skewed(c2.len()), rng.skewed(c2.len()));
        format!(
            "/api/dyad?a={}&b={}&period={}",
            c2[a],
            c2[b],
            periods[rng.below(4)]
        )
    };
    let c3 = countries.clone();
    let pages = move |rng: &mut Rng| {
        let (a, b) = (
            c3[rng.skewed(c3.len())].clone(),
            c3[rng.skewed(c3.len())].clone(),
        );
        match rng.below(3) {
            0 => format!("/api/events?a={a}&b={b}&both=true&limit=50"),
            1 => format!("/api/events?a={a}&b={b}&from=2019-01-01&to=2019-12-31&limit=50"),
            _ => format!(
                "/api/events?a={a}&b={b}&both=true&limit=50&cursor={}",
                1 + rng.below(1_000_000)
            ),
        }
    };
    let c4 = countries.clone();
    let actor =
        move |rng: &mut Rng| format!("/api/events?actor={}&limit=50", c4[rng.skewed(c4.len())]);
    scenario(
        "dyad time series (/api/dyad, skewed dyads, random period)",
        pid,
        port,
        clients,
        requests,
        seconds,
        dyad,
    );
    scenario("dyad event pages (/api/events: a dyad both ways, one way in a year, both ways after a cursor)", pid, port, clients, requests, seconds, pages);
    scenario(
        "one actor's event pages (/api/events?actor=)",
        pid,
        port,
        clients,
        requests / 5,
        seconds,
        actor,
    );
    let heaviest = format!(
        "/api/dyad?a={}&b={}&period=month",
        countries[0], countries[1]
    );
    scenario(
        &format!("heaviest dyad only ({heaviest})"),
        pid,
        port,
        clients,
        requests / 5,
        seconds,
        move |_| heaviest.clone(),
    );
    println!(
        "memory after the load: VmRSS {}, peak VmHWM {}",
        proc_status(pid, "VmRSS:"),
        proc_status(pid, "VmHWM:")
    );
    let _ = child.kill();
    let _ = child.wait();
}

#[allow(clippy::too_many_arguments)]
fn scenario(
    name: &str,
    pid: u32,
    port: u16,
    clients: usize,
    requests: usize,
    seconds: usize,
    path: impl Fn(&mut Rng) -> String + Send + Sync + 'static,
) {
    let path = Arc::new(path);
    let sent = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let latencies = Arc::new(Mutex::new(Vec::<Duration>::with_capacity(requests)));
    let cpu_before = cpu_time(pid);
    let start = Instant::now();
    let stop = start + Duration::from_secs(seconds as u64);
    let threads: Vec<_> = (0..clients)
        .map(|t| {
            let (path, sent, failures, latencies) = (
                Arc::clone(&path),
                Arc::clone(&sent),
                Arc::clone(&failures),
                Arc::clone(&latencies),
            );
            std::thread::spawn(move || {
                let mut rng = Rng(1000 + t as u64);
                let mut client = Client { port, stream: None };
                let mut mine = Vec::new();
                while sent.fetch_add(1, Ordering::Relaxed) < requests && Instant::now() < stop {
                    let p = path(&mut rng);
                    let t0 = Instant::now();
                    match client.get(&p) {
                        Ok((200, _)) => mine.push(t0.elapsed()),
                        Ok((s, body)) => failures
                            .lock()
                            .unwrap()
                            .push(format!("{s} {p}: {}", String::from_utf8_lossy(&body))),
                        Err(e) => failures.lock().unwrap().push(format!("{p}: {e}")),
                    }
                }
                latencies.lock().unwrap().extend(mine);
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let wall = start.elapsed();
    let cpu = cpu_time(pid).saturating_sub(cpu_before);
    let mut l = latencies.lock().unwrap().clone();
    l.sort();
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(0.0, |d| d.as_secs_f64() * 1e3)
    };
    let failures = failures.lock().unwrap();
    println!(
        "{name}: {} ok, {} failed, {clients} clients, {:.1} s, {:.0} req/s; ms p50 {:.1} p90 {:.1} p99 {:.1} max {:.1}; server CPU {:.2} ms an answer",
        l.len(),
        failures.len(),
        wall.as_secs_f64(),
        l.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
        cpu.as_secs_f64() * 1e3 / l.len().max(1) as f64
    );
    for f in failures.iter().take(3) {
        println!("  failure: {}", f.chars().take(300).collect::<String>());
    }
}
