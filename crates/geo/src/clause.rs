//! The parts of a sentence an act's place is looked for in: its source's clause, and what is
//! quoted (a speaker's words name what is spoken of, not where the speaking is).

use std::ops::Range;

use crate::words::PlaceWords;

/// Byte ranges of a sentence inside quotation marks (“...”, "..."); an opening mark never closed
/// quotes to the end.
pub(crate) fn quoted(sentence: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in sentence.char_indices() {
        match (c, open) {
            ('“', None) => open = Some(i),
            ('"', None) => open = Some(i),
            ('”' | '"', Some(s)) => {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(s..sentence.len());
    }
    out
}

/// The clause of a sentence that holds byte `at`: the sentence cut at `;`, at a dash between
/// spaces, and at a comma followed by a word that opens a clause (`clause` in
/// `dictionaries/places/words.txt`: ", after talks in Geneva,"); a sentence opening with such a
/// word ("After talks in Geneva, ...") is cut at its first comma too.
pub(crate) fn clause_of(sentence: &str, at: usize) -> Range<usize> {
    let w = PlaceWords::builtin();
    let mut cuts = vec![0];
    let first_word = |s: &str| {
        s.trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    let opens_clause = |s: &str| w.clause.contains(&first_word(s));
    // a clause a comma and a subordinating word open (", which ...") ends at the next comma
    let mut inside = false;
    for (i, c) in sentence.char_indices() {
        let rest = &sentence[i + c.len_utf8()..];
        let cut = match c {
            ';' => true,
            '—' | '–' => true,
            '-' => rest.starts_with("- ") && sentence[..i].ends_with(' '),
            ',' if inside => {
                inside = opens_clause(rest);
                true
            }
            ',' => {
                inside = opens_clause(rest);
                inside
            }
            _ => false,
        };
        if cut {
            cuts.push(i + c.len_utf8());
        }
    }
    if opens_clause(sentence) {
        if let Some(comma) = sentence.find(',') {
            cuts.push(comma + 1);
        }
    }
    cuts.push(sentence.len());
    cuts.sort_unstable();
    cuts.dedup();
    let end = cuts.iter().position(|&c| c > at).unwrap_or(cuts.len() - 1);
    cuts[end.saturating_sub(1)]..cuts[end]
}

/// Whether a clause opens with a word that makes it subordinate (`clause` in `words.txt`).
pub(crate) fn subordinate(sentence: &str, clause: Range<usize>) -> bool {
    let first = sentence[clause]
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    PlaceWords::builtin().clause.contains(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_clauses() {
        let s = "“We will fight in Idlib,” Erdogan said in Ankara.";
        let q = quoted(s);
        assert_eq!(q.len(), 1);
        assert!(q[0].contains(&s.find("Idlib").unwrap()));
        assert!(!q[0].contains(&s.find("Ankara").unwrap()));
        let s = "After talks in Geneva, the minister flew home, where he met the king.";
        let c = clause_of(s, s.find("minister").unwrap());
        assert_eq!(&s[c], " the minister flew home,");
        let c = clause_of(s, s.find("Geneva").unwrap());
        assert_eq!(&s[c.clone()], "After talks in Geneva,");
        assert!(subordinate(s, c));
        assert!(!subordinate(s, clause_of(s, s.find("minister").unwrap())));
    }
}
