//! Coding on every core with output in input order.
//!
//! Articles are independent, so [`ordered`] runs one reader thread (it owns the input files and
//! stdin), N worker threads that share one `&Coder` (the coder is `Sync`: it holds no per-article
//! state), and hands each result back to the calling thread in input order, as soon as it and every
//! result before it are done: a reorder buffer keyed by input position. The reader may run at most
//! a window of items ahead of the last one handed back, so memory stays bounded whatever the
//! corpus size (the corpus is never read whole), and a slow record holds back at most that window.
//!
//! [`batch`] is the same for a batch already in memory (`ingest` stores batch by batch, from one
//! thread). With one thread both give exactly what a plain loop gives; with more, the same output
//! in the same order.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, sync_channel};
use std::sync::{Arc, Mutex};

/// `-j N`: how many threads code articles.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct JobsArgs {
    /// Threads that code articles (default: every core). Output is in input order and the same
    /// whatever N.
    #[arg(short = 'j', long = "jobs", value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub jobs: Option<u32>,
}

impl JobsArgs {
    /// The number of worker threads: `-j N`, else the number of cores.
    pub fn threads(&self) -> usize {
        match self.jobs {
            Some(n) => n as usize,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// Items read ahead of the last one handed back, per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// Runs `work` on each item `read` produces, on `threads` threads, and calls `emit` with the
/// results in the order of the items, on the calling thread. `read` runs on its own thread and
/// pushes items one by one; the push returns false when no more are wanted (`emit` failed), and
/// `read` should then return. A panic in `work` is raised again here, in its turn. The first
/// error of `emit` stops the run and is returned.
pub fn ordered<T, R, E>(
    threads: usize,
    read: impl FnOnce(&mut dyn FnMut(T) -> bool) + Send,
    work: impl Fn(T) -> R + Sync,
    mut emit: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Send,
    R: Send,
{
    let threads = threads.max(1);
    let window = threads * WINDOW_PER_THREAD;
    // a ticket per item in flight: the reader takes one before reading on, `emit` gives it back
    let (ticket_tx, ticket_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = ticket_tx.send(());
    }
    let (job_tx, job_rx) = sync_channel::<(usize, T)>(threads);
    // the workers own the receiver: when the last one stops (its results are no longer wanted), a
    // reader blocked on a full queue is told so instead of waiting for ever
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<(usize, std::thread::Result<R>)>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0usize;
            read(&mut |item| {
                if ticket_rx.recv().is_err() || job_tx.send((seq, item)).is_err() {
                    return false;
                }
                seq += 1;
                true
            });
            // job_tx drops here: the workers end when the queue is empty
        });
        for _ in 0..threads {
            let (job_rx, done_tx, work) = (Arc::clone(&job_rx), done_tx.clone(), &work);
            scope.spawn(move || loop {
                let next = job_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, item))) = next else { break };
                let result = catch_unwind(AssertUnwindSafe(|| work(item)));
                if done_tx.send((seq, result)).is_err() {
                    break;
                }
            });
        }
        drop((done_tx, job_rx));
        let mut waiting: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
        let mut next = 0usize;
        // dropped when this closure returns, even early: the reader and the workers then stop
        let (ticket_tx, done_rx) = (ticket_tx, done_rx);
        for (seq, result) in done_rx.iter() {
            waiting.insert(seq, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                match result {
                    Ok(r) => emit(r)?,
                    Err(panic) => resume_unwind(panic),
                }
                let _ = ticket_tx.send(());
            }
        }
        Ok(())
    })
}

/// `work` on every item of `items` on `threads` threads (each takes the next item when it is
/// free), results in the order of the items. A panic in `work` is raised again here.
pub fn batch<T: Sync, R: Send>(
    threads: usize,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(work).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, work(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|panic| resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn run(threads: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::new();
        ordered::<usize, usize, ()>(
            threads,
            move |push| {
                for i in 0..n {
                    if !push(i) {
                        return;
                    }
                }
            },
            |i| {
                // later items finish first: the reorder buffer must put them back
                std::thread::sleep(Duration::from_micros(((n - i) % 7) as u64 * 200));
                i * 10
            },
            |r| {
                out.push(r);
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let expected: Vec<usize> = (0..200).map(|i| i * 10).collect();
        for threads in [1, 2, 3, 8] {
            assert_eq!(run(threads, 200), expected, "{threads} threads");
        }
        assert!(run(4, 0).is_empty());
    }

    /// `ordered` on the items 0.. with `emit` failing at `stop`; returns how many items were read.
    /// Fails rather than hangs when the run does not end.
    fn stop_at(threads: usize, stop: usize) -> usize {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let read_count = AtomicUsize::new(0);
            let result = ordered::<usize, usize, &str>(
                threads,
                |push| {
                    for i in 0..1_000_000 {
                        read_count.fetch_add(1, Ordering::Relaxed);
                        if !push(i) {
                            return;
                        }
                    }
                },
                |i| i,
                |r| if r == stop { Err("stop") } else { Ok(()) },
            );
            let _ = tx.send((result, read_count.load(Ordering::Relaxed)));
        });
        let (result, read) = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("{threads} threads, stop at {stop}: the run hangs"));
        assert_eq!(result, Err("stop"));
        read
    }

    #[test]
    fn an_emit_error_stops_the_reader_and_the_workers() {
        // the reader may be waiting for a ticket or on a full queue: both must end, every time
        for round in 0..200 {
            let threads = 1 + round % 4;
            let read = stop_at(threads, round % 9);
            // the window bounds how far the reader got
            assert!(
                read <= round % 9 + 2 + threads * (WINDOW_PER_THREAD + 1),
                "{read}"
            );
        }
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_in_work_is_raised_in_the_caller() {
        let _ = ordered::<usize, usize, ()>(
            2,
            |push| {
                for i in 0..10 {
                    push(i);
                }
            },
            |i| if i == 3 { panic!("boom") } else { i },
            |_| Ok(()),
        );
    }

    #[test]
    fn a_batch_keeps_its_order() {
        let items: Vec<usize> = (0..100).collect();
        for threads in [1, 2, 5] {
            let out = batch(threads, &items, |i| i + 1);
            assert_eq!(out, (1..101).collect::<Vec<_>>());
        }
    }
}
