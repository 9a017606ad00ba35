//! Errors about files that cannot be read or written name the path and say what is wrong, once:
//! a database in a read-only folder is not "not a tidings database", and an export target that
//! cannot be created is named (Parquet export used to say only
//! `Permission denied (os error 13): Permission denied (os error 13)`).
//!
//! These tests run as root on the build machine, and root ignores file modes, so most cases make a
//! path that no one can create: one inside a regular file (`input.jsonl/x.db`). The read-only
//! folder itself is tested by running tidings as the user `nobody` (through `setpriv`) when the
//! test runs as root, and directly when it does not; the test says on stderr when it cannot do
//! either, and passes without checking that case.

mod common;
use common::tidings;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const ARTICLES: &str = concat!(
    r#"{"id": "a1", "date": "2020-10-11", "url": "https://example.org/1", "text": "China praised North Korea on Saturday."}"#,
    "\n",
    r#"{"id": "a2", "date": "2020-10-12", "url": "https://example.org/2", "text": "Russia condemned the United States on Sunday."}"#,
    "\n"
);

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A database with a few events in `dir`, and the input it was made from.
fn database(dir: &Path) -> (PathBuf, PathBuf) {
    let input = dir.join("input.jsonl");
    std::fs::write(&input, ARTICLES).unwrap();
    let db = dir.join("x.db");
    let out = tidings(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (db, input)
}

/// The message is an error (exit status 2) that names `path`, says `what`, and says it once: no
/// `os error` (std's wording, which the message replaces).
fn assert_names(out: &Output, path: &Path, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("{}: {what}", path.display())),
        "expected `{}: {what}` in: {err}",
        path.display()
    );
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn export_targets_that_cannot_be_created_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let (db, input) = database(dir.path());
    let db = db.to_str().unwrap();
    let inside = |name: &str| input.join(name);

    let pq = inside("parquet");
    let out = tidings(&[
        "export",
        "--db",
        db,
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
    ]);
    assert_names(
        &out,
        &pq,
        "cannot create the folder: a part of the path is a file, not a folder",
    );

    for format in ["gdelt", "mentions", "jsonl"] {
        let target = inside("out.txt");
        let out = tidings(&[
            "export",
            "--db",
            db,
            "--format",
            format,
            "--out",
            target.to_str().unwrap(),
        ]);
        assert_names(
            &out,
            &target,
            "cannot create: a part of the path is a file, not a folder",
        );
    }
    let out = tidings(&[
        "export",
        "--db",
        db,
        "--format",
        "gdelt",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_names(
        &out,
        dir.path(),
        "cannot create: it is a folder, not a file",
    );
}

#[test]
fn a_database_that_cannot_be_created_or_is_not_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (_, input) = database(dir.path());
    let inside = input.join("x.db");
    let out = tidings(&[
        "ingest",
        "--db",
        inside.to_str().unwrap(),
        input.to_str().unwrap(),
    ]);
    let lock = input.join("x.db.lock");
    assert_names(
        &out,
        &lock,
        "cannot create the lock file beside the database: a part of the path is a file, not a folder",
    );

    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "not a database at all\n").unwrap();
    let out = tidings(&["query", "--db", junk.to_str().unwrap()]);
    assert_names(&out, &junk, "not a tidings database (not an SQLite file)");
}

/// Runs tidings with `args` as a user who may not write to a folder with mode 555: the user
/// `nobody` when this test runs as root (who may write anywhere), else the current user. None when
/// that is not possible here.
fn as_unprivileged(args: &[&str]) -> Option<Output> {
    let root = Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_tidings"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_tidings"))
    };
    let out = cmd.args(args).output().ok()?;
    // setpriv missing, or the binary not reachable by nobody (a private target folder).
    if root && out.status.code() == Some(127) || stderr(&out).contains("setpriv:") {
        return None;
    }
    Some(out)
}

#[test]
fn a_readable_database_in_a_read_only_folder_is_called_unreadable_not_foreign() {
    let dir = tempfile::tempdir().unwrap();
    let (db, input) = database(dir.path());
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    let ro_db = ro.join("x.db");
    std::fs::copy(&db, &ro_db).unwrap();
    for (path, mode) in [
        (dir.path(), 0o755),
        (&ro, 0o555),
        (&ro_db, 0o644),
        (&input, 0o644),
    ] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let ro_db_s = ro_db.to_str().unwrap();
    let Some(out) = as_unprivileged(&["query", "--db", ro_db_s]) else {
        eprintln!("skipped: cannot run tidings as a user without write access to {ro:?}");
        return;
    };
    let err = stderr(&out);
    assert!(!err.contains("not a tidings database"), "{err}");
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("{ro_db_s}: cannot read this database")),
        "{err}"
    );
    assert!(err.contains(&format!("{ro_db_s}-shm")), "{err}");
    assert!(err.contains("read-only"), "{err}");

    let out = as_unprivileged(&["ingest", "--db", ro_db_s, input.to_str().unwrap()]).unwrap();
    let lock = ro.join("x.db.lock");
    assert_names(
        &out,
        &lock,
        "cannot create the lock file beside the database: permission denied",
    );

    let pq = ro.join("parquet");
    let db_s = db.to_str().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = as_unprivileged(&[
        "export",
        "--db",
        db_s,
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
    ])
    .unwrap();
    assert_names(&out, &pq, "cannot create the folder: permission denied");
    // Put the folder back so that the temporary directory can be removed.
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}
