//! Seed files for the targets that read whole files (web pages, WARC archives, dictionaries,
//! validation records): real files from `../shared` and `dictionaries/`, read once at start.
//! `--seeds PATH` (a file or a folder) replaces a target's default seeds.

use std::io::Read;
use std::path::{Path, PathBuf};

/// One seed file: its name (the path under the folder it was found in) and its bytes, gzip
/// decompressed.
pub struct SeedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The repository's root (this crate is `fuzz/` in it).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Where a target finds its seeds by default; empty for the targets that take seed texts.
pub fn default_paths(target: &str) -> Vec<PathBuf> {
    let shared = root().join("../shared");
    match target {
        "html" => vec![shared.join("corpus/html-zyte/html")],
        "warc" => vec![shared.join("corpus/warc")],
        "dict" => vec![root().join("dictionaries")],
        "petrarch" => vec![
            shared.join("peers/petrarch2/dictionaries"),
            shared.join("peers/udpetrarch/validate"),
        ],
        "validate" => vec![
            shared.join("peers/petrarch2/text"),
            shared.join("peers/udpetrarch/text"),
            shared.join("peers/udpetrarch/validate/PETR_Validate_records_2_02.xml"),
        ],
        _ => Vec::new(),
    }
}

/// Which seed files a target reads: a predicate on the file name.
fn wanted(target: &str, name: &str) -> bool {
    let lower = name.to_lowercase();
    if lower.contains("license") || lower.ends_with(".md") || lower.ends_with(".json") {
        return false;
    }
    match target {
        "dict" | "petrarch" => lower.ends_with(".txt"),
        "validate" => lower.ends_with(".xml"),
        _ => true,
    }
}

/// Every wanted file under `paths` (files, or folders read recursively in sorted order).
pub fn load(target: &str, paths: &[PathBuf]) -> Vec<SeedFile> {
    let mut out = Vec::new();
    for path in paths {
        collect(target, path, path, &mut out);
    }
    out
}

fn collect(target: &str, base: &Path, path: &Path, out: &mut Vec<SeedFile>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(d) => d.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return;
            }
        };
        entries.sort();
        for e in entries {
            collect(target, base, &e, out);
        }
        return;
    }
    let name = match path.strip_prefix(base) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_string_lossy().into_owned(),
        _ => path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    };
    if !wanted(target, &name) {
        return;
    }
    match std::fs::read(path) {
        Ok(bytes) => out.push(SeedFile {
            name: name.trim_end_matches(".gz").to_string(),
            bytes: gunzip(bytes),
        }),
        Err(e) => eprintln!("{}: {e}", path.display()),
    }
}

/// Decompresses gzip (all members; as much as is readable of a truncated file).
fn gunzip(bytes: Vec<u8>) -> Vec<u8> {
    if !bytes.starts_with(b"\x1f\x8b") {
        return bytes;
    }
    let mut out = Vec::new();
    let _ = flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out);
    out
}
