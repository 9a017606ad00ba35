//! Every input the user names: files, folders read recursively in sorted order, and `-` for
//! standard input; each opened by [`read_reader`](crate::read_reader) and chained into one
//! stream of records, with counts of what was skipped ([`InputStats`]).

use crate::read::{read_path_with, read_reader_with};
use crate::{Article, InputError, ReadOptions};
use std::io::BufReader;
use std::path::{Path, PathBuf};

/// What reading skipped on purpose (not errors): WARC records that are not HTML responses and
/// articles in another language than the one asked for.
#[derive(Debug, Clone, Default)]
pub struct InputStats {
    /// Files read (a folder counts its files).
    pub files: usize,
    /// WARC records that are not HTTP responses with an HTML page, by `WARC-Type` (or
    /// `response (not HTML)`).
    pub warc_skipped: std::collections::BTreeMap<String, usize>,
    /// Articles skipped because their language is not the one asked for, by language code.
    pub other_language: std::collections::BTreeMap<String, usize>,
}

impl InputStats {
    /// One line for stderr, or None when nothing was skipped.
    pub fn summary(&self) -> Option<String> {
        let mut parts = Vec::new();
        let list = |map: &std::collections::BTreeMap<String, usize>| {
            map.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.warc_skipped.is_empty() {
            let n: usize = self.warc_skipped.values().sum();
            parts.push(format!(
                "{n} WARC records skipped (not HTML responses: {})",
                list(&self.warc_skipped)
            ));
        }
        if !self.other_language.is_empty() {
            let n: usize = self.other_language.values().sum();
            parts.push(format!(
                "{n} articles skipped as not English ({})",
                list(&self.other_language)
            ));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// The files behind `paths`: a folder is replaced by the files under it (recursively, sorted by
/// path, names starting with `.` left out); `-` stays as standard input. A path that does not
/// exist or a folder that cannot be listed is an error naming it, and the rest are still listed.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, InputError>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &mut out, 0);
        } else {
            out.push(Ok(path.clone()));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>, depth: usize) {
    if depth > 64 {
        out.push(Err(InputError::new(
            dir,
            None,
            "folders nested more than 64 deep (a symlink loop?); not read further",
        )));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(InputError::new(
                dir,
                None,
                format!("cannot list this folder: {e}"),
            )));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, out, depth + 1);
        } else {
            out.push(Ok(path));
        }
    }
}

/// Every record of every input, in order (no path: standard input). Errors about one file or one
/// record are items of the stream; the next file or record follows.
pub struct Inputs {
    files: std::vec::IntoIter<Result<PathBuf, InputError>>,
    current: Option<crate::Records>,
    options: ReadOptions,
    stats: std::sync::Arc<std::sync::Mutex<InputStats>>,
}

impl Inputs {
    pub fn new(paths: &[PathBuf], options: ReadOptions) -> Self {
        let paths = if paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            paths.to_vec()
        };
        Inputs {
            files: expand_paths(&paths).into_iter(),
            current: None,
            options,
            stats: Default::default(),
        }
    }

    /// What was skipped so far (complete once the iterator has ended).
    pub fn stats(&self) -> InputStats {
        self.stats.lock().unwrap().clone()
    }

    fn open(&self, path: &Path) -> Result<crate::Records, InputError> {
        self.stats.lock().unwrap().files += 1;
        let mut options = self.options.clone();
        options.stats = Some(self.stats.clone());
        if path.as_os_str() == "-" {
            let stdin = Box::new(BufReader::new(std::io::stdin()));
            read_reader_with(Path::new("<stdin>"), stdin, &options)
        } else {
            read_path_with(path, &options)
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.current {
                match records.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            match self.files.next()? {
                Err(e) => return Some(Err(e)),
                Ok(path) => match self.open(&path) {
                    Ok(records) => self.current = Some(records),
                    Err(e) => return Some(Err(e)),
                },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_read_recursively_in_sorted_order_without_hidden_files() {
        let dir = std::env::temp_dir().join(format!("tidings-inputs-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap();
        for name in ["z.txt", "a.txt", "b/c/x.txt", "b/y.txt", ".hidden.txt"] {
            std::fs::write(dir.join(name), "x").unwrap();
        }
        let files: Vec<PathBuf> = expand_paths(&[dir.clone()])
            .into_iter()
            .map(|p| p.unwrap().strip_prefix(&dir).unwrap().to_path_buf())
            .collect();
        let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
        assert_eq!(names, ["a.txt", "b/c/x.txt", "b/y.txt", "z.txt"]);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
