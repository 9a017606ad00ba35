//! One writer at a time: an exclusive lock on a file beside the database (`x.db.lock` for
//! `x.db`), held for a whole ingest.
//!
//! SQLite already serialises single transactions, but an ingest is many transactions (one per
//! batch, so that a killed run keeps whole batches) and loads the near-duplicate index once, when
//! it opens the database. Two ingests interleaving their batches therefore each miss the other's
//! articles: links to a first copy go missing and events are split. Holding this lock from before
//! the database is opened until the ingest ends makes a second ingest wait, so the result is
//! exactly that of the two ingests run one after the other.
//!
//! The lock is the operating system's advisory whole-file lock (`flock` on Linux, through
//! [`std::fs::File::lock`]); it goes away when the process ends, however it ends, so a killed
//! ingest never leaves the database locked. The lock file itself stays (removing it would let a
//! third process lock a new file while a second still waits on the old one); it holds only the
//! process id and command of the last holder, which a waiting process prints. Readers (`query`,
//! `export`) do not take it: SQLite's WAL lets them read while an ingest writes.

use crate::StoreError;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a process waiting with a timeout tries the lock again.
const POLL: Duration = Duration::from_millis(100);

/// An exclusive writer's lock on one database, held until dropped.
#[derive(Debug)]
pub struct WriteLock {
    file: File,
    path: PathBuf,
}

/// Who holds a lock, as the holder wrote it into the lock file (`pid 123: tidings ingest a.jsonl`);
/// empty when the holder wrote nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder(pub String);

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_empty() {
            f.write_str("another process")
        } else {
            f.write_str(&self.0)
        }
    }
}

impl WriteLock {
    /// The lock file of the database at `db`: its path with `.lock` appended.
    pub fn path_for(db: &Path) -> PathBuf {
        let mut name = db.as_os_str().to_owned();
        name.push(".lock");
        PathBuf::from(name)
    }

    /// Takes the writer's lock on the database at `db`, waiting while another process holds it:
    /// for ever when `timeout` is `None`, else at most `timeout` (zero: not at all). `on_wait` is
    /// called once, before waiting, with the holder; `who` (e.g. the command line) is written into
    /// the lock file for the next process that has to wait.
    pub fn acquire(
        db: &Path,
        timeout: Option<Duration>,
        who: &str,
        on_wait: impl FnOnce(&Path, &Holder),
    ) -> Result<WriteLock, StoreError> {
        let path = WriteLock::path_for(db);
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| {
                StoreError::Invalid(format!(
                    "{}: cannot create the lock file beside the database: {}",
                    path.display(),
                    crate::describe_io(&e)
                ))
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                on_wait(&path, &read_holder(&file));
                wait(&file, &path, db, timeout)?;
            }
            Err(TryLockError::Error(e)) => {
                return Err(StoreError::Invalid(format!(
                    "{}: cannot lock: {}",
                    path.display(),
                    crate::describe_io(&e)
                )))
            }
        }
        let mut lock = WriteLock { file, path };
        // Only informative: a failure to say who holds the lock does not stop the ingest.
        let _ = lock.write_holder(&format!("pid {}: {who}", std::process::id()));
        Ok(lock)
    }

    /// The lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write_holder(&mut self, text: &str) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.file.seek(SeekFrom::Start(0))?;
        self.file.write_all(text.as_bytes())?;
        self.file.write_all(b"\n")
    }
}

fn wait(file: &File, path: &Path, db: &Path, timeout: Option<Duration>) -> Result<(), StoreError> {
    let lock_error = |e: std::io::Error| {
        StoreError::Invalid(format!(
            "{}: cannot lock: {}",
            path.display(),
            crate::describe_io(&e)
        ))
    };
    let Some(timeout) = timeout else {
        return file.lock().map_err(lock_error);
    };
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::Error(e)) => return Err(lock_error(e)),
            Err(TryLockError::WouldBlock) => {}
        }
        let waited = start.elapsed();
        if waited >= timeout {
            return Err(StoreError::Invalid(format!(
                "{}: still being written by {} after {:.1} s (lock file {}); try again when it \
                 has finished, or wait longer with --wait-timeout",
                db.display(),
                read_holder(file),
                waited.as_secs_f64(),
                path.display()
            )));
        }
        std::thread::sleep(POLL.min(timeout - waited));
    }
}

fn read_holder(mut file: &File) -> Holder {
    let mut text = String::new();
    let _ = file
        .seek(SeekFrom::Start(0))
        .and_then(|_| file.take(4096).read_to_string(&mut text));
    Holder(text.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        let first =
            WriteLock::acquire(&db, None, "first", |_, _| panic!("nobody holds it")).unwrap();
        assert_eq!(first.path(), dir.path().join("x.db.lock"));
        let mut told = None;
        let err = WriteLock::acquire(&db, Some(Duration::from_millis(300)), "second", |p, h| {
            told = Some((p.to_path_buf(), h.clone()))
        })
        .unwrap_err()
        .to_string();
        let (path, holder) = told.expect("the second is told it waits");
        assert_eq!(path, dir.path().join("x.db.lock"));
        assert_eq!(holder.0, format!("pid {}: first", std::process::id()));
        assert!(err.contains("x.db: still being written by pid"), "{err}");
        assert!(err.contains("--wait-timeout"), "{err}");

        let released = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(200));
            drop(first);
        });
        let second = WriteLock::acquire(&db, Some(Duration::from_secs(30)), "second", |_, _| {})
            .expect("acquired once the first is dropped");
        released.join().unwrap();
        assert_eq!(
            read_holder(&second.file).0,
            format!("pid {}: second", std::process::id())
        );
    }

    #[test]
    fn a_zero_timeout_fails_at_once_and_a_free_lock_is_taken_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("y.db");
        let held = WriteLock::acquire(&db, Some(Duration::ZERO), "a", |_, _| panic!()).unwrap();
        let start = Instant::now();
        assert!(WriteLock::acquire(&db, Some(Duration::ZERO), "b", |_, _| {}).is_err());
        assert!(start.elapsed() < Duration::from_secs(5));
        drop(held);
        WriteLock::acquire(&db, Some(Duration::ZERO), "c", |_, _| panic!("free")).unwrap();
    }

    #[test]
    fn a_lock_file_that_cannot_be_created_names_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain");
        std::fs::write(&file, "x").unwrap();
        // A path under a regular file cannot be created, even by root (who ignores chmod).
        let err = WriteLock::acquire(&file.join("x.db"), None, "a", |_, _| {})
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("plain/x.db.lock: cannot create the lock file"),
            "{err}"
        );
    }
}
