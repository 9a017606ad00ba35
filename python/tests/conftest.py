"""Shared fixtures: where ../shared and the `tidings` binary are, and a store built by the binary
from the seed and a slice of allsides-world (what the export tests read)."""

import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]


def shared() -> pathlib.Path:
    path = pathlib.Path(os.environ.get("TIDINGS_SHARED", REPO.parent / "shared"))
    if not path.is_dir():
        pytest.fail(f"{path}: the shared corpora are missing (set TIDINGS_SHARED)")
    return path


def tidings_bin() -> str:
    """The `tidings` binary: $TIDINGS_BIN, else the newest of target/{release,debug}/tidings."""
    if os.environ.get("TIDINGS_BIN"):
        return os.environ["TIDINGS_BIN"]
    found = [p for p in (REPO / "target/release/tidings", REPO / "target/debug/tidings") if p.exists()]
    if not found and shutil.which("tidings"):
        return shutil.which("tidings")
    if not found:
        pytest.fail("no tidings binary: run `cargo build -p tidings-cli` or set TIDINGS_BIN")
    return str(max(found, key=lambda p: p.stat().st_mtime))


def run(*args: str) -> str:
    out = subprocess.run([tidings_bin(), *args], capture_output=True, text=True)
    assert out.returncode in (0, 1), f"tidings {' '.join(args)}: {out.stderr}"
    return out.stdout


SEED = "seed/xi-kim-letter-2020-10-11.txt"


@pytest.fixture(scope="session")
def seed() -> pathlib.Path:
    return shared() / SEED


@pytest.fixture(scope="session")
def allsides_slice(tmp_path_factory) -> pathlib.Path:
    """The first 300 articles of allsides-world as a JSON Lines file."""
    path = tmp_path_factory.mktemp("corpus") / "slice.jsonl"
    with open(shared() / "corpus/allsides-world/articles.jsonl", encoding="utf-8") as f:
        lines = [next(f) for _ in range(300)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def cli_db(tmp_path_factory, seed, allsides_slice) -> pathlib.Path:
    """A store `tidings ingest` made from the seed and the slice."""
    db = tmp_path_factory.mktemp("db") / "t.db"
    run("ingest", str(seed), str(allsides_slice), "--db", str(db))
    return db


def jsonl_records(path: pathlib.Path) -> list:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
