//! Targets for the dictionary readers: tidings' own files (`dict`: `dictionaries/`) and
//! PETRARCH's (`petrarch`: actors, agents, discards, the coding ontology and verb files). An input
//! is the seed file's name on its first line, then a mutated window of its lines; the check loads
//! it into a fresh builder, builds the dictionaries, and requires every rejected line to be named
//! by the file and a line that exists.

use crate::gen::{self, Rng};
use crate::seeds::SeedFile;
use tidings_dict::{DictError, DictionaryBuilder};

/// Tokens of both dictionary formats.
const DICT: &[&str] = &[
    "|",
    "||",
    ";",
    ";;",
    "#",
    " #",
    "[",
    "]",
    "[]",
    "[USA]",
    "[CHNGOV 20200101-20191231]",
    "[HOB < 950601]",
    "[X > 991332]",
    "+",
    "++",
    "---",
    "--- SAY [010] ---",
    "- ",
    "{",
    "}",
    "{ BE IS WAS }",
    "<",
    ">",
    "=",
    "~",
    "_",
    "*",
    "$",
    "+$",
    "%",
    "@",
    "&",
    "&MOVE",
    "^",
    "(",
    ")",
    "1999-01-01",
    "2020-13",
    "2020-02-30",
    "0000",
    "-",
    "99999999",
    "020",
    "0100",
    "999",
    "2",
    "\t",
    "\n",
    "\r\n",
    "\n\n",
    "!",
    "President",
    "China",
    "CHN",
    "GOV",
    "~GOV",
    "said",
    "ATTACK",
    "THE",
    "a",
    "é",
    "\u{200b}",
    "\u{feff}",
];

pub fn input(rng: &mut Rng, files: &[SeedFile], max_len: usize) -> Vec<u8> {
    let (name, mut body) = match files.is_empty() {
        true => ("verbs.txt".to_string(), b"SAY | 010\n".to_vec()),
        false => {
            let f = rng.pick(files);
            (f.name.clone(), gen::file_window(rng, &f.bytes, max_len))
        }
    };
    gen::mutate_bytes(rng, &mut body, DICT, 8, max_len);
    let mut out = format!("{name}\n").into_bytes();
    out.extend_from_slice(&body);
    out
}

/// The file name and text of an input.
fn split(input: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(input);
    let (name, body) = text.split_once('\n').unwrap_or((&text, ""));
    (name.to_string(), body.to_string())
}

/// Every error names `file` (or `also`, the name the CAMEO table's errors take) and a line of it.
fn errors_named(errors: &[DictError], file: &str, also: &str, text: &str) -> Result<(), String> {
    let lines = text.lines().count().max(1);
    for e in errors {
        if (e.file != file && e.file != also) || e.line == 0 || e.line > lines {
            return Err(format!(
                "error {e:?} does not name {file} and one of its {lines} lines"
            ));
        }
        if e.reason.trim().is_empty() {
            return Err(format!("error without a reason: {e:?}"));
        }
    }
    Ok(())
}

pub fn check_dict(input: &[u8]) -> Result<(), String> {
    let (name, text) = split(input);
    let mut builder = DictionaryBuilder::new();
    builder.add_file(&name, &text);
    let (_dicts, errors) = builder.build();
    let cameo = if name.ends_with("cameo-codes.txt") {
        "cameo-codes.txt"
    } else {
        ""
    };
    errors_named(&errors, &name, cameo, &text)
}

/// Which PETRARCH reader a file goes to, by its name as `PetrarchFiles::in_dir` decides; files
/// of no kind (prepositions, issue codes) go to one chosen by their length, to be fuzzed too.
fn petrarch_kind(name: &str, text: &str) -> usize {
    let n = name.to_lowercase();
    if n.contains("verb") || (n.starts_with("cameo.") && !n.contains("code")) {
        0
    } else if n.contains("actor") {
        1
    } else if n.contains("agent") {
        2
    } else if n.contains("discard") {
        3
    } else if n.contains("ontology") {
        4
    } else {
        text.len() % 5
    }
}

pub fn check_petrarch(input: &[u8]) -> Result<(), String> {
    use tidings_dict::petrarch::*;
    let (name, text) = split(input);
    let mut builder = DictionaryBuilder::new();
    match petrarch_kind(&name, &text) {
        0 => {
            add_petrarch_verbs(&mut builder, &name, &text);
        }
        1 => {
            add_petrarch_actors(&mut builder, &name, &text);
        }
        2 => {
            add_petrarch_agents(&mut builder, &name, &text);
        }
        3 => {
            add_petrarch_discards(&mut builder, &name, &text);
        }
        _ => {
            add_petrarch_ontology(&mut builder, &name, &text);
        }
    }
    let (_dicts, errors) = builder.build();
    errors_named(&errors, &name, "", &text)
}
